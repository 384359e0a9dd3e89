import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { latestVersion, schemaVersion } from '../db/migrate';
import { checkInWorker, checkProblems } from '../db/check-in-worker';
import { sameFile, sqliteHeaderBytes } from '../db/sqlite-file';
import { DomainError } from '../shared/errors';

export interface BackupResult {
  path: string;
  bytes: number;
  schemaVersion: number;
}

export { sameFile } from '../db/sqlite-file';

function removeTemp(temp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
}

/**
 * The first 100 bytes of a file (SQLite's header), or null when it is not an SQLite file.
 * user_version sits at offset 60, so a backup's schema version is read without opening it.
 */
export function sqliteHeader(path: string): Buffer | null {
  return sqliteHeaderBytes(path, 100);
}

const TABLES_OF_A_WORKSPACE = ['setting', 'audit_log', 'organisation', 'board', 'meeting'];

/**
 * Everything a backup must pass before it is kept or restored: it is an SQLite file, it is a
 * Board Secretariat workspace, it is not from a newer version, and it passes SQLite's full
 * integrity_check. Opened read-only, so a refused file is never changed. `label` names the
 * file in the messages (a path, or a backup's name).
 */
export function verifyBackupFile(path: string, label = path, options: { integrity?: boolean } = {}): { schemaVersion: number } {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new DomainError('backup.missing', `There is no backup file ${label}.`, 'from');
  if (!sqliteHeader(path)) {
    throw new DomainError('backup.notSqlite', `${label} is not a backup of a Board Secretariat workspace (it is not an SQLite database).`, 'from');
  }
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DomainError('backup.failedCheck', `${label} cannot be opened as a database (${(err as Error).message}); it is damaged and cannot be used.`, 'from');
  }
  try {
    let version: number;
    let tables: string[];
    try {
      version = schemaVersion(db);
      tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    } catch (err) {
      throw new DomainError('backup.failedCheck', `${label} failed its integrity check (${(err as Error).message}); it is damaged and cannot be used.`, 'from');
    }
    if (version === 0 || !TABLES_OF_A_WORKSPACE.every((t) => tables.includes(t))) {
      throw new DomainError('backup.notWorkspace', `${label} is an SQLite database of another program, not a Board Secretariat workspace.`, 'from');
    }
    if (version > latestVersion()) {
      throw new DomainError(
        'backup.newerVersion',
        `${label} was saved by a newer version of Board Secretariat (schema ${version}; this version reads up to ${latestVersion()}). Install the latest version to use it.`,
        'from',
      );
    }
    if (options.integrity !== false) failIfDamaged(checkProblems(db, 'integrity_check'), label);
    return { schemaVersion: version };
  } finally {
    db.close();
  }
}

function failIfDamaged(problems: string[], label: string): void {
  if (problems.join() !== 'ok') {
    throw new DomainError('backup.failedCheck', `${label} failed its integrity check (${problems.slice(0, 3).join('; ')}); it is damaged and cannot be used.`, 'from');
  }
}

/** verifyBackupFile with the slow full integrity check off the main thread. */
export async function verifyBackupFileAsync(path: string, label = path): Promise<{ schemaVersion: number }> {
  const shape = verifyBackupFile(path, label, { integrity: false });
  failIfDamaged(await checkInWorker(path, 'integrity_check'), label);
  return shape;
}

function refuseExisting(out: string): never {
  throw new DomainError('file.exists', `${out} already exists; a backup never replaces a file: choose a new name.`, 'out');
}

/** Refuses to copy a workspace this version does not understand, before any byte is written. */
function refuseNewer(db: Database, label: string): void {
  const version = schemaVersion(db);
  if (version > latestVersion()) {
    throw new DomainError(
      'db.newerVersion',
      `${label} was saved by a newer version of Board Secretariat (schema ${version}; this version reads up to ${latestVersion()}). Back it up with that version; nothing was written.`,
      'db',
    );
  }
}

/**
 * Copies an open workspace with SQLite's online backup (safe while the app or another
 * program is writing), into a temporary sibling that must pass verifyBackupFile (full
 * integrity check, schema version) before it is renamed over `out`, so a failed backup
 * never replaces a good one. The copy is a single self-contained file (rollback journal,
 * not WAL); the app switches it back to WAL when it opens it.
 */
export async function backupDatabase(db: Database, out: string): Promise<BackupResult> {
  const target = resolve(out);
  if (db.name !== ':memory:' && sameFile(db.name, target)) {
    throw new DomainError('backup.sameFile', `${out} is the workspace itself; a backup must go to another file.`, 'out');
  }
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DomainError('file.badPath', `The folder ${dir} does not exist; create it or choose another place for the backup.`, 'out');
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DomainError('file.badPath', `${out} is a folder; give the backup a file name, such as ${join(out, 'workspace-backup.db')}.`, 'out');
  }
  // Whatever is there (another workspace full of records, a read-only file, last week's backup)
  // may be the only copy of something: a backup is always a new file.
  if (existsSync(target)) refuseExisting(out);
  refuseNewer(db, db.name);
  const temp = join(dir, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await db.backup(temp);
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const { schemaVersion: version } = await verifiedCopy(() => verifyBackupFileAsync(temp, 'The backup copy'), out);
    if (existsSync(target)) refuseExisting(out); // made meanwhile, while the copy was checked
    renameSync(temp, target);
    return { path: target, bytes: statSync(target).size, schemaVersion: version };
  } catch (err) {
    removeTemp(temp);
    throw lockedOr(err, out);
  }
}

/**
 * The same copy made synchronously with VACUUM INTO (SQLite's own consistent copy, read in
 * one transaction), for the one place that cannot wait for the online backup: openDatabase
 * backing up a workspace just before it migrates it.
 */
export function backupDatabaseNow(db: Database, out: string): BackupResult {
  const target = resolve(out);
  refuseNewer(db, db.name);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const { schemaVersion: version } = verifiedCopySync(() => verifyBackupFile(temp, 'The backup copy'), out);
    renameSync(temp, target);
    return { path: target, bytes: statSync(target).size, schemaVersion: version };
  } catch (err) {
    removeTemp(temp);
    throw lockedOr(err, out);
  }
}

function asNotWritten(err: unknown, out: string): unknown {
  return err instanceof DomainError ? new DomainError('backup.failedCheck', `${err.message} ${out} was not written. Run check on the workspace.`, 'out') : err;
}

async function verifiedCopy<T>(verify: () => Promise<T>, out: string): Promise<T> {
  try {
    return await verify();
  } catch (err) {
    throw asNotWritten(err, out);
  }
}

function verifiedCopySync<T>(verify: () => T, out: string): T {
  try {
    return verify();
  } catch (err) {
    throw asNotWritten(err, out);
  }
}

function lockedOr(err: unknown, out: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new DomainError('file.locked', `${out} could not be written: it is open in another program or the folder is read-only.`, 'out');
  }
  return err;
}
