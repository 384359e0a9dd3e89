import { describe, expect, it } from 'vitest';
import {
  awardCapWarnings,
  continuationWarnings,
  deadlineMonth,
  outsidePeriodWarnings,
  overAllocationWarnings,
  shareWarnings,
  underspendAtRisk,
  type StreamRules,
} from '../../main/funding/rules';

const vrf: StreamRules = {
  name: 'Violence Reduction Fund',
  spendBy: null,
  awardCapPence: 3_500_000,
  carryOverAllowed: false,
  evaluationPercent: null,
  minInterventionPercent: null,
  matchFundingPercent: null,
};

const miniCadets = {
  id: 1,
  organisationName: 'Kent Police',
  project: 'Mini Cadets scheme',
  monitoringMet: null,
  startsOn: '2019-07-01',
  endsOn: null,
  years: [
    { financialYear: '2019/20', amountPence: 3_681_400 },
    { financialYear: '2020/21', amountPence: 3_500_000 },
  ],
};

describe('award cap', () => {
  it("flags Kent Police's £36,814 against the Violence Reduction Fund's £35,000 cap, in the seed's words", () => {
    expect(awardCapWarnings(vrf, miniCadets)).toEqual([
      {
        code: 'award.overCap',
        message: "The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20",
        field: 'amount',
        subject: 'award:1',
      },
    ]);
  });

  it('an award exactly at the cap is within it, and a stream without a cap never warns', () => {
    expect(awardCapWarnings(vrf, { ...miniCadets, years: [{ financialYear: '2019/20', amountPence: 3_500_000 }] })).toEqual([]);
    expect(awardCapWarnings({ ...vrf, awardCapPence: null }, miniCadets)).toEqual([]);
  });
});

describe('continued awards depend on monitoring (a warning, not a refusal)', () => {
  it('warns when a later year continues an award whose monitoring is not recorded as met', () => {
    const w = continuationWarnings(miniCadets);
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe(
      "Kent Police's award for 2020/21 (Mini Cadets scheme) continues its 2019/20 award, but its monitoring has not been recorded as met; confirm monitoring before it is paid",
    );
  });

  it('says so more firmly when monitoring was not met', () => {
    expect(continuationWarnings({ ...miniCadets, monitoringMet: false })[0]!.message).toMatch(/recorded as not met; it should not continue unless the board decides otherwise$/);
  });

  it('is quiet when monitoring is met, or for a first year', () => {
    expect(continuationWarnings({ ...miniCadets, monitoringMet: true })).toEqual([]);
    expect(continuationWarnings({ ...miniCadets, years: [miniCadets.years[0]!] })).toEqual([]);
    expect(continuationWarnings(miniCadets, '2019/20')).toEqual([]);
  });
});

describe('awards over the allocation', () => {
  it('names what is over and by how much', () => {
    // Nine awards of £35k would be £315,000 against £333,334 — fine; ten are not.
    expect(overAllocationWarnings(vrf, '2019/20', 33_333_400, 0, 31_500_000)).toEqual([]);
    expect(overAllocationWarnings(vrf, '2019/20', 33_333_400, 0, 35_000_000)[0]!.message).toBe(
      "The Violence Reduction Fund's 2019/20 budget of £350,000.00 is £16,666.00 above the allocation of £333,334.00",
    );
    expect(overAllocationWarnings(vrf, '2019/20', 100, 60, 50)[0]!.message).toMatch(/2019\/20 budget of £1.10 is £0.10 above the allocation of £1.00$/);
  });
});

describe('the spend-by date', () => {
  it('is March unless the spend-by date falls earlier in the year', () => {
    expect(deadlineMonth({ spendBy: '2020-03-31' }, '2019/20')).toBe('2020-03');
    expect(deadlineMonth({ spendBy: null }, '2019/20')).toBe('2020-03');
    expect(deadlineMonth({ spendBy: '2019-12-31' }, '2019/20')).toBe('2019-12');
    expect(deadlineMonth({ spendBy: '2022-03-31' }, '2019/20')).toBe('2020-03');
  });

  it('counts only spend up to the deadline towards the allocation', () => {
    const byMonth = new Map([
      ['2019-11', 4000],
      ['2020-01', 5000],
    ]);
    expect(underspendAtRisk({ spendBy: '2019-12-31', carryOverAllowed: false }, '2019/20', 10_000, byMonth)).toBe(6000);
    expect(underspendAtRisk({ spendBy: null, carryOverAllowed: false }, '2019/20', 10_000, byMonth)).toBe(1000);
    // Overspend is not "at risk".
    expect(underspendAtRisk({ spendBy: null, carryOverAllowed: false }, '2019/20', 8000, byMonth)).toBe(0);
    // Carry-over allowed, and the stream runs on: nothing is lost this year.
    expect(underspendAtRisk({ spendBy: '2022-03-31', carryOverAllowed: true }, '2019/20', 10_000, byMonth)).toBe(0);
    // …but in the final year it is.
    expect(underspendAtRisk({ spendBy: '2020-03-31', carryOverAllowed: true }, '2019/20', 10_000, byMonth)).toBe(1000);
  });

  it('flags spend dated after the spend-by date', () => {
    const w = outsidePeriodWarnings({ ...vrf, spendBy: '2019-12-31' }, '2019/20', [
      { key: 'line:1', label: 'Staff', month: '2020-01', kind: 'forecast', amountPence: 5000 },
      { key: 'line:1', label: 'Staff', month: '2020-02', kind: 'forecast', amountPence: 2500 },
      { key: 'line:1', label: 'Staff', month: '2019-12', kind: 'actual', amountPence: 9999 },
    ]);
    expect(w.map((x) => x.message)).toEqual(['£75 of spend on Staff is dated after the spend-by date of 31 December 2019 (2020-01, 2020-02)']);
  });
});

describe('shares of the allocation the conditions ask for', () => {
  const stream = { ...vrf, name: 'VRU grant', evaluationPercent: 10, minInterventionPercent: 50 };
  const isIntervention = (h: string) => h === 'Commissioned services';

  it('warns when evaluation or intervention budgets fall short', () => {
    const w = shareWarnings(
      stream,
      '2019/20',
      100_000,
      [
        { heading: 'Staff', pence: 50_000, isAward: false },
        { heading: 'Commissioned services', pence: 45_000, isAward: false },
        { heading: 'Evaluation', pence: 5_000, isAward: false },
      ],
      isIntervention,
    );
    expect(w.map((x) => x.message)).toEqual([
      "The VRU grant's 2019/20 budget keeps £50 for evaluation, less than the 10% (£100) its conditions ask for",
      "The VRU grant's 2019/20 budget puts £450 into interventions, less than the minimum 50% (£500) its conditions ask for",
    ]);
  });

  it('counts awards as interventions and is quiet when the shares are met', () => {
    const w = shareWarnings(
      stream,
      '2019/20',
      100_000,
      [
        { heading: 'Funded projects', pence: 40_000, isAward: true },
        { heading: 'Commissioned services', pence: 10_000, isAward: false },
        { heading: 'Evaluation', pence: 10_000, isAward: false },
      ],
      isIntervention,
    );
    expect(w).toEqual([]);
  });
});
