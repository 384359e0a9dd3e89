import Database from 'better-sqlite3';
import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { expect, screenshot, test } from './fixtures';

/** A second workspace, as a backup of it would be, told apart by its organisation name. */
function workspaceNamed(path: string, organisation: string): void {
  const db = openDatabase(path);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
}

test('a workspace file replaced underneath the app: the edit is refused, the banner offers Reopen, and Reopen shows the file as it is now', async ({
  app: page,
  workspace,
}) => {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organisation name').fill('Kent Police');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('.header-workspace')).toHaveText('Kent Police');

  // Another program copies a backup over the live file: a new file renamed into place.
  const backup = join(workspace.dir, 'backup.db');
  workspaceNamed(backup, 'Kent & Medway VRU (backup of 1 March)');
  const incoming = join(workspace.dir, 'incoming.db');
  copyFileSync(backup, incoming);
  renameSync(incoming, workspace.dbPath);

  await page.getByLabel('Organisation name').fill('Typed after the swap');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'The workspace file was replaced' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`The workspace file ${workspace.dbPath} was replaced by another program since it was opened; nothing was saved.`);
  await expect(banner.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await screenshot(page, 'workspace-replaced-banner');

  // Nothing reached either file.
  const read = new Database(workspace.dbPath, { readonly: true });
  expect(read.prepare(`SELECT value FROM setting WHERE key = 'organisationName'`).get()).toEqual({ value: 'Kent & Medway VRU (backup of 1 March)' });
  read.close();

  await banner.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.header-workspace')).toHaveText('Kent & Medway VRU (backup of 1 March)');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The records the app had were only in its open handle: Reopen kept them as a backup first.
  await expect(page.getByRole('status').filter({ hasText: 'The workspace as this app had it is kept as backup' })).toContainText('before-reopen.db');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Kent & Medway VRU (backup of 1 March)');

  // And the reopened file takes edits again.
  await page.getByLabel('Organisation name').fill('Kent & Medway VRU');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('.header-workspace')).toHaveText('Kent & Medway VRU');
});
