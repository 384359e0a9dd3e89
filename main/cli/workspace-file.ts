import { isPostgresTarget } from '../db/store';
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError } from '../shared/errors';


/** Where a workspace file stands before a command that may create it. */
export type Before = 'server' | 'missing' | 'empty' | 'existing';

export function workspaceBefore(path: string): Before {
  // A PostgreSQL database is not a file: init and import check it is empty once connected.
  if (isPostgresTarget(path)) return 'server';
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
  if (before === 'existing' || before === 'server') return;
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  if (before === 'missing') rmSync(path, { force: true });
  else truncateSync(path, 0);
}

export { isSqliteFile, sameFile } from '../db/sqlite-file';
