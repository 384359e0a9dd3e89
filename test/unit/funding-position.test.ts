import { describe, expect, it } from 'vitest';
import { computePosition, defaultAsOfQuarter, type PositionInput } from '../../main/funding/position';
import { applyVirement } from '../../main/funding/virement';

// A small grant worked by hand. Allocation £1,000; budget lines Staff £600 (revenue) and
// Equipment £300 (capital); one award of £100 to Kent Police. Money in pence throughout.
const gbp = (pounds: number) => Math.round(pounds * 100);

function grant(overrides: Partial<PositionInput> = {}): PositionInput {
  return {
    stream: {
      id: 1,
      reference: 'TEST',
      name: 'Test grant',
      funder: 'Home Office',
      agreementReference: 'HO/TEST/1',
      spendBy: '2020-03-31',
      awardCapPence: gbp(90),
      carryOverAllowed: false,
      evaluationPercent: null,
      minInterventionPercent: null,
      matchFundingPercent: null,
    },
    financialYear: '2019/20',
    allocationPence: gbp(1000),
    lines: [
      { id: 1, heading: 'Staff', costType: 'revenue', costCentre: 'VRU01', allocatedPence: gbp(600) },
      { id: 2, heading: 'Equipment', costType: 'capital', costCentre: 'VRU02', allocatedPence: gbp(300) },
    ],
    awards: [
      {
        id: 7,
        organisationName: 'Kent Police',
        project: 'Mini Cadets',
        monitoringMet: null,
        startsOn: '2019-07-01',
        endsOn: '2020-02-29',
        tier: 'primary',
        theme: '',
        years: [{ financialYear: '2019/20', amountPence: gbp(100) }],
      },
    ],
    spend: [
      // Staff: actual £50 a month in Q1, £60 in July; forecasts for later months.
      { budgetLineId: 1, awardId: null, month: '2019-04', kind: 'actual', amountPence: gbp(50) },
      { budgetLineId: 1, awardId: null, month: '2019-05', kind: 'actual', amountPence: gbp(50) },
      { budgetLineId: 1, awardId: null, month: '2019-06', kind: 'actual', amountPence: gbp(50) },
      { budgetLineId: 1, awardId: null, month: '2019-07', kind: 'actual', amountPence: gbp(60) },
      { budgetLineId: 1, awardId: null, month: '2019-07', kind: 'forecast', amountPence: gbp(55) }, // superseded by the actual
      { budgetLineId: 1, awardId: null, month: '2019-10', kind: 'forecast', amountPence: gbp(100) },
      { budgetLineId: 1, awardId: null, month: '2020-01', kind: 'forecast', amountPence: gbp(100) },
      { budgetLineId: 1, awardId: null, month: '2020-03', kind: 'forecast', amountPence: gbp(40) },
      // Equipment: £120.50 actual in September, £100 forecast in February.
      { budgetLineId: 2, awardId: null, month: '2019-09', kind: 'actual', amountPence: gbp(120.5) },
      { budgetLineId: 2, awardId: null, month: '2020-02', kind: 'forecast', amountPence: gbp(100) },
      // The award: £25 paid in August, £75 forecast in December.
      { budgetLineId: null, awardId: 7, month: '2019-08', kind: 'actual', amountPence: gbp(25) },
      { budgetLineId: null, awardId: 7, month: '2019-12', kind: 'forecast', amountPence: gbp(75) },
    ],
    asOfQuarter: 2,
    ...overrides,
  };
}

