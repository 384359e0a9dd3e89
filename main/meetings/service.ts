import { lockSeries } from '../db/allocation-lock';
import { checkVersion, refuseChangedCell } from '../db/versions';
import { sql } from '../db/statements';
import { ATTENDANCE_LABELS } from './labels';
import type { InsertOf, PatchOf } from '../db/table-writes';
import type { HandlersFor } from '../api/handler-types';
import { refuseIfReferenced } from '../db/references';
import { organisations, people } from '../people/repository';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError, notFound } from '../shared/errors';
import { yearEnd, yearStart } from '../shared/financial-year';
import { assertDueAfterMeeting, assertOwner, isLive, weekOf } from './action-rules';
import { chaseOf, dueRevisionOf, dueRevisions } from './action-edits';
import { numberAgenda, reorderProblem, type Warning } from './agenda-numbering';
import { attendanceStatistics } from './attendance-statistics';
import { OVERDUE_SHOWN, type ActionDetail, type AgendaItem, type Board, type Meeting, type MeetingDetail, type Membership, type meetingsContract } from './contract';
import { exportActionLog, exportAgenda, exportMinutes } from './exports';
import { statusMoveProblem } from './meeting-status';
import { quorum, type AttendanceMark, type QuorumRule, type SeatedMember } from './quorum';
import { actions, agendaItems, attendance, boards, declarations, forwardPlan, meetings, memberships } from './repository';
import { assertPartBReason } from './declaration-rules';
import { addDeclaration } from './declarations';
import { interests } from '../interests/repository';
import { inAgendaOrder, standingItemsOfBoard } from './board-standing-items';
import { closingTestOfBoard, insertIndexBeforeClosing } from './agenda-closing';
import { papersDueOn } from './working-days';
import { assignMinuteNumbers, refuseIfMinutesApproved } from './minutes-record';
import { actionRef } from './document-text';

// Look-ups that refuse what does not exist, naming the field ------------------------------------

export async function requireBoard(ctx: Ctx, id: number): Promise<Board> {
  const board = await boards.get(ctx, id, isoToday(ctx));
  if (!board) throw notFound('board', id);
  return board;
}

export async function requireMeeting(ctx: Ctx, id: number): Promise<Meeting> {
  const meeting = await meetings.get(ctx, id);
  if (!meeting) throw notFound('meeting', id);
  return meeting;
}

export async function requirePersonField(ctx: Ctx, id: number, field: string, label: string) {
  const person = await people.get(ctx, id);
  if (!person) throw new DomainError('person.notFound', `${label}: nobody with id ${id} exists; choose someone from the list.`, field);
  return person;
}

async function requireOrganisationField(ctx: Ctx, id: number, field: string, label: string) {
  const org = await organisations.get(ctx, id);
  if (!org) throw new DomainError('organisation.notFound', `${label}: no organisation with id ${id} exists; choose one from the list.`, field);
  return org;
}

const dateOf = (isoDateTime: string) => isoDateTime.slice(0, 10);

function addMinutes(isoDateTime: string, minutes: number): string {
  const [d, t] = isoDateTime.split('T') as [string, string];
  const [h, m] = t.split(':').map(Number) as [number, number];
  const date = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), h, m + minutes));
  return date.toISOString().slice(0, 16);
}

// Boards -------------------------------------------------------------------------------------------

async function checkBoard(ctx: Ctx, input: { name?: string; code?: string; quorumOrganisationIds?: number[] }, exceptId?: number): Promise<void> {
  if (input.name !== undefined) {
    const clash = await boards.findByName(ctx, input.name);
    if (clash && clash.id !== exceptId) throw new DomainError('board.duplicateName', `A board called "${clash.name}" already exists.`, 'name');
  }
  if (input.code !== undefined) {
    const clash = await boards.findByCode(ctx, input.code);
    if (clash && clash.id !== exceptId) throw new DomainError('board.duplicateCode', `The code ${input.code} is already used by ${clash.name}.`, 'code');
  }
  for (const [i, orgId] of (input.quorumOrganisationIds ?? []).entries()) {
      await requireOrganisationField(ctx, orgId, `quorumOrganisationIds.${i}`, 'Quorum organisation');
    }
}

// Memberships ------------------------------------------------------------------------------------

async function requireMembership(ctx: Ctx, id: number): Promise<Membership> {
  const ms = await memberships.get(ctx, id);
  if (!ms) throw notFound('membership', id);
  return ms;
}

