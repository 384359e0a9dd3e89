import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../main/cli/run';
import { openDatabase } from '../../main/db/connection';
import { PASSWORD_GROUP, SKIPPED_ENV, TEMPLATE_ENV, URL_ENV, createDatabase, dropDatabase, superuserQuery } from '../helpers/postgres';
import { expect, screenshot, test } from './fixtures';

/** A second workspace file, told apart by its organisation name. */
function workspaceNamed(path: string, organisation: string): void {
  const db = openDatabase(path);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
}

/**
 * These tests need the run's PostgreSQL cluster (started by postgres-global-setup.ts): where
 * PostgreSQL is not installed or the cluster could not start, they skip with the setup's own
 * reason (SKIPPED_ENV), or say that no cluster was given. CI installs PostgreSQL, so there
 * they run.
 */
function skipWithoutCluster(): void {
  const skipped = process.env[SKIPPED_ENV];
  test.skip(skipped !== undefined || !process.env[URL_ENV], skipped ?? 'No PostgreSQL cluster for this run (BOARD_TEST_PG_URL is not set).');
}

test('Open another workspace: from the first-run panel to the form in Settings; a missing file refused by the box; a second file opened, and the location shown changes', async ({
  app: page,
  workspace,
}) => {
  const second = join(workspace.dir, 'second.db');
  workspaceNamed(second, 'Medway Community Safety Partnership');

  const firstRun = page.getByRole('region', { name: 'This workspace is empty' });
  await firstRun.getByRole('button', { name: 'Connect to a team workspace (PostgreSQL)…' }).click();
  const form = page.getByRole('form', { name: 'Open another workspace' });
  const box = form.getByLabel('Workspace file or PostgreSQL address');
  await expect(box).toBeFocused();
  const file = page.locator('.summary-list').getByRole('definition').filter({ hasText: workspace.dbPath });
  await expect(file).toHaveText(workspace.dbPath);

  // A file that is not there is refused by the box, and this workspace stays open.
  const missing = join(workspace.dir, 'no-such.db');
  await box.fill(missing);
  await form.getByRole('button', { name: 'Open' }).click();
  await expect(form).toContainText(`No workspace file at ${missing}. Check the path, or create a new workspace.`);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'workspace-open-refused');

  await box.fill(second);
  await form.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('status').filter({ hasText: `Opened ${second}.` })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText(second);
  await expect(page.locator('.summary-list')).not.toContainText(workspace.dbPath);
  await expect(page.locator('.header-workspace')).toHaveText('Medway Community Safety Partnership');
  expect(workspace.bridge.store.location).toBe(second);
  await screenshot(page, 'workspace-open-opened');
});

test('Move to PostgreSQL: the workspace file copied into an empty database of the run’s cluster, and the app then on the database, its writes there', async ({ app: page, workspace }) => {
  skipWithoutCluster();
  const target = await createDatabase(process.env[URL_ENV]!);
  try {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Move to PostgreSQL…' }).click();
    const form = page.getByRole('form', { name: 'Move to PostgreSQL' });
    await form.getByLabel('Connection URL').fill(target);
    await form.getByRole('button', { name: 'Move workspace' }).click();

    const u = new URL(target);
    const location = `postgres://postgres@127.0.0.1:${u.port}${u.pathname}`;
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    const said = page.getByRole('status').filter({ hasText: `Moved the workspace to ${location}:` });
    await expect(said).toContainText(`${workspace.dbPath} is left as it was, but it is no longer the workspace: the team's copy is on the server.`);
    await expect(page.locator('.summary-list')).toContainText('PostgreSQL');
    await expect(page.locator('.summary-list')).toContainText(location);
    expect(workspace.bridge.store.engine).toBe('postgres');
    await screenshot(page, 'workspace-moved-to-postgres');

    // A change made now is in the database, not in the file.
    await page.getByLabel('Organisation name').fill('Moved Board');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.header-workspace')).toHaveText('Moved Board');
    const { rows } = await superuserQuery(target, `SELECT value FROM setting WHERE key = 'organisationName'`);
    expect(rows).toEqual([{ value: 'Moved Board' }]);
    const file = new Database(workspace.dbPath, { readonly: true });
    expect(file.prepare(`SELECT value FROM setting WHERE key = 'organisationName'`).get()).toBeUndefined();
    file.close();
  } finally {
    await dropDatabase(target);
  }
});

test('A team workspace opened as one person: the password typed once and kept encrypted, "Connected as … (finance)" in the header, and a write the role may not make refused, saying which role it needs, and the header follows when the owner moves them to reader', async ({
  app: page,
  workspace,
}) => {
  skipWithoutCluster();
  const target = await createDatabase(process.env[URL_ENV]!, undefined, process.env[TEMPLATE_ENV]);
  const io = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };
  try {
    expect(await runCli(['team-roles', '--db', target], io, { env: {} })).toBe(0);
    const login = `fay_${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(6).toString('hex')}`;
    expect(await runCli(['team-add-person', '--db', target, '--login', login, '--role', 'finance'], io, { env: { BOARD_PERSON_PASSWORD: password } })).toBe(0);
    // The test cluster checks the password over TCP for members of this group only.
    await superuserQuery(process.env[URL_ENV]!, `GRANT ${PASSWORD_GROUP} TO ${login}`);
    const u = new URL(target);
    const address = `postgres://${login}@127.0.0.1:${u.port}${u.pathname}`;

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Open another workspace…' }).click();
    const form = page.getByRole('form', { name: 'Open another workspace' });
    await form.getByLabel('Workspace file or PostgreSQL address').fill(address);
    const secret = form.getByLabel('Password (team workspace only)');
    await expect(secret).toHaveAttribute('type', 'password');
    await secret.fill(password);
    await form.getByRole('button', { name: 'Open' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByRole('status').filter({ hasText: `Opened ${address}. The password is kept encrypted with` })).toBeVisible();
    await expect(page.locator('.header-connected')).toHaveText(`Connected as ${login} (finance)`);
    await expect(page.locator('.summary-list')).toContainText(`Connected as${login} (finance)`);
    expect(readFileSync(join(workspace.dir, 'config', 'passwords.json'), 'utf8')).not.toContain(password);
    await screenshot(page, 'workspace-connected-as-finance');

    // Finance may not change the workspace's settings: refused, with who is connected and what is needed.
    await page.getByLabel('Organisation name').fill('Finance renamed it');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(`You are connected as ${login} (finance), which may change only the funding. This change (workspace.setSetting) needs the secretariat role`)).toBeVisible();
    const { rows } = await superuserQuery(target, `SELECT count(*)::int AS n FROM setting WHERE value = 'Finance renamed it'`);
    expect(rows).toEqual([{ n: 0 }]);
    await screenshot(page, 'workspace-finance-refused');

    // The board manager moves them to reader: a GRANT, no audit row; the header follows within a poll or two.
    expect(await runCli(['team-add-person', '--db', target, '--login', login, '--role', 'reader'], io, { env: { BOARD_PERSON_PASSWORD: password } })).toBe(0);
    await expect(page.locator('.header-connected')).toHaveText(`Connected as ${login} (reader)`, { timeout: 8000 });
  } finally {
    await workspace.bridge.store.close().catch(() => undefined);
    await dropDatabase(target);
  }
});
