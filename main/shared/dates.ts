/** Dates on screen and in documents are en-GB; storage is ISO. */
const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

function utc(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** "2019-09-24" → "24 September 2019" */
export function formatDateLong(iso: string | null | undefined): string {
  return iso ? long.format(utc(iso)) : '';
}

/** "2019-09-24" → "24/09/2019" */
export function formatDateShort(iso: string | null | undefined): string {
  return iso ? short.format(utc(iso)) : '';
}

/** "2019-09-24T14:30" → "14:30" */
export function formatTime(isoDateTime: string): string {
  return isoDateTime.slice(11, 16);
}

const moment = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant stored in UTC, in this computer's time: "2026-12-02T04:11:39Z" → "2 Dec 2026, 04:11". */
export function formatMoment(isoUtc: string): string {
  const d = new Date(isoUtc);
  return Number.isNaN(d.getTime()) ? '' : moment.format(d);
}