/** One person cannot hold two memberships of the same board at once. */
async function checkMembershipDates(ctx: Ctx, boardId: number, personId: number, startsOn: string, endsOn: string | null, exceptId: number | null): Promise<void> {
  if (endsOn !== null && endsOn < startsOn) {
    throw new DomainError('membership.endsBeforeStart', `Ends on (${formatDateLong(endsOn)}) is before starts on (${formatDateLong(startsOn)}).`, 'endsOn');
  }
  const clash = await memberships.overlapping(ctx, boardId, personId, startsOn, endsOn, exceptId);
  if (clash) {
    const person = (await people.get(ctx, personId))!;
    const board = (await boards.get(ctx, boardId, startsOn))!;
    const period = clash.ends_on ? `from ${formatDateLong(clash.starts_on)} to ${formatDateLong(clash.ends_on)}` : `from ${formatDateLong(clash.starts_on)} with no end date`;
    throw new DomainError(
      'membership.overlap',
      `Starts on: ${person.givenName} ${person.familyName} is already a member of ${board.name} ${period}. ` +
        `A new membership must start after that one ends (set its end date first).`,
      'startsOn',
    );
  }
}

async function checkSubstitutes(ctx: Ctx, memberPersonId: number, personIds: number[]): Promise<void> {
  for (const [i, pid] of (personIds).entries()) {
        await requirePersonField(ctx, pid, `substituteIds.${i}`, 'Substitute');
        if (pid === memberPersonId) throw new DomainError('membership.selfSubstitute', 'A member cannot be their own substitute.', `substituteIds.${i}`);
      }
}

// Meetings: the detail every meeting screen and export reads ----------------------------------------

function quorumRule(board: Board): QuorumRule {
  return { count: board.quorumCount, requiredOrganisations: board.quorumOrganisations };
}

function seated(members: Membership[]): SeatedMember[] {
  return members.map((m) => ({ personId: m.personId, name: m.name, organisationId: m.organisationId, role: m.role }));
}

