import { formatBytes } from '../../../main/shared/bytes';
import { fileNameOf, folderOf } from '../../../main/shared/file-names';

/**
 * How the result of an export is said. The names come from main/shared/file-names.ts (which
 * main uses for the Save dialog's suggestion too), the sizes from main/shared/bytes.ts (as on
 * the Backups page and the command line).
 */
export { fileNameOf, folderOf, joinPath, safeFileName } from '../../../main/shared/file-names';
export { formatBytes } from '../../../main/shared/bytes';

/** "Saved SB agenda 2020-06-16.docx (12 KB) to C:\\Users\\me\\Board". */
export function savedText(result: { path: string; bytes: number }): string {
  return `Saved ${fileNameOf(result.path)} (${formatBytes(result.bytes)}) to ${folderOf(result.path)}`;
}

/** "Downloaded SB agenda 2020-06-16.docx (12 KB)": the browser chose the folder. */
export function downloadedText(result: { name: string; bytes: number }): string {
  return `Downloaded ${result.name} (${formatBytes(result.bytes)})`;
}
