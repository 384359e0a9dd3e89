import { monthsOfYear, quarterMonths, type Quarter } from '../shared/financial-year';
import type {
  AwardPaid,
  CostType,
  FundingWarning,
  MonthFigures,
  Position,
  PositionFigures,
  PositionHeading,
  PositionLine,
  QuarterFigures,
  Tier,
} from './contract';
import {
  awardCapWarnings,
  continuationWarnings,
  outsidePeriodWarnings,
  overAllocationWarnings,
  shareWarnings,
  spendByFor,
  underspendAtRisk,
  unspentWarnings,
  type AwardForRules,
  type SpendForRules,
  type StreamRules,
} from './rules';

/**
 * The position of one stream in one year, computed from plain rows: no SQL, no formatting.
 * Actual spend counts for months up to the end of the "as of" quarter; forecast counts for
 * the months after it. Everything is integer pence, and every total is the sum of the rows
 * beneath it, so lines → headings → cost types → totals reconcile exactly.
 */

/** Awards are budgeted one by one; in the heading view they sit under this heading. */
export const AWARD_HEADING = 'Funded projects';

export interface PositionStream extends StreamRules {
  id: number;
  reference: string;
  funder: string;
  agreementReference: string;
}

export interface PositionInput {
  stream: PositionStream;
  financialYear: string;
  allocationPence: number;
  lines: { id: number; heading: string; costType: CostType; costCentre: string; allocatedPence: number }[];
  awards: (AwardForRules & { tier: Tier | null; theme: string })[];
  spend: { budgetLineId: number | null; awardId: number | null; month: string; kind: 'actual' | 'forecast'; amountPence: number }[];
  asOfQuarter: 0 | Quarter;
  isInterventionHeading?: (heading: string) => boolean;
  /** The template's headings in order (templates/funding/headings.json); others follow in the order first budgeted. */
  headingOrder?: string[];
}

/**
 * Revenue before capital; within each, the template's headings in its order (a heading
 * "Community engagement: Thanet" sits with "Community engagement"), then the funded
 * projects, then headings the template does not list; alphabetically within each place.
 */
function sortHeadings(headings: PositionHeading[], order: string[]): PositionHeading[] {
  const rank = new Map(order.map((h, i) => [h.trim().toLowerCase(), i]));
  const key = (h: PositionHeading) => {
    const name = h.heading.trim().toLowerCase();
    return rank.get(name) ?? rank.get(name.split(':')[0]!.trim()) ?? (h.heading === AWARD_HEADING ? order.length : order.length + 1);
  };
  return [...headings].sort(
    (a, b) => (a.costType === b.costType ? 0 : a.costType === 'revenue' ? -1 : 1) || key(a) - key(b) || a.heading.localeCompare(b.heading, 'en-GB'),
  );
}

function emptyFigures(budgetPence = 0): PositionFigures {
  return {
    budgetPence,
    actualQuarterPence: 0,
    actualToDatePence: 0,
    forecastRemainingPence: 0,
    forecastYearEndPence: 0,
    variancePence: budgetPence,
    quarters: [1, 2, 3, 4].map((q) => ({ quarter: q as Quarter, actualPence: 0, forecastPence: 0, outturnPence: 0 })),
  };
}

/** Adds b into a (all fields). */
function addInto(a: PositionFigures, b: PositionFigures): void {
  a.budgetPence += b.budgetPence;
  a.actualQuarterPence += b.actualQuarterPence;
  a.actualToDatePence += b.actualToDatePence;
  a.forecastRemainingPence += b.forecastRemainingPence;
  a.forecastYearEndPence += b.forecastYearEndPence;
  a.variancePence += b.variancePence;
  b.quarters.forEach((q, i) => {
    const t = a.quarters[i] as QuarterFigures;
    t.actualPence += q.actualPence;
    t.forecastPence += q.forecastPence;
    t.outturnPence += q.outturnPence;
  });
}

export function defaultAsOfQuarter(financialYear: string, spend: PositionInput['spend']): 0 | Quarter {
  const months = monthsOfYear(financialYear);
  let last = -1;
  for (const s of spend) {
    if (s.kind !== 'actual') continue;
    const i = months.indexOf(s.month);
    if (i > last) last = i;
  }
  return last < 0 ? 0 : ((Math.floor(last / 3) + 1) as Quarter);
}

