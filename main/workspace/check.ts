import BetterSqlite3, { type Database } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { openDatabase, openedWorkspace } from '../db/connection';
import { latestVersion, migrate, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { dataTables } from './bundle';

const { SqliteError } = BetterSqlite3;

export interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

export interface CheckReport {
  path: string;
  /** True when nothing below is a problem. */
  ok: boolean;
  bytes: number;
  schemaVersion: number | null;
  latestSchemaVersion: number;
  /** PRAGMA integrity_check's findings: ['ok'] when the file is sound. */
  integrity: string[];
  /** PRAGMA foreign_key_check's findings (the first 100). */
  foreignKeys: ForeignKeyProblem[];
  /** Rows in each data table (when the file could be read). */
  rows: Record<string, number>;
  /** Sentences the user can act on; empty when ok. */
  problems: string[];
  /** Things worth knowing that are not problems, e.g. an older schema awaiting upgrade. */
  notes: string[];
}

const LISTED = 100;

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

function schemaObjects(db: Database): SchemaObject[] {
  return db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as SchemaObject[];
}

/** The tables and indexes the migrations up to `version` create, from a scratch in-memory database. */
function expectedSchema(version: number): SchemaObject[] {
  const scratch = new BetterSqlite3(':memory:');
  try {
    migrate(scratch, migrations.filter((m) => m.version <= version));
    return schemaObjects(scratch);
  } finally {
    scratch.close();
  }
}

function compareSchema(db: Database, version: number): string[] {
  const want = new Map(expectedSchema(version).map((o) => [o.name, o]));
  const have = new Map(schemaObjects(db).map((o) => [o.name, o]));
  const found: string[] = [];
  for (const [name, o] of want) {
    const h = have.get(name);
    if (!h) found.push(`The ${o.type} ${name} of schema version ${version} is missing.`);
    else if (h.sql !== o.sql) found.push(`The ${o.type} ${name} differs from schema version ${version} (it was changed outside the app).`);
  }
  for (const [name, o] of have) {
    if (!want.has(name)) found.push(`The ${o.type} ${name} is not part of the workspace schema (it was added outside the app).`);
  }
  return found;
}

function describeSqliteError(err: unknown): string {
  if (err instanceof SqliteError) return `${err.message} (${err.code})`;
  throw err;
}

/**
 * Checks a workspace file without changing it: opened read-only, PRAGMA integrity_check
 * (the full one, not the quick check done on every open), foreign_key_check, the schema
 * version and the schema itself against what the migrations create. A file that is missing
 * or not SQLite at all is refused (DomainError) as openDatabase refuses it.
 */
export function checkDatabase(path: string): CheckReport {
  const report: CheckReport = {
    path,
    ok: false,
    bytes: statSync(path, { throwIfNoEntry: false })?.size ?? 0,
    schemaVersion: null,
    latestSchemaVersion: latestVersion(),
    integrity: [],
    foreignKeys: [],
    rows: {},
    problems: [],
    notes: [],
  };
  const db = openDatabase(path, { create: false, readonly: true, verify: false });
  report.notes.push(...(openedWorkspace(db)?.warnings ?? []).map((w) => w.message));
  try {
    try {
      report.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      report.integrity = [describeSqliteError(err)];
    }
    if (report.integrity.length !== 1 || report.integrity[0] !== 'ok') {
      const [first] = report.integrity;
      const more = report.integrity.length > 1 ? ` (and ${report.integrity.length - 1} more findings)` : '';
      report.problems.push(`The file failed its integrity check: ${first}${more}. Restore it from your latest backup.`);
      return finish(report);
    }

    const version = schemaVersion(db);
    report.schemaVersion = version;
    const objects = schemaObjects(db).length;
    if (version > report.latestSchemaVersion) {
      report.problems.push(
        `The workspace was saved by a newer version of Board Secretariat (schema ${version}; this version reads up to ${report.latestSchemaVersion}). Install the latest version to open it.`,
      );
    } else if (version === 0) {
      report.problems.push(
        objects === 0
          ? 'The file is an empty database, not a workspace yet. Create a workspace with init.'
          : 'The file is an SQLite database of another program, not a Board Secretariat workspace.',
      );
    } else {
      if (version < report.latestSchemaVersion) {
        report.notes.push(`Schema version ${version} will be upgraded to ${report.latestSchemaVersion} when the app next opens the file.`);
      }
      report.problems.push(...compareSchema(db, version));
    }

    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    report.foreignKeys = fk.slice(0, LISTED).map(({ table, rowid, parent }) => ({ table, rowid, parent }));
    const byPair = new Map<string, number>();
    for (const v of fk) byPair.set(`${v.table}\u0000${v.parent}`, (byPair.get(`${v.table}\u0000${v.parent}`) ?? 0) + 1);
    for (const [pair, n] of byPair) {
      const [table, parent] = pair.split('\u0000') as [string, string];
      report.problems.push(`${n} ${table.replace(/_/g, ' ')} row${n === 1 ? ' refers' : 's refer'} to a missing ${parent.replace(/_/g, ' ')}.`);
    }

    if (version > 0 && version <= report.latestSchemaVersion) {
      for (const t of dataTables()) report.rows[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    }
  } catch (err) {
    report.problems.push(`The file could not be read as a workspace: ${describeSqliteError(err)}.`);
  } finally {
    db.close();
  }
  return finish(report);
}

function finish(report: CheckReport): CheckReport {
  report.ok = report.problems.length === 0;
  return report;
}