describe('the position of a stream in a year, worked by hand', () => {
  const p = computePosition(grant());
  const line = (key: string) => p.lines.find((l) => l.key === key)!;

  it('counts actuals to the end of the quarter and forecasts after it, per line', () => {
    expect(p.cutOffMonth).toBe('2019-09');
    const staff = line('line:1');
    expect(staff.actualToDatePence).toBe(gbp(210)); // 50 + 50 + 50 + 60
    expect(staff.actualQuarterPence).toBe(gbp(60)); // July only in Q2
    expect(staff.forecastRemainingPence).toBe(gbp(240)); // 100 + 100 + 40 (July's forecast is past)
    expect(staff.forecastYearEndPence).toBe(gbp(450));
    expect(staff.variancePence).toBe(gbp(150)); // 600 − 450: an underspend
    expect(staff.quarters.map((q) => q.outturnPence)).toEqual([gbp(150), gbp(60), gbp(100), gbp(140)]);

    const equipment = line('line:2');
    expect([equipment.actualToDatePence, equipment.forecastYearEndPence, equipment.variancePence]).toEqual([gbp(120.5), gbp(220.5), gbp(79.5)]);

    const award = line('award:7');
    expect([award.actualQuarterPence, award.forecastYearEndPence, award.variancePence]).toEqual([gbp(25), gbp(100), 0]);
    expect(award.heading).toBe('Funded projects');
  });

  it('adds up to totals that reconcile every way', () => {
    const t = p.totals;
    expect(t.budgetPence).toBe(gbp(1000));
    expect(t.actualQuarterPence).toBe(gbp(205.5)); // 60 + 120.50 + 25
    expect(t.actualToDatePence).toBe(gbp(355.5));
    expect(t.forecastRemainingPence).toBe(gbp(415));
    expect(t.forecastYearEndPence).toBe(gbp(770.5));
    expect(t.variancePence).toBe(gbp(229.5));
    expect(t.quarters.map((q) => q.outturnPence)).toEqual([gbp(150), gbp(205.5), gbp(175), gbp(240)]);
    expect(t.quarters.reduce((s, q) => s + q.outturnPence, 0)).toBe(t.forecastYearEndPence);
    const sum = (k: 'budgetPence' | 'forecastYearEndPence' | 'variancePence', rows: { budgetPence: number; forecastYearEndPence: number; variancePence: number }[]) => rows.reduce((s, r) => s + r[k], 0);
    for (const k of ['budgetPence', 'forecastYearEndPence', 'variancePence'] as const) {
      expect(sum(k, p.lines), k).toBe(t[k]);
      expect(sum(k, p.headings), k).toBe(t[k]);
      expect(sum(k, p.costTypes), k).toBe(t[k]);
    }
  });

  it('splits revenue and capital', () => {
    const [revenue, capital] = p.costTypes;
    expect([revenue!.costType, revenue!.budgetPence, revenue!.forecastYearEndPence]).toEqual(['revenue', gbp(700), gbp(550)]);
    expect([capital!.costType, capital!.budgetPence, capital!.forecastYearEndPence]).toEqual(['capital', gbp(300), gbp(220.5)]);
  });

  it('shows award against paid per project', () => {
    expect(p.awards).toEqual([
      expect.objectContaining({ awardId: 7, organisationName: 'Kent Police', awardPence: gbp(100), paidPence: gbp(25), remainingPence: gbp(75) }),
    ]);
  });

  it('puts the underspend at risk at the spend-by date and warns about it and the cap', () => {
    expect(p.underspendAtRiskPence).toBe(gbp(229.5));
    expect(p.warnings.map((w) => w.message)).toEqual([
      "The award of £100 to Kent Police is above the Test grant's £90 cap for 2019/20",
      "On the current forecast £229.50 of the Test grant's 2019/20 allocation of £1,000 will be unspent by 31 March 2020; it cannot be carried over",
    ]);
  });

  it('with nothing actual yet, the whole year is forecast', () => {
    const q0 = computePosition(grant({ asOfQuarter: 0 }));
    expect(q0.cutOffMonth).toBe('');
    expect(q0.totals.actualToDatePence).toBe(0);
    // Forecasts only: 55 + 100 + 100 + 40 + 100 + 75
    expect(q0.totals.forecastYearEndPence).toBe(gbp(470));
  });

  it('takes the latest quarter with an actual as the default cut-off', () => {
    expect(defaultAsOfQuarter('2019/20', grant().spend)).toBe(2);
    expect(defaultAsOfQuarter('2019/20', [])).toBe(0);
  });

  it('flags spend outside the project dates', () => {
    const input = grant();
    input.spend.push({ budgetLineId: null, awardId: 7, month: '2020-03', kind: 'forecast', amountPence: gbp(10) });
    const w = computePosition(input).warnings.find((x) => x.code === 'spend.outsideAwardPeriod');
    expect(w?.message).toBe("£10 of spend on Kent Police: Mini Cadets is dated outside the project's start and end dates (2020-03)");
  });
});

describe('a virement, worked by hand', () => {
  it('moves budget between lines and shows the year end after it', () => {
    const before = grant();
    const after = applyVirement(before, [{ from: 'line:1', to: 'line:2', amountPence: gbp(100) }]);
    const p = computePosition(after);
    const staff = p.lines.find((l) => l.key === 'line:1')!;
    const equipment = p.lines.find((l) => l.key === 'line:2')!;
    expect([staff.budgetPence, staff.variancePence]).toEqual([gbp(500), gbp(50)]);
    expect([equipment.budgetPence, equipment.variancePence]).toEqual([gbp(400), gbp(179.5)]);
    expect(p.totals.budgetPence).toBe(gbp(1000)); // a virement never changes the total
    expect(before.lines[0]!.allocatedPence).toBe(gbp(600)); // the input is untouched
  });

  it('can move money onto an award, which raises the cap warning', () => {
    const p = computePosition(applyVirement(grant(), [{ from: 'line:2', to: 'award:7', amountPence: gbp(20) }]));
    expect(p.awards[0]!.awardPence).toBe(gbp(120));
    expect(p.warnings[0]!.message).toBe("The award of £120 to Kent Police is above the Test grant's £90 cap for 2019/20");
  });

  it('refuses to move more than a line holds, naming the move', () => {
    expect(() => applyVirement(grant(), [{ from: 'line:2', to: 'line:1', amountPence: gbp(300.01) }])).toThrow(/Only £300 is budgeted on Equipment; £300.01 cannot be moved/);
    try {
      applyVirement(grant(), [{ from: 'line:9', to: 'line:1', amountPence: 1 }]);
    } catch (err) {
      expect((err as { field: string }).field).toBe('moves.0.from');
    }
  });
});
