import { lockSeries } from '../db/allocation-lock';
import { sql } from '../db/statements';
import { checkVersion } from '../db/versions';
import type { HandlersFor } from '../api/handler-types';
import type { Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError, notFound } from '../shared/errors';
import type { boardPlanContract, BoardStandingItems } from './board-plan-contract';
import { inAgendaOrder, ownStandingItems } from './board-standing-items';
import type { ForwardPlanItem, Meeting } from './contract';
import { agendaItems, attendance, boards, forwardPlan, meetings, memberships } from './repository';
import {
  assertMeetingEditable,
  defaultInsertIndex,
  detailWithQuorate,
  insertItem,
  refuseChangedMark,
  requireBoard,
  requireMeeting,
  requirePersonField,
  writeOrder,
} from './service';
import { standingItemsFor } from './standing-items';

/**
 * Issue 15, point 6: the forward plan edited, ordered and moved between meetings on the
 * board's screen; a board's own standing items; "mark all present" on a meeting's register.
 */

/** A meeting whose agenda has been taken: nothing more can be planned onto it or taken off it. */
const HELD: readonly string[] = ['held', 'minutes_draft', 'minutes_approved'];

const dateOf = (isoDateTime: string) => isoDateTime.slice(0, 10);

async function requirePlanItem(ctx: Ctx, id: number): Promise<ForwardPlanItem> {
  const item = await forwardPlan.get(ctx, id);
  if (!item) throw notFound('forward_plan_item', id);
  return item;
}

/** What is recorded against an agenda item that ties it to its meeting (papers, decisions, actions, declarations). */
async function tiesOf(ctx: Ctx, agendaItemId: number): Promise<string[]> {
  const count = async (table: string) => Number((await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM ${table} WHERE agenda_item_id = ?`).get(agendaItemId))!.n);
  const ties: string[] = [];
  for (const [table, noun] of [['paper', 'paper'], ['decision', 'decision'], ['action', 'action'], ['declaration', 'declaration']] as const) {
    const n = await count(table);
    if (n > 0) ties.push(`${n} ${noun}${n === 1 ? '' : 's'}`);
  }
  return ties;
}

/** Puts a plan item onto the agenda of `target` (a meeting of its board not yet held), off the one it was on. */
async function moveOnto(ctx: Ctx, item: ForwardPlanItem, target: Meeting): Promise<number> {
  if (item.agendaItemId === null) {
    return insertItem(ctx, target.id, { title: item.title, purpose: item.purpose, leadPersonId: item.leadPersonId, minutesAllotted: 15 }, null);
  }
  if (item.meetingId === target.id) return item.agendaItemId;
  const source = await requireMeeting(ctx, item.meetingId!);
  if (HELD.includes(source.status)) {
    throw new DomainError(
      'forwardPlan.taken',
      `Meeting: "${item.title}" was taken at the meeting of ${formatDateLong(dateOf(source.startsAt))}, which has been held; it stays in that meeting's record. Plan a new item for a later meeting instead.`,
      'meetingId',
    );
  }
  const ties = await tiesOf(ctx, item.agendaItemId);
  if (ties.length > 0) {
    throw new DomainError(
      'forwardPlan.itemTied',
      `Meeting: "${item.title}" is on the agenda of ${formatDateLong(dateOf(source.startsAt))} with ${ties.join(', ')} recorded against it; take ${ties.length === 1 ? 'it' : 'them'} off the item first, then move it.`,
      'meetingId',
    );
  }
  // Both agendas take their turn with other changes to their order, the lower id first.
  for (const m of [source.id, target.id].sort((a, b) => a - b)) await lockSeries(ctx, `agenda of meeting ${m}`);
  const onTarget = await agendaItems.list(ctx, target.id);
  await agendaItems.update(ctx, item.agendaItemId, { meetingId: target.id, position: onTarget.length + 1 });
  const order = onTarget.map((i) => i.id);
  order.splice(await defaultInsertIndex(ctx, target.id, onTarget), 0, item.agendaItemId);
  await writeOrder(ctx, target.id, order);
  await writeOrder(ctx, source.id, (await agendaItems.list(ctx, source.id)).map((i) => i.id));
  return item.agendaItemId;
}

