import { sql } from '../db/statements';
import type { Ctx } from '../shared/context';
import type { Board } from './contract';
import { standingItemsFor, type StandingItem } from './standing-items';

/**
 * A board's own standing items (issue 15, point 6): stored with the board (board.standing_items,
 * migration 011) once someone edits them on the board's screen; until then, and for every new
 * board, the template's list (templates/meetings/standing-items.json, ./standing-items.ts).
 * meeting.create starts a new agenda from whichever applies.
 */

/** The board's own list, or null while it uses the template. */
export async function ownStandingItems(ctx: Ctx, boardId: number): Promise<StandingItem[] | null> {
  const row = await sql<{ standing_items: string | null }>(ctx, `SELECT standing_items FROM board WHERE id = ?`).get(boardId);
  if (!row || row.standing_items === null || row.standing_items === undefined) return null;
  try {
    const list = JSON.parse(row.standing_items) as StandingItem[];
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}

export async function standingItemsOfBoard(ctx: Ctx, board: Pick<Board, 'id' | 'code'>): Promise<StandingItem[]> {
  return (await ownStandingItems(ctx, board.id)) ?? standingItemsFor(board.code);
}

/** Opening items first, then closing ones, each in the order given (as a new agenda has them). */
export function inAgendaOrder(items: StandingItem[]): StandingItem[] {
  return [...items.filter((i) => i.placement === 'start'), ...items.filter((i) => i.placement === 'end')];
}
