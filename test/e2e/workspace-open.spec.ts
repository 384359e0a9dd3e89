import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { SKIPPED_ENV, URL_ENV, createDatabase, dropDatabase, superuserQuery } from '../helpers/postgres';
import { expect, screenshot, test } from './fixtures';

/** A second workspace file, told apart by its organisation name. */
function workspaceNamed(path: string, organisation: string): void {
  const db = openDatabase(path);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
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
  const skipped = process.env[SKIPPED_ENV];
  test.skip(skipped !== undefined || !process.env[URL_ENV], skipped ?? 'No PostgreSQL cluster for this run (BOARD_TEST_PG_URL is not set).');
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
