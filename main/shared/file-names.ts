/**
 * File names and paths as text: shared by main (the Save dialog's suggestion, the download's
 * name) and the renderer (what the export form says it will write), so it imports neither
 * Node nor the DOM. Paths are taken apart by their separators: a Windows path has
 * backslashes, the tests' Linux one slashes.
 */

/** The folder part: "C:\\Users\\me\\Board" from "C:\\Users\\me\\Board\\board.db". */
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

/** ".docx" from "Minutes.DOCX", "" when the name has no short extension. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && /^\.[A-Za-z0-9]{1,5}$/.test(name.slice(dot)) ? name.slice(dot).toLowerCase() : '';
}

// Windows refuses these characters in a name, and these device names as a whole name.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name Windows accepts, from a suggested one: "2019/20" becomes "2019-20", other
 * forbidden characters become "-", spaces are tidied, and no name ends in a dot or space.
 */
export function safeFileName(name: string): string {
  const ext = extensionOf(name);
  let stem = (ext ? name.slice(0, -ext.length) : name)
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/[. ]+$/, '');
  if (stem.length > 150) stem = stem.slice(0, 150).trimEnd();
  if (stem === '') stem = 'Export';
  if (RESERVED.test(stem)) stem += '_';
  return stem + ext;
}

