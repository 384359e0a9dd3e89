import { describe, expect, it } from 'vitest';
import { handlers } from '../../main/api/handlers';
import { compileSql, sql } from '../../main/db/statements';
import { DomainError } from '../../main/shared/errors';
import { superuserQuery, URL_ENV } from '../helpers/postgres';
import { changedTables, tableHashes } from '../helpers/table-hash';
import { tempWorkspace, testEngine } from '../helpers/workspace';

/**
 * The query layer's one SQL text for both engines (main/db/statements.ts), and the write
 * path under it: a write is one transaction, on PostgreSQL as on SQLite, whatever stops it.
 */

describe('compileSql', () => {
  it('numbers named and positional parameters for PostgreSQL and leaves ? for SQLite', () => {
    // A name used twice is one placeholder on PostgreSQL, so `$1 IS NULL` takes its type from the other use.
    expect(compileSql('postgres', 'SELECT * FROM person WHERE id = @id AND name = :name OR id = @id')).toEqual({
      text: 'SELECT * FROM person WHERE id = $1 AND name = $2 OR id = $1',
      slots: ['id', 'name'],
    });
    expect(compileSql('sqlite', 'SELECT * FROM person WHERE id = @id AND name = :name OR id = @id')).toEqual({
      text: 'SELECT * FROM person WHERE id = ? AND name = ? OR id = ?',
      slots: ['id', 'name', 'id'],
    });
    expect(compileSql('postgres', 'UPDATE person SET given_name = ?, family_name = ? WHERE id = ?')).toEqual({
      text: 'UPDATE person SET given_name = $1, family_name = $2 WHERE id = $3',
      slots: [0, 1, 2],
    });
  });

  it('leaves quoted strings and identifiers alone, doubled quotes included', () => {
    const text = `SELECT "who?@x" FROM person WHERE note = 'what? @me :you' AND name = 'it''s ? here' AND id = ?`;
    const compiled = compileSql('postgres', text);
    expect(compiled.text).toBe(`SELECT "who?@x" FROM person WHERE note = 'what? @me :you' AND name = 'it''s ? here' AND id = $1`);
    expect(compiled.slots).toEqual([0]);
    // Nor is LIKE inside a string a keyword.
    expect(compileSql('postgres', `SELECT 'LIKE ifnull' AS x WHERE a LIKE ?`).text).toBe(`SELECT 'LIKE ifnull' AS x WHERE a ILIKE $1`);
  });

  it('leaves comments alone, line and block', () => {
    const text = 'SELECT id -- the id? @not a parameter LIKE\nFROM person /* ? :nor this LIKE */ WHERE id = @id';
    const compiled = compileSql('postgres', text);
    expect(compiled.text).toBe('SELECT id -- the id? @not a parameter LIKE\nFROM person /* ? :nor this LIKE */ WHERE id = $1');
    expect(compiled.slots).toEqual(['id']);
  });

  it('translates LIKE to ILIKE and IFNULL to COALESCE on PostgreSQL only, as whole words in any case', () => {
    const text = 'SELECT ifnull(a, 0) FROM t WHERE b like ? AND c NOT LIKE ? AND likes = 1 AND unlike_it = 2';
    expect(compileSql('postgres', text).text).toBe('SELECT COALESCE(a, 0) FROM t WHERE b ILIKE $1 AND c NOT ILIKE $2 AND likes = 1 AND unlike_it = 2');
    expect(compileSql('sqlite', text).text).toBe('SELECT ifnull(a, 0) FROM t WHERE b like ? AND c NOT LIKE ? AND likes = 1 AND unlike_it = 2');
  });

  it('leaves PostgreSQL casts (::) untouched rather than reading them as parameters', () => {
    const compiled = compileSql('postgres', 'SELECT count(*)::int AS n, @when::date AS d, x::text FROM t WHERE y = :y');
    expect(compiled.text).toBe('SELECT count(*)::int AS n, $1::date AS d, x::text FROM t WHERE y = $2');
    expect(compiled.slots).toEqual(['when', 'y']);
  });

  it('takes @ or : for a parameter only when a name follows', () => {
    // PostgreSQL's @ operator (absolute value) and a digit after @ stay as written.
    expect(compileSql('postgres', 'SELECT 1 @ 2, @1').slots).toEqual([]);
  });
});

describe('statements on the workspace', () => {
  it('gives a parameter tested for NULL the type of its other use, when that use comes first or it is cast', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const target = { db: ws.store.kysely, engine: ws.engine };
    // PostgreSQL types a parameter where it first meets it: `$1 IS NULL` first has no type.
    for (const text of [`SELECT name FROM organisation WHERE (id = @id OR @id IS NULL)`, `SELECT name FROM organisation WHERE (CAST(@id AS integer) IS NULL OR id = @id)`]) {
      expect(await sql(target, text).all({ id: null })).toEqual([{ name: 'Kent Police' }]);
      expect(await sql(target, text).all({ id: 2 })).toEqual([]);
    }
  });

  it('binds named, positional and boolean parameters and refuses a missing one', async () => {
    const ws = await tempWorkspace();
    const target = { db: ws.store.kysely, engine: ws.engine };
    expect(await sql<{ a: number; b: string }>(target, `SELECT CAST(@a AS integer) AS a, @b AS b`).get({ a: 7, b: "it's" })).toEqual({ a: 7, b: "it's" });
    expect(await sql<{ n: number }>(target, `SELECT CASE WHEN ? = 1 THEN 1 ELSE 0 END AS n`).get(true)).toEqual({ n: 1 });
    expect(await sql(target, `SELECT ? AS a, ? AS b`).all(['x', 'y'])).toEqual([{ a: 'x', b: 'y' }]);
    await expect(sql(target, `SELECT @missing AS m`).get({})).rejects.toThrow('No value for SQL parameter @missing');
    // LIKE ignores the case of letters on both engines (ILIKE on PostgreSQL).
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    expect(await sql<{ name: string }>(target, `SELECT name FROM organisation WHERE name LIKE ?`).all('%kent%')).toEqual([{ name: 'Kent Police' }]);
  });
});

