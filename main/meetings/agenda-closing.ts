import type { Ctx } from '../shared/context';
import { standingItemsOfBoard } from './board-standing-items';
import { sql } from '../db/statements';
import { CLOSING_KINDS, type StandingItem } from './standing-items';

/**
 * Which items close a board's agenda, so that an item added (by hand, from the forward plan or
 * moved from another meeting) goes in before them (review of issue 15, F7). Closing are: any
 * other business and the date of the next meeting (kinds aob, next_meeting), whatever list made
 * the agenda; and each item the board's standing list (its own, else the template's) places at
 * the end: by its kind where it has one, else by its title. A board's own closing item with no
 * kind (e.g. "Review of the meeting") is an ordinary row on the agenda, and its title is all
 * that ties it to the list, so an item renamed on the agenda is no longer held at the end.
 */
export type ClosingTest = (item: { standingKind: string | null; title: string }) => boolean;

const norm = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

export function closingTest(list: readonly StandingItem[]): ClosingTest {
  const closing = list.filter((i) => i.placement === 'end');
  const kinds = new Set<string>([...CLOSING_KINDS, ...closing.flatMap((i) => (i.kind ? [i.kind] : []))]);
  const titles = new Set(closing.filter((i) => i.kind === null).map((i) => norm(i.title)));
  return (item) => (item.standingKind ? kinds.has(item.standingKind) : titles.has(norm(item.title)));
}

/** Where a new item goes by default: before the run of closing items at the end of the agenda. */
export function insertIndexBeforeClosing<T extends { standingKind: string | null; title: string }>(items: readonly T[], isClosing: ClosingTest): number {
  let index = items.length;
  while (index > 0 && isClosing(items[index - 1]!)) index--;
  return index;
}

export async function closingTestOfBoard(ctx: Ctx, boardId: number): Promise<ClosingTest> {
  const board = await sql<{ id: number; code: string }>(ctx, `SELECT id, code FROM board WHERE id = ?`).get(boardId);
  return closingTest(board ? await standingItemsOfBoard(ctx, board) : []);
}
