import type { Ctx } from '../shared/context';
import type { Scorecard } from './contract';
import { indicators, values, type IndicatorRow } from './repository';
import { lastPeriodEndingBy, periodIndex, periodsPerYear } from './periods';
import { countByRag, scorecardRow, type CurrentValue } from './scorecard';

/**
 * Reads the framework in two queries (indicators, every current value) and builds the
 * scorecard from them: shared by the scorecard and exceptions operations, the exports and
 * the live table for papers.
 */
/**
 * The current values the scorecard needs as at a date: the last four years (seven for
 * annual indicators), which hold every sparkline, rolling year and year-before comparison
 * whose latest value is at most a year old. An indicator whose latest value is older, or
 * has none in that window, is read whole, so the answer is the same as reading everything;
 * ten years of 200 monthly indicators are not all read for every scorecard.
 */
export async function currentValuesByIndicator(ctx: Ctx, asAt: string, list: readonly IndicatorRow[]): Promise<Map<number, CurrentValue[]>> {
  const year = Number(asAt.slice(0, 4));
  const byIndicator = await values.currentSince(ctx, String(year - 4), String(year - 7));
  for (const ind of list) {
    const cutoff = lastPeriodEndingBy(ind.frequency, asAt);
    const recent = (byIndicator.get(ind.id) ?? []).filter((v) => v.period <= cutoff);
    const latest = recent[recent.length - 1];
    if (!latest || periodIndex(latest.period) < periodIndex(cutoff) - periodsPerYear(ind.frequency)) {
      const all = await values.currentOf(ctx, ind.id);
      if (all.length) byIndicator.set(ind.id, all);
    }
  }
  return byIndicator;
}

export async function loadScorecard(ctx: Ctx, asAt: string, themeId: number | null = null): Promise<Scorecard & { indicators: IndicatorRow[]; values: Map<number, CurrentValue[]> }> {
  const list = await indicators.list(ctx, themeId);
  const byIndicator = await currentValuesByIndicator(ctx, asAt, list);
  const rows = list.map((ind) => scorecardRow(ind, byIndicator.get(ind.id) ?? [], asAt));
  return { asAt, rows, counts: countByRag(rows), indicators: list, values: byIndicator };
}

export async function buildScorecard(ctx: Ctx, asAt: string, themeId: number | null = null): Promise<Scorecard> {
  const { rows, counts } = await loadScorecard(ctx, asAt, themeId);
  return { asAt, rows, counts };
}
