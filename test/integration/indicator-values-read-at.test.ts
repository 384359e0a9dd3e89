import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { OpName } from '../../main/api/contract';
import type { ApiErrorShape } from '../../main/shared/errors';
import { teamMember, tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { smallFramework } from './performance-fixture';

/**
 * Two people, one indicator value (issue 14's review, point 1): the single entry, the values
 * grid and the import each say which value of a period they read (`wasValueId`, or an import's
 * `basis`), and a save over a value a colleague recorded since is refused naming who and
 * when, theirs beside yours, all or nothing. On PostgreSQL each person is their own login.
 */

const NOW = () => new Date('2026-12-03T10:42:00');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the answer it expects
type Answer = { ok: boolean; value?: any; error?: ApiErrorShape };

async function asPerson(ws: TestWorkspace, actor: string, caller: 'screen' | 'script' = 'screen'): Promise<(op: OpName, input: unknown) => Promise<Answer>> {
  const session = { ...(await teamMember(ws, actor)), now: NOW };
  return (op, input) => dispatch(session, op, input, caller) as Promise<Answer>;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('indicator values saved by two people', () => {
  it('a screen must send the value it read: record and the grid are refused without it, naming the field', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const { admissions } = await smallFramework(ws);
    const bob = await asPerson(ws, 'bob');
    const one = await bob('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31 });
    expect(one.error).toMatchObject({ code: 'validation', field: 'wasValueId' });
    expect(one.error!.message).toMatch(/did not send `wasValueId`/);
    const grid = await bob('indicatorValue.recordMany', { indicatorId: admissions.id, rows: [{ period: '2019-04', value: 31, wasValueId: null }, { period: '2019-05', value: 30 }] });
    expect(grid.error).toMatchObject({ code: 'validation', field: 'rows.1.wasValueId' });
    const imported = await bob('indicatorValue.importApply', { rows: [{ row: 2, indicator: null, period: '2019-04', value: 31, status: null, note: null }], indicatorId: admissions.id, expect: null });
    expect(imported.error).toMatchObject({ code: 'validation', field: 'basis' });
    expect(await ws.call('indicatorValue.list', { indicatorId: admissions.id })).toEqual([]);
  });

  it('refuses a single entry over a value a colleague recorded since it was read, naming them; on the new value it goes in', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const { admissions } = await smallFramework(ws);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const first = await alice('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31, wasValueId: null });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    const read = first.value.value.id as number;
    // Both read April at 31; Alice corrects it to 33 first.
    expect((await alice('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 33, status: 'final', wasValueId: read })).ok).toBe(true);
    const refused = await bob('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 35, wasValueId: read });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.field).toBe('wasValueId');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it: a value you changed was recorded by them first \(HO-1 April 2019\)\. Nothing was saved/);
    expect(refused.error?.stale).toMatchObject({ by: 'alice', deleted: false, changes: [{ field: 'HO-1 April 2019', theirs: '33 (final)', yours: '35 (provisional)', yoursSent: true }] });
    const list = await ws.call('indicatorValue.list', { indicatorId: admissions.id });
    expect(list.map((v) => [v.period, v.value, v.status])).toEqual([['2019-04', 33, 'final']]);
    // Saving exactly what is there is no conflict; on the value now current Bob's change goes in.
    expect((await bob('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 33, status: 'final', wasValueId: read })).ok).toBe(true);
    const again = await bob('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 35, wasValueId: list[0]!.id });
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    expect(again.value.value).toMatchObject({ value: 35, revisions: [{ value: 33 }, { value: 31 }] });
    // A period Bob read as empty that Alice has filled since.
    expect((await alice('indicatorValue.record', { indicatorId: admissions.id, period: '2019-05', value: 20, wasValueId: null })).ok).toBe(true);
    expect((await bob('indicatorValue.record', { indicatorId: admissions.id, period: '2019-05', value: 22, wasValueId: null })).error?.stale?.changes).toEqual([
      { field: 'HO-1 May 2019', theirs: '20 (provisional)', yours: '22 (provisional)', yoursSent: true },
    ]);
    // A script may leave it out: the last write wins.
    const script = await asPerson(ws, 'bob', 'script');
    expect((await script('indicatorValue.record', { indicatorId: admissions.id, period: '2019-05', value: 22 })).ok).toBe(true);
  });

  it('refuses a grid save when one of its periods was changed by a colleague since, all or nothing', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const { admissions } = await smallFramework(ws);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    expect((await alice('indicatorValue.recordMany', { indicatorId: admissions.id, rows: [{ period: '2019-04', value: 31, wasValueId: null }, { period: '2019-05', value: 29, wasValueId: null }] })).ok).toBe(true);
    const opened = await ws.call('indicatorValue.list', { indicatorId: admissions.id });
    const idOf = (period: string) => opened.find((v) => v.period === period)!.id;
    // Alice revises May after Bob opened the grid; Bob then saves April, May and a new June.
    expect((await alice('indicatorValue.recordMany', { indicatorId: admissions.id, rows: [{ period: '2019-05', value: 30, wasValueId: idOf('2019-05') }] })).ok).toBe(true);
    const rows = [
      { period: '2019-04', value: 32, wasValueId: idOf('2019-04') },
      { period: '2019-05', value: 28, wasValueId: idOf('2019-05') },
      { period: '2019-06', value: 27, wasValueId: null },
    ];
    const refused = await bob('indicatorValue.recordMany', { indicatorId: admissions.id, rows });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.field).toBe('rows');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since you opened it: a value you changed was recorded by them first \(HO-1 May 2019\)/);
    expect(refused.error?.stale?.changes).toEqual([{ field: 'HO-1 May 2019', theirs: '30 (provisional)', yours: '28 (provisional)', yoursSent: true }]);
    // Nothing of Bob's went in: April and June too are as they were.
    const after = await ws.call('indicatorValue.list', { indicatorId: admissions.id });
    expect(after.map((v) => [v.period, v.value])).toEqual([['2019-04', 31], ['2019-05', 30]]);
    const audits = await ws.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'indicator_value' AND actor = 'bob'`);
    expect(Number(audits[0]!.n)).toBe(0);
    // On what Alice saved, the grid goes in.
    const rebased = rows.map((r) => (r.period === '2019-05' ? { ...r, wasValueId: after.find((v) => v.period === '2019-05')!.id } : r));
    const saved = await bob('indicatorValue.recordMany', { indicatorId: admissions.id, rows: rebased });
    expect(saved.value).toEqual({ new: 1, changed: 2, unchanged: 0 });
  });

  it('refuses an import over a value a colleague recorded since its preview, naming who and which period; previewed again it goes in', async () => {
    const ws = await tempWorkspace({ now: NOW });
    const { admissions, nhs } = await smallFramework(ws);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    expect((await alice('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31, wasValueId: null })).ok).toBe(true);
    const csv = ['Indicator code,Month,Value', 'HO-1,2019-04,34', 'HO-1,2019-05,29', 'HO-1,2019-06,25', ''].join('\r\n');
    const preview = await bob('indicatorValue.importPreview', { fileName: 'values.csv', contentBase64: b64(csv) });
    expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
    expect(preview.value.counts).toMatchObject({ new: 2, changed: 1 });
    const april = (await ws.call('indicatorValue.list', { indicatorId: admissions.id }))[0]!;
    expect(preview.value.basis).toEqual([
      { indicatorId: admissions.id, period: '2019-04', valueId: april.id },
      { indicatorId: admissions.id, period: '2019-05', valueId: null },
      { indicatorId: admissions.id, period: '2019-06', valueId: null },
    ]);
    // Alice records May after Bob's preview (the counts would still match: May is then a change, April one too).
    expect((await alice('indicatorValue.record', { indicatorId: admissions.id, period: '2019-05', value: 40, wasValueId: null })).ok).toBe(true);
    const input = { rows: preview.value.rows, indicatorId: null, suppliedByOrganisationId: nhs.id, receivedOn: null, expect: { new: 2, changed: 1 } };
    const refused = await bob('indicatorValue.importApply', { ...input, basis: preview.value.basis });
    expect(refused.error?.code).toBe('stale');
    expect(refused.error?.field).toBe('basis');
    expect(refused.error?.message).toMatch(/^Changed by alice at 10:42 on 03\/12\/2026 since your preview: a value you changed was recorded by them first \(HO-1 May 2019\)\. Nothing was saved: look at their values beside yours, then preview the file and import again/);
    expect(refused.error?.stale?.changes).toEqual([{ field: 'HO-1 May 2019', theirs: '40 (provisional)', yours: '29 (provisional)', yoursSent: true }]);
    expect((await ws.call('indicatorValue.list', { indicatorId: admissions.id })).map((v) => [v.period, v.value])).toEqual([['2019-04', 31], ['2019-05', 40]]);
    // Previewed again, the import goes in over Alice's May knowingly.
    const again = await bob('indicatorValue.importPreview', { fileName: 'values.csv', contentBase64: b64(csv) });
    expect(again.value.rows.find((r: { periodKey: string }) => r.periodKey === '2019-05')).toMatchObject({ fate: 'changed', reason: expect.stringMatching(/^was 40/) });
    const done = await bob('indicatorValue.importApply', { ...input, rows: again.value.rows, expect: { new: 1, changed: 2 }, basis: again.value.basis });
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
    expect((await ws.call('indicatorValue.list', { indicatorId: admissions.id })).map((v) => [v.period, v.value])).toEqual([['2019-04', 34], ['2019-05', 29], ['2019-06', 25]]);
    // Rows that are not the ones previewed are refused.
    const other = await bob('indicatorValue.importApply', { ...input, rows: [{ row: 2, indicator: 'HO-1', period: '2019-07', value: 3, status: null, note: null }], expect: null, basis: again.value.basis });
    expect(other.error?.code).toBe('import.notPreviewed');
  });
});
