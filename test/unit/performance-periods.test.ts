import { describe, expect, it } from 'vitest';
import {
  lastPeriodEndingBy, periodLabel, periodProblem, periodRange, periodsOfYears, readPeriod, samePeriodLastYear, shiftPeriod,
} from '../../main/performance/periods';
import { readValue, valueProblem, formatValue } from '../../main/performance/units';

describe('periods by frequency', () => {
  it('accepts each frequency only in its own form, naming the field and the form wanted', () => {
    expect(periodProblem('monthly', '2019-04')).toBeNull();
    expect(periodProblem('quarterly', '2019/20 Q1')).toBeNull();
    expect(periodProblem('annual', '2019/20')).toBeNull();
    expect(periodProblem('quarterly', '2019-04')).toBe('Period 2019-04 is a month, but this indicator is reported quarterly: write it like 2019/20 Q1');
    expect(periodProblem('monthly', '2019/20')).toBe('Period 2019/20 is a financial year, but this indicator is reported monthly: write it like 2019-04');
    expect(periodProblem('annual', '2019/21')).toBe('Period "2019/21" is not a period; this indicator is reported annually, so write it like 2019/20');
    expect(periodProblem('annual', '2019-04')).toBe('Period 2019-04 is a month, but this indicator is reported annually: write it like 2019/20');
    expect(periodProblem('monthly', '2019-13')).not.toBeNull();
  });

  it('reads what people type or spreadsheets hold', () => {
    expect(readPeriod('Apr 2019')).toBe('2019-04');
    expect(readPeriod('September 2019')).toBe('2019-09');
    expect(readPeriod('01/04/2019')).toBe('2019-04'); // en-GB day/month/year
    expect(readPeriod('04/2019')).toBe('2019-04');
    expect(readPeriod('2019-04-30')).toBe('2019-04');
    expect(readPeriod(new Date(Date.UTC(2020, 2, 1)))).toBe('2020-03');
    expect(readPeriod('Q3 2019/20')).toBe('2019/20 Q3');
    expect(readPeriod('2019-20 q4')).toBe('2019/20 Q4');
    expect(readPeriod('2019-20')).toBe('2019/20');
    expect(readPeriod('Spring 2019')).toBeNull();
    expect(readPeriod('')).toBeNull();
  });

  it('does arithmetic across year ends', () => {
    expect(shiftPeriod('2019-01', -1)).toBe('2018-12');
    expect(shiftPeriod('2019/20 Q4', 1)).toBe('2020/21 Q1');
    expect(samePeriodLastYear('2020-03')).toBe('2019-03');
    expect(samePeriodLastYear('2019/20 Q1')).toBe('2018/19 Q1');
    expect(samePeriodLastYear('2019/20')).toBe('2018/19');
    expect(periodRange('2019/20 Q4')).toEqual(['2020-01-01', '2020-03-31']);
    expect(periodRange('2020-02')).toEqual(['2020-02-01', '2020-02-29']);
  });

  it('finds the last period that has ended by an as-at date', () => {
    expect(lastPeriodEndingBy('monthly', '2020-03-31')).toBe('2020-03');
    expect(lastPeriodEndingBy('monthly', '2020-03-30')).toBe('2020-02');
    expect(lastPeriodEndingBy('quarterly', '2020-03-31')).toBe('2019/20 Q4');
    expect(lastPeriodEndingBy('quarterly', '2020-03-30')).toBe('2019/20 Q3');
    expect(lastPeriodEndingBy('annual', '2020-03-31')).toBe('2019/20');
    expect(lastPeriodEndingBy('annual', '2020-03-30')).toBe('2018/19');
  });

  it('lists the periods of financial years for the values grid', () => {
    const months = periodsOfYears('monthly', '2018/19', '2019/20');
    expect(months).toHaveLength(24);
    expect([months[0], months[23]]).toEqual(['2018-04', '2020-03']);
    expect(periodsOfYears('quarterly', '2019/20', '2019/20')).toEqual(['2019/20 Q1', '2019/20 Q2', '2019/20 Q3', '2019/20 Q4']);
    expect(periodLabel('2019/20 Q4')).toBe('2019/20 Q4 (January–March 2020)');
    expect(periodLabel('2019-04')).toBe('April 2019');
  });
});

describe('values by unit', () => {
  it('reads numbers as people write them and refuses words', () => {
    expect(readValue('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(readValue('45.5%', 'percentage')).toEqual({ ok: true, value: 45.5 });
    expect(readValue('£1,160,000', 'pounds')).toEqual({ ok: true, value: 1160000 });
    expect(readValue(12.5, 'rate_per_100k')).toEqual({ ok: true, value: 12.5 });
    expect(readValue('n/a', 'count')).toEqual({ ok: false, reason: '"n/a" is not a number' });
    expect(readValue('12 13', 'count').ok).toBe(false);
    expect(readValue('1,23', 'count').ok).toBe(false);
    expect(readValue('', 'count')).toEqual({ ok: false, reason: 'is empty' });
    expect(readValue('45%', 'count').ok).toBe(false);
  });

  it('keeps each unit in its bounds', () => {
    expect(valueProblem(100, 'percentage')).toBeNull();
    expect(valueProblem(100.5, 'percentage')).toBe('Value 100.5% is above 100; a percentage must be between 0 and 100');
    expect(valueProblem(-1, 'count')).toBe('Value -1 is negative; a count cannot be');
    expect(valueProblem(2.5, 'count')).toBe('Value 2.5 is not a whole number; a count must be');
    expect(valueProblem(12.34, 'rate_per_100k')).toBeNull();
    expect(valueProblem(10.005, 'pounds')).toBe('Value £10.005 is more precise than a penny');
  });

  it('writes values en-GB in their unit', () => {
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(12.345, 'rate_per_100k')).toBe('12.35 per 100,000');
    expect(formatValue(4.1, 'rate_per_million')).toBe('4.1 per million');
    expect(formatValue(45.5, 'percentage')).toBe('45.5%');
    expect(formatValue(1234.5, 'pounds')).toBe('£1,234.50');
    expect(formatValue(-250, 'pounds')).toBe('-£250');
  });
});
