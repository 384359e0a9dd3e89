import { fileNameOf, folderOf, sizeText } from '../../../main/shared/file-names';

/**
 * How the result of an export is said. The names and sizes themselves come from
 * main/shared/file-names.ts, which main uses for the Save dialog's suggestion too.
 */
export { fileNameOf, folderOf, joinPath, safeFileName, sizeText } from '../../../main/shared/file-names';

/** "Saved SB agenda 2020-06-16.docx (12 KB) to C:\\Users\\me\\Board". */
export function savedText(result: { path: string; bytes: number }): string {
  return `Saved ${fileNameOf(result.path)} (${sizeText(result.bytes)}) to ${folderOf(result.path)}`;
}

/** "Downloaded SB agenda 2020-06-16.docx (12 KB)": the browser chose the folder. */
export function downloadedText(result: { name: string; bytes: number }): string {
  return `Downloaded ${result.name} (${sizeText(result.bytes)})`;
}
