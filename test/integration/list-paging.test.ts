import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, encodeCursor, type Page } from '../../main/api/paging';
import type { PaperSummary } from '../../main/papers/contract';

type PaperPage = Page<PaperSummary>;
import type { Decision, DecisionPage } from '../../main/decisions/contract';
import { decisions } from '../../main/decisions/repository';
import type { Action, ActionPage, Meeting } from '../../main/meetings/contract';
import { actions } from '../../main/meetings/repository';
import { generatedWorkspace } from '../helpers/generated-workspace';
import type { TestWorkspace } from '../helpers/workspace';

/**
 * The action log and the decisions log a page at a time (issue 9): on a year of the bench's
 * synthetic workspace (about a thousand actions, with many sharing a due date, and decisions
 * with and without dates), paging by cursor returns every row once, in the list's order,
 * with the total of a count query; filters and their defaults; bad cursors and limits refused
 * naming the field.
 */
const NOW = () => new Date('2025-03-31T09:00:00');
const ALL_ACTIONS = { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' };
const ALL_DECISIONS = { boardId: null, status: null, type: null, decidedBy: null, from: null, to: null, search: '' };

/** A year of the synthetic workspace (closed after the test by the helper). */
const year = () => generatedWorkspace({ years: 1, auditTrail: false }, NOW);

async function everyActionPage(ws: TestWorkspace, input: Record<string, unknown>): Promise<{ pages: ActionPage[]; rows: Action[] }> {
  const pages: ActionPage[] = [];
  let cursor: string | null = null;
  do {
    const page: ActionPage = await ws.call('action.list', { ...input, cursor } as never);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 1000);
  return { pages, rows: pages.flatMap((p) => p.rows) };
}

async function everyDecisionPage(ws: TestWorkspace, input: Record<string, unknown>): Promise<{ pages: DecisionPage[]; rows: Decision[] }> {
  const pages: DecisionPage[] = [];
  let cursor: string | null = null;
  do {
    const page: DecisionPage = await ws.call('decision.list', { ...input, cursor } as never);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 1000);
  return { pages, rows: pages.flatMap((p) => p.rows) };
}

describe('action.list pages', () => {
  it('pages through every action once, by due date then id, with the total', async () => {
    const ws = await year();
    const today = '2025-03-31';
    const all = await actions.list(ws.ctx(), ALL_ACTIONS, today);
    expect(all.length).toBeGreaterThan(500);
    // The sample has ties on due dates and actions with none: the keyset must step over both.
    expect(new Set(all.map((a) => a.dueOn)).size).toBeLessThan(all.length);

    const { pages, rows } = await everyActionPage(ws, { statuses: [], limit: 97 });
    expect(rows.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(new Set(rows.map((a) => a.id)).size).toBe(rows.length);
    expect(pages.every((p) => p.total === all.length)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 97 && p.nextCursor !== null)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // In order: undated last, then by due date, then id.
    const key = (a: Action) => `${a.dueOn === null ? 1 : 0}|${a.dueOn ?? ''}|${String(a.id).padStart(10, '0')}`;
    expect(rows.map(key)).toEqual([...rows.map(key)].sort());
    // The overdue count is of everything the filter selects, not of the page.
    expect(pages[0]!.overdue).toBe(all.filter((a) => a.overdue).length);
  });

  it('shows the open and in-progress actions unless statuses are given, and filters by status, board and overdue', async () => {
    const ws = await year();
    const all = await actions.list(ws.ctx(), ALL_ACTIONS, '2025-03-31');
    const first = await ws.call('action.list', {});
    const live = all.filter((a) => a.status === 'open' || a.status === 'in_progress');
    expect(first.total).toBe(live.length);
    expect(first.rows.map((a) => a.id)).toEqual(live.slice(0, 100).map((a) => a.id));

    const done = await everyActionPage(ws, { statuses: ['done'], limit: 500 });
    expect(done.rows.map((a) => a.id)).toEqual(all.filter((a) => a.status === 'done').map((a) => a.id));

    const boardId = all.find((a) => a.boardId !== null)!.boardId!;
    const ofBoard = await everyActionPage(ws, { boardId, statuses: [], limit: 50 });
    expect(ofBoard.rows.map((a) => a.id)).toEqual(all.filter((a) => a.boardId === boardId).map((a) => a.id));
    expect(ofBoard.pages[0]!.total).toBe(ofBoard.rows.length);

    const overdue = await everyActionPage(ws, { overdue: true, limit: 500 });
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((a) => a.overdue)).toBe(true);
    expect(overdue.pages[0]!.overdue).toBe(overdue.pages[0]!.total);
  });

  it('refuses a cursor it did not give and a limit out of range, naming the field', async () => {
    const ws = await year();
    expect(await ws.fails('action.list', { cursor: 'not a cursor' })).toMatchObject({ code: 'validation', field: 'cursor' });
    // A decisions log cursor is not an action log one.
    expect(await ws.fails('action.list', { cursor: encodeCursor(['2020-01-01', 'SB-D-2020-001', 3]) })).toMatchObject({ field: 'cursor' });
    expect(await ws.fails('action.list', { cursor: encodeCursor(['20/01/2020', 3]) })).toMatchObject({ field: 'cursor' });
    expect(await ws.fails('action.list', { limit: 0 })).toMatchObject({ field: 'limit' });
    expect(await ws.fails('action.list', { limit: 501 })).toMatchObject({ field: 'limit', message: 'Limit must be at most 500 rows a page' });
    expect(await ws.fails('action.list', { limit: 2.5 })).toMatchObject({ field: 'limit' });
  });

  it('gives the dashboard the overdue count and the first few, not every overdue action', async () => {
    const ws = await year();
    const all = await actions.list(ws.ctx(), { ...ALL_ACTIONS, overdue: true }, '2025-03-31');
    expect(all.length).toBeGreaterThan(5);
    const week = await ws.call('action.dueThisWeek');
    expect(week.overdue.total).toBe(all.length);
    expect(week.overdue.first.map((a) => a.id)).toEqual(all.slice(0, 5).map((a) => a.id));
  });
});

describe('decision.list pages', () => {
  it('pages through every decision once, newest first, with each one’s indicators', async () => {
    const ws = await year();
    // Two decisions moving indicators (the generator links none), read in one batch with the rest.
    const indicators = (await ws.call('indicator.list', {})).slice(0, 3);
    const before = await decisions.list(ws.ctx(), ALL_DECISIONS);
    for (const [n, d] of [before[3]!, before[11]!].entries()) {
      await ws.call('decision.update', { id: d.id, version: d.version, indicatorIds: indicators.slice(n).map((i) => i.id) });
    }
    const all = await decisions.list(ws.ctx(), ALL_DECISIONS);
    expect(all.length).toBeGreaterThan(20);
    const { pages, rows } = await everyDecisionPage(ws, { from: null, limit: 7 });
    expect(rows.map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(new Set(rows.map((d) => d.id)).size).toBe(rows.length);
    expect(pages.every((p) => p.total === all.length && p.from === null && p.to === null && !p.withUndated)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // The indicators as decision.get reads them, one decision at a time.
    const linked = rows.filter((d) => d.indicators.length > 0);
    expect(linked.map((d) => d.indicators.length)).toEqual([3, 2]);
    for (const d of linked.slice(0, 5)) expect(d.indicators).toEqual((await ws.call('decision.get', { id: d.id })).indicators);
  });

  it('shows the current financial year and the undated unless dates are given, and filters', async () => {
    const ws = await year();
    const all = await decisions.list(ws.ctx(), ALL_DECISIONS);
    const filed = (d: Decision) => d.decidedOn ?? d.meetingStartsAt?.slice(0, 10) ?? null;
    const first = await everyDecisionPage(ws, { limit: 500 });
    expect(first.pages[0]).toMatchObject({ from: '2024-04-01', to: '2025-03-31', withUndated: true });
    const inYear = all.filter((d) => filed(d) === null || (filed(d)! >= '2024-04-01' && filed(d)! <= '2025-03-31'));
    expect(first.rows.map((d) => d.id)).toEqual(inYear.map((d) => d.id));

    const boardId = all.find((d) => d.boardId !== null)!.boardId!;
    const ofBoard = await everyDecisionPage(ws, { boardId, from: null, limit: 3 });
    expect(ofBoard.rows.map((d) => d.id)).toEqual(all.filter((d) => d.boardId === boardId).map((d) => d.id));
    expect(ofBoard.pages[0]!.total).toBe(ofBoard.rows.length);
  });

  it('refuses a cursor it did not give and a limit out of range, naming the field', async () => {
    const ws = await year();
    expect(await ws.fails('decision.list', { cursor: '!!' })).toMatchObject({ code: 'validation', field: 'cursor' });
    expect(await ws.fails('decision.list', { cursor: encodeCursor(['2020-01-01', 3]) })).toMatchObject({ field: 'cursor' });
    expect(await ws.fails('decision.list', { limit: 1000 })).toMatchObject({ field: 'limit' });
    expect(await ws.fails('decision.list', { limit: '10' })).toMatchObject({ field: 'limit' });
  });
});

describe('paper.list pages', () => {
  it('pages through every paper once, most recently changed first, with the total, and filters on the server', async () => {
    const ws = await year();
    const order = await ws.query<{ id: number; board_id: number | null; status: string }>(`SELECT id, board_id, status FROM paper ORDER BY updated_at DESC, id DESC`);
    expect(order.length).toBeGreaterThan(50);
    // Ties on updated_at are stepped over by id: the generator writes many papers at one moment.
    const pages: PaperPage[] = [];
    let cursor: string | null = null;
    do {
      const page: PaperPage = await ws.call('paper.list', { cursor, limit: 13 });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 1000);
    expect(pages.flatMap((p) => p.rows).map((p) => p.id)).toEqual(order.map((p) => p.id));
    expect(pages.every((p) => p.total === order.length)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 13)).toBe(true);
    // The list's first page is a page, not every paper.
    const first = await ws.call('paper.list', {});
    expect(first.rows.length).toBe(Math.min(order.length, DEFAULT_PAGE_SIZE));
    expect(first.rows[0]).not.toHaveProperty('headerJson');

    const boardId = order.find((p) => p.board_id !== null)!.board_id!;
    const ofBoard = await ws.call('paper.list', { boardId, status: 'final', limit: 500 });
    expect(ofBoard.rows.map((p) => p.id)).toEqual(order.filter((p) => p.board_id === boardId && p.status === 'final').map((p) => p.id));
    expect(ofBoard.total).toBe(ofBoard.rows.length);

    const one = first.rows[0]!;
    const found = await ws.call('paper.list', { search: one.reference.toLowerCase() });
    expect(found.rows.map((p) => p.id)).toContain(one.id);
    expect(found.total).toBe(found.rows.length);
  });

  it('refuses a cursor it did not give and a limit out of range, naming the field', async () => {
    const ws = await year();
    expect(await ws.fails('paper.list', { cursor: '!!' })).toMatchObject({ code: 'validation', field: 'cursor' });
    // A decisions log cursor (date, reference, id) is not a papers list cursor.
    expect(await ws.fails('paper.list', { cursor: encodeCursor(['2020-01-01', 'SB-D-2020-001', 3]) })).toMatchObject({ field: 'cursor' });
    expect(await ws.fails('paper.list', { limit: 0 })).toMatchObject({ field: 'limit' });
  });
});

describe('meeting.list pages', () => {
  it('pages through every meeting once, newest first, stepping over ties on the start by id, and filters on the server', async () => {
    const ws = await year();
    // Three meetings of different boards made to start at one moment: the keyset must step over the tie by id.
    const tied = (await ws.query<{ id: number }>(`SELECT min(id) AS id FROM meeting GROUP BY board_id ORDER BY min(id) LIMIT 3`)).map((r) => r.id);
    expect(tied.length).toBe(3);
    const [at] = await ws.query<{ starts_at: string; ends_at: string }>(`SELECT starts_at, ends_at FROM meeting WHERE id = ?`, tied[0]);
    await ws.query(`UPDATE meeting SET starts_at = ?, ends_at = ? WHERE id IN (?, ?) RETURNING id`, at!.starts_at, at!.ends_at, tied[1], tied[2]);
    const order = await ws.query<{ id: number; board_id: number; status: string; starts_at: string }>(`SELECT id, board_id, status, starts_at FROM meeting ORDER BY starts_at DESC, id DESC`);
    expect(order.length).toBeGreaterThan(20);
    expect(order.filter((m) => m.starts_at === at!.starts_at).map((m) => m.id)).toEqual([...tied].sort((a, b) => b - a));

    for (const limit of [1, 7]) {
      const pages: Page<Meeting>[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Meeting> = await ws.call('meeting.list', { cursor, limit });
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 1000);
      expect(pages.flatMap((p) => p.rows).map((m) => m.id)).toEqual(order.map((m) => m.id));
      expect(pages.every((p) => p.total === order.length)).toBe(true);
      expect(pages.slice(0, -1).every((p) => p.rows.length === limit)).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // The screen's rows are whole meetings; the first page is a page, not every meeting.
    const first = await ws.call('meeting.list', { limit: 5 });
    expect(first.rows).toHaveLength(5);
    expect(first.rows[0]).toMatchObject({ boardCode: expect.any(String), agendaItemCount: expect.any(Number), version: expect.any(Number) });

    const boardId = order[0]!.board_id;
    const status = order[0]!.status as Meeting['status'];
    const filtered = await ws.call('meeting.list', { boardId, status, from: '2024-04-01', to: '2025-03-31', limit: 500 });
    const expected = order.filter((m) => m.board_id === boardId && m.status === status && m.starts_at >= '2024-04-01' && m.starts_at.slice(0, 10) <= '2025-03-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.rows.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    expect(filtered.total).toBe(expected.length);
    expect(filtered.nextCursor).toBeNull();
    // A filtered page's cursor goes on within the filter.
    const two = await ws.call('meeting.list', { boardId, limit: 2 });
    const next = await ws.call('meeting.list', { boardId, limit: 2, cursor: two.nextCursor });
    expect([...two.rows, ...next.rows].map((m) => m.id)).toEqual(order.filter((m) => m.board_id === boardId).slice(0, 4).map((m) => m.id));
  });

  it('offers pickers every meeting the filter selects, narrow', async () => {
    const ws = await year();
    const order = await ws.query<{ id: number; board_id: number }>(`SELECT id, board_id FROM meeting ORDER BY starts_at DESC, id DESC`);
    const choices = await ws.call('meeting.choices', {});
    expect(choices.map((m) => m.id)).toEqual(order.map((m) => m.id));
    expect(Object.keys(choices[0]!).sort()).toEqual(['boardCode', 'boardId', 'id', 'startsAt', 'status']);
    const boardId = order[0]!.board_id;
    expect((await ws.call('meeting.choices', { boardId })).map((m) => m.id)).toEqual(order.filter((m) => m.board_id === boardId).map((m) => m.id));
    expect(await ws.fails('meeting.choices', { boardId: 'x' })).toMatchObject({ code: 'validation', field: 'boardId' });
  });

  it('refuses a cursor it did not give and a limit out of range, naming the field', async () => {
    const ws = await year();
    expect(await ws.fails('meeting.list', { cursor: '!!' })).toMatchObject({ code: 'validation', field: 'cursor' });
    // An action log cursor (due date or null, id) is not a meetings list cursor.
    expect(await ws.fails('meeting.list', { cursor: encodeCursor([null, 3]) })).toMatchObject({ field: 'cursor' });
    expect(await ws.fails('meeting.list', { limit: 0 })).toMatchObject({ field: 'limit' });
    expect(await ws.fails('meeting.list', { limit: 501 })).toMatchObject({ field: 'limit' });
    expect(await ws.fails('meeting.list', { status: 'cancelled-ish' })).toMatchObject({ field: 'status' });
  });
});
