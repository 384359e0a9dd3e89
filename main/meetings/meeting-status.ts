/**
 * A meeting's life: planned → agenda issued → held → minutes draft → minutes approved.
 * It moves one step at a time; one step back is allowed to correct a mistake (an agenda
 * re-issued, minutes reopened), never a jump.
 */
export const MEETING_STATUSES = ['planned', 'agenda_issued', 'held', 'minutes_draft', 'minutes_approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  agenda_issued: 'Agenda issued',
  held: 'Held',
  minutes_draft: 'Minutes draft',
  minutes_approved: 'Minutes approved',
};

export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  return MEETING_STATUSES[MEETING_STATUSES.indexOf(status) + 1] ?? null;
}

/** Null when the move is allowed, else the reason in words. */
export function statusMoveProblem(from: MeetingStatus, to: MeetingStatus): string | null {
  const step = MEETING_STATUSES.indexOf(to) - MEETING_STATUSES.indexOf(from);
  if (step === 1 || step === -1) return null;
  if (step === 0) return `The meeting is already "${MEETING_STATUS_LABELS[from]}".`;
  const next = nextStatus(from);
  return (
    `A meeting moves one step at a time (planned → agenda issued → held → minutes draft → minutes approved). ` +
    `This one is "${MEETING_STATUS_LABELS[from]}", so it cannot go to "${MEETING_STATUS_LABELS[to]}"` +
    (next ? `; its next step is "${MEETING_STATUS_LABELS[next]}".` : '.')
  );
}
