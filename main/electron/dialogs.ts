import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { ENV_TEST_SAVE_PATH, devOverride } from './paths';

export interface SaveOptions {
  title: string;
  /** A suggested file name or full path, e.g. "Board minutes 2019-11-23.docx". */
  defaultPath: string;
  filters: FileFilter[];
}

/**
 * Asks where to save an export; null when the user cancels. A development or test run may
 * answer in advance through BOARD_SECRETARIAT_TEST_SAVE_PATH, because Playwright cannot click
 * a native dialog; the packaged app always asks.
 */
export async function chooseSavePath(window: BrowserWindow | null, options: SaveOptions): Promise<string | null> {
  const stubbed = devOverride(ENV_TEST_SAVE_PATH);
  if (stubbed !== null) return stubbed;
  const dialogOptions = { title: options.title, defaultPath: options.defaultPath, filters: options.filters, properties: ['showOverwriteConfirmation' as const] };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}
