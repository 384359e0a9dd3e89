import { setLinks } from '../db/audit';
import { likeContaining } from '../db/like';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { decodeCursor, pageOf, type CursorKey, type Page } from '../api/paging';
import { DomainError } from '../shared/errors';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import { actionCursorShape, meetingCursorShape } from './contract';
import type {
  Action,
  ActionFilter,
  ActionLogFilter,
  ActionUpdate,
  AgendaItem,
  Attendance,
  Board,
  Declaration,
  ForwardPlanItem,
  Meeting,
  MeetingChoice,
  MeetingFilter,
  MeetingStatus,
  Membership,
  NamedRef,
} from './contract';
import { OPEN_ACTION_STATUSES } from './contract';

/** SQL for the meetings area. Rows out are camelCase; nothing here formats for display. */
type Row = Record<string, unknown>;
const NAME = (alias: string) => `(${alias}.given_name || ' ' || ${alias}.family_name)`;

// Boards ------------------------------------------------------------------------------------

const BOARD_SELECT = `
  SELECT b.*,
    (SELECT count(DISTINCT m.person_id) FROM membership m
      WHERE m.board_id = b.id AND m.starts_on <= @today AND (m.ends_on IS NULL OR m.ends_on >= @today)) AS current_member_count
  FROM board b`;

type BoardRow = Omit<Board, 'quorumOrganisations'>;
/** A board's row without its own standing items (JSON, read by ./board-standing-items.ts). */
const boardOf = ({ standing_items: _, ...r }: Row) => toCamel<BoardRow>(r);

