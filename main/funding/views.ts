import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/errors';
import { monthsOfYear, type Quarter } from '../shared/financial-year';
import type { FundingOverview, Position, StreamYearFigures, StreamYearSummary } from './contract';
import { defaultHeadings, isInterventionHeading } from './headings';
import { computePosition, defaultAsOfQuarter, type PositionInput } from './position';
import { allocations, awards, budgetLines, spend, streams, type StreamRow } from './repository';

/** Loads the rows of one stream-year and hands them to the pure position computation. */

export async function requireStream(ctx: Ctx, id: number): Promise<StreamRow> {
  const s = await streams.get(ctx, id);
  if (!s) throw notFound('funding_stream', id);
  return s;
}

/**
 * Refuses a year the stream does not cover: its position, spend grid or return for such a
 * year would be a page of zeros that looks like a real (empty) year.
 */
export function assertYearInStream(s: Pick<StreamRow, 'name' | 'firstYear' | 'lastYear'>, financialYear: string, field = 'financialYear'): void {
  if (financialYear < s.firstYear || financialYear > s.lastYear) {
    throw new DomainError('stream.yearOutside', `${financialYear} is outside the ${s.name}'s years (${s.firstYear} to ${s.lastYear}).`, field);
  }
}

/** The rows of one stream-year; refuses a year the stream does not cover. */
export async function positionInput(ctx: Ctx, stream: StreamRow, financialYear: string, asOfQuarter: number | null): Promise<PositionInput> {
  assertYearInStream(stream, financialYear);
  const months = monthsOfYear(financialYear);
  const first = months[0]!;
  const last = months[11]!;
  const rows = await spend.forStreamYear(ctx, stream.id, financialYear, first, last);
  const spendRows = rows.map((s) => ({ budgetLineId: s.budgetLineId, awardId: s.awardId, month: s.month, kind: s.kind, amountPence: s.amountPence }));
  return {
    stream: {
      id: stream.id,
      reference: stream.reference,
      name: stream.name,
      funder: stream.funder,
      agreementReference: stream.agreementReference,
      spendBy: stream.spendBy,
      awardCapPence: stream.awardCapPence,
      carryOverAllowed: stream.carryOverAllowed,
      evaluationPercent: stream.evaluationPercent,
      minInterventionPercent: stream.minInterventionPercent,
      matchFundingPercent: stream.matchFundingPercent,
    },
    financialYear,
    allocationPence: await allocations.get(ctx, stream.id, financialYear),
    lines: await budgetLines.list(ctx, stream.id, financialYear),
    awards: await awards.list(ctx, stream.id, financialYear, [first, last]),
    spend: spendRows,
    asOfQuarter: (asOfQuarter ?? defaultAsOfQuarter(financialYear, spendRows)) as 0 | Quarter,
    isInterventionHeading,
    headingOrder: defaultHeadings(),
  };
}

export async function loadPosition(ctx: Ctx, streamId: number, financialYear: string, asOfQuarter: number | null = null): Promise<Position> {
  return computePosition(await positionInput(ctx, await requireStream(ctx, streamId), financialYear, asOfQuarter));
}

export function summarise(p: Position): StreamYearSummary {
  return {
    streamId: p.stream.id,
    reference: p.stream.reference,
    name: p.stream.name,
    funder: p.stream.funder,
    financialYear: p.financialYear,
    allocationPence: p.allocationPence,
    budgetedPence: p.budgetedPence,
    actualToDatePence: p.totals.actualToDatePence,
    forecastYearEndPence: p.totals.forecastYearEndPence,
    variancePence: p.totals.variancePence,
    unbudgetedPence: p.unbudgetedPence,
    underspendAtRiskPence: p.underspendAtRiskPence,
    warnings: p.warnings,
  };
}

/** Every stream that covers the year, side by side. */
export async function loadOverview(ctx: Ctx, financialYear: string, asOfQuarter: number | null = null): Promise<FundingOverview> {
  const list = (await Promise.all((await streams
    .list(ctx))
    .filter((s) => s.firstYear <= financialYear && s.lastYear >= financialYear)
    .map(async (s) => summarise(computePosition(await positionInput(ctx, s, financialYear, asOfQuarter))))));
  const totals: StreamYearFigures = { allocationPence: 0, budgetedPence: 0, actualToDatePence: 0, forecastYearEndPence: 0, variancePence: 0, unbudgetedPence: 0, underspendAtRiskPence: 0 };
  for (const s of list) for (const k of Object.keys(totals) as (keyof StreamYearFigures)[]) totals[k] += s[k];
  return { financialYear, streams: list, totals };
}
