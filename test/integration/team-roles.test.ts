import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import type { Envelope } from '../../main/api/contract';
import type { WorkspaceInfo } from '../../main/workspace/contract';
import { runCli } from '../../main/cli/run';
import { migratePostgres } from '../../main/db/migrate-postgres';
import { migrations } from '../../main/db/migrations';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Store } from '../../main/db/store';
import { PASSWORD_GROUP, TEMPLATE_ENV, createDatabase, superuserQuery, testCluster, type Cluster } from '../helpers/postgres';
import { tempDir, tempWorkspace, testEngine } from '../helpers/workspace';
import { formatBundle } from '../../main/cli/bundle-file';
import { smallBundle } from '../fixtures/small-bundle';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * People, not a shared login: on a real PostgreSQL cluster, the three team roles made by init
 * (or team-roles), a person added to each, and what the database itself lets each of them do.
 * The dispatcher's early refusal is switched off in one test to show the grants alone refuse.
 */

const onPostgres = testEngine() === 'postgres';
const cluster = onPostgres ? await testCluster() : undefined;
const skipped = !onPostgres ? 'about PostgreSQL roles: the postgres project runs it' : cluster && 'skipped' in cluster ? cluster.skipped : undefined;

const stores: Store[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close();
});
afterAll(() => (cluster && !('skipped' in cluster) ? cluster.stop() : undefined));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env, actor: 'os-user', now: () => new Date('2020-04-15T10:00:00') });
  return { code, stdout, stderr };
}

const unique = () => randomBytes(4).toString('hex');

/** An envelope's value, failing the test on a refusal. */
function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

// On SQLite there is no one to connect as: the file is whoever may open it.
describe.skipIf(onPostgres)('a workspace file', () => {
  it('says it is connected as no one (connectedAs is null)', async () => {
    const ws = await tempWorkspace({ engine: 'sqlite' });
    expect((await ws.call('workspace.info', {})).connectedAs).toBeNull();
  });
});

