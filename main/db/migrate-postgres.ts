import { sql, type Kysely } from 'kysely';
import { DomainError } from '../shared/errors';
import { latestVersion, type Migration } from './migrate';
import { migrations } from './migrations';
import { applyTeamGrants } from './team-roles';

/**
 * The PostgreSQL side of main/db/migrate.ts: the same migrations (their `postgres` text),
 * the same rules. The schema version lives in board_secretariat_meta (made by 001), which
 * is PostgreSQL's counterpart of SQLite's PRAGMA user_version; its presence is also what
 * marks a database as a workspace.
 *
 * PostgreSQL DDL is transactional, so every pending migration runs in one transaction and a
 * failure leaves the database exactly as it was. A transaction-level advisory lock makes a
 * second app instance that opens the same database at the same moment wait, then find
 * nothing left to do, rather than run the migrations twice.
 */

/** pg_advisory_xact_lock key for migrations: 'BSMIGRAT' as a number, any fixed value would do. */
const MIGRATION_LOCK = 0x42534d49_47524154n;

const META = 'board_secretariat_meta';

/*
 * No schema is named: the tables are created in the first schema of the role's search_path
 * (current_schema(): "public", or the role's own schema where the administrator made one, as
 * CREATE SCHEMA alice AUTHORIZATION alice does), and the app's queries find them through the
 * same search_path, so the workspace is read and upgraded where its queries look for it.
 */

async function metaTableExists<T>(db: Kysely<T>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT to_regclass(${META}) IS NOT NULL AS found`.execute(db);
  return rows[0]?.found === true;
}

/** The schema version of the workspace database; 0 when it has none yet (a new, empty database). */
export async function postgresSchemaVersion<T>(db: Kysely<T>): Promise<number> {
  if (!(await metaTableExists(db))) return 0;
  const { rows } = await sql<{ value: string }>`SELECT value FROM board_secretariat_meta WHERE key = 'schema_version'`.execute(db);
  return rows[0] ? Number(rows[0].value) : 0;
}

/**
 * True when the database belongs to another program: it has tables in the schema the
 * workspace's would be created in (current_schema()) but no board_secretariat_meta. Opening refuses it ('db.notWorkspace') rather than adding the
 * workspace's tables beside someone else's.
 */
export async function isForeignPostgres<T>(db: Kysely<T>): Promise<boolean> {
  if (await metaTableExists(db)) return false;
  const { rows } = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}

async function databaseName<T>(db: Kysely<T>): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  return rows[0]?.name ?? '';
}

/**
 * Worded as migrate.ts words it, for a database rather than a file; the SQL error goes to the
 * log through `cause` (the CLI prints it with DEBUG=1). No "check --db" advice: check reads
 * SQLite files only, so the administrator is given the database and the migration instead.
 */
function migrationFailed(where: string, database: string, from: number, m: Migration, err: unknown): DomainError {
  const error = new DomainError(
    'db.migrationFailed',
    `The workspace ${where} could not be upgraded to schema version ${m.version} (${m.name}); the database was left unchanged at version ${from}. ` +
      `You can keep using it with the version of the app that last opened it. Tell the administrator that migration ${m.version} (${m.name}) failed on PostgreSQL database ${database}; ` +
      'the cause is in the log (from the command line, run again with DEBUG=1 set to see it).',
    'db',
  );
  error.cause = err;
  return error;
}

/**
 * A team member's newer app met a workspace its tables' owner has not upgraded yet: upgrading
 * changes the tables, which only their owner may do (SQLSTATE 42501). Said as what to do, with
 * the owner's name (read outside the failed transaction). Undefined when the owner is the one
 * refused (the migration needs more than owning the tables): that is the administrator's.
 */
async function ownerOnly<T>(db: Kysely<T>, where: string, from: number, m: Migration, err: unknown): Promise<DomainError | undefined> {
  const { rows } = await sql<{ owner: string; me: string }>`SELECT tableowner AS owner, current_user AS me FROM pg_tables WHERE schemaname = current_schema() AND tablename = ${META}`
    .execute(db)
    .catch(() => ({ rows: [] as { owner: string; me: string }[] }));
  const owner = rows[0]?.owner;
  if (owner !== undefined && owner === rows[0]?.me) return undefined;
  const error = new DomainError(
    'db.upgradeNeedsOwner',
    `The workspace ${where} must be upgraded to schema version ${m.version} (${m.name}) for this version of the app, and only the role that owns its tables${owner ? ` (${owner})` : ''} may do that; the database was left unchanged at version ${from}. ` +
      'Ask them to open it with this version first; until then, keep using the version of the app that last opened it.',
    'db',
  );
  error.cause = err;
  return error;
}

function newerVersion(from: number, to: number): DomainError {
  return new DomainError(
    'db.newerVersion',
    `This workspace was saved by a newer version of Board Secretariat (schema ${from}; this version reads up to ${to}). ` +
      'Install the latest version to open it. The database has not been changed.',
  );
}

/**
 * Brings the database up to the latest version. The version is read under the lock, inside
 * the transaction, so it is the version the migrations are applied to. A database written
 * by a newer version of the app is refused rather than guessed at.
 * Generic over the database type: it runs before the tables exist, on whatever Kysely the
 * store has. `location` names the workspace in messages (the store's location); by default the database's name.
 */
export async function migratePostgres<T>(db: Kysely<T>, list: readonly Migration[] = migrations, location?: string): Promise<{ from: number; to: number }> {
  const to = latestVersion(list);
  const database = await databaseName(db);
  const where = location ?? `database ${database}`;
  let failure: DomainError | undefined;
  let result: { from: number; to: number } | undefined;
  try {
    result = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK.toString()}::bigint)`.execute(trx);
      const from = await postgresSchemaVersion(trx);
      if (from > to) throw newerVersion(from, to);
      const pending = [...list].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
      for (const m of pending) {
        try {
          // No parameters: pg sends it as one simple query, so the text may hold many statements.
          await sql.raw(m.postgres).execute(trx);
          await sql`
            INSERT INTO board_secretariat_meta (key, value) VALUES ('schema_version', ${String(m.version)})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
        } catch (err) {
          failure = ((err as { code?: unknown }).code === '42501' && (await ownerOnly(db, where, from, m, err))) || migrationFailed(where, database, from, m, err);
          throw failure;
        }
      }
      // A table a migration added is granted to the team roles (where there are some) in the
      // same transaction, so no one is refused a table that is there: main/db/team-roles.ts.
      if (pending.length) await applyTeamGrants(trx as unknown as Kysely<unknown>);
      return { from, to: pending.length ? await postgresSchemaVersion(trx) : from };
    });
  } catch (err) {
    // A failure inside the transaction is reported as itself; if the rollback or commit
    // failed after a migration ran, it is still the migration that failed.
    if (err instanceof DomainError) throw err;
    if (failure) throw failure;
    throw err;
  }
  return result;
}
