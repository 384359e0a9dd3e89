import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate';
import { dispatch, type Session } from '../../main/api/dispatch';
import { runCli } from '../../main/cli/run';
import { openStore } from '../../main/workspace/open-store';
import type { Bundle, BundleRow } from '../../main/workspace/bundle';
import type { MoveResult } from '../../main/workspace/contract';
import { holdsNoRows } from '../../main/workspace/new-workspace';
import { URL_ENV, createDatabase, dropDatabase, superuserQuery } from '../helpers/postgres';
import { postgresSkipped, tempDir } from '../helpers/workspace';

/**
 * The same workspace on both engines: made by the same command on each, and moved from one
 * to the other and back. This file opens PostgreSQL itself (databases of the run's test
 * cluster), so it runs in the sqlite project only (vitest.config.ts, SQLITE_ONLY).
 */

const skipped = postgresSkipped();
if (skipped) console.warn(`test/integration/engines-parity.test.ts is skipped: ${skipped}`);

const databases: string[] = [];
afterEach(async () => {
  while (databases.length) await dropDatabase(databases.pop()!);
});

/** A new, empty database on the test cluster, as IT would create it for a team. */
async function emptyDatabase(): Promise<string> {
  const url = await createDatabase(process.env[URL_ENV]!);
  databases.push(url);
  return url;
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env: {}, actor: 'test-user', now: () => new Date('2020-03-02T10:00:00') });
  return { code, stdout, stderr };
}

async function ok(...argv: string[]) {
  const run = await cli(...argv);
  expect(run, argv.join(' ')).toMatchObject({ code: 0, stderr: '' });
  return run;
}

async function exported(dir: string, db: string, name: string): Promise<Bundle> {
  const out = join(dir, `${name}.json`);
  await ok('export-bundle', '--db', db, '--out', out);
  return JSON.parse(readFileSync(out, 'utf8')) as Bundle;
}

const TIMESTAMPS = ['created_at', 'updated_at', 'at'];

