import { z } from 'zod';
import { lockSeries } from '../db/allocation-lock';
import { sql } from '../db/statements';
import { edit } from '../api/define';
import { id } from '../api/fields';
import type { HandlersFor } from '../api/handler-types';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError, notFound } from '../shared/errors';
import type { MeetingDetail } from './contract';
import { MEETING_STATUS_LABELS } from './meeting-status';
import { formatMinuteNumber, restartsYearly } from './minute-numbers';
import { agendaItems, attendance, boards, meetings, memberships } from './repository';

/**
 * The minutes as a record (issue 15): their numbers in the board's series, their approval at
 * the next meeting, and the rule that approved minutes do not change (a correction goes in the
 * next meeting's minutes).
 */

/**
 * Refuses a change to the record of a meeting whose minutes are approved, naming the field the
 * change was to. Used by every write that changes what the minutes say: an item's discussion,
 * the agenda, decisions and actions recorded on it, attendance and declarations.
 */
export async function refuseIfMinutesApproved(ctx: Ctx, meetingId: number | null, field: string, what: string): Promise<void> {
  if (meetingId === null) return;
  const m = await meetings.get(ctx, meetingId);
  if (!m || m.status !== 'minutes_approved') return;
  const at = m.minutesApprovedAtStartsAt ? ` at the meeting of ${formatDateLong(m.minutesApprovedAtStartsAt)}` : '';
  throw new DomainError(
    'minutes.approved',
    `The minutes of the meeting of ${formatDateLong(m.startsAt)} were approved as a correct record${at}, so ${what} can no longer change. A correction goes in the minutes of the next meeting.`,
    field,
  );
}

/** The board's item (any meeting) that already carries a minute number, if any. */
async function minuteNumberUser(ctx: Ctx, boardId: number, minuteNumber: string, exceptItemId: number | null) {
  return sql<{ id: number; title: string; starts_at: string }>(
    ctx,
    `SELECT a.id, a.title, m.starts_at FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
     WHERE m.board_id = ? AND lower(a.minute_number) = lower(?) AND a.id <> ? ORDER BY a.id LIMIT 1`,
  ).get(boardId, minuteNumber, exceptItemId ?? 0);
}

/**
 * Gives each item of the meeting without a minute number the next number of the board's
 * series, in agenda order (./minute-numbers.ts says when and why). A number already used (one
 * set by hand) is passed over.
 */
