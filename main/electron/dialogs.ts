import { dialog, type BrowserWindow } from 'electron';
import type { FileSaver, SaveDialogRequest } from '../api/file-exports';
import { ENV_TEST_SAVE_PATH, devOverride } from './paths';

/** What a test sets BOARD_SECRETARIAT_TEST_SAVE_PATH to for "the user pressed Cancel". */
export const TEST_SAVE_CANCEL = 'cancel';

/**
 * Asks where to save an export; null when the user cancels. The dialog itself asks before
 * replacing a file (showOverwriteConfirmation). A development or test run may answer in
 * advance through BOARD_SECRETARIAT_TEST_SAVE_PATH (a path, or "cancel"), because Playwright
 * cannot click a native dialog; the packaged app always asks.
 */
export async function chooseSavePath(window: BrowserWindow | null, options: SaveDialogRequest): Promise<string | null> {
  const stubbed = devOverride(ENV_TEST_SAVE_PATH);
  if (stubbed !== null) return stubbed === TEST_SAVE_CANCEL ? null : stubbed;
  const dialogOptions = { title: options.title, defaultPath: options.defaultPath, filters: options.filters, properties: ['showOverwriteConfirmation' as const] };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The Save dialog as a FileSaver, parented to the app's window while it is open. */
export function electronFileSaver(window: () => BrowserWindow | null): FileSaver {
  return { chooseSavePath: (request) => chooseSavePath(window(), request) };
}
