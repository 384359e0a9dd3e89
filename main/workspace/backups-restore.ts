import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { audit } from '../db/audit';
import { assertWritable } from '../db/connection';
import { migrate } from '../db/migrate';
import { inTransaction, makeCtx, type Ctx } from '../shared/context';
import { sqliteStore } from '../db/sqlite-store';
import { DomainError } from '../shared/errors';
import { sameFile, sqliteHeader, verifyBackupFileAsync } from './backup';
import { backupsFolder, createBackup, damagedFileName, listBackups, openWorkspace, pruneBackups, type BackupEntry } from './backups';

export interface RestoreResult {
  /** The backup now in the workspace. */
  restored: { name: string; path: string; schemaVersion: number };
  /** The workspace as it was just before, saved first (reason before-restore). */
  savedFirst: BackupEntry;
  /** The workspace's schema version after the restore (an older backup is migrated). */
  schemaVersion: number;
}

/**
 * The backup file `from` names: a name listed in the workspace's backups folder (all the
 * app ever sends: a page never chooses a path), or with allowPath (the command line) a
 * path to any backup file.
 */
export function resolveBackup(workspacePath: string, from: string, allowPath: boolean): string {
  const listed = listBackups(workspacePath).find((b) => b.name === from);
  if (listed) return listed.path;
  // A path the command line gives is used if it is there; a bare name not listed is refused below.
  if (allowPath && (existsSync(resolve(from)) || isAbsolute(from) || /[\\/]/.test(from))) return resolve(from);
  throw new DomainError(
    'backup.missing',
    `There is no backup called "${from}" in ${backupsFolder(workspacePath)}. Choose one of the backups listed${allowPath ? ' (the backups command lists them), or give the path of a backup file' : ''}.`,
    allowPath ? 'from' : 'name',
  );
}

const restoring = new Set<string>();

/**
 * SQLite's backup API cannot change the page size of a WAL database: a backup written with
 * another page size (by another build, or by hand) is first copied and rebuilt with the
 * workspace's. Returns the file to restore from (the backup itself when the sizes agree).
 */
