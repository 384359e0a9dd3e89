import type { Database } from 'better-sqlite3';
import { DomainError } from '../shared/errors';
import { migrations } from './migrations';

export interface Migration {
  version: number;
  name: string;
  /** The change on SQLite (run by migrate() below). */
  sql: string;
  /** The same change on PostgreSQL 13+ (run by migratePostgres() in migrate-postgres.ts): the same tables, columns, constraints and index names. */
  postgres: string;
}

/** The schema version this build of the app writes. */
export function latestVersion(list: readonly Migration[] = migrations): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * A migration that failed, in words: which upgrade, that the file was left as it was (all
 * pending migrations run in one transaction, rolled back on failure), and what to do. The
 * SQL error itself goes to the log through `cause`, never to the screen.
 */
function migrationFailed(db: Database, from: number, m: Migration, err: unknown): DomainError {
  const error = new DomainError(
    'db.migrationFailed',
    `The workspace ${db.name} could not be upgraded to schema version ${m.version} (${m.name}); the file was left unchanged at version ${from}. ` +
      'You can keep using it with the version of the app that last opened it. Tell the administrator, who can check it with npm run cli -- check --db <file>.',
    'db',
  );
  error.cause = err;
  return error;
}

/**
 * Brings the database up to the latest version: every pending migration runs in one
 * transaction, so a failure leaves the file exactly as it was. A database written by a
 * newer version of the app is refused rather than guessed at.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const to = latestVersion(list);
  if (from > to) {
    throw new DomainError(
      'db.newerVersion',
      `This workspace was saved by a newer version of Board Secretariat (schema ${from}; this version reads up to ${to}). ` +
        'Install the latest version to open it. The file has not been changed.',
    );
  }
  const pending = [...list].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from };
  // Foreign keys cannot be switched inside a transaction; table rebuilds need them off.
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        try {
          db.exec(m.sql);
          db.pragma(`user_version = ${m.version}`);
        } catch (err) {
          throw migrationFailed(db, from, m, err);
        }
      }
      const problems = db.pragma('foreign_key_check') as unknown[];
      if (problems.length > 0) throw migrationFailed(db, from, pending[pending.length - 1]!, new Error('rows left pointing at missing records'));
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
  return { from, to: schemaVersion(db) };
}
