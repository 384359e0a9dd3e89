import type { DocumentMeta } from '../documents/docx';
import { formatDateLong, formatDateShort } from '../shared/dates';
import type { Action, MeetingDetail } from './contract';
import { ACTION_STATUS_LABELS, PURPOSE_LABELS, ROLE_LABELS } from './labels';

export { actionRef } from './labels';

/** Words shared by the agenda, the minutes and the action log, so the three agree. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2020-03-10T14:00" → "Tuesday 10 March 2020" (built by hand: ICU versions differ on the comma). */
export function meetingDate(startsAt: string): string {
  const [y, m, d] = startsAt.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${formatDateLong(startsAt)}`;
}

/** "14:00 to 16:00" */
export function meetingTimes(m: { startsAt: string; endsAt: string }): string {
  return `${m.startsAt.slice(11, 16)} to ${m.endsAt.slice(11, 16)}`;
}

export function meetingName(detail: MeetingDetail): string {
  return detail.meeting.title.trim() || detail.board.name;
}

/** A meeting's agenda or minutes: titled by the meeting and date, headed by its board, marked as the board marks its papers. */
export function meetingDocumentMeta(detail: MeetingDetail, kind: 'agenda' | 'minutes'): DocumentMeta {
  const { meeting, board } = detail;
  const date = formatDateLong(meeting.startsAt);
  return {
    title: `${meetingName(detail)}: ${kind === 'agenda' ? 'agenda for' : 'minutes of'} ${date}`,
    subject: kind === 'agenda' ? 'Agenda' : 'Minutes',
    marking: board.protectiveMarking,
    headerText: board.name,
    headerDate: date,
    keywords: `${kind}, ${board.code}`,
  };
}

export function place(detail: MeetingDetail): string {
  const { location, onlineLink } = detail.meeting;
  if (location && onlineLink) return `${location}, and online`;
  if (location) return location;
  if (onlineLink) return 'Online';
  return 'To be confirmed';
}

/** The columns of every short action table (matters arising). */
export const ACTION_COLUMNS = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 43 },
  { header: 'Owner', width: 19 },
  { header: 'Due', width: 15 },
  { header: 'Status', width: 15 }, // as wide as Due: "Done 05/02/2020" keeps its date on one line
];

export function purposeLabel(purpose: keyof typeof PURPOSE_LABELS): string {
  return PURPOSE_LABELS[purpose];
}

export function roleLabel(role: keyof typeof ROLE_LABELS): string {
  return ROLE_LABELS[role];
}

/** "Open", "In progress — overdue", "Done 12/03/2020" */
export function actionStatusText(a: Action): string {
  const label = ACTION_STATUS_LABELS[a.status];
  if (a.overdue) return `${label} — overdue`;
  if (a.status === 'done' && a.completedOn) return `${label} ${formatDateShort(a.completedOn)}`;
  return label;
}

export function dueText(dueOn: string | null): string {
  return dueOn ? formatDateShort(dueOn) : 'No date';
}

/** "Strategic Board 10 December 2019", or "the meeting of 10 December 2019" when the board goes without saying. */
export function fromMeetingText(a: Action, withBoard = true): string {
  if (!withBoard) return a.meetingStartsAt ? `the meeting of ${formatDateLong(a.meetingStartsAt)}` : '';
  return a.meetingStartsAt ? `${a.boardName ?? ''} ${formatDateLong(a.meetingStartsAt)}`.trim() : (a.boardName ?? '');
}

/** Paragraphs of free text: blank lines separate paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}
