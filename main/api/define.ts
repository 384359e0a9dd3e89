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
  /**
   * Set on an operation that writes a document to the file named by its `out` field. The
   * desktop app never lets the page choose that path: it asks main to show the Save dialog
   * and fills `out` itself (main/electron/), and the browser bridge writes to a download.
   */
  readonly exports?: true;
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

/** An export: a read of the workspace that writes one document to the input's `out`. */
export function exportOp<R>() {
  return <I extends z.ZodType>(input: I, summary: string): OpDef<I, R> & { readonly exports: true } => ({ input, kind: 'read', summary, exports: true });
}
