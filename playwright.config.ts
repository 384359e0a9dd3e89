import { defineConfig } from '@playwright/test';
import type { EngineOption } from './test/e2e/fixtures';

/**
 * End-to-end tests: the built renderer in Debian's Chromium, talking to a real workspace
 * through the loopback bridge (main/api/http-bridge.ts). `npm run test:e2e` builds first.
 * Playwright's own browser download is not used (it cannot be fetched here).
 *
 * Two projects: 'sqlite' runs every spec on a workspace file; 'postgres' runs the specs
 * that walk the people, meetings and funding screens, and others' changes appearing, again,
 * each test on a fresh database of a throw-away cluster that the globalSetup starts once
 * per run (its tests skip, with the reason, where PostgreSQL is not installed). One spec on
 * one engine:
 *   npx playwright test --project postgres test/e2e/people.spec.ts
 */
const BOTH_ENGINES = ['people.spec.ts', 'meetings.spec.ts', 'action-edits.spec.ts', 'interests.spec.ts', 'funding.spec.ts', 'changes.spec.ts', 'changes-panels.spec.ts', 'minutes-record.spec.ts', 'board-plan.spec.ts', 'minutes-review.spec.ts', 'grant-round.spec.ts', 'meetings-colleague.spec.ts'];
/** Several people on one workspace at once: a team workspace is a PostgreSQL database. */
const POSTGRES_ONLY = ['team.spec.ts'];

export default defineConfig<EngineOption>({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/postgres-global-setup.ts',
  projects: [
    { name: 'sqlite', testIgnore: POSTGRES_ONLY, use: { engine: 'sqlite' } },
    { name: 'postgres', testMatch: [...BOTH_ENGINES, ...POSTGRES_ONLY], use: { engine: 'postgres' } },
  ],
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
});
