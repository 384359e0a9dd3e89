import BetterSqlite3, { type Database } from 'better-sqlite3';
import { z } from 'zod';
import { isoNow, type Ctx } from '../shared/context';
import { DomainError, type Problem } from '../shared/errors';
import { latestVersion } from '../db/migrate';
import { isPostgresError } from '../db/postgres-errors';
import { schema, type ColumnSchema, type TableName, type TableSchema } from '../db/schema';
import { sql } from '../db/statements';
import type { Queries } from '../db/store';

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

type Column = ColumnSchema;

/** Data tables in creation order, parents before children (search indexes are derived data, rebuilt by triggers). */
export function dataTables(): TableName[] {
  return Object.keys(schema) as TableName[];
}

function columnsOf(table: string): readonly Column[] {
  return (schema as Record<string, TableSchema>)[table]!.columns;
}

/** The order rows are read in on both engines: by primary key, else by every column. */
function orderOf(table: TableName): string {
  const cols = columnsOf(table);
  const pk = cols.filter((c) => c.primaryKey);
  return (pk.length ? pk : cols).map((c) => c.name).join(', ');
}

/**
 * Every row of every data table, read in one transaction so the bundle is one moment of the
 * workspace (on PostgreSQL a repeatable-read snapshot; on SQLite the write lock, which keeps
 * other programs' writes out for the few hundred milliseconds it takes).
 */
export async function exportBundle(ctx: Ctx): Promise<Bundle> {
  const tables: Record<string, BundleRow[]> = {};
  const read = async (db: Queries) => {
    const q = { db, engine: ctx.engine };
    for (const t of dataTables()) tables[t] = await sql<BundleRow>(q, `SELECT * FROM ${t} ORDER BY ${orderOf(t)}`).all();
  };
  if (ctx.db.isTransaction) await read(ctx.db);
  else if (ctx.engine === 'postgres') await ctx.db.transaction().setIsolationLevel('repeatable read').execute(read);
  else await ctx.db.transaction().execute(read);
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, schemaVersion: latestVersion(), exportedAt: isoNow(ctx), tables };
}

function typeProblem(col: Column, value: string | number | null): string | undefined {
  if (value === null) return !col.nullable && !col.primaryKey ? 'is required (null given)' : undefined;
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
export function checkBundleShape(input: unknown): { bundle: Bundle; problems: Problem[] } | { bundle: null; problems: Problem[] } {
  const parsed = bundleShape.safeParse(input);
  if (!parsed.success) {
    return { bundle: null, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(bundle)', message: i.message })) };
  }
  const bundle = parsed.data as Bundle;
  const problems: Problem[] = [];
  if (bundle.schemaVersion > latestVersion()) {
    problems.push({ path: 'schemaVersion', message: `was written by a newer version of the app (schema ${bundle.schemaVersion}; this version reads up to ${latestVersion()})` });
  }
  const known = new Set<string>(dataTables());
  for (const [table, rows] of Object.entries(bundle.tables)) {
    if (!known.has(table)) {
      problems.push({ path: `tables.${table}`, message: 'is not a table of this workspace' });
      continue;
    }
    const cols = columnsOf(table);
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
        if (!col.nullable && !col.hasDefault && !col.primaryKey && !(col.name in row)) {
          problems.push({ path: `tables.${table}[${i}].${col.name}`, message: 'is required' });
        }
      }
    });
  }
  return { bundle, problems };
}

