import { sqliteStore } from '../../main/db/sqlite-store';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, toErrorShape } from '../../main/api/dispatch';
import { openDatabase } from '../../main/db/connection';
import { latestVersion, migrate, schemaVersion, type Migration } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { openFailureMessage } from '../../main/db/sqlite-errors';
import { tempDir, tempWorkspace } from '../helpers/workspace';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const setName = (value: string) => ({ key: 'organisationName' as const, value });

/** A closed workspace with enough organisation rows to fill several pages. */
function fullWorkspace(path: string): void {
  const db = openDatabase(path);
  const insert = db.prepare(`INSERT INTO organisation (name, created_at, updated_at) VALUES (?, '2020-01-01T00:00:00', '2020-01-01T00:00:00')`);
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`Organisation ${i} with a long enough name to fill pages`);
  })();
  db.close();
}

describe('the workspace file is opened for safe writes', () => {
  it('syncs every commit (synchronous=FULL), so an acknowledged write survives a power cut', async () => {
    const ws = await tempWorkspace();
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('SQLite failures of the file, in words, through the dispatcher', () => {
  it('disk full (SQLITE_FULL): says so and what to do; nothing of the write is kept', async () => {
    const ws = await tempWorkspace();
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages}`); // the file may not grow: as a full disk
    const error = await ws.fails('workspace.loadDemo', {});
    expect(error.code).toBe('workspace.diskFull');
    expect(error.message).toBe(
      `The disk holding the workspace ${ws.path} is full; nothing was saved. Free some space on it (empty the Recycle Bin, move large files elsewhere), then try again.`,
    );
    ws.db.pragma('max_page_count = 4294967294');
    expect((await ws.call('workspace.info')).isEmpty).toBe(true);
  });

  it('read-only (SQLITE_READONLY): a connection that may not write says why and what to do', async () => {
    const ws = await tempWorkspace();
    const path = ws.path;
    ws.db.close();
    const db = openDatabase(path, { readonly: true });
    try {
      const env = await dispatch({ store: sqliteStore(db), actor: 'test', log: () => {} }, 'workspace.setSetting', setName('Kent Police'));
      expect(env).toMatchObject({ ok: false, error: { code: 'workspace.readOnly' } });
      expect(!env.ok && env.error.message).toBe(
        `The workspace ${path} could not be written: the file or its folder is read-only, or was made read-only since it was opened (SQLITE_READONLY); nothing was saved. Make the file and its folder writable, then reopen the workspace.`,
      );
    } finally {
      db.close();
    }
  });

  it('busy (every SQLITE_BUSY variant): another connection holding the write lock is named, and nothing is changed', async () => {
    const ws = await tempWorkspace();
    ws.db.pragma('busy_timeout = 20');
    const other = new Database(ws.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await ws.fails('workspace.setSetting', setName('Kent Police'));
      expect(error.code).toBe('busy');
      expect(error.message).toBe(
        `The workspace is busy: another window or program is writing to the workspace ${ws.path}. Nothing was changed. Try again in a moment; if it stays busy, close the other program (or the app's other window).`,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await ws.call('workspace.info')).settings).toEqual({});
    await ws.call('workspace.setSetting', setName('Kent Police'));
    // The variants carry the same words (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT).
    for (const code of ['SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']) {
      expect(toErrorShape(new Database.SqliteError('database is locked', code), () => {}, ws.path).code, code).toBe('busy');
    }
  });

  it('damaged (SQLITE_CORRUPT) met during a read: names the file, the backups folder and restore', async () => {
    const dir = tempDir();
    const path = join(dir, 'copy.db');
    fullWorkspace(path);
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    const db = openDatabase(path, { verify: false });
    try {
      const env = await dispatch({ store: sqliteStore(db), actor: 'test', log: () => {} }, 'workspace.info', {});
      expect(env).toMatchObject({ ok: false, error: { code: 'db.corrupt' } });
      const message = !env.ok ? env.error.message : '';
      expect(message).toContain(`The workspace ${path} is damaged (`);
      expect(message).toContain('Restore the newest backup from the backups folder beside the workspace with npm run cli -- restore');
    } finally {
      db.close();
    }
  });

  it('damaged at open: offers the newest good backup when the backups list is connected', () => {
    const dir = tempDir();
    const path = join(dir, 'copy.db');
    fullWorkspace(path);
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    const before = hash(path);
    const backup = join(dir, 'backups', 'workspace-2020-03-01.db');
    expect(() => openDatabase(path, { newestGoodBackup: () => backup })).toThrow(
      expect.objectContaining({
        code: 'db.corrupt',
        message: expect.stringContaining(`The newest good backup is ${backup}; restore it with npm run cli -- restore --db "${path}" --from "${backup}" (the damaged file is kept in the backups folder).`),
      }),
    );
    expect(hash(path)).toBe(before);
  });

  it('an I/O error (SQLITE_IOERR_*), from a real SqliteError: says the change was not saved and to check the drive', () => {
    // Not provoked on a real file: Linux gives no honest way to make a disk fail under a test.
    const logged: unknown[] = [];
    const shape = toErrorShape(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC'), (_m, e) => logged.push(e), '/data/workspace.db');
    expect(shape).toEqual({
      code: 'workspace.ioError',
      message:
        'The computer could not read or write the workspace /data/workspace.db (a disk or connection error, SQLITE_IOERR_FSYNC); the change was not saved. Check that the drive is still connected and working, then reopen the workspace and try again. If it keeps happening, copy the workspace to another disk.',
    });
    expect(logged).toHaveLength(1);
  });
});

describe('a failed migration', () => {
  it('is db.migrationFailed, naming the version and saying the file was left unchanged; no SQL reaches the user', () => {
    const path = join(tempDir(), 'ws.db');
    openDatabase(path).close();
    const before = hash(path);
    const bad: Migration = { version: latestVersion() + 1, name: 'add the meeting venue', sql: `ALTER TABLE no_such_table ADD COLUMN venue TEXT`, postgres: `ALTER TABLE no_such_table ADD COLUMN venue TEXT` };
    const db = new Database(path);
    let thrown: unknown;
    try {
      migrate(db, [...migrations, bad]);
    } catch (err) {
      thrown = err;
    }
    expect(schemaVersion(db)).toBe(latestVersion());
    db.close();
    expect(thrown).toMatchObject({ code: 'db.migrationFailed' });
    const message = openFailureMessage(thrown, path);
    expect(message).toBe(
      `The workspace ${path} could not be upgraded to schema version ${latestVersion() + 1} (add the meeting venue); the file was left unchanged at version ${latestVersion()}. ` +
        'You can keep using it with the version of the app that last opened it. Tell the administrator, who can check it with npm run cli -- check --db <file>.',
    );
    expect(message).not.toMatch(/no_such_table|ALTER/);
    expect(hash(path)).toBe(before);
  });
});

describe('why a workspace could not be opened (the Electron error box and the CLI)', () => {
  it('puts file-system errors in words, and never shows a raw message', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(openFailureMessage(enospc, '/data/ws.db')).toBe('The disk holding the workspace /data/ws.db is full. Free some space on it, then open the app again.');
    const eacces = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES', syscall: 'mkdir' });
    expect(openFailureMessage(eacces, '/data/ws.db')).toContain('You do not have permission to open the workspace /data/ws.db or its folder.');
    expect(openFailureMessage(new TypeError('x is undefined'), '/data/ws.db')).not.toContain('x is undefined');
    expect(openFailureMessage(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), '/data/ws.db')).toContain('is full; nothing was saved');
  });
});
