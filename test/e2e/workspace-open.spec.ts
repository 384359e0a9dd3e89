import { join } from 'node:path';
import { openDatabase } from '../../main/db/connection';
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