// Skipped on the sqlite project (the reason is in `skipped`): these are PostgreSQL's roles.
describe.skipIf(skipped)('people, not a shared login, on PostgreSQL', () => {
  const c = cluster as Cluster;
  const port = () => new URL(c.url()).port;
  const address = (login: string, db: string, password?: string) => `postgres://${login}${password ? `:${password}` : ''}@127.0.0.1:${port()}/${db}`;

  /** The demo workspace in a new database (the superuser's), with its team roles made by team-roles and three people. */
  async function team() {
    const url = await createDatabase(c.url(), undefined, process.env[TEMPLATE_ENV]);
    const db = new URL(url).pathname.slice(1);
    const admin = await openPostgresStore(url);
    stores.push(admin);
    const demo = await dispatch({ store: admin, actor: 'test' }, 'workspace.loadDemo', {});
    expect(demo.ok).toBe(true);
    const roles = await cli(['team-roles', '--db', url]);
    expect(roles).toMatchObject({ code: 0, stderr: '' });
    expect(roles.stdout).toContain(`Created the team roles ${db}_secretariat, ${db}_finance, ${db}_reader`);
    const people = { secretariat: `sam_${unique()}`, finance: `fay_${unique()}`, reader: `rob_${unique()}` };
    for (const [role, login] of Object.entries(people)) {
      const added = await cli(['team-add-person', '--db', url, '--login', login, '--role', role], { BOARD_PERSON_PASSWORD: 'pw-' + login });
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain(`Created the login ${login} in ${db}_${role}`);
      expect(added.stdout + added.stderr).not.toContain('pw-');
    }
    return { url, db, people };
  }

  async function as(login: string, db: string): Promise<Session> {
    const store = await openPostgresStore(address(login, db));
    stores.push(store);
    return { store, actor: 'os-user', now: () => new Date('2020-04-15T10:00:00'), log: () => undefined };
  }

  const info = async (s: Session) => value<WorkspaceInfo>(await dispatch(s, 'workspace.info', {}));

  it('team-roles makes three group roles nobody logs in as, and workspace.info says who each person is', async () => {
    const { db, people } = await team();
    const { rows } = await superuserQuery(c.url(), `SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname`, [`${db}\\_%`]);
    expect(rows).toEqual([
      { rolname: `${db}_finance`, rolcanlogin: false },
      { rolname: `${db}_reader`, rolcanlogin: false },
      { rolname: `${db}_secretariat`, rolcanlogin: false },
    ]);
    expect((await info(await as(people.secretariat, db))).connectedAs).toEqual({ login: people.secretariat, roles: ['secretariat'], canWrite: 'all' });
    expect((await info(await as(people.finance, db))).connectedAs).toEqual({ login: people.finance, roles: ['finance'], canWrite: 'funding' });
    expect((await info(await as(people.reader, db))).connectedAs).toEqual({ login: people.reader, roles: ['reader'], canWrite: 'none' });
    // The tables' owner (here the superuser) belongs to no team role and may write everything.
    const admin = await openPostgresStore(c.url(db));
    stores.push(admin);
    expect((await info({ store: admin, actor: 'test' })).connectedAs).toEqual({ login: 'postgres', roles: [], canWrite: 'all' });
  });

  it('a reader reads everything and every write is refused, saying which role it needs', async () => {
    const { db, people } = await team();
    const reader = await as(people.reader, db);
    const streams = await dispatch(reader, 'fundingStream.list', {});
    expect(streams.ok && (streams.value as unknown[]).length).toBeGreaterThan(0);
    for (const [name, input] of [
      ['decision.list', {}],
      ['meeting.list', {}],
      ['audit.list', {}],
      ['search.query', { q: 'knife' }],
      ['performance.scorecard', { asAt: '2020-03-31' }],
      ['funding.overview', { financialYear: '2019/20' }],
    ] as const) {
      const read = await dispatch(reader, name, input);
      expect(read.ok, `${name}: ${JSON.stringify(read)}`).toBe(true);
    }

    const org = await dispatch(reader, 'organisation.create', { name: 'Nobody Ltd' });
    expect(org).toEqual({
      ok: false,
      error: {
        code: 'db.permission',
        message: `You are connected as ${people.reader} (reader), which may only read. This change (organisation.create) needs the secretariat role; nothing was changed. Ask the board manager to give you that role.`,
      },
    });
    const stream = value<{ id: number }[]>(streams)[0]!;
    const spend = await dispatch(reader, 'fundingStream.update', { id: stream.id, name: 'Renamed' });
    expect(!spend.ok && spend.error.message).toBe(
      `You are connected as ${people.reader} (reader), which may only read. Changing the funding (fundingStream.update) needs the finance or secretariat role; nothing was changed. Ask the board manager to give you that role.`,
    );
  });

  it('the database refuses the write itself: with the early check out of the way, the grant stops it and the message is the same', async () => {
    const { db, people } = await team();
    const reader = await as(people.reader, db);
    // As if the app believed it could write (rights read at open, changed since): only the GRANT stands in the way.
    reader.store.connectedAs = { ...reader.store.connectedAs!, canWrite: 'all' };
    const before = await superuserQuery(c.url(db), 'SELECT count(*)::int AS n FROM organisation');
    const org = await dispatch(reader, 'organisation.create', { name: 'Nobody Ltd' });
    expect(org.ok).toBe(false);
    expect(!org.ok && org.error).toMatchObject({ code: 'db.permission', message: expect.stringContaining('This change (organisation.create) needs the secretariat role') });
    expect((await superuserQuery(c.url(db), 'SELECT count(*)::int AS n FROM organisation')).rows).toEqual(before.rows);
    // And behind the app altogether: a plain INSERT as the reader is refused by the server (42501).
    const direct = await reader.store
      .write((trx) => sql`INSERT INTO setting (key, value) VALUES ('x', 'y')`.execute(trx))
      .then(
        () => 'written',
        (e: { code?: string }) => e.code,
      );
    expect(direct).toBe('42501');

    const finance = await as(people.finance, db);
    finance.store.connectedAs = { ...finance.store.connectedAs!, canWrite: 'all' };
    const setting = await dispatch(finance, 'workspace.setSetting', { key: 'organisationName', value: 'Finance Co' });
    // Worded with the rights as the server has them now, not as the app believed.
    expect(!setting.ok && setting.error.message).toBe(
      `You are connected as ${people.finance} (finance), which may change only the funding. This change (workspace.setSetting) needs the secretariat role; nothing was changed. Ask the board manager to give you that role.`,
    );
  });

  it('a role granted while the app is open counts at once: the early refusal asks the server again before refusing', async () => {
    const { db, people } = await team();
    const reader = await as(people.reader, db);
    expect(reader.store.connectedAs).toMatchObject({ canWrite: 'none' });
    await superuserQuery(c.url(), `GRANT "${db}_secretariat" TO ${people.reader}`);
    expect((await info(reader)).connectedAs).toEqual({ login: people.reader, roles: ['secretariat', 'reader'], canWrite: 'all' });
    const org = await dispatch(reader, 'organisation.create', { name: 'Promoted Ltd' });
    expect(org.ok, JSON.stringify(org)).toBe(true);
    await superuserQuery(c.url(), `REVOKE "${db}_secretariat" FROM ${people.reader}`);
    const again = await dispatch(reader, 'organisation.create', { name: 'Demoted Ltd' });
    expect(!again.ok && again.error.message).toContain(`You are connected as ${people.reader} (reader), which may only read.`);
  });

  it('finance writes the funding, under its own name in the audit trail, proposes a virement, and may not change the rest', async () => {
    const { db, people } = await team();
    const finance = await as(people.finance, db);
    const streams = await dispatch(finance, 'fundingStream.list', {});
    const vru = value<{ id: number; reference: string }[]>(streams).find((s) => s.reference === 'VRU-2019')!;
    const lines = value<{ id: number; heading: string }[]>(await dispatch(finance, 'budgetLine.list', { streamId: vru.id, financialYear: '2019/20' }));
    const lineOf = (heading: string) => lines.find((l) => l.heading === heading)!;
    const saved = await dispatch(finance, 'spend.setCells', { streamId: vru.id, financialYear: '2019/20', cells: [{ target: `line:${lineOf('Staff').id}`, month: '2019-10', kind: 'actual', amount: '£20,000' }] });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const { rows: trail } = await superuserQuery(c.url(db), `SELECT actor, operation, entity FROM audit_log WHERE operation = 'spend.setCells'`);
    expect(trail.length).toBeGreaterThan(0);
    expect(new Set(trail.map((r: { actor: string }) => r.actor))).toEqual(new Set([people.finance]));

    const boardId = (await superuserQuery(c.url(db), `SELECT id FROM board WHERE code = 'SB'`)).rows[0].id as number;
    const virement = await dispatch(finance, 'funding.virementPropose', {
      streamId: vru.id,
      financialYear: '2019/20',
      moves: [{ from: `line:${lineOf('Staff').id}`, to: `line:${lineOf('Media').id}`, amount: '£1,000' }],
      boardId,
    });
    expect(virement.ok, JSON.stringify(virement)).toBe(true);
    const found = await dispatch(finance, 'search.query', { q: 'virement' });
    expect(found.ok && (found.value as { kind: string }[]).some((h) => h.kind === 'decision')).toBe(true);

    const meeting = await dispatch(finance, 'board.update', { id: boardId, name: 'Renamed board' });
    expect(!meeting.ok && meeting.error.message).toBe(
      `You are connected as ${people.finance} (finance), which may change only the funding. This change (board.update) needs the secretariat role; nothing was changed. Ask the board manager to give you that role.`,
    );
  });

  it('the secretariat writes everything, and the audit trail names the person, not the app user', async () => {
    const { db, people } = await team();
    const sam = await as(people.secretariat, db);
    const org = await dispatch(sam, 'organisation.create', { name: 'Kent Fire and Rescue Service' });
    expect(org.ok, JSON.stringify(org)).toBe(true);
    const trail = await dispatch(sam, 'audit.list', { entity: 'organisation', limit: 1 });
    expect(trail.ok && trail.value).toMatchObject([{ actor: people.secretariat, operation: 'organisation.create', action: 'create' }]);
    const id = value<{ id: number }[]>(await dispatch(sam, 'fundingStream.list', {}))[0]!.id;
    expect((await dispatch(sam, 'fundingStream.update', { id, name: 'Renamed by the secretariat' })).ok).toBe(true);
    // The trail is only ever added to: not even the secretariat may change or delete a line of it (42501).
    for (const statement of [`UPDATE audit_log SET actor = 'someone else'`, 'DELETE FROM audit_log']) {
      const refused = await superuserQuery(address(people.secretariat, db), statement).then(
        () => 'written',
        (e: { code?: string }) => e.code,
      );
      expect(refused, statement).toBe('42501');
    }
    // Nor write a line in someone else's name: the database puts the login in actor (migration 006).
    await superuserQuery(
      address(people.secretariat, db),
      `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id) VALUES ('2020-04-15T10:00:00', 'the chief constable', 'direct', 'create', 'organisation', 1)`,
    );
    // Not even with a search_path and a temporary table of their own that name them the owner.
    await superuserQuery(
      address(people.secretariat, db),
      `SET search_path = pg_temp, pg_catalog, public;
       CREATE TEMP TABLE pg_tables (schemaname text, tablename text, tableowner name);
       INSERT INTO pg_temp.pg_tables VALUES ('public', 'audit_log', current_user);
       INSERT INTO public.audit_log (at, actor, operation, action, entity, entity_id) VALUES ('2020-04-15T10:00:00', 'the chief constable', 'direct', 'create', 'organisation', 2)`,
    );
    const { rows: forged } = await superuserQuery(c.url(db), `SELECT actor FROM audit_log WHERE operation = 'direct'`);
    expect(forged).toEqual([{ actor: people.secretariat }, { actor: people.secretariat }]);
  });

  it('finance may add a decision only as a virement proposes one, whatever program it uses', async () => {
    const { db, people } = await team();
    const insert = (status: string, stream: string) =>
      superuserQuery(
        address(people.finance, db),
        `INSERT INTO decision (reference, title, text, type, decided_by, status, funding_stream_id, created_at, updated_at)
         VALUES ('FIN-' || md5(random()::text), 'By finance', '', 'approve', 'commissioner', '${status}', ${stream}, '2020-04-15T10:00:00', '2020-04-15T10:00:00')`,
      ).then(
        () => 'written',
        (e: { code?: string }) => e.code,
      );
    const { rows } = await superuserQuery(c.url(db), 'SELECT min(id) AS id FROM funding_stream');
    expect(await insert('agreed', 'NULL')).toBe('42501');
    // A temporary pg_roles of finance's own, first on its search_path, changes nothing.
    const sneaky = await superuserQuery(
      address(people.finance, db),
      `SET search_path = pg_temp, pg_catalog, public;
       CREATE TEMP TABLE pg_roles (oid oid, rolname name);
       INSERT INTO public.decision (reference, title, text, type, decided_by, status, created_at, updated_at)
       VALUES ('FIN-SNEAKY', 'By finance', '', 'approve', 'commissioner', 'agreed', '2020-04-15T10:00:00', '2020-04-15T10:00:00')`,
    ).then(
      () => 'written',
      (e: { code?: string }) => e.code,
    );
    expect(sneaky).toBe('42501');
    expect(await insert('proposed', 'NULL')).toBe('42501');
    expect(await insert('proposed', String(rows[0]!.id))).toBe('written');
  });

  it('finance adds to the audit trail only about the funding and the decisions its virements propose (migration 007)', async () => {
    const { db, people } = await team();
    const line = (entity: string, id: number) =>
      superuserQuery(
        address(people.finance, db),
        `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id) VALUES ('2020-04-15T10:00:00', 'x', 'direct', 'update', '${entity}', ${id})`,
      ).then(
        () => 'written',
        (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
      );
    const first = async (query: string) => (await superuserQuery(c.url(db), query)).rows[0]!.id as number;
    const personId = await first('SELECT min(id) AS id FROM person');
    const agreed = await first(`SELECT min(id) AS id FROM decision WHERE status <> 'proposed'`);
    expect(await line('person', personId)).toBe('42501: finance may add to the audit trail only about the funding and the decisions its virements propose (not person)');
    expect(await line('decision', agreed)).toMatch(/^42501: /);
    expect(await line('spend', 1)).toBe('written');
    expect(await line('funding_stream', await first('SELECT min(id) AS id FROM funding_stream'))).toBe('written');
    // A temporary decision table first on its search_path changes nothing.
    const sneaky = await superuserQuery(
      address(people.finance, db),
      `SET search_path = pg_temp, pg_catalog, public;
       CREATE TEMP TABLE decision (id integer, status text, funding_stream_id integer);
       INSERT INTO pg_temp.decision VALUES (${agreed}, 'proposed', 1);
       INSERT INTO public.audit_log (at, actor, operation, action, entity, entity_id) VALUES ('2020-04-15T10:00:00', 'x', 'direct', 'update', 'decision', ${agreed})`,
    ).then(
      () => 'written',
      (e: { code?: string }) => e.code,
    );
    expect(sneaky).toBe('42501');
    // Through the app finance's writes and its virement's proposed decision are still traced (the finance test above does both).
    const finance = await as(people.finance, db);
    const vru = value<{ id: number; reference: string }[]>(await dispatch(finance, 'fundingStream.list', {})).find((x) => x.reference === 'VRU-2019')!;
    const lines = value<{ id: number; heading: string }[]>(await dispatch(finance, 'budgetLine.list', { streamId: vru.id, financialYear: '2019/20' }));
    const boardId = await first(`SELECT id FROM board WHERE code = 'SB'`);
    const virement = await dispatch(finance, 'funding.virementPropose', { streamId: vru.id, financialYear: '2019/20', moves: [{ from: `line:${lines[0]!.id}`, to: `line:${lines[1]!.id}`, amount: '£500' }], boardId });
    expect(virement.ok, JSON.stringify(virement)).toBe(true);
    // The secretariat still adds lines about anything (under its own login).
    const sam = await superuserQuery(
      address(people.secretariat, db),
      `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id) VALUES ('2020-04-15T10:00:00', 'x', 'direct', 'update', 'person', ${personId})`,
    ).then(() => 'written');
    expect(sam).toBe('written');
  });

  it("a bundle imported by a team member who does not own the tables is refused naming the owner (the trail's names would become theirs)", async () => {
    // An empty workspace with its team roles and one secretariat member.
    const url = await createDatabase(c.url(), undefined, process.env[TEMPLATE_ENV]);
    const db = new URL(url).pathname.slice(1);
    const admin = await openPostgresStore(url);
    stores.push(admin);
    expect((await cli(['team-roles', '--db', url])).code).toBe(0);
    const sam = `sam_${unique()}`;
    expect((await cli(['team-add-person', '--db', url, '--login', sam, '--role', 'secretariat'], { BOARD_PERSON_PASSWORD: 'pw-' + sam })).code).toBe(0);
    const dir = tempDir();
    const file = join(dir, 'bundle.json');
    writeFileSync(file, formatBundle(smallBundle()));
    const refused = await cli(['import', file, '--db', address(sam, db, 'pw-' + sam)]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Only postgres, who owns this workspace's tables, may import a bundle into it. Imported as ${sam}, every past change in the bundle's audit trail would be put down to ${sam}`);
    expect((await superuserQuery(url, 'SELECT count(*)::int AS n FROM organisation')).rows).toEqual([{ n: 0 }]);
    // The owner imports it with its names as they were.
    const done = await cli(['import', file, '--db', url]);
    expect(done.code, done.stderr).toBe(0);
    expect((await superuserQuery(url, `SELECT actor FROM audit_log WHERE operation = 'organisation.create'`)).rows).toEqual([{ actor: 'secretariat' }]);
  });

  it('no login may create tables in public (REVOKE CREATE … FROM PUBLIC, as PostgreSQL 15 does already)', async () => {
    const { url, db, people } = await team();
    // As on PostgreSQL 13 and 14, where every role may create in public by default.
    await superuserQuery(url, 'GRANT CREATE ON SCHEMA public TO PUBLIC');
    expect((await superuserQuery(url, `SELECT has_schema_privilege('${people.reader}', 'public', 'CREATE') AS may`)).rows).toEqual([{ may: true }]);
    expect((await cli(['team-roles', '--db', url])).code).toBe(0);
    for (const login of Object.values(people)) {
      expect((await superuserQuery(url, `SELECT has_schema_privilege('${login}', 'public', 'CREATE') AS may`)).rows, login).toEqual([{ may: false }]);
      const made = await superuserQuery(address(login, db), 'CREATE TABLE squatter (id integer)').then(
        () => 'made',
        (e: { code?: string }) => e.code,
      );
      expect(made, login).toBe('42501');
    }
    // The printed SQL for IT says it too.
    expect((await cli(['team-roles', '--db', url, '--print-sql'])).stdout).toContain('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  });

  it('a table added by a later migration is granted to the team roles in the same transaction', async () => {
    const { url, db, people } = await team();
    const later = { version: 900, name: 'a later table', sql: '', postgres: 'CREATE TABLE later_table (id integer PRIMARY KEY)' };
    const admin = await openPostgresStore(url);
    stores.push(admin);
    await migratePostgres(admin.kysely as unknown as Kysely<unknown>, [...migrations, later]);
    // This version of the app would refuse to open schema 900 (newer): plain connections as each person.
    expect((await superuserQuery(address(people.reader, db), 'SELECT count(*)::int AS n FROM later_table')).rows).toEqual([{ n: 0 }]);
    await superuserQuery(address(people.secretariat, db), 'INSERT INTO later_table (id) VALUES (1)');
    const refused = await superuserQuery(address(people.reader, db), 'INSERT INTO later_table (id) VALUES (2)').then(
      () => 'written',
      (e: { code?: string }) => e.code,
    );
    expect(refused).toBe('42501');
  });

  it("a newer app opened by a team member before the tables' owner has upgraded the workspace says who must, and changes nothing", async () => {
    const { url, db, people } = await team();
    // As if the workspace were one version behind this app: the last migration is pending again.
    await superuserQuery(url, `UPDATE board_secretariat_meta SET value = '${migrations.length - 1}' WHERE key = 'schema_version'`);
    const err = await openPostgresStore(address(people.secretariat, db)).then(
      () => undefined,
      (e: { code?: string; message: string }) => e,
    );
    expect(err).toMatchObject({ code: 'db.upgradeNeedsOwner' });
    expect(err!.message).toContain(`only the role that owns its tables (postgres) may do that; the database was left unchanged at version ${migrations.length - 1}. Ask them to open it with this version first`);
    expect((await superuserQuery(url, `SELECT value FROM board_secretariat_meta WHERE key = 'schema_version'`)).rows).toEqual([{ value: String(migrations.length - 1) }]);
  });

  it('team-add-person on an existing login with another role moves them: out of the old team role, and a reader who was secretariat may no longer write', async () => {
    const { db, url, people } = await team();
    const sam = people.secretariat;
    const moved = await cli(['team-add-person', '--db', url, '--login', sam, '--role', 'reader', '--no-password']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain(`Moved the existing login ${sam} to ${db}_reader, out of ${db}_secretariat: from their next connection they have reader's rights only.`);
    const { rows } = await superuserQuery(
      c.url(),
      `SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 AND g.rolname LIKE $2 ORDER BY 1`,
      [sam, `${db}\\_%`],
    );
    expect(rows).toEqual([{ rolname: `${db}_reader` }]);
    const s = await as(sam, db);
    expect((await info(s)).connectedAs).toMatchObject({ login: sam, roles: ['reader'], canWrite: 'none' });
    const refused = await dispatch(s, 'organisation.create', { name: 'Not allowed' });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'db.permission' });
    // Added again to the role they are in: nothing to move out of.
    const again = await cli(['team-add-person', '--db', url, '--login', sam, '--role', 'reader', '--no-password']);
    expect(again.stdout).toContain(`Added the existing login ${sam} to ${db}_reader.`);
  });

  it('a person added with a password must give it; the password is never printed', async () => {
    const url = await createDatabase(c.url(), undefined, process.env[TEMPLATE_ENV]);
    const db = new URL(url).pathname.slice(1);
    expect((await cli(['team-roles', '--db', url])).code).toBe(0);
    const login = `pat_${unique()}`;
    const added = await cli(['team-add-person', '--db', url, '--login', login, '--role', 'reader'], { BOARD_PERSON_PASSWORD: 'correct horse' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout + added.stderr).not.toContain('correct horse');
    // The test cluster checks passwords over TCP for members of PASSWORD_GROUP only (test/helpers/postgres.ts).
    await superuserQuery(c.url(), `GRANT ${PASSWORD_GROUP} TO ${login}`);
    const right = await openPostgresStore(address(login, db, 'correct%20horse'));
    stores.push(right);
    expect(right.connectedAs).toMatchObject({ login, roles: ['reader'] });
    const wrong = await openPostgresStore(address(login, db, 'wrong')).then(
      () => undefined,
      (e: { code?: string; message: string }) => e,
    );
    expect(wrong).toMatchObject({ code: 'db.pgAuth' });
    // The server holds a SCRAM verifier, not the password.
    const { rows } = await superuserQuery(c.url(), 'SELECT rolpassword FROM pg_authid WHERE rolname = $1', [login]);
    expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);

    const missing = await cli(['team-add-person', '--db', url, '--login', `nopw_${unique()}`, '--role', 'reader']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('set BOARD_PERSON_PASSWORD');
    expect((await cli(['team-add-person', '--db', url, '--login', 'x', '--role', 'boss'])).stderr).toContain('--role must be one of secretariat, finance, reader, not "boss"');
  });

  it('init makes the team roles when its role may create roles, and otherwise prints the SQL for IT', async () => {
    const manager = `manager_${unique()}`;
    await superuserQuery(c.url(), `CREATE ROLE ${manager} LOGIN CREATEROLE`);
    const db = `board_team_${unique()}`;
    await superuserQuery(c.url(), `CREATE DATABASE ${db} OWNER ${manager}`);
    const init = await cli(['init', '--db', address(manager, db)]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Created the team roles ${db}_secretariat, ${db}_finance, ${db}_reader`);
    const alice = `alice_${unique()}`;
    expect((await cli(['team-add-person', '--db', address(manager, db), '--login', alice, '--role', 'finance', '--no-password'])).code).toBe(0);
    const s = await as(alice, db);
    expect((await info(s)).connectedAs).toEqual({ login: alice, roles: ['finance'], canWrite: 'funding' });
    const created = await dispatch(s, 'fundingStream.create', {
      reference: 'TEST-1',
      name: 'Test fund',
      funder: 'Home Office',
      firstYear: '2020/21',
      lastYear: '2020/21',
      allocations: [{ financialYear: '2020/21', amount: '£1,000' }],
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const { rows } = await superuserQuery(c.url(db), `SELECT actor FROM audit_log WHERE entity = 'funding_stream'`);
    expect(rows).toEqual([{ actor: alice }]);
    // A secretariat member who does not own the tables loads the demo: an import sets the ids' sequences (setval).
    const sam = `sam_${unique()}`;
    expect((await cli(['team-add-person', '--db', address(manager, db), '--login', sam, '--role', 'secretariat', '--no-password'])).code).toBe(0);
    await superuserQuery(c.url(db), 'DELETE FROM funding_stream; DELETE FROM audit_log');
    const demo = await dispatch(await as(sam, db), 'workspace.loadDemo', {});
    expect(demo.ok, JSON.stringify(demo)).toBe(true);

    const clerk = `clerk_${unique()}`;
    await superuserQuery(c.url(), `CREATE ROLE ${clerk} LOGIN`);
    const other = `board_team_${unique()}`;
    await superuserQuery(c.url(), `CREATE DATABASE ${other} OWNER ${clerk}`);
    const plain = await cli(['init', '--db', address(clerk, other)]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`The team roles were not created: ${clerk} may not create roles on this server. Ask IT to run this SQL`);
    expect(plain.stderr).toContain(`CREATE ROLE "${other}_finance" NOLOGIN`);
    const printed = await cli(['team-roles', '--db', address(clerk, other), '--print-sql']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`GRANT INSERT, UPDATE, DELETE ON "public".funding_stream`);
    // IT makes the roles; the owner then grants them their rights.
    for (const line of printed.stdout.split('\n').filter((l) => l.startsWith('DO $$'))) await superuserQuery(c.url(other), line);
    const granted = await cli(['team-roles', '--db', address(clerk, other)]);
    expect(granted).toMatchObject({ code: 0, stderr: '' });
    expect(granted.stdout).toContain(`Granted the team roles ${other}_secretariat, ${other}_finance, ${other}_reader their rights`);
  });
});
