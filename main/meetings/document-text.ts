import type { Column, DocumentMeta } from '../documents/docx';
import { fitColumns } from '../documents/fit-columns';
import { houseStyle } from '../documents/house-style';
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
/**
 * The columns of an agenda's or minutes' table of actions (portrait, 12 pt): each as wide as
 * its longest token ("A9735", "19/03/2020", "Done 05/02/2020" kept whole), the action most of
 * the rest. Fixed widths printed "A97" / "35" once references reached four digits.
 */
export function actionColumns(rows: readonly (readonly string[])[]): Column[] {
  return fitColumns(
    [
      { header: 'Ref', weight: 0 },
      { header: 'Action', weight: 60 },
      { header: 'Owner', weight: 25 },
      { header: 'Due', weight: 0, whole: true },
      { header: 'Status', weight: 15 },
    ],
    rows,
    { landscape: false, sizePt: houseStyle.bodySizePt, register: false },
  );
}

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

/** "15/03/2027", or "15/03/2027 (originally 31/01/2027)" once the due date has been revised. */
export function dueText(dueOn: string | null, originalDueOn: string | null = null): string {
  const due = dueOn ? formatDateShort(dueOn) : 'No date';
  return originalDueOn && originalDueOn !== dueOn ? `${due} (originally ${formatDateShort(originalDueOn)})` : due;
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
