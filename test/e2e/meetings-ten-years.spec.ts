import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Page } from '../../main/api/paging';
import type { Meeting } from '../../main/meetings/contract';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { nodeVault } from '../../main/workspace/password-vault';
import { generateWorkspace } from '../../bench/generate';
import { meetingDay } from '../../renderer/src/meetings/text';

/**
 * The meetings of ten years (issue 9): the bench's synthetic workspace (500 meetings) served
 * by the bridge. The Meetings screen shows the newest page at once, says how many there are
 * in all, reaches the oldest by keyboard (End loads every page) with only the rows in view in
 * the DOM; a picker (the New paper form's meeting) still offers every meeting.
 *
 * SQLite only: the generator writes a SQLite file; paging on PostgreSQL is tested by
 * test/integration/list-paging.test.ts.
 */
const NOW = new Date('2025-03-31T09:00:00');
const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = join(root, 'out', 'renderer');

test.describe('ten years of meetings', () => {
  let dir: string;
  let bridge: Bridge;
  let oldest: { id: number; starts_at: string };
  // Playwright passes the fixtures first; this hook needs none of them, only the project.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, info) => {
    test.skip(info.project.name === 'postgres', 'the ten-year workspace is generated as a SQLite file; list-paging.test.ts pages on PostgreSQL');
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'board-secretariat-ten-years-meetings-'));
    const dbPath = join(dir, 'workspace.db');
    generateWorkspace(dbPath, { years: 10, auditTrail: false, log: () => {} });
    const db = new Database(dbPath, { readonly: true });
    oldest = db.prepare('SELECT id, starts_at FROM meeting ORDER BY starts_at, id LIMIT 1').get() as { id: number; starts_at: string };
    db.close();
    bridge = await startBridge({ dbPath, staticDir, port: 0, actor: 'test', now: () => NOW, log: (m, e) => console.error(`bridge: ${m}`, e), vault: nodeVault(join(dir, 'config')) });
  });
  test.afterAll(async () => {
    await bridge?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Meetings screen shows the newest meetings and reaches the oldest of 500 by keyboard, rendering only the rows in view', async ({ page }) => {
    test.setTimeout(120_000);
    const first = ((await (await page.request.post(`${bridge.url}api/meeting.list`, { data: { limit: 3 } })).json()) as { value: Page<Meeting> }).value;
    expect(first.total).toBe(500);

    await page.goto(bridge.url);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Meetings' }).click();
    const table = page.getByRole('table', { name: 'Meetings, newest first' });
    const rows = table.locator('tbody tr');
    await expect(page.getByRole('status').filter({ hasText: /meetings$/ })).toHaveText('500 meetings');
    await expect(table).toHaveAttribute('aria-rowcount', '501');
    for (const [i, m] of first.rows.entries()) await expect(rows.nth(i).locator('th')).toHaveText(meetingDay(m.startsAt));
    expect(await rows.count()).toBeLessThan(200);

    // End: every page is loaded as it goes, and the oldest meeting is focused and in view.
    await rows.first().locator('th').click();
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('End');
    const focused = page.locator('tbody tr:focus');
    await expect(focused).toHaveAttribute('aria-rowindex', '501', { timeout: 60_000 });
    await expect(focused).toBeInViewport();
    await expect(focused.locator('th')).toHaveText(meetingDay(oldest.starts_at));
    expect(await rows.count()).toBeLessThan(200);

    // Enter opens the focused meeting's page.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/meetings/${oldest.id}$`));

    // A picker still offers every meeting, from the narrow choices.
    await page.goto(`${bridge.url}#/papers/new`);
    await expect(page.getByLabel('Meeting', { exact: true }).locator('option')).toHaveCount(501);
  });
});
