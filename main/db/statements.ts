import type { Database, Statement } from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { Engine, Queries } from './store';

/**
 * Hand-written SQL through the query layer, for queries clearer as SQL than as builder calls
 * (joins with sub-selects, reports). One text serves both engines: parameters are written
 * `@name` (bound from one object) or `?` (bound in order), and compiled once per engine and
 * text to SQLite's `?` or PostgreSQL's `$1`. On PostgreSQL two SQLite habits are translated:
 * `LIKE` becomes `ILIKE` (SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's does
 * not) and `IFNULL` becomes `COALESCE`. `COLLATE NOCASE` needs no translation: every
 * PostgreSQL workspace has a case-insensitive collation of that name (migration 001).
 * Anything else engine-specific is written per engine by the caller (ctx.engine).
 *
 * PostgreSQL gives a parameter its type where it first meets it, and `@x IS NULL` alone says
 * none ("could not determine data type of parameter"): write the typed use first
 * (`col = @x OR @x IS NULL`: a name used twice is one placeholder) or cast it
 * (`CAST(@x AS integer) IS NULL`); both read the same on SQLite.
 */
export interface Query<R> {
  all(...params: unknown[]): Promise<R[]>;
  get(...params: unknown[]): Promise<R | undefined>;
  run(...params: unknown[]): Promise<{ changes: number }>;
}

/** What a query runs on: a context (its db is the transaction inside a write) or the layer itself. */
export interface QueryTarget {
  db: Queries;
  engine: Engine;
}

interface Compiled {
  text: string;
  /** Per placeholder: a named parameter's name, or a positional parameter's index. */
  slots: (string | number)[];
}

const compiledCache: Record<Engine, Map<string, Compiled>> = { sqlite: new Map(), postgres: new Map() };

const WORD = /[A-Za-z0-9_]/;

/** Compiles `@name`/`:name`/`?` parameters to the engine's placeholders, outside quotes and comments (a name used twice is one `$n` on PostgreSQL). */
export function compileSql(engine: Engine, source: string): Compiled {
  const cached = compiledCache[engine].get(source);
  if (cached) return cached;
  const slots: (string | number)[] = [];
  let out = '';
  let positional = 0;
  let i = 0;
  const placeholder = () => (engine === 'postgres' ? `$${slots.length}` : '?');
  // On PostgreSQL a named parameter used twice is one placeholder: `@x IS NULL OR col = @x`
  // then takes its type from the comparison (alone, `$1 IS NULL` has no type and is refused).
  const named = new Map<string, string>();
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      const stop = end === -1 ? source.length : end + 1;
      out += source.slice(i, stop);
      i = stop;
      // A doubled quote inside a string ('it''s') is two adjacent strings to this scanner: harmless.
      continue;
    }
    if (ch === '-' && next === '-') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '?') {
      slots.push(positional++);
      out += placeholder();
      i++;
      continue;
    }
    if ((ch === '@' || ch === ':') && next !== undefined && /[A-Za-z_]/.test(next) && source[i - 1] !== ':') {
      let j = i + 1;
      while (j < source.length && WORD.test(source[j]!)) j++;
      const name = source.slice(i + 1, j);
      const seen = engine === 'postgres' ? named.get(name) : undefined;
      if (seen) out += seen;
      else {
        slots.push(name);
        out += placeholder();
        named.set(name, placeholder());
      }
      i = j;
      continue;
    }
    if (engine === 'postgres' && /[A-Za-z]/.test(ch) && (i === 0 || !WORD.test(source[i - 1]!))) {
      let j = i + 1;
      while (j < source.length && WORD.test(source[j]!)) j++;
      const word = source.slice(i, j);
      const upper = word.toUpperCase();
      out += upper === 'LIKE' ? 'ILIKE' : upper === 'IFNULL' ? 'COALESCE' : word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  const compiled = { text: out, slots };
  compiledCache[engine].set(source, compiled);
  return compiled;
}

/** The values of a compiled text's placeholders, in order (exported for the bench's raw side). */
export function bind(compiled: Compiled, params: unknown[]): unknown[] {
  if (compiled.slots.length === 0) return [];
  const named = params.length === 1 && params[0] !== null && typeof params[0] === 'object' && !Array.isArray(params[0]) && !(params[0] instanceof Uint8Array);
  const positional = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
  return compiled.slots.map((slot) => {
    const value = typeof slot === 'number' ? positional[slot] : named ? (params[0] as Record<string, unknown>)[slot] : undefined;
    if (value === undefined) throw new Error(`No value for SQL parameter ${typeof slot === 'number' ? `#${slot + 1}` : '@' + slot}`);
    return typeof value === 'boolean' ? (value ? 1 : 0) : value;
  });
}

/** `await sql<Row>(ctx, 'SELECT … WHERE id = ?').get(id)` on either engine. */
export function sql<R = Record<string, unknown>>(target: QueryTarget, text: string): Query<R> {
  const compiled = compileSql(target.engine, text);
  const exec = (params: unknown[]) => target.db.executeQuery<R>(CompiledQuery.raw(compiled.text, bind(compiled, params)));
  return {
    async all(...params) {
      return (await exec(params)).rows;
    },
    async get(...params) {
      return (await exec(params)).rows[0];
    },
    async run(...params) {
      const result = await exec(params);
      return { changes: Number(result.numAffectedRows ?? 0) };
    },
  };
}

const preparedCache = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement on a SQLite file's own connection, prepared once per connection: for the code
 * that is about the file itself rather than the records (check, backups, the bundle import's
 * fast path), which only SQLite has.
 */
export function prepared<R = unknown>(db: Database, text: string): Statement<unknown[], R> {
  let byText = preparedCache.get(db);
  if (!byText) {
    byText = new Map();
    preparedCache.set(db, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    byText.set(text, stmt);
  }
  return stmt as Statement<unknown[], R>;
}