export function computePosition(input: PositionInput): Position {
  const { stream, financialYear, asOfQuarter } = input;
  const months = monthsOfYear(financialYear);
  const cutOffIndex = asOfQuarter * 3 - 1; // index of the last actual month; -1 when none
  const cutOffMonth = asOfQuarter === 0 ? '' : (months[cutOffIndex] as string);
  const quarterSet = asOfQuarter === 0 ? new Set<string>() : new Set(quarterMonths(financialYear, asOfQuarter));

  const lineByKey = new Map<string, PositionLine>();
  const monthCells = new Map<string, Map<string, MonthFigures>>();
  const add = (key: string, kind: 'line' | 'award', id: number, label: string, heading: string, costType: CostType, budget: number) => {
    const line: PositionLine = { key, kind, id, label, heading, costType, months: [], ...emptyFigures(budget) };
    lineByKey.set(key, line);
    monthCells.set(key, new Map(months.map((m) => [m, { month: m, actualPence: null, forecastPence: null }])));
  };
  for (const l of input.lines) add(`line:${l.id}`, 'line', l.id, l.heading, l.heading, l.costType, l.allocatedPence);
  const awardAmount = (a: AwardForRules) => a.years.find((y) => y.financialYear === financialYear)?.amountPence ?? 0;
  for (const a of input.awards) add(`award:${a.id}`, 'award', a.id, `${a.organisationName}: ${a.project}`, AWARD_HEADING, 'revenue', awardAmount(a));

  const awardById = new Map(input.awards.map((a) => [a.id, a]));
  const spendForRules: SpendForRules[] = [];
  for (const s of input.spend) {
    const key = s.budgetLineId !== null ? `line:${s.budgetLineId}` : `award:${s.awardId}`;
    const cells = monthCells.get(key);
    const cell = cells?.get(s.month);
    if (!cell) continue; // spend of another year or of a line not in this stream
    if (s.kind === 'actual') cell.actualPence = (cell.actualPence ?? 0) + s.amountPence;
    else cell.forecastPence = (cell.forecastPence ?? 0) + s.amountPence;
    const award = s.awardId !== null ? awardById.get(s.awardId) : undefined;
    spendForRules.push({
      key,
      label: lineByKey.get(key)!.label,
      month: s.month,
      kind: s.kind,
      amountPence: s.amountPence,
      ...(award ? { startsOn: award.startsOn, endsOn: award.endsOn } : {}),
    });
  }

  const outturnByMonth = new Map<string, number>(months.map((m) => [m, 0]));
  for (const [key, line] of lineByKey) {
    const cells = monthCells.get(key)!;
    line.months = months.map((m) => cells.get(m)!);
    months.forEach((m, i) => {
      const cell = cells.get(m)!;
      const q = line.quarters[Math.floor(i / 3)] as QuarterFigures;
      if (i <= cutOffIndex) {
        const a = cell.actualPence ?? 0;
        line.actualToDatePence += a;
        q.actualPence += a;
        q.outturnPence += a;
        if (quarterSet.has(m)) line.actualQuarterPence += a;
        outturnByMonth.set(m, outturnByMonth.get(m)! + a);
      } else {
        const f = cell.forecastPence ?? 0;
        line.forecastRemainingPence += f;
        q.forecastPence += f;
        q.outturnPence += f;
        outturnByMonth.set(m, outturnByMonth.get(m)! + f);
      }
    });
    line.forecastYearEndPence = line.actualToDatePence + line.forecastRemainingPence;
    line.variancePence = line.budgetPence - line.forecastYearEndPence;
  }

  const lines = [...lineByKey.values()];
  const headingMap = new Map<string, PositionHeading>();
  for (const line of lines) {
    const hk = `${line.heading}\u0000${line.costType}`;
    let h = headingMap.get(hk);
    if (!h) {
      h = { heading: line.heading, costType: line.costType, lineKeys: [], ...emptyFigures() };
      headingMap.set(hk, h);
    }
    h.lineKeys.push(line.key);
    addInto(h, line);
  }
  const headings = sortHeadings([...headingMap.values()], input.headingOrder ?? []);
  const costTypes = (['revenue', 'capital'] as const).map((costType) => {
    const f = { costType, ...emptyFigures() };
    for (const h of headings) if (h.costType === costType) addInto(f, h);
    return f;
  });
  const totals = emptyFigures();
  for (const c of costTypes) addInto(totals, c);

  const awards: AwardPaid[] = input.awards.map((a) => {
    const line = lineByKey.get(`award:${a.id}`)!;
    const awardPence = awardAmount(a);
    return {
      awardId: a.id,
      organisationName: a.organisationName,
      project: a.project,
      tier: a.tier,
      theme: a.theme,
      monitoringMet: a.monitoringMet,
      awardPence,
      paidPence: line.actualToDatePence,
      remainingPence: awardPence - line.actualToDatePence,
    };
  });

  const atRisk = underspendAtRisk(stream, financialYear, input.allocationPence, outturnByMonth);
  const linesPence = input.lines.reduce((a, l) => a + l.allocatedPence, 0);
  const awardsPence = input.awards.reduce((a, x) => a + awardAmount(x), 0);
  const warnings: FundingWarning[] = [
    ...input.awards.flatMap((a) => awardCapWarnings(stream, { ...a, years: a.years.filter((y) => y.financialYear === financialYear) })),
    ...input.awards.flatMap((a) => continuationWarnings(a, financialYear)),
    ...overAllocationWarnings(stream, financialYear, input.allocationPence, linesPence, awardsPence),
    ...outsidePeriodWarnings(stream, financialYear, spendForRules),
    ...unspentWarnings(stream, financialYear, input.allocationPence, atRisk),
    ...shareWarnings(
      stream,
      financialYear,
      input.allocationPence,
      [...input.lines.map((l) => ({ heading: l.heading, pence: l.allocatedPence, isAward: false })), ...input.awards.map((a) => ({ heading: AWARD_HEADING, pence: awardAmount(a), isAward: true }))],
      input.isInterventionHeading ?? (() => false),
    ),
  ];

  return {
    stream: {
      id: stream.id,
      reference: stream.reference,
      name: stream.name,
      funder: stream.funder,
      agreementReference: stream.agreementReference,
      spendBy: stream.spendBy,
      carryOverAllowed: stream.carryOverAllowed,
    },
    financialYear,
    asOfQuarter,
    cutOffMonth,
    allocationPence: input.allocationPence,
    budgetedPence: linesPence + awardsPence,
    unbudgetedPence: input.allocationPence - (linesPence + awardsPence),
    spendBy: spendByFor(stream, financialYear),
    lines,
    headings,
    costTypes,
    totals,
    underspendAtRiskPence: atRisk,
    awards,
    warnings,
  };
}
