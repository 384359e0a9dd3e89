import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Api, type Envelope } from '../main/api/contract';
import { API_CHANNEL } from '../main/electron/api-channel';

/**
 * The whole bridge between the page and the main process: window.api, one async function per
 * contract operation, each an invoke on the single 'api' channel. Nothing else is exposed —
 * not ipcRenderer, not a generic send. Bundled to one CommonJS file (out/preload/index.cjs),
 * because a sandboxed preload can require only 'electron' and a few built-ins.
 */
const api = buildApi((name, input) => ipcRenderer.invoke(API_CHANNEL, name, input) as Promise<Envelope<unknown>>) satisfies Api;

contextBridge.exposeInMainWorld('api', api);
