import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './test/helpers/postgres';

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
  'test/integration/check-after-open.test.ts',
  'test/integration/foreign-key-indexes.test.ts',
  'test/integration/electron-*.test.ts',
  'test/integration/bench-generate.test.ts',
  'test/integration/write-guard.test.ts',
  'test/integration/export-guard.test.ts',
  // Prints the registers of bench/generate.ts's SQLite workspace: about the documents' rendering, not the engine.
  'test/integration/registers-render.test.ts',
  // Builds documents from plain values and never opens a workspace: once is enough.
  'test/integration/documents.test.ts',
  // These start their own clusters or are PostgreSQL's alone.
  'test/integration/postgres-store.test.ts',
  'test/integration/migrate-postgres.test.ts',
  'test/integration/engines-parity.test.ts',
];

// Hooks drop each test's PostgreSQL database: on a loaded 2-core machine that can pass vitest's 10 s default.
const shared = { environment: 'node' as const, pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 30_000 };

// Without PostgreSQL on this machine the second half cannot run: it is left out, and says so.
const postgresAbsent = findPostgresBin() === undefined && !process.env.BOARD_TEST_PG_URL;
if (postgresAbsent) {
  console.warn('PostgreSQL is not installed (no initdb/pg_ctl on the PATH or in /usr/lib/postgresql/*/bin): the PostgreSQL half of the integration tests is skipped. Install Debian\'s postgresql package to run it.');
}

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], env: { BOARD_TEST_ENGINE: 'sqlite' } } },
      ...(postgresAbsent ? [] : [{ test: { ...shared, name: 'postgres', include: ['test/integration/**/*.test.ts'], exclude: SQLITE_ONLY, env: { BOARD_TEST_ENGINE: 'postgres' } } }]),
    ],
  },
});
