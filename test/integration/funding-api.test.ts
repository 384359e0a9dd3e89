import { describe, expect, it } from 'vitest';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { enterVruSpend, VRU_EXPECTED, vruLines } from './funding-fixture';

async function demo(): Promise<TestWorkspace> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

async function streamOf(ws: TestWorkspace, reference: string) {
  return (await ws.call('fundingStream.list', {})).find((s) => s.reference === reference)!;
}

describe('funding streams and money as people type it', () => {
  it('understands £1.16m, 1,160,000, 1160000.00 and £35k', async () => {
    const ws = await tempWorkspace();
    const s = await ws.call('fundingStream.create', {
      reference: 'VRU-2020',
      name: 'VRU grant 2020/21',
      funder: 'Home Office',
      firstYear: '2020/21',
      lastYear: '2022/23',
      awardCap: '£35k',
      allocations: [
        { financialYear: '2020/21', amount: '£1.16m' },
        { financialYear: '2021/22', amount: '1,160,000' },
        { financialYear: '2022/23', amount: '1160000.00' },
      ],
    });
    expect(s.awardCapPence).toBe(3_500_000);
    expect(s.allocations.map((a) => a.amountPence)).toEqual([116_000_000, 116_000_000, 116_000_000]);
    expect(s.years).toEqual(['2020/21', '2021/22', '2022/23']);
    expect(s.headings).toContain('Commissioned services'); // the default list until it has budget lines
  });

  it('refuses text, a negative allocation, fractions of a penny and years outside the stream, naming the field', async () => {
    const ws = await tempWorkspace();
    const base = { reference: 'X', name: 'X fund', funder: 'Home Office', firstYear: '2019/20', lastYear: '2019/20' };
    const abc = await ws.fails('fundingStream.create', { ...base, allocations: [{ financialYear: '2019/20', amount: 'abc' }] });
    expect(abc).toMatchObject({ code: 'validation', field: 'allocations.0.amount' });
    expect(abc.message).toMatch(/Allocation: "abc" is not an amount of money/);
    const negative = await ws.fails('fundingStream.create', { ...base, allocations: [{ financialYear: '2019/20', amount: '-£5,000' }] });
    expect(negative).toMatchObject({ field: 'allocations.0.amount', message: 'Allocation cannot be negative (-£5,000 was entered)' });
    const fraction = await ws.fails('fundingStream.create', { ...base, allocations: [{ financialYear: '2019/20', amount: '100.005' }] });
    expect(fraction.message).toMatch(/more than two decimal places/);
    const outside = await ws.fails('fundingStream.create', { ...base, allocations: [{ financialYear: '2020/21', amount: '1' }] });
    expect(outside).toMatchObject({ code: 'stream.yearOutside', field: 'allocations.0.financialYear' });
    const backwards = await ws.fails('fundingStream.create', { ...base, firstYear: '2020/21', lastYear: '2019/20' });
    expect(backwards.field).toBe('lastYear');
    expect(await ws.call('fundingStream.list', {})).toEqual([]); // nothing half-written
  });

  it('changes only the fields an update names', async () => {
    const ws = await demo();
    const vrf = await streamOf(ws, 'VRF');
    const after = await ws.call('fundingStream.update', { id: vrf.id, name: 'Violence Reduction Fund (PCC)' });
    expect(after).toMatchObject({ name: 'Violence Reduction Fund (PCC)', claimFrequency: 'annual', notes: vrf.notes, awardCapPence: 3_500_000, allocations: vrf.allocations });
    const line = (await ws.call('budgetLine.list', { streamId: (await streamOf(ws, 'VRU-2019')).id, financialYear: '2019/20' }))[0]!;
    expect(await ws.call('budgetLine.update', { id: line.id, costCentre: 'VRU-CS' })).toEqual({ ...line, costCentre: 'VRU-CS', version: line.version + 1 });
    const award = (await ws.call('award.list', { streamId: vrf.id }))[0]!;
    const changed = await ws.call('award.update', { id: award.id, theme: 'Early intervention and prevention' });
    expect(changed.award).toEqual({ ...award, theme: 'Early intervention and prevention', updatedAt: changed.award.updatedAt, version: award.version + 1 });
  });

  it('keeps the heading list per stream and renames a heading everywhere', async () => {
    const ws = await demo();
    const vru = await streamOf(ws, 'VRU-2019');
    expect(vru.headings).toEqual(['Commissioned services', 'Community engagement', 'Professional development', 'Preventative measures', 'Media', 'Staff']);
    expect(await ws.call('fundingStream.renameHeading', { streamId: vru.id, from: 'Media', to: 'Communications' })).toEqual({ renamed: 1 });
    expect((await ws.call('fundingStream.get', { id: vru.id })).headings).toContain('Communications');
    const dup = await ws.fails('budgetLine.create', { streamId: vru.id, financialYear: '2019/20', heading: 'Staff', allocated: '1' });
    expect(dup.code).toBe('budgetLine.duplicate');
  });
});

