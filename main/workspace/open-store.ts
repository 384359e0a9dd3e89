import { openPostgresStore } from '../db/postgres-store';
import { sqliteStore } from '../db/sqlite-store';
import { isPostgresTarget, type Store } from '../db/store';
import { openWorkspace } from './backups';

export interface OpenStoreOptions {
  /** Create the workspace if there is none (a new file; on PostgreSQL an empty database is migrated). Default true. */
  create?: boolean;
  /** Turn an empty file or database into a new workspace (only init may). */
  initialiseEmpty?: boolean;
  /** On PostgreSQL, the password when the target has none (kept by the password vault); a file ignores it. */
  password?: string;
  /**
   * A file's quick check: before use (the default, as the command line wants) or 'later', in a
   * worker once the app is usable (the desktop app and the bridge; main/db/connection.ts).
   * PostgreSQL has no file to check.
   */
  verify?: true | 'later';
}

/**
 * Opens the workspace `--db` names: a SQLite file path (the default engine, opened with its
 * backups: main/workspace/backups.ts) or a PostgreSQL server (`postgres://…` or libpq
 * parameters). Never falls back from one to the other: a server that cannot be reached is
 * an error, not a reason to open a local file.
 */
export async function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresTarget(target)) return openPostgresStore(target, options);
  return sqliteStore(openWorkspace(target, options));
}