function withPageSize(source: string, pageSize: number, folder: string): string {
  const header = sqliteHeader(source)!;
  const raw = header.readUInt16BE(16);
  if ((raw === 1 ? 65536 : raw) === pageSize) return source;
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(source)}.${randomBytes(4).toString('hex')}.tmp`);
  copyFileSync(source, temp);
  const copy = new BetterSqlite3(temp);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`page_size = ${pageSize}`);
    copy.exec('VACUUM');
  } finally {
    copy.close();
  }
  return temp;
}

/**
 * Puts a backup back into the open workspace. The backup must pass every check first (SQLite,
 * a workspace, not newer, full integrity check) and the workspace as it is now is backed up
 * before anything changes. The swap itself is SQLite's backup API run from the backup (opened
 * read-only) onto the workspace's own path: SQLite writes the pages in one write transaction
 * under its own locks, so every connection that has the workspace open — the app's included —
 * reads the restored content on its next read, and the file keeps its inode (the app's
 * watched-file check sees the same file, not a replaced one). The copy is made in one step
 * (the workspace is locked for writing only while it runs); a write arriving meanwhile waits
 * for it or answers "busy". Afterwards an older backup is migrated, and the restore itself is
 * recorded in the restored audit trail (the old trail went with the old content).
 *
 * A restore is a write although the dispatcher serves it as a query (it is asynchronous), so
 * it checks first, as every write does, that the file is still the one opened and may be
 * written: a replaced or read-only workspace is refused with that reason, before any backup.
 */
export async function restoreBackup(ctx: Ctx, from: string, label = from): Promise<RestoreResult> {
  const db = ctx.store.sqlite;
  if (!db) throw new DomainError('backup.notFile', `This workspace is on a PostgreSQL server (${ctx.store.location}): there is no file to restore into. Restore the server from IT's backups, or import a bundle into a new database.`);
  assertWritable(db);
  const workspace = db.name;
  const source = resolve(from);
  if (['', '-wal', '-shm', '-journal'].some((s) => sameFile(workspace + s, source))) {
    throw new DomainError('backup.isWorkspace', `${label} is the workspace itself (or one of its working files), not a backup of it. Choose a backup.`, 'from');
  }
  const { schemaVersion: backupVersion } = await verifyBackupFileAsync(source, label);
  if (restoring.has(workspace)) throw new DomainError('backup.busy', 'A restore of this workspace is already running; wait for it to finish.');
  restoring.add(workspace);
  try {
    const now = ctx.now();
    const savedFirst = await createBackup(db, 'before-restore', now, { prune: false });
    const copyFrom = withPageSize(source, db.pragma('page_size', { simple: true }) as number, backupsFolder(workspace));
    try {
      const backup: Database = new BetterSqlite3(copyFrom, { readonly: true, fileMustExist: true });
      try {
        await backup.backup(workspace, { progress: () => 0x7fffffff });
      } finally {
        backup.close();
      }
    } finally {
      if (copyFrom !== source) rmSync(copyFrom, { force: true });
    }
    const { to } = migrate(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new DomainError('backup.restoreFailed', `The restored workspace failed its check (${String(check)}). The workspace as it was is saved as ${savedFirst.name}: restore that.`);
    }
    await ctx.store.write((trx) =>
      audit({ ...inTransaction(ctx, trx), operation: ctx.operation === 'direct' ? 'restore' : ctx.operation }, 'update', 'workspace', 1, { saved_first_as: savedFirst.name }, { restored_from: label }),
    );
    pruneBackups(workspace, now);
    return { restored: { name: label, path: source, schemaVersion: backupVersion }, savedFirst, schemaVersion: to };
  } finally {
    restoring.delete(workspace);
  }
}


/**
 * The restore for a workspace that cannot be opened any more (damaged, or left empty): there
 * is no connection to restore through, and nothing can have it open (the app refuses such a
 * file), so the checked backup is copied beside it and renamed over it. The damaged file —
 * and its -wal, which may hold the last writes — is kept first in the backups folder under a
 * name that is not a backup's (damagedFileName), for whoever tries to rescue it: never
 * offered later as a backup to restore.
 */
export async function restoreOverDamaged(workspacePath: string, from: string, label: string, actor: string, now: Date): Promise<{ savedFirst: string; schemaVersion: number }> {
  const workspace = resolve(workspacePath);
  const source = resolve(from);
  if (['', '-wal', '-shm', '-journal'].some((s) => sameFile(workspace + s, source))) {
    throw new DomainError('backup.isWorkspace', `${label} is the workspace itself (or one of its working files), not a backup of it. Choose a backup.`, 'from');
  }
  await verifyBackupFileAsync(source, label);
  const folder = backupsFolder(workspace);
  mkdirSync(folder, { recursive: true });
  const savedFirst = damagedFileName(workspace, folder, now);
  copyFileSync(workspace, join(folder, savedFirst));
  if (existsSync(workspace + '-wal') && statSync(workspace + '-wal').size > 0) copyFileSync(workspace + '-wal', join(folder, savedFirst + '-wal'));
  const temp = join(folder, `.${basename(workspace)}.${randomBytes(4).toString('hex')}.tmp`);
  copyFileSync(source, temp);
  // The old -wal must go before the backup takes the name: SQLite would replay it into it.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(workspace + suffix, { force: true });
  renameSync(temp, workspace);
  const db = openWorkspace(workspace, { create: false });
  const store = sqliteStore(db);
  try {
    const ctx: Ctx = { ...makeCtx(store, actor, () => now), operation: 'cli.restore' };
    await store.write((trx) => audit(inTransaction(ctx, trx), 'update', 'workspace', 1, { saved_first_as: savedFirst, damaged: true }, { restored_from: label }));
    return { savedFirst, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}
