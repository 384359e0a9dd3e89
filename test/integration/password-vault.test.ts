import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { OpenResult } from '../../main/workspace/contract';
import { nodeVault, vaultKey } from '../../main/workspace/password-vault';
import { PASSWORD_GROUP, TEMPLATE_ENV, URL_ENV, createDatabase, superuserQuery } from '../helpers/postgres';
import { postgresSkipped, tempDir, tempWorkspace } from '../helpers/workspace';

/**
 * The password kept between runs (main/workspace/password-vault.ts): the Node vault of the
 * tests and the bridge (AES-256-GCM, its key in a file beside it), and workspace.open using it.
 * The desktop app's vault is the same over Electron's safeStorage (DPAPI on Windows).
 */

describe('the password vault (Node: AES-256-GCM with a key file)', () => {
  it('keeps a password encrypted, finds it by server, database and user however the address is written, and forgets it', () => {
    const dir = tempDir();
    const vault = nodeVault(dir);
    const url = 'postgres://alice@db1.example.org:5433/board?sslmode=verify-full';
    expect(vault.load(url)).toBeUndefined();
    vault.save(url, 'correct horse battery');
    expect(vault.load(url)).toBe('correct horse battery');
    expect(vault.load("host=db1.example.org port=5433 dbname=board user=alice sslmode=verify-full")).toBe('correct horse battery');
    expect(vault.load('postgres://bob@db1.example.org:5433/board')).toBeUndefined();

    const file = readFileSync(join(dir, 'passwords.json'), 'utf8');
    expect(file).not.toContain('correct horse');
    expect(Object.keys(JSON.parse(file) as object)).toEqual([vaultKey(url)]);
    expect(vaultKey(url)).toBe('db1.example.org:5433:board:alice');
    // Readable by its owner only, the key and the passwords alike.
    expect(statSync(join(dir, 'passwords.key')).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'passwords.json')).mode & 0o077).toBe(0);

    // Another vault over the same folder (the next run) reads it; a changed byte is refused, not misread.
    expect(nodeVault(dir).load(url)).toBe('correct horse battery');
    const entries = JSON.parse(file) as Record<string, string>;
    const sealed = Buffer.from(entries[vaultKey(url)]!, 'base64');
    sealed[sealed.length - 1]! ^= 1;
    writeFileSync(join(dir, 'passwords.json'), JSON.stringify({ [vaultKey(url)]: sealed.toString('base64') }));
    expect(nodeVault(dir).load(url)).toBeUndefined();

    vault.save(url, 'new one');
    vault.forget(url);
    expect(vault.load(url)).toBeUndefined();
  });
});

const pgSkipped = postgresSkipped();

