import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from '../../main/cli/run';
import { latestVersion } from '../../main/db/migrate';
import { migratePostgres, postgresSchemaVersion } from '../../main/db/migrate-postgres';
import { migrations } from '../../main/db/migrations';
import { describePostgresError } from '../../main/db/postgres-errors';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Store } from '../../main/db/store';
import { DomainError } from '../../main/shared/errors';
import { smallBundle } from '../fixtures/small-bundle';
import { PASSWORD_GROUP, TLS_GROUP, startCluster, superuserQuery, testCluster, type Cluster } from '../helpers/postgres';

const cluster = await testCluster();
const skipped = 'skipped' in cluster ? cluster.skipped : undefined;

/** The error a promise rejects with (failing the test if it resolves). */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a refusal').toBeInstanceOf(DomainError);
  return err as DomainError;
}

const stores: Store[] = [];
async function open(target: string, options?: Parameters<typeof openPostgresStore>[1]): Promise<Store> {
  const store = await openPostgresStore(target, options);
  stores.push(store);
  return store;
}

afterEach(async () => {
  while (stores.length) await stores.pop()!.close();
});

const now = new Date().toISOString();

describe.skipIf(skipped)('a workspace in PostgreSQL', () => {
  // Collected even when skipped, so the run counts them as skipped tests; none of them runs then.
  const c = cluster as Cluster;
  let admin = '';
  let port = '';
  beforeAll(() => {
    admin = c.url();
    port = new URL(admin).port;
  });

  afterAll(() => c.stop());

  /** A login role whose password the server really checks (the cluster's pg_hba asks members of PASSWORD_GROUP for it). */
  async function roleWithPassword(name: string, password: string): Promise<void> {
    await superuserQuery(admin, `CREATE ROLE ${name} LOGIN PASSWORD '${password}' IN ROLE ${PASSWORD_GROUP}`);
  }

  it('opens a fresh database with create, migrates it, and names it without the password', async () => {
    await roleWithPassword('clerk', 's3cret-pw');
    const url = await c.createDatabase();
    const db = new URL(url).pathname.slice(1);
    await superuserQuery(admin, `ALTER DATABASE ${db} OWNER TO clerk`);

    const store = await open(`postgres://clerk:s3cret-pw@127.0.0.1:${port}/${db}`, { create: true });
    expect(store.engine).toBe('postgres');
    expect(store.location).toBe(`postgres://clerk@127.0.0.1:${port}/${db}`);
    expect(store.location).not.toContain('s3cret');
    expect(store.role).toBe('clerk');
    expect(store.isOpen()).toBe(true);
    expect(await postgresSchemaVersion(store.kysely)).toBe(latestVersion());

    // int8 and numeric arrive as numbers, as SQLite's integers do.
    const { rows } = await sql<{ n: unknown; big: unknown; sum: unknown }>`
      SELECT (SELECT count(*) FROM organisation) AS n, 9007199254740991::bigint AS big, sum(pence) AS sum
      FROM (VALUES (5::bigint), (7::bigint)) AS v(pence)`.execute(store.kysely);
    expect(rows[0]).toEqual({ n: 0, big: 9007199254740991, sum: 12 });

    // Opening it again finds the workspace as it is (no create needed).
    await store.close();
    expect(store.isOpen()).toBe(false);
    const again = await open(`postgres://clerk:s3cret-pw@127.0.0.1:${port}/${db}`);
    expect(await postgresSchemaVersion(again.kysely)).toBe(latestVersion());
  });

  it('takes libpq key=value parameters too', async () => {
    const url = await c.createDatabase();
    const db = new URL(url).pathname.slice(1);
    const store = await open(`host=127.0.0.1 port=${port} dbname='${db}' user=postgres`, { create: true });
    expect(store.location).toBe(`postgres://postgres@127.0.0.1:${port}/${db}`);
    expect(store.role).toBe('postgres');
  });

  it('refuses a wrong password, and a missing one, naming the user and not the password', async () => {
    await roleWithPassword('treasurer', 'right-one');
    const wrong = await refusal(openPostgresStore(`postgres://treasurer:not-the-password@127.0.0.1:${port}/postgres`));
    expect(wrong.code).toBe('db.pgAuth');
    expect(wrong.message).toContain('PostgreSQL refused the password for user treasurer on 127.0.0.1:');
    expect(wrong.message).not.toContain('not-the-password');

    const none = await refusal(openPostgresStore(`postgres://treasurer@127.0.0.1:${port}/postgres`));
    expect(none.code).toBe('db.pgAuth');
    expect(none.message).toContain('none was given');
  });

  it('refuses a server that is not there', async () => {
    // Port 1 on the loopback: nothing listens there (and nothing may without root).
    const err = await refusal(openPostgresStore('postgres://postgres@127.0.0.1:1/board'));
    expect(err.code).toBe('db.pgUnreachable');
    expect(err.message).toContain('127.0.0.1:1');
  });

  it('refuses a database that does not exist', async () => {
    const err = await refusal(openPostgresStore(`postgres://postgres@127.0.0.1:${port}/no_such_board`));
    expect(err.code).toBe('db.pgNoDatabase');
    expect(err.message).toContain('There is no database no_such_board');
  });

  it('refuses TLS where the server offers none, and connects unencrypted there only when the mode allows it', async () => {
    const err = await refusal(openPostgresStore(`postgres://postgres@127.0.0.1:${port}/postgres?sslmode=require`));
    expect(err.code).toBe('db.pgTls');
    expect(err.message).toContain('does not offer encrypted');
    // prefer (also the default with no sslmode) falls back to a plain connection here, as libpq's does.
    for (const mode of ['', '?sslmode=prefer', '?sslmode=allow']) {
      const url = await c.createDatabase();
      const store = await open(url + mode, { create: true });
      const { rows } = await sql<{ ssl: boolean }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(store.kysely);
      expect(rows[0]!.ssl).toBe(false);
    }
  });

  it("refuses another program's database and leaves it as it was", async () => {
    const url = await c.createDatabase();
    await superuserQuery(url, 'CREATE TABLE t (x integer)');
    const err = await refusal(openPostgresStore(url, { create: true }));
    expect(err.code).toBe('db.notWorkspace');
    const { rows } = await superuserQuery(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(rows).toEqual([{ table_name: 't' }]);
  });

  it('refuses a workspace saved by a newer version and leaves it unchanged', async () => {
    const url = await c.createDatabase();
    await (await open(url, { create: true })).close();
    await superuserQuery(url, `UPDATE board_secretariat_meta SET value = '999' WHERE key = 'schema_version'`);
    const err = await refusal(openPostgresStore(url));
    expect(err.code).toBe('db.newerVersion');
    const { rows } = await superuserQuery(url, `SELECT value FROM board_secretariat_meta WHERE key = 'schema_version'`);
    expect(rows).toEqual([{ value: '999' }]);
  });

  it('refuses an empty database unless creating or initialising it', async () => {
    const url = await c.createDatabase();
    const err = await refusal(openPostgresStore(url));
    expect(err.code).toBe('db.emptyDatabase');
    expect(err.message).toContain('holds no workspace; run npm run cli -- init --db <url> to create one');
    const { rows } = await superuserQuery(url, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(rows).toEqual([{ n: 0 }]);

    const store = await open(url, { initialiseEmpty: true });
    expect(await postgresSchemaVersion(store.kysely)).toBe(latestVersion());
  });

  it('a connection ended mid-write rejects the write and leaves nothing of it; the store carries on', async () => {
    const store = await open(await c.createDatabase(), { create: true });
    const write = store.write(async (trx) => {
      await sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Half written', ${now}, ${now})`.execute(trx);
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      await superuserQuery(admin, 'SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Never written', ${now}, ${now})`.execute(trx);
    });
    const err = await write.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const described = describePostgresError(err, store.location);
    expect(described).toBeInstanceOf(DomainError);
    expect((described as DomainError).code).toBe('db.connectionLost');
    expect((described as DomainError).message).toContain('The connection to the PostgreSQL server was lost; nothing from this change was saved');

    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM organisation`.execute(store.kysely);
    expect(rows[0]!.n).toBe(0);
    await store.write((trx) => sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Written', ${now}, ${now})`.execute(trx));
    const after = await sql<{ name: string }>`SELECT name FROM organisation`.execute(store.kysely);
    expect(after.rows).toEqual([{ name: 'Written' }]);
  });

  it("words a record's conflicts and invalid values as the SQLite side does", async () => {
    const store = await open(await c.createDatabase(), { create: true });
    const failure = (q: ReturnType<typeof sql>) =>
      store.write((trx) => q.execute(trx)).then(
        () => undefined,
        (e: unknown) => describePostgresError(e, store.location),
      );
    await sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Kent Police', ${now}, ${now})`.execute(store.kysely);
    expect(await failure(sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('KENT POLICE', ${now}, ${now})`)).toEqual({
      code: 'conflict',
      message: 'Another record already has this name.',
      field: 'name',
    });
    expect(await failure(sql`INSERT INTO person (given_name, family_name, organisation_id, created_at, updated_at) VALUES ('A', 'B', 9999, ${now}, ${now})`)).toEqual({
      code: 'conflict',
      message: 'This refers to a record that does not exist, or is still referred to by other records.',
    });
    const check = await failure(sql`INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('Other', 'bogus', ${now}, ${now})`);
    expect(check).toMatchObject({ code: 'validation' });
    expect((check as { message: string }).message).toMatch(/^A value is outside what is allowed \(organisation_kind_check\)\.$/);
    expect(await failure(sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Other', NULL, ${now})`)).toEqual({
      code: 'validation',
      message: 'A value is outside what is allowed (organisation.created_at is missing).',
    });
  });

  it('names the role that may not write', async () => {
    const url = await c.createDatabase();
    const db = new URL(url).pathname.slice(1);
    await (await open(url, { create: true })).close();
    await superuserQuery(admin, 'CREATE ROLE reader LOGIN');
    const none = await refusal(openPostgresStore(`postgres://reader@127.0.0.1:${port}/${db}`));
    expect(none.code).toBe('db.permission');
    expect(none.message).toContain('The PostgreSQL role reader is not allowed');

    await superuserQuery(url, 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader');
    const store = await open(`postgres://reader@127.0.0.1:${port}/${db}`);
    const err = await store.write((trx) => sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('X', ${now}, ${now})`.execute(trx)).then(
      () => undefined,
      (e: unknown) => describePostgresError(e, store.location, store.role),
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('db.permission');
    expect((err as DomainError).message).toContain('The PostgreSQL role reader is not allowed');
  });

  /** A trigger that ends its own session when a row is inserted into the table: a connection lost mid-write, at a known moment. */
  async function endSessionOnInsert(url: string, table: string): Promise<void> {
    await superuserQuery(
      url,
      `CREATE FUNCTION end_my_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$;
       CREATE TRIGGER end_my_session BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION end_my_session()`,
    );
  }

  it('a session ended mid-write rejects the write with its first cause, not the failed ROLLBACK after it', async () => {
    const url = await c.createDatabase();
    const store = await open(url, { create: true });
    await endSessionOnInsert(url, 'organisation');
    const err = await store
      .write((trx) => sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Never written', ${now}, ${now})`.execute(trx))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // 57P01: "terminating connection due to administrator command"; the ROLLBACK that Kysely
    // then sends fails with "Client has encountered a connection error", which hid it.
    expect(err).toHaveProperty('code', '57P01');
    expect((describePostgresError(err, store.location) as DomainError).code).toBe('db.connectionLost');
    // The connection went back to the pool, which dropped it: the store carries on.
    await superuserQuery(url, 'DROP TRIGGER end_my_session ON organisation');
    for (let i = 0; i < 5; i++) await store.write((trx) => sql`SELECT 1`.execute(trx));
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM organisation`.execute(store.kysely);
    expect(rows[0]!.n).toBe(0);
  });

  it('the command line says the connection was lost when an import loses it, not "something unexpected"', async () => {
    const url = await c.createDatabase();
    await (await open(url, { create: true })).close();
    await endSessionOnInsert(url, 'organisation');
    const dir = mkdtempSync(join(tmpdir(), 'board-pg-cli-'));
    const bundle = join(dir, 'small.json');
    writeFileSync(bundle, JSON.stringify(smallBundle()));
    let stderr = '';
    const code = await runCli(['import', '--db', url, bundle], { stdout: () => undefined, stderr: (t) => (stderr += t) }, { env: {}, actor: 'test-user' });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    const location = new URL(url);
    expect(stderr).toBe(
      `error: The connection to the PostgreSQL server was lost; nothing from this change was saved (the server undoes a transaction it cannot finish). ` +
        `Check the network and that the server for postgres://${location.username}@${location.hostname}:${location.port}${location.pathname} is running, then try again; the app reconnects by itself.\n`,
    );
    const { rows } = await superuserQuery(url, 'SELECT count(*)::int AS n FROM organisation');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('the command line shows the cause of a refusal with DEBUG=1 (the socket error of a server that is not there)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-pg-cli-'));
    const bundle = join(dir, 'small.json');
    writeFileSync(bundle, JSON.stringify(smallBundle()));
    const run = async (env: Record<string, string>) => {
      let stderr = '';
      const code = await runCli(['import', '--db', 'postgres://nobody@127.0.0.1:1/board', bundle], { stdout: () => undefined, stderr: (t) => (stderr += t) }, { env, actor: 'test-user' });
      return { code, stderr };
    };
    const plain = await run({});
    const debug = await run({ DEBUG: '1' });
    rmSync(dir, { recursive: true, force: true });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^error: Nothing answered as a PostgreSQL server on 127\.0\.0\.1:1/);
    expect(plain.stderr).not.toContain('caused by');
    expect(debug.stderr).toMatch(/\ncaused by: Error: connect ECONNREFUSED 127\.0\.0\.1:1\n/);
  });

  it("keeps a workspace in the role's own schema (first in its search_path), creating, opening and upgrading it there", async () => {
    const role = `alice_${randomBytes(4).toString('hex')}`;
    await superuserQuery(admin, `CREATE ROLE ${role} LOGIN`);
    /** A database where the role has a schema of its own (as CREATE SCHEMA alice AUTHORIZATION alice gives it), and public holds another program's table. */
    async function withOwnSchema(): Promise<{ url: string; target: string }> {
      const url = await c.createDatabase();
      const db = new URL(url).pathname.slice(1);
      await superuserQuery(url, `CREATE SCHEMA ${role} AUTHORIZATION ${role}; CREATE TABLE public.other_program (x integer); GRANT SELECT ON public.other_program TO ${role}`);
      return { url, target: `postgres://${role}@127.0.0.1:${port}/${db}` };
    }
    const tablesOf = async (url: string) =>
      (await superuserQuery(url, `SELECT table_schema, count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('board_secretariat_meta', 'organisation') GROUP BY table_schema`)).rows;

    // init: the tables land in the role's schema, and the workspace opens again from there.
    const made = await withOwnSchema();
    const created = await open(made.target, { create: true });
    expect(created.role).toBe(role);
    await created.write((trx) => sql`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Kent Police', ${now}, ${now})`.execute(trx));
    await created.close();
    const again = await open(made.target);
    expect(await postgresSchemaVersion(again.kysely)).toBe(latestVersion());
    expect((await sql<{ name: string }>`SELECT name FROM organisation`.execute(again.kysely)).rows).toEqual([{ name: 'Kent Police' }]);
    expect(await tablesOf(made.url)).toEqual([{ table_schema: role, n: 2 }]);

    // A workspace of an older version there is upgraded in place by an ordinary open.
    const old = await withOwnSchema();
    const older = migrations.filter((m) => m.version < latestVersion());
    const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: old.target, max: 1 }) }) });
    try {
      expect(await migratePostgres(kysely, older)).toEqual({ from: 0, to: latestVersion(older) });
    } finally {
      await kysely.destroy();
    }
    const upgraded = await open(old.target);
    expect(await postgresSchemaVersion(upgraded.kysely)).toBe(latestVersion());
    expect(await tablesOf(old.url)).toEqual([{ table_schema: role, n: 2 }]);
    const version = await superuserQuery(old.url, `SELECT value FROM ${role}.board_secretariat_meta WHERE key = 'schema_version'`);
    expect(version.rows).toEqual([{ value: String(latestVersion()) }]);
  });
});

