import BetterSqlite3, { type Database } from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Ctx } from '../shared/context';
import { DomainError, type Problem } from '../shared/errors';
import { latestVersion } from '../db/migrate';
import { sql } from '../db/statements';

const { SqliteError } = BetterSqlite3;

/**
 * The JSON bundle: the whole workspace as rows of its tables (documented in
 * docs/bundle.md). Export reads every data table; import validates every row against the
 * live schema (columns, STRICT types, NOT NULL, then CHECK, UNIQUE and foreign keys inside a
 * transaction) and writes all or nothing, listing every problem by path.
 */
export const BUNDLE_FORMAT = 'board-secretariat/bundle';
export const BUNDLE_VERSION = 1;

export type BundleRow = Record<string, string | number | null>;
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  schemaVersion: number;
  exportedAt: string;
  tables: Record<string, BundleRow[]>;
}

const bundleShape = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `format must be "${BUNDLE_FORMAT}"` }),
  version: z.literal(BUNDLE_VERSION, { error: `version must be ${BUNDLE_VERSION}` }),
  schemaVersion: z.number({ error: 'schemaVersion must be a number' }).int(),
  exportedAt: z.string({ error: 'exportedAt must be text' }),
  tables: z.record(
    z.string(),
    // Each row and value is checked by checkBundleShape's own loop over the live schema: a zod
    // union per value cost more than the import itself (520-700 ms for 93k rows).
    z.array(z.unknown(), { error: 'must be a list of rows' }),
    { error: 'tables must be an object of table name → rows' },
  ),
});

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** Data tables in creation order (virtual tables and their shadow tables are derived data). */
export function dataTables(db: Database): string[] {
  const rows = sql<{ name: string; sql: string }>(db, `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all();
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
  return rows
    .filter((r) => !/^CREATE VIRTUAL/i.test(r.sql) && !virtual.some((v) => r.name.startsWith(v + '_')))
    .map((r) => r.name);
}

function columnsOf(db: Database, table: string): Column[] {
  return db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as Column[];
}

export function exportBundle(ctx: Ctx): Bundle {
  const tables: Record<string, BundleRow[]> = {};
  const read = ctx.db.transaction(() => {
    for (const t of dataTables(ctx.db)) tables[t] = ctx.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as BundleRow[];
  });
  read();
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, schemaVersion: latestVersion(), exportedAt: isoNow(ctx), tables };
}

function typeProblem(col: Column, value: string | number | null): string | undefined {
  if (value === null) return col.notnull && !col.pk ? 'is required (null given)' : undefined;
  switch (col.type.toUpperCase()) {
    case 'INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value) ? undefined : 'must be a whole number';
    case 'REAL':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'TEXT':
      return typeof value === 'string' ? undefined : 'must be text';
    default:
      return undefined;
  }
}

const MAX_LISTED = 50;

function fail(problems: Problem[]): never {
  const listed = problems.slice(0, MAX_LISTED);
  const summary = listed
    .slice(0, 5)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  throw new DomainError(
    'bundle.invalid',
    `The bundle was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} found (${summary}${problems.length > 5 ? '; …' : ''}). Nothing was written.`,
    problems[0]?.path,
    listed,
  );
}

/** Validates a parsed bundle against the live schema without writing: the problems, by path. */
export function checkBundleShape(db: Database, input: unknown): { bundle: Bundle; problems: Problem[] } | { bundle: null; problems: Problem[] } {
  const parsed = bundleShape.safeParse(input);
  if (!parsed.success) {
    return { bundle: null, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(bundle)', message: i.message })) };
  }
  const bundle = parsed.data as Bundle;
  const problems: Problem[] = [];
  if (bundle.schemaVersion > latestVersion()) {
    problems.push({ path: 'schemaVersion', message: `was written by a newer version of the app (schema ${bundle.schemaVersion}; this version reads up to ${latestVersion()})` });
  }
  const known = new Set(dataTables(db));
  for (const [table, rows] of Object.entries(bundle.tables)) {
    if (!known.has(table)) {
      problems.push({ path: `tables.${table}`, message: 'is not a table of this workspace' });
      continue;
    }
    const cols = columnsOf(db, table);
    const byName = new Map(cols.map((c) => [c.name, c]));
    rows.forEach((row: unknown, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        problems.push({ path: `tables.${table}[${i}]`, message: 'must be a row: an object of column name → value' });
        return;
      }
      for (const [key, value] of Object.entries(row)) {
        const col = byName.get(key);
        const path = `tables.${table}[${i}].${key}`;
        if (!col) problems.push({ path, message: 'is not a column of this table' });
        else if (value !== null && typeof value !== 'string' && typeof value !== 'number') problems.push({ path, message: 'must be text, a number or null' });
        else {
          const why = typeProblem(col, value);
          if (why) problems.push({ path, message: why });
        }
      }
      for (const col of cols) {
        if (col.notnull && col.dflt_value === null && !(col.name in row)) {
          problems.push({ path: `tables.${table}[${i}].${col.name}`, message: 'is required' });
        }
      }
    });
  }
  return { bundle, problems };
}

function isEmptyWorkspace(db: Database): boolean {
  return dataTables(db).every((t) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM "${t}") AS e`).get() as { e: number }).e === 0);
}

