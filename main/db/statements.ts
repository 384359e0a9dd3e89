import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** Prepares a statement once per connection; repositories call this instead of db.prepare. */
export function sql<R = unknown>(db: Database, text: string): Statement<unknown[], R> {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    byText.set(text, stmt);
  }
  return stmt as Statement<unknown[], R>;
}
