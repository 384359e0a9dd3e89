export { formatBytes } from '../shared/bytes';

/** An export's size as the command line reports it: "96 KB" (at least 1 KB). */
export function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export { plural } from '../shared/plural';

/** "organisation 3, person 4" for the tables that hold rows, or "no rows". */
export function rowCounts(counts: Record<string, number>): string {
  const held = Object.entries(counts).filter(([, n]) => n > 0);
  return held.length ? held.map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`).join(', ') : 'no rows';
}

export function totalRows(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
