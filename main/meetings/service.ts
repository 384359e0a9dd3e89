import type { HandlersFor } from '../api/handler-types';
import { refuseIfReferenced } from '../db/references';
import { organisations, people } from '../people/repository';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { DomainError, notFound } from '../shared/errors';
import { yearEnd, yearStart } from '../shared/financial-year';
import { assertDueAfterMeeting, assertOwner, isLive, weekOf } from './action-rules';
import { numberAgenda, reorderProblem, type Warning } from './agenda-numbering';
import { attendanceStatistics } from './attendance-statistics';
import type { ActionDetail, AgendaItem, Board, Meeting, MeetingDetail, Membership, meetingsContract } from './contract';
import { exportActionLog, exportAgenda, exportMinutes } from './exports';
import { statusMoveProblem } from './meeting-status';
import { quorum, type AttendanceMark, type QuorumRule, type SeatedMember } from './quorum';
import { actions, agendaItems, attendance, boards, declarations, forwardPlan, meetings, memberships } from './repository';
import { CLOSING_KINDS, standingItemsFor } from './standing-items';
import { papersDueOn } from './working-days';

// Look-ups that refuse what does not exist, naming the field ------------------------------------

export function requireBoard(ctx: Ctx, id: number): Board {
  const board = boards.get(ctx, id, isoToday(ctx));
  if (!board) throw notFound('board', id);
  return board;
}

export function requireMeeting(ctx: Ctx, id: number): Meeting {
  const meeting = meetings.get(ctx, id);
  if (!meeting) throw notFound('meeting', id);
  return meeting;
}

function requirePersonField(ctx: Ctx, id: number, field: string, label: string) {
  const person = people.get(ctx, id);
  if (!person) throw new DomainError('person.notFound', `${label}: nobody with id ${id} exists; choose someone from the list.`, field);
  return person;
}

