import { tableWrites } from '../db/table-writes';
import { deleteRow, insertRow, updateRow } from '../db/audit';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { isoNow, type Ctx } from '../shared/context';
import { parseBody, type PaperBlock } from './blocks';
import { paperCursorShape, type PaperStatus, type PaperSummary } from './contract';
import { decodeCursor, pageOf, type Page } from '../api/paging';
import { likeContaining } from '../db/like';
import { DomainError } from '../shared/errors';

export interface PaperFilter {
  boardId: number | null;
  meetingId: number | null;
  status: PaperStatus | null;
  search: string;
}

/** SQL for papers, their sections and versions, and what the agenda pack reads of meetings. */

const PAPER_SELECT = `
  SELECT p.*, b.name AS board_name, m.starts_at AS meeting_starts_at,
         ai.title AS agenda_item_title, ai.position AS agenda_item_position,
         NULLIF(trim(a.honorific || ' ' || a.given_name || ' ' || a.family_name), '') AS author_name,
         NULLIF(trim(pr.honorific || ' ' || pr.given_name || ' ' || pr.family_name), '') AS presenter_name
  FROM paper p
  LEFT JOIN board b ON b.id = p.board_id
  LEFT JOIN meeting m ON m.id = p.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = p.agenda_item_id
  LEFT JOIN person a ON a.id = p.author_person_id
  LEFT JOIN person pr ON pr.id = p.presenter_person_id`;

export interface PaperRow extends PaperSummary {
  headerJson: string;
}

export interface SectionRow {
  id: number;
  version: number;
  paperId: number;
  position: number;
  key: string;
  heading: string;
  body: PaperBlock[];
}

export interface VersionRow {
  id: number;
  paperId: number;
  status: string;
  snapshotJson: string;
  createdAt: string;
}

