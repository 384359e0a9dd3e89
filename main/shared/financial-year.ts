/**
 * The UK public-sector financial year: 1 April to 31 March, written "2019/20".
 * Q1 = April–June, Q2 = July–September, Q3 = October–December, Q4 = January–March;
 * month 1 is April. Dates are ISO strings (YYYY-MM-DD), months YYYY-MM.
 * Pure functions: the renderer, services, exports and CLI all use these.
 */
export type Quarter = 1 | 2 | 3 | 4;

const FY = /^(\d{4})\/(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isFinancialYear(text: string): boolean {
  const m = FY.exec(text);
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The calendar year in which a financial year starts: "2019/20" → 2019. */
export function startYearOf(fy: string): number {
  const m = FY.exec(fy);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) {
    throw new RangeError(`"${fy}" is not a financial year; write it like 2019/20`);
  }
  return Number(m[1]);
}

export function financialYearStarting(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isIsoMonth(text: string): boolean {
  const m = ISO_MONTH.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function yearMonth(isoDateOrMonth: string): [number, number] {
  const y = Number(isoDateOrMonth.slice(0, 4));
  const mo = Number(isoDateOrMonth.slice(5, 7));
  if (!Number.isInteger(y) || !(mo >= 1 && mo <= 12)) throw new RangeError(`"${isoDateOrMonth}" is not an ISO date or month`);
  return [y, mo];
}

/** "2019-09-24" (or "2019-09") → "2019/20"; "2020-03-31" → "2019/20"; "2020-04-01" → "2020/21". */
export function financialYearOf(isoDateOrMonth: string): string {
  const [y, mo] = yearMonth(isoDateOrMonth);
  return financialYearStarting(mo >= 4 ? y : y - 1);
}

export function yearStart(fy: string): string {
  return `${startYearOf(fy)}-04-01`;
}

export function yearEnd(fy: string): string {
  return `${startYearOf(fy) + 1}-03-31`;
}

/** Month number within the financial year: April = 1 … March = 12. */
export function fiscalMonthNumber(isoDateOrMonth: string): number {
  const [, mo] = yearMonth(isoDateOrMonth);
  return ((mo + 8) % 12) + 1;
}

export function quarterOf(isoDateOrMonth: string): Quarter {
  return (Math.floor((fiscalMonthNumber(isoDateOrMonth) - 1) / 3) + 1) as Quarter;
}

/** The twelve months of a financial year, April first: ["2019-04", …, "2020-03"]. */
export function monthsOfYear(fy: string): string[] {
  const start = startYearOf(fy);
  return Array.from({ length: 12 }, (_, i) => {
    const mo = ((i + 3) % 12) + 1;
    const y = mo >= 4 ? start : start + 1;
    return `${y}-${String(mo).padStart(2, '0')}`;
  });
}

export function quarterMonths(fy: string, quarter: Quarter): string[] {
  return monthsOfYear(fy).slice((quarter - 1) * 3, quarter * 3);
}

/** First and last day of a quarter: ("2019/20", 1) → ["2019-04-01", "2019-06-30"]. */
export function quarterRange(fy: string, quarter: Quarter): [string, string] {
  const months = quarterMonths(fy, quarter);
  return [`${months[0]}-01`, lastDayOfMonth(months[2]!)];
}

export function lastDayOfMonth(isoMonth: string): string {
  const [y, mo] = yearMonth(isoMonth);
  const day = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${isoMonth.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

/** Financial years from first to last inclusive: ("2019/20", "2021/22") → three years. */
export function yearsBetween(first: string, last: string): string[] {
  const a = startYearOf(first);
  const b = startYearOf(last);
  const out: string[] = [];
  for (let y = a; y <= b; y++) out.push(financialYearStarting(y));
  return out;
}

export function parseQuarter(text: string): Quarter {
  const m = /^Q?([1-4])$/i.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a quarter; write Q1, Q2, Q3 or Q4`);
  return Number(m[1]) as Quarter;
}

/** "2019/20 Q1 (April–June 2019)" */
export function describeQuarter(fy: string, quarter: Quarter): string {
  const start = startYearOf(fy);
  const labels = ['April–June', 'July–September', 'October–December', 'January–March'];
  const calYear = quarter === 4 ? start + 1 : start;
  return `${fy} Q${quarter} (${labels[quarter - 1]} ${calYear})`;
}