export const boards = {
  async list(ctx: Ctx, today: string): Promise<Board[]> {
    const rows = await sql<Row>(ctx, `${BOARD_SELECT} ORDER BY b.name COLLATE NOCASE`).all({ today });
    return Promise.all(rows.map(async (r) => ({ ...boardOf(r), quorumOrganisations: await boards.quorumOrganisations(ctx, r.id as number) })));
  },
  async get(ctx: Ctx, id: number, today: string): Promise<Board | undefined> {
    const row = await sql<Row>(ctx, `${BOARD_SELECT} WHERE b.id = @id`).get({ id, today });
    return row && { ...boardOf(row), quorumOrganisations: await boards.quorumOrganisations(ctx, id) };
  },
  findByName(ctx: Ctx, name: string): Promise<{ id: number; name: string } | undefined> {
    return sql<{ id: number; name: string }>(ctx, `SELECT id, name FROM board WHERE name = ? COLLATE NOCASE`).get(name);
  },
  findByCode(ctx: Ctx, code: string): Promise<{ id: number; name: string } | undefined> {
    return sql<{ id: number; name: string }>(ctx, `SELECT id, name FROM board WHERE code = ?`).get(code);
  },
  quorumOrganisations(ctx: Ctx, boardId: number): Promise<NamedRef[]> {
    return sql<NamedRef>(
      ctx,
      `SELECT o.id, o.name FROM board_quorum_organisation q JOIN organisation o ON o.id = q.organisation_id
       WHERE q.board_id = ? ORDER BY o.name COLLATE NOCASE`,
    ).all(boardId);
  },
  ...tableWrites('board'),
  async setQuorumOrganisations(ctx: Ctx, boardId: number, organisationIds: number[]): Promise<void> {
    const current = (await boards.quorumOrganisations(ctx, boardId)).map((o) => o.id);
    await setLinks(ctx, { table: 'board_quorum_organisation', parent: 'board_id', child: 'organisation_id' }, boardId, current, organisationIds);
  },
  async meetingCount(ctx: Ctx, boardId: number): Promise<number> {
    return (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM meeting WHERE board_id = ?`).get(boardId))!.n;
  },
};

// Memberships ---------------------------------------------------------------------------------

const MEMBERSHIP_SELECT = `
  SELECT ms.*, ${NAME('p')} AS name, p.job_title, p.organisation_id, o.name AS organisation_name
  FROM membership ms JOIN person p ON p.id = ms.person_id LEFT JOIN organisation o ON o.id = p.organisation_id`;

const ROLE_ORDER = `CASE ms.role WHEN 'chair' THEN 1 WHEN 'vice_chair' THEN 2 WHEN 'member' THEN 3 WHEN 'adviser' THEN 4 ELSE 5 END`;

async function withSubstitutes(ctx: Ctx, rows: Row[]): Promise<Membership[]> {
  return Promise.all(rows.map(async (r) => ({ ...toCamel<Omit<Membership, 'substitutes'>>(r), substitutes: await memberships.substitutes(ctx, r.id as number) })));
}

export const memberships = {
  /** All of a board's memberships, or only those current on a date. */
  async list(ctx: Ctx, boardId: number, on: string | null): Promise<Membership[]> {
    // Conditions left out rather than `@on IS NULL OR …`: PostgreSQL cannot type a parameter
    // that is only ever compared with NULL.
    const current = on === null ? '' : 'AND ms.starts_on <= @on AND (ms.ends_on IS NULL OR ms.ends_on >= @on)';
    const rows = await sql<Row>(
      ctx,
      `${MEMBERSHIP_SELECT}
       WHERE ms.board_id = @boardId ${current}
       ORDER BY ${ROLE_ORDER}, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, ms.starts_on`,
    ).all({ boardId, on });
    return withSubstitutes(ctx, rows);
  },
  async get(ctx: Ctx, id: number): Promise<Membership | undefined> {
    const row = await sql<Row>(ctx, `${MEMBERSHIP_SELECT} WHERE ms.id = ?`).get(id);
    return row && (await withSubstitutes(ctx, [row]))[0];
  },
  /** Another membership of the same person on the same board whose dates meet these. */
  overlapping(ctx: Ctx, boardId: number, personId: number, startsOn: string, endsOn: string | null, exceptId: number | null) {
    return sql<{ id: number; starts_on: string; ends_on: string | null }>(
      ctx,
      `SELECT id, starts_on, ends_on FROM membership
       WHERE board_id = @boardId AND person_id = @personId ${exceptId === null ? '' : 'AND id <> @exceptId'}
         AND starts_on <= coalesce(@endsOn, '9999-12-31') AND coalesce(ends_on, '9999-12-31') >= @startsOn
       ORDER BY starts_on LIMIT 1`,
    ).get({ boardId, personId, startsOn, endsOn, exceptId });
  },
  async substitutes(ctx: Ctx, membershipId: number): Promise<{ personId: number; name: string }[]> {
    return (await sql<Row>(
      ctx,
      `SELECT p.id AS person_id, ${NAME('p')} AS name FROM membership_substitute s JOIN person p ON p.id = s.person_id
       WHERE s.membership_id = ? ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`,
    )
      .all(membershipId))
      .map((r) => toCamel<{ personId: number; name: string }>(r));
  },
  ...tableWrites('membership'),
  async setSubstitutes(ctx: Ctx, membershipId: number, personIds: number[]): Promise<void> {
    const current = (await memberships.substitutes(ctx, membershipId)).map((s) => s.personId);
    await setLinks(ctx, { table: 'membership_substitute', parent: 'membership_id', child: 'person_id' }, membershipId, current, personIds);
  },
  /** Every membership of a board overlapping a period, for attendance statistics. */
  async overPeriod(ctx: Ctx, boardId: number, from: string, to: string): Promise<Membership[]> {
    const rows = await sql<Row>(
      ctx,
      `${MEMBERSHIP_SELECT} WHERE ms.board_id = @boardId AND ms.starts_on <= @to AND (ms.ends_on IS NULL OR ms.ends_on >= @from)`,
    ).all({ boardId, from, to });
    return rows.map((r) => ({ ...toCamel<Omit<Membership, 'substitutes'>>(r), substitutes: [] }));
  },
};

// Meetings ------------------------------------------------------------------------------------

const MEETING_SELECT = `
  SELECT mt.*, b.name AS board_name, b.code AS board_code,
    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = mt.id) AS agenda_item_count,
    am.starts_at AS minutes_approved_at_starts_at, ${NAME('ap')} AS minutes_approved_by_name, ${NAME('sp')} AS minutes_signed_by_name
  FROM meeting mt JOIN board b ON b.id = mt.board_id
  LEFT JOIN meeting am ON am.id = mt.minutes_approved_at_meeting_id
  LEFT JOIN person ap ON ap.id = mt.minutes_approved_by_person_id
  LEFT JOIN person sp ON sp.id = mt.minutes_signed_by_person_id`;

const MEETING_ORDER = 'ORDER BY mt.starts_at DESC, mt.id DESC';

function meetingWhere(f: MeetingFilter): string[] {
  const where: string[] = [];
  if (f.boardId !== null) where.push('mt.board_id = @boardId');
  if (f.from !== null) where.push('mt.starts_at >= @from');
  if (f.to !== null) where.push('substr(mt.starts_at, 1, 10) <= @to');
  if (f.status !== null) where.push('mt.status = @status');
  return where;
}

function meetingOf(row: Row): Meeting {
  const m = toCamel<Omit<Meeting, 'quorate'> & { quorate: number | null }>(row);
  return { ...m, quorate: m.quorate === null ? null : m.quorate === 1 };
}

export const meetings = {
  /** One page of meetings, newest first, after `cursor`, with the total the filter selects. */
  async page(ctx: Ctx, f: MeetingFilter, page: { cursor: string | null; limit: number }): Promise<Page<Meeting>> {
    const where = meetingWhere(f);
    const key = page.cursor === null ? null : decodeCursor(page.cursor, meetingCursorShape);
    if (page.cursor !== null && key === null) throw new DomainError('validation', 'Cursor is not one this list gave: start again from the first page (cursor null)', 'cursor');
    const counted = await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM meeting mt ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`).get(f);
    // The order's keyset: an earlier start, or the same start and a smaller id.
    const all = key === null ? where : [...where, '(mt.starts_at < @afterAt OR (mt.starts_at = @afterAt AND mt.id < @afterId))'];
    const rows = (await sql<Row>(ctx, `${MEETING_SELECT} ${all.length ? 'WHERE ' + all.join(' AND ') : ''} ${MEETING_ORDER} LIMIT @limit`)
      .all({ ...f, afterAt: key?.[0] ?? null, afterId: key?.[1] ?? null, limit: page.limit + 1 }))
      .map(meetingOf);
    return pageOf(rows, page.limit, counted?.n ?? 0, (m) => [m.startsAt, m.id]);
  },
  /** Every meeting the filter selects, newest first, narrow: what a picker offers. */
  async choices(ctx: Ctx, f: MeetingFilter): Promise<MeetingChoice[]> {
    const where = meetingWhere(f);
    return (await sql<Row>(
      ctx,
      `SELECT mt.id, mt.board_id, b.code AS board_code, mt.starts_at, mt.status
       FROM meeting mt JOIN board b ON b.id = mt.board_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${MEETING_ORDER}`,
    ).all(f))
      .map((r) => toCamel<MeetingChoice>(r));
  },
  async get(ctx: Ctx, id: number): Promise<Meeting | undefined> {
    const row = await sql<Row>(ctx, `${MEETING_SELECT} WHERE mt.id = ?`).get(id);
    return row && meetingOf(row);
  },
  previous(ctx: Ctx, boardId: number, startsAt: string, exceptId: number) {
    return sql<{ id: number; version: number; starts_at: string; status: MeetingStatus }>(
      ctx,
      `SELECT id, version, starts_at, status FROM meeting WHERE board_id = ? AND starts_at < ? AND id <> ? ORDER BY starts_at DESC LIMIT 1`,
    ).get(boardId, startsAt, exceptId);
  },
  next(ctx: Ctx, boardId: number, startsAt: string, exceptId: number) {
    return sql<{ id: number; starts_at: string; status: MeetingStatus }>(
      ctx,
      `SELECT id, starts_at, status FROM meeting WHERE board_id = ? AND starts_at > ? AND id <> ? ORDER BY starts_at LIMIT 1`,
    ).get(boardId, startsAt, exceptId);
  },
  /** Meetings of a board held (or further on) within dates, for statistics. */
  heldBetween(ctx: Ctx, boardId: number, from: string, to: string): Promise<{ id: number; date: string }[]> {
    return sql<{ id: number; date: string }>(
      ctx,
      `SELECT id, substr(starts_at, 1, 10) AS date FROM meeting
       WHERE board_id = ? AND substr(starts_at, 1, 10) BETWEEN ? AND ? AND status IN ('held','minutes_draft','minutes_approved')
       ORDER BY starts_at`,
    ).all(boardId, from, to);
  },
  ...tableWrites('meeting'),
};

