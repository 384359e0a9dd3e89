import {
  financialYearOf, financialYearStarting, isFinancialYear, isIsoMonth, lastDayOfMonth, quarterOf, quarterRange,
  startYearOf, yearEnd, yearStart, type Quarter,
} from '../shared/financial-year';

/**
 * The periods an indicator's values belong to, one written form per frequency:
 * monthly "2019-04", quarterly "2019/20 Q1" (financial-year quarters: Q1 = April–June),
 * annual "2019/20" (April to March). Pure: services, exports and the UI use these.
 */
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const QUARTERLY = /^(\d{4}\/\d{2}) Q([1-4])$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const PERIOD_EXAMPLE: Record<Frequency, string> = { monthly: '2019-04', quarterly: '2019/20 Q1', annual: '2019/20' };
const FREQUENCY_WORD: Record<Frequency, string> = { monthly: 'a month', quarterly: 'a quarter', annual: 'a financial year' };
/** How often, as an adverb: "reported annually", not "reported annual". */
export const FREQUENCY_ADVERB: Record<Frequency, string> = { monthly: 'monthly', quarterly: 'quarterly', annual: 'annually' };

export function frequencyOfPeriod(period: string): Frequency | null {
  if (isIsoMonth(period)) return 'monthly';
  const q = QUARTERLY.exec(period);
  if (q && isFinancialYear(q[1]!)) return 'quarterly';
  if (isFinancialYear(period)) return 'annual';
  return null;
}

/**
 * Why a period does not fit a frequency, in words that name the field, or null when it fits.
 * "Period 2019-04 is a month, but this indicator is reported quarterly: write it like 2019/20 Q1"
 */
export function periodProblem(frequency: Frequency, period: string, label = 'Period'): string | null {
  const actual = frequencyOfPeriod(period);
  if (actual === frequency) return null;
  const how = `write it like ${PERIOD_EXAMPLE[frequency]}`;
  if (actual === null) return `${label} "${period}" is not a period; this indicator is reported ${FREQUENCY_ADVERB[frequency]}, so ${how}`;
  return `${label} ${period} is ${FREQUENCY_WORD[actual]}, but this indicator is reported ${FREQUENCY_ADVERB[frequency]}: ${how}`;
}

/**
 * Reads what people type or what a spreadsheet holds into the written form, or null.
 * Monthly: "2019-04", "2019-04-01", "Apr 2019", "April 2019", "04/2019", "01/04/2019", a date.
 * Quarterly: "2019/20 Q1", "2019/20 q1", "Q1 2019/20", "2019-20 Q1". Annual: "2019/20", "2019-20".
 * The result may still not fit the indicator's frequency: check it with periodProblem.
 */
