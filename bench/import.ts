/**
 * npx tsx bench/import.ts [--years 10] [--iterations 3] [--without-fk-indexes]
 *
 * The bundle import (main/workspace/bundle.ts importBundle, as `cli import` runs it: one
 * transaction, a savepoint per row so every bad row is reported, foreign keys checked at the
 * end) against a bare better-sqlite3 import of exactly the same rows into the same schema
 * (same tables, indexes and search triggers; one prepared INSERT per table, foreign keys
 * deferred and checked once). The bare side leaves out only what the house adds on purpose:
 * the bundle's shape and type check before the first row, the savepoint per row, and the
 * one audit row. Both start from the bundle already in memory (the JSON file's parse is the
 * same for both and is not timed).
 *
 * --without-fk-indexes drops the indexes of migration 003 from both files first, to show the
 * import as it was before them (quadratic: each indicator_value row scanned the table).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../main/db/connection';
import { migration as fkIndexes } from '../main/db/migrations/003-foreign-key-indexes';
import { sqliteStore } from '../main/db/sqlite-store';
import { inTransaction, makeCtx } from '../main/shared/context';
import { dataTables, exportBundle, importBundle, type Bundle } from '../main/workspace/bundle';
import { generateWorkspace } from './generate';
import { median } from './harness';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const years = flag('--years', 10);
const iterations = flag('--iterations', 3);
const withoutFkIndexes = argv.includes('--without-fk-indexes');

function dropFkIndexes(db: Db): void {
  if (!withoutFkIndexes) return;
  for (const m of fkIndexes.sql.matchAll(/CREATE INDEX (\w+)/g)) db.exec(`DROP INDEX ${m[1]}`);
}

async function houseImport(path: string, bundle: Bundle): Promise<number> {
  const db = openDatabase(path);
  dropFkIndexes(db);
  const store = sqliteStore(db);
  const ctx = makeCtx(store, 'bench');
  const started = performance.now();
  await store.write((trx) => importBundle(inTransaction(ctx, trx), bundle));
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

function bareImport(path: string, bundle: Bundle): number {
  const db = openDatabase(path);
  dropFkIndexes(db);
  const started = performance.now();
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const table of dataTables()) {
      const rows = bundle.tables[table] ?? [];
      if (rows.length === 0) continue;
      const cols = Object.keys(rows[0]!);
      const insert = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...cols.map((c) => row[c]));
    }
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) throw new Error(`bare import broke ${problems.length} foreign keys`);
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  const source = join(dir, 'source.db');
  const generated = generateWorkspace(source, { years });
  const store = sqliteStore(openDatabase(source));
  const bundle = await exportBundle(makeCtx(store, 'bench'));
  await store.close();
  const rows = Object.values(bundle.tables).reduce((n, t) => n + t.length, 0);
  console.log(`${years}-year workspace: ${rows.toLocaleString('en-GB')} rows in ${Object.keys(bundle.tables).length} tables (generated in ${generated.ms.toFixed(0)} ms)${withoutFkIndexes ? ', WITHOUT the foreign-key indexes' : ''}`);
  const house: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // Alternate, so load from other processes falls on both alike.
    house.push(await houseImport(join(dir, `house-${i}.db`), bundle));
    bare.push(bareImport(join(dir, `bare-${i}.db`), bundle));
    rmSync(join(dir, `house-${i}.db`), { force: true });
    rmSync(join(dir, `bare-${i}.db`), { force: true });
    console.log(`  run ${i + 1}: import ${house[i]!.toFixed(0)} ms, bare ${bare[i]!.toFixed(0)} ms`);
  }
  const h = median([...house].sort((a, b) => a - b));
  const b = median([...bare].sort((a, b) => a - b));
  console.log(`median: import ${h.toFixed(0)} ms, bare ${b.toFixed(0)} ms, ratio ${(h / b).toFixed(2)}× (target ≤ 1.5×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
