import type { Engine, Queries, Store } from '../db/store';

/**
 * What every service call runs with: the workspace's query layer (inside a write, the write's
 * transaction: never reach past it to store.kysely, which would wait for the transaction on
 * SQLite and not see it on PostgreSQL), the engine, who is acting, and the clock.
 */
export interface Ctx {
  db: Queries;
  engine: Engine;
  /** The open workspace (where it is, its file on SQLite). */
  store: Store;
  actor: string;
  /** The operation being served, recorded in the audit trail. */
  operation: string;
  now: () => Date;
}

/**
 * On PostgreSQL the actor is the role the workspace is open as (current_user): each person
 * connects as their own, so the audit trail names the person the server let in, not a name
 * the app was told. On SQLite, `actor` (the operating-system user, or the caller's).
 */
export function makeCtx(store: Store, actor: string, now: () => Date = () => new Date()): Ctx {
  return { db: store.kysely, engine: store.engine, store, actor: store.role ?? actor, operation: 'direct', now };
}

/** The same context inside a write transaction. */
export function inTransaction(ctx: Ctx, trx: Queries): Ctx {
  return { ...ctx, db: trx };
}

/** Local ISO timestamp to the second, e.g. 2026-11-23T16:42:05. */
export function isoNow(ctx: Pick<Ctx, 'now'>): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function isoToday(ctx: Pick<Ctx, 'now'>): string {
  return isoNow(ctx).slice(0, 10);
}