async function standingOf(ctx: Ctx, boardId: number): Promise<BoardStandingItems> {
  const board = await requireBoard(ctx, boardId);
  const own = await ownStandingItems(ctx, boardId);
  return { boardId, version: board.version, own: own !== null, items: own ?? standingItemsFor(board.code) };
}

export const boardPlanHandlers: HandlersFor<typeof boardPlanContract> = {
  'forwardPlan.update': async (ctx, { id, ...patch }) => {
    const item = await requirePlanItem(ctx, id);
    if (patch.leadPersonId !== undefined && patch.leadPersonId !== null) await requirePersonField(ctx, patch.leadPersonId, 'leadPersonId', 'Lead');
    const values: Parameters<typeof forwardPlan.update>[2] = { ...patch };
    if (patch.plannedFor !== undefined && patch.plannedFor !== item.plannedFor) {
      if (item.agendaItemId !== null) {
        const on = await requireMeeting(ctx, item.meetingId!);
        throw new DomainError(
          'forwardPlan.onAgenda',
          `Planned for: "${item.title}" is on the agenda of the meeting of ${formatDateLong(dateOf(on.startsAt))}; use Move to take it to another meeting.`,
          'plannedFor',
        );
      }
      values.position = await forwardPlan.nextPosition(ctx, item.boardId, patch.plannedFor);
    }
    await forwardPlan.update(ctx, id, values);
    // Its agenda item says the same while that meeting's agenda can still change.
    if (item.agendaItemId !== null && (patch.title !== undefined || patch.purpose !== undefined || patch.leadPersonId !== undefined)) {
      const on = await requireMeeting(ctx, item.meetingId!);
      if (!HELD.includes(on.status)) {
        const { title, purpose, leadPersonId } = patch;
        await agendaItems.update(ctx, item.agendaItemId, {
          ...(title !== undefined ? { title } : {}),
          ...(purpose !== undefined ? { purpose } : {}),
          ...(leadPersonId !== undefined ? { leadPersonId } : {}),
        });
      }
    }
    return requirePlanItem(ctx, id);
  },

  'forwardPlan.move': async (ctx, { id, meetingId }) => {
    const item = await requirePlanItem(ctx, id);
    const board = await requireBoard(ctx, item.boardId);
    const target = await meetings.get(ctx, meetingId);
    if (!target) throw new DomainError('forwardPlan.noMeeting', `Meeting: no meeting with id ${meetingId} exists; choose one of ${board.name}'s meetings.`, 'meetingId');
    if (target.boardId !== item.boardId) {
      throw new DomainError('forwardPlan.otherBoard', `Meeting: the meeting of ${formatDateLong(dateOf(target.startsAt))} is a meeting of ${target.boardName}, not of ${board.name}.`, 'meetingId');
    }
    if (HELD.includes(target.status)) {
      throw new DomainError('forwardPlan.meetingHeld', `Meeting: the meeting of ${formatDateLong(dateOf(target.startsAt))} has been held; move the item to a meeting still to come.`, 'meetingId');
    }
    assertMeetingEditable(target, 'agenda');
    const agendaItemId = await moveOnto(ctx, item, target);
    const plannedFor = dateOf(target.startsAt);
    const position = plannedFor === item.plannedFor ? item.position : await forwardPlan.nextPosition(ctx, item.boardId, plannedFor);
    await forwardPlan.update(ctx, id, { plannedFor, position, agendaItemId });
    return requirePlanItem(ctx, id);
  },

  'forwardPlan.reorder': async (ctx, { boardId, plannedFor, itemIds, versions }) => {
    await requireBoard(ctx, boardId);
    await lockSeries(ctx, `forward plan of board ${boardId}`);
    if (versions) {
      const read = new Map(versions.map((v) => [v.id, v.version]));
      const missing = itemIds.filter((i) => !read.has(i));
      if (missing.length > 0) throw new DomainError('validation', `Versions must give the version of every item in the order; ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} none.`, 'versions');
      for (const i of itemIds) await checkVersion(ctx, 'forward_plan_item', i, read.get(i)!);
    }
    const group = (await forwardPlan.list(ctx, boardId)).filter((f) => f.plannedFor === plannedFor);
    const seen = new Set<number>();
    for (const i of itemIds) {
      if (seen.has(i)) throw new DomainError('forwardPlan.badOrder', `Forward plan item ${i} is listed twice; send each item once, in the new order.`, 'itemIds');
      seen.add(i);
    }
    const unknown = itemIds.filter((i) => !group.some((f) => f.id === i));
    if (unknown.length > 0) throw new DomainError('forwardPlan.badOrder', `Forward plan item${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not planned for ${plannedFor} on this board.`, 'itemIds');
    const missing = group.filter((f) => !seen.has(f.id));
    if (missing.length > 0) throw new DomainError('forwardPlan.badOrder', `The new order leaves out ${missing.map((f) => `"${f.title}"`).join(', ')}; send every item planned for ${plannedFor}.`, 'itemIds');
    for (const [i, itemId] of itemIds.entries()) {
      if (group.find((f) => f.id === itemId)!.position !== i + 1) await forwardPlan.update(ctx, itemId, { position: i + 1 });
    }
    return forwardPlan.list(ctx, boardId);
  },

  'board.standingItems': (ctx, { boardId }) => standingOf(ctx, boardId),
  'board.setStandingItems': async (ctx, { boardId, items }) => {
    await requireBoard(ctx, boardId);
    await boards.update(ctx, boardId, { standingItems: JSON.stringify(inAgendaOrder(items)) });
    return standingOf(ctx, boardId);
  },
  'board.resetStandingItems': async (ctx, { boardId }) => {
    await requireBoard(ctx, boardId);
    await boards.update(ctx, boardId, { standingItems: null });
    return standingOf(ctx, boardId);
  },

  'attendance.markAllPresent': async (ctx, { meetingId, cells }) => {
    await lockSeries(ctx, `attendance of meeting ${meetingId}`);
    const meeting = await requireMeeting(ctx, meetingId);
    const date = dateOf(meeting.startsAt);
    const members = await memberships.list(ctx, meeting.boardId, date);
    const seen = new Set<number>();
    for (const [i, cell] of cells.entries()) {
      if (seen.has(cell.personId)) throw new DomainError('attendance.listedTwice', `Cells: member ${cell.personId} is listed twice.`, `cells.${i}.personId`);
      seen.add(cell.personId);
      if (!members.some((m) => m.personId === cell.personId)) {
        const who = await requirePersonField(ctx, cell.personId, `cells.${i}.personId`, 'Member');
        throw new DomainError(
          'attendance.notAMember',
          `Member: ${who.givenName} ${who.familyName} was not a member of ${meeting.boardName} on ${formatDateLong(date)}; only members are marked present all at once.`,
          `cells.${i}.personId`,
        );
      }
    }
    // Every cell as read, or the whole write is refused: a colleague's mark is never overwritten.
    for (const cell of cells) await refuseChangedMark(ctx, meetingId, cell.personId, cell.was, cell.was === null ? { status: 'present', substituteForPersonId: null } : cell.was);
    const marks = await attendance.list(ctx, meetingId);
    for (const cell of cells) {
      if (cell.was !== null || marks.some((a) => a.personId === cell.personId)) continue;
      // A member a substitute is present for is represented, not present in person.
      if (marks.some((a) => a.substituteForPersonId === cell.personId && a.status === 'present')) continue;
      await attendance.insert(ctx, { meetingId, personId: cell.personId, status: 'present', substituteForPersonId: null, note: '' });
    }
    return detailWithQuorate(ctx, meetingId);
  },
};
