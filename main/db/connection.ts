import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DomainError } from '../shared/errors';
import { locationWarnings, readMappedDrives, readMounts, type LocationWarning } from './location';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { registerOpenWorkspace } from './open-workspaces';
import { isSqliteFile } from './sqlite-file';
import { checkInWorker } from './check-in-worker';
import { corruptError, describeFileError, isSqliteError, restoreAdvice } from './sqlite-errors';
import { accessOf, changedFileError, fileChange, identityOf, type Access, type FileChange, type FileIdentity } from './watched-file';

export type { Db };

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  /**
   * Turn an existing zero-byte file into a new workspace (default false: only `init` may).
   * A sync client or a full disk leaves a zero-byte file where a workspace was; opening it
   * as a new, empty workspace would hide that the records are gone.
   */
  initialiseEmpty?: boolean;
  /**
   * Run PRAGMA quick_check before use (true, the default; the bench turns it off), or 'later':
   * open at once and run it in a worker thread while the app is already usable (the desktop
   * app and the bridge: a ten-year workspace's check is a third of a second the window would
   * otherwise wait). A file that fails it then refuses every write, and workspace.info says so.
   */
  verify?: boolean | 'later';
  /**
   * Open read-only for inspection (check, backup): no pragmas, no migration, no refusal of
   * an empty or foreign database (the caller reports on it). A file the user cannot write
   * is opened read-only by itself, with the reason in `openedWorkspace(db).access`.
   */
  readonly?: boolean;
  /**
   * Finds the newest good backup of the workspace at `path`, so a damaged file at open can
   * name it. Hook for the backups list (main/workspace/backups*.ts); without it the message
   * names the backups folder and the restore command.
   */
  newestGoodBackup?: (path: string) => string | undefined;
  /**
   * Called just before migrate changes a workspace at an older schema version (not a new
   * file), e.g. to back it up (main/workspace/backups.ts); if it throws, nothing is migrated.
   */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

/** What the app knows about an open workspace file beyond the connection. */
export interface OpenedWorkspace {
  /** Absolute path as opened. */
  path: string;
  /** Device and inode at open, compared before each write (main/db/watched-file.ts). */
  identity: FileIdentity | undefined;
  access: Access;
  /** Things the user must know about where the file lives (main/db/location.ts). */
  warnings: LocationWarning[];
  /** How it was opened, so workspace.reopen opens it the same way. */
  options: OpenOptions;
  /** With verify 'later': the check running since open, resolving to SQLite's lines (['ok'] when sound). */
  checked?: Promise<string[]>;
  /** Set when the check after open failed: every write is refused with it. */
  damaged?: DomainError;
}

const opened = new WeakMap<Db, OpenedWorkspace>();

/** The open workspace behind a connection made by openDatabase (undefined for others). */
export function openedWorkspace(db: Db): OpenedWorkspace | undefined {
  return opened.get(db);
}

/**
 * Once the file at the path is no longer the one this connection opened, the connection's
 * -wal and -shm still sit beside it under the path's names, and SQLite would read their pages
 * as part of whatever file is there now: another program opening the new file, or our own
 * reopen, would see (and on checkpoint write) the old file's pages in the new one. So the log
 * is emptied into the file it belongs to (through the open handle, the old inode; a moved
 * file is thereby complete where it went) as soon as the change is seen. Returns false when
 * SQLite could not empty it (a reader still in the old file, or a read-only connection).
 */
export function settleChangedFile(db: Db): boolean {
  if (!db.open || db.readonly) return false;
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } catch {
    // Best effort: the write is refused and the user told either way; reopen checks the log again.
    return false;
  }
}

/** The file's change since open, settling the log when there is one (see settleChangedFile). */
function changeSinceOpen(db: Db, ws: OpenedWorkspace): FileChange | null {
  if (!ws.identity) return null;
  const change = fileChange(ws.path, ws.identity);
  if (change) settleChangedFile(db);
  return change;
}

