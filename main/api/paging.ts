import { z } from 'zod';

/**
 * One page of a long list (issue 9): the rows after a cursor, in the list's own order, the
 * total the filters select (a count query, not the rows), and the cursor of the next page
 * (null on the last one). Paging is keyset, not OFFSET: the cursor holds the sort key of the
 * page's last row (e.g. its due date and id), so the next page starts after that row however
 * many rows come before it, and a row added or changed meanwhile is neither skipped twice
 * nor repeated. The cursor is opaque to callers: base64url of the key's values as JSON.
 */
export interface Page<T> {
  rows: T[];
  total: number;
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** A sort key's values, checked by the list's own shape before use. */
export type CursorKey = readonly (string | number | null)[];

// btoa/atob and TextEncoder exist in Node and the browser alike: the contract runs in both.
export function encodeCursor(key: CursorKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The key a cursor holds, or null when it is not one this list made. */
export function decodeCursor(cursor: string, shape: (key: unknown[]) => boolean): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const key: unknown = JSON.parse(decodeBase64url(cursor));
    return Array.isArray(key) && shape(key) ? (key as CursorKey) : null;
  } catch {
    return null;
  }
}

/**
 * The page fields of a list's input: where to start (null: the first page) and how many rows.
 * `shape` says which keys are this list's, so a cursor of another list, a hand-edited one or
 * a truncated one is refused naming the field instead of paging from somewhere else.
 */
export function pageFields(shape: (key: unknown[]) => boolean) {
  return {
    cursor: z
      .string({ error: 'Cursor must be text: the nextCursor of the page before' })
      .refine((c) => decodeCursor(c, shape) !== null, 'Cursor is not one this list gave: start again from the first page (cursor null)')
      .nullable()
      .default(null),
    limit: z
      .number({ error: 'Limit must be a number of rows' })
      .int('Limit must be a whole number of rows')
      .min(1, 'Limit must be at least 1')
      .max(MAX_PAGE_SIZE, `Limit must be at most ${MAX_PAGE_SIZE} rows a page`)
      .default(DEFAULT_PAGE_SIZE),
  };
}

export const isoDateOrNull = (v: unknown): v is string | null => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
export const rowId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The page of `limit` rows out of the `limit + 1` read: the extra row only says there is more. */
export function pageOf<T>(rows: T[], limit: number, total: number, keyOf: (row: T) => CursorKey): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: shown, total, nextCursor: more ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}
