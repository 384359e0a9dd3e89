import type { Database } from 'better-sqlite3';

/** What every service call runs with: the open workspace, who is acting, and the clock. */
export interface Ctx {
  db: Database;
  actor: string;
  /** The operation being served, recorded in the audit trail. */
  operation: string;
  now: () => Date;
}

export function makeCtx(db: Database, actor: string, now: () => Date = () => new Date()): Ctx {
  return { db, actor, operation: 'direct', now };
}

/** Local ISO timestamp to the second, e.g. 2026-11-23T16:42:05. */
export function isoNow(ctx: Ctx): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function isoToday(ctx: Ctx): string {
  return isoNow(ctx).slice(0, 10);
}
