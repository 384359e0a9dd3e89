import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { dispatch, type Session } from '../../main/api/dispatch';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { openStore } from '../../main/workspace/open-store';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Engine } from '../../main/db/store';
import { nodeVault } from '../../main/workspace/password-vault';
import { addressAs, ensureTeamLogin } from '../helpers/team';
import { SKIPPED_ENV, TEMPLATE_ENV, URL_ENV, createDatabase, dropDatabase } from '../helpers/postgres';

/**
 * The end-to-end fixture: for each test a fresh folder (for downloads and, on SQLite, a new
 * workspace file), the loopback bridge serving the built renderer over the workspace, and a
 * page that is ready only when the app says so (body[data-ready="true"], set after the first
 * workspace.info answers) — no sleeps. Afterwards the bridge is closed and the folder deleted.
 *
 * The project's `engine` option says where the workspace lives: a file in that folder
 * ('sqlite'), or a fresh database on the run's PostgreSQL cluster ('postgres', started by
 * ./postgres-global-setup.ts), dropped afterwards. Without PostgreSQL the test skips with
 * the reason the setup gave.
 *
 * The bridge's clock is fixed so the audit trail reads the same every run.
 */
export const FIXED_NOW = new Date('2020-03-16T10:02:00');
export const ACTOR = 'test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = join(root, 'out', 'renderer');
const screenshotDir = join(root, 'test-results', 'screenshots');

export interface TestWorkspace {
  engine: Engine;
  /** The test's own folder: downloads are saved here. */
  dir: string;
  /** What the bridge was given: the file's path, or the database's postgres:// URL. */
  dbPath: string;
  /** Where the app says the workspace is (workspace.info's path; never a password). */
  location: string;
  bridge: Bridge;
}

export interface EngineOption {
  engine: Engine;
}

interface Fixtures {
  workspace: TestWorkspace;
  /** The app, opened on the workspace and ready. */
  app: Page;
  /** Page errors and console errors (a CSP violation is one): the test fails if any appear. */
  browserErrors: string[];
}

export const test = base.extend<Fixtures & EngineOption>({
  engine: ['sqlite', { option: true }],

  workspace: async ({ engine }, use) => {
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new Error(`The renderer is not built (${staticDir}/index.html is missing): run npm run build first.`);
    }
    // The postgres project's tests skip, with the global setup's reason, only where PostgreSQL
    // is not installed or its throw-away cluster could not start (CI installs it, so they run).
    const skipped = engine === 'postgres' ? process.env[SKIPPED_ENV] : undefined;
    test.skip(skipped !== undefined, skipped);
    const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-e2e-'));
    let dbPath = join(dir, 'workspace.db');
    let bridge: Bridge | undefined;
    try {
      if (engine === 'postgres') {
        const server = process.env[URL_ENV];
        if (!server) throw new Error('The postgres project needs the cluster test/e2e/postgres-global-setup.ts starts (BOARD_TEST_PG_URL is not set).');
        const template = process.env[TEMPLATE_ENV];
        dbPath = await createDatabase(server, undefined, template);
        // A server given from outside has no template: the bridge opens only a workspace, so make one.
        if (!template) await (await openPostgresStore(dbPath, { create: true, initialiseEmpty: true })).close();
      }
      bridge = await startBridge({
        dbPath,
        staticDir,
        port: 0,
        actor: ACTOR,
        now: () => FIXED_NOW,
        log: (message, err) => console.error(`bridge: ${message}`, err),
        vault: nodeVault(join(dir, 'config')),
      });
      await use({ engine, dir, dbPath, location: bridge.store.location, bridge });
    } finally {
      await bridge?.close();
      if (engine === 'postgres' && dbPath.startsWith('postgres')) await dropDatabase(dbPath);
      rmSync(dir, { recursive: true, force: true });
    }
  },

  browserErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) errors.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    await use(errors);
    expect(errors, 'the page reported errors').toEqual([]);
  },

  app: async ({ page, workspace, browserErrors }, use) => {
    void browserErrors;
    await page.goto(workspace.bridge.url);
    // 'true' once the workspace has answered, 'error' if it could not: fail at once then.
    await page.locator('body[data-ready]').waitFor({ state: 'attached' });
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 1 });
    await use(page);
  },
});

export { expect };

/**
 * Saves a screenshot of the whole page as test-results/screenshots/<name>.png; the postgres
 * project's go into screenshots/postgres/, so the two engines' screens can be compared.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const project = test.info().project.name;
  const dir = project === 'postgres' ? join(screenshotDir, project) : screenshotDir;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Clicks an export button and takes the download the browser bridge answers with (the
 * desktop app shows a Save dialog instead), saving it into the test's folder under the name
 * the app gave it. Returns the saved file's path, to be read back.
 */
export async function download(page: Page, button: Locator, dir: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = file.suggestedFilename();
  const path = join(dir, name);
  await file.saveAs(path);
  return { path, name };
}

/**
 * An operation through the same HTTP API the page uses (the bridge's session): records set up
 * this way obey the same rules as the user's, and count as this app's own changes.
 */
export async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

export interface OtherPerson {
  call<K extends OpName>(name: K, input: InputOf<K>): Promise<ResultOf<K>>;
  close(): Promise<void>;
}

/**
 * Someone else working on the test's workspace at the same time: their own app, that is a
 * session on its own connection to the same file or database (as a colleague's laptop on
 * PostgreSQL, or the command line on the SQLite file), acting as `actor`, its clock at `now`.
 * Close it before the test ends.
 */
export async function otherPerson(workspace: TestWorkspace, actor: string, now: Date): Promise<OtherPerson> {
  // On PostgreSQL the audit trail names the login, so another person connects as a login of their own.
  let target = workspace.dbPath;
  if (workspace.engine === 'postgres') {
    await ensureTeamLogin(workspace.bridge.store, actor);
    target = addressAs(workspace.dbPath, actor);
  }
  const session: Session = { store: await openStore(target, { create: false }), actor, now: () => now, log: (m, e) => console.error(`${actor}: ${m}`, e) };
  return {
    async call(name, input) {
      const envelope = await dispatch(session, name, input);
      if (!envelope.ok) throw new Error(`${actor}'s ${name}: ${envelope.error.message}`);
      return envelope.value as never;
    },
    close: () => session.store.close(),
  };
}