/**
 * Only a row's own fault (a constraint it breaks) is a problem with that row; disk full, I/O
 * and the like concern the file and end the import (the dispatcher puts them in words).
 */
function isRowFault(err: unknown): err is InstanceType<typeof SqliteError> {
  return err instanceof SqliteError && err.code.startsWith('SQLITE_CONSTRAINT');
}

/** table → rowid → the row's index in the bundle, to name a row in a foreign-key problem. */
type RowIndex = Map<string, Map<number, number>>;

/**
 * Inserts every row of the bundle, table by table in creation order, with one prepared
 * statement per table and set of columns. Without `problems` the first refused row throws;
 * with it, each row runs in its own savepoint and a refused row is recorded and skipped.
 */
function insertRows(db: Database, bundle: Bundle, problems: Problem[] | null): RowIndex {
  const rowIndex: RowIndex = new Map();
  for (const table of dataTables(db)) {
    const statements = new Map<string, BetterSqlite3.Statement>();
    const indexes = new Map<number, number>();
    rowIndex.set(table, indexes);
    (bundle.tables[table] ?? []).forEach((row, i) => {
      const cols = Object.keys(row);
      const key = cols.join('\u0000');
      let insert = statements.get(key);
      if (!insert) {
        insert = db.prepare(
          cols.length
            ? `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
            : `INSERT INTO "${table}" DEFAULT VALUES`,
        );
        statements.set(key, insert);
      }
      const values = cols.map((c) => row[c]);
      if (problems === null) {
        indexes.set(Number(insert.run(...values).lastInsertRowid), i);
        return;
      }
      db.exec('SAVEPOINT bundle_row');
      try {
        indexes.set(Number(insert.run(...values).lastInsertRowid), i);
        db.exec('RELEASE bundle_row');
      } catch (err) {
        if (!isRowFault(err)) throw err;
        db.exec('ROLLBACK TO bundle_row');
        db.exec('RELEASE bundle_row');
        const message = err.message.replace(/\s+/g, ' ').replace(/^(\w+) constraint failed: /, (_, k: string) => `breaks a ${k.toLowerCase()} rule: `);
        problems.push({ path: `tables.${table}[${i}]`, message });
      }
    });
  }
  return rowIndex;
}

/**
 * Imports a bundle into an empty workspace in the caller's transaction (dispatch wraps
 * writes in one). Throws bundle.invalid with every problem, by path, if anything is wrong.
 */
export function importBundle(ctx: Ctx, input: unknown): Record<string, number> {
  const { bundle, problems } = checkBundleShape(ctx.db, input);
  if (!bundle || problems.length > 0) fail(problems);
  if (!isEmptyWorkspace(ctx.db)) {
    throw new DomainError('bundle.notEmpty', 'A bundle can only be imported into a new, empty workspace. Create a new workspace file and import into that.', 'db');
  }
  const db = ctx.db;
  if (!db.inTransaction) throw new Error('importBundle must run inside a transaction');
  db.pragma('defer_foreign_keys = ON');
  const counts: Record<string, number> = {};
  for (const table of dataTables(db)) counts[table] = (bundle.tables[table] ?? []).length;
  // A good bundle goes in at the speed of a bare insert; only if a row is refused is the import
  // run again row by row, each in a savepoint, so that every refused row is reported.
  db.exec('SAVEPOINT bundle_rows');
  let rowIndex: RowIndex;
  try {
    rowIndex = insertRows(db, bundle, null);
    db.exec('RELEASE bundle_rows');
  } catch (err) {
    // Anything but a row's own fault ends the import at once: a full disk may already have
    // rolled the whole transaction back, savepoint and all.
    if (!isRowFault(err)) throw err;
    db.exec('ROLLBACK TO bundle_rows');
    db.exec('RELEASE bundle_rows');
    rowIndex = insertRows(db, bundle, problems);
  }
  const fkProblems = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string; fkid: number }[];
  for (const v of fkProblems) {
    const ref = db.prepare(`SELECT "from" AS col, "to" AS target FROM pragma_foreign_key_list(?) WHERE id = ?`).get(v.table, v.fkid) as { col: string; target: string | null } | undefined;
    const fk = ref?.col;
    const i = rowIndex.get(v.table)?.get(v.rowid);
    // A parent that is in the bundle but was rejected above is named, not called missing.
    const value = i === undefined || !fk ? undefined : bundle.tables[v.table]?.[i]?.[fk];
    const j = value === undefined ? -1 : (bundle.tables[v.parent] ?? []).findIndex((r) => r[ref?.target ?? 'id'] === value);
    const parent = `${v.parent.replace(/_/g, ' ')}${value === undefined ? '' : ' ' + String(value)}`;
    const message = j >= 0 ? `refers to ${parent} (tables.${v.parent}[${j}]), which could not be imported` : `refers to ${parent}, which is not in the bundle`;
    problems.push({ path: `tables.${v.table}[${i ?? '?'}]${fk ? '.' + fk : ''}`, message });
  }
  if (problems.length > 0) fail(problems);
  const summary = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  sql(db, `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, 'create', 'workspace', 0, NULL, ?)`).run(
    isoNow(ctx),
    ctx.actor,
    ctx.operation,
    JSON.stringify({ importedBundle: { exportedAt: bundle.exportedAt, rows: summary } }),
  );
  return counts;
}