// Agenda items ---------------------------------------------------------------------------------

type AgendaRow = Omit<AgendaItem, 'number' | 'startsAt' | 'endsAt' | 'papers' | 'decisions' | 'declarations' | 'quorum'>;

export const agendaItems = {
  async list(ctx: Ctx, meetingId: number): Promise<AgendaRow[]> {
    return (await sql<Row>(
      ctx,
      `SELECT a.*, ${NAME('p')} AS lead_name FROM agenda_item a LEFT JOIN person p ON p.id = a.lead_person_id
       WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
      .all(meetingId))
      .map((r) => {
        const row = toCamel<Omit<AgendaRow, 'confidential'> & { confidential: number }>(r);
        return { ...row, confidential: row.confidential === 1 };
      });
  },
  async get(ctx: Ctx, id: number): Promise<{ id: number; meetingId: number; position: number; standingKind: string | null } | undefined> {
    const row = await sql<Row>(ctx, `SELECT id, meeting_id, position, standing_kind FROM agenda_item WHERE id = ?`).get(id);
    return row && toCamel(row);
  },
  async papers(ctx: Ctx, meetingId: number): Promise<{ id: number; reference: string; title: string; agendaItemId: number }[]> {
    return (await sql<Row>(ctx, `SELECT id, reference, title, agenda_item_id FROM paper WHERE meeting_id = ? AND agenda_item_id IS NOT NULL ORDER BY reference COLLATE NOCASE`)
      .all(meetingId))
      .map((r) => toCamel(r));
  },
  async decisions(ctx: Ctx, meetingId: number): Promise<{ id: number; version: number; reference: string; title: string; text: string; status: string; agendaItemId: number }[]> {
    return (await sql<Row>(
      ctx,
      `SELECT id, version, reference, title, text, status, agenda_item_id FROM decision WHERE meeting_id = ? AND agenda_item_id IS NOT NULL ORDER BY reference COLLATE NOCASE`,
    )
      .all(meetingId))
      .map((r) => ({ ...toCamel<{ id: number; reference: string; title: string; text: string; status: string; agendaItemId: number }>(r), version: Number(r.version) }));
  },
  ...tableWrites('agenda_item'),
};

// Attendance and declarations ---------------------------------------------------------------------

export const attendance = {
  async list(ctx: Ctx, meetingId: number): Promise<Attendance[]> {
    return (await sql<Row>(
      ctx,
      `SELECT a.*, ${NAME('p')} AS name, o.name AS organisation_name, ${NAME('s')} AS substitute_for_name
       FROM attendance a JOIN person p ON p.id = a.person_id LEFT JOIN organisation o ON o.id = p.organisation_id
       LEFT JOIN person s ON s.id = a.substitute_for_person_id
       WHERE a.meeting_id = ? ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id`,
    )
      .all(meetingId))
      .map((r) => toCamel<Attendance>(r));
  },
  find(ctx: Ctx, meetingId: number, personId: number): Promise<{ id: number } | undefined> {
    return sql<{ id: number }>(ctx, `SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?`).get(meetingId, personId);
  },
  /** Marks for many meetings at once (statistics). */
  async forMeetings(ctx: Ctx, boardId: number, from: string, to: string) {
    return (await sql<Row>(
      ctx,
      `SELECT a.meeting_id, a.person_id, a.status, a.substitute_for_person_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
       WHERE m.board_id = ? AND substr(m.starts_at, 1, 10) BETWEEN ? AND ?`,
    )
      .all(boardId, from, to))
      .map((r) => toCamel<{ meetingId: number; personId: number; status: Attendance['status']; substituteForPersonId: number | null }>(r));
  },
  ...tableWrites('attendance'),
};

const declarationWrites = tableWrites('declaration');

/** A declaration is added, or removed when recorded by mistake; there is no edit. */
export const declarations = {
  async list(ctx: Ctx, meetingId: number): Promise<Declaration[]> {
    return (await sql<Row>(
      ctx,
      `SELECT d.*, ${NAME('p')} AS name FROM declaration d JOIN person p ON p.id = d.person_id
       LEFT JOIN agenda_item a ON a.id = d.agenda_item_id
       WHERE d.meeting_id = ? ORDER BY coalesce(a.position, 0), d.id`,
    )
      .all(meetingId))
      .map((r) => {
        const d = toCamel<Omit<Declaration, 'withdrew'> & { withdrew: number }>(r);
        return { ...d, withdrew: d.withdrew === 1 };
      });
  },
  async get(ctx: Ctx, id: number): Promise<{ id: number; meetingId: number } | undefined> {
    const row = await sql<Row>(ctx, `SELECT id, meeting_id FROM declaration WHERE id = ?`).get(id);
    return row && toCamel(row);
  },
  insert: declarationWrites.insert,
  remove: declarationWrites.remove,
};

// Actions ----------------------------------------------------------------------------------------

const IS_OVERDUE = `ac.status IN ('open','in_progress') AND ac.due_on IS NOT NULL AND ac.due_on < @today`;
const OVERDUE = `CASE WHEN ${IS_OVERDUE} THEN 1 ELSE 0 END`;

/** What the filters may look at besides the action: its owner (a person, their organisation, or an organisation). */
const ACTION_OWNERS = `
  LEFT JOIN person p ON p.id = ac.owner_person_id
  LEFT JOIN organisation po ON po.id = p.organisation_id
  LEFT JOIN organisation o ON o.id = ac.owner_organisation_id`;

/** The due date first agreed, how often it was revised and why last (./action-edits.ts). */
const DUE_REVISED = `
    (SELECT r.previous_due_on FROM action_due_revision r WHERE r.action_id = ac.id ORDER BY r.id LIMIT 1) AS original_due_on,
    (SELECT count(*) FROM action_due_revision r WHERE r.action_id = ac.id) AS due_revision_count,
    (SELECT r.reason FROM action_due_revision r WHERE r.action_id = ac.id ORDER BY r.id DESC LIMIT 1) AS latest_due_reason`;

const ACTION_SELECT = `
  SELECT ac.*, b.name AS board_name, mt.starts_at AS meeting_starts_at, ai.title AS agenda_item_title, ai.minute_number AS agenda_item_minute_number,
    CASE WHEN p.id IS NOT NULL THEN ${NAME('p')} || coalesce(' (' || coalesce(po.short_name, po.name) || ')', '')
         ELSE o.name END AS owner_name,
    ${OVERDUE} AS overdue,
    lu.updated_on AS latest_update_on, lu.text AS latest_update_text,
    ${DUE_REVISED}
  FROM action ac
  -- The latest update joined by its id: one text for both engines (no json_object on PostgreSQL).
  LEFT JOIN action_update lu ON lu.id = (SELECT u.id FROM action_update u
    WHERE u.action_id = ac.id ORDER BY u.updated_on DESC, u.id DESC LIMIT 1)
  LEFT JOIN board b ON b.id = ac.board_id
  LEFT JOIN meeting mt ON mt.id = ac.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = ac.agenda_item_id
  ${ACTION_OWNERS}`;

/** These actions with their board, meeting, owner and latest update, in the order of `ids`. */
async function actionsByIds(ctx: Ctx, ids: readonly number[], today: string): Promise<Action[]> {
  if (ids.length === 0) return [];
  const rows = await sql<Row>(ctx, `${ACTION_SELECT} WHERE ac.id IN (${ids.map((_, i) => `@id${i}`).join(', ')})`).all({ today, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) });
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return ids.map((id) => actionOf(byId.get(id)!));
}

/** The action log's order: by due date (undated last), then id; the keyset of its pages. */
const ACTION_ORDER = `ORDER BY ac.due_on IS NULL, ac.due_on, ac.id`;

function actionWhere(f: ActionFilter): string[] {
  const where: string[] = [];
  if (f.boardId !== null) where.push('ac.board_id = @boardId');
  if (f.meetingId !== null) where.push('ac.meeting_id = @meetingId');
  if (f.ownerPersonId !== null) where.push('ac.owner_person_id = @ownerPersonId');
  if (f.ownerOrganisationId !== null) where.push('(ac.owner_organisation_id = @ownerOrganisationId OR p.organisation_id = @ownerOrganisationId)');
  if (f.statuses.length > 0) where.push(`ac.status IN (${f.statuses.map((s) => `'${s}'`).join(', ')})`);
  if (f.overdue) where.push(IS_OVERDUE);
  if (f.search) where.push(`(ac.description LIKE @q ESCAPE '\\' OR ${NAME('p')} LIKE @q ESCAPE '\\' OR o.name LIKE @q ESCAPE '\\')`);
  return where;
}

function actionParams(f: ActionFilter, today: string): Record<string, unknown> {
  return {
    boardId: f.boardId, meetingId: f.meetingId, ownerPersonId: f.ownerPersonId, ownerOrganisationId: f.ownerOrganisationId,
    q: likeContaining(f.search), today,
  };
}

/** After the action with this key in ACTION_ORDER: a later due date, the same one and a larger id, or no date. */
function afterAction(key: CursorKey): { where: string; params: Record<string, unknown> } {
  const [dueOn, id] = key as [string | null, number];
  return dueOn === null
    ? { where: 'ac.due_on IS NULL AND ac.id > @afterId', params: { afterId: id } }
    : { where: '((ac.due_on IS NOT NULL AND (ac.due_on > @afterDue OR (ac.due_on = @afterDue AND ac.id > @afterId))) OR ac.due_on IS NULL)', params: { afterDue: dueOn, afterId: id } };
}

function actionOf(row: Row): Action {
  const { latestUpdateOn, latestUpdateText, ...a } = toCamel<Omit<Action, 'overdue' | 'latestUpdate'> & { overdue: number; latestUpdateOn: string | null; latestUpdateText: string | null }>(row);
  return { ...a, dueRevisionCount: Number(a.dueRevisionCount), overdue: a.overdue === 1, latestUpdate: latestUpdateOn === null ? null : { updatedOn: latestUpdateOn, text: latestUpdateText ?? '' } };
}

const actionWrites = tableWrites('action');

/** Actions have no remove: the action log keeps every one (its status says where it stands). */
export const actions = {
  /** Every action the filter selects (exports, a meeting's page): a list screen reads pages instead. */
  async list(ctx: Ctx, f: ActionFilter, today: string): Promise<Action[]> {
    const where = actionWhere(f);
    return (await sql<Row>(ctx, `${ACTION_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${ACTION_ORDER}`)
      .all(actionParams(f, today)))
      .map(actionOf);
  },
  /** One page of the action log after `cursor`, with the total and overdue count the filter selects. */
  async page(ctx: Ctx, f: ActionFilter, page: { cursor: string | null; limit: number }, today: string): Promise<Page<Action> & { overdue: number }> {
    const where = actionWhere(f);
    const params = actionParams(f, today);
    const counted = await sql<{ total: number; overdue: number | null }>(
      ctx,
      `SELECT count(*) AS total, sum(${OVERDUE}) AS overdue FROM action ac ${ACTION_OWNERS} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
    ).get(params);
    const key = page.cursor === null ? null : decodeCursor(page.cursor, actionCursorShape);
    if (page.cursor !== null && key === null) throw new DomainError('validation', 'Cursor is not one this list gave: start again from the first page (cursor null)', 'cursor');
    const after = key === null ? null : afterAction(key);
    const all = after ? [...where, after.where] : where;
    // The page's ids first, from the action and its owners alone; then only those rows with
    // their board, meeting and latest update (joined for every row, the sort would wait for all).
    const ids = (await sql<{ id: number }>(ctx, `SELECT ac.id FROM action ac ${ACTION_OWNERS} ${all.length ? 'WHERE ' + all.join(' AND ') : ''} ${ACTION_ORDER} LIMIT @limit`)
      .all({ ...params, ...after?.params, limit: page.limit + 1 }))
      .map((r) => r.id);
    const rows = await actionsByIds(ctx, ids, today);
    return { ...pageOf(rows, page.limit, counted?.total ?? 0, (a) => [a.dueOn, a.id]), overdue: counted?.overdue ?? 0 };
  },
  /** How many actions are overdue, and the first few by due date: the dashboard's line and its short list. */
  async overdueFirst(ctx: Ctx, first: number, today: string): Promise<{ total: number; first: Action[] }> {
    const counted = await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM action ac WHERE ${IS_OVERDUE}`).get({ today });
    // The first ids alone, then those rows joined (joined for every overdue action, the sort waited for all: 218 ms on PostgreSQL at ten years).
    const ids = (await sql<{ id: number }>(ctx, `SELECT ac.id FROM action ac WHERE ${IS_OVERDUE} ${ACTION_ORDER} LIMIT @first`).all({ today, first })).map((r) => r.id);
    return { total: counted?.n ?? 0, first: await actionsByIds(ctx, ids, today) };
  },
  /** Open or in-progress actions of a board agreed before a date: the next meeting's matters arising. */
  async liveBefore(ctx: Ctx, boardId: number, before: string, today: string): Promise<Action[]> {
    return (await sql<Row>(
      ctx,
      `${ACTION_SELECT} WHERE ac.board_id = @boardId AND ac.status IN ('open','in_progress')
         AND coalesce(mt.starts_at, ac.created_at) < @before
       ORDER BY ac.due_on IS NULL, ac.due_on, ac.id`,
    )
      .all({ boardId, before, today }))
      .map(actionOf);
  },
  async dueBetween(ctx: Ctx, from: string, to: string, today: string): Promise<Action[]> {
    return (await sql<Row>(
      ctx,
      `${ACTION_SELECT} WHERE ac.status IN ('open','in_progress') AND ac.due_on BETWEEN @from AND @to ORDER BY ac.due_on, ac.id`,
    )
      .all({ from, to, today }))
      .map(actionOf);
  },
  async get(ctx: Ctx, id: number, today: string): Promise<Action | undefined> {
    const row = await sql<Row>(ctx, `${ACTION_SELECT} WHERE ac.id = @id`).get({ id, today });
    return row && actionOf(row);
  },
  async updates(ctx: Ctx, actionId: number): Promise<ActionUpdate[]> {
    return (await sql<Row>(ctx, `SELECT * FROM action_update WHERE action_id = ? ORDER BY updated_on, id`)
      .all(actionId))
      .map((r) => toCamel<ActionUpdate>(r));
  },
  insert: actionWrites.insert,
  update: actionWrites.update,
  insertUpdate: tableWrites('action_update').insert,
};

/**
 * The action log's exports read through here, not through the screen's list (which pages):
 * every action the filter keeps, by due date. The date range is the date the action was
 * agreed: its meeting's, else the day it was recorded.
 */
export const actionLog = {
  async rows(ctx: Ctx, f: ActionLogFilter, today: string): Promise<Action[]> {
    // The screen list's filters (one WHERE for both), then the export's own.
    const where = actionWhere(f);
    if (f.openOnly) where.push(`ac.status IN (${OPEN_ACTION_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    if (f.from !== null) where.push(`${AGREED_ON} >= @from`);
    if (f.to !== null) where.push(`${AGREED_ON} <= @to`);
    const text = `${ACTION_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${ACTION_ORDER}`;
    return (await sql<Row>(ctx, text).all({ ...actionParams(f, today), from: f.from, to: f.to })).map(actionOf);
  },
};

/** The day an action was agreed: its meeting's date, else the day it was recorded. */
const AGREED_ON = `coalesce(substr(mt.starts_at, 1, 10), substr(ac.created_at, 1, 10))`;

// Forward plan ------------------------------------------------------------------------------------

const FORWARD_SELECT = `
  SELECT f.*, ${NAME('p')} AS lead_name, ai.meeting_id
  FROM forward_plan_item f LEFT JOIN person p ON p.id = f.lead_person_id LEFT JOIN agenda_item ai ON ai.id = f.agenda_item_id`;

export const forwardPlan = {
  async list(ctx: Ctx, boardId: number): Promise<ForwardPlanItem[]> {
    return (await sql<Row>(ctx, `${FORWARD_SELECT} WHERE f.board_id = ? ORDER BY f.planned_for, f.position, f.id`)
      .all(boardId))
      .map((r) => toCamel<ForwardPlanItem>(r));
  },
  async get(ctx: Ctx, id: number): Promise<ForwardPlanItem | undefined> {
    const row = await sql<Row>(ctx, `${FORWARD_SELECT} WHERE f.id = ?`).get(id);
    return row && toCamel<ForwardPlanItem>(row);
  },
  /** Not yet on an agenda and planned for this meeting's date or month, or earlier (slipped). */
  async dueBy(ctx: Ctx, boardId: number, meetingDate: string): Promise<ForwardPlanItem[]> {
    return (await sql<Row>(ctx, `${FORWARD_SELECT} WHERE f.board_id = ? AND f.agenda_item_id IS NULL AND f.planned_for <= ? ORDER BY f.planned_for, f.position, f.id`)
      .all(boardId, meetingDate))
      .map((r) => toCamel<ForwardPlanItem>(r));
  },
  /** The position after the last item planned for the same date or month. */
  async nextPosition(ctx: Ctx, boardId: number, plannedFor: string): Promise<number> {
    const row = await sql<{ n: number | null }>(ctx, `SELECT max(position) AS n FROM forward_plan_item WHERE board_id = ? AND planned_for = ?`).get(boardId, plannedFor);
    return Number(row?.n ?? 0) + 1;
  },
  ...tableWrites('forward_plan_item'),
};
