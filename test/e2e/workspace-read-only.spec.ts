import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { startBridge } from '../../main/api/http-bridge';
import { openDatabase } from '../../main/db/connection';
import { screenshot } from './fixtures';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

// Its own bridge: the fixture's workspace is a fresh writable file, this one is marked read-only.
base('a read-only workspace opens read-only, says why in a banner, and refuses an edit with that reason', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-e2e-'));
  const dbPath = join(dir, 'workspace.db');
  const db = openDatabase(dbPath);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', 'Kent Police')`).run();
  db.close();
  chmodSync(dbPath, 0o444);
  const bridge = await startBridge({ dbPath, staticDir, log: (m, e) => console.error(`bridge: ${m}`, e) });
  try {
    await page.goto(bridge.url);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    const banner = page.getByRole('status').filter({ hasText: 'Read-only' });
    await expect(banner).toContainText('This workspace is read-only: the file workspace.db is marked read-only. You can read and export; to make changes,');
    await expect(page.locator('.header-workspace')).toHaveText('Kent Police');
    await screenshot(page, 'workspace-read-only-banner');

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Organisation name').fill('Changed');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.error-summary')).toContainText('This workspace is read-only: the file workspace.db is marked read-only.');
    await expect(page.locator('.error-summary')).toContainText('Nothing was saved.');

    // Made writable again, as the banner says: Reopen opens it for changes, and the edit saves.
    chmodSync(dbPath, 0o644);
    await banner.getByRole('button', { name: 'Reopen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Organisation name').fill('Kent and Medway VRU');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.header-workspace')).toHaveText('Kent and Medway VRU');
  } finally {
    await bridge.close();
    chmodSync(dbPath, 0o644);
    rmSync(dir, { recursive: true, force: true });
  }
});
