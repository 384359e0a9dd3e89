import { existsSync, readFileSync, realpathSync, rmSync, statSync, truncateSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError } from '../shared/errors';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Where a workspace file stands before a command that may create it. */
export type Before = 'missing' | 'empty' | 'existing';

export function workspaceBefore(path: string): Before {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) throw new DomainError('file.badPath', `The folder ${dir} does not exist; create it first or choose another place.`, 'db');
    return 'missing';
  }
  if (stat.isDirectory()) throw new DomainError('file.badPath', `${path} is a folder; give the workspace a file name, such as workspace.db.`, 'db');
  return stat.size === 0 ? 'empty' : 'existing';
}

/** Puts back a file this command created or filled, after the command failed. */
export function undoCreate(path: string, before: Before): void {
  if (before === 'existing') return;
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  if (before === 'missing') rmSync(path, { force: true });
  else truncateSync(path, 0);
}

export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/** True for a file that starts with SQLite's header: an export must never overwrite one. */
export function isSqliteFile(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || !stat.isFile() || stat.size < 16) return false;
  return readFileSync(path).subarray(0, 16).toString('latin1') === SQLITE_HEADER;
}
