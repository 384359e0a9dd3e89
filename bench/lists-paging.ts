/**
 * The long lists a page at a time (issue 9), on the ten-year workspace:
 *
 *  - the server: action.list's first page (the default, open actions; and every status)
 *    beside the whole log read as the old action.list did (every action, one query: the
 *    repository's list(), which the exports still use), with the bytes of each answer as JSON;
 *    decision.list's first page beside every decision with its indicators read the old way
 *    (one query per decision) and the new way (one batched query);
 *  - the browser: headless Chromium on the bridge, the Actions screen opened cold: time until
 *    its first row is on screen and the page answers a key (time to interactive, measured as
 *    the page's own performance.now() when the first row is focusable and a key moves focus),
 *  - the dashboard in the same browser: first contentful paint, time to interactive (the
 *    workspace has answered, this week's actions are listed, a key moves focus) and the bytes of
 *    script fetched (the areas are code split: only the dashboard's script is),
 *    the elements in the DOM then and at the last row, and End's time to the last of 9,994.
 *
 * Run: npx tsx bench/lists-paging.ts [--db FILE] [--iterations 7]   (needs `node scripts/build.mjs` first)
 * The "before" of the browser side is the issue's own measurement of the old screen (every
 * action rendered: 177k DOM nodes, 5.3 MB answer); it is not rebuilt here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startBridge } from '../main/api/http-bridge';
import { decisions } from '../main/decisions/repository';
import type { ActionPage } from '../main/meetings/contract';
import { actions } from '../main/meetings/repository';
import { makeCtx } from '../main/shared/context';
import { sql } from '../main/db/statements';
import { nodeVault } from '../main/workspace/password-vault';
import { FIXTURE_TODAY } from './generate';
import { call, median, parseExportBenchArgs, time, withBenchWorkspace, writeResults } from './harness';

const ALL_ACTIONS = { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' };
const ALL_DECISIONS = { boardId: null, status: null, type: null, decidedBy: null, from: null, to: null, search: '' };
const staticDir = join(fileURLToPath(new URL('../', import.meta.url)), 'out', 'renderer');

async function main(): Promise<void> {
  const args = parseExportBenchArgs(process.argv.slice(2), 'lists-paging', 7);
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('Build the renderer first: node scripts/build.mjs');
  await withBenchWorkspace(args, 'lists', async ({ dir, store, session }) => {
    const n = args.iterations;
    const ctx = { ...makeCtx(store, 'bench', session.now), operation: 'bench' };
    const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

    // Server ----------------------------------------------------------------------------------
    const whole = await actions.list(ctx, ALL_ACTIONS, FIXTURE_TODAY);
    const openFirst = await call(session, 'action.list', {});
    const allFirst = await call<ActionPage>(session, 'action.list', { statuses: [] });
    const everyDecision = await decisions.list(ctx, ALL_DECISIONS);
    const decisionFirst = await call(session, 'decision.list', { from: null });
    const oneByOne = async () => {
      // The old decision.list: the log's query, then one indicator query per decision.
      const rows = await decisions.list(ctx, { ...ALL_DECISIONS, search: '' });
      for (const d of rows) {
        await sql(ctx, `SELECT i.id, i.code, i.name FROM decision_indicator di JOIN indicator i ON i.id = di.indicator_id WHERE di.decision_id = ? ORDER BY i.code`).all(d.id);
      }
    };
    const server = {
      actions: whole.length,
      decisions: everyDecision.length,
      wholeActionLog: { ...(await time(n, () => actions.list(ctx, ALL_ACTIONS, FIXTURE_TODAY))), bytes: bytes(whole) },
      actionListOpenFirstPage: { ...(await time(n, () => call(session, 'action.list', {}))), bytes: bytes(openFirst) },
      actionListAllFirstPage: { ...(await time(n, () => call(session, 'action.list', { statuses: [] }))), bytes: bytes(allFirst) },
      actionListAllLastPage: await time(n, async () => {
        // Deep in the log: keyset pages cost the same wherever they start.
        await call(session, 'action.list', { statuses: [], cursor: allFirst.nextCursor });
      }),
      dashboardDueThisWeek: { ...(await time(n, () => call(session, 'action.dueThisWeek', {}))), bytes: bytes(await call(session, 'action.dueThisWeek', {})) },
      decisionsOneQueryEach: await time(n, oneByOne),
      decisionsBatched: { ...(await time(n, () => decisions.list(ctx, ALL_DECISIONS))), bytes: bytes(everyDecision) },
      decisionListFirstPage: { ...(await time(n, () => call(session, 'decision.list', { from: null }))), bytes: bytes(decisionFirst) },
      decisionListThisYear: await time(n, () => call(session, 'decision.list', {})),
    };

    // Browser ---------------------------------------------------------------------------------
    const bridge = await startBridge({ dbPath: join(dir, 'ten-years.db'), staticDir, port: 0, actor: 'bench', now: session.now, log: (m, e) => console.error(m, e), vault: nodeVault(join(dir, 'config')) });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    const runs: { interactiveMs: number; firstRowMs: number; elements: number; rows: number; endMs: number; elementsAtEnd: number; rowsAtEnd: number }[] = [];
    const dashboardRuns: { firstPaintMs: number; interactiveMs: number; scriptBytes: number }[] = [];
    try {
      for (let i = 0; i < Math.max(3, Math.ceil(n / 2)); i++) {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        await page.goto(`${bridge.url}#/actions`);
        const firstRow = page.locator('[data-testid="action-log"] tbody tr[aria-rowindex="2"]');
        await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
        const firstRowMs = await page.evaluate(() => performance.now());
        // Interactive: the row takes focus and a key moves it on.
        await firstRow.locator('th').click();
        await page.keyboard.press('ArrowDown');
        await page.locator('tbody tr[aria-rowindex="3"]:focus').waitFor();
        const interactiveMs = await page.evaluate(() => performance.now());
        const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        const rows = await page.locator('tbody tr').count();
        await page.locator('.toolbar').getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
        await page.locator('table[aria-rowcount="9995"]').waitFor();
        await page.locator('tbody tr[aria-rowindex="2"] th').click();
        const t0 = Date.now();
        await page.keyboard.press('End');
        await page.locator('tbody tr[aria-rowindex="9995"]:focus').waitFor({ timeout: 120_000 });
        const endMs = Date.now() - t0;
        runs.push({ interactiveMs, firstRowMs, elements, rows, endMs, elementsAtEnd: await page.evaluate(() => document.getElementsByTagName('*').length), rowsAtEnd: await page.locator('tbody tr').count() });
        await page.context().close();
      }
      // The dashboard, the first screen (issue 9 point 4: first paint and interactive under 1 s).
      for (let i = 0; i < Math.max(3, Math.ceil(n / 2)); i++) {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        const scripts: number[] = [];
        page.on('response', (r) => {
          // The app's own scripts (not the loopback test bridge's shim, which Electron's preload replaces).
          if (r.request().resourceType() === 'script' && r.url().includes('/assets/')) void r.body().then((b) => scripts.push(b.length), () => undefined);
        });
        await page.goto(`${bridge.url}#/dashboard`);
        // Interactive: the workspace has answered, this week's actions are listed, and a key moves focus.
        await page.locator('body[data-ready="true"] #due-title').waitFor({ timeout: 60_000 });
        await page.locator('#counts-title').waitFor();
        await page.keyboard.press('Tab');
        await page.locator('.skip-link:focus').waitFor();
        const interactiveMs = await page.evaluate(() => performance.now());
        const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
        dashboardRuns.push({ firstPaintMs, interactiveMs, scriptBytes: scripts.reduce((a, b) => a + b, 0) });
        await page.context().close();
      }
    } finally {
      await browser.close();
      await bridge.close();
    }
    const med = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]).sort((a, b) => a - b));
    const dmed = (k: keyof (typeof dashboardRuns)[number]) => median(dashboardRuns.map((r) => r[k]).sort((a, b) => a - b));
    const dashboard = { runs: dashboardRuns, firstPaintMs: dmed('firstPaintMs'), interactiveMs: dmed('interactiveMs'), scriptBytes: dmed('scriptBytes') };
    const browserResults = { runs, firstRowMs: med('firstRowMs'), interactiveMs: med('interactiveMs'), elements: med('elements'), rows: med('rows'), endMs: med('endMs'), elementsAtEnd: med('elementsAtEnd'), rowsAtEnd: med('rowsAtEnd') };

    const ms = (t: { medianMs: number }) => `${t.medianMs.toFixed(1).padStart(7)} ms`;
    const kb = (b: number) => `${(b / 1024).toFixed(0).padStart(6)} KB`;
    const s = server;
    console.log(`\nTen years: ${s.actions} actions, ${s.decisions} decisions; medians of ${n}`);
    console.log(`  whole action log, one query (the old action.list)   ${ms(s.wholeActionLog)} ${kb(s.wholeActionLog.bytes)}`);
    console.log(`  action.list first page, open (the screen's first)   ${ms(s.actionListOpenFirstPage)} ${kb(s.actionListOpenFirstPage.bytes)}   ${(s.wholeActionLog.medianMs / s.actionListOpenFirstPage.medianMs).toFixed(1)}× faster`);
    console.log(`  action.list first page, every status               ${ms(s.actionListAllFirstPage)} ${kb(s.actionListAllFirstPage.bytes)}`);
    console.log(`  action.list second page, every status (cursor)     ${ms(s.actionListAllLastPage)}`);
    console.log(`  action.dueThisWeek (dashboard)                      ${ms(s.dashboardDueThisWeek)} ${kb(s.dashboardDueThisWeek.bytes)}`);
    console.log(`  every decision, indicators one query each (old)    ${ms(s.decisionsOneQueryEach)}`);
    console.log(`  every decision, indicators in one batched query    ${ms(s.decisionsBatched)} ${kb(s.decisionsBatched.bytes)}`);
    console.log(`  decision.list first page, all years                ${ms(s.decisionListFirstPage)} ${kb(s.decisionListFirstPage.bytes)}`);
    console.log(`  decision.list this financial year (first page)     ${ms(s.decisionListThisYear)}`);
    const b = browserResults;
    console.log(`\nActions screen in headless Chromium, cold, median of ${runs.length}:`);
    console.log(`  first row on screen ${b.firstRowMs.toFixed(0)} ms; interactive (a key moves the focus) ${b.interactiveMs.toFixed(0)} ms after navigation`);
    console.log(`  DOM: ${b.elements} elements, ${b.rows} table rows; at the last row after End: ${b.elementsAtEnd} elements, ${b.rowsAtEnd} rows`);
    console.log(`  End to the last of 9,994 (every page loaded): ${b.endMs.toFixed(0)} ms`);
    console.log(`\nDashboard in headless Chromium, cold, median of ${dashboardRuns.length}:`);
    console.log(`  first contentful paint ${dashboard.firstPaintMs.toFixed(0)} ms; interactive (answered, this week listed, a key moves focus) ${dashboard.interactiveMs.toFixed(0)} ms; the app's scripts fetched ${(dashboard.scriptBytes / 1024).toFixed(0)} KB`);
    writeResults('lists-paging', { machine: { node: process.version }, iterations: n, server, browser: browserResults, dashboard });
  });
}

await main();
