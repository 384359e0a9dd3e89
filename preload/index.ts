import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Api, type Envelope } from '../main/api/contract';
import type { Files } from '../main/api/files-api';
import { API_CHANNEL, FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, FILES_SHOW_CHANNEL } from '../main/electron/api-channel';

/**
 * The whole bridge between the page and the main process: window.api, one async function per
 * contract operation, each an invoke on the single 'api' channel; and window.files, the
 * exports whose file main chooses with the Save dialog (the page never sends a path).
 * Nothing else is exposed — not ipcRenderer, not a generic send. Bundled to one CommonJS
 * file (out/preload/index.cjs), because a sandboxed preload can require only 'electron' and
 * a few built-ins.
 */
const api = buildApi((name, input) => ipcRenderer.invoke(API_CHANNEL, name, input) as Promise<Envelope<unknown>>) satisfies Api;

const files = {
  where: 'desktop',
  saveExport: (op, input, suggestedName) => ipcRenderer.invoke(FILES_SAVE_CHANNEL, op, input, suggestedName),
  openExported: (token) => ipcRenderer.invoke(FILES_OPEN_CHANNEL, token),
  showExported: (token) => ipcRenderer.invoke(FILES_SHOW_CHANNEL, token),
} satisfies Files;

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('files', files);