/**
 * Refuses a write before its transaction starts: to a workspace deleted, moved or replaced
 * since it was opened (one stat of the path), or to one opened read-only (with the reason).
 */
export function assertWritable(db: Db): void {
  const ws = opened.get(db);
  if (!ws) return;
  const change = changeSinceOpen(db, ws);
  if (change) throw changedFileError(ws.path, change);
  if (ws.damaged) throw ws.damaged;
  if (ws.access.readOnly) throw new DomainError('workspace.readOnly', `${ws.access.reason} Nothing was saved.`);
}

/** The file's state now, for workspace.info: a deleted or replaced file is reported, not thrown. */
export function fileProblem(db: Db): DomainError | undefined {
  const ws = opened.get(db);
  if (!ws) return undefined;
  const change = changeSinceOpen(db, ws);
  return change ? changedFileError(ws.path, change) : ws.damaged;
}

/**
 * The quick check of a workspace opened with verify 'later', in a worker thread while the app
 * is in use. A failure marks the workspace damaged: writes are refused from then on with the
 * same words an open would have used (naming the newest good backup), and workspace.info
 * reports it for the banner. What was written before the failure was seen is in the file as
 * SQLite wrote it; the check found damage that was there at open (or came since).
 */
function checkAfterOpen(ws: OpenedWorkspace, path: string): Promise<string[]> {
  return checkInWorker(ws.path, 'quick_check').then((lines) => {
    if (lines.join() !== 'ok') {
      const first = lines.find((line) => !line.startsWith('***')) ?? lines[0] ?? 'unknown';
      ws.damaged = new DomainError(
        'db.corrupt',
        `The workspace ${path} failed its integrity check after opening (${first}): it is damaged, and no change can be saved to it now. ` +
          `Close Board Secretariat first; ${restoreAdvice(path, ws.options.newestGoodBackup?.(ws.path))}`,
        'db',
      );
    }
    return lines;
  });
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // FULL: in WAL mode NORMAL may lose the last transactions at a power cut, after the app said
  // they were saved; FULL syncs the WAL at each commit, so an acknowledged write survives.
  db.pragma('synchronous = FULL');
}

/**
 * Checks made before the first write: applyPragmas switches the file to WAL (rewriting its
 * header) and migrate would add our tables to someone else's database.
 */
function refuseForeign(db: Db, path: string): void {
  const version = schemaVersion(db);
  if (version > latestVersion()) migrate(db); // throws db.newerVersion without writing
  const objects = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n;
  if (version === 0 && objects > 0) {
    throw new DomainError(
      'db.notWorkspace',
      `${path} is an SQLite database of another program, not a Board Secretariat workspace. Choose the .db file of your workspace; this file has not been changed.`,
      'db',
    );
  }
}

/** Refusals of the file as it stands, before SQLite touches it. */
function refuseFile(path: string, initialiseEmpty: boolean): void {
  const size = statSync(path).size;
  if (size === 0) {
    if (initialiseEmpty) return;
    throw new DomainError(
      'db.emptyFile',
      `${path} is empty (0 bytes): it holds no workspace. A sync client or a full disk can leave a file like this where a workspace was. ` +
        `Restore the workspace from a backup (npm run cli -- backups --db "${path}" lists them; npm run cli -- restore puts one in place), or, to start a new workspace in this file, run npm run cli -- init. The file has not been changed.`,
      'db',
    );
  }
  if (!isSqliteFile(path)) {
    throw new DomainError(
      'db.notSqlite',
      `${path} is not a Board Secretariat workspace (it is not an SQLite database). Choose the .db file of your workspace; this file has not been changed.`,
      'db',
    );
  }
}

