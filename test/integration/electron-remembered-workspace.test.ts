import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { writeWorkspaceLocation } from '../../main/workspace/location-file';
import { buildBundles, root } from '../../scripts/bundles.mjs';
import { createElectronStandIn, type StandIn } from '../helpers/electron-stand-in';
import { randomBytes } from 'node:crypto';
import { VAULT_FILE_NAME, VaultFile, fileVault } from '../../main/workspace/password-vault';
import { PASSWORD_GROUP, SKIPPED_ENV, TEMPLATE_ENV, URL_ENV, createDatabase, dropDatabase, freePort, superuserQuery } from '../helpers/postgres';

/**
 * The desktop app's start with a remembered workspace (userData/workspace-location.json,
 * written when Settings → Open another workspace… succeeds): the bundled main process booted
 * under Node against the stand-in Electron, as electron-boot.test.ts does, once per case.
 * The bundle is built inside the repository so its external modules resolve from node_modules.
 */

mkdirSync(join(root, 'test-results'), { recursive: true });
const base = mkdtempSync(join(root, 'test-results', 'remembered-boot-'));
let bundleDir = '';
const saved = { load: null as unknown, error: console.error, env: { ...process.env } };
const errors: string[] = [];


const booted: StandIn[] = [];
let current: StandIn | null = null;

/** Boots a fresh copy of the bundle (require caches by path) with `userData` as its profile. */
async function boot(name: string, userData: string): Promise<{ electron: StandIn; settled: string }> {
  const dir = join(base, name);
  cpSync(bundleDir, dir, { recursive: true });
  const electron = createElectronStandIn({ isPackaged: false, appPath: root, userData, home: join(base, `${name}-home`), version: '0.0.0' });
  current = electron;
  booted.push(electron);
  const bundle = join(dir, 'main', 'index.cjs');
  createRequire(bundle)(bundle);
  electron.ready();
  return { electron, settled: await electron.settled };
}

async function callApi(electron: StandIn, name: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const handler = electron.ipcHandlers.get('api')!;
  return (await handler({ senderFrame: { url: 'app://bundle/index.html' } }, name, input)) as { ok: boolean; value?: unknown; error?: { code: string } };
}

beforeAll(async () => {
  bundleDir = join(base, 'out');
  await buildBundles(bundleDir, ['main', 'preload']);
  mkdirSync(join(bundleDir, 'renderer'), { recursive: true });
  // A development run: no override may point the app elsewhere than its profile.
  delete process.env.BOARD_SECRETARIAT_DB;
  delete process.env.BOARD_SECRETARIAT_PROFILE;
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  saved.load = loader._load;
  const originalLoad = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return current!.module;
    return originalLoad.call(this, request, parent, isMain);
  };
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
}, 120_000);

afterAll(async () => {
  for (const electron of booted) {
    const quits = electron.callsTo('app.quit').length;
    current = electron;
    electron.app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(electron.callsTo('app.quit').length).toBe(quits + 1));
  }
  (Module as unknown as { _load: unknown })._load = saved.load;
  console.error = saved.error;
  process.env = saved.env;
  rmSync(base, { recursive: true, force: true });
});