/** The tables without the audit trail, and every row without its timestamps: what the two engines must agree on. */
function records(bundle: Bundle): Record<string, BundleRow[]> {
  const { audit_log: _audit, ...tables } = bundle.tables;
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !TIMESTAMPS.includes(k))))]));
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The audit rows the moves added, one per move, at the end of the trail, each by who made the
 * copy: into PostgreSQL the role connected (the test cluster's superuser), into a file the command line's user.
 */
function expectMoveRows(rows: BundleRow[], actors: string[]) {
  rows.forEach((row, i) => {
    expect(row).toMatchObject({ actor: actors[i], operation: 'cli.move', action: 'create', entity: 'workspace', entity_id: 0 });
    expect(JSON.parse(String(row.after_json))).toHaveProperty('importedBundle');
  });
}

/** SQLite → PostgreSQL → SQLite through the command line; returns the bundles of the first and the last, and the move's report line. */
async function roundTrip(dir: string, first: string) {
  const pg = await emptyDatabase();
  const there = await ok('move', '--from', first, '--to', pg);
  expect(there.stdout).toContain('Checked: the copy matches the workspace row for row');
  const back = join(dir, 'back.db');
  const again = await ok('move', '--from', pg, '--to', back);
  expect(again.stdout).toContain(`Moved the workspace to ${back}`);
  const before = await exported(dir, first, 'before');
  const onServer = await exported(dir, pg, 'server');
  const after = await exported(dir, back, 'after');
  const { audit_log: auditBefore = [], ...restBefore } = before.tables;
  // Identical, ids and timestamps included; each move adds one audit row, its own.
  for (const [copy, moves] of [[onServer, 1], [after, 2]] as const) {
    const { audit_log: audit = [], ...rest } = copy.tables;
    expect(rest).toEqual(restBefore);
    expect(audit.slice(0, -moves)).toEqual(auditBefore);
    expectMoveRows(audit.slice(-moves), ['postgres', 'test-user'].slice(0, moves));
  }
  return { before, after, report: there.stdout };
}

describe.skipIf(skipped)('one workspace on two engines', () => {
  it('init --demo makes the same workspace on PostgreSQL as on SQLite (apart from the audit trail and timestamps)', async () => {
    const dir = tempDir();
    const pg = await emptyDatabase();
    const onServer = await ok('init', '--db', pg, '--demo');
    const file = join(dir, 'demo.db');
    const onFile = await ok('init', '--db', file, '--demo');
    // The same words but for where the workspace is, and the team roles a database is given (team-roles.test.ts).
    expect(onServer.stdout).toMatch(/\nCreated the team roles board_test_\w+_secretariat, /);
    expect(onServer.stdout.replace(/^Created workspace \S+/, '').replace(/\nCreated the team roles [^\n]*/, '')).toBe(onFile.stdout.replace(/^Created workspace \S+/, ''));

    const a = await exported(dir, file, 'sqlite');
    const b = await exported(dir, pg, 'postgres');
    expect(Object.keys(b.tables)).toEqual(Object.keys(a.tables));
    expect(records(b)).toEqual(records(a));
    expect(b.tables.audit_log!.map((r) => [r.operation, r.entity])).toEqual(a.tables.audit_log!.map((r) => [r.operation, r.entity]));
  });

  it('moves the demo SQLite → PostgreSQL → SQLite and gets it back identical', async () => {
    const dir = tempDir();
    const first = join(dir, 'demo.db');
    await ok('init', '--db', first, '--demo');
    const before = hash(first);
    const { report } = await roundTrip(dir, first);
    // 198 rows: the demo with its EIYF budget, spend and claim, its decision-indicator links, and the Record of Decision paper of PCC-D-2019-001 with its sections;
    // 43 tables since migration 013's ten for funding rounds, bids, scores and moderation (empty in the demo).
    expect(report).toMatch(/^Moved the workspace to postgres:\/\/postgres@127\.0\.0\.1:\d+\/board_test_\w+: 198 rows from 43 tables in [\d.]+ s, in one transaction\./);
    expect(hash(first)).toBe(before); // the workspace moved from is only read
  }, 60_000);

  it('moves a generated one-year workspace there and back identical', async () => {
    const dir = tempDir();
    const first = join(dir, 'one-year.db');
    const generated = generateWorkspace(first, { years: 1 });
    const { after } = await roundTrip(dir, first);
    expect(after.tables.spend).toHaveLength(generated.counts.spend!);
    expect(after.tables.audit_log).toHaveLength(generated.counts.audit_log! + 2);
  }, 240_000);

  it('refuses a target that holds records, or the workspace itself, and changes neither', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.db');
    await ok('init', '--db', file, '--demo');
    const pg = await emptyDatabase();
    await ok('init', '--db', pg, '--demo');
    const serverBefore = await exported(dir, pg, 'server-before');

    const full = await cli('move', '--from', file, '--to', pg);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^error: postgres:\/\/\S+ already holds a workspace with records; a workspace is moved only into an empty one, and this one has not been changed\./);
    expect(records(await exported(dir, pg, 'server-after'))).toEqual(records(serverBefore));

    const other = join(dir, 'other.db');
    await ok('init', '--db', other);
    await ok('import', '--db', other, join(dir, 'server-before.json'));
    const otherBefore = hash(other);
    const back = await cli('move', '--from', pg, '--to', other);
    expect(back.stderr).toContain(`error: ${other} already holds a workspace with records`);
    expect(hash(other)).toBe(otherBefore);

    const itself = await cli('move', '--from', pg, '--to', pg);
    expect(itself.stderr).toMatch(/is the workspace being moved; choose a new file, or an empty PostgreSQL database\.\n$/);
    expect((await cli('move', '--from', file, '--to', join(dir, '.', 'demo.db'))).stderr).toContain('is the workspace being moved');
  }, 60_000);

  it('keeps nothing of a copy that fails: the database stays an empty workspace, a new file is removed', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.db');
    await ok('init', '--db', file, '--demo');
    // A NUL inside text (pasted from another program) is kept by SQLite and refused by PostgreSQL.
    const raw = new Database(file);
    raw.prepare(`UPDATE organisation SET notes = 'Pasted' || char(0) || 'text' WHERE id = 2`).run();
    raw.close();
    const pg = await emptyDatabase();
    const failed = await cli('move', '--from', file, '--to', pg);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: The bundle was not imported: \d+ problems? found \(tables\.organisation\[1\]: breaks a rule: .*Nothing was written\.\n {2}tables\.organisation\[1\]: /s);
    const store = await openStore(pg, { create: false });
    expect(await holdsNoRows(store.kysely, store.engine)).toBe(true);
    await store.close();

    // A workspace whose rows break its own keys (written behind the app's back) cannot go into a new file either.
    const orphaned = new Database(file);
    orphaned.pragma('foreign_keys = OFF');
    orphaned.prepare(`UPDATE organisation SET notes = '' WHERE id = 2`).run();
    orphaned.prepare(`UPDATE person SET organisation_id = 999 WHERE id = 1`).run();
    orphaned.close();
    const target = join(dir, 'new.db');
    const refused = await cli('move', '--from', file, '--to', target);
    expect(refused.stderr).toContain('refers to organisation 999, which is not in the bundle');
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});