describe('awards', () => {
  it("flags Kent Police's £36,814 against the Violence Reduction Fund's £35,000 cap", async () => {
    const ws = await demo();
    const vrf = await streamOf(ws, 'VRF');
    const p = await ws.call('funding.position', { streamId: vrf.id, financialYear: '2019/20' });
    const cap = p.warnings.filter((w) => w.code === 'award.overCap');
    expect(cap.map((w) => w.message)).toEqual(["The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20"]);
    expect(p.awards.map((a) => a.awardPence).reduce((s, n) => s + n, 0)).toBe(17_793_900); // 36,814 + 35,000 + 35,000 + 32,000 + 5,000 + 34,125
  });

  it('returns the cap and continuation warnings when an award is made, and records it anyway', async () => {
    const ws = await demo();
    const vrf = await streamOf(ws, 'VRF');
    const orgs = await ws.call('organisation.list', {});
    const stGiles = orgs.find((o) => o.name === 'St Giles Trust')!;
    const r = await ws.call('award.create', {
      streamId: vrf.id,
      organisationId: stGiles.id,
      project: 'County lines rescue and response',
      tier: 'tertiary',
      years: [
        { financialYear: '2019/20', amount: '£35,000.01' },
        { financialYear: '2020/21', amount: '£35k' },
      ],
    });
    expect(r.award.years).toEqual([
      { financialYear: '2019/20', amountPence: 3_500_001 },
      { financialYear: '2020/21', amountPence: 3_500_000 },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['award.overCap', 'award.continuationNeedsMonitoring']);
    const met = await ws.call('award.update', { id: r.award.id, monitoringMet: true, years: [{ financialYear: '2019/20', amount: '35000' }, { financialYear: '2020/21', amount: '35000' }] });
    expect(met.warnings).toEqual([]);
    const outside = await ws.fails('award.create', { streamId: vrf.id, organisationId: stGiles.id, project: 'Late', years: [{ financialYear: '2022/23', amount: '1' }] });
    expect(outside).toMatchObject({ code: 'stream.yearOutside', field: 'years.0.financialYear' });
  });
});

describe('spend grid', () => {
  it('saves a pasted block all or nothing and refuses a month outside the stream, naming the cell', async () => {
    const ws = await demo();
    const { stream, lineOf } = await vruLines(ws);
    const staff = `line:${lineOf('Staff').id}`;
    const bad = await ws.fails('spend.setCells', {
      streamId: stream.id,
      financialYear: '2019/20',
      cells: [
        { target: staff, month: '2019-10', kind: 'actual', amount: '£20,000' },
        { target: staff, month: '2020-04', kind: 'actual', amount: '1' },
        { target: staff, month: '2019-11', kind: 'actual', amount: 'abc' },
      ],
    });
    expect(bad.code).toBe('spend.invalid');
    expect(bad.field).toBe('cells.1.month');
    expect(bad.problems).toEqual([
      { path: 'cells.1.month', message: "Month 2020-04 (Staff) is outside the VRU grant (Serious Violence Fund)'s years (2019/20 to 2019/20)" },
      { path: 'cells.2.amount', message: 'Staff, 2019-11 actual: "abc" is not an amount of money; write it like £35,000 or 1160000.00' },
    ]);
    expect((await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' })).rows.every((r) => r.actual.every((v) => v === null))).toBe(true);

    const ok = await ws.call('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [{ target: staff, month: '2019-10', kind: 'actual', amount: '£20,000' }] });
    expect(ok).toMatchObject({ written: 1, deleted: 0, unchanged: 0 });
    const row = ok.grid.rows.find((r) => r.key === staff)!;
    expect(row.actual[6]).toBe(2_000_000); // October is month 7 of the financial year
    const again = await ws.call('spend.setCells', {
      streamId: stream.id,
      financialYear: '2019/20',
      cells: [
        { target: staff, month: '2019-10', kind: 'actual', amount: '20000.00' },
        { target: staff, month: '2019-11', kind: 'actual', amount: '' },
      ],
    });
    expect(again).toMatchObject({ written: 0, deleted: 0, unchanged: 2 });
  });
});

describe('the VRU grant position on the demo with a year of spend', () => {
  it('reconciles to the penny: lines, headings, cost types, quarters and a straight SQL sum agree', async () => {
    const ws = await demo();
    const stream = await enterVruSpend(ws);
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20', asOfQuarter: 4 });
    expect(p.totals.actualToDatePence).toBe(VRU_EXPECTED.yearActualPence);
    expect(p.totals.actualQuarterPence).toBe(VRU_EXPECTED.q4ActualPence);
    expect(p.totals.quarters.map((q) => q.actualPence)).toEqual([0, 0, VRU_EXPECTED.q3ActualPence, VRU_EXPECTED.q4ActualPence]);
    expect(p.totals.variancePence).toBe(VRU_EXPECTED.varianceAtYearEndPence);
    expect(p.underspendAtRiskPence).toBe(VRU_EXPECTED.varianceAtYearEndPence);
    expect(p.costTypes.find((c) => c.costType === 'capital')!.actualToDatePence).toBe(VRU_EXPECTED.capitalActualPence);
    const [sql] = await ws.query<{ n: number }>(`SELECT sum(s.amount_pence) AS n FROM spend s JOIN budget_line b ON b.id = s.budget_line_id WHERE b.stream_id = ? AND s.kind = 'actual'`, stream.id);
    expect(sql!.n).toBe(p.totals.actualToDatePence);
    for (const rows of [p.lines, p.headings, p.costTypes]) {
      expect(rows.reduce((s, r) => s + r.actualToDatePence, 0)).toBe(p.totals.actualToDatePence);
      expect(rows.reduce((s, r) => s + r.forecastYearEndPence, 0)).toBe(p.totals.forecastYearEndPence);
    }
    expect(p.warnings.map((w) => w.message)).toEqual([
      "On the current forecast £12,303.65 of the VRU grant (Serious Violence Fund)'s 2019/20 allocation of £1,160,000 will be unspent by 31 March 2020; it cannot be carried over",
    ]);
  });

  it('at Q3 uses the forecasts for January to March', async () => {
    const ws = await demo();
    const stream = await enterVruSpend(ws, 'Q3');
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20' });
    expect(p.asOfQuarter).toBe(3);
    expect(p.totals.actualToDatePence).toBe(VRU_EXPECTED.q3ActualPence);
    expect(p.totals.forecastRemainingPence).toBe(VRU_EXPECTED.q3ForecastRemainingPence);
    expect(p.totals.forecastYearEndPence).toBe(115_075_000);
    expect(p.underspendAtRiskPence).toBe(925_000);
  });

  it('overview of the year adds the streams together', async () => {
    const ws = await demo();
    await enterVruSpend(ws);
    const o = await ws.call('funding.overview', { financialYear: '2019/20' });
    expect(o.streams.map((s) => s.reference)).toEqual(['EIYF', 'SURGE', 'VRF', 'VRU-2019']);
    expect(o.totals.allocationPence).toBe(52_757_300 + 166_000_000 + 33_333_400 + 116_000_000);
    // The VRU grant's year and the EIYF's Q3 (the demo's claimed £187,000).
    expect(o.totals.actualToDatePence).toBe(VRU_EXPECTED.yearActualPence + 18_700_000);
  });
});

describe('virement', () => {
  it('shows the year end after moving money and saves it as a proposed decision with an audited reference', async () => {
    const ws = await demo();
    const stream = await enterVruSpend(ws, 'Q3');
    const { lineOf } = await vruLines(ws);
    const moves = [{ from: `line:${lineOf('Staff').id}`, to: `line:${lineOf('Media').id}`, amount: '£5,000' }];
    const preview = await ws.call('funding.virementPreview', { streamId: stream.id, financialYear: '2019/20', moves });
    const media = (p: typeof preview.before) => p.lines.find((l) => l.heading === 'Media')!;
    expect(media(preview.before).budgetPence).toBe(6_000_000);
    expect(media(preview.after).budgetPence).toBe(6_500_000);
    expect(preview.after.totals.variancePence).toBe(preview.before.totals.variancePence);
    expect(preview.totalMovedPence).toBe(500_000);

    const boardId = (await ws.query<{ id: number }>(`SELECT id FROM board WHERE code = 'SB'`))[0]!.id;
    const saved = await ws.call('funding.virementPropose', { streamId: stream.id, financialYear: '2019/20', moves, boardId });
    expect(saved.reference).toBe('SB-D-2020-003'); // the demo holds SB-D-2020-001 and -002
    const [row] = await ws.query('SELECT * FROM decision WHERE id = ?', saved.decisionId);
    expect(row).toMatchObject({ type: 'approve', status: 'proposed', financial_amount_pence: 500_000, funding_stream_id: stream.id, board_id: boardId });
    expect(row!.text).toMatch(/move £5,000 from Staff to Media/);
    const audit = await ws.call('audit.list', { entity: 'decision', entityId: saved.decisionId });
    expect(audit[0]).toMatchObject({ action: 'create', operation: 'funding.virementPropose' });
    // The budget itself is unchanged until the board decides.
    expect(media(await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20' })).budgetPence).toBe(6_000_000);

    const tooMuch = await ws.fails('funding.virementPreview', { streamId: stream.id, financialYear: '2019/20', moves: [{ ...moves[0]!, amount: '£1m' }] });
    expect(tooMuch).toMatchObject({ code: 'virement.invalid', field: 'moves.0.amount' });
  });
});

describe('claims', () => {
  it('records a quarter once, with its actual spend, and moves draft → submitted → paid', async () => {
    const ws = await demo();
    const stream = await enterVruSpend(ws);
    const claim = await ws.call('claim.create', { streamId: stream.id, financialYear: '2019/20', period: 'Q4', preparedBy: 'Lucy Hammond' });
    expect(claim).toMatchObject({ status: 'draft', amountPence: VRU_EXPECTED.q4ActualPence });
    const twice = await ws.fails('claim.create', { streamId: stream.id, financialYear: '2019/20', period: 'Q4' });
    expect(twice).toMatchObject({ code: 'claim.duplicate', field: 'period' });
    expect(twice.message).toMatch(/already exists \(draft/);
    const monthly = await ws.fails('claim.create', { streamId: stream.id, financialYear: '2019/20', period: 'M01' });
    expect(monthly.code).toBe('claim.period');
    const submitted = await ws.call('claim.setStatus', { id: claim.id, status: 'submitted', on: '2020-04-20' });
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: '2020-04-20' });
    expect((await ws.fails('claim.setStatus', { id: claim.id, status: 'draft' })).code).toBe('claim.status');
    expect((await ws.call('claim.setStatus', { id: claim.id, status: 'paid', on: '2020-05-15' })).paidOn).toBe('2020-05-15');
  });
});
