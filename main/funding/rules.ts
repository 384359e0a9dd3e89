import { formatDateLong } from '../shared/dates';
import { financialYearStarting, lastDayOfMonth, startYearOf, yearEnd } from '../shared/financial-year';
import { formatPence } from '../shared/money';
import type { FundingWarning } from './contract';

/**
 * The grant conditions as pure functions. Each returns warnings (values the user may go
 * past, shown beside the figures), never throws: the board may knowingly approve an award
 * above the cap, as the Commissioner did for Kent Police's £36,814 in 2019.
 */

export interface StreamRules {
  name: string;
  spendBy: string | null;
  awardCapPence: number | null;
  carryOverAllowed: boolean;
  evaluationPercent: number | null;
  minInterventionPercent: number | null;
  matchFundingPercent: number | null;
}

export interface AwardForRules {
  id: number;
  organisationName: string;
  project: string;
  monitoringMet: boolean | null;
  startsOn: string | null;
  endsOn: string | null;
  /** Amount per financial year. */
  years: { financialYear: string; amountPence: number }[];
}

export function previousYear(fy: string): string {
  return financialYearStarting(startYearOf(fy) - 1);
}

/** "The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20" */
export function awardCapWarnings(stream: StreamRules, award: AwardForRules): FundingWarning[] {
  const cap = stream.awardCapPence;
  if (cap === null) return [];
  return award.years
    .filter((y) => y.amountPence > cap)
    .map((y) => ({
      code: 'award.overCap',
      message: `The award of ${formatPence(y.amountPence)} to ${award.organisationName} is above the ${stream.name}'s ${formatPence(cap)} cap for ${y.financialYear}`,
      field: 'amount',
      subject: `award:${award.id}`,
    }));
}

/**
 * A continued award (an amount in a year after one the award was already paid for) depends
 * on monitoring being met (seed 000, paragraph 7). This is a warning, not a refusal: the
 * schema keeps one monitoring flag per award, the three-year plan is recorded when the award
 * is first made (before monitoring can be known), and continuing is the board's decision.
 */
export function continuationWarnings(award: AwardForRules, onlyYear?: string): FundingWarning[] {
  if (award.monitoringMet === true) return [];
  const byYear = new Map(award.years.map((y) => [y.financialYear, y.amountPence]));
  const out: FundingWarning[] = [];
  for (const y of award.years) {
    if (onlyYear !== undefined && y.financialYear !== onlyYear) continue;
    const prev = previousYear(y.financialYear);
    if (y.amountPence <= 0 || !((byYear.get(prev) ?? 0) > 0)) continue;
    const why =
      award.monitoringMet === false
        ? 'its monitoring conditions were recorded as not met; it should not continue unless the board decides otherwise'
        : 'its monitoring has not been recorded as met; confirm monitoring before it is paid';
    out.push({
      code: 'award.continuationNeedsMonitoring',
      message: `${award.organisationName}'s award for ${y.financialYear} (${award.project}) continues its ${prev} award, but ${why}`,
      field: 'monitoringMet',
      subject: `award:${award.id}`,
    });
  }
  return out;
}

/**
 * The year's budget (budget lines and awards) above its allocation: "The 2019/20 budget of
 * £2,590,000.00 is £1,430,000.00 above the allocation of £1,160,000.00". The same sentence
 * on the screen, the funding summary and the return, beside the "Allocation not yet
 * budgeted" line (allocation − budget) that is then negative.
 */
export function overAllocationWarnings(
  stream: StreamRules,
  financialYear: string,
  allocationPence: number,
  linesPence: number,
  awardsPence: number,
): FundingWarning[] {
  const total = linesPence + awardsPence;
  if (total <= allocationPence) return [];
  const exact = (p: number) => formatPence(p, { alwaysPence: true });
  return [
    {
      code: 'stream.overAllocated',
      message: `The ${stream.name}'s ${financialYear} budget of ${exact(total)} is ${exact(total - allocationPence)} above the allocation of ${exact(allocationPence)}`,
      field: 'amount',
      subject: 'stream',
    },
  ];
}

