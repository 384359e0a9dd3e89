import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * A fingerprint of every table in the file (each table named in sqlite_schema, the audit
 * log, sqlite_sequence and the search index's own tables included): its rows, in no
 * particular order, hashed. Two equal fingerprints mean no row was added, removed or changed.
 */
export function tableHashes(db: Database): Map<string, { rows: number; hash: string }> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const out = new Map<string, { rows: number; hash: string }>();
  for (const name of tables) {
    const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][];
    const lines = rows.map((row) => JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? `${v}n` : v)))).sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    out.set(name, { rows: rows.length, hash: hash.digest('hex') });
  }
  out.set('(user_version)', { rows: 1, hash: String(db.pragma('user_version', { simple: true })) });
  return out;
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: Map<string, { rows: number; hash: string }>, after: Map<string, { rows: number; hash: string }>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n)?.hash !== after.get(n)?.hash).map((n) => `${n} (${before.get(n)?.rows ?? 'absent'} → ${after.get(n)?.rows ?? 'absent'} rows)`);
}
