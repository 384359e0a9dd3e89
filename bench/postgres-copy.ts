import type { Store } from '../main/db/store';
import { openPostgresStore } from '../main/db/postgres-store';
import { inTransaction, makeCtx } from '../main/shared/context';
import { exportBundle, importBundle } from '../main/workspace/bundle';
import { superuserQuery, type Cluster } from '../test/helpers/postgres';

/**
 * A PostgreSQL copy of the SQLite workspace: a fresh database on the throw-away cluster,
 * migrated by openPostgresStore, and every row moved in through the bundle (exportBundle
 * from SQLite, importBundle in one write on PostgreSQL), as `cli import` would. Then ANALYZE,
 * which autovacuum would do within a minute of so many inserts; without it the planner
 * would guess at empty tables' sizes and the first minute's figures would be another
 * workspace's. Shared by bench/run.ts and the export benches (harness.ts, --engine postgres).
 */
export async function copyToPostgres(source: Store, cluster: Cluster, now: () => Date, log: (line: string) => void): Promise<{ url: string; store: Store; ms: number }> {
  const started = performance.now();
  const bundle = await exportBundle(makeCtx(source, 'bench', now));
  const url = await cluster.createDatabase();
  const store = await openPostgresStore(url, { create: true });
  await store.write((trx) => importBundle({ ...inTransaction(makeCtx(store, 'bench', now), trx), operation: 'bench.copy' }, bundle));
  await superuserQuery(url, 'ANALYZE');
  const ms = performance.now() - started;
  const rows = Object.values(bundle.tables).reduce((n, t) => n + t.length, 0);
  log(`Copied ${rows.toLocaleString('en-GB')} rows to PostgreSQL through the bundle in ${(ms / 1000).toFixed(1)} s`);
  return { url, store, ms };
}
