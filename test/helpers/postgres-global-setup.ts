import { openPostgresStore } from '../../main/db/postgres-store';
import { SKIPPED_ENV, TEMPLATE_ENV, URL_ENV, createDatabase, startCluster, type Cluster } from './postgres';

/**
 * vitest globalSetup: one throw-away PostgreSQL cluster for the whole run. Test files find
 * it through testCluster() in ./postgres.ts, which reads BOARD_TEST_PG_URL (or the skip
 * reason in BOARD_TEST_PG_SKIPPED). The variables are set here, in vitest's own process,
 * before any worker starts: with pool 'forks' each worker inherits them. Each test file
 * makes its own databases on the cluster (createDatabase), so files never share data.
 */
let cluster: Cluster | undefined;

export async function setup(): Promise<void> {
  // A URL given from outside (a server of the developer's own) is used as it is.
  if (process.env[URL_ENV]) return;
  const started = await startCluster();
  if ('skipped' in started) {
    process.env[SKIPPED_ENV] = started.skipped;
    console.warn(started.skipped);
    return;
  }
  cluster = started;
  process.env[URL_ENV] = started.url();
  // Migrating a database takes a second; copying a migrated one as a template takes a tenth.
  const template = 'board_workspace_template';
  const store = await openPostgresStore(await createDatabase(started.url(), template), { create: true, initialiseEmpty: true });
  await store.close();
  process.env[TEMPLATE_ENV] = template;
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
