import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { sqliteStore } from '../../main/db/sqlite-store';
import { sql } from '../../main/db/statements';

const MAIN = fileURLToPath(new URL('../../main', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * A deferred transaction takes the write lock only at its first write, so a busy workspace is
 * met half-way through (or its snapshot is stale: SQLITE_BUSY_SNAPSHOT). A better-sqlite3
 * transaction (db.transaction(fn)) is run with .immediate(). Kysely's transactions
 * (.transaction() with no arguments) begin as their driver says, so they are allowed only
 * where that is known, each named here with the reason; the SQLite store's is checked below.
 */
const KYSELY_TRANSACTIONS = new Map([
  ['db/sqlite-store.ts', 'store.write: its driver begins IMMEDIATE (checked below)'],
  ['db/postgres-store.ts', 'store.write on PostgreSQL, which has no deferred write lock to take'],
  ['db/migrate-postgres.ts', 'PostgreSQL only'],
  ['workspace/bundle.ts', "the bundle export's consistent read, which writes nothing"],
]);

describe('write transactions', () => {
  it('are BEGIN IMMEDIATE everywhere in main/: no db.transaction(...) is called plainly', () => {
    const plain: string[] = [];
    for (const file of sources(MAIN)) {
      const rel = file.slice(MAIN.length + 1).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.transaction\(/g)) {
        const start = m.index + '.transaction'.length;
        if (text.startsWith('()', start)) {
          if (!KYSELY_TRANSACTIONS.has(rel)) plain.push(`${rel}: a Kysely transaction outside the places listed in KYSELY_TRANSACTIONS`);
          continue;
        }
        // A better-sqlite3 transaction(...) is closed by `})()`, `)()` or `})(` + args: all of them plain calls.
        let depth = 0;
        let i = start;
        for (; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) break;
        }
        const after = text.slice(i + 1, i + 40).trimStart();
        if (!after.startsWith('.immediate(')) plain.push(`${rel}: ${after.split('\n')[0]}`);
      }
    }
    expect(plain).toEqual([]);
  });

  it("on a SQLite store hold the write lock from their start, before the work's first statement", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-immediate-'));
    const path = join(dir, 'workspace.db');
    const store = sqliteStore(openDatabase(path));
    const other = new Database(path, { timeout: 0 });
    try {
      let refused: unknown;
      await store.write(async () => {
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
        } catch (err) {
          refused = err;
        }
      });
      expect((refused as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      // Once the write is over, the lock is free again.
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
      expect(await sql<{ n: number }>({ db: store.kysely, engine: 'sqlite' }, 'SELECT 1 AS n').get()).toEqual({ n: 1 });
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