export async function meetingDetail(ctx: Ctx, id: number): Promise<MeetingDetail> {
  const today = isoToday(ctx);
  const meeting = await requireMeeting(ctx, id);
  const board = await requireBoard(ctx, meeting.boardId);
  const date = dateOf(meeting.startsAt);
  const members = await memberships.list(ctx, board.id, date);
  const marks = await attendance.list(ctx, id);
  const decls = await declarations.list(ctx, id);
  const rule = quorumRule(board);
  const attendanceMarks: AttendanceMark[] = marks.map((a) => ({ personId: a.personId, name: a.name, status: a.status, substituteForPersonId: a.substituteForPersonId }));
  // Quorum is stated once someone is recorded as present: apologies sent ahead of a meeting are
  // not a roll call, and "Not quorate: 0 members" would be a false record.
  const recorded = marks.some((a) => a.status === 'present');
  const overall = recorded ? quorum(rule, seated(members), attendanceMarks) : null;

  const papers = await agendaItems.papers(ctx, id);
  const decisions = await agendaItems.decisions(ctx, id);
  const numbered = numberAgenda(meeting, await agendaItems.list(ctx, id));
  const agenda: AgendaItem[] = numbered.items.map((item) => {
    const itemDecls = decls.filter((d) => d.agendaItemId === item.id);
    const withdrawn = itemDecls.filter((d) => d.withdrew).map((d) => d.personId);
    return {
      ...item,
      papers: papers.filter((p) => p.agendaItemId === item.id).map(({ id: pid, reference, title }) => ({ id: pid, reference, title })),
      decisions: decisions.filter((d) => d.agendaItemId === item.id).map(({ agendaItemId: _, ...d }) => d),
      declarations: itemDecls,
      quorum: recorded ? quorum(rule, seated(members), attendanceMarks, withdrawn) : null,
    };
  });

  const warnings: Warning[] = [...numbered.warnings];
  for (const a of marks) {
    if (a.substituteForPersonId === null) continue;
    const ms = members.find((m) => m.personId === a.substituteForPersonId);
    if (ms && !ms.substitutes.some((s) => s.personId === a.personId)) {
      warnings.push({
        code: 'attendance.unnamedSubstitute',
        message: `${a.name} is not a named substitute for ${ms.name}; they count towards quorum only if the chair accepts them.`,
        field: 'substituteForPersonId',
      });
    }
  }
  for (const item of agenda) {
    if (item.quorum && overall?.met && !item.quorum.met) {
      warnings.push({
        code: 'agenda.itemInquorate',
        message: `Item ${item.number} (${item.title}) is not quorate once members who declared an interest withdraw.`,
        field: 'declarations',
      });
    }
  }

  const previous = await meetings.previous(ctx, board.id, meeting.startsAt, id);
  const previousRecord = previous ? await meetings.get(ctx, previous.id) : undefined;
  const next = await meetings.next(ctx, board.id, meeting.startsAt, id);
  return {
    meeting,
    board,
    agenda,
    warnings,
    members,
    attendance: marks,
    quorum: overall,
    declarations: decls,
    interests: await interests.currentFor(ctx, [...members.map((m) => m.personId), ...marks.map((a) => a.personId)], date),
    actions: await actions.list(ctx, { boardId: null, meetingId: id, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' }, today),
    mattersArising: await actions.liveBefore(ctx, board.id, meeting.startsAt, today),
    previousMeeting: previous
      ? {
          id: previous.id, version: Number(previous.version), startsAt: previous.starts_at, status: previous.status,
          approvedHere: previousRecord?.minutesApprovedAtMeetingId === id, approvedByName: previousRecord?.minutesApprovedByName ?? null,
        }
      : null,
    nextMeeting: next ? { id: next.id, startsAt: next.starts_at, status: next.status } : null,
  };
}

/** The meeting after an attendance change, with the stored quorate flag (shown in lists) kept in step. */
export async function detailWithQuorate(ctx: Ctx, meetingId: number): Promise<MeetingDetail> {
  const detail = await meetingDetail(ctx, meetingId);
  const value = detail.quorum === null ? null : detail.quorum.met;
  if (detail.meeting.quorate === value) return detail;
  await meetings.update(ctx, meetingId, { quorate: value === null ? null : value ? 1 : 0 });
  return { ...detail, meeting: await requireMeeting(ctx, meetingId) };
}

// Agenda ----------------------------------------------------------------------------------------------

/** Writes positions 1..n in the given order, touching only rows whose position changes. */
/**
 * A new order made from the agenda as it was read: every item it lists must be at the version
 * sent with it, so two people reordering one agenda at once (or one reordering while another
 * changes an item) cannot silently undo each other: the second is refused naming the first.
 */
async function refuseStaleOrder(ctx: Ctx, itemIds: number[], versions: { id: number; version: number }[]): Promise<void> {
  const read = new Map(versions.map((v) => [v.id, v.version]));
  const missing = itemIds.filter((id) => !read.has(id));
  if (missing.length > 0) {
    throw new DomainError('validation', `Versions must give the version of every item in the order; ${missing.length === 1 ? 'item' : 'items'} ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} none.`, 'versions');
  }
  for (const id of itemIds) await checkVersion(ctx, 'agenda_item', id, read.get(id)!);
}

type Mark = { status: AttendanceMark['status']; substituteForPersonId: number | null } | null;

const markText = (m: Mark, substituteName: string | null) =>
  m === null ? 'Not recorded' : `${ATTENDANCE_LABELS[m.status]}${m.substituteForPersonId !== null ? ` (substitute for ${substituteName ?? `person ${m.substituteForPersonId}`})` : ''}`;

/**
 * A register cell carries no version: a mark saved with `was` (the cell as the screen showed
 * it) is refused when someone else has changed the cell since, unless it already holds the
 * mark being saved. Nothing is written; the refusal names them and shows their mark beside yours.
 */
export async function refuseChangedMark(ctx: Ctx, meetingId: number, personId: number, was: Mark | undefined, yours: Mark): Promise<void> {
  if (was === undefined) return;
  const row = await sql<{ status: AttendanceMark['status']; substitute_for_person_id: number | null }>(
    ctx,
    `SELECT status, substitute_for_person_id FROM attendance WHERE meeting_id = ? AND person_id = ?`,
  ).get(meetingId, personId);
  const now: Mark = row ? { status: row.status, substituteForPersonId: row.substitute_for_person_id ?? null } : null;
  const same = (a: Mark, b: Mark) => (a === null || b === null ? a === b : a.status === b.status && a.substituteForPersonId === b.substituteForPersonId);
  if (same(now, was) || same(now, yours)) return;
  const nameOf = async (id: number | null | undefined) => {
    if (id === null || id === undefined) return null;
    const p = await sql<{ given_name: string; family_name: string }>(ctx, `SELECT given_name, family_name FROM person WHERE id = ?`).get(id);
    return p ? `${p.given_name} ${p.family_name}`.trim() : null;
  };
  const who = (await nameOf(personId)) ?? `person ${personId}`;
  await refuseChangedCell(
    ctx,
    { entity: 'attendance', key: { meeting_id: meetingId, person_id: personId } },
    [{ field: `Attendance of ${who}`, theirs: markText(now, await nameOf(now?.substituteForPersonId)), yours: markText(yours, await nameOf(yours?.substituteForPersonId)), yoursSent: true }],
    'was',
  );
}

export async function writeOrder(ctx: Ctx, meetingId: number, orderedIds: number[]): Promise<void> {
  const current = new Map((await agendaItems.list(ctx, meetingId)).map((i) => [i.id, i.position]));
  for (const [i, itemId] of (orderedIds).entries()) {
        if (current.get(itemId) !== i + 1) await agendaItems.update(ctx, itemId, { position: i + 1 });
      }
}

/** Where a new item goes by default: before the closing standing items of the meeting's board (./agenda-closing.ts). */
export async function defaultInsertIndex(ctx: Ctx, meetingId: number, items: { standingKind: string | null; title: string }[]): Promise<number> {
  const meeting = await requireMeeting(ctx, meetingId);
  return insertIndexBeforeClosing(items, await closingTestOfBoard(ctx, meeting.boardId));
}

export async function insertItem(ctx: Ctx, meetingId: number, values: Record<string, unknown>, index: number | null): Promise<number> {
  await lockSeries(ctx, `agenda of meeting ${meetingId}`);
  const items = await agendaItems.list(ctx, meetingId);
  const at = index === null ? await defaultInsertIndex(ctx, meetingId, items) : Math.min(Math.max(index, 0), items.length);
  const newId = await agendaItems.insert(ctx, { meetingId, position: items.length + 1, ...values } as InsertOf<'agenda_item'>);
  const order = items.map((i) => i.id);
  order.splice(at, 0, newId);
  await writeOrder(ctx, meetingId, order);
  return newId;
}

async function chairOn(ctx: Ctx, boardId: number, date: string): Promise<number | null> {
  return (await memberships.list(ctx, boardId, date)).find((m) => m.role === 'chair')?.personId ?? null;
}

async function pullForwardPlan(ctx: Ctx, meeting: Meeting): Promise<number> {
  // One meeting at a time takes a board's plan items (on PostgreSQL two meetings scheduled at
  // once both read the same items as due and each put them on its agenda): the second waits
  // here, then finds them taken.
  await lockSeries(ctx, `forward plan of board ${meeting.boardId}`);
  const due = await forwardPlan.dueBy(ctx, meeting.boardId, dateOf(meeting.startsAt));
  for (const f of due) {
    const itemId = await insertItem(ctx, meeting.id, { title: f.title, purpose: f.purpose, leadPersonId: f.leadPersonId, minutesAllotted: 15 }, null);
    await forwardPlan.update(ctx, f.id, { agendaItemId: itemId });
  }
  return due.length;
}

export function assertMeetingEditable(meeting: Meeting, what: string, field = 'status'): void {
  if (meeting.status === 'minutes_approved') {
    throw new DomainError(
      'meeting.approved',
      meeting.minutesApprovedAtMeetingId !== null
        ? `The minutes of this meeting were approved as a correct record${meeting.minutesApprovedAtStartsAt ? ` at the meeting of ${formatDateLong(meeting.minutesApprovedAtStartsAt)}` : ''}, so its ${what} can no longer change. A correction goes in the minutes of the next meeting.`
        : `The minutes of this meeting are approved, so its ${what} can no longer change. Move it back to "Minutes draft" first.`,
      field,
    );
  }
}

// Attendance ------------------------------------------------------------------------------------------

async function checkSubstitution(ctx: Ctx, meeting: Meeting, personId: number, status: string, substituteFor: number | null): Promise<void> {
  const date = dateOf(meeting.startsAt);
  const members = await memberships.list(ctx, meeting.boardId, date);
  const marks = (await attendance.list(ctx, meeting.id)).filter((a) => a.personId !== personId);
  const self = members.find((m) => m.personId === personId);
  if (substituteFor === null) {
    const sub = marks.find((a) => a.substituteForPersonId === personId && a.status === 'present');
    if (status === 'present' && sub) {
      throw new DomainError(
        'attendance.alreadyRepresented',
        `${sub.substituteForName} is already represented by ${sub.name} as substitute; clear that substitute's attendance first.`,
        'status',
      );
    }
    return;
  }
  const member = members.find((m) => m.personId === substituteFor);
  const who = await requirePersonField(ctx, substituteFor, 'substituteForPersonId', 'Substitute for');
  if (!member) {
    throw new DomainError(
      'attendance.notAMember',
      `Substitute for: ${who.givenName} ${who.familyName} was not a member of ${meeting.boardName} on ${formatDateLong(date)}, so nobody can substitute for them.`,
      'substituteForPersonId',
    );
  }
  if (self) {
    throw new DomainError(
      'attendance.memberAsSubstitute',
      `${self.name} is a member of ${meeting.boardName} in their own right and cannot also substitute for ${member.name}.`,
      'substituteForPersonId',
    );
  }
  if (status !== 'present') {
    throw new DomainError('attendance.absentSubstitute', 'Only someone present can substitute for a member; record them as present, or clear "substitute for".', 'status');
  }
  const own = marks.find((a) => a.personId === substituteFor && a.status === 'present');
  if (own) throw new DomainError('attendance.memberPresent', `${member.name} is recorded as present, so nobody can substitute for them.`, 'substituteForPersonId');
  const other = marks.find((a) => a.substituteForPersonId === substituteFor && a.status === 'present');
  if (other) throw new DomainError('attendance.twoSubstitutes', `${other.name} is already substituting for ${member.name}.`, 'substituteForPersonId');
}

// Actions ----------------------------------------------------------------------------------------------

export async function requireAction(ctx: Ctx, id: number): Promise<ActionDetail> {
  const action = await actions.get(ctx, id, isoToday(ctx));
  if (!action) throw notFound('action', id);
  return { ...action, updates: await actions.updates(ctx, id), dueRevisions: await dueRevisions.of(ctx, id) };
}

async function checkOwners(ctx: Ctx, v: { ownerPersonId: number | null; ownerOrganisationId: number | null }): Promise<void> {
  assertOwner(v);
  if (v.ownerPersonId !== null) await requirePersonField(ctx, v.ownerPersonId, 'ownerPersonId', 'Owner');
  if (v.ownerOrganisationId !== null) await requireOrganisationField(ctx, v.ownerOrganisationId, 'ownerOrganisationId', 'Owner');
}


// -------------------------------------------------------------------------------------------------------

export const meetingsHandlers: HandlersFor<typeof meetingsContract> = {
  'board.list': (ctx) => boards.list(ctx, isoToday(ctx)),
  'board.get': (ctx, { id }) => requireBoard(ctx, id),
  'board.create': async (ctx, { quorumOrganisationIds, ...values }) => {
    await checkBoard(ctx, { ...values, quorumOrganisationIds });
    const id = await boards.insert(ctx, values);
    await boards.setQuorumOrganisations(ctx, id, [...new Set(quorumOrganisationIds)]);
    return requireBoard(ctx, id);
  },
  'board.update': async (ctx, { id, quorumOrganisationIds, ...patch }) => {
    await requireBoard(ctx, id);
    await checkBoard(ctx, { ...patch, ...(quorumOrganisationIds ? { quorumOrganisationIds } : {}) }, id);
    await boards.update(ctx, id, patch);
    if (quorumOrganisationIds) await boards.setQuorumOrganisations(ctx, id, [...new Set(quorumOrganisationIds)]);
    return requireBoard(ctx, id);
  },
  'board.delete': async (ctx, { id }) => {
    const board = await requireBoard(ctx, id);
    await refuseIfReferenced(ctx, 'board', id, board.name);
    await boards.remove(ctx, id);
    return { id };
  },

  'membership.list': async (ctx, { boardId, on }) => {
    await requireBoard(ctx, boardId);
    return memberships.list(ctx, boardId, on);
  },
  'membership.create': async (ctx, { substituteIds, ...values }) => {
    await requireBoard(ctx, values.boardId);
    await requirePersonField(ctx, values.personId, 'personId', 'Person');
    await checkMembershipDates(ctx, values.boardId, values.personId, values.startsOn, values.endsOn, null);
    await checkSubstitutes(ctx, values.personId, substituteIds);
    const id = await memberships.insert(ctx, values);
    await memberships.setSubstitutes(ctx, id, [...new Set(substituteIds)]);
    return requireMembership(ctx, id);
  },
  'membership.update': async (ctx, { id, ...patch }) => {
    const ms = await requireMembership(ctx, id);
    const startsOn = patch.startsOn ?? ms.startsOn;
    const endsOn = patch.endsOn === undefined ? ms.endsOn : patch.endsOn;
    await checkMembershipDates(ctx, ms.boardId, ms.personId, startsOn, endsOn, id);
    await memberships.update(ctx, id, patch);
    return requireMembership(ctx, id);
  },
  'membership.delete': async (ctx, { id }) => {
    await requireMembership(ctx, id);
    await memberships.remove(ctx, id);
    return { id };
  },
  'membership.setSubstitutes': async (ctx, { id, personIds }) => {
    const ms = await requireMembership(ctx, id);
    await checkSubstitutes(ctx, ms.personId, personIds);
    await memberships.setSubstitutes(ctx, id, [...new Set(personIds)]);
    // The substitutes are part of the membership: its version goes up, so a second person's
    // change on the version they read is refused rather than replacing these unseen.
    await memberships.update(ctx, id, {});
    return requireMembership(ctx, id);
  },

  'meeting.list': (ctx, { cursor, limit, ...filter }) => meetings.page(ctx, filter, { cursor, limit }),
  'meeting.choices': (ctx, filter) => meetings.choices(ctx, filter),
  'meeting.get': (ctx, { id }) => meetingDetail(ctx, id),
  'meeting.papersDeadline': async (ctx, { boardId, startsAt }) => {
    const board = await requireBoard(ctx, boardId);
    return { papersDueOn: papersDueOn(dateOf(startsAt), board.papersDueWorkingDays), workingDays: board.papersDueWorkingDays };
  },
  'meeting.create': async (ctx, { boardId, standingItems, pullForwardPlan: pull, ...values }) => {
    const board = await requireBoard(ctx, boardId);
    const endsAt = values.endsAt ?? addMinutes(values.startsAt, board.defaultLengthMinutes);
    if (endsAt <= values.startsAt) throw new DomainError('meeting.endsBeforeStart', 'Ends at must be after the meeting starts.', 'endsAt');
    const date = dateOf(values.startsAt);
    const id = await meetings.insert(ctx, { ...values, boardId, endsAt, papersDueOn: papersDueOn(date, board.papersDueWorkingDays) });
    if (standingItems) {
      const chair = await chairOn(ctx, boardId, date);
      const template = await standingItemsOfBoard(ctx, board);
      const ordered = inAgendaOrder(template);
      for (const [i, t] of (ordered).entries()) {
          await agendaItems.insert(ctx, {
                  meetingId: id,
                  position: i + 1,
                  title: t.title,
                  purpose: t.purpose,
                  minutesAllotted: t.minutesAllotted,
                  leadPersonId: t.lead === 'chair' ? chair : null,
                  standingKind: t.kind,
                });
        }
    }
    if (pull) await pullForwardPlan(ctx, await requireMeeting(ctx, id));
    return meetingDetail(ctx, id);
  },
  'meeting.update': async (ctx, { id, ...patch }) => {
    const meeting = await requireMeeting(ctx, id);
    const board = await requireBoard(ctx, meeting.boardId);
    const startsAt = patch.startsAt ?? meeting.startsAt;
    let endsAt = patch.endsAt ?? meeting.endsAt;
    // Moving the start without a new end keeps the meeting's length.
    if (patch.startsAt && patch.endsAt === undefined) {
      const length = (Date.parse(meeting.endsAt + ':00Z') - Date.parse(meeting.startsAt + ':00Z')) / 60000;
      endsAt = addMinutes(startsAt, length);
    }
    if (endsAt <= startsAt) throw new DomainError('meeting.endsBeforeStart', 'Ends at must be after the meeting starts.', 'endsAt');
    const values: PatchOf<'meeting'> = { ...patch, startsAt, endsAt };
    if (dateOf(startsAt) !== dateOf(meeting.startsAt) || meeting.papersDueOn === null) {
      values.papersDueOn = papersDueOn(dateOf(startsAt), board.papersDueWorkingDays);
    }
    await meetings.update(ctx, id, values);
    return meetingDetail(ctx, id);
  },
  'meeting.setStatus': async (ctx, { id, status }) => {
    const meeting = await requireMeeting(ctx, id);
    const problem = statusMoveProblem(meeting.status, status);
    if (problem) throw new DomainError('meeting.statusStep', problem, 'status');
    // Minutes approved at a later meeting are a signed record: they are not reopened.
    if (meeting.status === 'minutes_approved' && meeting.minutesApprovedAtMeetingId !== null) assertMeetingEditable(meeting, 'status');
    await meetings.update(ctx, id, { status });
    if (status === 'minutes_draft') await assignMinuteNumbers(ctx, id);
    return meetingDetail(ctx, id);
  },
  'meeting.delete': async (ctx, { id }) => {
    const meeting = await requireMeeting(ctx, id);
    if (meeting.status !== 'planned' && meeting.status !== 'agenda_issued') {
      throw new DomainError('meeting.held', 'A meeting that has been held keeps its record; it cannot be deleted.', 'id');
    }
    await meetings.remove(ctx, id);
    return { id };
  },

  'agenda.addItem': async (ctx, { meetingId, position, ...values }) => {
    const meeting = await requireMeeting(ctx, meetingId);
    assertMeetingEditable(meeting, 'agenda', 'meetingId');
    if (values.leadPersonId !== null) await requirePersonField(ctx, values.leadPersonId, 'leadPersonId', 'Lead');
    assertPartBReason(values.confidential, values.confidentialReason);
    await insertItem(ctx, meetingId, values, position === null ? null : position - 1);
    // An item added to minutes already numbered takes the next number.
    if (meeting.status === 'minutes_draft') await assignMinuteNumbers(ctx, meetingId);
    return meetingDetail(ctx, meetingId);
  },
  'agenda.updateItem': async (ctx, { id, ...patch }) => {
    const item = await agendaItems.get(ctx, id);
    if (!item) throw notFound('agenda_item', id);
    assertMeetingEditable(await requireMeeting(ctx, item.meetingId), 'agenda', Object.keys(patch)[0] ?? 'id');
    if (patch.leadPersonId !== undefined && patch.leadPersonId !== null) await requirePersonField(ctx, patch.leadPersonId, 'leadPersonId', 'Lead');
    if (patch.confidential !== undefined || patch.confidentialReason !== undefined) {
      const row = (await sql<{ confidential: number; confidential_reason: string }>(ctx, `SELECT confidential, confidential_reason FROM agenda_item WHERE id = ?`).get(id))!;
      assertPartBReason(patch.confidential ?? row.confidential === 1, patch.confidentialReason ?? row.confidential_reason);
    }
    await agendaItems.update(ctx, id, patch);
    return meetingDetail(ctx, item.meetingId);
  },
  'agenda.removeItem': async (ctx, { id }) => {
    const item = await agendaItems.get(ctx, id);
    if (!item) throw notFound('agenda_item', id);
    assertMeetingEditable(await requireMeeting(ctx, item.meetingId), 'agenda', 'id');
    await agendaItems.remove(ctx, id);
    await writeOrder(ctx, item.meetingId, (await agendaItems.list(ctx, item.meetingId)).map((i) => i.id));
    return meetingDetail(ctx, item.meetingId);
  },
  'agenda.reorder': async (ctx, { meetingId, itemIds, versions }) => {
    // Takes its turn with other changes to the agenda's order (adding an item takes the same lock).
    await lockSeries(ctx, `agenda of meeting ${meetingId}`);
    assertMeetingEditable(await requireMeeting(ctx, meetingId), 'agenda', 'itemIds');
    if (versions) await refuseStaleOrder(ctx, itemIds, versions);
    const problem = reorderProblem(
      (await agendaItems.list(ctx, meetingId)).map((i) => i.id),
      itemIds,
    );
    if (problem) throw new DomainError('agenda.badOrder', problem, 'itemIds');
    await writeOrder(ctx, meetingId, itemIds);
    return meetingDetail(ctx, meetingId);
  },
  'agenda.pullForwardPlan': async (ctx, { meetingId }) => {
    const meeting = await requireMeeting(ctx, meetingId);
    assertMeetingEditable(meeting, 'agenda');
    await pullForwardPlan(ctx, meeting);
    return meetingDetail(ctx, meetingId);
  },

  'attendance.set': async (ctx, { meetingId, personId, status, substituteForPersonId, note, was }) => {
    await lockSeries(ctx, `attendance of meeting ${meetingId}`);
    const meeting = await requireMeeting(ctx, meetingId);
    assertMeetingEditable(meeting, 'attendance', 'status');
    await requirePersonField(ctx, personId, 'personId', 'Person');
    await refuseChangedMark(ctx, meetingId, personId, was, { status, substituteForPersonId });
    await checkSubstitution(ctx, meeting, personId, status, substituteForPersonId);
    const existing = await attendance.find(ctx, meetingId, personId);
    if (existing) await attendance.update(ctx, existing.id, { status, substituteForPersonId, note });
    else await attendance.insert(ctx, { meetingId, personId, status, substituteForPersonId, note });
    return detailWithQuorate(ctx, meetingId);
  },
  'attendance.remove': async (ctx, { meetingId, personId, was }) => {
    await lockSeries(ctx, `attendance of meeting ${meetingId}`);
    assertMeetingEditable(await requireMeeting(ctx, meetingId), 'attendance', 'personId');
    await refuseChangedMark(ctx, meetingId, personId, was, null);
    const existing = await attendance.find(ctx, meetingId, personId);
    if (!existing) throw new DomainError('attendance.notFound', 'There is no attendance record for this person at this meeting.', 'personId');
    await attendance.remove(ctx, existing.id);
    return detailWithQuorate(ctx, meetingId);
  },
  'attendance.statistics': async (ctx, { boardId, financialYear }) => {
    await requireBoard(ctx, boardId);
    const from = yearStart(financialYear);
    const to = yearEnd(financialYear);
    const held = await meetings.heldBetween(ctx, boardId, from, to);
    const stats = attendanceStatistics(held, await memberships.overPeriod(ctx, boardId, from, to), await attendance.forMeetings(ctx, boardId, from, to));
    return { boardId, financialYear, meetingsHeld: held.length, ...stats };
  },
  'declaration.add': async (ctx, input) => {
    const meeting = await requireMeeting(ctx, input.meetingId);
    assertMeetingEditable(meeting, 'declarations', 'meetingId');
    await requirePersonField(ctx, input.personId, 'personId', 'Person');
    await addDeclaration(ctx, meeting, input);
    return meetingDetail(ctx, input.meetingId);
  },
  'declaration.remove': async (ctx, { id }) => {
    const d = await declarations.get(ctx, id);
    if (!d) throw notFound('declaration', id);
    await refuseIfMinutesApproved(ctx, d.meetingId, 'id', 'its declarations');
    await declarations.remove(ctx, id);
    return meetingDetail(ctx, d.meetingId);
  },

  'action.list': (ctx, { cursor, limit, ...filter }) => actions.page(ctx, filter, { cursor, limit }, isoToday(ctx)),
  'action.get': (ctx, { id }) => requireAction(ctx, id),
  'action.create': async (ctx, input) => {
    let { boardId, meetingId } = input;
    const { agendaItemId } = input;
    if (agendaItemId !== null) {
      const item = await agendaItems.get(ctx, agendaItemId);
      if (!item) throw new DomainError('action.noItem', `No agenda item with id ${agendaItemId} exists.`, 'agendaItemId');
      if (meetingId !== null && item.meetingId !== meetingId) {
        throw new DomainError('action.wrongItem', `Agenda item ${agendaItemId} is not on the agenda of meeting ${meetingId}.`, 'agendaItemId');
      }
      meetingId = item.meetingId;
    }
    let meetingDate: string | null = null;
    if (meetingId !== null) {
      const meeting = await requireMeeting(ctx, meetingId);
      if (boardId !== null && boardId !== meeting.boardId) {
        throw new DomainError('action.wrongBoard', `The meeting belongs to ${meeting.boardName}, not to board ${boardId}.`, 'boardId');
      }
      assertMeetingEditable(meeting, 'actions', agendaItemId !== null ? 'agendaItemId' : 'meetingId');
      boardId = meeting.boardId;
      meetingDate = dateOf(meeting.startsAt);
    } else if (boardId !== null) await requireBoard(ctx, boardId);
    await checkOwners(ctx, input);
    assertDueAfterMeeting(input.dueOn, meetingDate);
    const id = await actions.insert(ctx, { ...input, boardId, meetingId, status: 'open' });
    return requireAction(ctx, id);
  },
  'action.update': async (ctx, { id, dueReason, progress, ...patch }) => {
    const action = await requireAction(ctx, id);
    // An action agreed at a meeting is part of its minutes: once they are approved, what was
    // agreed (wording, owner) stands; progress (status, updates, a revised due date) goes on.
    for (const field of ['description', 'ownerPersonId', 'ownerOrganisationId'] as const) {
      if (patch[field] !== undefined && patch[field] !== action[field]) await refuseIfMinutesApproved(ctx, action.meetingId, field, `the wording and owner of action ${actionRef(action.id)} agreed there`);
    }
    const merged = { ...action, ...patch };
    await checkOwners(ctx, merged);
    if (patch.dueOn !== undefined) assertDueAfterMeeting(merged.dueOn, action.meetingStartsAt ? dateOf(action.meetingStartsAt) : null);
    // Every check before any write: a revised due date without its reason saves nothing.
    const revision = dueRevisionOf(action, patch.dueOn, dueReason, isoToday(ctx));
    const values: PatchOf<'action'> = { ...patch };
    if (patch.status !== undefined) {
      if (isLive(patch.status)) values.completedOn = null;
      else if (patch.completedOn === undefined || patch.completedOn === null) values.completedOn = action.completedOn ?? isoToday(ctx);
    }
    // A progress update saved with the edit, in its transaction (review of issue 15, F11a): both
    // or neither. An update on an action left open means work has started, as action.addUpdate.
    if (progress !== undefined && patch.status === undefined && action.status === 'open') values.status = 'in_progress';
    await actions.update(ctx, id, values);
    if (revision) await dueRevisions.insert(ctx, revision);
    if (progress !== undefined) await actions.insertUpdate(ctx, { actionId: id, updatedOn: isoToday(ctx), text: progress });
    return requireAction(ctx, id);
  },
  'action.chase': async (ctx, { id }) => chaseOf(ctx, await requireAction(ctx, id), isoToday(ctx)),
  'action.addUpdate': async (ctx, { actionId, updatedOn, text }) => {
    await requireAction(ctx, actionId);
    const today = isoToday(ctx);
    const on = updatedOn ?? today;
    if (on > today) throw new DomainError('action.futureUpdate', `Update date ${formatDateLong(on)} is in the future; record updates on or before today.`, 'updatedOn');
    await actions.insertUpdate(ctx, { actionId, updatedOn: on, text });
    // An update on an open action means work has started.
    if ((await requireAction(ctx, actionId)).status === 'open') await actions.update(ctx, actionId, { status: 'in_progress' });
    return requireAction(ctx, actionId);
  },
  'action.dueThisWeek': async (ctx) => {
    const today = isoToday(ctx);
    const week = weekOf(today);
    return {
      weekStart: week.start,
      weekEnd: week.end,
      dueThisWeek: await actions.dueBetween(ctx, today, week.end, today),
      overdue: await actions.overdueFirst(ctx, OVERDUE_SHOWN, today),
    };
  },

  'forwardPlan.list': async (ctx, { boardId }) => {
    await requireBoard(ctx, boardId);
    return forwardPlan.list(ctx, boardId);
  },
  'forwardPlan.add': async (ctx, values) => {
    await requireBoard(ctx, values.boardId);
    if (values.leadPersonId !== null) await requirePersonField(ctx, values.leadPersonId, 'leadPersonId', 'Lead');
    const id = await forwardPlan.insert(ctx, { ...values, position: await forwardPlan.nextPosition(ctx, values.boardId, values.plannedFor) });
    return (await forwardPlan.get(ctx, id))!;
  },
  'forwardPlan.remove': async (ctx, { id }) => {
    if (!await forwardPlan.get(ctx, id)) throw notFound('forward_plan_item', id);
    await forwardPlan.remove(ctx, id);
    return { id };
  },

  'meeting.exportAgenda': async (ctx, { id, out }) => exportAgenda(ctx, await meetingDetail(ctx, id), out),
  'meeting.exportMinutes': async (ctx, { id, out }) => exportMinutes(ctx, await meetingDetail(ctx, id), out),
  'action.exportLog': (ctx, { format, out, ...filter }) => exportActionLog(ctx, filter, format, out),
};
