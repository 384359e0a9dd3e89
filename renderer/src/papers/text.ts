/** Dates as the screen shows them (en-GB), from ISO text. */
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function dayOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return day.format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

export function stamp(iso: string): string {
  return `${dayOf(iso)} ${iso.slice(11, 16)}`;
}
