import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { prepareTeamWorkspace, runTeamLoad, teamOf } from '../../bench/team-load';
import { dropDatabase, testCluster, type Cluster } from '../helpers/postgres';
import { testEngine } from '../helpers/workspace';

/**
 * The team load bench (bench/team-load.ts, docs/bench.md) in small: three people for three
 * seconds on a one-year workspace at a tenth of the size, through the same code. Not a
 * timing test: it checks that every acknowledged write reads back as acknowledged, that
 * nothing but conflicts went wrong, and that the read-back would notice a save written over.
 */

// PostgreSQL's alone: each simulated person is their own app with their own pool on one
// server. A SQLite file is one app's (a second program writing to it is refused as busy,
// tested in write-guard.test.ts), so on the sqlite project there is nothing to run.
const onPostgres = testEngine() === 'postgres';

describe.skipIf(!onPostgres)('a team on one PostgreSQL workspace (the team load bench, small)', () => {
  let cluster: Cluster | null = null;
  let url = '';

  beforeAll(async () => {
    const c = await testCluster();
    if ('skipped' in c) throw new Error(c.skipped);
    cluster = c;
    ({ url } = await prepareTeamWorkspace(c, { years: 1, scale: 0.1 }));
  }, 120_000);

  afterAll(async () => {
    if (url) await dropDatabase(url);
    await cluster?.stop();
  });

  it('runs the mix with no failure and no acknowledged write lost, conflicts counted apart', { timeout: 120_000 }, async () => {
    const report = await runTeamLoad(url, { people: 3, seconds: 3 });
    expect(report.unexpected).toEqual([]);
    expect(report.lostDetails).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.totalOps).toBeGreaterThan(10);
    expect(report.acknowledged.versioned + report.acknowledged.spendCells + report.acknowledged.decisions).toBeGreaterThan(0);
    // Conflicts are the 'stale' refusals of each operation, counted apart from failures.
    const stale = report.ops.reduce((n, o) => n + (o.errors.stale ?? 0), 0);
    expect(report.conflicts).toBe(stale);
  });

  it('runs each person as their own login in their team role: the trail names each, and the logins go when the run ends', { timeout: 120_000 }, async () => {
    // A team of 12: eight secretariat, three finance, one reader.
    const twelve = Array.from({ length: 12 }, (_, i) => teamOf(i + 1));
    expect(['secretariat', 'finance', 'reader'].map((r) => twelve.filter((t) => t === r).length)).toEqual([8, 3, 1]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const start = Number((await client.query(`SELECT coalesce(max(id), 0) AS n FROM audit_log`)).rows[0].n);
      const report = await runTeamLoad(url, { people: 4, seconds: 3, only: ['editAction', 'saveSpend'] });
      expect(report.team).toEqual({ secretariat: 3, finance: 1, reader: 0 });
      expect(report.unexpected).toEqual([]);
      const actors = (await client.query<{ actor: string; entity: string }>(`SELECT DISTINCT actor, entity FROM audit_log WHERE id > $1 ORDER BY actor, entity`, [start])).rows;
      // Four logins of this run (load_<run>_pN); person 3 is finance, and wrote spend only.
      const logins = new Set(actors.map((a) => a.actor));
      expect([...logins].every((a) => /^load_[0-9a-f]{6}_p[1-4]$/.test(a))).toBe(true);
      expect(logins.size).toBeGreaterThan(1);
      expect(actors.filter((a) => a.actor.endsWith('_p3') && a.entity !== 'spend')).toEqual([]);
      const left = await client.query(`SELECT rolname FROM pg_roles WHERE rolname ~ '^load_[0-9a-f]{6}_p[0-9]+$'`);
      expect(left.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('with three people on one action: conflicts happen and are counted, saves go on the new version, nothing is lost', { timeout: 120_000 }, async () => {
    const report = await runTeamLoad(url, { people: 3, seconds: 3, hotActions: 1, hotShare: 1, only: ['editAction'] });
    expect(report.unexpected).toEqual([]);
    expect(report.lostDetails).toEqual([]);
    expect(report.conflicts).toBeGreaterThan(0);
    expect(report.conflictsByOp['action.update']).toBe(report.conflicts);
    expect(report.retries.made).toBeGreaterThan(0);
    expect(report.checked.records).toBe(1);
  });

  it('reports a save written over behind the app’s back as lost', { timeout: 120_000 }, async () => {
    const report = await runTeamLoad(url, {
      people: 2,
      seconds: 2,
      only: ['editAction'],
      // Every action, so whichever were saved: as a script writing without versions would.
      beforeVerify: async (client) => {
        await client.query(`UPDATE action SET description = 'Written over'`);
      },
    });
    expect(report.unexpected).toEqual([]);
    expect(report.lost).toBeGreaterThan(0);
    expect(report.lostDetails.join('\n')).toMatch(/action \d+\.description: holds "Written over"/);
  });

  it('reports a spend save that went in over a change it never saw as lost', { timeout: 120_000 }, async () => {
    const report = await runTeamLoad(url, {
      people: 2,
      seconds: 2,
      only: ['saveSpend'],
      // As a script that writes a cell behind the app's back (audited), after which the last
      // acknowledged save of that cell is written again over it: the cell ends as that save
      // left it and the newest audit row is that save's amount, so only the value the save
      // went in over (its wasPence against the audit order) shows the script's write was lost.
      beforeVerify: async (client) => {
        const { rows } = await client.query<{ id: number; at: string; actor: string; operation: string; entity_id: number; after_json: string }>(
          `SELECT id, at, actor, operation, entity_id, after_json FROM audit_log WHERE entity = 'spend' AND action IN ('create', 'update') ORDER BY id DESC LIMIT 1`,
        );
        const last = rows[0]!;
        const theirs = JSON.stringify({ ...(JSON.parse(last.after_json) as Record<string, unknown>), amount_pence: 1 });
        const insert = `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json) VALUES ($1, $2, $3, 'update', 'spend', $4, $5, $6)`;
        await client.query(insert, [last.at, 'script', 'script', last.entity_id, last.after_json, theirs]);
        await client.query(insert, [last.at, last.actor, last.operation, last.entity_id, theirs, last.after_json]);
      },
    });
    expect(report.unexpected).toEqual([]);
    expect(report.acknowledged.spendCells).toBeGreaterThan(0);
    expect(report.lostDetails.join('\n')).toMatch(/spend \S+: .+'s save of \d+ \(audit \d+\) went in over 1, but their grid showed/);
    expect(report.lost).toBeGreaterThan(0);
  });
});
