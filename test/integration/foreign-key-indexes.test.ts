import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { tempDir } from '../helpers/workspace';

/** Foreign keys whose column is not the first column of any index on its table. */
function unindexedForeignKeys(db: Database.Database): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[];
  const missing: string[] = [];
  for (const { name } of tables) {
    const keys = db.pragma(`foreign_key_list("${name}")`) as { from: string; table: string }[];
    const leading = new Set(
      (db.pragma(`index_list("${name}")`) as { name: string }[]).map((i) => (db.pragma(`index_info("${i.name}")`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name),
    );
    for (const key of keys) if (!leading.has(key.from)) missing.push(`${name}.${key.from} → ${key.table}`);
  }
  return missing;
}

describe('foreign keys', () => {
  it('every foreign key has an index that starts with it, so checks and deletes never scan the child table', () => {
    const db = openDatabase(join(tempDir(), 'ws.db'));
    try {
      const keys = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema s, pragma_foreign_key_list(s.name) WHERE s.type = 'table'`).get() as { n: number }).n;
      expect(keys).toBeGreaterThan(40); // the check really walks the schema
      expect(unindexedForeignKeys(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('finds a foreign key without an index (the check can fail)', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), other_id INTEGER REFERENCES parent(id));
             CREATE INDEX child_other ON child (other_id, id);`);
    expect(unindexedForeignKeys(db)).toEqual(['child.parent_id → parent']);
    db.close();
  });
});

describe('migration 003 (foreign-key indexes), from a version-2 workspace', () => {
  it('adds the indexes and keeps every row', () => {
    const path = join(tempDir(), 'v2.db');
    const raw = new Database(path);
    migrate(raw, migrations.filter((m) => m.version <= 2));
    raw.exec(`INSERT INTO organisation (id, name, kind, created_at, updated_at) VALUES (1, 'Kent Police', 'police', '2020-01-01T00:00:00', '2020-01-01T00:00:00')`);
    expect(unindexedForeignKeys(raw).length).toBeGreaterThan(20);
    expect(migrate(raw, migrations.filter((m) => m.version <= 3))).toEqual({ from: 2, to: 3 });
    expect(schemaVersion(raw)).toBe(3);
    expect(unindexedForeignKeys(raw)).toEqual([]);
    expect(raw.prepare('SELECT name FROM organisation').all()).toEqual([{ name: 'Kent Police' }]);
    raw.close();
  });
});