describe.skipIf(skipped)('the command line on a PostgreSQL workspace', () => {
  it('imports a bundle into an empty database and exports it back unchanged but for the import row', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.db');
    await ok('init', '--db', file, '--demo');
    const bundle = await exported(dir, file, 'demo');
    const pg = await emptyDatabase();
    const imported = await ok('import', '--db', pg, join(dir, 'demo.json'));
    expect(imported.stdout).toMatch(/^Imported 198 rows from \S+demo\.json into postgres:\/\/postgres@127\.0\.0\.1:\d+\/board_test_\w+: organisation 18, /);
    const back = await exported(dir, pg, 'back');
    const { audit_log: audit = [], ...rest } = back.tables;
    const { audit_log: auditBefore = [], ...restBefore } = bundle.tables;
    expect(rest).toEqual(restBefore);
    expect(audit.slice(0, -1)).toEqual(auditBefore);
    expect(audit.at(-1)).toMatchObject({ operation: 'cli.import', entity: 'workspace' });

    // The exports take --db a database as they take a file (through the same operations).
    const log = join(dir, 'decisions.xlsx');
    const written = await ok('export', 'decisions', '--db', pg, '--out', log);
    expect(written.stdout).toContain('decisions.xlsx');
    expect(readFileSync(log).subarray(0, 2).toString()).toBe('PK');

    const again = await cli('import', '--db', pg, join(dir, 'demo.json'));
    expect(again.stderr).toContain('A bundle can only be imported into a new, empty workspace');
    const twice = await cli('init', '--db', pg);
    expect(twice.stderr).toMatch(/^error: postgres:\/\/\S+ already holds a workspace with records; init never overwrites one, and has not changed it\./);
  }, 60_000);

  it('refuses the commands about the file itself, saying what to use instead, without connecting', async () => {
    const url = 'postgres://clerk:s3cret@db.example.org/board?sslmode=verify-full';
    const where = 'postgres://clerk@db.example.org:5432/board is a PostgreSQL database.';
    const cases: [string[], RegExp][] = [
      [['backup', '--db', url], /pg_dump.*export-bundle/],
      [['backups', '--db', url], /pg_dump.*export-bundle/],
      [['restore', '--db', url, '--from', 'x'], /pg_restore.*import --db/],
      [['check', '--db', url], /export-bundle/],
      [['check', '--db', 'host=db.example.org dbname=board user=clerk'], /export-bundle/],
    ];
    for (const [argv, instead] of cases) {
      const run = await cli(...argv);
      expect(run.code, argv[0]).toBe(1);
      expect(run.stderr).toContain(`error: ${argv[0]} works on a workspace file, and `);
      expect(run.stderr).toMatch(instead);
      expect(run.stderr).not.toContain('s3cret');
      if (argv[2] === url) expect(run.stderr).toContain(where);
    }
  });
});

