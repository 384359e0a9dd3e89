import { z } from 'zod';
import type { VersionedTable } from '../db/versions';

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
  /**
   * Set on an edit of one record (an update or delete by its id): the record's table. The
   * input then takes the `version` the record was read at, and the dispatcher refuses the
   * edit when the record has changed or gone since (main/db/versions.ts).
   */
  readonly versions?: { table: VersionedTable; idField: string };
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

/**
 * The version a record was read at. Required from a screen (IPC and the loopback bridge:
 * dispatch refuses an edit that leaves it out, see screenMustSend); optional in the schema so
 * scripts and the CLI may write without one, where the last write wins.
 */
export const versionField = z
  .number({ error: 'Version must be a number' })
  .int('Version must be a whole number')
  .min(1, 'Version must be at least 1')
  .optional();

/**
 * A write that edits one record of `table`, named by its `idField` (`id` unless given): the
 * input gains `version`, checked against the record before the handler runs, so an edit based
 * on what someone else has since changed is refused naming them, never saved over their change.
 */
export function edit<R>() {
  return <S extends z.ZodRawShape>(
    table: VersionedTable,
    input: z.ZodObject<S, z.core.$strict>,
    summary: string,
    idField: keyof S & string = 'id',
  ): OpDef<z.ZodObject<S & { version: typeof versionField }, z.core.$strict>, R> => ({
    input: input.extend({ version: versionField }) as unknown as z.ZodObject<S & { version: typeof versionField }, z.core.$strict>,
    kind: 'write',
    summary,
    versions: { table, idField },
  });
}

/**
 * The version each of several records was read at, for a write that changes them together
 * (an agenda's order, a heading on every budget line): each is checked in the write's
 * transaction as an edit's `version` is, and the write refused when one has changed since.
 * Required from a screen, optional for scripts, as `version` is (READ_AT_FIELDS).
 */
export function readVersions(noun: string) {
  return z
    .array(
      z.object({ id: z.number({ error: `${noun} id must be a number` }).int().positive(`${noun} id must be positive`), version: versionField.unwrap() }).strict(),
      { error: 'Versions must be a list of {id, version}' },
    )
    .max(1000, 'At most 1000 versions')
    .optional();
}

/**
 * The fields in which a write says what the person read before changing it: a record's
 * `version`, several records' `versions`, a cell's `was` or `wasPence`, an indicator value's
 * `wasValueId`, an import's `basis`.
 * A screen (IPC and the loopback HTTP bridge) must send each one its operation takes: left
 * out, a screen that forgot it would silently save over a colleague's change. Scripts and the
 * CLI may leave them out (last write wins). Found from the input's shape, so a new operation
 * declared with edit<R>() (or taking any of these fields) is covered without being listed.
 */
export const READ_AT_FIELDS = ['version', 'versions', 'was', 'wasPence', 'wasValueId', 'basis'] as const;
export type ReadAtField = (typeof READ_AT_FIELDS)[number];

const READ_AT_WORDS: Record<ReadAtField, string> = {
  version: 'the version of the record as the screen read it',
  versions: 'the version of each record as the screen read it',
  was: 'what the cell held when the screen read it (null for empty)',
  wasPence: 'the amount in pence when the screen read it',
  wasValueId: "the id of the period's current value when the screen read it (null for none)",
  basis: 'the cells as the preview read them',
};

const has = (shape: Record<string, unknown>, f: string) => Object.prototype.hasOwnProperty.call(shape, f);
const shapeOf = (schema: unknown) => (schema as { shape?: Record<string, unknown> } | undefined)?.shape;

/**
 * The read-at fields this operation takes (none for a read): at the top of its input
 * (`version`), or in each element of a list it takes (`cells.wasPence`: each spend figure's).
 */
export function readAtFields(def: OpDef): string[] {
  if (def.kind !== 'write') return [];
  const shape = shapeOf(def.input);
  if (!shape) return [];
  const top: string[] = READ_AT_FIELDS.filter((f) => has(shape, f));
  for (const [name, field] of Object.entries(shape)) {
    const element = shapeOf((field as { element?: unknown }).element);
    if (element) for (const f of READ_AT_FIELDS) if (has(element, f)) top.push(`${name}.${f}`);
  }
  return top;
}

/**
 * What a screen's write left out of what it read, as the error to answer with (null when
 * everything is there). Only presence is checked here; the value is checked against the
 * workspace inside the write's transaction.
 */
export function screenMustSend(def: OpDef, data: unknown): { code: 'validation'; message: string; field: string } | null {
  const given = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  for (const path of readAtFields(def)) {
    const [top, inner] = path.split('.') as [string, string | undefined];
    if (inner === undefined) {
      if (given[top] === undefined) return unsent(top, top as ReadAtField);
      continue;
    }
    const list = given[top];
    if (!Array.isArray(list)) continue; // The schema says what is wrong with the list itself.
    const at = list.findIndex((e: unknown) => typeof e === 'object' && e !== null && (e as Record<string, unknown>)[inner] === undefined);
    if (at >= 0) return unsent(`${top}.${at}.${inner}`, inner as ReadAtField);
  }
  return null;
}

function unsent(field: string, what: ReadAtField): { code: 'validation'; message: string; field: string } {
  return {
    code: 'validation',
    field,
    message:
      `The screen did not send \`${field}\` (${READ_AT_WORDS[what]}), so this change was not saved: ` +
      `without it a change someone else made since could be overwritten unseen. Open the record again and redo the change.`,
  };
}