describe.skipIf(pgSkipped)(`Open another workspace with a password${pgSkipped ? ` (skipped: ${pgSkipped})` : ''}`, () => {
  /** A workspace database on the test cluster, and a login whose password the server checks. */
  async function guarded() {
    const admin = process.env[URL_ENV]!;
    const port = new URL(admin).port;
    const role = `clerk_${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await superuserQuery(admin, `CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE ${PASSWORD_GROUP}`);
    const url = await createDatabase(admin, undefined, process.env[TEMPLATE_ENV]);
    const db = new URL(url).pathname.slice(1);
    await superuserQuery(url, `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    return { role, password, target: `postgres://${role}@127.0.0.1:${port}/${db}` };
  }

  it('opens with the password typed, keeps it in the vault (not in the address remembered), and opens with it next time', async () => {
    const { role, password, target } = await guarded();
    const ws = await tempWorkspace();
    const vaultDir = join(ws.dir, 'config');
    ws.session.vault = nodeVault(vaultDir);
    const remembered: string[] = [];
    ws.session.remember = (t) => remembered.push(t);

    const opened = (await ws.call('workspace.open', { target, password })) as OpenResult;
    expect(opened.message).toBe(`Opened ${target}. The password is kept encrypted with an encryption key in a file beside the passwords (weaker than the desktop app's Windows DPAPI).`);
    expect(opened.connectedAs).toEqual({ login: role, roles: [], canWrite: 'all' });
    expect(remembered).toEqual([target]);
    expect(readFileSync(join(vaultDir, 'passwords.json'), 'utf8')).not.toContain(password);

    // The next start: a new session over the same vault, the remembered address, no password typed.
    const next: Session = { store: ws.store, actor: 'test', vault: nodeVault(vaultDir), log: () => undefined };
    const again = await dispatch(next, 'workspace.open', { target });
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(next.store.role).toBe(role);
    await next.store.close();
  });

  it('a kept password the server now refuses is forgotten, and the refusal says to type the new one', async () => {
    const { role, target } = await guarded();
    const ws = await tempWorkspace();
    const vault = nodeVault(join(ws.dir, 'config'));
    vault.save(target, 'the old password');
    ws.session.vault = vault;
    const before = ws.store.location;
    const err = await ws.fails('workspace.open', { target });
    expect(err).toMatchObject({ code: 'db.pgAuth', field: 'password' });
    expect(err.message).toContain(`PostgreSQL refused the password for user ${role}`);
    expect(err.message).toContain('The password the app kept for it was refused, and has been forgotten: type the new one in the Password field.');
    expect(vault.load(target)).toBeUndefined();
    expect(ws.store.location).toBe(before);
  });

  it('Move to PostgreSQL takes the password the same way: the copy made and opened with it, and the password kept', async () => {
    const admin = process.env[URL_ENV]!;
    const role = `owner_${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await superuserQuery(admin, `CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE ${PASSWORD_GROUP}`);
    const db = `board_move_${randomBytes(4).toString('hex')}`;
    await superuserQuery(admin, `CREATE DATABASE ${db} OWNER ${role}`);
    const target = `postgres://${role}@127.0.0.1:${new URL(admin).port}/${db}`;
    const ws = await tempWorkspace({ engine: 'sqlite' });
    await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Moving Board' });
    const vault = nodeVault(join(ws.dir, 'config'));
    ws.session.vault = vault;
    const moved = await ws.call('workspace.moveTo', { target, password });
    expect(moved).toMatchObject({ opened: true, verified: true });
    expect(moved.message).toContain('The app now has it open and works on it from now on. The password is kept encrypted with');
    expect(ws.store.role).toBe(role);
    expect(vault.load(target)).toBe(password);
    expect((await ws.call('workspace.info')).settings.organisationName).toBe('Moving Board');
  });

  it('a wrong or missing password is refused with the Password field marked and its advice, not the command line\'s', { timeout: 60_000 }, async () => {
    const { role, target } = await guarded();
    const ws = await tempWorkspace({ engine: 'sqlite' });
    ws.session.vault = nodeVault(join(ws.dir, 'config'));
    const before = ws.store.location;
    const port = new URL(target).port;

    const wrong = await ws.fails('workspace.open', { target, password: 'not the password' });
    expect(wrong).toMatchObject({ code: 'db.pgAuth', field: 'password' });
    expect(wrong.message).toBe(
      `PostgreSQL refused the password for user ${role} on 127.0.0.1:${port}. Type the password in the Password field and open it again, or ask the database administrator to reset it.`,
    );

    const missing = await ws.fails('workspace.open', { target });
    expect(missing).toMatchObject({ code: 'db.pgAuth', field: 'password' });
    expect(missing.message).toBe(
      `The PostgreSQL server on 127.0.0.1:${port} asks for a password for user ${role}, and none was given. Type the password in the Password field, or put it in your PostgreSQL password file (%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere).`,
    );
    for (const e of [wrong, missing]) expect(e.message).not.toMatch(/PGPASSWORD|postgres:\/\/user:password/);
    expect(ws.store.location).toBe(before);
  });

  it('without a vault the password opens the workspace once', async () => {
    const { password, target } = await guarded();
    // The workspace the session has open before is a file: only the guarded server is under test.
    const ws = await tempWorkspace({ engine: 'sqlite' });
    const opened = (await ws.call('workspace.open', { target, password })) as OpenResult;
    expect(opened.message).toContain('The password was used to open it and not kept');
    // The store itself takes the password as an option when the address has none.
    const direct = await openPostgresStore(target, { password });
    await direct.close();
  });
});