describe.skipIf(skipped)("the app's workspace.moveTo", () => {
  /** The demo workspace in a file, open in a session as the desktop app would have it, remembering what it opens. */
  async function fileSession(dir: string) {
    const file = join(dir, 'demo.db');
    if (!existsSync(file)) await ok('init', '--db', file, '--demo');
    const remembered: string[] = [];
    const session: Session = {
      store: await openStore(file, { create: false }),
      actor: 'test-user',
      now: () => new Date('2020-03-02T10:00:00'),
      log: (m: string, e: unknown) => console.error(m, e),
      remember: (target) => remembered.push(target),
    };
    return { file, session, remembered };
  }

  /** The file's organisation name, read behind the app's back. */
  function fileOrganisation(file: string): string | undefined {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`SELECT value FROM setting WHERE key = 'organisationName'`).get() as { value: string } | undefined)?.value;
    } finally {
      db.close();
    }
  }

  it('moves the open workspace into an empty database, checked, and opens it there: the app works on the copy, the file is left as it was', async () => {
    const dir = tempDir();
    const { file, session, remembered } = await fileSession(dir);
    const fileBefore = createHash('sha256').update(readFileSync(file)).digest('hex');
    const orgBefore = fileOrganisation(file);
    try {
      const pg = await emptyDatabase();
      const moved = await dispatch(session, 'workspace.moveTo', { target: pg });
      expect(moved.ok).toBe(true);
      const value = moved.ok ? (moved.value as MoveResult) : undefined;
      expect(value).toMatchObject({ target: expect.stringMatching(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/board_test_\w+$/), rows: 198, verified: true, opened: true });
      expect(value!.message).toBe(
        `Moved the workspace to ${value!.target}: 198 rows from ${value!.message.match(/from (\d+) tables/)![1]} tables, checked row for row against the workspace before it was kept. ` +
          `The app now has it open and works on it from now on. ${file} is left as it was, but it is no longer the workspace: the team's copy is on the server.`,
      );

      // The session is on the copy now, by the same road as workspace.open: remembered as given.
      expect(session.store.engine).toBe('postgres');
      expect(remembered).toEqual([pg]);
      const info = await dispatch(session, 'workspace.info', {});
      expect(info.ok && (info.value as { path: string }).path).toBe(value!.target);
      const trail = await dispatch(session, 'audit.list', { limit: 1 });
      expect(trail.ok && (trail.value as { operation: string }[])[0]).toMatchObject({ operation: 'workspace.moveTo', actor: 'postgres', entity: 'workspace' }); // the role the copy was made as

      // A write lands in the database, not in the file.
      const set = await dispatch(session, 'workspace.setSetting', { key: 'organisationName', value: 'Moved Board' });
      expect(set.ok).toBe(true);
      const { rows } = await superuserQuery(pg, `SELECT value FROM setting WHERE key = 'organisationName'`);
      expect(rows).toEqual([{ value: 'Moved Board' }]);
      expect(fileOrganisation(file)).toBe(orgBefore);
      expect(orgBefore).not.toBe('Moved Board');
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(fileBefore);

      // The session's workspace is the database now: moving it there again is moving it onto itself.
      const onto = await dispatch(session, 'workspace.moveTo', { target: pg });
      expect(onto).toMatchObject({ ok: false, error: { code: 'workspace.moveToItself', field: 'target' } });
      // From the file (opened again), the database is no longer empty.
      const second = await fileSession(dir);
      try {
        const again = await dispatch(second.session, 'workspace.moveTo', { target: pg });
        expect(again).toMatchObject({ ok: false, error: { code: 'workspace.targetNotEmpty', field: 'target' } });
        const path = await dispatch(second.session, 'workspace.moveTo', { target: join(dir, 'elsewhere.db') });
        expect(path).toMatchObject({ ok: false, error: { code: 'validation', field: 'target' } });
        expect(existsSync(join(dir, 'elsewhere.db'))).toBe(false);
        expect(second.session.store.location).toBe(file);
        expect(second.remembered).toEqual([]);
      } finally {
        await second.session.store.close();
      }
    } finally {
      await session.store.close();
    }
  }, 60_000);

  it('moves into a database given with a password, but stays on the file, saying how to open the copy with the password file', async () => {
    const dir = tempDir();
    const { file, session, remembered } = await fileSession(dir);
    try {
      const pg = await emptyDatabase();
      // The test cluster trusts the superuser, so the password is not checked; it is only carried.
      const withPassword = new URL(pg);
      withPassword.password = 's3cret';
      const moved = await dispatch(session, 'workspace.moveTo', { target: withPassword.toString() });
      expect(moved.ok).toBe(true);
      const value = moved.ok ? (moved.value as MoveResult) : undefined;
      expect(value).toMatchObject({ rows: 198, verified: true, opened: false });
      const u = new URL(pg);
      const db = u.pathname.slice(1);
      expect(value!.target).toBe(`postgres://postgres@127.0.0.1:${u.port}/${db}`);
      expect(value!.message).toContain(`Moved the workspace to ${value!.target}: 198 rows`);
      expect(value!.message).toContain(
        `The address has a password in it, which the app does not keep, so this app stays on the file ${file} until you open the server's copy: ` +
          `put its password in your PostgreSQL password file (%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere) as the line 127.0.0.1:${u.port}:${db}:postgres:<password>, ` +
          `then choose Open another workspace and open ${pg}. ${file} is left as it was, but it is no longer the workspace: the team's copy is on the server.`,
      );
      expect(value!.message).not.toContain('s3cret');

      expect(session.store.engine).toBe('sqlite');
      expect(session.store.location).toBe(file);
      expect(remembered).toEqual([]);
      const info = await dispatch(session, 'workspace.info', {});
      expect(info.ok && (info.value as { path: string }).path).toBe(file);
      const { rows } = await superuserQuery(pg, `SELECT count(*)::int AS n FROM audit_log WHERE operation = 'workspace.moveTo'`);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await session.store.close();
    }
  }, 60_000);
});
