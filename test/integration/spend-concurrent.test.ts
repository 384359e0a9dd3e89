import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { prepareTeamWorkspace } from '../../bench/team-load';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Store } from '../../main/db/store';
import { dropDatabase, testCluster, type Cluster } from '../helpers/postgres';
import { testEngine } from '../helpers/workspace';

/**
 * Spend cells saved by several people at once on one PostgreSQL workspace (found by the team
 * load bench, bench/team-load.ts). A cell has no version: the grid is last write wins. Four
 * people typing into the same empty cell used to get, for three of them, "Another record
 * already has this budget line id" (each found no row and inserted one); two saves of the same
 * cells in opposite orders were stopped as a deadlock ("busy"). Both now go through.
 */

// PostgreSQL's alone: each person is their own app with their own pool. A SQLite file is one
// app's, whose writes already take turns on the file's write lock.
const onPostgres = testEngine() === 'postgres';

describe.skipIf(!onPostgres)('spend cells saved by several people at once', () => {
  let cluster: Cluster | null = null;
  let url = '';
  let stores: Store[] = [];
  let sessions: Session[] = [];
  let client: pg.Client;
  let line: { id: number; streamId: number; financialYear: string };

  beforeAll(async () => {
    const c = await testCluster();
    if ('skipped' in c) throw new Error(c.skipped);
    cluster = c;
    ({ url } = await prepareTeamWorkspace(c, { years: 1, scale: 0.1 }));
    stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
    sessions = stores.map((store, i) => ({ store, actor: `person-${i + 1}`, now: () => new Date('2025-03-31T10:00:00'), log: (m, e) => console.error(m, e) }));
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const row = (await client.query(`SELECT id, stream_id, financial_year FROM budget_line WHERE financial_year = '2024/25' ORDER BY id LIMIT 1`)).rows[0];
    line = { id: Number(row.id), streamId: Number(row.stream_id), financialYear: row.financial_year };
    await client.query(`DELETE FROM spend WHERE budget_line_id = $1`, [line.id]);
  }, 120_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
    await client?.end();
    if (url) await dropDatabase(url);
    await cluster?.stop();
  });

  const save = (i: number, cells: { month: string; kind: string; amount: string }[]) =>
    dispatch(sessions[i]!, 'spend.setCells', { streamId: line.streamId, financialYear: line.financialYear, cells: cells.map((c) => ({ target: `line:${line.id}`, ...c })) });
  const held = async (month: string, kind: string) =>
    (await client.query(`SELECT amount_pence FROM spend WHERE budget_line_id = $1 AND month = $2 AND kind = $3`, [line.id, month, kind])).rows.map((r) => Number(r.amount_pence));

  it('four people typing into one empty cell at once are all saved, and the cell holds the last write', async () => {
    for (const month of ['2024-04', '2024-05', '2024-06']) {
      const answers = await Promise.all(sessions.map((_, i) => save(i, [{ month, kind: 'forecast', amount: String(100 + i) }])));
      expect(answers.map((a) => (a.ok ? 'ok' : a.error.message))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const audit = (
        await client.query(
          `SELECT action, after_json FROM audit_log WHERE entity = 'spend' AND operation = 'spend.setCells' AND after_json LIKE $1 AND after_json LIKE '%"kind":"forecast"%' ORDER BY id`,
          [`%"month":"${month}"%`],
        )
      ).rows;
      // One row made, then written over by each later save; the cell holds the last one committed.
      expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'update', 'update']);
      expect(await held(month, 'forecast')).toEqual([Number(JSON.parse(audit[3]!.after_json).amount_pence)]);
    }
  });

  it('two saves of the same cells in opposite orders both go through (no deadlock)', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        save(0, [{ month: '2024-07', kind: 'actual', amount: `${200 + round}` }, { month: '2024-08', kind: 'actual', amount: `${300 + round}` }]),
        save(1, [{ month: '2024-08', kind: 'actual', amount: `${400 + round}` }, { month: '2024-07', kind: 'actual', amount: `${500 + round}` }]),
      ]);
      expect([a.ok ? 'ok' : a.error.message, b.ok ? 'ok' : b.error.message]).toEqual(['ok', 'ok']);
      // Whole saves, never a mix: both cells are from the same person's save.
      const [july, august] = [(await held('2024-07', 'actual'))[0]! / 100, (await held('2024-08', 'actual'))[0]! / 100];
      expect([[200 + round, 300 + round].join(), [500 + round, 400 + round].join()]).toContain([july, august].join());
    }
  });
});
