import Database from 'better-sqlite3';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('Settings → Backups: back up now, change a record, restore it, and see the record as it was', async ({ app: page, workspace }) => {
  const res = await page.request.post(`${workspace.bridge.url}api/workspace.loadDemo`, { data: {} });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const banner = page.getByRole('banner');
  await expect(banner).toContainText('Kent & Medway Violence Reduction Unit');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByText('There are no backups of this workspace yet. Back up now makes the first.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  const rows = page.getByTestId('backups').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Backed up by hand');
  await expect(rows.first()).toContainText(/\d+ KB/);
  await expect(rows.first()).toContainText(/\d{1,2} Mar 2020, \d{2}:\d{2}/); // the bridge's clock, in en-GB
  await expect(page.getByRole('status').filter({ hasText: 'Backed up as' })).toContainText(/Backed up as workspace 2020-03-16T\d{6}Z manual\.db\./);
  const name = (await rows.first().locator('.path').textContent())!;
  expect(existsSync(`${workspace.dir}/workspace backups/${name}`)).toBe(true);
  await screenshot(page, 'backups-01-list');

  // A change made after the backup.
  await page.getByRole('tab', { name: 'Workspace' }).click();
  await page.getByLabel('Organisation name').fill('Renamed by mistake');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(banner).toContainText('Renamed by mistake');

  // Restore: the dialog says what will happen, then the app reloads with the workspace as it was.
  await page.getByRole('tab', { name: 'Backups' }).click();
  await rows.first().getByRole('button', { name: /^Restore the backup taken / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Everything entered since then will be replaced.');
  await expect(dialog).toContainText('The workspace as it is now is backed up first');
  await screenshot(page, 'backups-02-confirm');
  await dialog.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText(
    new RegExp(`^Restored ${name.replace(/[.]/g, '\\.')}\\. The workspace as it was just before is saved as workspace 2020-03-16T\\d{6}Z before-restore\\.db\\.$`),
  );
  await expect(banner).toContainText('Kent & Medway Violence Reduction Unit');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Before a restore');
  await screenshot(page, 'backups-03-restored');
  await page.getByRole('tab', { name: 'Workspace' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Kent & Medway Violence Reduction Unit');
  await expect(page.getByTestId('audit-line').first()).toContainText('updated workspace 1');
});

test('Settings → Backups marks a backup that cannot be restored, without a Restore button', async ({ app: page, workspace }) => {
  const res = await page.request.post(`${workspace.bridge.url}api/workspace.loadDemo`, { data: {} });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const made = await page.request.post(`${workspace.bridge.url}api/backup.create`, { data: {} });
  const good = ((await made.json()) as { value: { path: string } }).value.path;
  const folder = `${workspace.dir}/workspace backups`;
  writeFileSync(`${folder}/workspace 2031-01-01T000000Z daily.db`, ''); // what a full disk leaves
  copyFileSync(good, `${folder}/workspace 2031-01-02T000000Z daily.db`);
  const newer = new Database(`${folder}/workspace 2031-01-02T000000Z daily.db`);
  newer.pragma('user_version = 99');
  newer.close();

  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByText("before the command line's import writes into an existing workspace file")).toBeVisible();
  const rows = page.getByTestId('backups').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Cannot be restored: from a newer version of the app');
  await expect(rows.nth(0)).toContainText('Schema 99; this version reads up to');
  await expect(rows.nth(0).getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await expect(rows.nth(1)).toContainText('Cannot be restored: damaged');
  await expect(rows.nth(1).getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await expect(rows.nth(2)).not.toContainText('Schema');
  await expect(rows.nth(2).getByRole('button', { name: /^Restore the backup taken / })).toHaveCount(1);
  await screenshot(page, 'backups-04-unusable');
});
