import { describe, expect, it } from 'vitest';
import {
  describeQuarter, financialYearOf, fiscalMonthNumber, isFinancialYear, isIsoDate, lastDayOfMonth, monthsOfYear,
  parseQuarter, quarterMonths, quarterOf, quarterRange, startYearOf, yearEnd, yearStart, yearsBetween,
} from '../../main/shared/financial-year';

describe('the UK financial year', () => {
  it('runs 1 April to 31 March', () => {
    expect(financialYearOf('2019-04-01')).toBe('2019/20');
    expect(financialYearOf('2020-03-31')).toBe('2019/20');
    expect(financialYearOf('2020-04-01')).toBe('2020/21');
    expect(financialYearOf('2019-09-24')).toBe('2019/20'); // the panel report of seed 000
    expect(financialYearOf('1999-12')).toBe('1999/00');
    expect(yearStart('2019/20')).toBe('2019-04-01');
    expect(yearEnd('2019/20')).toBe('2020-03-31');
  });

  it('puts Q1 in April–June and Q4 in January–March', () => {
    expect(quarterOf('2019-04-01')).toBe(1);
    expect(quarterOf('2019-06-30')).toBe(1);
    expect(quarterOf('2019-07-01')).toBe(2);
    expect(quarterOf('2019-12-31')).toBe(3);
    expect(quarterOf('2020-01-01')).toBe(4);
    expect(quarterOf('2020-03')).toBe(4);
    expect(quarterMonths('2019/20', 3)).toEqual(['2019-10', '2019-11', '2019-12']);
    expect(quarterMonths('2019/20', 4)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(quarterRange('2019/20', 4)).toEqual(['2020-01-01', '2020-03-31']);
    expect(describeQuarter('2019/20', 4)).toBe('2019/20 Q4 (January–March 2020)');
  });

  it('counts April as month 1 and March as month 12', () => {
    expect(fiscalMonthNumber('2019-04')).toBe(1);
    expect(fiscalMonthNumber('2019-12-25')).toBe(9);
    expect(fiscalMonthNumber('2020-03-01')).toBe(12);
    const months = monthsOfYear('2019/20');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2019-04');
    expect(months[11]).toBe('2020-03');
  });

  it('reads and checks the written form', () => {
    expect(isFinancialYear('2019/20')).toBe(true);
    expect(isFinancialYear('1999/00')).toBe(true);
    expect(isFinancialYear('2019/21')).toBe(false);
    expect(isFinancialYear('2019-20')).toBe(false);
    expect(isFinancialYear('19/20')).toBe(false);
    expect(startYearOf('2021/22')).toBe(2021);
    expect(() => startYearOf('2019/2020')).toThrow(/write it like 2019\/20/);
    expect(yearsBetween('2019/20', '2021/22')).toEqual(['2019/20', '2020/21', '2021/22']);
    expect(parseQuarter('q3')).toBe(3);
    expect(() => parseQuarter('Q5')).toThrow(/Q1, Q2, Q3 or Q4/);
  });

  it('knows real dates and month ends, leap years included', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(lastDayOfMonth('2020-02')).toBe('2020-02-29');
    expect(lastDayOfMonth('2019-02')).toBe('2019-02-28');
    expect(lastDayOfMonth('2019-09')).toBe('2019-09-30');
  });
});
