import type { ResultOf } from '../../main/api/contract';
import { EXPORT_CANCELLED, type ExportInput, type ExportOpName, type Files, type SavedExport } from '../../main/api/files-api';
import { ApiError, call } from './api';

/**
 * The renderer's door to exports: window.files, put there beside window.api by the preload
 * (Save dialog in Electron) or by /bridge.js (a download in the browser). The page never
 * names a file to write; it names the export and suggests a file name.
 */
declare global {
  interface Window {
    files: Files;
  }
}

export function files(): Files {
  return window.files;
}

/** True in the desktop app, where a saved file can be opened or shown in its folder (not in a browser). */
export function canRevealFiles(): boolean {
  return typeof window !== 'undefined' && typeof window.files === 'object' && window.files !== null && window.files.where === 'desktop';
}

/** The saved export, or null when the user closed the Save dialog; any refusal is thrown as an ApiError. */
export async function saveExport<K extends ExportOpName>(op: K, input: ExportInput<K>, suggestedName: string): Promise<SavedExport<ResultOf<K>> | null> {
  try {
    return await call(window.files.saveExport(op, input, suggestedName));
  } catch (err) {
    if (err instanceof ApiError && err.code === EXPORT_CANCELLED) return null;
    throw err;
  }
}
