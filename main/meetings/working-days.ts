import { addDays, isBankHoliday, weekday } from './bank-holidays';

/** Monday to Friday and not an English bank holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !isBankHoliday(isoDate);
}

/**
 * The date papers are due: `workingDays` working days before the meeting's date, counting
 * back from the day before the meeting (the meeting day itself is not a day of notice).
 * A board meeting on Tuesday 14 April 2020 with 5 working days: Mon 13 (Easter Monday)
 * and Fri 10 (Good Friday) do not count, so 9, 8, 7, 6, 3 April → Friday 3 April 2020.
 * With 0 working days papers are due on the meeting day.
 */
export function papersDueOn(meetingDate: string, workingDays: number): string {
  let date = meetingDate.slice(0, 10);
  let left = workingDays;
  while (left > 0) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
