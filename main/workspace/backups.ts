import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openDatabase, type OpenOptions } from '../db/connection';
import { latestVersion } from '../db/migrate';
import { DomainError } from '../shared/errors';
import { backupDatabase, backupDatabaseNow, sqliteHeader, type BackupResult } from './backup';
import { dataTables } from './bundle';
import { BACKUP_REASONS, backupsToDelete, type BackupReason } from './backup-retention';

/**
 * The automatic backups of a workspace: where they live, what they are called, when they
 * are made, and how many are kept (backup-retention.ts).
 *
 * They live in a folder beside the workspace named after it: the backups of
 * `C:\Users\jo\Board\workspace.db` are in `C:\Users\jo\Board\workspace backups\`, so a
 * workspace and its backups are moved, copied and found together, and two workspaces in one
 * folder never share backups. Each backup's name sorts by time and says why it was made:
 * `workspace 2026-12-02T041139Z daily.db` (the time in UTC, so the clocks going back in
 * October never reorder them); a second backup in the same second gets ` 2` before `.db`.
 */

export interface BackupEntry {
  /** The file name inside the backups folder; backup.restore takes this, never a path. */
  name: string;
  path: string;
  /** ISO time in UTC, e.g. 2026-12-02T04:11:39Z. */
  takenAt: string;
  reason: BackupReason;
  bytes: number;
  /** Read from the file's header; null when the file is not SQLite (damaged). */
  schemaVersion: number | null;
  /**
   * Why it cannot be restored, from the cheap check (SQLite header, a schema version this app
   * reads); null when it passes. Restore still runs the full check.
   */
  unusable: 'damaged' | 'newer' | null;
}

/** The cheap check, read from the header alone: no file is opened. */
function unusableBecause(schemaVersion: number | null): BackupEntry['unusable'] {
  if (schemaVersion === null || schemaVersion < 1) return 'damaged';
  return schemaVersion > latestVersion() ? 'newer' : null;
}

function stemOf(workspacePath: string): string {
  const name = basename(workspacePath);
  return extname(name) ? name.slice(0, -extname(name).length) : name;
}

export function backupsFolder(workspacePath: string): string {
  const full = resolve(workspacePath);
  return join(dirname(full), `${stemOf(full)} backups`);
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/:/g, '') + 'Z'; // 2026-12-02T041139Z
}

const NAME = new RegExp(`^(.*) (\\d{4}-\\d{2}-\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z (${BACKUP_REASONS.join('|')})(?: (\\d+))?\\.db$`);

export function parseBackupName(name: string): { takenAt: Date; reason: BackupReason; sequence: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const takenAt = new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { takenAt, reason: m[6] as BackupReason, sequence: m[7] ? Number(m[7]) : 1 };
}

