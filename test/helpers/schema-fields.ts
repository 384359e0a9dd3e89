import { z } from 'zod';

/**
 * Walks an operation's zod 4 input schema (the same classes main/api/fields.ts builds on:
 * ZodObject, ZodDefault, ZodOptional, ZodNullable, ZodPipe for a transform, …) to find its
 * fields and to build a plausible valid input, so the fuzz test can break one field of an
 * otherwise sound payload. Nothing here knows any operation by name: a new operation, or a
 * changed schema, is walked the same way.
 */

export type Path = (string | number)[];

export interface Field {
  path: Path;
  schema: z.ZodType;
  /** The payload is refused when this field is left out. */
  required: boolean;
}

export interface SampleContext {
  /** Where an export may write: every `out` sampled is a file in this folder. */
  outDir: string;
}

const MAX_DEPTH = 8;

/** The schema under optional/nullable/default wrappers and a transform's input side. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else if (s instanceof z.ZodLazy) {
      s = s.unwrap() as z.ZodType;
    } else {
      return s;
    }
  }
  return s;
}

export function accepts(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

/** Every field of the schema, nested objects, list elements and record values included. */
export function fieldsOf(schema: z.ZodType, path: Path = [], depth = 0): Field[] {
  if (depth > MAX_DEPTH) return [];
  const s = unwrap(schema);
  const out: Field[] = [];
  const child = (key: string | number, sub: z.ZodType, required: boolean) => {
    out.push({ path: [...path, key], schema: sub, required });
    out.push(...fieldsOf(sub, [...path, key], depth + 1));
  };
  if (s instanceof z.ZodObject) {
    for (const [key, sub] of Object.entries(s.shape as Record<string, z.ZodType>)) child(key, sub, !accepts(sub, undefined));
  } else if (s instanceof z.ZodArray) {
    child(0, s.element as z.ZodType, true);
  } else if (s instanceof z.ZodRecord) {
    child(recordKey(s), s.valueType as z.ZodType, true);
  } else if (s instanceof z.ZodUnion) {
    // The sample takes the first option; its fields are the ones a payload carries.
    const first = (s.options as z.ZodType[])[0];
    if (first) out.push(...fieldsOf(first, path, depth + 1));
  }
  return out;
}

/** Strings tried, in order, for a text field: the first its own schema accepts is used. */
function stringCandidates(name: string | number | undefined, ctx: SampleContext, format: string | undefined): string[] {
  const texts = ['2019/20', '2019-09-24', '2020-03-02T10:00', '2019-04', 'line:1', 'award:1', '£35,000', 'VRUSB', 'https://example.org/paper', 'clerk@kent.police.uk', 'next-steps', 'SB/2020/03', 'person', 'Fuzz text', 'x', '1'];
  if (name === 'out') {
    const exts = format ? [format] : ['docx', 'xlsx'];
    return [...exts, 'docx', 'xlsx'].map((ext) => `${ctx.outDir}/fuzz-export.${ext}`);
  }
  return texts;
}

function recordKey(schema: z.ZodRecord): string {
  const keyType = schema.keyType as z.ZodType;
  return ['from', 'streamId', 'k', 'x'].find((k) => accepts(keyType, k)) ?? 'k';
}

/**
 * A value the schema probably accepts (every optional field filled in too, so a read runs
 * as deep into its handler as it can). Leaf values are checked against the leaf's own
 * schema; refinements across fields (an object's .refine) may still refuse the whole.
 */
export function sampleOf(schema: z.ZodType, ctx: SampleContext, name?: string | number, siblings: Record<string, unknown> = {}, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  // A plain field's default is the value the operation is designed for (an empty template
  // path means "the built-in template"): use it when it is also a valid input. Lists and
  // objects are filled in instead, so that their inner fields are there to be broken.
  if (schema instanceof z.ZodDefault && depth > 0) {
    const parsed = schema.safeParse(undefined);
    if (parsed.success && parsed.data !== null && typeof parsed.data !== 'object' && accepts(schema, parsed.data)) return parsed.data;
  }
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const obj: Record<string, unknown> = {};
    const entries = Object.entries(s.shape as Record<string, z.ZodType>);
    // `format` first, so an `out` can take the matching extension.
    entries.sort(([a], [b]) => Number(b === 'format') - Number(a === 'format'));
    for (const [key, sub] of entries) {
      const v = sampleOf(sub, ctx, key, obj, depth + 1);
      if (v !== undefined) obj[key] = v;
    }
    return obj;
  }
  if (s instanceof z.ZodArray) {
    const el = sampleOf(s.element as z.ZodType, ctx, name, {}, depth + 1);
    return el === undefined ? [] : [el];
  }
  if (s instanceof z.ZodRecord) {
    const v = sampleOf(s.valueType as z.ZodType, ctx, undefined, {}, depth + 1);
    return v === undefined ? {} : { [recordKey(s)]: v };
  }
  if (s instanceof z.ZodUnion) return sampleOf((s.options as z.ZodType[])[0]!, ctx, name, siblings, depth + 1);
  if (s instanceof z.ZodEnum) return (s.options as unknown[])[0];
  if (s instanceof z.ZodLiteral) return [...(s.values as Set<unknown>)][0];
  if (s instanceof z.ZodBoolean) return false;
  if (s instanceof z.ZodNull) return null;
  if (s instanceof z.ZodNumber) return [1, 2, 0, 2020, 50, 0.5].find((n) => accepts(s, n)) ?? 1;
  if (s instanceof z.ZodString) {
    const format = typeof siblings.format === 'string' ? siblings.format : undefined;
    return stringCandidates(name, ctx, format).find((t) => accepts(s, t)) ?? 'x';
  }
  return 'x';
}

/** A copy of `base` with the value at `path` replaced (or removed, for `remove`). */
export function withValue(base: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: unknown = Array.isArray(base) ? [...(base as unknown[])] : base !== null && typeof base === 'object' ? { ...(base as object) } : typeof head === 'number' ? [] : {};
  const container = copy as Record<string | number, unknown>;
  // defineProperty, so that a key named __proto__ becomes an own key (as JSON.parse makes it), not the prototype.
  const set = (v: unknown) => Object.defineProperty(container, head, { value: v, enumerable: true, writable: true, configurable: true });
  if (rest.length === 0) {
    if (!remove) set(value);
    else if (Array.isArray(container)) container.splice(Number(head), 1);
    else delete container[head];
  } else {
    set(withValue(Object.prototype.hasOwnProperty.call(container, head) ? container[head] : undefined, rest, value, remove));
  }
  return copy;
}

/** The paths of the objects inside a payload (root included), where an unknown key can go. */
export function objectPaths(schema: z.ZodType, path: Path = [], depth = 0): Path[] {
  if (depth > MAX_DEPTH) return [];
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    return [path, ...Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([k, sub]) => objectPaths(sub, [...path, k], depth + 1))];
  }
  if (s instanceof z.ZodArray) return objectPaths(s.element as z.ZodType, [...path, 0], depth + 1);
  if (s instanceof z.ZodUnion) {
    const first = (s.options as z.ZodType[])[0];
    return first ? objectPaths(first, path, depth + 1) : [];
  }
  return [];
}