/**
 * A workspace the user cannot write to is opened read-only (reads and exports work; writes
 * are refused with the reason). SQLite still needs the -shm index beside a WAL file to read
 * it; in a folder nobody may write, and with no -shm left there, the first read fails: that
 * is refused with the way out. (The immutable URI parameter would avoid the -shm, but the
 * bundled better-sqlite3 is built with SQLITE_USE_URI=0.)
 */
function checkReadOnlyOpen(db: Db, path: string, access: Access): void {
  const absolute = resolve(path);
  try {
    schemaVersion(db);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    if (isSqliteError(err) && (err.code.startsWith('SQLITE_READONLY') || err.code.startsWith('SQLITE_CANTOPEN'))) {
      throw new DomainError(
        'workspace.folderReadOnly',
        `The workspace ${path} cannot be opened where it is: its folder ${dirname(absolute)} cannot be written to, and SQLite must create a small companion file (${basename(absolute)}-shm) beside the workspace even to read it. ` +
          'Copy the workspace to a folder you can write to (such as Documents) and open the copy, or ask for write access to the folder. The file has not been changed.',
        'db',
      );
    }
    throw err;
  }
  const version = schemaVersion(db);
  if (version < latestVersion()) {
    throw new DomainError(
      'workspace.readOnlyOld',
      `${access.reason ?? ''} It was saved by an older version of Board Secretariat and must be upgraded before this version can read it, which changes the file. Make it writable first. The file has not been changed.`.trim(),
      'db',
    );
  }
}

/**
 * Opens a workspace file: refuses anything that is not SQLite, an empty file (unless asked
 * to initialise it), a file that fails its integrity check or was written by a newer version,
 * and never writes to a file it refuses. Records the file's identity, access and location
 * warnings (openedWorkspace) for the checks before each write.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const { create = true, verify = true, readonly: inspect = false, initialiseEmpty = false } = options;
  const memory = path === ':memory:';
  const exists = !memory && existsSync(path);
  if (!memory && !exists && !create) {
    throw new DomainError('db.missing', `No workspace file at ${path}. Check the path, or create a new workspace.`, 'db');
  }
  if (exists) refuseFile(path, initialiseEmpty && !inspect);
  const absolute = memory ? path : resolve(path);
  const access: Access = memory || !exists ? { readOnly: false } : accessOf(absolute);
  const readonly = inspect || access.readOnly;
  const db = new Database(path, { readonly, fileMustExist: !create || readonly });
  try {
    if (readonly && !inspect) checkReadOnlyOpen(db, path, access);
    if (verify === true && exists) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') {
        const first = String(result).split('\n').find((line) => !line.startsWith('***')) ?? String(result);
        throw corruptError(path, `it failed its integrity check: ${first}`, options.newestGoodBackup?.(absolute));
      }
    }
    if (!inspect) {
      if (exists) refuseForeign(db, path);
      if (!readonly) {
        applyPragmas(db);
        const from = schemaVersion(db);
        if (exists && from > 0 && from < latestVersion()) options.beforeMigrate?.(db, from);
        migrate(db);
      }
    }
    const ws: OpenedWorkspace = {
      path: absolute,
      identity: memory ? undefined : identityOf(absolute),
      access,
      warnings: memory ? [] : locationWarnings({ path: absolute, platform: process.platform, env: process.env, mounts: readMounts(), mappedDrives: readMappedDrives() }),
      options,
    };
    if (verify === 'later' && exists && !inspect) ws.checked = checkAfterOpen(ws, path);
    opened.set(db, ws);
    registerOpenWorkspace(db);
    return db;
  } catch (err) {
    db.close();
    if (isSqliteError(err)) {
      // A damaged file often fails before quick_check can report (file is not a database,
      // malformed schema): the same advice, naming the newest backup.
      if (err.code.startsWith('SQLITE_CORRUPT') || err.code === 'SQLITE_NOTADB') {
        throw corruptError(path, err.message, options.newestGoodBackup?.(absolute));
      }
      throw describeFileError(err, path) ?? err;
    }
    throw err;
  }
}
