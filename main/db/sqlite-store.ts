import type { Statement } from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import { SqliteDriver } from 'kysely';
import { assertWritable, openedWorkspace, type Db } from './connection';
import type { DB } from './schema';
import type { Queries, Store } from './store';

/**
 * Kysely's SQLite driver, with two changes: a write transaction starts BEGIN IMMEDIATE (the
 * write lock is taken at the start, so a busy workspace is met before any work, never
 * half-way through), and statements are prepared once per connection and reused (Kysely's
 * own driver prepares each query afresh; the list queries' bench measured the difference).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #db: Db;
  constructor(db: Db) {
    super({ database: cachingDatabase(db) });
    this.#db = db;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite ends the transaction itself on some failures (the disk full, an I/O error, out
    // of memory): a ROLLBACK then fails with "no transaction is active", and that error
    // would take the place of the failure the user must hear about.
    if (!this.#db.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #db: Db;
  constructor(db: Db) {
    super({ database: cachingDatabase(db) });
    this.#db = db;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#db);
  }
}

function cachingDatabase(db: Db) {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      if (db.open) db.close();
    },
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** A Store over a SQLite workspace opened by openDatabase (main/db/connection.ts). */
export function sqliteStore(db: Db): Store {
  const kysely: Queries = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(db) });
  return {
    engine: 'sqlite',
    kysely,
    location: openedWorkspace(db)?.path ?? db.name,
    sqlite: db,
    isOpen: () => db.open,
    async write(work) {
      assertWritable(db);
      return kysely.transaction().execute(work);
    },
    async close() {
      await kysely.destroy();
      // Kysely closes the database only if it ever ran a query on it: a store opened and
      // closed again unused (a reopen straight after opening) would keep the file open.
      if (db.open) db.close();
    },
  };
}