function requireOrganisationField(ctx: Ctx, id: number, field: string, label: string) {
  const org = organisations.get(ctx, id);
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

function checkBoard(ctx: Ctx, input: { name?: string; code?: string; quorumOrganisationIds?: number[] }, exceptId?: number): void {
  if (input.name !== undefined) {
    const clash = boards.findByName(ctx, input.name);
    if (clash && clash.id !== exceptId) throw new DomainError('board.duplicateName', `A board called "${clash.name}" already exists.`, 'name');
  }
  if (input.code !== undefined) {
    const clash = boards.findByCode(ctx, input.code);
    if (clash && clash.id !== exceptId) throw new DomainError('board.duplicateCode', `The code ${input.code} is already used by ${clash.name}.`, 'code');
  }
  input.quorumOrganisationIds?.forEach((orgId, i) => requireOrganisationField(ctx, orgId, `quorumOrganisationIds.${i}`, 'Quorum organisation'));
}

// Memberships ------------------------------------------------------------------------------------

function requireMembership(ctx: Ctx, id: number): Membership {
  const ms = memberships.get(ctx, id);
  if (!ms) throw notFound('membership', id);
  return ms;
}

/** One person cannot hold two memberships of the same board at once. */
function checkMembershipDates(ctx: Ctx, boardId: number, personId: number, startsOn: string, endsOn: string | null, exceptId: number | null): void {
  if (endsOn !== null && endsOn < startsOn) {
    throw new DomainError('membership.endsBeforeStart', `Ends on (${formatDateLong(endsOn)}) is before starts on (${formatDateLong(startsOn)}).`, 'endsOn');
  }
  const clash = memberships.overlapping(ctx, boardId, personId, startsOn, endsOn, exceptId);
  if (clash) {
    const person = people.get(ctx, personId)!;
    const board = boards.get(ctx, boardId, startsOn)!;
    const period = clash.ends_on ? `from ${formatDateLong(clash.starts_on)} to ${formatDateLong(clash.ends_on)}` : `from ${formatDateLong(clash.starts_on)} with no end date`;
    throw new DomainError(
      'membership.overlap',
      `Starts on: ${person.givenName} ${person.familyName} is already a member of ${board.name} ${period}. ` +
        `A new membership must start after that one ends (set its end date first).`,
      'startsOn',
    );
  }
}

function checkSubstitutes(ctx: Ctx, memberPersonId: number, personIds: number[]): void {
  personIds.forEach((pid, i) => {
    requirePersonField(ctx, pid, `substituteIds.${i}`, 'Substitute');
    if (pid === memberPersonId) throw new DomainError('membership.selfSubstitute', 'A member cannot be their own substitute.', `substituteIds.${i}`);
  });
}

// Meetings: the detail every meeting screen and export reads ----------------------------------------

function quorumRule(board: Board): QuorumRule {
  return { count: board.quorumCount, requiredOrganisations: board.quorumOrganisations };
}

function seated(members: Membership[]): SeatedMember[] {
  return members.map((m) => ({ personId: m.personId, name: m.name, organisationId: m.organisationId, role: m.role }));
}

export function meetingDetail(ctx: Ctx, id: number): MeetingDetail {
  const today = isoToday(ctx);
  const meeting = requireMeeting(ctx, id);
  const board = requireBoard(ctx, meeting.boardId);
  const date = dateOf(meeting.startsAt);
  const members = memberships.list(ctx, board.id, date);
  const marks = attendance.list(ctx, id);
  const decls = declarations.list(ctx, id);
  const rule = quorumRule(board);
  const attendanceMarks: AttendanceMark[] = marks.map((a) => ({ personId: a.personId, name: a.name, status: a.status, substituteForPersonId: a.substituteForPersonId }));
  // Quorum is stated once someone is recorded as present: apologies sent ahead of a meeting are
  // not a roll call, and "Not quorate: 0 members" would be a false record.
  const recorded = marks.some((a) => a.status === 'present');
  const overall = recorded ? quorum(rule, seated(members), attendanceMarks) : null;

  const papers = agendaItems.papers(ctx, id);
  const decisions = agendaItems.decisions(ctx, id);
  const numbered = numberAgenda(meeting, agendaItems.list(ctx, id));
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

  const previous = meetings.previous(ctx, board.id, meeting.startsAt, id);
  const next = meetings.next(ctx, board.id, meeting.startsAt, id);
  return {
    meeting,
    board,
    agenda,
    warnings,
    members,
    attendance: marks,
    quorum: overall,
    declarations: decls,
    actions: actions.list(ctx, { boardId: null, meetingId: id, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' }, today),
    mattersArising: actions.liveBefore(ctx, board.id, meeting.startsAt, today),
    previousMeeting: previous ? { id: previous.id, startsAt: previous.starts_at, status: previous.status } : null,
    nextMeeting: next ? { id: next.id, startsAt: next.starts_at, status: next.status } : null,
  };
}

/** The meeting after an attendance change, with the stored quorate flag (shown in lists) kept in step. */
function detailWithQuorate(ctx: Ctx, meetingId: number): MeetingDetail {
  const detail = meetingDetail(ctx, meetingId);
  const value = detail.quorum === null ? null : detail.quorum.met;
  if (detail.meeting.quorate === value) return detail;
  meetings.update(ctx, meetingId, { quorate: value === null ? null : value ? 1 : 0 });
  return { ...detail, meeting: requireMeeting(ctx, meetingId) };
}

// Agenda ----------------------------------------------------------------------------------------------

/** Writes positions 1..n in the given order, touching only rows whose position changes. */
function writeOrder(ctx: Ctx, meetingId: number, orderedIds: number[]): void {
  const current = new Map(agendaItems.list(ctx, meetingId).map((i) => [i.id, i.position]));
  orderedIds.forEach((itemId, i) => {
    if (current.get(itemId) !== i + 1) agendaItems.update(ctx, itemId, { position: i + 1 });
  });
}

/** Where a new item goes by default: before the closing standing items (any other business …). */
function defaultInsertIndex(items: { standingKind: string | null }[]): number {
  let index = items.length;
  while (index > 0 && CLOSING_KINDS.includes(items[index - 1]!.standingKind ?? '')) index--;
  return index;
}

function insertItem(ctx: Ctx, meetingId: number, values: Record<string, unknown>, index: number | null): number {
  const items = agendaItems.list(ctx, meetingId);
  const at = index === null ? defaultInsertIndex(items) : Math.min(Math.max(index, 0), items.length);
  const newId = agendaItems.insert(ctx, { meetingId, position: items.length + 1, ...values });
  const order = items.map((i) => i.id);
  order.splice(at, 0, newId);
  writeOrder(ctx, meetingId, order);
  return newId;
}

function chairOn(ctx: Ctx, boardId: number, date: string): number | null {
  return memberships.list(ctx, boardId, date).find((m) => m.role === 'chair')?.personId ?? null;
}

function pullForwardPlan(ctx: Ctx, meeting: Meeting): number {
  const due = forwardPlan.dueBy(ctx, meeting.boardId, dateOf(meeting.startsAt));
  for (const f of due) {
    const itemId = insertItem(ctx, meeting.id, { title: f.title, purpose: f.purpose, leadPersonId: f.leadPersonId, minutesAllotted: 15 }, null);
    forwardPlan.update(ctx, f.id, { agendaItemId: itemId });
  }
  return due.length;
}

function assertMeetingEditable(meeting: Meeting, what: string): void {
  if (meeting.status === 'minutes_approved') {
    throw new DomainError('meeting.approved', `The minutes of this meeting are approved, so its ${what} can no longer change. Move it back to "Minutes draft" first.`, 'status');
  }
}

// Attendance ------------------------------------------------------------------------------------------

function checkSubstitution(ctx: Ctx, meeting: Meeting, personId: number, status: string, substituteFor: number | null): void {
  const date = dateOf(meeting.startsAt);
  const members = memberships.list(ctx, meeting.boardId, date);
  const marks = attendance.list(ctx, meeting.id).filter((a) => a.personId !== personId);
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
  const who = requirePersonField(ctx, substituteFor, 'substituteForPersonId', 'Substitute for');
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

export function requireAction(ctx: Ctx, id: number): ActionDetail {
  const action = actions.get(ctx, id, isoToday(ctx));
  if (!action) throw notFound('action', id);
  return { ...action, updates: actions.updates(ctx, id) };
}

function checkOwners(ctx: Ctx, v: { ownerPersonId: number | null; ownerOrganisationId: number | null }): void {
  assertOwner(v);
  if (v.ownerPersonId !== null) requirePersonField(ctx, v.ownerPersonId, 'ownerPersonId', 'Owner');
  if (v.ownerOrganisationId !== null) requireOrganisationField(ctx, v.ownerOrganisationId, 'ownerOrganisationId', 'Owner');
}

const ALL_ACTIONS = { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' };

// -------------------------------------------------------------------------------------------------------

export const meetingsHandlers: HandlersFor<typeof meetingsContract> = {
  'board.list': (ctx) => boards.list(ctx, isoToday(ctx)),
  'board.get': (ctx, { id }) => requireBoard(ctx, id),
  'board.create': (ctx, { quorumOrganisationIds, ...values }) => {
    checkBoard(ctx, { ...values, quorumOrganisationIds });
    const id = boards.insert(ctx, values);
    boards.setQuorumOrganisations(ctx, id, [...new Set(quorumOrganisationIds)]);
    return requireBoard(ctx, id);
  },
  'board.update': (ctx, { id, quorumOrganisationIds, ...patch }) => {
    requireBoard(ctx, id);
    checkBoard(ctx, { ...patch, ...(quorumOrganisationIds ? { quorumOrganisationIds } : {}) }, id);
    boards.update(ctx, id, patch);
    if (quorumOrganisationIds) boards.setQuorumOrganisations(ctx, id, [...new Set(quorumOrganisationIds)]);
    return requireBoard(ctx, id);
  },
  'board.delete': (ctx, { id }) => {
    const board = requireBoard(ctx, id);
    refuseIfReferenced(ctx.db, 'board', id, board.name);
    boards.remove(ctx, id);
    return { id };
  },

  'membership.list': (ctx, { boardId, on }) => {
    requireBoard(ctx, boardId);
    return memberships.list(ctx, boardId, on);
  },
  'membership.create': (ctx, { substituteIds, ...values }) => {
    requireBoard(ctx, values.boardId);
    requirePersonField(ctx, values.personId, 'personId', 'Person');
    checkMembershipDates(ctx, values.boardId, values.personId, values.startsOn, values.endsOn, null);
    checkSubstitutes(ctx, values.personId, substituteIds);
    const id = memberships.insert(ctx, values);
    memberships.setSubstitutes(ctx, id, [...new Set(substituteIds)]);
    return requireMembership(ctx, id);
  },
  'membership.update': (ctx, { id, ...patch }) => {
    const ms = requireMembership(ctx, id);
    const startsOn = patch.startsOn ?? ms.startsOn;
    const endsOn = patch.endsOn === undefined ? ms.endsOn : patch.endsOn;
    checkMembershipDates(ctx, ms.boardId, ms.personId, startsOn, endsOn, id);
    memberships.update(ctx, id, patch);
    return requireMembership(ctx, id);
  },
  'membership.delete': (ctx, { id }) => {
    requireMembership(ctx, id);
    memberships.remove(ctx, id);
    return { id };
  },
  'membership.setSubstitutes': (ctx, { id, personIds }) => {
    const ms = requireMembership(ctx, id);
    checkSubstitutes(ctx, ms.personId, personIds);
    memberships.setSubstitutes(ctx, id, [...new Set(personIds)]);
    return requireMembership(ctx, id);
  },

  'meeting.list': (ctx, filter) => meetings.list(ctx, filter),
  'meeting.get': (ctx, { id }) => meetingDetail(ctx, id),
  'meeting.papersDeadline': (ctx, { boardId, startsAt }) => {
    const board = requireBoard(ctx, boardId);
    return { papersDueOn: papersDueOn(dateOf(startsAt), board.papersDueWorkingDays), workingDays: board.papersDueWorkingDays };
  },
  'meeting.create': (ctx, { boardId, standingItems, pullForwardPlan: pull, ...values }) => {
    const board = requireBoard(ctx, boardId);
    const endsAt = values.endsAt ?? addMinutes(values.startsAt, board.defaultLengthMinutes);
    if (endsAt <= values.startsAt) throw new DomainError('meeting.endsBeforeStart', 'Ends at must be after the meeting starts.', 'endsAt');
    const date = dateOf(values.startsAt);
    const id = meetings.insert(ctx, { ...values, boardId, endsAt, papersDueOn: papersDueOn(date, board.papersDueWorkingDays) });
    if (standingItems) {
      const chair = chairOn(ctx, boardId, date);
      const template = standingItemsFor(board.code);
      const ordered = [...template.filter((t) => t.placement === 'start'), ...template.filter((t) => t.placement === 'end')];
      ordered.forEach((t, i) =>
        agendaItems.insert(ctx, {
          meetingId: id,
          position: i + 1,
          title: t.title,
          purpose: t.purpose,
          minutesAllotted: t.minutesAllotted,
          leadPersonId: t.lead === 'chair' ? chair : null,
          standingKind: t.kind,
        }),
      );
    }
    if (pull) pullForwardPlan(ctx, requireMeeting(ctx, id));
    return meetingDetail(ctx, id);
  },
  'meeting.update': (ctx, { id, ...patch }) => {
    const meeting = requireMeeting(ctx, id);
    const board = requireBoard(ctx, meeting.boardId);
    const startsAt = patch.startsAt ?? meeting.startsAt;
    let endsAt = patch.endsAt ?? meeting.endsAt;
    // Moving the start without a new end keeps the meeting's length.
    if (patch.startsAt && patch.endsAt === undefined) {
      const length = (Date.parse(meeting.endsAt + ':00Z') - Date.parse(meeting.startsAt + ':00Z')) / 60000;
      endsAt = addMinutes(startsAt, length);
    }
    if (endsAt <= startsAt) throw new DomainError('meeting.endsBeforeStart', 'Ends at must be after the meeting starts.', 'endsAt');
    const values: Record<string, unknown> = { ...patch, startsAt, endsAt };
    if (dateOf(startsAt) !== dateOf(meeting.startsAt) || meeting.papersDueOn === null) {
      values.papersDueOn = papersDueOn(dateOf(startsAt), board.papersDueWorkingDays);
    }
    meetings.update(ctx, id, values);
    return meetingDetail(ctx, id);
  },
  'meeting.setStatus': (ctx, { id, status }) => {
    const meeting = requireMeeting(ctx, id);
    const problem = statusMoveProblem(meeting.status, status);
    if (problem) throw new DomainError('meeting.statusStep', problem, 'status');
    meetings.update(ctx, id, { status });
    return meetingDetail(ctx, id);
  },
  'meeting.delete': (ctx, { id }) => {
    const meeting = requireMeeting(ctx, id);
    if (meeting.status !== 'planned' && meeting.status !== 'agenda_issued') {
      throw new DomainError('meeting.held', 'A meeting that has been held keeps its record; it cannot be deleted.', 'id');
    }
    meetings.remove(ctx, id);
    return { id };
  },

  'agenda.addItem': (ctx, { meetingId, position, ...values }) => {
    const meeting = requireMeeting(ctx, meetingId);
    assertMeetingEditable(meeting, 'agenda');
    if (values.leadPersonId !== null) requirePersonField(ctx, values.leadPersonId, 'leadPersonId', 'Lead');
    insertItem(ctx, meetingId, values, position === null ? null : position - 1);
    return meetingDetail(ctx, meetingId);
  },
  'agenda.updateItem': (ctx, { id, ...patch }) => {
    const item = agendaItems.get(ctx, id);
    if (!item) throw notFound('agenda_item', id);
    assertMeetingEditable(requireMeeting(ctx, item.meetingId), 'agenda');
    if (patch.leadPersonId !== undefined && patch.leadPersonId !== null) requirePersonField(ctx, patch.leadPersonId, 'leadPersonId', 'Lead');
    agendaItems.update(ctx, id, patch);
    return meetingDetail(ctx, item.meetingId);
  },
  'agenda.removeItem': (ctx, { id }) => {
    const item = agendaItems.get(ctx, id);
    if (!item) throw notFound('agenda_item', id);
    assertMeetingEditable(requireMeeting(ctx, item.meetingId), 'agenda');
    agendaItems.remove(ctx, id);
    writeOrder(ctx, item.meetingId, agendaItems.list(ctx, item.meetingId).map((i) => i.id));
    return meetingDetail(ctx, item.meetingId);
  },
  'agenda.reorder': (ctx, { meetingId, itemIds }) => {
    assertMeetingEditable(requireMeeting(ctx, meetingId), 'agenda');
    const problem = reorderProblem(
      agendaItems.list(ctx, meetingId).map((i) => i.id),
      itemIds,
    );
    if (problem) throw new DomainError('agenda.badOrder', problem, 'itemIds');
    writeOrder(ctx, meetingId, itemIds);
    return meetingDetail(ctx, meetingId);
  },
  'agenda.pullForwardPlan': (ctx, { meetingId }) => {
    const meeting = requireMeeting(ctx, meetingId);
    assertMeetingEditable(meeting, 'agenda');
    pullForwardPlan(ctx, meeting);
    return meetingDetail(ctx, meetingId);
  },

  'attendance.set': (ctx, { meetingId, personId, status, substituteForPersonId, note }) => {
    const meeting = requireMeeting(ctx, meetingId);
    requirePersonField(ctx, personId, 'personId', 'Person');
    checkSubstitution(ctx, meeting, personId, status, substituteForPersonId);
    const existing = attendance.find(ctx, meetingId, personId);
    if (existing) attendance.update(ctx, existing.id, { status, substituteForPersonId, note });
    else attendance.insert(ctx, { meetingId, personId, status, substituteForPersonId, note });
    return detailWithQuorate(ctx, meetingId);
  },
  'attendance.remove': (ctx, { meetingId, personId }) => {
    requireMeeting(ctx, meetingId);
    const existing = attendance.find(ctx, meetingId, personId);
    if (!existing) throw new DomainError('attendance.notFound', 'There is no attendance record for this person at this meeting.', 'personId');
    attendance.remove(ctx, existing.id);
    return detailWithQuorate(ctx, meetingId);
  },
  'attendance.statistics': (ctx, { boardId, financialYear }) => {
    requireBoard(ctx, boardId);
    const from = yearStart(financialYear);
    const to = yearEnd(financialYear);
    const held = meetings.heldBetween(ctx, boardId, from, to);
    const stats = attendanceStatistics(held, memberships.overPeriod(ctx, boardId, from, to), attendance.forMeetings(ctx, boardId, from, to));
    return { boardId, financialYear, meetingsHeld: held.length, ...stats };
  },
  'declaration.add': (ctx, { meetingId, agendaItemId, personId, interest, withdrew }) => {
    requireMeeting(ctx, meetingId);
    requirePersonField(ctx, personId, 'personId', 'Person');
    if (agendaItemId !== null) {
      const item = agendaItems.get(ctx, agendaItemId);
      if (!item || item.meetingId !== meetingId) {
        throw new DomainError('declaration.wrongItem', `Agenda item ${agendaItemId} is not on this meeting's agenda.`, 'agendaItemId');
      }
    }
    declarations.insert(ctx, { meetingId, agendaItemId, personId, interest, withdrew: agendaItemId !== null && withdrew });
    return meetingDetail(ctx, meetingId);
  },
  'declaration.remove': (ctx, { id }) => {
    const d = declarations.get(ctx, id);
    if (!d) throw notFound('declaration', id);
    declarations.remove(ctx, id);
    return meetingDetail(ctx, d.meetingId);
  },

  'action.list': (ctx, filter) => actions.list(ctx, filter, isoToday(ctx)),
  'action.get': (ctx, { id }) => requireAction(ctx, id),
  'action.create': (ctx, input) => {
    let { boardId, meetingId } = input;
    const { agendaItemId } = input;
    if (agendaItemId !== null) {
      const item = agendaItems.get(ctx, agendaItemId);
      if (!item) throw new DomainError('action.noItem', `No agenda item with id ${agendaItemId} exists.`, 'agendaItemId');
      if (meetingId !== null && item.meetingId !== meetingId) {
        throw new DomainError('action.wrongItem', `Agenda item ${agendaItemId} is not on the agenda of meeting ${meetingId}.`, 'agendaItemId');
      }
      meetingId = item.meetingId;
    }
    let meetingDate: string | null = null;
    if (meetingId !== null) {
      const meeting = requireMeeting(ctx, meetingId);
      if (boardId !== null && boardId !== meeting.boardId) {
        throw new DomainError('action.wrongBoard', `The meeting belongs to ${meeting.boardName}, not to board ${boardId}.`, 'boardId');
      }
      boardId = meeting.boardId;
      meetingDate = dateOf(meeting.startsAt);
    } else if (boardId !== null) requireBoard(ctx, boardId);
    checkOwners(ctx, input);
    assertDueAfterMeeting(input.dueOn, meetingDate);
    const id = actions.insert(ctx, { ...input, boardId, meetingId, status: 'open' });
    return requireAction(ctx, id);
  },
  'action.update': (ctx, { id, ...patch }) => {
    const action = requireAction(ctx, id);
    const merged = { ...action, ...patch };
    checkOwners(ctx, merged);
    if (patch.dueOn !== undefined) assertDueAfterMeeting(merged.dueOn, action.meetingStartsAt ? dateOf(action.meetingStartsAt) : null);
    const values: Record<string, unknown> = { ...patch };
    if (patch.status !== undefined) {
      if (isLive(patch.status)) values.completedOn = null;
      else if (patch.completedOn === undefined || patch.completedOn === null) values.completedOn = action.completedOn ?? isoToday(ctx);
    }
    actions.update(ctx, id, values);
    return requireAction(ctx, id);
  },
  'action.addUpdate': (ctx, { actionId, updatedOn, text }) => {
    requireAction(ctx, actionId);
    const today = isoToday(ctx);
    const on = updatedOn ?? today;
    if (on > today) throw new DomainError('action.futureUpdate', `Update date ${formatDateLong(on)} is in the future; record updates on or before today.`, 'updatedOn');
    actions.insertUpdate(ctx, { actionId, updatedOn: on, text });
    // An update on an open action means work has started.
    if (requireAction(ctx, actionId).status === 'open') actions.update(ctx, actionId, { status: 'in_progress' });
    return requireAction(ctx, actionId);
  },
  'action.dueThisWeek': (ctx) => {
    const today = isoToday(ctx);
    const week = weekOf(today);
    return {
      weekStart: week.start,
      weekEnd: week.end,
      dueThisWeek: actions.dueBetween(ctx, today, week.end, today),
      overdue: actions.list(ctx, { ...ALL_ACTIONS, overdue: true }, today),
    };
  },

  'forwardPlan.list': (ctx, { boardId }) => {
    requireBoard(ctx, boardId);
    return forwardPlan.list(ctx, boardId);
  },
  'forwardPlan.add': (ctx, values) => {
    requireBoard(ctx, values.boardId);
    if (values.leadPersonId !== null) requirePersonField(ctx, values.leadPersonId, 'leadPersonId', 'Lead');
    const id = forwardPlan.insert(ctx, values);
    return forwardPlan.get(ctx, id)!;
  },
  'forwardPlan.remove': (ctx, { id }) => {
    if (!forwardPlan.get(ctx, id)) throw notFound('forward_plan_item', id);
    forwardPlan.remove(ctx, id);
    return { id };
  },

  'meeting.exportAgenda': (ctx, { id, out }) => exportAgenda(ctx, meetingDetail(ctx, id), out),
  'meeting.exportMinutes': (ctx, { id, out }) => exportMinutes(ctx, meetingDetail(ctx, id), out),
  'action.exportLog': (ctx, { format, out, ...filter }) => exportActionLog(ctx, filter, format, out),
};
