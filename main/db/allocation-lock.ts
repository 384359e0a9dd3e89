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

/**
 * Holds one record until the transaction ends (PostgreSQL: SELECT … FOR UPDATE), for writes
 * that read it and then change its parts: a paper's section save checks the paper is still
 * editable, and making it final snapshots its sections; taken first by both, the second waits
 * and then sees the first's result. SQLite's write lock already makes writes take turns.
 */
export async function lockRecord(ctx: Ctx, table: 'paper', id: number): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  await sql(ctx, `SELECT id FROM ${table} WHERE id = ? FOR UPDATE`).get(id);
}
