import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { latestVersion, migrate, type Migration } from '../../main/db/migrate';
import { isForeignPostgres, migratePostgres, postgresSchemaVersion } from '../../main/db/migrate-postgres';
import { migrations } from '../../main/db/migrations';
import { schema, type DB } from '../../main/db/schema';
import { tsQueryText } from '../../main/decisions/search-postgres';
import { testCluster } from '../helpers/postgres';

/**
 * The PostgreSQL migrations, on a real throw-away cluster: the runner's rules (one
 * transaction, forward only, newer refused, failure rolled back), and the schema they give
 * checked against the SQLite one table by table.
 */
const cluster = await testCluster();
const skipped = 'skipped' in cluster ? cluster.skipped : undefined;
if (skipped) console.warn(`migrate-postgres.test.ts skipped: ${skipped}`);

const opened: Kysely<DB>[] = [];
async function freshDatabase(): Promise<Kysely<DB>> {
  if ('skipped' in cluster) throw new Error(cluster.skipped);
  const url = await cluster.createDatabase();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }) });
  opened.push(db);
  return db;
}

afterAll(async () => {
  for (const db of opened) await db.destroy();
  if (!('skipped' in cluster)) await cluster.stop();
});

const latest = latestVersion();
const now = '2025-04-01T10:00';

/** A query with $1, $2 … standing for `params` (each may appear more than once), through Kysely's sql tag. */
async function rows<T>(db: Kysely<DB>, text: string, params: unknown[] = []): Promise<T[]> {
  const pieces = text.split(/\$(\d+)/);
  const strings = pieces.filter((_, i) => i % 2 === 0);
  const values = pieces.filter((_, i) => i % 2 === 1).map((n) => params[Number(n) - 1]);
  return (await sql<T>(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...values).execute(db)).rows;
}

