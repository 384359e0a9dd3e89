/** snake_case columns ↔ camelCase API fields, one rule for every table. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

const camelCache = new Map<string, string>();

/** Column names repeat on every row: convert each once (the bench showed the regex dominating list queries). */
export function camelKey(key: string): string {
  let out = camelCache.get(key);
  if (out === undefined) {
    out = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelCache.set(key, out);
  }
  return out;
}

export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

export function toCamel<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const k in row) out[camelKey(k)] = row[k];
  return out as T;
}

/** Drops undefined values so that a partial update touches only the fields sent. */
export function toSnake(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const v = obj[k];
    if (v === undefined) continue;
    out[snakeKey(k)] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return out;
}
