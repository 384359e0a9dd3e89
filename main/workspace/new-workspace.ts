import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase } from '../db/connection';
import { sql } from '../db/statements';
import { sqliteStore } from '../db/sqlite-store';
import { isPostgresTarget, type Queries, type Store } from '../db/store';
import { DomainError } from '../shared/errors';
import { dataTables } from './bundle';
import { openStore } from './open-store';

/**
 * Where a new workspace is to be made (init, import, move): a file that may not exist yet,
 * or a PostgreSQL database that IT has created empty. What a failed command must put back
 * depends on what was there before it.
 */

/** Where a workspace file stands before a command that may create it; 'server' for PostgreSQL. */
export type Before = 'server' | 'missing' | 'empty' | 'existing';

export function workspaceBefore(path: string): Before {
  // A PostgreSQL database is not a file: the commands check it is empty once connected.
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

/**
 * Puts back a file this command created or filled, after the command failed. A database on
 * a server is left to its transaction: what failed was rolled back, and an empty database
 * given the workspace's tables is still an empty workspace, ready for the command again.
 */
export function undoCreate(path: string, before: Before): void {
  if (before === 'existing' || before === 'server') return;
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  if (before === 'missing') rmSync(path, { force: true });
  else truncateSync(path, 0);
}

/** True when no data table holds a row (settings and the audit trail included). */
export async function holdsNoRows(db: Queries, engine: Store['engine']): Promise<boolean> {
  for (const t of dataTables()) {
    if (await sql({ db, engine }, `SELECT 1 AS e FROM ${t} LIMIT 1`).get()) return false;
  }
  return true;
}

/** A workspace opened to be filled, and how to put things back if filling it fails. */
export interface EmptyTarget {
  store: Store;
  /** Closes the store and removes what this command created (a new file); never throws. */
  abandon(): Promise<void>;
}

/**
 * Opens `target` as a new, empty workspace: a file that does not exist yet (or has zero
 * bytes, as a file dialog leaves it), an existing workspace file that holds no rows, or a
 * PostgreSQL database that is empty or holds an empty workspace. Anything holding records
 * is refused with `refusal`'s words (the error names `field`, the input that gave the target)
 * and left as it was.
 */
export async function openEmptyTarget(target: string, refusal: (location: string) => string, field = 'db', password?: string): Promise<EmptyTarget> {
  const before = workspaceBefore(target);
  const store =
    before === 'server'
      ? await openStore(target, { initialiseEmpty: true, ...(password !== undefined ? { password } : {}) })
      : before === 'existing'
        ? await openStore(target, { create: false })
        : sqliteStore(openDatabase(target, { initialiseEmpty: true }));
  const abandon = async () => {
    await store.close().catch(() => undefined);
    undoCreate(target, before);
  };
  try {
    if (!(await holdsNoRows(store.kysely, store.engine))) throw new DomainError('workspace.targetNotEmpty', refusal(store.location), field);
  } catch (err) {
    await abandon();
    throw err;
  }
  return { store, abandon };
}
