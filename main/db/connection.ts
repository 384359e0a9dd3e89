import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DomainError } from '../shared/errors';
import { latestVersion, migrate, schemaVersion } from './migrate';

export type { Db };

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True when the file starts with SQLite's 16-byte header (an empty file counts as new). */
function looksLikeSqlite(path: string): boolean {
  if (statSync(path).size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  /** Run PRAGMA quick_check before use (default true; the bench turns it off). */
  verify?: boolean;
  readonly?: boolean;
  /**
   * Called just before migrate changes a workspace at an older schema version (not a new
   * file), e.g. to back it up (main/workspace/backups.ts); if it throws, nothing is migrated.
   */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
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

/**
 * Opens a workspace file: refuses anything that is not SQLite, fails its integrity check,
 * or was written by a newer version, and never writes to a file it refuses.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const { create = true, verify = true, readonly = false } = options;
  const exists = path !== ':memory:' && existsSync(path);
  if (path !== ':memory:' && !exists && !create) {
    throw new DomainError('db.missing', `No workspace file at ${path}. Check the path, or create a new workspace.`, 'db');
  }
  if (exists && !looksLikeSqlite(path)) {
    throw new DomainError(
      'db.notSqlite',
      `${path} is not a Board Secretariat workspace (it is not an SQLite database). Choose the .db file of your workspace; this file has not been changed.`,
      'db',
    );
  }
  const db = new Database(path, { readonly, fileMustExist: !create });
  try {
    if (verify && exists) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') {
        throw new DomainError(
          'db.corrupt',
          `${path} failed its integrity check (${String(result)}). Restore it from your latest backup; this file has not been changed.`,
          'db',
        );
      }
    }
    if (!readonly) {
      if (exists) refuseForeign(db, path);
      applyPragmas(db);
      const from = schemaVersion(db);
      if (exists && from > 0 && from < latestVersion()) options.beforeMigrate?.(db, from);
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