/** A name for a new backup not already taken in the folder. */
export function newBackupName(workspacePath: string, folder: string, at: Date, reason: BackupReason): string {
  const base = `${stemOf(resolve(workspacePath))} ${stamp(at)} ${reason}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base} ${n}.db`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/**
 * Where restoreOverDamaged keeps a workspace too damaged to open: in the backups folder, but
 * under a name that is not a backup's (`workspace 2026-12-02T041139Z damaged.db`), so it is
 * never listed, offered, restored or deleted by retention; it is there for whoever rescues it.
 */
export function damagedFileName(workspacePath: string, folder: string, at: Date): string {
  const base = `${stemOf(resolve(workspacePath))} ${stamp(at)} damaged`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base} ${n}.db`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/** The newest backup that passes the cheap check: the one offered when a workspace cannot be opened. */
export function newestGoodBackup(workspacePath: string): BackupEntry | undefined {
  return listBackups(workspacePath).find((b) => b.unusable === null);
}

/** The workspace's backups, newest first. Files that do not carry a backup's name are left out. */
export function listBackups(workspacePath: string): BackupEntry[] {
  const folder = backupsFolder(workspacePath);
  if (!existsSync(folder)) return [];
  const entries: (BackupEntry & { sequence: number; mtime: number })[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    const path = join(folder, name);
    const stat = parsed && statSync(path, { throwIfNoEntry: false });
    if (!parsed || !stat || !stat.isFile()) continue;
    const header = stat.size >= 100 ? sqliteHeader(path) : null;
    entries.push({
      name,
      path,
      takenAt: parsed.takenAt.toISOString().replace('.000Z', 'Z'),
      reason: parsed.reason,
      bytes: stat.size,
      schemaVersion: header ? header.readUInt32BE(60) : null,
      unusable: unusableBecause(header ? header.readUInt32BE(60) : null),
      sequence: parsed.sequence,
      mtime: stat.mtimeMs,
    });
  }
  // Two backups in one second (a restore's before-restore right after a backup) go by the file's time.
  entries.sort((a, b) => (a.takenAt === b.takenAt ? b.mtime - a.mtime || b.sequence - a.sequence : a.takenAt < b.takenAt ? 1 : -1));
  return entries.map(({ sequence: _s, mtime: _m, ...e }) => e);
}

/** Deletes the backups the retention policy does not keep; returns their names. */
export function pruneBackups(workspacePath: string, now: Date): string[] {
  const list = listBackups(workspacePath);
  const doomed = backupsToDelete(
    list.map((b) => ({ name: b.name, takenAt: new Date(b.takenAt), reason: b.reason, good: b.unusable === null })),
    now,
  );
  for (const name of doomed) rmSync(join(backupsFolder(workspacePath), name), { force: true });
  return doomed;
}

function workspacePathOf(db: Database): string {
  if (db.name === ':memory:' || db.name === '') throw new DomainError('backup.noFile', 'This workspace has no file, so it cannot be backed up.');
  return db.name;
}

function entryFor(result: BackupResult, name: string, at: Date, reason: BackupReason): BackupEntry {
  return { name, path: result.path, takenAt: at.toISOString().slice(0, 19) + 'Z', reason, bytes: result.bytes, schemaVersion: result.schemaVersion, unusable: null };
}

/**
 * Makes a verified backup of the open workspace in its backups folder (SQLite's online
 * backup: safe while the app writes), then applies the retention policy.
 */
export async function createBackup(db: Database, reason: BackupReason, now: Date, options: { prune?: boolean } = {}): Promise<BackupEntry> {
  const path = workspacePathOf(db);
  const folder = backupsFolder(path);
  mkdirSync(folder, { recursive: true });
  const name = newBackupName(path, folder, now, reason);
  const result = await backupDatabase(db, join(folder, name));
  // A restore prunes only afterwards, so the backup it is restoring cannot be deleted first.
  if (options.prune !== false) pruneBackups(path, now);
  return entryFor(result, name, now, reason);
}

/** True when the workspace holds no rows at all: there is nothing yet to lose. */
function holdsNothing(db: Database): boolean {
  return dataTables().every((t) => !(db.prepare(`SELECT EXISTS (SELECT 1 FROM "${t}") AS e`).get() as { e: number }).e);
}

export const DAILY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The daily backup, checked when a workspace is opened and every hour while it is open
 * (backup-schedule.ts): made only when the newest backup is more than a day old (or there is none) and the workspace holds something. Returns null when none was due.
 */
export async function backupIfDue(db: Database, now: Date): Promise<BackupEntry | null> {
  // A backup dated in the future (a clock set wrong when it was made) says nothing about today,
  // nor does one that cannot be restored: the newest of the others decides.
  const newest = listBackups(workspacePathOf(db)).find((b) => b.unusable === null && Date.parse(b.takenAt) <= now.getTime());
  if (newest && now.getTime() - Date.parse(newest.takenAt) <= DAILY_AFTER_MS) return null;
  if (holdsNothing(db)) return null;
  return createBackup(db, 'daily', now);
}

/**
 * openDatabase's beforeMigrate hook: a workspace at an older schema version is copied
 * (synchronously: openDatabase is) before migrate changes it. A failure stops the open, so
 * no migration ever runs without its backup.
 */
export function backupBeforeMigration(db: Database): void {
  const path = workspacePathOf(db);
  const now = new Date();
  const folder = backupsFolder(path);
  try {
    mkdirSync(folder, { recursive: true });
    backupDatabaseNow(db, join(folder, newBackupName(path, folder, now, 'before-migration')));
  } catch (err) {
    throw new DomainError(
      'backup.beforeMigration',
      `This version of Board Secretariat upgrades ${path} after backing it up, and the backup could not be made in ${folder} (${(err as Error).message}). ` +
        'Nothing was changed. Check that the folder can be written to and that the disk has space, then open the workspace again.',
      'db',
    );
  }
  pruneBackups(path, now);
}

/**
 * The backup Reopen makes of the connection it is about to close, once another program has
 * put a different file at the workspace's path: the records the app had then live only in
 * the open handle (the old inode), so they are copied from it (VACUUM INTO reads through the
 * handle, not the path) and verified like every backup before the handle may be closed.
 * Throws a message that says why when it cannot be made.
 */
export function backupBeforeReopen(db: Database, workspacePath: string, now: Date): BackupEntry {
  const folder = backupsFolder(workspacePath);
  try {
    mkdirSync(folder, { recursive: true });
    const name = newBackupName(workspacePath, folder, now, 'before-reopen');
    const result = backupDatabaseNow(db, join(folder, name));
    pruneBackups(workspacePath, now);
    return entryFor(result, name, now, 'before-reopen');
  } catch (err) {
    throw new DomainError(
      'workspace.reopenNoBackup',
      `Reopen would close the workspace as this app has it, and it must first be kept as a backup in ${folder}, which could not be made (${(err as Error).message}). ` +
        'Nothing was closed or changed. Check that the folder can be written to and that the disk has space, then choose Reopen again.',
    );
  }
}

/** Opens a workspace as the app and the command line do: backed up before any migration. */
export function openWorkspace(path: string, options: Omit<OpenOptions, 'beforeMigrate' | 'newestGoodBackup'> = {}): Database {
  return openDatabase(path, { ...options, beforeMigrate: backupBeforeMigration, newestGoodBackup: (p) => newestGoodBackup(p)?.path });
}

/**
 * Starts the daily backup just after the workspace is usable (opening never waits for it);
 * a failure is logged, never thrown: the workspace stays open either way.
 */
export function startDailyBackup(db: Database, now: Date, log: (message: string, err: unknown) => void): Promise<BackupEntry | null> {
  return backupIfDue(db, now).catch((err: unknown) => {
    log('The daily backup could not be made', err);
    return null;
  });
}