async function tables(db: Kysely<DB>): Promise<string[]> {
  return (await rows<{ table_name: string }>(db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map((r) => r.table_name);
}

describe.skipIf(skipped !== undefined)('PostgreSQL migrations', () => {
  it('bring an empty database to the latest version, marked as a workspace', async () => {
    const db = await freshDatabase();
    expect(await postgresSchemaVersion(db)).toBe(0);
    expect(await isForeignPostgres(db)).toBe(false);
    expect(await migratePostgres(db)).toEqual({ from: 0, to: latest });
    expect(await postgresSchemaVersion(db)).toBe(latest);
    expect(await rows(db, `SELECT key, value FROM board_secretariat_meta ORDER BY key`)).toEqual([
      { key: 'application', value: 'board-secretariat' },
      { key: 'schema_version', value: String(latest) },
    ]);
    expect(await isForeignPostgres(db)).toBe(false);
    // Again: nothing to do.
    expect(await migratePostgres(db)).toEqual({ from: latest, to: latest });
  });

  it('tells another program’s database from an empty one', async () => {
    const db = await freshDatabase();
    await sql`CREATE TABLE invoices (id integer PRIMARY KEY)`.execute(db);
    expect(await isForeignPostgres(db)).toBe(true);
  });

  it.each(migrations.filter((m) => m.version > 1).map((m) => [m.version, m.name] as const))(
    'apply migration %i (%s) to a database at the version before',
    async (version) => {
      const db = await freshDatabase();
      // The version before: migration numbers may leave gaps (each branch is given its own).
      const before = Math.max(...migrations.filter((m) => m.version < version).map((m) => m.version));
      expect(await migratePostgres(db, migrations.filter((m) => m.version < version))).toEqual({ from: 0, to: before });
      expect(await migratePostgres(db)).toEqual({ from: before, to: latest });
    },
  );

  it('002 indexes what is already there, and 004 dates the claims already signed off', async () => {
    const db = await freshDatabase();
    await migratePostgres(db, migrations.filter((m) => m.version < 2));
    await sql`INSERT INTO decision (reference, title, text, type, created_at, updated_at)
              VALUES ('SB-D-2024-001', 'Violence reduction', 'Knife crime funding agreed', 'approve', ${now}, ${now})`.execute(db);
    await migratePostgres(db, migrations.filter((m) => m.version < 4));
    await sql`INSERT INTO funding_stream (reference, name, funder, first_year, last_year, created_at, updated_at)
              VALUES ('GF', 'Grip funding', 'Home Office', '2024/25', '2025/26', ${now}, ${now})`.execute(db);
    await sql`INSERT INTO claim (stream_id, financial_year, period, status, signed_off_by, submitted_on, created_at, updated_at) VALUES
              (1, '2024/25', 'Q1', 'submitted', 'J Smith CFO', '2024-07-20', ${now}, ${now}),
              (1, '2024/25', 'Q2', 'submitted', '', '2024-10-20', ${now}, ${now}),
              (1, '2024/25', 'Q3', 'draft', 'J Smith CFO', NULL, ${now}, ${now})`.execute(db);
    await migratePostgres(db);
    expect(await rows(db, `SELECT period, signed_off_on FROM claim ORDER BY period`)).toEqual([
      { period: 'Q1', signed_off_on: '2024-07-20' },
      { period: 'Q2', signed_off_on: null },
      { period: 'Q3', signed_off_on: null },
    ]);
    expect(await rows(db, `SELECT kind, ref_id, title FROM search_index WHERE tsv @@ websearch_to_tsquery('board_search', 'knife crimes')`)).toEqual([
      { kind: 'decision', ref_id: 1, title: 'SB-D-2024-001 Violence reduction' },
    ]);
  });

  it('give every table of the SQLite schema with the same columns, keys, unique constraints and index names', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    const lite = new Database(':memory:');
    migrate(lite);
    try {
      const onDelete: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
      for (const [table, shape] of Object.entries(schema)) {
        const columns = await rows<{ column_name: string; is_nullable: string; column_default: string | null; is_identity: string }>(
          db,
          `SELECT column_name, is_nullable, column_default, is_identity FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        expect(columns.map((c) => c.column_name), table).toEqual(shape.columns.map((c) => c.name));
        expect(columns.map((c) => c.is_nullable === 'YES'), `${table} nullability`).toEqual(shape.columns.map((c) => c.nullable));
        // An identity id is SQLite's rowid alias: no default there either.
        expect(columns.map((c) => c.column_default !== null), `${table} defaults`).toEqual(shape.columns.map((c) => c.hasDefault));
        expect(columns.filter((c) => c.is_identity === 'YES').map((c) => c.column_name), `${table} identity`).toEqual(
          shape.columns.filter((c) => c.primaryKey && c.type === 'integer' && shape.columns.filter((x) => x.primaryKey).length === 1).map((c) => c.name),
        );

        const pk = await rows<{ name: string }>(
          db,
          `SELECT a.attname AS name FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
           WHERE c.conrelid = $1::regclass AND c.contype = 'p' ORDER BY a.attname`,
          [table],
        );
        expect(pk.map((r) => r.name), `${table} primary key`).toEqual(shape.columns.filter((c) => c.primaryKey).map((c) => c.name).sort());

        const keys = await rows<{ column: string; references: string; action: string }>(
          db,
          `SELECT a.attname AS column, c.confrelid::regclass::text AS references, c.confdeltype AS action
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
           WHERE c.conrelid = $1::regclass AND c.contype = 'f'`,
          [table],
        );
        const pgKeys = keys.map((k) => `${k.column} → ${k.references} ON DELETE ${onDelete[k.action]}`).sort();
        expect(pgKeys, `${table} foreign keys`).toEqual(shape.foreignKeys.map((k) => `${k.column} → ${k.references} ON DELETE ${k.onDelete}`).sort());

        // Named indexes: SQLite's CREATE INDEX names, the same on PostgreSQL.
        const liteIndexes = lite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`).pluck().all(table) as string[];
        const pgIndexes = await rows<{ name: string; is_unique: boolean; constraint_kind: string | null; definition: string }>(
          db,
          `SELECT i.relname AS name, x.indisunique AS is_unique, (SELECT contype::text FROM pg_constraint WHERE conindid = x.indexrelid AND conrelid = x.indrelid AND contype IN ('p', 'u')) AS constraint_kind,
                  pg_get_indexdef(x.indexrelid) AS definition
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass ORDER BY i.relname`,
          [table],
        );
        // The lower(col) unique indexes stand for SQLite's COLLATE NOCASE UNIQUE columns (autoindexes there).
        const nocaseUnique = pgIndexes.filter((i) => i.constraint_kind === null && /\(lower\(\w+\)\)$/.test(i.definition));
        expect(
          pgIndexes.filter((i) => i.constraint_kind === null && !nocaseUnique.includes(i)).map((i) => i.name),
          `${table} indexes`,
        ).toEqual(liteIndexes);

        // UNIQUE constraints, column for column: NOCASE ones as lower(col).
        const liteUnique = (lite.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[])
          .filter((i) => i.unique && i.origin === 'u')
          .map((i) =>
            (lite.pragma(`index_xinfo("${i.name}")`) as { cid: number; name: string | null; coll: string; key: number }[])
              .filter((c) => c.key)
              .map((c) => (c.coll === 'NOCASE' ? `lower(${c.name})` : c.name))
              .join(', '),
          )
          .sort();
        const pgUnique = [
          ...(await rows<{ cols: string }>(
            db,
            `SELECT string_agg(a.attname, ', ' ORDER BY k.ord) AS cols
             FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k (attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
             WHERE c.conrelid = $1::regclass AND c.contype = 'u' GROUP BY c.oid`,
            [table],
          )).map((r) => r.cols),
          ...nocaseUnique.map((i) => {
            expect(i.is_unique, i.name).toBe(true);
            expect(i.name, 'named as PostgreSQL names a unique constraint').toMatch(new RegExp(`^${table}_\\w+_key$`));
            return /\((lower\(\w+\))\)$/.exec(i.definition)![1]!;
          }),
        ].sort();
        expect(pgUnique, `${table} unique constraints`).toEqual(liteUnique);
      }
      // And no table more than SQLite has, bar the meta table (user_version there) and the search index.
      expect(await tables(db)).toEqual([...Object.keys(schema), 'board_secretariat_meta', 'search_index'].sort());
    } finally {
      lite.close();
    }
  });

  it('refuse a database from a newer version of the app and leave it as it was', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    await sql`UPDATE board_secretariat_meta SET value = ${String(latest + 1)} WHERE key = 'schema_version'`.execute(db);
    const before = await tables(db);
    const newer: Migration = { version: latest + 1, name: 'not this one', sql: '', postgres: `CREATE TABLE should_not_exist (id integer)` };
    await expect(migratePostgres(db, migrations)).rejects.toMatchObject({
      code: 'db.newerVersion',
      message: expect.stringContaining(`schema ${latest + 1}; this version reads up to ${latest}`),
    });
    expect(await postgresSchemaVersion(db)).toBe(latest + 1);
    expect(await tables(db)).toEqual(before);
    // A build that does know it goes ahead without running anything.
    expect(await migratePostgres(db, [...migrations, newer])).toEqual({ from: latest + 1, to: latest + 1 });
  });

  it('roll a failing upgrade back whole, leaving the previous version, and name the migration', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    const good: Migration = { version: latest + 1, name: 'add a column', sql: '', postgres: `ALTER TABLE organisation ADD COLUMN website text NOT NULL DEFAULT ''` };
    const bad: Migration = { version: latest + 2, name: 'broken', sql: '', postgres: `CREATE TABLE oops (;` };
    const failure = migratePostgres(db, [...migrations, good, bad], 'board on db.example:5432');
    await expect(failure).rejects.toMatchObject({
      code: 'db.migrationFailed',
      message: expect.stringContaining(
        `The workspace board on db.example:5432 could not be upgraded to schema version ${latest + 2} (broken); the database was left unchanged at version ${latest}.`,
      ),
    });
    await expect(failure).rejects.toHaveProperty('cause.code', '42601'); // the syntax error, for the log
    // No advice to run check, which reads SQLite files only: the administrator is told which database and migration.
    const message = ((await failure.catch((e: unknown) => e)) as Error).message;
    expect(message).not.toContain('check --db');
    const database = (await rows<{ name: string }>(db, 'SELECT current_database() AS name'))[0]!.name;
    expect(message).toContain(
      `Tell the administrator that migration ${latest + 2} (broken) failed on PostgreSQL database ${database}; the cause is in the log (from the command line, run again with DEBUG=1 set to see it).`,
    );
    expect(await postgresSchemaVersion(db)).toBe(latest);
    expect(await rows(db, `SELECT column_name FROM information_schema.columns WHERE table_name = 'organisation' AND column_name = 'website'`)).toEqual([]);
    // Without a location, the message names the database.
    await expect(migratePostgres(db, [...migrations, bad])).rejects.toMatchObject({ message: expect.stringMatching(/^The workspace database \w+ could not be upgraded/) });
  });

  it('let two instances migrate at once: one does the work, the other finds it done', async () => {
    const db = await freshDatabase();
    const results = await Promise.all([migratePostgres(db), migratePostgres(db)]);
    expect(results).toEqual(expect.arrayContaining([{ from: 0, to: latest }, { from: latest, to: latest }]));
    expect(await postgresSchemaVersion(db)).toBe(latest);
  });

  it('make names unique regardless of case, and sort them as SQLite’s NOCASE does', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    const add = (name: string) => sql`INSERT INTO organisation (name, created_at, updated_at) VALUES (${name}, ${now}, ${now})`.execute(db);
    await add('Kent Police');
    await expect(add('kent police')).rejects.toMatchObject({ code: '23505', constraint: 'organisation_name_key' });
    await add('avon and somerset police');
    await add('Bedfordshire Police');
    expect((await rows<{ name: string }>(db, `SELECT name FROM organisation ORDER BY name COLLATE nocase`)).map((r) => r.name)).toEqual([
      'avon and somerset police',
      'Bedfordshire Police',
      'Kent Police',
    ]);
    expect(await rows(db, `SELECT id FROM organisation WHERE name = 'KENT POLICE' COLLATE nocase`)).toEqual([{ id: 1 }]);
    // The column itself keeps the default collation, so LIKE works on it.
    expect(await rows(db, `SELECT name FROM organisation WHERE name ILIKE '%police' ORDER BY id`)).toHaveLength(3);
  });

  it('check what SQLite checks: GLOB patterns as regular expressions, JSON text, money as bigint', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    const board = (code: string) => sql`INSERT INTO board (name, code, created_at, updated_at) VALUES (${`Board ${code}`}, ${code}, ${now}, ${now})`.execute(db);
    await board('SB');
    await expect(board('sb2')).rejects.toMatchObject({ code: '23514' });
    const stream = (first: string) =>
      sql`INSERT INTO funding_stream (reference, name, funder, first_year, last_year, award_cap_pence, created_at, updated_at)
          VALUES (${`R${first}`}, 'Grant', 'Home Office', ${first}, '2030/31', ${'9007199254740991'}, ${now}, ${now})`.execute(db);
    await stream('2024/25');
    await expect(stream('2024-25')).rejects.toMatchObject({ code: '23514' });
    await expect(stream('2024/25 ')).rejects.toMatchObject({ code: '23514' });
    expect(await rows(db, `SELECT award_cap_pence::text AS cap FROM funding_stream`)).toEqual([{ cap: '9007199254740991' }]);
    const paper = (header: string) =>
      sql`INSERT INTO paper (reference, title, template_key, header_json, created_at, updated_at) VALUES (${`P-${header.length}`}, 'Paper', 'standard', ${header}, ${now}, ${now})`.execute(db);
    await paper('{"a": 1}');
    await expect(paper('{not json')).rejects.toMatchObject({ code: '23514' });
  });

  it('keep the search index in step with decisions, paper sections and minutes', async () => {
    const db = await freshDatabase();
    await migratePostgres(db);
    const found = async (words: string) =>
      rows<{ kind: string; ref_id: number }>(
        db,
        `SELECT kind, ref_id FROM search_index WHERE tsv @@ websearch_to_tsquery('board_search', $1) ORDER BY ts_rank(tsv, websearch_to_tsquery('board_search', $1)) DESC, kind, ref_id`,
        [words],
      );

    await sql`INSERT INTO decision (reference, title, text, type, created_at, updated_at)
              VALUES ('SB-D-2025-001', 'Serious violence duty', 'The board agreed the knife crime strategy.', 'approve', ${now}, ${now})`.execute(db);
    expect(await rows(db, `SELECT kind, ref_id, title, body FROM search_index`)).toEqual([
      { kind: 'decision', ref_id: 1, title: 'SB-D-2025-001 Serious violence duty', body: 'The board agreed the knife crime strategy.' },
    ]);
    expect(await found('knife strategies')).toEqual([{ kind: 'decision', ref_id: 1 }]);

    await sql`UPDATE decision SET text = 'The board deferred the drugs market plan.' WHERE id = 1`.execute(db);
    expect(await found('knife')).toEqual([]);
    expect(await found('drug markets')).toEqual([{ kind: 'decision', ref_id: 1 }]);
    // An update of other columns leaves the row alone (the trigger is AFTER UPDATE OF the indexed ones).
    await sql`UPDATE decision SET status = 'agreed' WHERE id = 1`.execute(db);
    expect(await found('drug markets')).toEqual([{ kind: 'decision', ref_id: 1 }]);

    await sql`DELETE FROM decision WHERE id = 1`.execute(db);
    expect(await found('drugs')).toEqual([]);
    expect(await rows(db, `SELECT count(*)::integer AS n FROM search_index`)).toEqual([{ n: 0 }]);

    // A paper section: its blocks' text in document order, titled by its paper.
    await sql`INSERT INTO paper (reference, title, template_key, created_at, updated_at) VALUES ('SB-P-2025-004', 'Drugs market', 'standard', ${now}, ${now})`.execute(db);
    const blocks = JSON.stringify([
      { type: 'paragraph', text: 'County lines activity rose.' },
      { type: 'list', items: ['Closures up', 'Arrests steady'] },
      { type: 'table', caption: 'Seizures by quarter', rows: [['Q1', '12']], href: 'https://example.org/ignored' },
    ]);
    await sql`INSERT INTO paper_section (paper_id, position, key, heading, body_json) VALUES (1, 1, 'summary', 'Summary', ${blocks})`.execute(db);
    expect(await rows(db, `SELECT title, body FROM search_index WHERE kind = 'paper'`)).toEqual([
      { title: 'SB-P-2025-004 Drugs market — Summary', body: 'County lines activity rose. Closures up Arrests steady Seizures by quarter Q1 12' },
    ]);
    expect(await found('seizures')).toEqual([{ kind: 'paper', ref_id: 1 }]);
    expect(await found('example.org')).toEqual([]);
    // As a person types: the last word is a prefix; operators typed are just words.
    const typed = (input: string) =>
      rows<{ kind: string }>(db, `SELECT kind FROM search_index WHERE tsv @@ to_tsquery('board_search', $1)`, [tsQueryText(input)]);
    expect(await typed('county lin')).toEqual([{ kind: 'paper' }]);
    expect(await typed('seizures & !county')).toEqual([{ kind: 'paper' }]);
    expect(await typed("o'brien) | (county")).toEqual([]);
    expect(tsQueryText('  ')).toBeNull();
    await sql`UPDATE paper SET title = 'Drug markets and county lines' WHERE id = 1`.execute(db);
    expect(await rows(db, `SELECT title FROM search_index WHERE kind = 'paper'`)).toEqual([{ title: 'SB-P-2025-004 Drug markets and county lines — Summary' }]);

    // Minutes: only an item with a discussion.
    await sql`INSERT INTO board (name, code, created_at, updated_at) VALUES ('Strategic Board', 'SB', ${now}, ${now})`.execute(db);
    await sql`INSERT INTO meeting (board_id, starts_at, ends_at, created_at, updated_at) VALUES (1, '2025-05-01T10:00', '2025-05-01T12:00', ${now}, ${now})`.execute(db);
    await sql`INSERT INTO agenda_item (meeting_id, position, title, created_at, updated_at) VALUES (1, 1, 'Welcome', ${now}, ${now})`.execute(db);
    expect(await rows(db, `SELECT count(*)::integer AS n FROM search_index WHERE kind = 'minutes'`)).toEqual([{ n: 0 }]);
    await sql`UPDATE agenda_item SET discussion = 'The chair welcomed the new commissioner.' WHERE id = 1`.execute(db);
    expect(await found('commissioners')).toEqual([{ kind: 'minutes', ref_id: 1 }]);
    await sql`UPDATE agenda_item SET discussion = '' WHERE id = 1`.execute(db);
    expect(await found('commissioner')).toEqual([]);

    // Deleting the paper takes its sections, and their rows, with it.
    await sql`DELETE FROM paper WHERE id = 1`.execute(db);
    expect(await rows(db, `SELECT count(*)::integer AS n FROM search_index`)).toEqual([{ n: 0 }]);
  });
});
