import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { OpenResult } from '../../main/workspace/contract';
import { PASSWORD_GROUP, TEMPLATE_ENV, URL_ENV, createDatabase, dropDatabase, freePort, superuserQuery } from '../helpers/postgres';
import { postgresSkipped, tempWorkspace } from '../helpers/workspace';

/** A second workspace file, made and closed the way the app would leave it, with a name to tell it by. */
function secondFile(dir: string, organisation: string): string {
  const path = join(dir, 'second.db');
  const db = openDatabase(path);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
  return path;
}


const databases: string[] = [];
const envBefore = process.env.PGPASSFILE;
afterEach(async () => {
  while (databases.length) await dropDatabase(databases.pop()!);
  if (envBefore === undefined) delete process.env.PGPASSFILE;
  else process.env.PGPASSFILE = envBefore;
});

const pgSkipped = postgresSkipped();

describe('Open another workspace (workspace.open)', () => {
  it('opens an existing file in place of the workspace, closes the old one, and remembers the file', async () => {
    const ws = await tempWorkspace();
    const remembered: string[] = [];
    ws.session.remember = (target) => remembered.push(target);
    const old = ws.store;
    const path = secondFile(ws.dir, 'Second Board');

    const opened = (await ws.call('workspace.open', { target: path })) as OpenResult;
    expect(opened.path).toBe(path);
    expect(opened.settings.organisationName).toBe('Second Board');
    expect(opened.message).toBe(`Opened ${path}.`);
    expect(old.isOpen()).toBe(false);
    expect(ws.store.engine).toBe('sqlite');
    expect((await ws.call('workspace.info')).path).toBe(path);
    expect(remembered).toEqual([path]);
  });

  it('refuses a file that does not exist (nothing is created) and keeps the workspace open', async () => {
    const ws = await tempWorkspace();
    const before = ws.store.location;
    const missing = join(ws.dir, 'no-such.db');
    const err = await ws.fails('workspace.open', { target: missing });
    expect(err).toMatchObject({ code: 'db.missing', field: 'target' });
    expect(err.message).toContain(missing);
    expect(ws.store.isOpen()).toBe(true);
    expect((await ws.call('workspace.info')).path).toBe(ws.engine === 'sqlite' ? before : ws.store.location);
    expect(ws.store.location).toBe(before);
  });

  it('refuses a server that cannot be reached, naming it, and never falls back: the old workspace stays open and answering', async () => {
    const ws = await tempWorkspace();
    const remembered: string[] = [];
    ws.session.remember = (target) => remembered.push(target);
    const before = ws.store.location;
    const port = await freePort();
    const err = await ws.fails('workspace.open', { target: `postgres://clerk@127.0.0.1:${port}/board?connect_timeout=5` });
    expect(err).toMatchObject({ code: 'db.pgUnreachable', field: 'target' });
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(ws.store.location).toBe(before);
    expect(ws.store.isOpen()).toBe(true);
    await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Still here' });
    expect((await ws.call('workspace.info')).settings.organisationName).toBe('Still here');
    expect(remembered).toEqual([]);
  });

  it('refuses an address with a password in it, by the target field, before trying it', async () => {
    const ws = await tempWorkspace();
    const before = ws.store.location;
    for (const target of ['postgres://clerk:s3cret@127.0.0.1:1/board', "host=127.0.0.1 port=1 dbname=board user=clerk password='s3 cret'"]) {
      const err = await ws.fails('workspace.open', { target });
      expect(err).toEqual({
        code: 'workspace.passwordInTarget',
        field: 'target',
        message:
          "Leave the password out of the address: type it in the Password field (the app keeps it encrypted: with Windows' DPAPI in the desktop app, in a key-protected file beside the settings in the browser), or put it in your PostgreSQL password file (%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere), which the app reads.",
      });
    }
    expect(ws.store.location).toBe(before);
    expect(ws.store.isOpen()).toBe(true);
  });

  describe.skipIf(pgSkipped)(`a PostgreSQL database on the test cluster${pgSkipped ? ` (skipped: ${pgSkipped})` : ''}`, () => {
    it('opens a database that holds a workspace, and remembers the address as given', async () => {
      const ws = await tempWorkspace();
      const remembered: string[] = [];
      ws.session.remember = (target) => remembered.push(target);
      const old = ws.store;
      const url = await createDatabase(process.env[URL_ENV]!, undefined, process.env[TEMPLATE_ENV]);
      databases.push(url);

      const opened = (await ws.call('workspace.open', { target: url })) as OpenResult;
      const u = new URL(url);
      expect(opened.path).toBe(`postgres://postgres@127.0.0.1:${u.port}${u.pathname}`);
      expect(ws.store.engine).toBe('postgres');
      expect(old.isOpen()).toBe(false);
      expect(remembered).toEqual([url]);
      await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Team Board' });
      const { rows } = await superuserQuery(url, `SELECT value FROM setting WHERE key = 'organisationName'`);
      expect(rows).toEqual([{ value: 'Team Board' }]);
    });

    it('refuses an empty database with the advice to initialise it, and keeps the workspace open', async () => {
      const ws = await tempWorkspace();
      const before = ws.store.location;
      const url = await createDatabase(process.env[URL_ENV]!);
      databases.push(url);
      const err = await ws.fails('workspace.open', { target: url });
      expect(err.code).toBe('db.emptyDatabase');
      expect(err.message).toContain('npm run cli -- init --db');
      expect(ws.store.location).toBe(before);
      expect(ws.store.isOpen()).toBe(true);
      const { rows } = await superuserQuery(url, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(rows).toEqual([{ n: 0 }]);
    });

    it('signs in with the password from the password file (PGPASSFILE) when the address has none', async () => {
      const ws = await tempWorkspace();
      const admin = process.env[URL_ENV]!;
      const port = new URL(admin).port;
      const role = `clerk_${randomBytes(4).toString('hex')}`;
      const password = `pw-${randomBytes(6).toString('hex')}`;
      await superuserQuery(admin, `CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE ${PASSWORD_GROUP}`);
      const url = await createDatabase(admin);
      databases.push(url);
      const db = new URL(url).pathname.slice(1);
      await superuserQuery(admin, `ALTER DATABASE ${db} OWNER TO ${role}`);
      // The role makes the workspace its own (its tables are then the role's), as init would.
      const initialised = await openPostgresStore(`postgres://${role}:${password}@127.0.0.1:${port}/${db}`, { create: true });
      await initialised.close();
      const target = `postgres://${role}@127.0.0.1:${port}/${db}`;
      // The refusal without a password file is postgres-store.test.ts's (on a cluster of its
      // own): pg leaves the refused attempt's connection open on the server until its
      // authentication timeout, and meanwhile DROP DATABASE waits on the shared cluster.

      const passFile = join(ws.dir, 'pgpass.conf');
      writeFileSync(passFile, `127.0.0.1:${port}:${db}:${role}:${password}\n`);
      chmodSync(passFile, 0o600); // libpq's rule, which pgpass follows: a file others can read is ignored.
      process.env.PGPASSFILE = passFile;
      const opened = (await ws.call('workspace.open', { target })) as OpenResult;
      expect(opened.path).toBe(`postgres://${role}@127.0.0.1:${port}/${db}`);
      expect(ws.store.role).toBe(role);
      await ws.store.close();
    });
  });
});
