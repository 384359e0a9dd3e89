import { frequencyOfPeriod, lastPeriodEndingBy, periodLabel, samePeriodLastYear, shiftPeriod, periodsPerYear, type Frequency } from './periods';
import { notRated, ragStatus, type RagResult } from './rag';
import { resolveTarget, type ResolvedTarget, type TargetKind } from './target';
import { compareValues, rollingYearTotal, type Trend } from './trend';
import { formatValue, type Polarity, type Unit } from './units';

/**
 * One indicator's standing at a date: what is measured, against which target, its RAG with
 * the rule, and its trends. Everything the scorecard, the exceptions, the detail view and the
 * exports show comes from here; nothing is worked out in the UI.
 */
export interface IndicatorRules {
  unit: Unit;
  polarity: Polarity;
  frequency: Frequency;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetKind: TargetKind | null;
  targetValue: number | null;
  targetBy: string | null;
  /** From the indicator's framework theme. */
  tolerancePercent: number;
}

/**
 * 'period': the latest value is judged. 'rolling_year': a monthly or quarterly count whose
 * baseline is a whole financial year (e.g. 420 admissions in 2018/19) is judged by its
 * rolling 12-month total, because one month cannot be compared with a year.
 */
export type Basis = 'period' | 'rolling_year';

export function basisOf(rules: Pick<IndicatorRules, 'unit' | 'frequency' | 'baselinePeriod'>): Basis {
  return rules.frequency !== 'annual' && rules.unit === 'count' && rules.baselinePeriod !== null && frequencyOfPeriod(rules.baselinePeriod) === 'annual'
    ? 'rolling_year'
    : 'period';
}

export interface Measured {
  value: number;
  /** "March 2020" or "Rolling 12-month total, April 2019 to March 2020" */
  label: string;
}

export interface IndicatorStatus {
  asAt: string;
  basis: Basis;
  latest: { period: string; value: number } | null;
  measured: Measured | null;
  target: ResolvedTarget | null;
  rag: RagResult;
  trendYear: Trend | null;
  trendBaseline: Trend | null;
  /** Red, or worse than the same period last year: what the exceptions view lists. */
  exception: boolean;
  exceptionReasons: string[];
}

function short(period: string): string {
  return periodLabel(period).replace(/ \(.*\)$/, '');
}

function rollingWindowLabel(first: string, last: string): string {
  return `Rolling 12-month total, ${short(first)} to ${short(last)}`;
}

/** Current values by period (any periods; those ending after asAt are ignored). */
export function indicatorStatus(rules: IndicatorRules, values: ReadonlyMap<string, number>, asAt: string): IndicatorStatus {
  const basis = basisOf(rules);
  const target = resolveTarget(rules);
  // Periods of one frequency sort as text ("2019-04" < "2019-05", "2019/20 Q4" < "2020/21 Q1"),
  // so the latest is the greatest period not after the last one that ended by asAt.
  const cutoff = lastPeriodEndingBy(rules.frequency, asAt);
  let latest: IndicatorStatus['latest'] = null;
  for (const [period, value] of values) {
    if (period <= cutoff && (latest === null || period > latest.period)) latest = { period, value };
  }
  const none = (reason: string): IndicatorStatus => ({
    asAt, basis, latest, measured: null, target, rag: notRated(reason), trendYear: null, trendBaseline: null, exception: false, exceptionReasons: [],
  });
  if (!latest) return none('no value has been recorded for a period ending by the as-at date');

  const { unit, polarity } = rules;
  let measured: Measured | null;
  let trendYear: Trend | null = null;
  let missingReason = '';
  if (basis === 'rolling_year') {
    const now = rollingYearTotal(values, latest.period);
    measured = now.total === null ? null : { value: now.total, label: rollingWindowLabel(now.first, now.last) };
    if (now.total === null) {
      const n = now.missing.length;
      missingReason = `the rolling 12-month total for ${short(now.first)} to ${short(now.last)} needs a value for every ${rules.frequency === 'monthly' ? 'month' : 'quarter'}; ${n} ${n === 1 ? 'is' : 'are'} missing (${now.missing.slice(0, 3).map(short).join(', ')}${n > 3 ? ', …' : ''})`;
    }
    const before = rollingYearTotal(values, shiftPeriod(latest.period, -periodsPerYear(rules.frequency)));
    if (now.total !== null && before.total !== null) {
      trendYear = compareValues({ to: now.total, from: before.total, fromLabel: `the 12 months to ${short(before.last)}`, against: 'last_year', polarity, unit });
    }
  } else {
    measured = { value: latest.value, label: short(latest.period) };
    const lastYear = samePeriodLastYear(latest.period);
    const before = values.get(lastYear);
    if (before !== undefined) trendYear = compareValues({ to: latest.value, from: before, fromLabel: short(lastYear), against: 'last_year', polarity, unit });
  }

  let trendBaseline: Trend | null = null;
  if (measured && rules.baselineValue !== null) {
    const fromLabel = `the ${rules.baselinePeriod ? short(rules.baselinePeriod) + ' ' : ''}baseline`;
    trendBaseline = compareValues({ to: measured.value, from: rules.baselineValue, fromLabel, against: 'baseline', polarity, unit });
  }

  let rag: RagResult;
  if (!measured) rag = notRated(missingReason);
  else if (!target) rag = notRated(`no target is set (latest ${formatValue(measured.value, unit)})`);
  else rag = ragStatus({ value: measured.value, target: target.value, polarity, tolerancePercent: rules.tolerancePercent, unit });

  const exceptionReasons: string[] = [];
  if (rag.status === 'red') exceptionReasons.push(rag.rule);
  if (trendYear?.judgement === 'worsening') exceptionReasons.push(`Worsening: ${trendYear.text.replace(/: worsening$/, '')}`);
  return { asAt, basis, latest, measured, target, rag, trendYear, trendBaseline, exception: exceptionReasons.length > 0, exceptionReasons };
}