async function isEmptyWorkspace(ctx: Ctx): Promise<boolean> {
  for (const t of dataTables()) {
    if (await sql(ctx, `SELECT 1 AS e FROM ${t} LIMIT 1`).get()) return false;
  }
  return true;
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
  for (const table of dataTables()) {
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
export async function importBundle(ctx: Ctx, input: unknown, options: { keepsActors?: boolean } = {}): Promise<Record<string, number>> {
  const { bundle, problems } = checkBundleShape(input);
  if (!bundle || problems.length > 0) fail(problems);
  if (!(await isEmptyWorkspace(ctx))) {
    throw new DomainError('bundle.notEmpty', 'A bundle can only be imported into a new, empty workspace. Create a new workspace file and import into that.', 'db');
  }
  if (!ctx.store.sqlite && options.keepsActors !== false) await refuseUnlessOwner(ctx);
  if (!ctx.db.isTransaction) throw new Error('importBundle must run inside a transaction');
  const counts: Record<string, number> = {};
  for (const table of dataTables()) counts[table] = (bundle.tables[table] ?? []).length;
  if (ctx.store.sqlite) importIntoSqlite(ctx.store.sqlite, bundle, problems);
  else await importIntoPostgres(ctx, bundle, problems);
  if (problems.length > 0) fail(problems);
  const summary = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  await sql(ctx, `INSERT INTO audit_log (at, actor, operation, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, 'create', 'workspace', 0, NULL, ?)`).run(
    isoNow(ctx),
    ctx.actor,
    ctx.operation,
    JSON.stringify({ importedBundle: { exportedAt: bundle.exportedAt, rows: summary } }),
  );
  return counts;
}

/**
 * On PostgreSQL the database writes a team member's login into every audit row they add
 * (migration 006): a bundle imported by anyone but the tables' owner would have its trail's
 * historical names (who made each change, years ago) replaced by the importer's. So the import
 * is refused, naming the owner, before anything is written; the owner (who creates, moves and
 * upgrades the workspace) imports it with its names as they are.
 */
async function refuseUnlessOwner(ctx: Ctx): Promise<void> {
  const row = await sql<{ owns: boolean; owner: string; me: string }>(
    ctx,
    `SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER') AS owns, pg_catalog.pg_get_userbyid(c.relowner) AS owner, current_user AS me
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = 'audit_log' AND n.nspname = pg_catalog.current_schema()`,
  ).get();
  if (!row || row.owns) return;
  throw new DomainError(
    'bundle.needsOwner',
    `Only ${row.owner}, who owns this workspace's tables, may import a bundle into it. Imported as ${row.me}, every past change in the bundle's audit trail would be put down to ${row.me} (the database writes a team member's own login into every line they add). Nothing was imported: ask ${row.owner} to import it.`,
    'db',
  );
}

/**
 * SQLite: the rows go in through the file's own connection, inside the write's transaction
 * (BEGIN IMMEDIATE on the same connection), at the speed of a bare insert.
 */
function importIntoSqlite(db: Database, bundle: Bundle, problems: Problem[]): void {
  if (!db.inTransaction) throw new Error('importBundle must run inside a transaction');
  db.pragma('defer_foreign_keys = ON');
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
    const i = rowIndex.get(v.table)?.get(v.rowid);
    problems.push(missingParent(bundle, v.table, i, ref?.col, v.parent, ref?.target ?? 'id'));
  }
}

/** A row whose parent is not there: named by path, and the parent named if it was in the bundle but refused. */
function missingParent(bundle: Bundle, table: string, i: number | undefined, fk: string | undefined, parentTable: string, target: string): Problem {
  // A parent that is in the bundle but was rejected above is named, not called missing.
  const value = i === undefined || !fk ? undefined : bundle.tables[table]?.[i]?.[fk];
  const j = value === undefined ? -1 : (bundle.tables[parentTable] ?? []).findIndex((r) => r[target] === value);
  const parent = `${parentTable.replace(/_/g, ' ')}${value === undefined ? '' : ' ' + String(value)}`;
  const message = j >= 0 ? `refers to ${parent} (tables.${parentTable}[${j}]), which could not be imported` : `refers to ${parent}, which is not in the bundle`;
  return { path: `tables.${table}[${i ?? '?'}]${fk ? '.' + fk : ''}`, message };
}

/** Rows per INSERT on PostgreSQL: many rows a statement, well inside its 65,535 parameters. */
const PG_BATCH = 500;

/**
 * PostgreSQL: the rows go in as multi-row INSERTs in the write's transaction, foreign keys
 * deferred to the end (every key is DEFERRABLE: migration 001). A refused batch is run again
 * row by row, each in a savepoint, so that every refused row is reported; foreign keys are
 * then checked table by table, so that every row left without its parent is named too.
 * Identity sequences are moved past the imported ids.
 */
async function importIntoPostgres(ctx: Ctx, bundle: Bundle, problems: Problem[]): Promise<void> {
  await sql(ctx, 'SET CONSTRAINTS ALL DEFERRED').run();
  const imported = new Map<string, Set<number>>();
  for (const table of dataTables()) {
    const rows = bundle.tables[table] ?? [];
    const kept = new Set<number>();
    imported.set(table, kept);
    for (let start = 0; start < rows.length; start += PG_BATCH) {
      const batch = rows.slice(start, start + PG_BATCH);
      await sql(ctx, 'SAVEPOINT bundle_batch').run();
      try {
        for (const group of groupByColumns(batch)) await insertGroup(ctx, table, group);
        await sql(ctx, 'RELEASE SAVEPOINT bundle_batch').run();
        batch.forEach((_, k) => kept.add(start + k));
      } catch (err) {
        if (!isPostgresRowFault(err)) throw err;
        await sql(ctx, 'ROLLBACK TO SAVEPOINT bundle_batch').run();
        for (const [k, row] of batch.entries()) {
          await sql(ctx, 'SAVEPOINT bundle_row').run();
          try {
            await insertGroup(ctx, table, [row]);
            await sql(ctx, 'RELEASE SAVEPOINT bundle_row').run();
            kept.add(start + k);
          } catch (rowErr) {
            if (!isPostgresRowFault(rowErr)) throw rowErr;
            await sql(ctx, 'ROLLBACK TO SAVEPOINT bundle_row').run();
            problems.push({ path: `tables.${table}[${start + k}]`, message: `breaks a rule: ${(rowErr as Error).message}${(rowErr as { detail?: string }).detail ? ` (${(rowErr as { detail?: string }).detail})` : ''}` });
          }
        }
      }
    }
  }
  // Every row left pointing at a parent that is not there, named by path.
  for (const [table, t] of Object.entries(schema) as [TableName, TableSchema][]) {
    for (const fk of t.foreignKeys) {
      const orphans = await sql<{ v: number }>(
        ctx,
        `SELECT c.${fk.column} AS v FROM ${table} c WHERE c.${fk.column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.references} p WHERE p.id = c.${fk.column})`,
      ).all();
      for (const o of orphans) {
        const i = (bundle.tables[table] ?? []).findIndex((r) => r[fk.column] === o.v);
        problems.push(missingParent(bundle, table, i < 0 ? undefined : i, fk.column, fk.references, 'id'));
      }
    }
  }
  if (problems.length > 0) return;
  await sql(ctx, 'SET CONSTRAINTS ALL IMMEDIATE').run();
  for (const table of dataTables()) {
    if (!columnsOf(table).some((c) => c.name === 'id' && c.primaryKey)) continue;
    await sql(ctx, `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM ${table}), false)`).get();
  }
}

function groupByColumns(rows: BundleRow[]): BundleRow[][] {
  const groups = new Map<string, BundleRow[]>();
  for (const row of rows) {
    const key = Object.keys(row).join('\u0000');
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return [...groups.values()];
}

async function insertGroup(ctx: Ctx, table: string, rows: BundleRow[]): Promise<void> {
  const cols = Object.keys(rows[0]!);
  if (cols.length === 0) {
    for (let k = 0; k < rows.length; k++) await sql(ctx, `INSERT INTO ${table} DEFAULT VALUES`).run();
    return;
  }
  // Ids are given: OVERRIDING SYSTEM VALUE is not needed for GENERATED BY DEFAULT identities.
  const values = rows.map((_, r) => `(${cols.map((_c, c) => `@p${r}_${c}`).join(', ')})`).join(', ');
  const params: Record<string, unknown> = {};
  rows.forEach((row, r) => cols.forEach((c, k) => (params[`p${r}_${k}`] = row[c] ?? null)));
  await sql(ctx, `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values}`).run(params);
}

/** A row's own fault on PostgreSQL: an integrity constraint (class 23) or a bad value (class 22). */
function isPostgresRowFault(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return isPostgresError(err) && typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'));
}
