import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Database } from 'better-sqlite3';
import { dispatch, type Session } from '../../main/api/dispatch';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { openDatabase } from '../../main/db/connection';
import { openPostgresStore } from '../../main/db/postgres-store';
import { sqliteStore } from '../../main/db/sqlite-store';
import type { TeamRole } from '../../main/db/team-roles';
import { addressAs, ensureTeamLogin } from './team';
import { sql } from '../../main/db/statements';
import type { Engine, Store } from '../../main/db/store';
import { makeCtx, type Ctx } from '../../main/shared/context';
import type { ApiErrorShape } from '../../main/shared/errors';
import { SKIPPED_ENV, TEMPLATE_ENV, URL_ENV, dropDatabase, createDatabase } from './postgres';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Runs `fn` after the current test (closing a store it opened, say). */
export function afterThisTest(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

/**
 * A second person on the workspace, under their own name, with their own connection. On
 * PostgreSQL the name recorded in the audit trail is the login (main/shared/context.ts), so
 * the person is a login of that name in the team's secretariat role (made with the team roles
 * if the database has none yet; the test cluster trusts loopback logins, so no password). On
 * SQLite a second window of the one app: the same connection under another name (a second
 * program writing to the file is refused as busy). Closed after the test.
 */
export async function teamMember(ws: TestWorkspace, login: string, role: TeamRole = 'secretariat'): Promise<Session> {
  const now = ws.session.now ?? (() => new Date());
  if (ws.engine !== 'postgres') return { store: ws.store, actor: login, now, log: (m, e) => console.error(m, e) };
  await ensureTeamLogin(ws.store, login, role);
  const store = await openPostgresStore(addressAs(ws.path, login));
  afterThisTest(() => store.close());
  return { store, actor: login, now, log: (m, e) => console.error(m, e) };
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The engine the integration suite runs on: SQLite by default; the vitest project
 * "postgres" sets BOARD_TEST_ENGINE=postgres and runs the same files on PostgreSQL.
 */
export function testEngine(): Engine {
  return process.env.BOARD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** Why the PostgreSQL half cannot run here, or undefined when it can. */
export function postgresSkipped(): string | undefined {
  if (process.env[SKIPPED_ENV]) return process.env[SKIPPED_ENV];
  if (!process.env[URL_ENV]) return 'no PostgreSQL test cluster was started (run the suite through vitest.config.ts, whose global setup starts one)';
  return undefined;
}

export interface TestWorkspace {
  dir: string;
  /** The SQLite file's path, or the PostgreSQL database's URL. */
  path: string;
  engine: Engine;
  /** The SQLite file's own connection; a test that reads it is about SQLite files (use { engine: 'sqlite' }). */
  db: Database;
  store: Store;
  session: Session;
  /** A context for calling services directly (outside a write). */
  ctx(): Ctx;
  /** Raw SQL on the workspace, on either engine (for checks a test makes behind the API). */
  query<R = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<R[]>;
  /** Calls an operation through the real dispatcher; resolves to the envelope. */
  raw<K extends OpName>(name: K, input?: InputOf<K> | unknown): Promise<Envelope<ResultOf<K>>>;
  /** Calls an operation and returns its value, failing the test on an error envelope. */
  call<K extends OpName>(name: K, input?: InputOf<K>): Promise<ResultOf<K>>;
  /** Calls an operation that must fail, returning its error. */
  fails<K extends OpName>(name: K, input?: unknown): Promise<ApiErrorShape>;
}

/**
 * A fresh workspace, opened and migrated like the app does: a file in a temp folder, or (on
 * the postgres project) a new database on the test cluster made from a migrated template.
 */
export async function tempWorkspace(opts: { now?: () => Date; engine?: Engine } = {}): Promise<TestWorkspace> {
  const engine = opts.engine ?? testEngine();
  const dir = tempDir();
  let path: string;
  let store: Store;
  if (engine === 'postgres') {
    const skipped = postgresSkipped();
    if (skipped) throw new Error(`PostgreSQL test workspace unavailable: ${skipped}`);
    path = await createDatabase(process.env[URL_ENV]!, undefined, process.env[TEMPLATE_ENV]);
    store = await openPostgresStore(path);
    const url = path;
    cleanups.push(() => dropDatabase(url));
  } else {
    path = join(dir, 'workspace.db');
    store = sqliteStore(openDatabase(path));
  }
  // An internal error's cause is printed: the envelope says only "internal".
  const session: Session = { store, actor: 'test', now: opts.now ?? (() => new Date('2020-03-02T10:00:00')), log: (message, err) => console.error(message, err) };
  cleanups.push(async () => {
    if (session.store.isOpen()) await session.store.close();
  });
  const raw = (name: OpName, input?: unknown) => dispatch(session, name, input);
  return {
    dir,
    path,
    engine,
    // workspace.reopen replaces the session's store: always hand out the current one.
    get db() {
      const db = session.store.sqlite;
      if (!db) throw new Error('This test reads the SQLite file directly: give tempWorkspace({ engine: "sqlite" }).');
      return db;
    },
    get store() {
      return session.store;
    },
    session,
    ctx: () => makeCtx(session.store, 'test', session.now),
    query: <R>(text: string, ...params: unknown[]) => sql<R>({ db: session.store.kysely, engine: session.store.engine }, text).all(...params),
    raw: raw as TestWorkspace['raw'],
    async call(name, input) {
      const env = await raw(name, input);
      if (!env.ok) throw new Error(`${name} failed: ${env.error.code}: ${env.error.message}`);
      return env.value as never;
    },
    async fails(name, input) {
      const env = await raw(name, input);
      if (env.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(env.value).slice(0, 200)}`);
      return env.error;
    },
  };
}
