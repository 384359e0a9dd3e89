import { readFileSync } from 'node:fs';
import { templatePath } from '../shared/templates-dir';

/**
 * English (and Welsh) bank holidays. The app reads the list in
 * templates/meetings/bank-holidays-england.json (data, read at run time, so a holiday
 * announced later — a state funeral, a coronation — is a one-line edit without a release).
 * The rules below produced that list and the unit tests check the two agree. Outside the
 * list's years, or if the file is missing or broken, the standing rules answer.
 */

export interface BankHoliday {
  date: string;
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function isoOf(date: Date): string {
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return utc(y, m, d).getUTCDay();
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return isoOf(utc(y, m, d + days));
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
 * 2019 → 2019-04-21, 2024 → 2024-03-31.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = iso(year, month, 1);
  return addDays(first, (8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = isoOf(utc(year, month + 1, 0));
  return addDays(last, -((weekday(last) + 6) % 7));
}

/** Changes announced by proclamation, which no rule predicts: a holiday moved (remove + add) or added. */
export const PROCLAIMED: { year: number; remove?: string; add?: BankHoliday }[] = [
  { year: 2020, remove: '2020-05-04', add: { date: '2020-05-08', name: 'Early May bank holiday (VE day)' } },
  { year: 2022, remove: '2022-05-30', add: { date: '2022-06-02', name: 'Spring bank holiday' } },
  { year: 2022, add: { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' } },
  { year: 2022, add: { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' } },
  { year: 2023, add: { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' } },
];

/** The holidays the standing rules give for a year, before any proclamation. */
export function ruleHolidays(year: number): BankHoliday[] {
  const out: BankHoliday[] = [];
  const newYear = iso(year, 1, 1);
  const nyDay = weekday(newYear);
  out.push({ date: nyDay === 6 ? iso(year, 1, 3) : nyDay === 0 ? iso(year, 1, 2) : newYear, name: nyDay === 0 || nyDay === 6 ? 'New Year’s Day (substitute day)' : 'New Year’s Day' });
  const easter = easterSunday(year);
  out.push({ date: addDays(easter, -2), name: 'Good Friday' });
  out.push({ date: addDays(easter, 1), name: 'Easter Monday' });
  out.push({ date: firstMonday(year, 5), name: 'Early May bank holiday' });
  out.push({ date: lastMonday(year, 5), name: 'Spring bank holiday' });
  out.push({ date: lastMonday(year, 8), name: 'Summer bank holiday' });
  // Christmas and Boxing Day falling at a weekend move to the next weekdays not taken.
  const xmasDay = weekday(iso(year, 12, 25));
  if (xmasDay === 6) {
    out.push({ date: iso(year, 12, 27), name: 'Christmas Day (substitute day)' }, { date: iso(year, 12, 28), name: 'Boxing Day (substitute day)' });
  } else if (xmasDay === 0) {
    out.push({ date: iso(year, 12, 26), name: 'Boxing Day' }, { date: iso(year, 12, 27), name: 'Christmas Day (substitute day)' });
  } else if (xmasDay === 5) {
    out.push({ date: iso(year, 12, 25), name: 'Christmas Day' }, { date: iso(year, 12, 28), name: 'Boxing Day (substitute day)' });
  } else {
    out.push({ date: iso(year, 12, 25), name: 'Christmas Day' }, { date: iso(year, 12, 26), name: 'Boxing Day' });
  }
  return out;
}

/** Rules plus proclamations: what the data file should hold for a year. */
export function computedHolidays(year: number): BankHoliday[] {
  let out = ruleHolidays(year);
  for (const p of PROCLAIMED.filter((x) => x.year === year)) {
    if (p.remove) out = out.filter((h) => h.date !== p.remove);
    if (p.add) out.push(p.add);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export interface HolidayList {
  firstYear: number;
  lastYear: number;
  holidays: BankHoliday[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
let cached: { path: string; list: HolidayList | null; dates: Set<string> } | undefined;

/** The data file, checked; null when it is missing or malformed. */
export function holidayList(): HolidayList | null {
  const path = templatePath('meetings', 'bank-holidays-england.json');
  if (cached?.path === path) return cached.list;
  let list: HolidayList | null = null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<HolidayList>;
    if (
      Number.isInteger(parsed.firstYear) &&
      Number.isInteger(parsed.lastYear) &&
      Array.isArray(parsed.holidays) &&
      parsed.holidays.every((h) => typeof h?.date === 'string' && DATE.test(h.date) && typeof h?.name === 'string')
    ) {
      list = parsed as HolidayList;
    }
  } catch {
    // Fall back to the rules: the list adds proclaimed holidays, the rules cover the rest.
  }
  cached = { path, list, dates: new Set(list?.holidays.map((h) => h.date) ?? []) };
  return list;
}

const ruleCache = new Map<number, Set<string>>();

/** True for a bank holiday in England: from the list within its years, else by the rules. */
export function isBankHoliday(isoDate: string): boolean {
  const list = holidayList();
  const year = Number(isoDate.slice(0, 4));
  if (list && year >= list.firstYear && year <= list.lastYear) return cached!.dates.has(isoDate);
  let set = ruleCache.get(year);
  if (!set) ruleCache.set(year, (set = new Set(computedHolidays(year).map((h) => h.date))));
  return set.has(isoDate);
}
