import { describe, expect, it } from 'vitest';
import { periodsOfYears } from '../../main/performance/periods';
import { indicatorStatus, type IndicatorRules } from '../../main/performance/status';

// A monthly count judged on its rolling 12-month total against a 2018/19 baseline of 420,
// target 10% lower (378), tolerance 5% (amber up to 396.9). 2018/19: 35 a month (420);
// 2019/20: 33 a month (396).
const admissions: IndicatorRules = {
  unit: 'count', polarity: 'lower_is_better', frequency: 'monthly', baselinePeriod: '2018/19', baselineValue: 420,
  targetKind: 'percent_change', targetValue: -10, targetBy: '2021-03-31', tolerancePercent: 5,
};
const [y1, y2] = [periodsOfYears('monthly', '2018/19', '2018/19'), periodsOfYears('monthly', '2019/20', '2019/20')];
const values = new Map<string, number>([...y1.map((p) => [p, 35] as const), ...y2.map((p) => [p, 33] as const)]);

describe('an indicator judged on its rolling 12-month total', () => {
  it('as at 31 March 2020: 396 against 378 is amber, down 24 on the year before and on the baseline', () => {
    const s = indicatorStatus(admissions, values, '2020-03-31');
    expect(s.basis).toBe('rolling_year');
    expect(s.latest).toEqual({ period: '2020-03', value: 33 });
    expect(s.measured).toEqual({ value: 396, label: 'Rolling 12-month total, April 2019 to March 2020' });
    expect(s.rag.rule).toBe('Amber: 396 is above the target of 378 but within the 5% tolerance, up to 396.9 (lower is better)');
    expect(s.trendYear!.text).toBe('Down 24 (5.7%) on the 12 months to March 2019 (420): improving'); // 24 ÷ 420 = 5.71 %
    expect(s.trendBaseline!.text).toBe('Down 24 (5.7%) on the 2018/19 baseline (420): improving');
    expect(s.exception).toBe(false);
  });

  it('as at 29 February 2020 the window is March 2019 to February 2020: 35 + 11 × 33 = 398, red', () => {
    const s = indicatorStatus(admissions, values, '2020-02-29');
    expect(s.measured!.value).toBe(398);
    expect(s.rag.status).toBe('red');
    expect(s.exception).toBe(true);
    expect(s.exceptionReasons[0]).toMatch(/^Red: 398 is above the target of 378/);
  });

  it('is not rated while a month of the window is missing, and says which', () => {
    const gap = new Map(values);
    gap.delete('2019-06');
    const s = indicatorStatus(admissions, gap, '2020-03-31');
    expect(s.rag.status).toBe('not_rated');
    expect(s.rag.rule).toBe('Not rated: the rolling 12-month total for April 2019 to March 2020 needs a value for every month; 1 is missing (June 2019)');
  });
});

describe('an indicator judged on its latest value', () => {
  const referrals: IndicatorRules = {
    unit: 'percentage', polarity: 'higher_is_better', frequency: 'quarterly', baselinePeriod: '2018/19 Q4', baselineValue: 50,
    targetKind: 'absolute', targetValue: 60, targetBy: '2021-03-31', tolerancePercent: 5,
  };
  const q = new Map([['2018/19 Q4', 50], ['2019/20 Q3', 61], ['2019/20 Q4', 48]]);

  it('compares with the same quarter last year and flags the fall as an exception', () => {
    const s = indicatorStatus(referrals, q, '2020-03-31');
    expect(s.basis).toBe('period');
    expect(s.measured).toEqual({ value: 48, label: '2019/20 Q4' });
    expect(s.rag.rule).toBe('Red: 48% is below the target of 60% by more than the 5% tolerance, below 57% (higher is better)');
    expect(s.trendYear!.text).toBe('Down 2 percentage points on 2018/19 Q4 (50%): worsening');
    expect(s.exceptionReasons).toEqual([s.rag.rule, 'Worsening: Down 2 percentage points on 2018/19 Q4 (50%)']);
  });

  it('ignores periods that end after the as-at date', () => {
    const s = indicatorStatus(referrals, q, '2020-03-30');
    expect(s.latest).toEqual({ period: '2019/20 Q3', value: 61 });
    expect(s.rag.status).toBe('green');
    expect(s.trendYear).toBeNull(); // no value for 2018/19 Q3
  });

  it('is not rated without a value or a target', () => {
    expect(indicatorStatus(referrals, new Map(), '2020-03-31').rag.rule).toBe('Not rated: no value has been recorded for a period ending by the as-at date');
    const noTarget = { ...referrals, targetKind: null, targetValue: null, targetBy: null };
    expect(indicatorStatus(noTarget, q, '2020-03-31').rag.rule).toBe('Not rated: no target is set (latest 48%)');
  });
});
