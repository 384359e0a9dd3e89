import { z } from 'zod';
import { command, edit, exportOp, query, readVersions } from '../api/define';
import type { ExportResult } from '../documents/export-result';
import { docxOrXlsx, outFile, outMatchesFormat } from '../documents/out-file';
import { datesInOrder } from '../documents/register-filter';
import { financialYear, flag, id, isoDate, isoDateTime, nullable, optionalText, patchOf, requiredText, searchText } from '../api/fields';
import { DEFAULT_PAGE_SIZE, isoDateOrNull, MAX_PAGE_SIZE, pageFields, rowId, type Page } from '../api/paging';
import { isIsoDate, isIsoMonth } from '../shared/financial-year';
import type { Warning } from './agenda-numbering';
import type { MemberStatistics, OrganisationStatistics } from './attendance-statistics';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  BOARD_KINDS,
  MARKINGS,
  PURPOSES,
  ROLES,
  type ActionStatus,
  type AttendanceStatus,
  type BoardKind,
  type ProtectiveMarking,
  type Purpose,
  type Role,
} from './labels';
import { MEETING_STATUSES, type MeetingStatus } from './meeting-status';
import { DEFAULT_MINUTE_FORMAT, minuteFormatProblem } from './minute-numbers';
import type { QuorumResult } from './quorum';
import type { ActionChase, DueRevision } from './action-edits';
import { interestType, type Interest, type InterestType } from '../interests/contract';
import { confidentialReasonField, declarationNeedsAnInterest } from './declaration-rules';

export * from './labels';
export type { MeetingStatus, QuorumResult, Warning, ActionChase, DueRevision };

export type StandingKind = 'welcome' | 'declarations' | 'minutes' | 'aob' | 'next_meeting';

export interface NamedRef {
  id: number;
  name: string;
}