/** The last month in which spend counts for this year: the spend-by date's month if it falls in the year, else March. */
export function deadlineMonth(stream: Pick<StreamRules, 'spendBy'>, financialYear: string): string {
  const end = yearEnd(financialYear).slice(0, 7);
  if (stream.spendBy && stream.spendBy.slice(0, 7) < end && stream.spendBy >= `${startYearOf(financialYear)}-04-01`) return stream.spendBy.slice(0, 7);
  return end;
}

/** The date by which this year's money must be spent, for messages. */
export function deadlineDate(stream: Pick<StreamRules, 'spendBy'>, financialYear: string): string {
  const month = deadlineMonth(stream, financialYear);
  if (stream.spendBy && stream.spendBy.slice(0, 7) === month) return stream.spendBy;
  return lastDayOfMonth(month);
}

/**
 * The date by which this year's allocation is to be spent, as the return's cover, the
 * funding summary and the screen all give it: without carry-over, the year's own deadline
 * (deadlineDate: 31 March, or the spend-by date when it falls earlier in the year); with
 * carry-over, the stream's spend-by date (null when it has none). One answer, so a
 * multi-year stream's 2025 spend-by date is never printed on a 2023/24 return that must be
 * spent by March 2024.
 */
export function spendByFor(stream: Pick<StreamRules, 'spendBy' | 'carryOverAllowed'>, financialYear: string): string | null {
  return stream.carryOverAllowed ? stream.spendBy : deadlineDate(stream, financialYear);
}

/** "31 March 2024; it cannot be carried over", "31 March 2025; unspent money may be carried over", or null. */
export function spendByText(stream: Pick<StreamRules, 'spendBy' | 'carryOverAllowed'>, financialYear: string): string | null {
  const date = spendByFor(stream, financialYear);
  if (!date) return null;
  return `${formatDateLong(date)}; ${stream.carryOverAllowed ? 'unspent money may be carried over' : 'it cannot be carried over'}`;
}

/**
 * Allocation the current forecast leaves unspent at the deadline. Zero where carry-over is
 * allowed and the stream runs beyond this year (the money is not lost).
 */
export function underspendAtRisk(
  stream: Pick<StreamRules, 'spendBy' | 'carryOverAllowed'>,
  financialYear: string,
  allocationPence: number,
  outturnByMonth: Map<string, number>,
): number {
  if (stream.carryOverAllowed && (stream.spendBy === null || stream.spendBy > yearEnd(financialYear))) return 0;
  const last = deadlineMonth(stream, financialYear);
  let spent = 0;
  for (const [month, pence] of outturnByMonth) if (month <= last) spent += pence;
  return Math.max(0, allocationPence - spent);
}

export function unspentWarnings(stream: StreamRules, financialYear: string, allocationPence: number, atRiskPence: number): FundingWarning[] {
  if (atRiskPence <= 0) return [];
  const tail = stream.carryOverAllowed ? '' : '; it cannot be carried over';
  if (atRiskPence === allocationPence) {
    // Nothing spent or forecast by the deadline: say that, rather than forecasting a total loss.
    // (Spend dated after the deadline may exist; it does not count, so the sentence stays true.)
    return [
      {
        code: 'forecast.noneRecorded',
        message: `No spend or forecast is recorded up to ${formatDateLong(deadlineDate(stream, financialYear))}, the date by which the ${stream.name}'s ${financialYear} allocation of ${formatPence(allocationPence)} is to be spent${tail}`,
        subject: 'stream',
      },
    ];
  }
  return [
    {
      code: 'forecast.unspentAtSpendBy',
      message: `On the current forecast ${formatPence(atRiskPence)} of the ${stream.name}'s ${financialYear} allocation of ${formatPence(allocationPence)} will be unspent by ${formatDateLong(deadlineDate(stream, financialYear))}${tail}`,
      subject: 'stream',
    },
  ];
}

