import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startBridge, type Bridge } from '../../main/api/http-bridge';

/**
 * The end-to-end fixture: for each test a fresh folder with a new workspace file, the
 * loopback bridge serving the built renderer over it, and a page that is ready only when
 * the app says so (body[data-ready="true"], set after the first workspace.info answers) —
 * no sleeps. Afterwards the bridge is closed and the folder deleted.
 *
 * The bridge's clock is fixed so the audit trail reads the same every run.
 */
export const FIXED_NOW = new Date('2020-03-16T10:02:00');
export const ACTOR = 'test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = join(root, 'out', 'renderer');
const screenshotDir = join(root, 'test-results', 'screenshots');

export interface TestWorkspace {
  dir: string;
  dbPath: string;
  bridge: Bridge;
}

interface Fixtures {
  workspace: TestWorkspace;
  /** The app, opened on the workspace and ready. */
  app: Page;
  /** Page errors and console errors (a CSP violation is one): the test fails if any appear. */
  browserErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new Error(`The renderer is not built (${staticDir}/index.html is missing): run npm run build first.`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-e2e-'));
    const dbPath = join(dir, 'workspace.db');
    const bridge = await startBridge({
      dbPath,
      staticDir,
      port: 0,
      actor: ACTOR,
      now: () => FIXED_NOW,
      log: (message, err) => console.error(`bridge: ${message}`, err),
    });
    try {
      await use({ dir, dbPath, bridge });
    } finally {
      await bridge.close();
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

/** Saves a screenshot of the whole page as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
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
