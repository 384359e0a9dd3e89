import { sqliteStore } from '../../main/db/sqlite-store';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate';
import { openDatabase } from '../../main/db/connection';
import { exportBundle, importBundle } from '../../main/workspace/bundle';
import { inTransaction, makeCtx } from '../../main/shared/context';
import { tempDir } from '../helpers/workspace';

describe('the synthetic ten-year workspace (bench fixture)', () => {
  it('satisfies every constraint of the schema at small scale, and round-trips through a bundle', async () => {
    const dir = tempDir();
    const result = generateWorkspace(join(dir, 'w.db'), { scale: 0.02, seed: 7, log: () => {} });
    expect(result.counts.meeting).toBeGreaterThan(0);
    expect(result.counts.spend).toBeGreaterThan(0);
    expect(result.counts.indicator_value).toBeGreaterThan(0);

    const db = openDatabase(join(dir, 'w.db'));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const bundle = await exportBundle(makeCtx(sqliteStore(db), 'test'));
    db.close();
    const copy = openDatabase(join(dir, 'copy.db'));
    const store = sqliteStore(copy);
    const ctx = makeCtx(store, 'test');
    // As the dispatcher runs it: in the store's one write transaction.
    await store.write((trx) => importBundle(inTransaction(ctx, trx), bundle));
    for (const [table, rows] of Object.entries(bundle.tables)) {
      const n = (copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(n, table).toBe(rows.length + (table === 'audit_log' ? 1 : 0));
    }
    await store.close();
  });
});
