import { describe, expect, it } from 'vitest';
import { underspendAtRisk, unspentWarnings, type StreamRules } from '../../main/funding/rules';

const surge: StreamRules = {
  name: 'Surge fund', spendBy: '2020-01-31', awardCapPence: null, carryOverAllowed: false,
  evaluationPercent: null, minInterventionPercent: null, matchFundingPercent: null,
};

describe('the unspent-allocation warning', () => {
  it('does not say "no spend is recorded" when the only spend is dated after the spend-by date', () => {
    // £500 spent in March 2020 on a £100,000 grant to be spent by 31 January 2020: none of it counts.
    const atRisk = underspendAtRisk(surge, '2019/20', 10_000_000, new Map([['2020-03', 50_000]]));
    expect(atRisk).toBe(10_000_000);
    expect(unspentWarnings(surge, '2019/20', 10_000_000, atRisk)).toEqual([
      {
        code: 'forecast.noneRecorded',
        message: "No spend or forecast is recorded up to 31 January 2020, the date by which the Surge fund's 2019/20 allocation of £100,000 is to be spent; it cannot be carried over",
        subject: 'stream',
      },
    ]);
  });

  it('gives the amount left unspent once some spend counts', () => {
    const atRisk = underspendAtRisk(surge, '2019/20', 10_000_000, new Map([['2019-12', 2_500_000], ['2020-03', 50_000]]));
    expect(atRisk).toBe(7_500_000);
    expect(unspentWarnings(surge, '2019/20', 10_000_000, atRisk)[0]!.message).toBe(
      "On the current forecast £75,000 of the Surge fund's 2019/20 allocation of £100,000 will be unspent by 31 January 2020; it cannot be carried over",
    );
  });
});
