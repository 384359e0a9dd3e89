import type { ChartData, IndicatorDetail, ScorecardRow, ValueStatus } from './contract';
import { lastPeriodEndingBy, periodFromIndex, periodIndex, periodLabel, periodShortLabel, periodsPerYear } from './periods';
import { RAG_LABELS, type RagStatus } from './rag';
import type { IndicatorRow } from './repository';
import { basisOf, indicatorStatus, type IndicatorRules } from './status';
import { resolveTarget } from './target';
import { rollingYearTotal } from './trend';
import { formatValue, UNIT_LABELS } from './units';

/**
 * Turns an indicator and its current values into what the scorecard, the exceptions view,
 * the detail view and the exports show. Pure: the service reads the rows and calls these.
 */
export interface CurrentValue {
  period: string;
  value: number;
  status: ValueStatus;
  note: string;
}

export function rulesOf(ind: IndicatorRow): IndicatorRules {
  return {
    unit: ind.unit,
    polarity: ind.polarity,
    frequency: ind.frequency,
    baselinePeriod: ind.baselinePeriod,
    baselineValue: ind.baselineValue,
    targetKind: ind.targetKind,
    targetValue: ind.targetValue,
    targetBy: ind.targetBy,
    tolerancePercent: ind.ragAmberTolerancePercent,
  };
}

const SPARKLINE_YEARS = 2;

function short(period: string): string {
  return periodLabel(period).replace(/ \(.*\)$/, '');
}

export function scorecardRow(ind: IndicatorRow, current: readonly CurrentValue[], asAt: string): ScorecardRow {
  const byPeriod = new Map<string, number>();
  const full = new Map<string, CurrentValue>();
  for (const v of current) {
    byPeriod.set(v.period, v.value);
    full.set(v.period, v);
  }
  const status = indicatorStatus(rulesOf(ind), byPeriod, asAt);
  const latest = status.latest ? full.get(status.latest.period)! : null;

  const end = periodIndex(lastPeriodEndingBy(ind.frequency, asAt));
  const n = periodsPerYear(ind.frequency) * SPARKLINE_YEARS + (ind.frequency === 'annual' ? 3 : 0);
  const periods: string[] = [];
  for (let i = end - n + 1; i <= end; i++) periods.push(periodFromIndex(ind.frequency, i));

  const f = (x: number) => formatValue(x, ind.unit);
  return {
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    themeId: ind.themeId,
    themeName: ind.themeName,
    themeKind: ind.themeKind,
    unit: ind.unit,
    polarity: ind.polarity,
    frequency: ind.frequency,
    latest: latest && { period: latest.period, label: short(latest.period), value: latest.value, valueText: f(latest.value), status: latest.status, note: latest.note },
    measured: status.measured && { value: status.measured.value, valueText: f(status.measured.value), label: status.measured.label },
    target: status.target && { value: status.target.value, valueText: f(status.target.value), text: status.target.text },
    rag: { status: status.rag.status, label: RAG_LABELS[status.rag.status], rule: status.rag.rule },
    trendYear: status.trendYear,
    trendBaseline: status.trendBaseline,
    exception: status.exception,
    exceptionReasons: status.exceptionReasons,
    sparkline: { periods, values: periods.map((p) => byPeriod.get(p) ?? null) },
  };
}

export function countByRag(rows: readonly ScorecardRow[]): Record<RagStatus, number> {
  const counts: Record<RagStatus, number> = { green: 0, amber: 0, red: 0, not_rated: 0 };
  for (const r of rows) counts[r.rag.status]++;
  return counts;
}

/** Every period from the first value to the as-at date, with rolling totals and the chart. */
export function indicatorDetailParts(ind: IndicatorRow, current: readonly CurrentValue[], revisionCounts: ReadonlyMap<string, number>, row: ScorecardRow, asAt: string): Omit<IndicatorDetail, 'indicator'> {
  const byPeriod = new Map(current.map((v) => [v.period, v]));
  const values = new Map(current.map((v) => [v.period, v.value]));
  const lastIndex = periodIndex(lastPeriodEndingBy(ind.frequency, asAt));
  const indices = current.map((v) => periodIndex(v.period)).filter((i) => i <= lastIndex);
  const firstIndex = indices.length ? Math.min(...indices) : lastIndex + 1;
  const rollingApplies = ind.unit === 'count' && ind.frequency !== 'annual';
  const points: IndicatorDetail['points'] = [];
  for (let i = firstIndex; i <= lastIndex; i++) {
    const period = periodFromIndex(ind.frequency, i);
    const v = byPeriod.get(period);
    points.push({
      period,
      label: short(period),
      value: v?.value ?? null,
      valueText: v ? formatValue(v.value, ind.unit) : '',
      status: v?.status ?? null,
      note: v?.note ?? '',
      rolling: rollingApplies ? rollingYearTotal(values, period).total : null,
      revisions: revisionCounts.get(period) ?? 0,
    });
  }
  return { status: row, points, chart: chartData(ind, points, row) };
}

export function chartData(ind: IndicatorRow, points: IndicatorDetail['points'], row: ScorecardRow): ChartData {
  // Judged on a rolling year: the chart shows that total, on the same scale as target and baseline.
  const rolling = basisOf(ind) === 'rolling_year';
  const seriesLabel = rolling ? 'Rolling 12-month total' : UNIT_LABELS[ind.unit];
  const all = points.map((p) => ({ period: p.period, label: periodShortLabel(p.period), value: rolling ? p.rolling : p.value }));
  // Before the first complete rolling year there is nothing to draw: start there.
  const first = all.findIndex((p) => p.value !== null);
  const series = first < 0 ? all : all.slice(first);
  const target = resolveTarget(rulesOf(ind));
  const f = (x: number) => formatValue(x, ind.unit);
  const present = series.filter((p) => p.value !== null);
  const parts = [`Line chart of ${ind.name} (${seriesLabel.toLowerCase()}${ind.frequency === 'annual' ? ', by year' : ind.frequency === 'quarterly' ? ', by quarter' : ', by month'})`];
  if (present.length) {
    parts.push(`from ${short(present[0]!.period)} to ${short(present[present.length - 1]!.period)}, ${present.length} ${present.length === 1 ? 'value' : 'values'}`);
    const lo = present.reduce((a, b) => (b.value! < a.value! ? b : a));
    const hi = present.reduce((a, b) => (b.value! > a.value! ? b : a));
    parts.push(`lowest ${f(lo.value!)} (${short(lo.period)}), highest ${f(hi.value!)} (${short(hi.period)}), latest ${f(present[present.length - 1]!.value!)}`);
  } else {
    parts.push('with no values to show yet');
  }
  if (target) parts.push(`target line at ${f(target.value)}`);
  if (ind.baselineValue !== null) parts.push(`baseline line at ${f(ind.baselineValue)}${ind.baselinePeriod ? ` (${short(ind.baselinePeriod)})` : ''}`);
  parts.push(`status ${row.rag.label}`);
  return {
    title: `${ind.code} ${ind.name}`,
    seriesLabel,
    unit: ind.unit,
    points: series,
    target: target?.value ?? null,
    targetLabel: target ? `Target ${f(target.value)}` : null,
    baseline: ind.baselineValue,
    baselineLabel: ind.baselineValue !== null ? `Baseline ${f(ind.baselineValue)}${ind.baselinePeriod ? ` (${short(ind.baselinePeriod)})` : ''}` : null,
    description: parts.join('; ') + '.',
  };
}
