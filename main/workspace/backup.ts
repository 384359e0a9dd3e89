import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { schemaVersion } from '../db/migrate';
import { DomainError } from '../shared/errors';

export interface BackupResult {
  path: string;
  bytes: number;
  schemaVersion: number;
}

function realOrResolved(path: string): string {
  const full = resolve(path);
  return existsSync(full) ? realpathSync(full) : full;
}

function removeTemp(temp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
}

/**
 * Copies an open workspace with SQLite's online backup (safe while the app or another
 * program is writing), into a temporary sibling that must open and pass its quick check
 * before it is renamed over `out`, so a failed backup never replaces a good one. The copy
 * is a single self-contained file (rollback journal, not WAL); the app switches it back to
 * WAL when it opens it.
 */
export async function backupDatabase(db: Database, out: string): Promise<BackupResult> {
  const target = resolve(out);
  if (db.name !== ':memory:' && realOrResolved(db.name) === realOrResolved(target)) {
    throw new DomainError('backup.sameFile', `${out} is the workspace itself; a backup must go to another file.`, 'out');
  }
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DomainError('file.badPath', `The folder ${dir} does not exist; create it or choose another place for the backup.`, 'out');
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DomainError('file.badPath', `${out} is a folder; give the backup a file name, such as ${join(out, 'workspace-backup.db')}.`, 'out');
  }
  const temp = join(dir, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await db.backup(temp);
    let version: number;
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new DomainError('backup.failedCheck', `The backup copy failed its quick check (${String(check)}); ${out} was not written. Run check on the workspace.`, 'out');
      }
      version = schemaVersion(copy);
    } finally {
      copy.close();
    }
    renameSync(temp, target);
    return { path: target, bytes: statSync(target).size, schemaVersion: version };
  } catch (err) {
    removeTemp(temp);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new DomainError('file.locked', `${out} could not be written: it is open in another program or the folder is read-only.`, 'out');
    }
    throw err;
  }
}
