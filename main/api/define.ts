import type { z } from 'zod';

/**
 * One operation of the API: its input schema (the single source of truth for the IPC
 * handler, the HTTP bridge, the CLI and the form that fills it), whether it writes
 * (writes run in one transaction), and its result type (phantom, for the compiler).
 */
export interface OpDef<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly kind: 'read' | 'write';
  readonly summary: string;
  /** Never set at run time: carries the result type. */
  readonly __result?: R;
}

/** A read: may be async (exports write files), never changes the workspace except through files. */
export function query<R>() {
  return <I extends z.ZodType>(input: I, summary: string): OpDef<I, R> => ({ input, kind: 'read', summary });
}

/** A write: its handler is synchronous and runs inside one SQLite transaction. */
export function command<R>() {
  return <I extends z.ZodType>(input: I, summary: string): OpDef<I, R> => ({ input, kind: 'write', summary });
}
