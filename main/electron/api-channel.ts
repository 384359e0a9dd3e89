/** The single IPC channel window.api travels on (shared by main/electron/ipc.ts and the preload). */
export const API_CHANNEL = 'api';