export const papers = {
  /** One page of papers, most recently changed first, after `cursor`, with the total the filter selects. */
  async page(ctx: Ctx, f: PaperFilter, page: { cursor: string | null; limit: number }): Promise<Page<PaperRow>> {
    const where: string[] = [];
    if (f.boardId !== null) where.push('p.board_id = @boardId');
    if (f.meetingId !== null) where.push('p.meeting_id = @meetingId');
    if (f.status !== null) where.push('p.status = @status');
    if (f.search) where.push(`(p.reference LIKE @q ESCAPE '\\' OR p.title LIKE @q ESCAPE '\\')`);
    const params = { ...f, q: likeContaining(f.search) };
    const key = page.cursor === null ? null : decodeCursor(page.cursor, paperCursorShape);
    if (page.cursor !== null && key === null) throw new DomainError('validation', 'Cursor is not one this list gave: start again from the first page (cursor null)', 'cursor');
    const counted = await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM paper p ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`).get(params);
    // The order's keyset: an earlier change, or the same moment and a smaller id.
    const after = key === null ? [] : ['(p.updated_at < @afterAt OR (p.updated_at = @afterAt AND p.id < @afterId))'];
    const all = [...where, ...after];
    const rows = (await sql(ctx, `${PAPER_SELECT} ${all.length ? 'WHERE ' + all.join(' AND ') : ''} ORDER BY p.updated_at DESC, p.id DESC LIMIT @limit`)
      .all({ ...params, afterAt: key?.[0] ?? null, afterId: key?.[1] ?? null, limit: page.limit + 1 }))
      .map((r) => toCamel<PaperRow>(r as Record<string, unknown>));
    return pageOf(rows, page.limit, counted?.n ?? 0, (p) => [p.updatedAt, p.id]);
  },
  async get(ctx: Ctx, id: number): Promise<PaperRow | undefined> {
    const row = await sql(ctx, `${PAPER_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<PaperRow>(row);
  },
  async findByReference(ctx: Ctx, reference: string): Promise<PaperRow | undefined> {
    const row = await sql(ctx, `${PAPER_SELECT} WHERE p.reference = ? COLLATE NOCASE`).get(reference.trim()) as Record<string, unknown> | undefined;
    return row && toCamel<PaperRow>(row);
  },
  async referencesLike(ctx: Ctx, prefix: string): Promise<string[]> {
    return (await sql<{ reference: string }>(ctx, `SELECT reference FROM paper WHERE reference LIKE ? ESCAPE '\\'`)
      .all(prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%'))
      .map((r) => r.reference);
  },
  async byMeeting(ctx: Ctx, meetingId: number): Promise<PaperRow[]> {
    return (await sql(ctx, `${PAPER_SELECT} WHERE p.meeting_id = ? ORDER BY ai.position IS NULL, ai.position, p.reference COLLATE NOCASE`)
      .all(meetingId))
      .map((r) => toCamel<PaperRow>(r as Record<string, unknown>));
  },
  insert: tableWrites('paper').insert,
  update: tableWrites('paper').update,
  async remove(ctx: Ctx, id: number): Promise<void> {
    for (const s of await sections.of(ctx, id)) await deleteRow(ctx, 'paper_section', s.id);
    for (const v of await versions.of(ctx, id)) await deleteRow(ctx, 'paper_version', v.id);
    await deleteRow(ctx, 'paper', id);
  },
};

export const sections = {
  async of(ctx: Ctx, paperId: number): Promise<SectionRow[]> {
    return (await sql<{ id: number; version: number; paper_id: number; position: number; key: string; heading: string; body_json: string }>(
      ctx,
      `SELECT * FROM paper_section WHERE paper_id = ? ORDER BY position, id`,
    )
      .all(paperId))
      .map((r) => ({ id: r.id, version: Number(r.version), paperId: r.paper_id, position: r.position, key: r.key, heading: r.heading, body: parseBody(r.body_json) }));
  },
  raw(ctx: Ctx, paperId: number, key: string): Promise<{ id: number; version: number; heading: string; body_json: string } | undefined> {
    return sql<{ id: number; version: number; heading: string; body_json: string }>(ctx, `SELECT id, version, heading, body_json FROM paper_section WHERE paper_id = ? AND key = ?`).get(paperId, key);
  },
  insert(ctx: Ctx, paperId: number, position: number, key: string, heading: string, body: PaperBlock[]): Promise<number> {
    return insertRow(ctx, 'paper_section', { paper_id: paperId, position, key, heading, body_json: JSON.stringify(body) });
  },
  async update(ctx: Ctx, id: number, patch: { heading?: string; body?: PaperBlock[] }): Promise<void> {
    const row: Record<string, unknown> = {};
    if (patch.heading !== undefined) row.heading = patch.heading;
    if (patch.body !== undefined) row.body_json = JSON.stringify(patch.body);
    await updateRow(ctx, 'paper_section', id, row);
  },
};

export const versions = {
  async of(ctx: Ctx, paperId: number): Promise<VersionRow[]> {
    return (await sql(ctx, `SELECT * FROM paper_version WHERE paper_id = ? ORDER BY id`)
      .all(paperId))
      .map((r) => toCamel<VersionRow>(r as Record<string, unknown>));
  },
  async get(ctx: Ctx, id: number): Promise<VersionRow | undefined> {
    const row = await sql(ctx, `SELECT * FROM paper_version WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<VersionRow>(row);
  },
  insert(ctx: Ctx, paperId: number, status: string, snapshot: unknown): Promise<number> {
    return insertRow(ctx, 'paper_version', { paper_id: paperId, status, snapshot_json: JSON.stringify(snapshot), created_at: isoNow(ctx) });
  },
  /** Versions kept when an agenda pack was issued (see ../papers/pack-issues.ts). */
  async packIssues(ctx: Ctx, meetingId: number): Promise<VersionRow[]> {
    // The snapshot is JSON text: json_extract on SQLite, jsonb operators on PostgreSQL
    // (compared as jsonb, so a snapshot without a meeting is simply no match).
    const where = ctx.engine === 'postgres'
      ? `snapshot_json::jsonb ->> 'kind' = 'packIssue' AND snapshot_json::jsonb -> 'issue' -> 'meetingId' = to_jsonb(?::integer)`
      : `json_extract(snapshot_json, '$.kind') = 'packIssue' AND json_extract(snapshot_json, '$.issue.meetingId') = ?`;
    return (await sql(ctx, `SELECT * FROM paper_version WHERE ${where} ORDER BY id`)
      .all(meetingId))
      .map((r) => toCamel<VersionRow>(r as Record<string, unknown>));
  },
};

// ---------------------------------------------------------------------------------------
// What papers read of other areas (by id, for checks and for the documents)

export interface MeetingInfo {
  id: number;
  boardId: number;
  boardName: string;
  boardCode: string;
  boardMarking: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineLink: string;
}

export interface AgendaItemInfo {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  purpose: 'decision' | 'discussion' | 'information' | 'noting';
  leadName: string | null;
  minutesAllotted: number;
  confidential: boolean;
  /** Why a Part B item is private (migration 010); '' for an item in public. */
  confidentialReason: string;
  standingKind: string | null;
}

export const lookups = {
  board(ctx: Ctx, id: number): Promise<{ id: number; name: string; code: string } | undefined> {
    return sql<{ id: number; name: string; code: string }>(ctx, `SELECT id, name, code FROM board WHERE id = ?`).get(id);
  },
  async meeting(ctx: Ctx, id: number): Promise<MeetingInfo | undefined> {
    const row = await sql(
      ctx,
      `SELECT m.id, m.board_id, b.name AS board_name, b.code AS board_code, b.protective_marking AS board_marking, m.title, m.starts_at, m.ends_at, m.location, m.online_link
       FROM meeting m JOIN board b ON b.id = m.board_id WHERE m.id = ?`,
    ).get(id) as Record<string, unknown> | undefined;
    return row && toCamel<MeetingInfo>(row);
  },
  async agendaItem(ctx: Ctx, id: number): Promise<AgendaItemInfo | undefined> {
    return (await lookups.agenda(ctx, undefined, id))[0];
  },
  /** A meeting's agenda in order (or one item by id). */
  async agenda(ctx: Ctx, meetingId: number | undefined, itemId?: number): Promise<AgendaItemInfo[]> {
    const where = itemId !== undefined ? 'ai.id = @itemId' : 'ai.meeting_id = @meetingId';
    return (await sql(
      ctx,
      `SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.purpose, ai.minutes_allotted, ai.confidential, ai.confidential_reason, ai.standing_kind,
              NULLIF(trim(p.honorific || ' ' || p.given_name || ' ' || p.family_name), '') AS lead_name
       FROM agenda_item ai LEFT JOIN person p ON p.id = ai.lead_person_id
       WHERE ${where} ORDER BY ai.position, ai.id`,
    )
      .all({ meetingId: meetingId ?? null, itemId: itemId ?? null }))
      .map((r) => {
        const row = toCamel<Omit<AgendaItemInfo, 'confidential'> & { confidential: number }>(r as Record<string, unknown>);
        return { ...row, confidential: row.confidential === 1 };
      });
  },
  async person(ctx: Ctx, id: number): Promise<{ id: number; name: string; jobTitle: string; organisationName: string | null } | undefined> {
    const row = await sql(
      ctx,
      `SELECT p.id, trim(p.honorific || ' ' || p.given_name || ' ' || p.family_name) AS name, p.job_title, o.name AS organisation_name
       FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?`,
    ).get(id) as Record<string, unknown> | undefined;
    return row && toCamel(row);
  },
};
