/** The IPC channel window.api travels on (shared by main/electron/ipc.ts and the preload). */
export const API_CHANNEL = 'api';

/** Every channel main handles: the boot test checks that exactly these are registered. */
export const IPC_CHANNELS = [API_CHANNEL] as const;

/**
 * The globals the preload puts in the page (contextBridge.exposeInMainWorld): the preload test
 * (test/integration/electron-preload.test.ts) checks that exactly these are exposed.
 */
export const PRELOAD_GLOBALS = ['api'] as const;
