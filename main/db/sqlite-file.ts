import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * The first `bytes` bytes of the file at `path` when it is a regular file that starts with
 * SQLite's header, else null (missing, a folder, shorter, anything else). Reads only those
 * bytes: a workspace can be tens of megabytes.
 */
export function sqliteHeaderBytes(path: string, bytes = 16): Buffer | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || !stat.isFile() || stat.size < bytes) return null;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return n === bytes && buf.subarray(0, 16).toString('latin1') === SQLITE_HEADER ? buf : null;
  } finally {
    closeSync(fd);
  }
}

/** True for a file that starts with SQLite's header (a workspace, or another program's database). */
export function isSqliteFile(path: string): boolean {
  return sqliteHeaderBytes(path) !== null;
}

/** The same file by real path (links resolved), or by resolved path when it does not exist yet. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}