export function readPeriod(input: string | number | Date | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    // Spreadsheet dates arrive as UTC midnight; a month is all a date can mean here.
    return `${input.getUTCFullYear()}-${String(input.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const text = String(input).trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const fy = (s: string) => {
    const m = /^(\d{4})[/-](\d{2})$/.exec(s);
    if (!m) return null;
    const candidate = `${m[1]}/${m[2]}`;
    return isFinancialYear(candidate) ? candidate : null;
  };
  if (isIsoMonth(text)) return text;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m && isIsoMonth(`${m[1]}-${m[2]}`)) return `${m[1]}-${m[2]}`;
  m = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const month = `${m[3]}-${m[2]!.padStart(2, '0')}`;
    return isIsoMonth(month) ? month : null;
  }
  m = /^([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(text);
  if (m) {
    const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(m![1]!.toLowerCase()) && m![1]!.length >= 3);
    return index >= 0 ? `${m[2]}-${String(index + 1).padStart(2, '0')}` : null;
  }
  const yearFirst = /^(\d{4}[/-]\d{2}) ?[Qq]([1-4])$/.exec(text);
  const quarterFirst = /^[Qq]([1-4]) ?(\d{4}[/-]\d{2})$/.exec(text);
  if (yearFirst || quarterFirst) {
    const [year, q] = yearFirst ? [yearFirst[1]!, yearFirst[2]!] : [quarterFirst![2]!, quarterFirst![1]!];
    const y = fy(year);
    return y ? `${y} Q${q}` : null;
  }
  return fy(text);
}

/** A whole number per period, consecutive periods differing by one: for arithmetic and gaps. */
export function periodIndex(period: string): number {
  switch (frequencyOfPeriod(period)) {
    case 'monthly':
      return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
    case 'quarterly': {
      const q = QUARTERLY.exec(period)!;
      return startYearOf(q[1]!) * 4 + Number(q[2]) - 1;
    }
    case 'annual':
      return startYearOf(period);
    default:
      throw new RangeError(`"${period}" is not a period`);
  }
}

export function periodFromIndex(frequency: Frequency, index: number): string {
  switch (frequency) {
    case 'monthly':
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    case 'quarterly':
      return `${financialYearStarting(Math.floor(index / 4))} Q${(index % 4) + 1}`;
    case 'annual':
      return financialYearStarting(index);
  }
}

export function shiftPeriod(period: string, by: number): string {
  return periodFromIndex(frequencyOfPeriod(period)!, periodIndex(period) + by);
}

/** How many periods make a year: 12, 4 or 1. */
export function periodsPerYear(frequency: Frequency): number {
  return frequency === 'monthly' ? 12 : frequency === 'quarterly' ? 4 : 1;
}

/** "2019-04" → "2018-04"; "2019/20 Q1" → "2018/19 Q1"; "2019/20" → "2018/19". */
export function samePeriodLastYear(period: string): string {
  return shiftPeriod(period, -periodsPerYear(frequencyOfPeriod(period)!));
}

/** First and last day of a period, ISO. */
export function periodRange(period: string): [string, string] {
  switch (frequencyOfPeriod(period)) {
    case 'monthly':
      return [`${period}-01`, lastDayOfMonth(period)];
    case 'quarterly': {
      const q = QUARTERLY.exec(period)!;
      return quarterRange(q[1]!, Number(q[2]) as Quarter);
    }
    case 'annual':
      return [yearStart(period), yearEnd(period)];
    default:
      throw new RangeError(`"${period}" is not a period`);
  }
}

export function periodEnd(period: string): string {
  return periodRange(period)[1];
}

/** The last period of a frequency that has ended on or before a date: ("monthly", "2020-03-31") → "2020-03". */
export function lastPeriodEndingBy(frequency: Frequency, isoDate: string): string {
  const month = isoDate.slice(0, 7);
  let candidate: string;
  if (frequency === 'monthly') candidate = month;
  else if (frequency === 'quarterly') candidate = `${financialYearOf(month)} Q${quarterOf(month)}`;
  else candidate = financialYearOf(month);
  return periodEnd(candidate) <= isoDate ? candidate : shiftPeriod(candidate, -1);
}

/** The periods of a frequency falling within financial years first..last: for the values grid. */
export function periodsOfYears(frequency: Frequency, firstYear: string, lastYear: string): string[] {
  const from = periodIndex(firstPeriodOfYear(frequency, firstYear));
  const to = periodIndex(firstPeriodOfYear(frequency, lastYear)) + periodsPerYear(frequency) - 1;
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(periodFromIndex(frequency, i));
  return out;
}

function firstPeriodOfYear(frequency: Frequency, fy: string): string {
  return frequency === 'monthly' ? `${startYearOf(fy)}-04` : frequency === 'quarterly' ? `${fy} Q1` : fy;
}

/** "2019-04" → "April 2019"; "2019/20 Q1" → "2019/20 Q1 (April–June 2019)"; "2019/20" → "2019/20". */
export function periodLabel(period: string): string {
  switch (frequencyOfPeriod(period)) {
    case 'monthly':
      return `${MONTH_NAMES[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
    case 'quarterly': {
      const q = QUARTERLY.exec(period)!;
      const start = startYearOf(q[1]!);
      const quarter = Number(q[2]);
      const months = ['April–June', 'July–September', 'October–December', 'January–March'][quarter - 1];
      return `${period} (${months} ${quarter === 4 ? start + 1 : start})`;
    }
    default:
      return period;
  }
}

/** "2019-04" → "Apr 2019"; others as written. For chart axes and narrow columns. */
export function periodShortLabel(period: string): string {
  if (frequencyOfPeriod(period) === 'monthly') return `${MONTH_NAMES[Number(period.slice(5, 7)) - 1]!.slice(0, 3)} ${period.slice(0, 4)}`;
  return period;
}