describe.skipIf(skipped)('a workspace in PostgreSQL over TLS', () => {
  // A cluster of its own: the shared one offers no TLS (the test above relies on that).
  let tls: Cluster;
  let port = '';
  beforeAll(async () => {
    const started = await startCluster({ tls: true });
    if ('skipped' in started) throw new Error(started.skipped);
    tls = started;
    port = new URL(tls.url()).port;
  });
  afterAll(() => tls?.stop());

  async function encrypted(store: Store): Promise<boolean> {
    const { rows } = await sql<{ ssl: boolean }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(store.kysely);
    return rows[0]!.ssl;
  }

  it('encrypts with sslmode=require, and checks the server with verify-full and its CA', async () => {
    const db = new URL(await tls.createDatabase()).pathname.slice(1);
    const required = await open(`postgres://postgres@127.0.0.1:${port}/${db}?sslmode=require`, { create: true });
    expect(await encrypted(required)).toBe(true);
    const verified = await open(`postgres://postgres@localhost:${port}/${db}?sslmode=verify-full&sslrootcert=${encodeURIComponent(tls.caFile!)}`);
    expect(await encrypted(verified)).toBe(true);
    const byAddress = await open(`host=127.0.0.1 port=${port} dbname=${db} user=postgres sslmode=verify-full sslrootcert='${tls.caFile!}'`);
    expect(await encrypted(byAddress)).toBe(true);
    // No sslmode is libpq's prefer: encrypted when the server offers TLS, as this one does.
    const preferred = await open(`postgres://postgres@127.0.0.1:${port}/${db}`);
    expect(await encrypted(preferred)).toBe(true);
    const plain = await open(`postgres://postgres@127.0.0.1:${port}/${db}?sslmode=disable`);
    expect(await encrypted(plain)).toBe(false);
  });

  it('refuses verify-full against the wrong authority (sslrootcert of another CA), saying to check the certificate', async () => {
    const db = new URL(await tls.createDatabase()).pathname.slice(1);
    const dir = mkdtempSync(join(tmpdir(), 'board-other-ca-'));
    try {
      const otherCa = join(dir, 'other-ca.crt');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'other-ca.key'), '-out', otherCa, '-days', '2', '-subj', '/CN=Some other CA'], { stdio: 'ignore' });
      const wrong = await refusal(openPostgresStore(`postgres://postgres@localhost:${port}/${db}?sslmode=verify-full&sslrootcert=${encodeURIComponent(otherCa)}`));
      expect(wrong.code).toBe('db.pgTls');
      expect(wrong.message).toMatch(/^The PostgreSQL server on localhost:\d+ could not be verified: its TLS certificate was not accepted \(\w+\)\. Give the certificate of the authority that signed it with sslrootcert=<file>/);
      // The right authority, by the same road, is accepted (the test above checks it encrypts).
      const right = await open(`postgres://postgres@localhost:${port}/${db}?sslmode=verify-full&sslrootcert=${encodeURIComponent(tls.caFile!)}`, { create: true });
      expect(right.connectedAs).toMatchObject({ login: 'postgres', canWrite: 'all' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a certificate it cannot verify, and says when the server insists on TLS', async () => {
    const db = new URL(await tls.createDatabase()).pathname.slice(1);
    const unknownCa = await refusal(openPostgresStore(`postgres://postgres@localhost:${port}/${db}?sslmode=verify-full`));
    expect(unknownCa.code).toBe('db.pgTls');
    expect(unknownCa.message).toContain('its TLS certificate was not accepted');

    await superuserQuery(tls.url(), `CREATE ROLE remote LOGIN IN ROLE ${TLS_GROUP}`);
    const insists = await refusal(openPostgresStore(`postgres://remote@127.0.0.1:${port}/${db}?sslmode=disable`));
    expect(insists.code).toBe('db.pgTlsRequired');
    expect(insists.message).toContain('accepts only encrypted (TLS) connections');
    // allow (unencrypted first, then TLS because the server insists, as libpq's allow) and
    // prefer (TLS first) get in: the server admits remote only over TLS, so the refusal that
    // follows is the empty database's, not the connection's.
    for (const mode of ['?sslmode=allow', '']) {
      const empty = await refusal(openPostgresStore(`postgres://remote@127.0.0.1:${port}/${db}${mode}`));
      expect(empty.code).toBe('db.emptyDatabase');
    }
  });
});
