import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computedHolidays, easterSunday, isBankHoliday, ruleHolidays } from '../../main/meetings/bank-holidays';

const file = JSON.parse(readFileSync('templates/meetings/bank-holidays-england.json', 'utf8')) as {
  firstYear: number;
  lastYear: number;
  holidays: { date: string; name: string }[];
};

describe('Easter Sunday', () => {
  it('matches the published dates', () => {
    // Church of England tables: 2016-03-27, 2019-04-21, 2020-04-12, 2024-03-31, 2025-04-20, 2030-04-21
    expect(easterSunday(2016)).toBe('2016-03-27');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2020)).toBe('2020-04-12');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2030)).toBe('2030-04-21');
  });
});

describe('the standing rules', () => {
  it('2019: eight holidays, Good Friday 19 April, Easter Monday 22 April, May 6 and 27, August 26', () => {
    expect(ruleHolidays(2019).map((h) => h.date)).toEqual([
      '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26',
    ]);
  });
  it('moves New Year to Monday: Sunday 1 January 2017 → 2 January; Saturday 1 January 2022 → 3 January', () => {
    expect(ruleHolidays(2017)[0]!.date).toBe('2017-01-02');
    expect(ruleHolidays(2022)[0]!.date).toBe('2022-01-03');
  });
  it('Christmas on a Saturday (2021): Monday 27 and Tuesday 28 December', () => {
    expect(ruleHolidays(2021).slice(-2).map((h) => h.date)).toEqual(['2021-12-27', '2021-12-28']);
  });
  it('Christmas on a Sunday (2022): Boxing Day Monday 26, substitute Christmas Tuesday 27', () => {
    expect(ruleHolidays(2022).slice(-2).map((h) => h.date)).toEqual(['2022-12-26', '2022-12-27']);
  });
  it('Boxing Day on a Saturday (2020): Friday 25 and Monday 28 December', () => {
    expect(ruleHolidays(2020).slice(-2).map((h) => h.date)).toEqual(['2020-12-25', '2020-12-28']);
  });
});

describe('the data file', () => {
  it('covers 2015 to 2030 and agrees with rules plus proclamations, year by year', () => {
    expect(file.firstYear).toBe(2015);
    expect(file.lastYear).toBe(2030);
    for (let y = 2015; y <= 2030; y++) {
      expect(file.holidays.filter((h) => h.date.startsWith(`${y}-`))).toEqual(computedHolidays(y));
    }
  });
  it('holds the proclaimed changes', () => {
    const dates = new Set(file.holidays.map((h) => h.date));
    expect(dates.has('2020-05-08')).toBe(true); // VE day: early May moved from Monday 4 May
    expect(dates.has('2020-05-04')).toBe(false);
    expect(dates.has('2022-06-02')).toBe(true); // spring bank holiday moved from 30 May
    expect(dates.has('2022-06-03')).toBe(true); // Platinum Jubilee
    expect(dates.has('2022-05-30')).toBe(false);
    expect(dates.has('2022-09-19')).toBe(true); // state funeral of Queen Elizabeth II
    expect(dates.has('2023-05-08')).toBe(true); // coronation of King Charles III
    expect(dates.has('2023-05-01')).toBe(true); // …as well as the usual early May holiday
  });
  it('has eight holidays a year except the years with proclamations', () => {
    for (let y = 2015; y <= 2030; y++) {
      const n = file.holidays.filter((h) => h.date.startsWith(`${y}-`)).length;
      expect(n, String(y)).toBe(y === 2022 ? 10 : y === 2023 ? 9 : 8);
    }
  });
});

describe('isBankHoliday', () => {
  it('answers from the list and, outside it, from the rules', () => {
    expect(isBankHoliday('2020-04-10')).toBe(true);
    expect(isBankHoliday('2020-04-14')).toBe(false);
    expect(isBankHoliday('2035-12-25')).toBe(true);
    expect(isBankHoliday('2014-08-25')).toBe(true);
  });
});