export interface Board {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  name: string;
  code: string;
  kind: BoardKind;
  quorumCount: number;
  quorumOrganisations: NamedRef[];
  papersDueWorkingDays: number;
  defaultLengthMinutes: number;
  protectiveMarking: ProtectiveMarking;
  termsOfReference: string;
  /** The house format of its minute numbers, e.g. "{code} {n}/{yy}" for "SB 12/20" (./minute-numbers.ts). */
  minuteFormat: string;
  /** Members (any role) sitting today. */
  currentMemberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Membership {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  boardId: number;
  personId: number;
  name: string;
  jobTitle: string;
  organisationId: number | null;
  organisationName: string | null;
  role: Role;
  startsOn: string;
  endsOn: string | null;
  substitutes: { personId: number; name: string }[];
}

export interface Meeting {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  boardId: number;
  boardName: string;
  boardCode: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineLink: string;
  status: MeetingStatus;
  papersDueOn: string | null;
  quorate: boolean | null;
  agendaItemCount: number;
  /** The later meeting that approved these minutes as a correct record (./minutes-record.ts), who proposed it and the Chair who signs. */
  minutesApprovedAtMeetingId: number | null;
  minutesApprovedAtStartsAt: string | null;
  minutesApprovedByPersonId: number | null;
  minutesApprovedByName: string | null;
  minutesSignedByPersonId: number | null;
  minutesSignedByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A meeting as a picker offers it (a paper's or decision's meeting, an agenda pack, a board's
 * years of attendance, a forward plan's meetings to come): what names and filters it, not the
 * whole row the Meetings screen shows.
 */
export interface MeetingChoice {
  id: number;
  boardId: number;
  /** The board's short code ("SB"): its name is in board.list, which every picker reads. */
  boardCode: string;
  startsAt: string;
  status: MeetingStatus;
}

/** meeting.list's keyset: its order's values of a page's last row, starts at then id. */
export const meetingCursorShape = (k: unknown[]): boolean => k.length === 2 && typeof k[0] === 'string' && rowId(k[1]);

const meetingFilter = {
  boardId: nullable(id('Board')),
  from: nullable(isoDate('From')),
  to: nullable(isoDate('To')),
  status: nullable(z.enum(MEETING_STATUSES, { error: 'Status is not a meeting status' })),
};
export type MeetingFilter = z.output<z.ZodObject<typeof meetingFilter>>;

export interface Declaration {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  personId: number;
  name: string;
  interest: string;
  /** The register entry declared; null for a declaration recorded before the register (migration 010). */
  interestId: number | null;
  /** The interest's type as declared; null for a declaration recorded before the register. */
  interestType: InterestType | null;
  withdrew: boolean;
}

export interface AgendaItem {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  meetingId: number;
  position: number;
  number: number;
  /** "HH:MM", from the meeting's start and the minutes allotted before it. */
  startsAt: string;
  endsAt: string;
  title: string;
  purpose: Purpose;
  leadPersonId: number | null;
  leadName: string | null;
  minutesAllotted: number;
  confidential: boolean;
  /** Why a Part B item is taken in private ('' for an item in public), printed on every page of its papers. */
  confidentialReason: string;
  standingKind: StandingKind | null;
  /** The minutes of this item: the discussion summary. */
  discussion: string;
  /** Its minute number in the board's series ("SB 12/20"), given when the minutes go to draft; null before. */
  minuteNumber: string | null;
  minuteSeq: number | null;
  papers: { id: number; reference: string; title: string }[];
  /** The decisions recorded on the item, each with the version the page read (so agreeing one goes on what was shown). */
  decisions: { id: number; version: number; reference: string; title: string; text: string; status: string }[];
  declarations: Declaration[];
  /** Quorum for this item without members who declared an interest and withdrew; null before attendance is recorded. */
  quorum: QuorumResult | null;
}

export interface Attendance {
  id: number;
  meetingId: number;
  personId: number;
  name: string;
  organisationName: string | null;
  status: AttendanceStatus;
  substituteForPersonId: number | null;
  substituteForName: string | null;
  note: string;
}

export interface Action {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  boardId: number | null;
  boardName: string | null;
  meetingId: number | null;
  meetingStartsAt: string | null;
  agendaItemId: number | null;
  agendaItemTitle: string | null;
  /** The minute it was agreed under ("SB 12/20"), once the minutes are numbered. */
  agendaItemMinuteNumber: string | null;
  description: string;
  ownerPersonId: number | null;
  ownerOrganisationId: number | null;
  /** The person's name (and organisation), or the organisation's name. */
  ownerName: string;
  dueOn: string | null;
  /** The due date first agreed, when it has been revised since (./action-edits.ts); else null. */
  originalDueOn: string | null;
  /** How many times the due date has been revised, and why the last time. */
  dueRevisionCount: number;
  latestDueReason: string | null;
  status: ActionStatus;
  completedOn: string | null;
  overdue: boolean;
  latestUpdate: { updatedOn: string; text: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActionUpdate {
  id: number;
  actionId: number;
  updatedOn: string;
  text: string;
}

export interface ActionDetail extends Action {
  updates: ActionUpdate[];
  /** Every revision of the due date, first to last, each with its reason. */
  dueRevisions: DueRevision[];
}

export interface ForwardPlanItem {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  boardId: number;
  title: string;
  purpose: Purpose;
  leadPersonId: number | null;
  leadName: string | null;
  /** A date (YYYY-MM-DD) or a month (YYYY-MM). */
  plannedFor: string;
  /** Its place among the items planned for the same date or month: the order they join the agenda. */
  position: number;
  agendaItemId: number | null;
  /** The meeting it was pulled into, if any. */
  meetingId: number | null;
}

export interface MeetingDetail {
  meeting: Meeting;
  board: Board;
  agenda: AgendaItem[];
  /** Things the user may go past, e.g. the agenda overrunning the meeting's end. */
  warnings: Warning[];
  /** Who sat on the board on the meeting's date. */
  members: Membership[];
  attendance: Attendance[];
  /** Quorum of the meeting as a whole; null before any attendance is recorded. */
  quorum: QuorumResult | null;
  declarations: Declaration[];
  /** The register of interests of the members and of those recorded at the meeting: the entries current on its date. */
  interests: Interest[];
  /** Actions agreed at this meeting. */
  actions: Action[];
  /** Open actions of the board from earlier meetings: the "matters arising". */
  mattersArising: Action[];
  /** The meeting before; approvedHere when this meeting approved its minutes (at its "minutes" item), with who proposed it. */
  previousMeeting: { id: number; version: number; startsAt: string; status: MeetingStatus; approvedHere: boolean; approvedByName: string | null } | null;
  nextMeeting: { id: number; startsAt: string; status: MeetingStatus } | null;
}

/** An agenda or minutes written: the common export result, and how many agenda items it holds. */
export interface AgendaExportResult extends ExportResult {
  items: number;
}

export interface AttendanceStatistics {
  boardId: number;
  financialYear: string;
  meetingsHeld: number;
  members: MemberStatistics[];
  organisations: OrganisationStatistics[];
}

// ---------------------------------------------------------------------------------------

export const dateOrMonth = (label: string) =>
  z
    .string({ error: `${label} must be a date or a month` })
    .refine((s) => isIsoDate(s) || isIsoMonth(s), `${label} must be a date (YYYY-MM-DD) or a month (YYYY-MM)`);

const boardFields = {
  name: requiredText('Name', 160),
  code: z
    .string({ error: 'Code must be text' })
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{0,15}$/, 'Code must be 1 to 16 capital letters, digits or hyphens, starting with a letter (e.g. VRUSB)'),
  kind: z.enum(BOARD_KINDS, { error: `Kind must be one of: ${BOARD_KINDS.join(', ')}` }).default('board'),
  quorumCount: z.number({ error: 'Quorum must be a number' }).int('Quorum must be a whole number').min(1, 'Quorum must be at least 1').max(100, 'Quorum must be at most 100').default(1),
  quorumOrganisationIds: z.array(id('Quorum organisation'), { error: 'Quorum organisations must be a list' }).max(20, 'At most 20 organisations can be required for quorum').default([]),
  papersDueWorkingDays: z
    .number({ error: 'Papers due must be a number of working days' })
    .int('Papers due must be a whole number of working days')
    .min(0, 'Papers due cannot be negative')
    .max(60, 'Papers due must be at most 60 working days')
    .default(5),
  defaultLengthMinutes: z
    .number({ error: 'Meeting length must be a number of minutes' })
    .int('Meeting length must be a whole number of minutes')
    .min(15, 'Meeting length must be at least 15 minutes')
    .max(720, 'Meeting length must be at most 12 hours')
    .default(120),
  protectiveMarking: z.enum(MARKINGS, { error: 'Protective marking must be OFFICIAL or OFFICIAL-SENSITIVE' }).default('OFFICIAL'),
  termsOfReference: optionalText('Terms of reference', 20000),
  minuteFormat: z
    .string({ error: 'Minute number format must be text' })
    .trim()
    .superRefine((s, c) => {
      const problem = minuteFormatProblem(s);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .default(DEFAULT_MINUTE_FORMAT),
};

const membershipFields = {
  personId: id('Person'),
  role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` }).default('member'),
  startsOn: isoDate('Starts on'),
  endsOn: nullable(isoDate('Ends on')),
};

const meetingFields = {
  title: optionalText('Title', 200),
  startsAt: isoDateTime('Starts at'),
  endsAt: nullable(isoDateTime('Ends at')),
  location: optionalText('Location', 300),
  onlineLink: z
    .string({ error: 'Online link must be text' })
    .trim()
    .max(500, 'Online link must be at most 500 characters')
    .refine((s) => s === '' || /^https:\/\/[^\s]+$/.test(s), 'Online link must be a web address starting https://')
    .default(''),
};

const agendaItemFields = {
  title: requiredText('Title', 300),
  purpose: z.enum(PURPOSES, { error: 'Purpose must be decision, discussion, information or noting' }).default('discussion'),
  leadPersonId: nullable(id('Lead')),
  minutesAllotted: z
    .number({ error: 'Minutes allotted must be a number' })
    .int('Minutes allotted must be a whole number')
    .min(0, 'Minutes allotted cannot be negative')
    .max(480, 'Minutes allotted must be at most 480')
    .default(10),
  confidential: flag('Confidential').default(false),
  confidentialReason: confidentialReasonField,
};

const actionFields = {
  description: requiredText('Description', 2000),
  ownerPersonId: nullable(id('Owner (person)')),
  ownerOrganisationId: nullable(id('Owner (organisation)')),
  dueOn: nullable(isoDate('Due on')),
};

const actionFilter = {
  boardId: nullable(id('Board')),
  meetingId: nullable(id('Meeting')),
  ownerPersonId: nullable(id('Owner (person)')),
  ownerOrganisationId: nullable(id('Owner (organisation)')),
  statuses: z.array(z.enum(ACTION_STATUSES, { error: 'Status must be open, in_progress, done or dropped' })).default([]),
  overdue: flag('Overdue only').default(false),
  search: searchText(),
};
export type ActionFilter = z.output<z.ZodObject<typeof actionFilter>>;

/** An action log cursor holds the last row's due date (or null) and id: ACTION_ORDER in ./repository.ts. */
export const actionCursorShape = (key: unknown[]): boolean => key.length === 2 && isoDateOrNull(key[0]) && rowId(key[1]);

/** How many overdue actions the dashboard lists (it says how many there are in all). */
export const OVERDUE_SHOWN = 5;

export interface DueThisWeek {
  weekStart: string;
  weekEnd: string;
  dueThisWeek: Action[];
  /** How many open actions are past their due date, and the first few of them by due date. */
  overdue: { total: number; first: Action[] };
}

/** The live actions, which the secretariat chases: what the action log shows first. */
export const OPEN_STATUSES = ['open', 'in_progress'] as const;

/**
 * The action log's input: the export's filters, where no statuses given means the open and
 * in-progress ones (an empty list: every status), and a page.
 */
const actionListSchema = z
  .object({ ...actionFilter, statuses: actionFilter.statuses.removeDefault().default([...OPEN_STATUSES]), ...pageFields(actionCursorShape) })
  .strict();
export type ActionListInput = z.output<typeof actionListSchema>;

/** A page of the action log, with how many of all the filter selects are overdue. */
export type ActionPage = Page<Action> & { overdue: number };

/**
 * What the action log's export takes, its own (not the screen list's, which pages): the
 * list's filters, a date range (the date the action was agreed: its meeting's, else the day
 * it was recorded) and open only (open or in progress).
 */
const actionLogFilter = {
  ...actionFilter,
  from: nullable(isoDate('From')),
  to: nullable(isoDate('To')),
  openOnly: flag('Open only').default(false),
};
export type ActionLogFilter = z.output<z.ZodObject<typeof actionLogFilter>>;

/** The statuses "open only" keeps. */
export const OPEN_ACTION_STATUSES = ['open', 'in_progress'] as const satisfies readonly ActionStatus[];

function openOnlyAgreesWithStatuses(v: { openOnly: boolean; statuses: ActionStatus[] }, ctx: z.RefinementCtx): void {
  // Runs on malformed input too (its fields' own refusals come first): look only at what is well formed.
  if (v.openOnly !== true || !Array.isArray(v.statuses)) return;
  const closed = v.statuses.filter((s) => (ACTION_STATUSES as readonly unknown[]).includes(s) && !(OPEN_ACTION_STATUSES as readonly string[]).includes(s));
  if (closed.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['openOnly'], message: `Open only keeps open and in-progress actions, so none would be ${closed.join(' or ')}: choose open only or those statuses, not both` });
  }
}

const byId = (label?: string) => z.object({ id: id(label) }).strict();


/**
 * A register cell as the screen showed it when the person changed it: null for "not
 * recorded". Attendance has no version of its own (it is a cell of the register), so a mark
 * saved with `was` is refused when someone else has changed the cell since.
 */
const attendanceWas = z
  .object({
    status: z.enum(ATTENDANCE_STATUSES, { error: 'Was must be present, apologies or absent' }),
    substituteForPersonId: nullable(id('Was substitute for')),
  })
  .strict()
  .nullable()
  .optional();

export const meetingsContract = {
  // Boards and their members ------------------------------------------------------------
  'board.list': query<Board[]>()(z.object({}).strict().default({}), 'Boards and groups, by name'),
  'board.get': query<Board>()(byId('Board'), 'One board with its quorum rule'),
  'board.create': command<Board>()(z.object(boardFields).strict(), 'Add a board or group'),
  'board.update': edit<Board>()('board', 
    z.object({ id: id('Board'), ...patchOf(boardFields) }).strict(),
    'Change a board, its quorum rule or papers deadline',
  ),
  'board.delete': edit<{ id: number }>()('board', byId('Board'), 'Delete a board that has no meetings'),

  'membership.list': query<Membership[]>()(
    z.object({ boardId: id('Board'), on: nullable(isoDate('On')) }).strict(),
    'Members of a board: all of its history, or who sat on it on a date',
  ),
  'membership.create': command<Membership>()(
    z.object({ boardId: id('Board'), ...membershipFields, substituteIds: z.array(id('Substitute')).max(10, 'At most 10 named substitutes').default([]) }).strict(),
    'Add a member to a board from a date',
  ),
  'membership.update': edit<Membership>()('membership', 
    z.object({ id: id('Membership'), ...patchOf({ role: membershipFields.role, startsOn: membershipFields.startsOn, endsOn: membershipFields.endsOn }) }).strict(),
    'Change a membership: role, start or end date',
  ),
  'membership.delete': edit<{ id: number }>()('membership', byId('Membership'), 'Remove a membership entered by mistake (to record a member leaving, set its end date)'),
  'membership.setSubstitutes': edit<Membership>()('membership', 
    z.object({ id: id('Membership'), personIds: z.array(id('Substitute')).max(10, 'At most 10 named substitutes') }).strict(),
    'Name the people who may substitute for a member',
  ),

  // Meetings --------------------------------------------------------------------------------
  'meeting.list': query<Page<Meeting>>()(
    z.object({ ...meetingFilter, ...pageFields(meetingCursorShape) }).strict().prefault({}),
    `Meetings, newest first, a page at a time (cursor: the nextCursor of the page before; limit: rows a page, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}), filtered by board, dates or status, with the total`,
  ),
  'meeting.choices': query<MeetingChoice[]>()(
    z.object(meetingFilter).strict().prefault({}),
    'Every meeting the filter selects, newest first, as a picker offers it: id, board, start and status',
  ),
  'meeting.get': query<MeetingDetail>()(byId('Meeting'), 'A meeting with its agenda, attendance, quorum, declarations and actions'),
  'meeting.papersDeadline': query<{ papersDueOn: string; workingDays: number }>()(
    z.object({ boardId: id('Board'), startsAt: isoDateTime('Starts at') }).strict(),
    'When papers are due for a meeting of this board on this date (working days, skipping bank holidays)',
  ),
  'meeting.create': command<MeetingDetail>()(
    z.object({ boardId: id('Board'), ...meetingFields, standingItems: flag('Standing items').default(true), pullForwardPlan: flag('Pull forward plan').default(true) }).strict(),
    'Schedule a meeting; its agenda starts with the board’s standing items and forward plan',
  ),
  'meeting.update': edit<MeetingDetail>()('meeting', 
    z.object({ id: id('Meeting'), ...patchOf(meetingFields) }).strict(),
    'Change a meeting’s date, time, place or link (the papers deadline follows the date)',
  ),
  'meeting.setStatus': edit<MeetingDetail>()('meeting', 
    z.object({ id: id('Meeting'), status: z.enum(MEETING_STATUSES, { error: 'Status is not a meeting status' }) }).strict(),
    'Move a meeting one step: planned → agenda issued → held → minutes draft → minutes approved',
  ),
  'meeting.delete': edit<{ id: number }>()('meeting', byId('Meeting'), 'Delete a meeting that is still only planned'),

  // Agenda --------------------------------------------------------------------------------
  'agenda.addItem': command<MeetingDetail>()(
    z.object({ meetingId: id('Meeting'), ...agendaItemFields, position: nullable(z.number().int().min(1, 'Position must be at least 1')) }).strict(),
    'Add an item to an agenda (by default before any other business)',
  ),
  'agenda.updateItem': edit<MeetingDetail>()('agenda_item', 
    z
      .object({ id: id('Agenda item'), ...patchOf({ ...agendaItemFields, discussion: optionalText('Discussion', 50000) }) })
      .strict(),
    'Change an agenda item, or record its minutes (the discussion)',
  ),
  'agenda.removeItem': edit<MeetingDetail>()('agenda_item', byId('Agenda item'), 'Take an item off an agenda'),
  'agenda.reorder': command<MeetingDetail>()(
    z
      .object({
        meetingId: id('Meeting'),
        itemIds: z.array(id('Agenda item'), { error: 'Item ids must be a list' }).min(1, 'Item ids must list every item'),
        versions: readVersions('Agenda item'),
      })
      .strict(),
    'Put an agenda in a new order: the full list of its item ids, first to last, with the version each item was read at (refused if one has changed since)',
  ),
  'agenda.pullForwardPlan': command<MeetingDetail>()(
    z.object({ meetingId: id('Meeting') }).strict(),
    'Add the board’s forward plan items due by this meeting to its agenda',
  ),

  // Attendance and declarations ----------------------------------------------------------
  'attendance.set': command<MeetingDetail>()(
    z
      .object({
        meetingId: id('Meeting'),
        personId: id('Person'),
        status: z.enum(ATTENDANCE_STATUSES, { error: 'Attendance must be present, apologies or absent' }),
        substituteForPersonId: nullable(id('Substitute for')),
        note: optionalText('Note', 500),
        was: attendanceWas,
      })
      .strict(),
    'Record one person’s attendance (a substitute names the member they replace); `was` is the mark as the register showed it, refused if someone has changed it since',
  ),
  'attendance.remove': command<MeetingDetail>()(
    z.object({ meetingId: id('Meeting'), personId: id('Person'), was: attendanceWas }).strict(),
    'Clear one person’s attendance record',
  ),
  'attendance.statistics': query<AttendanceStatistics>()(
    z.object({ boardId: id('Board'), financialYear: financialYear() }).strict(),
    'Attendance per member and organisation over a financial year',
  ),
  'declaration.add': command<MeetingDetail>()(
    z
      .object({
        meetingId: id('Meeting'),
        agendaItemId: nullable(id('Agenda item')),
        personId: id('Person'),
        interestId: nullable(id('Interest')),
        interest: optionalText('Interest', 1000),
        interestType: nullable(interestType('Interest type')),
        withdrew: flag('Withdrew').default(true),
      })
      .strict()
      .superRefine(declarationNeedsAnInterest),
    'Record a declaration of interest by someone present (a member, or a substitute): an entry of their register (interestId), or a new interest (interest and interestType), which is added to their register; for an item: whether they withdrew for it',
  ),
  'declaration.remove': edit<MeetingDetail>()('declaration', byId('Declaration'), 'Remove a declaration recorded by mistake'),

  // Actions ---------------------------------------------------------------------------------
  'action.list': query<ActionPage>()(
    actionListSchema.prefault({}),
    `The action log, by due date then id, a page at a time (cursor: the nextCursor of the page before; limit: rows a page, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}), filtered by board, meeting, owner, status (open and in progress unless statuses are given; [] for every status) or overdue, with the total and overdue count`,
  ),
  'action.get': query<ActionDetail>()(byId('Action'), 'One action with its updates'),
  'action.create': command<ActionDetail>()(
    z.object({ boardId: nullable(id('Board')), meetingId: nullable(id('Meeting')), agendaItemId: nullable(id('Agenda item')), ...actionFields }).strict(),
    'Record an action (from a meeting’s item, or for a board)',
  ),
  'action.update': edit<ActionDetail>()('action', 
    z
      .object({
        id: id('Action'),
        ...patchOf({
          ...actionFields,
          status: z.enum(ACTION_STATUSES, { error: 'Status must be open, in_progress, done or dropped' }),
          completedOn: nullable(isoDate('Completed on')),
        }),
        dueReason: requiredText('Reason for the new due date', 500).optional(),
        progress: requiredText('Progress update', 2000).optional(),
      })
      .strict(),
    'Change an action: wording, owner, due date (a revised due date needs dueReason: the original and each revision are kept), status, and a progress update dated today (progress), all in one write',
  ),
  'action.chase': query<ActionChase>()(
    byId('Action'),
    'An email chasing the owner of an action that is due this week or overdue: the owner’s address (an organisation’s contact email) and a mailto: link',
  ),
  'action.addUpdate': command<ActionDetail>()(
    z.object({ actionId: id('Action'), updatedOn: nullable(isoDate('Update date')), text: requiredText('Update', 2000) }).strict(),
    'Add a dated progress update to an action',
  ),
  'action.dueThisWeek': query<DueThisWeek>()(
    z.object({}).strict().default({}),
    `Open actions due this week (Monday to Sunday), and how many are already overdue with the first ${OVERDUE_SHOWN} of them`,
  ),

  // Forward plan ------------------------------------------------------------------------------
  'forwardPlan.list': query<ForwardPlanItem[]>()(z.object({ boardId: id('Board') }).strict(), 'A board’s forward plan'),
  'forwardPlan.add': command<ForwardPlanItem>()(
    z
      .object({
        boardId: id('Board'),
        title: requiredText('Title', 300),
        purpose: agendaItemFields.purpose,
        leadPersonId: nullable(id('Lead')),
        plannedFor: dateOrMonth('Planned for'),
      })
      .strict(),
    'Plan an item for a future meeting of a board (by date or month)',
  ),
  'forwardPlan.remove': edit<{ id: number }>()('forward_plan_item', byId('Forward plan item'), 'Take an item off the forward plan'),

  // Exports -----------------------------------------------------------------------------------
  'meeting.exportAgenda': exportOp<AgendaExportResult>()(z.object({ id: id('Meeting'), out: outFile(['docx']) }).strict(), 'Write the agenda as a Word document'),
  'meeting.exportMinutes': exportOp<AgendaExportResult>()(z.object({ id: id('Meeting'), out: outFile(['docx']) }).strict(), 'Write the minutes as a Word document'),
  'action.exportLog': exportOp<ExportResult>()(
    z
      .object({
        ...actionLogFilter,
        format: docxOrXlsx().default('docx'),
        out: outFile(['docx', 'xlsx']),
      })
      .strict()
      .superRefine(datesInOrder('the date the action was agreed'))
      .superRefine(openOnlyAgreesWithStatuses)
      .superRefine(outMatchesFormat),
    'Write the action log as Word or Excel, filtered by board, meeting, owner, status, open only and the date agreed',
  ),
} as const;
