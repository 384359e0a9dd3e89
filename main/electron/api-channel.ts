/** The IPC channel window.api travels on (shared by main/electron/ipc.ts and the preload). */
export const API_CHANNEL = 'api';

/** window.files' channels (main/electron/export-files.ts and the preload): exports without paths. */
export const FILES_SAVE_CHANNEL = 'files.saveExport';
export const FILES_OPEN_CHANNEL = 'files.openExported';
export const FILES_SHOW_CHANNEL = 'files.showExported';

/** Every channel main handles: the boot test checks that exactly these are registered. */
export const IPC_CHANNELS = [API_CHANNEL, FILES_SAVE_CHANNEL, FILES_OPEN_CHANNEL, FILES_SHOW_CHANNEL] as const;

/**
 * The globals the preload puts in the page (contextBridge.exposeInMainWorld): the preload test
 * (test/integration/electron-preload.test.ts) checks that exactly these are exposed.
 */
export const PRELOAD_GLOBALS = ['api', 'files'] as const;
