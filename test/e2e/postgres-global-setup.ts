import { setup, teardown } from '../helpers/postgres-global-setup';

/**
 * Playwright globalSetup: the same throw-away PostgreSQL cluster vitest's 'postgres' project
 * uses (test/helpers/postgres-global-setup.ts), once per Playwright run. It leaves the
 * cluster's URL and a migrated template database in BOARD_TEST_PG_URL and
 * BOARD_TEST_PG_TEMPLATE, or the reason there is none in BOARD_TEST_PG_SKIPPED (printed once
 * here); Playwright starts its workers after this, so they inherit them and the fixture
 * (./fixtures.ts) makes each postgres test a fresh database from the template.
 *
 * Returns the teardown, which stops the cluster and removes its folder.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await setup();
  return teardown;
}
