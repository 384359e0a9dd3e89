import { describe, expect, it } from 'vitest';
import { amberLimit, ragStatus } from '../../main/performance/rag';
import { resolveTarget } from '../../main/performance/target';

// Worked by hand: amber limit = target ± |target| × tolerance ÷ 100, the boundary is amber.
describe('RAG against an absolute target, lower is better (target 420, tolerance 5%: amber up to 441)', () => {
  const rag = (value: number) => ragStatus({ value, target: 420, polarity: 'lower_is_better', tolerancePercent: 5, unit: 'count' });

  it('is green on or below the target, with the rule written out', () => {
    expect(rag(412)).toEqual({ status: 'green', rule: 'Green: 412 is at or below the target of 420 (lower is better)', amberLimit: 441 });
    expect(rag(420).status).toBe('green');
  });

  it('is amber above the target but within the tolerance, the boundary included', () => {
    expect(rag(430).rule).toBe('Amber: 430 is above the target of 420 but within the 5% tolerance, up to 441 (lower is better)');
    expect(rag(441).status).toBe('amber');
  });

  it('is red beyond the tolerance', () => {
    expect(rag(442)).toEqual({
      status: 'red',
      rule: 'Red: 442 is above the target of 420 by more than the 5% tolerance, beyond 441 (lower is better)',
      amberLimit: 441,
    });
  });
});

describe('RAG against an absolute target, higher is better (60%, tolerance 5%: amber down to 57%)', () => {
  const rag = (value: number) => ragStatus({ value, target: 60, polarity: 'higher_is_better', tolerancePercent: 5, unit: 'percentage' });

  it('is green on or above the target', () => {
    expect(rag(62).rule).toBe('Green: 62% is at or above the target of 60% (higher is better)');
    expect(rag(60).status).toBe('green');
  });

  it('is amber below the target within the tolerance, red beyond', () => {
    expect(rag(57).rule).toBe('Amber: 57% is below the target of 60% but within the 5% tolerance, down to 57% (higher is better)');
    expect(rag(56.9).rule).toBe('Red: 56.9% is below the target of 60% by more than the 5% tolerance, below 57% (higher is better)');
  });
});

describe('RAG against a % change on the baseline', () => {
  it('a 10% reduction on a 2018/19 baseline of 420 is a target of 378 (amber up to 396.9)', () => {
    const target = resolveTarget({ unit: 'count', baselinePeriod: '2018/19', baselineValue: 420, targetKind: 'percent_change', targetValue: -10, targetBy: '2021-03-31' })!;
    expect(target.value).toBe(378);
    expect(target.text).toBe('378 by 31 March 2021 (10% below the 2018/19 baseline of 420)');
    const rag = (value: number) => ragStatus({ value, target: target.value, polarity: 'lower_is_better', tolerancePercent: 5, unit: 'count' }).status;
    expect(amberLimit(378, 'lower_is_better', 5)).toBe(396.9);
    expect([rag(378), rag(380), rag(396.9), rag(397)]).toEqual(['green', 'amber', 'amber', 'red']);
  });

  it('a 20% increase on a baseline of 50 referrals is a target of 60 (tolerance 10%: amber down to 54)', () => {
    const target = resolveTarget({ unit: 'count', baselinePeriod: '2019-04', baselineValue: 50, targetKind: 'percent_change', targetValue: 20, targetBy: null })!;
    expect(target).toEqual({ value: 60, by: null, text: '60 (20% above the April 2019 baseline of 50)' });
    const rag = (value: number) => ragStatus({ value, target: 60, polarity: 'higher_is_better', tolerancePercent: 10, unit: 'count' }).status;
    expect([rag(61), rag(60), rag(55), rag(54), rag(53)]).toEqual(['green', 'green', 'amber', 'amber', 'red']);
  });

  it('a count target is a whole number: 5% fewer than 2,978 knife crimes is 2,829, not 2,829.1; a rate keeps its decimals', () => {
    const count = resolveTarget({ unit: 'count', baselinePeriod: '2018/19', baselineValue: 2978, targetKind: 'percent_change', targetValue: -5, targetBy: null })!;
    expect(count).toEqual({ value: 2829, by: null, text: '2,829 (5% below the 2018/19 baseline of 2,978)' });
    expect(resolveTarget({ unit: 'count', baselinePeriod: '2018/19', baselineValue: 112, targetKind: 'percent_change', targetValue: -2.5, targetBy: null })!.value).toBe(109);
    const rate = resolveTarget({ unit: 'rate_per_100k', baselinePeriod: '2018/19', baselineValue: 14.2, targetKind: 'percent_change', targetValue: -5, targetBy: null })!;
    expect(rate.value).toBe(13.49);
    expect(rate.text).toBe('13.49 per 100,000 (5% below the 2018/19 baseline of 14.2 per 100,000)');
  });

  it('an absolute target is shown in the unit with its date', () => {
    expect(resolveTarget({ unit: 'rate_per_100k', baselinePeriod: '2018/19', baselineValue: 14.2, targetKind: 'absolute', targetValue: 12.5, targetBy: '2021-03-31' })!.text).toBe(
      '12.5 per 100,000 by 31 March 2021',
    );
    expect(resolveTarget({ unit: 'count', baselinePeriod: null, baselineValue: null, targetKind: null, targetValue: null, targetBy: null })).toBeNull();
  });

  it('a zero tolerance leaves no amber', () => {
    const r = ragStatus({ value: 421, target: 420, polarity: 'lower_is_better', tolerancePercent: 0, unit: 'count' });
    expect(r.status).toBe('red');
  });
});
