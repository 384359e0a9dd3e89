import type { z } from 'zod';
import { formatDateLong } from '../shared/dates';
import { isIsoDate } from '../shared/financial-year';

/**
 * What the two registers' exports (decisions log, action log) share in their filters: a date
 * range whose ends are in order. Refused with the field named, before anything is read or
 * written: "To (1 January 2020) is before From (1 February 2020) …" on `to`.
 */
export function datesInOrder(what: string) {
  return (v: { from: string | null; to: string | null }, ctx: z.RefinementCtx): void => {
    // A date that is not one has been refused on its own field already: say that once.
    if (typeof v.from === 'string' && typeof v.to === 'string' && isIsoDate(v.from) && isIsoDate(v.to) && v.to < v.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `To (${formatDateLong(v.to)}) is before From (${formatDateLong(v.from)}): choose a To date on or after the From date (${what})`,
      });
    }
  };
}

/** "from 1 April 2024 to 31 March 2025", "from 1 April 2024", "to 31 March 2025", or "". */
export function dateRangeText(from: string | null, to: string | null): string {
  if (from !== null && to !== null) return `from ${formatDateLong(from)} to ${formatDateLong(to)}`;
  if (from !== null) return `from ${formatDateLong(from)}`;
  if (to !== null) return `to ${formatDateLong(to)}`;
  return '';
}
