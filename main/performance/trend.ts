import { frequencyOfPeriod, periodFromIndex, periodIndex, periodLabel, periodsPerYear } from './periods';
import { formatPercentChange, formatValue, type Polarity, type Unit } from './units';

/**
 * Which way an indicator is going: against the same period last year and against its
 * baseline. "Up" and "down" describe the number; "improving" and "worsening" read it through
 * the indicator's polarity. Pure.
 */
export type Direction = 'up' | 'down' | 'level';
export type Judgement = 'improving' | 'worsening' | 'no_change';

export interface Trend {
  against: 'last_year' | 'baseline';
  from: number;
  to: number;
  /** What `from` is, e.g. "March 2019" or "the 2018/19 baseline". */
  fromLabel: string;
  change: number;
  /** Relative change in %, null when `from` is 0 (or the unit is itself a percentage). */
  changePercent: number | null;
  direction: Direction;
  judgement: Judgement;
  /** "Down 8 (1.9%) on March 2019 (420): improving" */
  text: string;
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

export function compareValues(args: { to: number; from: number; fromLabel: string; against: Trend['against']; polarity: Polarity; unit: Unit }): Trend {
  const { to, from, fromLabel, against, polarity, unit } = args;
  const change = tidy(to - from);
  const direction: Direction = change > 0 ? 'up' : change < 0 ? 'down' : 'level';
  const judgement: Judgement =
    direction === 'level' ? 'no_change' : (direction === 'down') === (polarity === 'lower_is_better') ? 'improving' : 'worsening';
  const changePercent = unit === 'percentage' || from === 0 ? null : tidy((change / Math.abs(from)) * 100);
  const fromText = `${fromLabel} (${formatValue(from, unit)})`;
  let text: string;
  if (direction === 'level') {
    text = `No change on ${fromText}`;
  } else {
    const size = unit === 'percentage' ? `${formatValue(Math.abs(change), 'count')} percentage point${Math.abs(change) === 1 ? '' : 's'}` : formatValue(Math.abs(change), unit);
    const rel = changePercent === null ? '' : ` (${formatPercentChange(changePercent)})`;
    text = `${direction === 'up' ? 'Up' : 'Down'} ${size}${rel} on ${fromText}: ${judgement}`;
  }
  return { against, from, to, fromLabel, change, changePercent, direction, judgement, text };
}

export interface RollingTotal {
  total: number | null;
  /** The periods of the window without a value (the total is null when any are missing). */
  missing: string[];
  first: string;
  last: string;
}

/**
 * The total of the year ending with `period`: the 12 months (or 4 quarters) up to and
 * including it. Only complete windows have a total: a gap is not a zero.
 */
export function rollingYearTotal(values: ReadonlyMap<string, number>, period: string): RollingTotal {
  const frequency = frequencyOfPeriod(period)!;
  const n = periodsPerYear(frequency);
  const end = periodIndex(period);
  const missing: string[] = [];
  let total = 0;
  for (let i = end - n + 1; i <= end; i++) {
    const p = periodFromIndex(frequency, i);
    const v = values.get(p);
    if (v === undefined) missing.push(p);
    else total += v;
  }
  return { total: missing.length ? null : tidy(total), missing, first: periodFromIndex(frequency, end - n + 1), last: period };
}

/** "the year to March 2020" / "the year to 2019/20 Q4" */
export function rollingLabel(period: string): string {
  const label = periodLabel(period);
  return `the 12 months to ${label.replace(/ \(.*\)$/, '')}`;
}