describe('the desktop app at start, with a workspace remembered', () => {
  it('opens the remembered workspace file instead of the default one, without asking', async () => {
    const userData = join(base, 'file-profile');
    mkdirSync(userData, { recursive: true });
    const other = join(base, 'team-copy.db');
    const db = openDatabase(other);
    db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', 'Remembered Board')`).run();
    db.close();
    writeWorkspaceLocation(join(userData, 'workspace-location.json'), other);

    const { electron, settled } = await boot('file', userData);
    expect(settled).toBe('window loaded');
    expect(electron.callsTo('dialog.showMessageBox')).toHaveLength(0);
    const info = await callApi(electron, 'workspace.info');
    expect(info).toMatchObject({ ok: true, value: { path: other, settings: { organisationName: 'Remembered Board' } } });
    expect(existsSync(join(userData, 'workspace.db'))).toBe(false);
  });

  it('says so when the remembered PostgreSQL server cannot be reached, and opens the local file only when chosen (the stand-in answers the first button)', async () => {
    const userData = join(base, 'pg-profile');
    mkdirSync(userData, { recursive: true });
    const port = await freePort();
    const target = `postgres://clerk@127.0.0.1:${port}/board?connect_timeout=5`;
    writeWorkspaceLocation(join(userData, 'workspace-location.json'), target);

    const { electron, settled } = await boot('pg', userData);
    expect(settled).toBe('window loaded');
    const asked = electron.callsTo('dialog.showMessageBox');
    expect(asked).toHaveLength(1);
    const box = asked[0]!.args[0] as { message: string; detail: string; buttons: string[]; cancelId: number };
    expect(box.buttons).toEqual(['Open the local workspace file instead', 'Quit']);
    expect(box.cancelId).toBe(1);
    expect(box.message).toBe('The workspace chosen last time cannot be opened.');
    expect(box.detail).toContain(`127.0.0.1:${port}`);
    expect(box.detail).toContain(join(userData, 'workspace.db'));
    const info = await callApi(electron, 'workspace.info');
    expect(info).toMatchObject({ ok: true, value: { path: join(userData, 'workspace.db') } });
    // Still remembered: the choice was for this start only.
    expect(JSON.parse(readFileSync(join(userData, 'workspace-location.json'), 'utf8'))).toEqual({ target });
  });

  const pgSkipped = process.env[SKIPPED_ENV] ?? (process.env[URL_ENV] ? undefined : 'no PostgreSQL test cluster for this run');
  it.skipIf(pgSkipped)('opens a remembered PostgreSQL workspace with the password kept through safeStorage, keeps a newly typed one the same way, and keeps none where safeStorage cannot encrypt or is basic_text', async () => {
    const admin = process.env[URL_ENV]!;
    const role = `clerk_${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    await superuserQuery(admin, `CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE ${PASSWORD_GROUP}`);
    const url = await createDatabase(admin, undefined, process.env[TEMPLATE_ENV]);
    try {
      await superuserQuery(url, `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      const target = `postgres://${role}@127.0.0.1:${new URL(admin).port}${new URL(url).pathname}`;
      const userData = join(base, 'pg-kept-profile');
      mkdirSync(userData, { recursive: true });
      writeWorkspaceLocation(join(userData, 'workspace-location.json'), target);
      // Kept as the app keeps it, sealed the stand-in's way (its safeStorage marks rather than encrypts).
      const file = new VaultFile(join(userData, VAULT_FILE_NAME));
      fileVault('stand-in', file, (p) => Buffer.from(`stand-in:${p}`, 'utf8'), (b) => b.toString('utf8')).save(target, password);

      const { electron, settled } = await boot('pg-kept', userData);
      expect(settled).toBe('window loaded');
      expect(electron.callsTo('dialog.showMessageBox')).toHaveLength(0);
      expect(electron.callsTo('safeStorage.decryptString').length).toBeGreaterThan(0);
      const info = await callApi(electron, 'workspace.info');
      expect(info).toMatchObject({ ok: true, value: { path: target, connectedAs: { login: role, roles: [], canWrite: 'all' } } });

      // Typed again in Open another workspace…: encrypted through safeStorage before it is written.
      const opened = await callApi(electron, 'workspace.open', { target, password });
      expect(opened).toMatchObject({ ok: true, value: { message: expect.stringContaining("The password is kept encrypted with the operating system's secret store.") } });
      expect(electron.callsTo('safeStorage.encryptString')).toHaveLength(1);
      expect(Object.keys(file.read())).toEqual([`127.0.0.1:${new URL(admin).port}:${new URL(url).pathname.slice(1)}:${role}`]);

      // Where safeStorage cannot encrypt, or on Linux would use its fixed key: opened with the password typed, which is not kept.
      const notKept = (why: string) =>
        `The password was not kept (This computer offers no safe place to keep the password (${why}), so it is not kept: put it in your PostgreSQL password file (%APPDATA%\\postgresql\\pgpass.conf on Windows, ~/.pgpass elsewhere) instead.).`;
      const before = readFileSync(join(userData, VAULT_FILE_NAME), 'utf8');
      electron.safeStorage.encryptionAvailable = false;
      const unavailable = await callApi(electron, 'workspace.open', { target, password });
      expect(unavailable).toMatchObject({ ok: true, value: { message: `Opened ${target}. ${notKept("the operating system's encryption is not available")}` } });
      electron.safeStorage.encryptionAvailable = true;
      electron.safeStorage.backend = 'basic_text';
      const basic = await callApi(electron, 'workspace.open', { target, password });
      // basic_text is Linux's fallback alone (the vault asks only there).
      if (process.platform === 'linux') expect(basic).toMatchObject({ ok: true, value: { message: `Opened ${target}. ${notKept('no secret store on this desktop')}` } });
      expect(electron.callsTo('safeStorage.encryptString')).toHaveLength(1);
      expect(readFileSync(join(userData, VAULT_FILE_NAME), 'utf8')).toBe(before);
    } finally {
      await dropDatabase(url); // WITH (FORCE): the app's connections are ended; its pool takes that quietly

    }
  });
});
