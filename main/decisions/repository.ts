import { tableWrites } from '../db/table-writes';
import { auditLink, deleteRow } from '../db/audit';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import type { Ctx } from '../shared/context';
import { decodeCursor, pageOf, type CursorKey, type Page } from '../api/paging';
import { DomainError } from '../shared/errors';
import { decisionCursorShape, OPEN_DECISION_STATUSES, type Decision, type DecisionFilter, type DecisionLogFilter } from './contract';
import { allowedDecisionStatuses } from './decision-rules';
import { ftsQuery } from './search';
import { tsQueryText } from './search-postgres';

/** SQL for decisions and their indicators, and what the log reads of other areas. */

const DECISION_SELECT = `
  SELECT d.*, b.name AS board_name, b.code AS board_code, m.starts_at AS meeting_starts_at,
         ai.title AS agenda_item_title, ai.position AS agenda_item_position, ai.minute_number AS agenda_item_minute_number,
         p.reference AS paper_reference, p.title AS paper_title,
         s.reference AS superseded_by_reference,
         NULLIF(trim(o.honorific || ' ' || o.given_name || ' ' || o.family_name), '') AS owner_name,
         fs.name AS funding_stream_name
  FROM decision d
  LEFT JOIN board b ON b.id = d.board_id
  LEFT JOIN meeting m ON m.id = d.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = d.agenda_item_id
  LEFT JOIN paper p ON p.id = d.paper_id
  LEFT JOIN decision s ON s.id = d.superseded_by_id
  LEFT JOIN person o ON o.id = d.owner_person_id
  LEFT JOIN funding_stream fs ON fs.id = d.funding_stream_id`;

/** The date a decision is filed under: when it was decided, else its meeting's date. */
const DECISION_DATE = `coalesce(d.decided_on, substr(m.starts_at, 1, 10))`;

/** The log's order, newest first (undated last), then by reference and id: the keyset of its pages. */
const DECISION_ORDER = `ORDER BY ${DECISION_DATE} IS NULL, ${DECISION_DATE} DESC, d.reference DESC, d.id DESC`;

type DecisionRow = Omit<Decision, 'confidential' | 'indicators' | 'allowedStatuses'> & { confidential: number };

/** Decisions from their rows, with every row's indicators read in one query (not one per decision). */
async function toDecisions(ctx: Ctx, rows: Record<string, unknown>[]): Promise<Decision[]> {
  const linked = await indicatorsOf(ctx, rows.map((r) => r.id as number));
  return rows.map((r) => {
    const row = toCamel<DecisionRow>(r);
    return { ...row, confidential: row.confidential === 1, indicators: linked.get(row.id) ?? [], allowedStatuses: [...allowedDecisionStatuses(row.status)] };
  });
}

/** Each decision's indicators by code, for many decisions at once (in slices well under either engine's parameter limit). */
async function indicatorsOf(ctx: Ctx, ids: readonly number[]): Promise<Map<number, { id: number; code: string; name: string }[]>> {
  const out = new Map<number, { id: number; code: string; name: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const rows = await sql<{ decision_id: number; id: number; code: string; name: string }>(
      ctx,
      `SELECT di.decision_id, i.id, i.code, i.name FROM decision_indicator di JOIN indicator i ON i.id = di.indicator_id
       WHERE di.decision_id IN (${slice.map(() => '?').join(', ')}) ORDER BY di.decision_id, i.code`,
    ).all(...slice);
    for (const r of rows) {
      const list = out.get(r.decision_id) ?? [];
      list.push({ id: r.id, code: r.code, name: r.name });
      out.set(r.decision_id, list);
    }
  }
  return out;
}

/** The WHERE of a filter, and its full-text match (null: a search that matches nothing). */
function decisionWhere(ctx: Ctx, f: DecisionFilter & { withUndated?: boolean }): { where: string[]; match: string | null } | null {
  const where: string[] = [];
  if (f.boardId !== null) where.push('d.board_id = @boardId');
  if (f.status !== null) where.push('d.status = @status');
  if (f.type !== null) where.push('d.type = @type');
  if (f.decidedBy !== null) where.push('d.decided_by = @decidedBy');
  const dated: string[] = [];
  if (f.from !== null) dated.push(`${DECISION_DATE} >= @from`);
  if (f.to !== null) dated.push(`${DECISION_DATE} <= @to`);
  if (dated.length > 0) where.push(f.withUndated ? `(${DECISION_DATE} IS NULL OR (${dated.join(' AND ')}))` : dated.join(' AND '));
  // The same words as the search box, in each engine's full-text query (see ./search.ts).
  const match = !f.search ? null : ctx.engine === 'postgres' ? tsQueryText(f.search) : ftsQuery(f.search);
  if (f.search && !match) return null;
  if (match) {
    where.push(ctx.engine === 'postgres'
      ? `d.id IN (SELECT ref_id FROM search_index WHERE tsv @@ to_tsquery('board_search', @match) AND kind = 'decision')`
      : `d.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH @match AND kind = 'decision')`);
  }
  return { where, match };
}

