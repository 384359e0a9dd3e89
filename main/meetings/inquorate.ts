import type { QuorumResult } from './quorum';

/**
 * A resolution recorded on an item for which the meeting was not quorate (review of issue 15,
 * F8): the meeting as a whole was short, or members who declared an interest withdrew and took
 * the item below quorum. It is not refused — the record says what happened and the chair
 * decides what follows (usually ratification at the next quorate meeting) — but the screen warns
 * before it is recorded, the decision's answer carries a warning, and the minutes say so under
 * the item's resolutions, with the quorum sentence.
 *
 * Quorum here is what the register and the declarations say (./quorum.ts): the attendance
 * record has no times, so "quorum lost during the item" is recorded as a withdrawal on it.
 */
export function inquorate(quorum: QuorumResult | null): quorum is QuorumResult {
  return quorum !== null && !quorum.met;
}

/** "Not quorate: 3 members present … short." → "3 members present … short." */
const reasonOf = (q: QuorumResult) => q.statement.replace(/^Not quorate:\s*/, '');

/** The sentence the minutes print under an inquorate item's resolutions (null when it was quorate or has none). */
export function inquorateResolutionNote(item: { quorum: QuorumResult | null; decisions: readonly { status: string }[] }): string | null {
  const resolved = item.decisions.filter((d) => d.status === 'agreed' || d.status === 'rejected' || d.status === 'deferred' || d.status === 'superseded');
  if (resolved.length === 0 || !inquorate(item.quorum)) return null;
  return `${resolved.length === 1 ? 'This resolution was' : 'These resolutions were'} recorded while the meeting was not quorate for this item: ${reasonOf(item.quorum)}`;
}

/** The warning on screen before, and in the answer after, recording a resolution on an inquorate item. */
export function inquorateWarningText(itemNumber: number | string, quorum: QuorumResult): string {
  return `The meeting is not quorate for item ${itemNumber}: ${reasonOf(quorum)} A decision recorded now is minuted as taken while the meeting was not quorate.`;
}
