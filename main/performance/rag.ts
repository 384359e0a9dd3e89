import { formatValue, POLARITY_LABELS, type Polarity, type Unit } from './units';

/**
 * Red / amber / green against a target, with the rule written out beside every status so a
 * board member can check it: green on or better than target; amber worse than target but
 * within the framework theme's tolerance (a % of the target); red beyond it. The boundary
 * of the tolerance counts as amber.
 */
export const RAG_STATUSES = ['green', 'amber', 'red', 'not_rated'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];
export const RAG_LABELS: Record<RagStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red', not_rated: 'Not rated' };

export interface RagInput {
  value: number;
  target: number;
  polarity: Polarity;
  tolerancePercent: number;
  unit: Unit;
}

export interface RagResult {
  status: RagStatus;
  /** "Green: 412 is at or below the target of 420 (lower is better)" */
  rule: string;
  /** The worst value still amber; null when not rated. */
  amberLimit: number | null;
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

export function amberLimit(target: number, polarity: Polarity, tolerancePercent: number): number {
  const band = (Math.abs(target) * tolerancePercent) / 100;
  return tidy(polarity === 'lower_is_better' ? target + band : target - band);
}

export function ragStatus(input: RagInput): RagResult {
  const { value, target, polarity, tolerancePercent, unit } = input;
  const f = (n: number) => formatValue(n, unit);
  const limit = amberLimit(target, polarity, tolerancePercent);
  const tol = `${Number(tolerancePercent.toFixed(2))}%`;
  const why = `(${POLARITY_LABELS[polarity]})`;
  const lower = polarity === 'lower_is_better';
  const better = lower ? value <= target : value >= target;
  const withinTolerance = lower ? value <= limit : value >= limit;
  if (better) {
    return { status: 'green', rule: `Green: ${f(value)} is at or ${lower ? 'below' : 'above'} the target of ${f(target)} ${why}`, amberLimit: limit };
  }
  const side = lower ? 'above' : 'below';
  if (withinTolerance) {
    return {
      status: 'amber',
      rule: `Amber: ${f(value)} is ${side} the target of ${f(target)} but within the ${tol} tolerance, ${lower ? 'up' : 'down'} to ${f(limit)} ${why}`,
      amberLimit: limit,
    };
  }
  return {
    status: 'red',
    rule: `Red: ${f(value)} is ${side} the target of ${f(target)} by more than the ${tol} tolerance, ${lower ? 'beyond' : 'below'} ${f(limit)} ${why}`,
    amberLimit: limit,
  };
}

export function notRated(reason: string): RagResult {
  return { status: 'not_rated', rule: `Not rated: ${reason}`, amberLimit: null };
}
