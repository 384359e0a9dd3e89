import { formatDateLong } from '../shared/dates';
import { isIsoDate } from '../shared/financial-year';
import { periodLabel } from './periods';
import { formatPercentChange, formatValue, type Unit } from './units';

export const TARGET_KINDS = ['absolute', 'percent_change'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface TargetSpec {
  unit: Unit;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetKind: TargetKind | null;
  /** An absolute value, or a % change against the baseline (−10 = a 10 % reduction). */
  targetValue: number | null;
  targetBy: string | null;
}

export interface ResolvedTarget {
  value: number;
  by: string | null;
  /** "378 by 31 March 2021 (10% below the 2018/19 baseline of 420)" */
  text: string;
}

/** Float noise off (420 × 0.9 would otherwise be 378.00000000000006). */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** The number a value is judged against, or null when no target is set. */
export function resolveTarget(spec: TargetSpec): ResolvedTarget | null {
  if (spec.targetKind === null || spec.targetValue === null) return null;
  // A date not written YYYY-MM-DD (an old import, a bundle) is shown as stored, not refused here.
  const by = spec.targetBy ? ` by ${isIsoDate(spec.targetBy) ? formatDateLong(spec.targetBy) : spec.targetBy}` : '';
  if (spec.targetKind === 'absolute') {
    return { value: spec.targetValue, by: spec.targetBy, text: `${formatValue(spec.targetValue, spec.unit)}${by}` };
  }
  if (spec.baselineValue === null) return null;
  const exact = (spec.baselineValue * (100 + spec.targetValue)) / 100;
  // A count is of whole things: 2.5% fewer than 112 admissions is a target of 109, not 109.2.
  // The rounded number is both the one printed and the one judged against, so they agree.
  const value = spec.unit === 'count' ? Math.round(exact) : tidy(exact);
  const pct = spec.targetValue;
  const how = pct === 0 ? 'equal to' : `${formatPercentChange(pct)} ${pct < 0 ? 'below' : 'above'}`;
  const baseline = `the ${spec.baselinePeriod ? periodLabel(spec.baselinePeriod) + ' ' : ''}baseline of ${formatValue(spec.baselineValue, spec.unit)}`;
  return { value, by: spec.targetBy, text: `${formatValue(value, spec.unit)}${by} (${how} ${baseline})` };
}
