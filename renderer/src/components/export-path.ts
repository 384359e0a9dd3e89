/**
 * Where an export goes by default, and how the result is said. Text only: the renderer has
 * no Node, so paths are taken apart by their separators (a Windows workspace gives
 * backslashes, the tests' Linux one slashes).
 */

/** The workspace file's folder: "C:\\Users\\me\\Board" from "C:\\Users\\me\\Board\\board.db". */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '.';
  if (cut === 0) return path.slice(0, 1);
  if (cut === 2 && /^[A-Za-z]:/.test(path)) return path.slice(0, 3);
  return path.slice(0, cut);
}

/** The last part of a path: the file's name. */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Joins with the separator the folder already uses. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

// Windows refuses these characters in a name, and these device names as a whole name.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name Windows accepts, from a suggested one: "2019/20" becomes "2019-20", other
 * forbidden characters become "-", spaces are tidied, and no name ends in a dot or space.
 */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 && /^\.[A-Za-z0-9]{1,5}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  let stem = (ext ? name.slice(0, -ext.length) : name)
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/[. ]+$/, '');
  if (stem.length > 150) stem = stem.slice(0, 150).trimEnd();
  if (stem === '') stem = 'Export';
  if (RESERVED.test(stem)) stem += '_';
  return stem + ext.toLowerCase();
}

/** The path offered first: the suggested name in the workspace file's folder. */
export function defaultExportPath(workspacePath: string | null | undefined, suggestedName: string): string {
  const name = safeFileName(suggestedName);
  return workspacePath ? joinPath(folderOf(workspacePath), name) : name;
}

/** The path with its extension swapped, for a format chosen after the path was typed. */
export function withExtension(path: string, extension: string): string {
  const name = fileNameOf(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? path.slice(0, path.length - (name.length - dot)) : path;
  return stem + extension;
}

/** "12 KB", "1.4 MB": sizes as Explorer would round them, never "0 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}

/** "Saved SB agenda 2020-06-16.docx (12 KB) to C:\\Users\\me\\Board". */
export function savedText(result: { path: string; bytes: number }): string {
  return `Saved ${fileNameOf(result.path)} (${sizeText(result.bytes)}) to ${folderOf(result.path)}`;
}
