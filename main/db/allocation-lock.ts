import type { Ctx } from '../shared/context';
import { sql } from './statements';

/**
 * Makes writers that allocate the next number of a series (a decision's SB-D-2020-004, a
 * paper's reference, an agenda position), or that find-or-make one row a unique index allows
 * once (a spend cell), take turns until their transaction ends. On
 * PostgreSQL two transactions would otherwise both read the same highest number under READ
 * COMMITTED and both take the next one: a transaction-scoped advisory lock on the series'
 * name holds the second until the first commits, and its read then sees the first's row. On
 * SQLite every write already holds the file's write lock (BEGIN IMMEDIATE) from its start.
 */
export async function lockSeries(ctx: Ctx, series: string): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  await sql(ctx, `SELECT pg_advisory_xact_lock(hashtext(?)) AS locked`).get(`board-secretariat:${series}`);
}