export async function assignMinuteNumbers(ctx: Ctx, meetingId: number): Promise<void> {
  const meeting = await meetings.get(ctx, meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  const board = await boards.get(ctx, meeting.boardId, isoToday(ctx));
  if (!board) throw notFound('board', meeting.boardId);
  await lockSeries(ctx, `minute numbers of board ${board.id}`);
  const items = (await agendaItems.list(ctx, meetingId)).filter((i) => i.minuteNumber === null || i.minuteNumber === '');
  if (items.length === 0) return;
  const yearly = restartsYearly(board.minuteFormat);
  const year = meeting.startsAt.slice(0, 4);
  const last = await sql<{ n: number | null }>(
    ctx,
    `SELECT max(a.minute_seq) AS n FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
     WHERE m.board_id = ? ${yearly ? 'AND substr(m.starts_at, 1, 4) = ?' : ''}`,
  ).get(...(yearly ? [board.id, year] : [board.id]));
  let seq = Number(last?.n ?? 0);
  for (const item of items) {
    let number: string;
    do {
      seq += 1;
      number = formatMinuteNumber(board.minuteFormat, board.code, seq, meeting.startsAt);
    } while (await minuteNumberUser(ctx, board.id, number, item.id));
    await agendaItems.update(ctx, item.id, { minuteNumber: number, minuteSeq: seq });
  }
}

const minuteNumberText = z
  .string({ error: 'Minute number must be text' })
  .trim()
  .min(1, 'Minute number must not be empty')
  .max(40, 'Minute number must be at most 40 characters');

export const minutesContract = {
  'minutes.number': edit<MeetingDetail>()(
    'meeting',
    z.object({ id: id('Meeting') }).strict(),
    'Number the draft minutes of a meeting: every item without a minute number gets the next of the board’s series, in agenda order (for minutes drafted before minute numbers, or numbers cleared by hand)',
  ),
  'minutes.setNumber': edit<MeetingDetail>()(
    'agenda_item',
    z.object({ id: id('Agenda item'), minuteNumber: minuteNumberText }).strict(),
    'Set an item’s minute number by hand (refused if the board has used it already, or the minutes are approved)',
  ),
  'minutes.approve': edit<MeetingDetail>()(
    'agenda_item',
    z
      .object({
        id: id('Agenda item'),
        proposedByPersonId: id('Proposed by'),
        chairPersonId: id('Chair').nullable().default(null),
      })
      .strict(),
    'At the "Minutes of the last meeting" item, approve the previous meeting’s minutes as a correct record: who proposed it, and the Chair who signs them (the board’s chair by default)',
  ),
} as const;

type Detail = (ctx: Ctx, id: number) => Promise<MeetingDetail>;

async function requireItem(ctx: Ctx, itemId: number) {
  const item = await agendaItems.get(ctx, itemId);
  if (!item) throw notFound('agenda_item', itemId);
  return item;
}

async function presentAt(ctx: Ctx, meetingId: number, personId: number): Promise<boolean> {
  return (await attendance.list(ctx, meetingId)).some((a) => a.personId === personId && a.status === 'present');
}

async function personName(ctx: Ctx, personId: number): Promise<string | null> {
  const p = await sql<{ name: string }>(ctx, `SELECT given_name || ' ' || family_name AS name FROM person WHERE id = ?`).get(personId);
  return p?.name ?? null;
}

/** Statuses at which a meeting has not yet met, so can approve nothing. */
const NOT_MET: readonly string[] = ['planned', 'agenda_issued'];

export function minutesHandlers(detail: Detail): HandlersFor<typeof minutesContract> {
  return {
    'minutes.number': async (ctx, { id: meetingId }) => {
      const meeting = await meetings.get(ctx, meetingId);
      if (!meeting) throw notFound('meeting', meetingId);
      await refuseIfMinutesApproved(ctx, meetingId, 'id', 'its minute numbers');
      if (meeting.status !== 'minutes_draft') {
        throw new DomainError(
          'minutes.notDraft',
          `Minutes are numbered once they are a draft; this meeting is "${MEETING_STATUS_LABELS[meeting.status]}"${meeting.status === 'held' ? ': mark it "Minutes draft", which numbers them' : ''}.`,
          'id',
        );
      }
      const unnumbered = (await agendaItems.list(ctx, meetingId)).filter((i) => i.minuteNumber === null || i.minuteNumber === '');
      if (unnumbered.length === 0) throw new DomainError('minutes.allNumbered', 'Every item of these minutes already has a minute number; change one by hand at its item.', 'id');
      await assignMinuteNumbers(ctx, meetingId);
      // The meeting's record changed (its minutes are numbered): its version moves on.
      await meetings.update(ctx, meetingId, {});
      return detail(ctx, meetingId);
    },

    'minutes.setNumber': async (ctx, { id: itemId, minuteNumber }) => {
      const item = await requireItem(ctx, itemId);
      await refuseIfMinutesApproved(ctx, item.meetingId, 'minuteNumber', 'its minute numbers');
      const meeting = (await meetings.get(ctx, item.meetingId))!;
      await lockSeries(ctx, `minute numbers of board ${meeting.boardId}`);
      const clash = await minuteNumberUser(ctx, meeting.boardId, minuteNumber, itemId);
      if (clash) {
        throw new DomainError(
          'minutes.duplicateNumber',
          `Minute ${minuteNumber} is already "${clash.title}" at the meeting of ${formatDateLong(clash.starts_at)}; each minute of ${meeting.boardName} has its own number.`,
          'minuteNumber',
        );
      }
      await agendaItems.update(ctx, itemId, { minuteNumber });
      return detail(ctx, item.meetingId);
    },

    'minutes.approve': async (ctx, { id: itemId, proposedByPersonId, chairPersonId }) => {
      const item = await requireItem(ctx, itemId);
      if (item.standingKind !== 'minutes') {
        throw new DomainError('minutes.notMinutesItem', 'Minutes are approved at the "Minutes of the last meeting" item of the next meeting; this item is not that one.', 'id');
      }
      const meeting = (await meetings.get(ctx, item.meetingId))!;
      if (NOT_MET.includes(meeting.status)) {
        throw new DomainError(
          'minutes.notMet',
          `This meeting is "${MEETING_STATUS_LABELS[meeting.status]}": it has not met yet, so it cannot approve the minutes of the last meeting. Mark it "Held" once it has met.`,
          'id',
        );
      }
      await refuseIfMinutesApproved(ctx, meeting.id, 'id', 'its record');
      const prev = await meetings.previous(ctx, meeting.boardId, meeting.startsAt, meeting.id);
      if (!prev) throw new DomainError('minutes.noPrevious', `There is no earlier meeting of ${meeting.boardName} whose minutes this meeting could approve.`, 'id');
      const previous = (await meetings.get(ctx, prev.id))!;
      if (previous.status === 'minutes_approved') {
        const at = previous.minutesApprovedAtStartsAt ? ` at the meeting of ${formatDateLong(previous.minutesApprovedAtStartsAt)}` : '';
        throw new DomainError('minutes.alreadyApproved', `The minutes of ${formatDateLong(previous.startsAt)} are already approved${at}.`, 'id');
      }
      if (previous.status !== 'minutes_draft') {
        throw new DomainError('minutes.notDrafted', `The minutes of ${formatDateLong(previous.startsAt)} are not yet a draft (the meeting is "${previous.status.replace('_', ' ')}"): move it to "Minutes draft" so the board approves what was circulated.`, 'id');
      }
      if (!await presentAt(ctx, meeting.id, proposedByPersonId)) {
        const who = (await personName(ctx, proposedByPersonId)) ?? `Person ${proposedByPersonId}`;
        throw new DomainError('minutes.proposerAbsent', `Proposed by: ${who} is not recorded as present at this meeting; the minutes are approved on the proposal of someone present.`, 'proposedByPersonId');
      }
      let chair = chairPersonId;
      if (chair === null) chair = (await memberships.list(ctx, meeting.boardId, meeting.startsAt.slice(0, 10))).find((m) => m.role === 'chair')?.personId ?? null;
      if (chair === null) throw new DomainError('minutes.noChair', `${meeting.boardName} had no chair on ${formatDateLong(meeting.startsAt)}: say who chaired the meeting and signs the minutes.`, 'chairPersonId');
      if (!await presentAt(ctx, meeting.id, chair)) {
        const who = (await personName(ctx, chair)) ?? `Person ${chair}`;
        throw new DomainError('minutes.chairAbsent', `Chair: ${who} is not recorded as present at this meeting, so cannot sign its approval; say who chaired it.`, 'chairPersonId');
      }
      await meetings.update(ctx, previous.id, {
        status: 'minutes_approved',
        minutesApprovedAtMeetingId: meeting.id,
        minutesApprovedByPersonId: proposedByPersonId,
        minutesSignedByPersonId: chair,
      });
      // The item itself changed (the approval is recorded on it): its version moves on.
      await agendaItems.update(ctx, itemId, {});
      return detail(ctx, meeting.id);
    },
  };
}