export interface SpendForRules {
  key: string;
  label: string;
  month: string;
  kind: 'actual' | 'forecast';
  amountPence: number;
  /** For award spend: the award's own start and end. */
  startsOn?: string | null;
  endsOn?: string | null;
}

/** Spend dated after the spend-by date, or outside a project's own start and end. */
export function outsidePeriodWarnings(stream: StreamRules, financialYear: string, spend: SpendForRules[]): FundingWarning[] {
  const last = deadlineMonth(stream, financialYear);
  const out: FundingWarning[] = [];
  const lateByKey = new Map<string, { label: string; months: Set<string>; pence: number }>();
  const awardByKey = new Map<string, { label: string; months: Set<string>; pence: number }>();
  for (const s of spend) {
    if (s.amountPence === 0) continue;
    if (s.month > last && stream.spendBy) {
      const e = lateByKey.get(s.key) ?? { label: s.label, months: new Set(), pence: 0 };
      e.months.add(s.month);
      e.pence += s.amountPence;
      lateByKey.set(s.key, e);
    } else if ((s.startsOn && s.month < s.startsOn.slice(0, 7)) || (s.endsOn && s.month > s.endsOn.slice(0, 7))) {
      const e = awardByKey.get(s.key) ?? { label: s.label, months: new Set(), pence: 0 };
      e.months.add(s.month);
      e.pence += s.amountPence;
      awardByKey.set(s.key, e);
    }
  }
  for (const [key, e] of lateByKey) {
    out.push({
      code: 'spend.afterSpendBy',
      message: `${formatPence(e.pence)} of spend on ${e.label} is dated after the spend-by date of ${formatDateLong(stream.spendBy)} (${[...e.months].sort().join(', ')})`,
      subject: key,
    });
  }
  for (const [key, e] of awardByKey) {
    out.push({
      code: 'spend.outsideAwardPeriod',
      message: `${formatPence(e.pence)} of spend on ${e.label} is dated outside the project's start and end dates (${[...e.months].sort().join(', ')})`,
      subject: key,
    });
  }
  return out;
}

/**
 * Shares of the allocation the grant conditions ask for. Intervention spend is the awards
 * plus budget lines whose heading counts as an intervention (templates/funding/headings.json);
 * evaluation spend is lines whose heading mentions evaluation. Match funding is not recorded
 * in the app, so it is not checked here.
 */
export function shareWarnings(
  stream: StreamRules,
  financialYear: string,
  allocationPence: number,
  budget: { heading: string; pence: number; isAward: boolean }[],
  isInterventionHeading: (heading: string) => boolean,
): FundingWarning[] {
  if (allocationPence <= 0) return [];
  const out: FundingWarning[] = [];
  if (stream.evaluationPercent !== null && stream.evaluationPercent > 0) {
    const evaluation = budget.filter((b) => !b.isAward && /evaluation/i.test(b.heading)).reduce((a, b) => a + b.pence, 0);
    if (evaluation * 100 < allocationPence * stream.evaluationPercent) {
      out.push({
        code: 'stream.evaluationShare',
        message: `The ${stream.name}'s ${financialYear} budget keeps ${formatPence(evaluation)} for evaluation, less than the ${stream.evaluationPercent}% (${formatPence(Math.round((allocationPence * stream.evaluationPercent) / 100))}) its conditions ask for`,
        subject: 'stream',
      });
    }
  }
  if (stream.minInterventionPercent !== null && stream.minInterventionPercent > 0) {
    const interventions = budget.filter((b) => b.isAward || isInterventionHeading(b.heading)).reduce((a, b) => a + b.pence, 0);
    if (interventions * 100 < allocationPence * stream.minInterventionPercent) {
      out.push({
        code: 'stream.interventionShare',
        message: `The ${stream.name}'s ${financialYear} budget puts ${formatPence(interventions)} into interventions, less than the minimum ${stream.minInterventionPercent}% (${formatPence(Math.round((allocationPence * stream.minInterventionPercent) / 100))}) its conditions ask for`,
        subject: 'stream',
      });
    }
  }
  return out;
}
