import { parsePostgresTarget, postgresLocation } from '../db/postgres-store';
import { schema, type TableName, type TableSchema } from '../db/schema';
import { sameFile } from '../db/sqlite-file';
import { isPostgresTarget, type Store } from '../db/store';
import { inTransaction, makeCtx } from '../shared/context';
import { DomainError } from '../shared/errors';
import { plural } from '../shared/plural';
import { dataTables, exportBundle, importBundle, type Bundle, type BundleRow } from './bundle';
import { openEmptyTarget } from './new-workspace';

/**
 * Moving a workspace to the other engine (a file into PostgreSQL when a team outgrows it, or
 * a PostgreSQL workspace back into a file): a copy through the bundle, so every row is
 * validated by the import as any bundle is. The copy goes into an empty target in one
 * transaction, and before that transaction commits the copy is exported again and compared
 * with the workspace row for row: a copy that differs is never committed. The workspace
 * moved from is only read, and left as it was.
 */

export interface MoveOptions {
  actor: string;
  now: () => Date;
  /** Recorded in the copy's audit trail as the operation that made it: cli.move, workspace.moveTo. */
  operation: string;
  /** The PostgreSQL target's password, when its address has none (typed in the app; else pgpass). */
  password?: string;
}

export interface MoveReport {
  /** Where the workspace was, and where the copy is (never a password). */
  from: string;
  target: string;
  rows: number;
  tables: number;
  verified: true;
  message: string;
  /**
   * How long each step took, in milliseconds: reading the workspace, opening the target (on
   * PostgreSQL, giving an empty database the tables), writing the copy, and reading it back
   * to compare and committing.
   */
  ms: { export: number; open: number; import: number; verify: number; total: number };
}

/** Where a target points, as its store's location would say it, for the same-place check before opening it. */
function locationOf(target: string): string {
  return isPostgresTarget(target) ? postgresLocation(parsePostgresTarget(target)) : target;
}

function isSamePlace(source: Store, target: string): boolean {
  if (isPostgresTarget(target)) return source.engine === 'postgres' && locationOf(target) === source.location;
  return source.engine === 'sqlite' && sameFile(source.location, target);
}

/** A row as its values in the schema's column order, so that the engines' column order and key order do not matter. */
function rowKey(columns: readonly string[], row: BundleRow): string {
  return JSON.stringify(columns.map((c) => row[c] ?? null));
}

/**
 * Where two bundles' tables differ, in words (empty when they are the same). Rows are
 * compared by value in the schema's column order; a table without a primary key is compared
 * as a set, since the engines may sort its text differently.
 */
export function bundleDifferences(a: Bundle['tables'], b: Bundle['tables']): string[] {
  const differences: string[] = [];
  for (const table of dataTables()) {
    const t = (schema as Record<TableName, TableSchema>)[table];
    const columns = t.columns.map((c) => c.name);
    const keyed = t.columns.some((c) => c.primaryKey);
    const left = (a[table] ?? []).map((r) => rowKey(columns, r));
    const right = (b[table] ?? []).map((r) => rowKey(columns, r));
    if (left.length !== right.length) {
      differences.push(`${table}: ${plural(left.length, 'row')} in the workspace, ${right.length.toLocaleString('en-GB')} in the copy`);
      continue;
    }
    if (!keyed) {
      left.sort();
      right.sort();
    }
    const at = left.findIndex((k, i) => k !== right[i]);
    if (at >= 0) differences.push(`${table}: row ${at + 1} differs (${left[at]!.slice(0, 120)} in the workspace, ${right[at]!.slice(0, 120)} in the copy)`);
  }
  return differences;
}

/** The copy's tables without the audit row its own import added (its last), to compare with the workspace's. */
function withoutImportRow(tables: Bundle['tables'], before: Bundle['tables']): Bundle['tables'] {
  const audit = tables.audit_log ?? [];
  return audit.length === (before.audit_log ?? []).length + 1 ? { ...tables, audit_log: audit.slice(0, -1) } : tables;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Copies the workspace open in `source` into `target` (a new or empty SQLite file, or an
 * empty PostgreSQL database), verified before it is committed. Refuses a target that holds
 * records, or is the workspace itself, before anything is written; on any failure the
 * target is left as it was (a file this created is removed; a database keeps nothing of the
 * rolled-back copy).
 */
export async function moveWorkspace(source: Store, target: string, options: MoveOptions): Promise<MoveReport> {
  if (isSamePlace(source, target)) {
    throw new DomainError('workspace.moveToItself', `${locationOf(target)} is the workspace being moved; choose a new file, or an empty PostgreSQL database.`, 'target');
  }
  const started = performance.now();
  const bundle = await exportBundle({ ...makeCtx(source, options.actor, options.now), operation: options.operation });
  const exported = performance.now();

  const { store, abandon } = await openEmptyTarget(
    target,
    (location) =>
      `${location} already holds a workspace with records; a workspace is moved only into an empty one, and this one has not been changed. Choose a new file, or ask IT for an empty database.`,
    'target',
    options.password,
  );
  const opened = performance.now();
  let imported = opened;
  let rows = 0;
  try {
    await store.write(async (trx) => {
      const ctx = inTransaction({ ...makeCtx(store, options.actor, options.now), operation: options.operation }, trx);
      const counts = await importBundle(ctx, bundle);
      rows = Object.values(counts).reduce((n, c) => n + c, 0);
      imported = performance.now();
      // Read back inside the same transaction: a copy that does not match is rolled back, never committed.
      const copy = await exportBundle(ctx);
      const differences = bundleDifferences(bundle.tables, withoutImportRow(copy.tables, bundle.tables));
      if (differences.length > 0) {
        throw new DomainError(
          'workspace.moveNotVerified',
          `The copy in ${store.location} did not match the workspace (${differences.slice(0, 3).join('; ')}${differences.length > 3 ? '; …' : ''}), so it was not kept; the workspace is unchanged. Tell the administrator.`,
          'target',
        );
      }
    });
  } catch (err) {
    await abandon();
    throw err;
  }
  const location = store.location;
  await store.close();
  const done = performance.now();
  const tables = Object.keys(bundle.tables).length;
  return {
    from: source.location,
    target: location,
    rows,
    tables,
    verified: true,
    message:
      `Moved the workspace to ${location}: ${plural(rows, 'row')} from ${plural(tables, 'table')} in ${seconds(done - started)}, in one transaction. ` +
      `Checked: the copy matches the workspace row for row (its one extra audit entry records the move). ` +
      `${source.location} is left as it was; from now on open ${location}.`,
    ms: { export: exported - started, open: opened - exported, import: imported - opened, verify: done - imported, total: done - started },
  };
}
