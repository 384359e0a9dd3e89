import type { Board } from '../meetings/contract';
import type { OptionSpec } from './args';
import { UsageError } from './io';
import type { CallOperation } from './operations';

/**
 * The filters both registers' exports take on the command line (`export decisions`,
 * `export action-log`): --board CODE, --from/--to YYYY-MM-DD, --status, --open-only. The
 * dates and statuses go to the export's own schema, which names a bad one (e.g. "To
 * (1 January 2020) is before From (1 February 2020) …").
 */
export function registerFilterOptions(o: { dated: string; statuses: string; open: string }): Record<string, OptionSpec> {
  return {
    board: { type: 'string', value: 'CODE', help: 'only this board’s, by its code (e.g. SB)' },
    from: { type: 'string', value: 'YYYY-MM-DD', help: `only those ${o.dated} on or after this date` },
    to: { type: 'string', value: 'YYYY-MM-DD', help: `only those ${o.dated} on or before this date` },
    status: { type: 'string', value: 'STATUS', help: o.statuses },
    'open-only': { type: 'boolean', help: o.open },
  };
}

/** The board of --board CODE, found through the same read the app's board list uses. */
export async function boardIdOfCode(call: CallOperation, code: string | undefined, usage: string): Promise<number | null> {
  if (code === undefined) return null;
  const boards = await call<Board[]>('board.list', {});
  const board = boards.find((b) => b.code.toLowerCase() === code.trim().toLowerCase());
  if (!board) throw new UsageError(`--board ${code}: no board has that code (the boards are ${boards.map((b) => b.code).join(', ') || 'none yet'})`, usage);
  return board.id;
}

/** The date options as the export's input: given as typed, so its schema checks them. */
export function dateOptions(values: Record<string, unknown>): { from: string | null; to: string | null } {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : null);
  return { from: text(values.from), to: text(values.to) };
}
