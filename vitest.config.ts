import { defineConfig } from 'vitest/config';

/**
 * Two projects: "sqlite" runs the unit and integration tests on a SQLite file (the default
 * engine); "postgres" runs the integration tests again on PostgreSQL, each test on a new
 * database of a throw-away cluster that the global setup starts and stops
 * (test/helpers/postgres-global-setup.ts). Tests about the SQLite file itself (backups, the
 * watched file, its errors) are SQLite's alone and listed below. Where PostgreSQL is not
 * installed the postgres project's tests are skipped, with the reason printed.
 */
export const SQLITE_ONLY = [
  'test/integration/backup-*.test.ts',
  'test/integration/backups*.test.ts',
  'test/integration/rescue.test.ts',
  'test/integration/sqlite-errors.test.ts',
  'test/integration/watched-file.test.ts',
  'test/integration/store.test.ts',
  'test/integration/foreign-key-indexes.test.ts',
  'test/integration/electron-*.test.ts',
  'test/integration/bench-generate.test.ts',
  'test/integration/write-guard.test.ts',
  'test/integration/export-guard.test.ts',
  // These start their own clusters or are PostgreSQL's alone.
  'test/integration/postgres-store.test.ts',
  'test/integration/migrate-postgres.test.ts',
  'test/integration/engines-parity.test.ts',
];

const shared = { environment: 'node' as const, pool: 'forks' as const, testTimeout: 30_000 };

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], env: { BOARD_TEST_ENGINE: 'sqlite' } } },
      { test: { ...shared, name: 'postgres', include: ['test/integration/**/*.test.ts'], exclude: SQLITE_ONLY, env: { BOARD_TEST_ENGINE: 'postgres' } } },
    ],
  },
});
