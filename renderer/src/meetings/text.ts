import { formatDateLong } from '../../../main/shared/dates';

/** Dates and times as the secretariat reads them (en-GB), for the Meetings and Actions screens. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function longDate(iso: string | null | undefined): string {
  return formatDateLong(iso);
}

/** "Tuesday 16 June 2020" */
export function meetingDay(startsAt: string): string {
  const [y, m, d] = startsAt.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${formatDateLong(startsAt)}`;
}

export function timeRange(m: { startsAt: string; endsAt: string }): string {
  return `${m.startsAt.slice(11, 16)} to ${m.endsAt.slice(11, 16)}`;
}

export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