/** The dispatcher's own registry, writable: a test stands in a handler for one operation and puts it back. */
const registry = handlers as { -readonly [K in keyof typeof handlers]: (typeof handlers)[K] };

describe('a write through the dispatcher', () => {
  it('whose handler throws half-way leaves nothing behind', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const before = await tableHashes(ws.store);
    const original = registry['organisation.create'];
    registry['organisation.create'] = async (ctx, input) => {
      // Two rows (and their audit rows) written, then a rule fails: neither may stay.
      await original(ctx, input);
      await original(ctx, { ...input, name: `${input.name} (second)` });
      throw new DomainError('test.halfWay', 'Stopped half-way on purpose.');
    };
    try {
      const error = await ws.fails('organisation.create', { name: 'Kent Fire and Rescue Service', kind: 'fire' });
      expect(error).toMatchObject({ code: 'test.halfWay' });
    } finally {
      registry['organisation.create'] = original;
    }
    expect(changedTables(before, await tableHashes(ws.store))).toEqual([]);
    expect(await ws.query(`SELECT name FROM organisation ORDER BY name`)).toEqual([{ name: 'Kent Police' }]);
  });

  // PostgreSQL's alone: a SQLite file has no server connection to drop (its own failures are sqlite-errors.test.ts).
  it.skipIf(testEngine() !== 'postgres')('whose connection the server drops mid-write is reported as db.connectionLost, nothing half-written, and the next request works', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const before = await tableHashes(ws.store);
    const original = registry['organisation.create'];
    let backend: (pid: number) => void = () => undefined;
    const inFlight = new Promise<number>((resolve) => (backend = resolve));
    registry['organisation.create'] = async (ctx, input) => {
      const created = await original(ctx, input);
      const row = await sql<{ pid: number }>(ctx, 'SELECT pg_backend_pid() AS pid').get();
      backend(row!.pid);
      // The statement in flight when an administrator (or a restart) ends the session.
      await sql(ctx, 'SELECT pg_sleep(30)').get();
      return created;
    };
    // The dispatcher takes the handler before its first await: restoring it early is safe.
    const answer = ws.raw('organisation.create', { name: 'Kent Fire and Rescue Service', kind: 'fire' });
    try {
      const pid = await inFlight;
      const { rows } = await superuserQuery(process.env[URL_ENV]!, 'SELECT pg_terminate_backend($1) AS ended', [pid]);
      expect(rows[0]).toEqual({ ended: true });
    } finally {
      registry['organisation.create'] = original;
    }
    const envelope = await answer;
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('db.connectionLost');
    expect(envelope.error.message).toMatch(/nothing from this change was saved/);
    expect(changedTables(before, await tableHashes(ws.store))).toEqual([]);
    // The pool discarded the dead connection: the same write now goes through.
    const org = await ws.call('organisation.create', { name: 'Kent Fire and Rescue Service', kind: 'fire' });
    expect(org.name).toBe('Kent Fire and Rescue Service');
    expect(await ws.query(`SELECT name FROM organisation ORDER BY name`)).toEqual([{ name: 'Kent Fire and Rescue Service' }, { name: 'Kent Police' }]);
  });

  // PostgreSQL's alone, as above.
  it.skipIf(testEngine() !== 'postgres')('whose connection is lost while committing says the change may or may not have been kept, not that nothing was saved', async () => {
    const ws = await tempWorkspace();
    const original = registry['organisation.create'];
    registry['organisation.create'] = async (ctx, input) => {
      const created = await original(ctx, input);
      // A check deferred to COMMIT that ends this very session: the connection goes during the commit.
      await sql(ctx, 'CREATE TEMP TABLE commit_probe (x integer)').run();
      await sql(
        ctx,
        `CREATE FUNCTION pg_temp.end_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$`,
      ).run();
      await sql(ctx, 'CREATE CONSTRAINT TRIGGER end_session AFTER INSERT ON commit_probe DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.end_session()').run();
      await sql(ctx, 'INSERT INTO commit_probe VALUES (1)').run();
      return created;
    };
    let envelope;
    try {
      envelope = await ws.raw('organisation.create', { name: 'Kent Fire and Rescue Service', kind: 'fire' });
    } finally {
      registry['organisation.create'] = original;
    }
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('db.commitUnknown');
    expect(envelope.error.message).toMatch(/^The connection to the PostgreSQL server was lost while this change was being saved, so the app cannot tell whether the server kept it\./);
    // The next request works.
    expect((await ws.call('organisation.create', { name: 'Medway Council', kind: 'council' })).name).toBe('Medway Council');
  });
});
