import { describe, expect, it } from 'vitest';
import { compareValues, rollingYearTotal } from '../../main/performance/trend';

describe('trend against the same period last year', () => {
  it('reads a fall as improving when lower is better: 412 against 420 is down 8, 1.9%', () => {
    const t = compareValues({ to: 412, from: 420, fromLabel: 'March 2019', against: 'last_year', polarity: 'lower_is_better', unit: 'count' });
    expect(t).toMatchObject({ change: -8, direction: 'down', judgement: 'improving' });
    expect(t.changePercent).toBeCloseTo(-1.904762, 5); // −8 ÷ 420 × 100
    expect(t.text).toBe('Down 8 (1.9%) on March 2019 (420): improving');
  });

  it('reads the same fall as worsening when higher is better', () => {
    const t = compareValues({ to: 412, from: 420, fromLabel: 'March 2019', against: 'last_year', polarity: 'higher_is_better', unit: 'count' });
    expect(t.judgement).toBe('worsening');
    expect(t.text).toBe('Down 8 (1.9%) on March 2019 (420): worsening');
  });

  it('measures a percentage in percentage points, not a % of a %', () => {
    const t = compareValues({ to: 58, from: 55, fromLabel: '2018/19 Q4', against: 'last_year', polarity: 'higher_is_better', unit: 'percentage' });
    expect(t.changePercent).toBeNull();
    expect(t.text).toBe('Up 3 percentage points on 2018/19 Q4 (55%): improving');
  });

  it('says no change when level, and gives no % against zero', () => {
    expect(compareValues({ to: 4, from: 4, fromLabel: '2018/19', against: 'last_year', polarity: 'lower_is_better', unit: 'count' }).text).toBe('No change on 2018/19 (4)');
    const fromZero = compareValues({ to: 2, from: 0, fromLabel: 'the 2018/19 baseline', against: 'baseline', polarity: 'lower_is_better', unit: 'count' });
    expect(fromZero.text).toBe('Up 2 on the 2018/19 baseline (0): worsening');
  });
});

describe('rolling 12-month totals', () => {
  // April 2019 … March 2020 hold 30, 31, … 41: (30 + 41) × 12 ÷ 2 = 426.
  const year = new Map(Array.from({ length: 12 }, (_, i) => [['2019-04', '2019-05', '2019-06', '2019-07', '2019-08', '2019-09', '2019-10', '2019-11', '2019-12', '2020-01', '2020-02', '2020-03'][i]!, 30 + i]));

  it('adds the twelve months ending with the period', () => {
    expect(rollingYearTotal(year, '2020-03')).toEqual({ total: 426, missing: [], first: '2019-04', last: '2020-03' });
  });

  it('has no total while a month is missing (a gap is not a zero)', () => {
    const r = rollingYearTotal(year, '2020-04');
    expect(r.total).toBeNull();
    expect(r.missing).toEqual(['2020-04']);
    const gap = new Map(year);
    gap.delete('2019-06');
    expect(rollingYearTotal(gap, '2020-03').missing).toEqual(['2019-06']);
  });

  it('adds four quarters for a quarterly count', () => {
    const q = new Map([['2019/20 Q1', 10], ['2019/20 Q2', 12], ['2019/20 Q3', 9], ['2019/20 Q4', 11], ['2020/21 Q1', 7]]);
    expect(rollingYearTotal(q, '2019/20 Q4').total).toBe(42);
    expect(rollingYearTotal(q, '2020/21 Q1').total).toBe(39); // 12 + 9 + 11 + 7
  });
});
