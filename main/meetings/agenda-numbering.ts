/**
 * Agenda numbering and timings: items are numbered 1, 2, 3 … in order, each starts when the
 * one before it ends, the first at the meeting's start. Pure, so a reorder on screen and the
 * exported agenda always agree.
 */
export interface Warning {
  code: string;
  message: string;
  field?: string;
}

export interface Timed {
  number: number;
  /** "HH:MM" */
  startsAt: string;
  endsAt: string;
}

function minutesOf(isoDateTime: string): number {
  const [h, m] = isoDateTime.slice(11, 16).split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 610 → "10:10"; past midnight wraps (a meeting is not expected to run that late). */
export function clock(totalMinutes: number): string {
  const m = ((totalMinutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h > 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

export function numberAgenda<T extends { minutesAllotted: number }>(
  meeting: { startsAt: string; endsAt: string },
  items: readonly T[],
): { items: (T & Timed)[]; warnings: Warning[] } {
  let at = minutesOf(meeting.startsAt);
  const out = items.map((item, i) => {
    const start = at;
    at += item.minutesAllotted;
    return { ...item, number: i + 1, startsAt: clock(start), endsAt: clock(at) };
  });
  const warnings: Warning[] = [];
  const dayEnd = minutesOf(meeting.endsAt) + (meeting.endsAt.slice(0, 10) > meeting.startsAt.slice(0, 10) ? 1440 : 0);
  if (at > dayEnd) {
    warnings.push({
      code: 'agenda.overrun',
      message: `The agenda runs to ${clock(at)}, ${duration(at - dayEnd)} after the meeting is due to end at ${clock(dayEnd)}. Shorten items or extend the meeting.`,
      field: 'minutesAllotted',
    });
  }
  return { items: out, warnings };
}

/** Checks a reorder names every item of the agenda exactly once. Returns a problem or null. */
export function reorderProblem(current: readonly number[], proposed: readonly number[]): string | null {
  const seen = new Set<number>();
  for (const id of proposed) {
    if (seen.has(id)) return `Agenda item ${id} is listed twice; send each item once, in the new order.`;
    seen.add(id);
  }
  const missing = current.filter((id) => !seen.has(id));
  const unknown = proposed.filter((id) => !current.includes(id));
  if (unknown.length > 0) return `Agenda item${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not on this meeting's agenda.`;
  if (missing.length > 0) return `The new order leaves out agenda item${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; send every item of the agenda.`;
  return null;
}