const whereText = (where: string[]) => (where.length ? 'WHERE ' + where.join(' AND ') : '');

/** After the decision with this key in DECISION_ORDER: an earlier date, or the same and a smaller reference or id, or no date. */
function afterDecision(key: CursorKey): { where: string; params: Record<string, unknown> } {
  const [date, reference, id] = key as [string | null, string, number];
  const sameDate = `(d.reference < @afterRef OR (d.reference = @afterRef AND d.id < @afterId))`;
  return date === null
    ? { where: `${DECISION_DATE} IS NULL AND ${sameDate}`, params: { afterRef: reference, afterId: id } }
    : {
        where: `((${DECISION_DATE} IS NOT NULL AND (${DECISION_DATE} < @afterDate OR (${DECISION_DATE} = @afterDate AND ${sameDate}))) OR ${DECISION_DATE} IS NULL)`,
        params: { afterDate: date, afterRef: reference, afterId: id },
      };
}

export const decisions = {
  /** Every decision the filter selects (the log's exports): the screen reads pages instead. */
  async list(ctx: Ctx, f: DecisionFilter): Promise<Decision[]> {
    const w = decisionWhere(ctx, f);
    if (!w) return [];
    return toDecisions(ctx, await sql(ctx, `${DECISION_SELECT} ${whereText(w.where)} ${DECISION_ORDER}`).all({ ...f, match: w.match }) as Record<string, unknown>[]);
  },
  /** One page of the log after `cursor`, with the total the filter selects. */
  async page(ctx: Ctx, f: DecisionFilter & { withUndated?: boolean }, page: { cursor: string | null; limit: number }): Promise<Page<Decision>> {
    const w = decisionWhere(ctx, f);
    if (!w) return { rows: [], total: 0, nextCursor: null };
    const params = { ...f, match: w.match };
    const key = page.cursor === null ? null : decodeCursor(page.cursor, decisionCursorShape);
    if (page.cursor !== null && key === null) throw new DomainError('validation', 'Cursor is not one this list gave: start again from the first page (cursor null)', 'cursor');
    // The count needs the meeting only for the filed date (from/to): the other joins are one row each or none.
    const counted = await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM decision d LEFT JOIN meeting m ON m.id = d.meeting_id ${whereText(w.where)}`).get(params);
    const after = key === null ? null : afterDecision(key);
    const rows = await sql(ctx, `${DECISION_SELECT} ${whereText(after ? [...w.where, after.where] : w.where)} ${DECISION_ORDER} LIMIT @limit`)
      .all({ ...params, ...after?.params, limit: page.limit + 1 }) as Record<string, unknown>[];
    const filed = (d: Decision) => d.decidedOn ?? (d.meetingStartsAt ? d.meetingStartsAt.slice(0, 10) : null);
    return pageOf(await toDecisions(ctx, rows), page.limit, counted?.n ?? 0, (d) => [filed(d), d.reference, d.id]);
  },
  async get(ctx: Ctx, id: number): Promise<Decision | undefined> {
    const row = await sql(ctx, `${DECISION_SELECT} WHERE d.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && (await toDecisions(ctx, [row]))[0];
  },
  findByReference(ctx: Ctx, reference: string): Promise<{ id: number; reference: string; title: string } | undefined> {
    return sql<{ id: number; reference: string; title: string }>(ctx, `SELECT id, reference, title FROM decision WHERE reference = ? COLLATE NOCASE`).get(reference);
  },
  async referencesLike(ctx: Ctx, prefix: string): Promise<string[]> {
    return (await sql<{ reference: string }>(ctx, `SELECT reference FROM decision WHERE reference LIKE ? ESCAPE '\\'`)
      .all(prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%'))
      .map((r) => r.reference);
  },
  byPaper(ctx: Ctx, paperId: number): Promise<{ id: number; reference: string; status: string }[]> {
    return sql<{ id: number; reference: string; status: string }>(ctx, `SELECT id, reference, status FROM decision WHERE paper_id = ? ORDER BY id`).all(paperId);
  },
  indicators(ctx: Ctx, decisionId: number): Promise<{ id: number; code: string; name: string }[]> {
    return sql<{ id: number; code: string; name: string }>(
      ctx,
      `SELECT i.id, i.code, i.name FROM decision_indicator di JOIN indicator i ON i.id = di.indicator_id WHERE di.decision_id = ? ORDER BY i.code`,
    ).all(decisionId);
  },
  insert: tableWrites('decision').insert,
  update: tableWrites('decision').update,
  async remove(ctx: Ctx, id: number): Promise<void> {
    await decisions.setIndicators(ctx, id, []);
    await deleteRow(ctx, 'decision', id);
  },
  async setIndicators(ctx: Ctx, decisionId: number, indicatorIds: readonly number[]): Promise<void> {
    const now = new Set((await decisions.indicators(ctx, decisionId)).map((i) => i.id));
    const want = new Set(indicatorIds);
    for (const gone of [...now].filter((i) => !want.has(i))) {
      await sql(ctx, `DELETE FROM decision_indicator WHERE decision_id = ? AND indicator_id = ?`).run(decisionId, gone);
      await auditLink(ctx, 'delete', 'decision_indicator', decisionId, { decision_id: decisionId, indicator_id: gone });
    }
    for (const added of [...want].filter((i) => !now.has(i))) {
      await sql(ctx, `INSERT INTO decision_indicator (decision_id, indicator_id) VALUES (?, ?)`).run(decisionId, added);
      await auditLink(ctx, 'create', 'decision_indicator', decisionId, { decision_id: decisionId, indicator_id: added });
    }
  },
};

export const refs = {
  board(ctx: Ctx, id: number): Promise<{ id: number; name: string; code: string } | undefined> {
    return sql<{ id: number; name: string; code: string }>(ctx, `SELECT id, name, code FROM board WHERE id = ?`).get(id);
  },
  async meeting(ctx: Ctx, id: number): Promise<{ id: number; boardId: number; startsAt: string } | undefined> {
    const r = await sql<{ id: number; board_id: number; starts_at: string }>(ctx, `SELECT id, board_id, starts_at FROM meeting WHERE id = ?`).get(id);
    return r && { id: r.id, boardId: r.board_id, startsAt: r.starts_at };
  },
  async agendaItem(ctx: Ctx, id: number): Promise<{ id: number; meetingId: number; title: string } | undefined> {
    const r = await sql<{ id: number; meeting_id: number; title: string }>(ctx, `SELECT id, meeting_id, title FROM agenda_item WHERE id = ?`).get(id);
    return r && { id: r.id, meetingId: r.meeting_id, title: r.title };
  },
  async paper(ctx: Ctx, id: number): Promise<{ id: number; reference: string; title: string; boardId: number | null; meetingId: number | null; agendaItemId: number | null; templateKey: string } | undefined> {
    const r = await sql(ctx, `SELECT id, reference, title, board_id, meeting_id, agenda_item_id, template_key FROM paper WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return r && toCamel(r);
  },
  async exists(ctx: Ctx, table: 'person' | 'funding_stream' | 'indicator', id: number): Promise<boolean> {
    return await sql(ctx, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  },
};

/**
 * The decisions log's exports read through here, not through the screen's list (which pages):
 * every decision the filter keeps, newest first, with its indicators read in one query.
 */
export const decisionLog = {
  async rows(ctx: Ctx, f: DecisionLogFilter): Promise<Decision[]> {
    const w = decisionWhere(ctx, f);
    if (!w) return [];
    if (f.openOnly) w.where.push(`d.status IN (${OPEN_DECISION_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    const rows = await sql(ctx, `${DECISION_SELECT} ${whereText(w.where)}
      ORDER BY ${DECISION_DATE} IS NULL, ${DECISION_DATE} DESC, d.reference DESC`)
      .all({ boardId: f.boardId, status: f.status, type: f.type, decidedBy: f.decidedBy, from: f.from, to: f.to, match: w.match }) as Record<string, unknown>[];
    const linked = new Map<number, { id: number; code: string; name: string }[]>();
    const links = await sql<{ decision_id: number; id: number; code: string; name: string }>(
      ctx,
      `SELECT di.decision_id, i.id, i.code, i.name FROM decision_indicator di JOIN indicator i ON i.id = di.indicator_id ORDER BY i.code`,
    ).all();
    for (const l of links) {
      const list = linked.get(l.decision_id) ?? [];
      list.push({ id: l.id, code: l.code, name: l.name });
      linked.set(l.decision_id, list);
    }
    return rows.map((r) => {
      const row = toCamel<Omit<Decision, 'confidential' | 'indicators' | 'allowedStatuses'> & { confidential: number }>(r);
      return { ...row, confidential: row.confidential === 1, indicators: linked.get(row.id) ?? [], allowedStatuses: [...allowedDecisionStatuses(row.status)] };
    });
  },
};
