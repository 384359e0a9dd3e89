import { describe, expect, it } from 'vitest';
import { isWorkingDay, papersDueOn } from '../../main/meetings/working-days';

describe('papers deadline', () => {
  it('counts back working days from the day before the meeting', () => {
    // Tuesday 10 March 2020, 5 working days: Mon 9, Fri 6, Thu 5, Wed 4, Tue 3 → Tuesday 3 March
    expect(papersDueOn('2020-03-10', 5)).toBe('2020-03-03');
  });
  it('skips Easter: Tuesday 14 April 2020 → Friday 3 April', () => {
    // Mon 13 (Easter Monday) and Fri 10 (Good Friday) do not count: 9, 8, 7, 6, 3 April
    expect(papersDueOn('2020-04-14', 5)).toBe('2020-04-03');
  });
  it('skips the VE day holiday on Friday 8 May 2020 (and not Monday 4 May)', () => {
    // Tuesday 12 May, 5 days: Mon 11, (Fri 8 holiday), Thu 7, Wed 6, Tue 5, Mon 4 → Monday 4 May
    expect(papersDueOn('2020-05-12', 5)).toBe('2020-05-04');
  });
  it('skips the jubilee holidays of 2 and 3 June 2022', () => {
    // Tuesday 7 June 2022, 3 days: Mon 6, (Fri 3, Thu 2 holidays), Wed 1, Tue 31 May
    expect(papersDueOn('2022-06-07', 3)).toBe('2022-05-31');
  });
  it('skips Christmas substitute days in 2021', () => {
    // Wednesday 5 January 2022, 5 days: Tue 4, (Mon 3 New Year substitute), Fri 31, Thu 30, Wed 29, (Tue 28, Mon 27 Christmas substitutes), Fri 24
    expect(papersDueOn('2022-01-05', 5)).toBe('2021-12-24');
  });
  it('from a meeting on a Monday, one working day is the Friday before', () => {
    expect(papersDueOn('2020-03-09', 1)).toBe('2020-03-06');
  });
  it('with no working days, papers are due on the meeting day', () => {
    expect(papersDueOn('2020-03-10', 0)).toBe('2020-03-10');
  });
  it('knows weekends and the state funeral', () => {
    expect(isWorkingDay('2020-03-07')).toBe(false);
    expect(isWorkingDay('2022-09-19')).toBe(false);
    expect(isWorkingDay('2022-09-20')).toBe(true);
  });
});
