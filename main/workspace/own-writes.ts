import { sql } from '../db/statements';
import type { Store } from '../db/store';
import { inTransaction, type Ctx } from '../shared/context';

/**
 * Which rows of the audit trail this app wrote itself, so workspace.changes can tell the
 * screen which changes are its own (it has shown them already) and which are other people's.
 * "This app" is the open store: one per window's session (the Electron main process, a
 * browser bridge); the command line, another laptop or a second bridge on the same workspace
 * each have their own, so the same person's changes from elsewhere still count as others'.
 * Kept in memory only, as ranges of ids, per store: opening another workspace starts afresh.
 */
const ownRanges = new WeakMap<Store, [number, number][]>();

/** Enough for hours of one person's work; the oldest go first (the poller has long seen them). */
const KEPT_RANGES = 500;

/** The newest id in the audit trail (0 when it is empty): a primary-key lookup on both engines. */
export async function latestAuditId(ctx: Ctx): Promise<number> {
  const row = await sql<{ latest: number | null }>(ctx, 'SELECT max(id) AS latest FROM audit_log').get();
  return Number(row?.latest ?? 0);
}

/**
 * The audit rows the write transaction `ctx` is in has added after `before`. On SQLite the
 * write holds the file's write lock (BEGIN IMMEDIATE), so every row after `before` is its own;
 * on PostgreSQL another transaction may commit rows in between, so the rows are the ones this
 * transaction created (xmin; null before it has written anything, which matches nothing).
 */
async function writtenSince(ctx: Ctx, before: number): Promise<number[]> {
  const text =
    ctx.engine === 'postgres'
      ? 'SELECT id FROM audit_log WHERE id > @before AND xmin::text::bigint = pg_current_xact_id_if_assigned()::text::bigint % 4294967296 ORDER BY id'
      : 'SELECT id FROM audit_log WHERE id > @before ORDER BY id';
  return (await sql<{ id: number }>(ctx, text).all({ before })).map((r) => Number(r.id));
}

function note(store: Store, ids: number[]): void {
  if (ids.length === 0) return;
  const ranges = ownRanges.get(store) ?? [];
  for (const id of ids) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  ownRanges.set(store, ranges.slice(-KEPT_RANGES));
}

/** Takes ids back from the ranges (a write that was noted and then rolled back). */
function forget(store: Store, ids: number[]): void {
  const gone = new Set(ids);
  const kept: [number, number][] = [];
  for (const [from, to] of ownRanges.get(store) ?? []) {
    let start: number | null = null;
    for (let id = from; id <= to + 1; id++) {
      if (id <= to && !gone.has(id)) start ??= id;
      else if (start !== null) {
        kept.push([start, id - 1]);
        start = null;
      }
    }
  }
  ownRanges.set(store, kept);
}

/**
 * Runs a write as store.write does, noting the audit rows it wrote as this app's own. They are
 * noted before the commit, so that a poll answered the moment the rows can be seen already
 * knows them, and taken back if the write does not commit (on SQLite its ids are used again).
 */
export async function writeNotingOwn<T>(store: Store, ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  let written: number[] = [];
  try {
    return await store.write(async (trx) => {
      const inside = inTransaction(ctx, trx);
      const before = await latestAuditId(inside);
      const result = await work(inside);
      written = await writtenSince(inside, before);
      note(store, written);
      return result;
    });
  } catch (err) {
    forget(store, written);
    throw err;
  }
}

const openings = new WeakMap<Store, string>();
let opened = 0;

/** A name for this opening of a workspace (a store), the same for as long as it is open. */
export function openingOf(store: Store): string {
  let name = openings.get(store);
  if (name === undefined) {
    name = `${Date.now().toString(36)}-${++opened}`;
    openings.set(store, name);
  }
  return name;
}

export function isOwnChange(store: Store, id: number): boolean {
  return (ownRanges.get(store) ?? []).some(([from, to]) => id >= from && id <= to);
}

/**
 * The trail is shorter than it was (a backup was restored): ids above `latest` will be used
 * again by new rows, which are not this app's.
 */
export function forgetOwnAbove(store: Store, latest: number): void {
  const ranges = ownRanges.get(store);
  if (!ranges) return;
  ownRanges.set(
    store,
    ranges.filter(([from]) => from <= latest).map(([from, to]): [number, number] => [from, Math.min(to, latest)]),
  );
}
