import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { latestVersion, migrate, schemaVersion, type Migration } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { tempDir } from '../helpers/workspace';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('the workspace file', () => {
  it('is opened with WAL, foreign keys and a busy timeout, at the latest schema', () => {
    const path = join(tempDir(), 'ws.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(latestVersion());
    db.close();
  });

  it('has only STRICT tables', () => {
    const db = openDatabase(join(tempDir(), 'ws.db'));
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'Minutes of the Strategic Board, typed into the wrong file');
    const before = hash(path);
    expect(() => openDatabase(path)).toThrow(/is not a Board Secretariat workspace/);
    expect(hash(path)).toBe(before);
  });

  it('refuses a workspace from a newer version of the app and leaves it untouched', () => {
    const path = join(tempDir(), 'future.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    const before = hash(path);
    expect(() => openDatabase(path)).toThrow(/saved by a newer version/);
    expect(hash(path)).toBe(before);
  });

  it('refuses a file that fails its integrity check', () => {
    const dir = tempDir();
    const path = join(dir, 'ws.db');
    const db = openDatabase(path);
    const insert = db.prepare(`INSERT INTO organisation (name, created_at, updated_at) VALUES (?, '2020-01-01T00:00:00', '2020-01-01T00:00:00')`);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`Organisation ${i} with a long enough name to fill pages`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Scribble over the middle of the file (past the header and schema page).
    bytes.fill(0xa5, 8192, 8192 + 4096);
    const broken = join(dir, 'broken.db');
    writeFileSync(broken, bytes);
    const before = hash(broken);
    expect(() => openDatabase(broken)).toThrow(/failed its integrity check|not a Board Secretariat workspace|malformed/);
    expect(hash(broken)).toBe(before);
  });

  it('runs pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const path = join(tempDir(), 'ws.db');
    const db = openDatabase(path);
    db.prepare(`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Kent Police', 'x', 'x')`).run();
    const good: Migration = { version: latestVersion() + 1, name: 'add a column', sql: `ALTER TABLE organisation ADD COLUMN website TEXT NOT NULL DEFAULT ''`, postgres: `ALTER TABLE organisation ADD COLUMN website TEXT NOT NULL DEFAULT ''` };
    const bad: Migration = { version: latestVersion() + 2, name: 'broken', sql: `CREATE TABLE oops (; `, postgres: `CREATE TABLE oops (; ` };
    expect(() => migrate(db, [...migrations, good, bad])).toThrow();
    expect(schemaVersion(db)).toBe(latestVersion());
    const cols = db.prepare(`SELECT name FROM pragma_table_info('organisation')`).all().map((r) => (r as { name: string }).name);
    expect(cols).not.toContain('website');
    expect(migrate(db, [...migrations, good])).toEqual({ from: latestVersion(), to: latestVersion() + 1 });
    db.close();
  });
});

describe('migration 001 (initial schema), from an empty file (version 0)', () => {
  it('creates every area the issues need, with money in pence and the audit trail', () => {
    const path = join(tempDir(), 'v0.db');
    const raw = new Database(path);
    expect(schemaVersion(raw)).toBe(0);
    expect(migrate(raw, migrations.filter((m) => m.version <= 1))).toEqual({ from: 0, to: 1 });
    const names = (raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    for (const t of [
      'organisation', 'person', 'board', 'membership', 'membership_substitute', 'board_quorum_organisation', 'meeting', 'attendance',
      'agenda_item', 'declaration', 'forward_plan_item', 'paper', 'paper_section', 'paper_version', 'decision', 'decision_indicator',
      'action', 'action_update', 'framework_theme', 'indicator', 'indicator_value', 'funding_stream', 'stream_allocation',
      'budget_line', 'award', 'award_year', 'spend', 'claim', 'import_mapping', 'setting', 'audit_log',
    ]) {
      expect(names, t).toContain(t);
    }
    const moneyCols = raw.prepare(`SELECT m.name AS tbl, p.name AS col, p.type FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%pence'`).all() as { type: string }[];
    expect(moneyCols.length).toBeGreaterThan(5);
    expect(new Set(moneyCols.map((c) => c.type))).toEqual(new Set(['INTEGER']));
    raw.close();
  });

  it('keeps a copy of a version-0 file unchanged when it is only copied', () => {
    const dir = tempDir();
    const path = join(dir, 'ws.db');
    openDatabase(path).close();
    copyFileSync(path, join(dir, 'copy.db'));
    expect(hash(join(dir, 'copy.db'))).toBe(hash(path));
  });
});
