import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ActionPage } from '../../main/meetings/contract';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { nodeVault } from '../../main/workspace/password-vault';
import { generateWorkspace } from '../../bench/generate';

/**
 * The action log of ten years (issue 9): the bench's synthetic workspace (bench/generate.ts:
 * 9,994 actions, 2015/16 to 2024/25) served by the bridge. The Actions screen shows the first
 * open actions at once, reaches the last of every action by keyboard (End loads every page),
 * and keeps the DOM small throughout: only the rows in view are rendered.
 *
 * SQLite only: the generator writes a SQLite file; paging on PostgreSQL is tested by
 * test/integration/list-paging.test.ts.
 */
const NOW = new Date('2025-03-31T09:00:00');
const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = join(root, 'out', 'renderer');
const screenshots = join(root, 'test-results', 'screenshots');

test.describe('ten years of actions', () => {
  let dir: string;
  let bridge: Bridge;
  let lastId: number;
  // Playwright passes the fixtures first; this hook needs none of them, only the project.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, info) => {
    test.skip(info.project.name === 'postgres', 'the ten-year workspace is generated as a SQLite file; list-paging.test.ts pages on PostgreSQL');
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'board-secretariat-ten-years-'));
    const dbPath = join(dir, 'workspace.db');
    generateWorkspace(dbPath, { years: 10, auditTrail: false, log: () => {} });
    // The log's last row: undated last, then by due date, then id.
    const db = new Database(dbPath, { readonly: true });
    lastId = db.prepare('SELECT id FROM action ORDER BY due_on IS NULL DESC, due_on DESC, id DESC LIMIT 1').pluck().get() as number;
    db.close();
    bridge = await startBridge({ dbPath, staticDir, port: 0, actor: 'test', now: () => NOW, log: (m, e) => console.error(`bridge: ${m}`, e), vault: nodeVault(join(dir, 'config')) });
  });
  test.afterAll(async () => {
    await bridge?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Actions screen shows the first open actions and reaches the last of 9,994 by keyboard, rendering only the rows in view', async ({ page }) => {
    test.setTimeout(120_000);
    const list = async (input: Record<string, unknown>): Promise<ActionPage> => {
      const envelope = (await (await page.request.post(`${bridge.url}api/action.list`, { data: input })).json()) as { ok: true; value: ActionPage };
      return envelope.value;
    };
    const open = await list({ limit: 3 });
    const every = await list({ statuses: [], limit: 1 });
    expect(every.total).toBe(9994);
    expect(open.total).toBeGreaterThan(100);

    await page.goto(bridge.url);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Actions' }).click();
    const table = page.getByRole('table', { name: 'Action log' });
    const rows = table.locator('tbody tr');

    // The first open actions, by due date, at once; the table says how many there are.
    await expect(page.getByRole('status').filter({ hasText: /actions?, \d+ overdue/ })).toHaveText(new RegExp(`^${open.total.toLocaleString('en-GB')} actions, \\d+ overdue$`));
    await expect(table).toHaveAttribute('aria-rowcount', String(open.total + 1));
    await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
    for (const [i, a] of open.rows.entries()) await expect(rows.nth(i)).toContainText(`A${a.id}`);
    expect(await rows.count()).toBeLessThan(200);
    await page.screenshot({ path: join(screenshots, 'actions-ten-years-01-open.png'), fullPage: true });

    // Every status: all ten years.
    await page.locator('.toolbar').getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
    await expect(table).toHaveAttribute('aria-rowcount', String(every.total + 1));
    await expect(rows.first()).toContainText(`A${every.rows[0]!.id}`);

    // Page Down moves the focused row by a screenful and keeps it in view.
    await rows.first().locator('th').click();
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('PageDown');
    const afterPageDown = Number(await page.locator('tbody tr:focus').getAttribute('aria-rowindex'));
    expect(afterPageDown).toBeGreaterThan(3);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('tbody tr:focus')).toHaveAttribute('aria-rowindex', String(afterPageDown + 1));

    // End: every page is loaded as it goes, and the last action is focused and in view.
    await page.keyboard.press('End');
    const focused = page.locator('tbody tr:focus');
    await expect(focused).toHaveAttribute('aria-rowindex', String(every.total + 1), { timeout: 60_000 });
    await expect(focused).toBeInViewport();
    await expect(focused.locator('th')).toHaveText(`A${lastId}`);
    await page.screenshot({ path: join(screenshots, 'actions-ten-years-02-last-row.png') });
    // Still only the rows in view (and a few either side) in the DOM.
    expect(await rows.count()).toBeLessThan(200);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`ten years, every action: ${await rows.count()} rows and ${nodes} elements in the DOM at the last row`);
    expect(nodes).toBeLessThan(5000);

    // Up again, Home, and Enter opens the focused action.
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('tbody tr:focus')).toHaveAttribute('aria-rowindex', String(every.total));
    await page.keyboard.press('Home');
    await expect(page.locator('tbody tr:focus')).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: `Update A${every.rows[0]!.id}` })).toBeVisible();
  });
});
