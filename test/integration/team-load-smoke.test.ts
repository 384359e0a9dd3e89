import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareTeamWorkspace, runTeamLoad } from '../../bench/team-load';
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
});
