import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { sql } from '../../main/db/statements';
import type { Store } from '../../main/db/store';

export type TableHashes = Map<string, { rows: number; hash: string }>;

function fingerprint(rows: unknown[][]): { rows: number; hash: string } {
  const value = (v: unknown) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : v);
  const lines = rows.map((row) => JSON.stringify(row.map(value))).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { rows: rows.length, hash: hash.digest('hex') };
}

function sqliteHashes(db: Database): TableHashes {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const out: TableHashes = new Map();
  for (const name of tables) {
    out.set(name, fingerprint(db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][]));
  }
  out.set('(user_version)', { rows: 1, hash: String(db.pragma('user_version', { simple: true })) });
  return out;
}

/**
 * Every table of the workspace's schema. Sequences are left out: PostgreSQL never rolls a
 * sequence back, so a write that was undone still used up an id, and that is not a row
 * changed. (The schema version is a row of board_secretariat_meta, so it is covered.)
 */
async function postgresHashes(store: Store): Promise<TableHashes> {
  const target = { db: store.kysely, engine: store.engine };
  const tables = await sql<{ name: string }>(
    target,
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  ).all();
  const out: TableHashes = new Map();
  for (const { name } of tables) {
    const rows = await sql<Record<string, unknown>>(target, `SELECT * FROM "${name.replace(/"/g, '""')}"`).all();
    out.set(name, fingerprint(rows.map((row) => Object.values(row))));
  }
  return out;
}

/**
 * A fingerprint of every table of the workspace (on SQLite each table named in sqlite_schema,
 * the audit log, sqlite_sequence and the search index's own tables included; on PostgreSQL
 * each table of the workspace's schema): its rows, in no particular order, hashed. Two equal
 * fingerprints mean no row was added, removed or changed. Compare fingerprints of one
 * engine only: the engines spell values differently (PostgreSQL's booleans, for one).
 */
export async function tableHashes(source: Database | Store): Promise<TableHashes> {
  if (!('engine' in source)) return sqliteHashes(source);
  if (source.sqlite) return sqliteHashes(source.sqlite);
  return postgresHashes(source);
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: TableHashes, after: TableHashes): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n)?.hash !== after.get(n)?.hash).map((n) => `${n} (${before.get(n)?.rows ?? 'absent'} → ${after.get(n)?.rows ?? 'absent'} rows)`);
}
