import { sqliteStore } from '../../main/db/sqlite-store';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { latestVersion, migrate, schemaVersion } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { makeCtx } from '../../main/shared/context';
import { backupsFolder, backupIfDue, createBackup, listBackups, openWorkspace, parseBackupName } from '../../main/workspace/backups';
import { resolveBackup, restoreBackup } from '../../main/workspace/backups-restore';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';

const NOW = new Date('2026-12-02T04:11:39Z');
const orgNames = (db: Database.Database) => (db.prepare('SELECT name FROM organisation ORDER BY id').all() as { name: string }[]).map((r) => r.name);
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function withOrganisation(): Promise<TestWorkspace> {
  const ws = await tempWorkspace({ now: () => NOW });
  await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
  return ws;
}

describe('automatic backups', () => {
  it('are verified copies in "<name> backups" beside the workspace, named by time and reason, listed newest first', async () => {
    const ws = await withOrganisation();
    const first = await createBackup(ws.db, 'daily', NOW);
    const second = await createBackup(ws.db, 'daily', NOW); // the same second and reason: numbered
    expect(backupsFolder(ws.path)).toBe(join(ws.dir, 'workspace backups'));
    expect(first).toMatchObject({ name: 'workspace 2026-12-02T041139Z daily.db', takenAt: '2026-12-02T04:11:39Z', reason: 'daily', schemaVersion: latestVersion() });
    expect(second.name).toBe('workspace 2026-12-02T041139Z daily 2.db');
    const later = await createBackup(ws.db, 'before-import', new Date('2026-12-03T09:00:00Z'));
    expect(listBackups(ws.path).map((b) => b.name)).toEqual([later.name, second.name, first.name]);
    expect(listBackups(ws.path)[0]).toEqual({ ...later, bytes: expect.any(Number) });
    expect(later.bytes).toBeGreaterThan(4096);
    const copy = new Database(later.path, { readonly: true });
    expect(orgNames(copy)).toEqual(['Kent Police']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(parseBackupName('workspace 2026-12-02T041139Z weekly.db')).toBeNull();
    expect(readdirSync(backupsFolder(ws.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('are made on open only when the newest is more than a day old, and never of an empty workspace', async () => {
    const empty = await tempWorkspace();
    expect(await backupIfDue(empty.db, NOW)).toBeNull();
    expect(existsSync(backupsFolder(empty.path))).toBe(false);

    const ws = await withOrganisation();
    expect((await backupIfDue(ws.db, NOW))?.reason).toBe('daily');
    expect(await backupIfDue(ws.db, new Date('2026-12-03T04:11:39Z'))).toBeNull(); // exactly a day
    expect((await backupIfDue(ws.db, new Date('2026-12-03T04:11:40Z')))?.name).toBe('workspace 2026-12-03T041140Z daily.db');
    expect(listBackups(ws.path)).toHaveLength(2);
  });

  it('are made before a migration, of the workspace as the older version left it', () => {
    const dir = tempDir();
    const path = join(dir, 'board.db');
    const old = new Database(path);
    migrate(old, migrations.filter((m) => m.version === 1));
    old.exec(`INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('Kent Fire and Rescue Service', 'fire', '2020-01-01', '2020-01-01')`);
    old.close();

    const db = openWorkspace(path);
    expect(schemaVersion(db)).toBe(latestVersion());
    db.close();
    const [backup, ...more] = listBackups(path);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ reason: 'before-migration', schemaVersion: 1 });
    expect(backup!.path).toBe(join(dir, 'board backups', backup!.name));
    const copy = new Database(backup!.path, { readonly: true });
    expect(orgNames(copy)).toEqual(['Kent Fire and Rescue Service']);
    copy.close();

    // Nothing pending, nothing copied; and a brand-new file is never "migrated from" anything.
    openWorkspace(path).close();
    expect(listBackups(path)).toHaveLength(1);
    openWorkspace(join(dir, 'new.db')).close();
    expect(existsSync(join(dir, 'new backups'))).toBe(false);
  });

  it('stop the open when the backup before a migration cannot be made, and leave the file at its version', () => {
    const dir = tempDir();
    const path = join(dir, 'board.db');
    const old = new Database(path);
    migrate(old, migrations.filter((m) => m.version === 1));
    old.close();
    writeFileSync(join(dir, 'board backups'), 'a file where the folder should be');
    expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'backup.beforeMigration', message: expect.stringContaining('Nothing was changed.') }));
    const after = new Database(path, { readonly: true });
    expect(schemaVersion(after)).toBe(1);
    after.close();
  });
});

describe('restore', () => {
  it('puts a backup back while another connection (WAL) has the workspace open: it reads the restored rows and can still write', async () => {
    const ws = await withOrganisation();
    const backup = await createBackup(ws.db, 'daily', NOW);
    await ws.call('organisation.create', { name: 'Medway Council', kind: 'council' });
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');

    const inode = statSync(ws.path).ino;
    // The command line (another connection to the same path) restores while the app's stays open.
    const other = openDatabase(ws.path, { create: false });
    const result = await restoreBackup(makeCtx(sqliteStore(other), 'cli-user', () => NOW), backup.path, backup.name);
    other.close();
    expect(result.savedFirst.reason).toBe('before-restore');
    expect(orgNames(ws.db)).toEqual(['Kent Police']);
    expect(statSync(ws.path).ino).toBe(inode); // the same file: the app's watch on it is not tripped
    await ws.call('organisation.create', { name: 'Kent County Council', kind: 'council' });
    expect(orgNames(ws.db)).toEqual(['Kent Police', 'Kent County Council']);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');

    // The state it replaced was saved first, and the restore is in the restored trail.
    const saved = new Database(result.savedFirst.path, { readonly: true });
    expect(orgNames(saved)).toEqual(['Kent Police', 'Medway Council']);
    saved.close();
    const trail = await ws.call('audit.list', { entity: 'workspace' });
    expect(trail).toMatchObject([{ actor: 'cli-user', action: 'update', entity: 'workspace', before: { saved_first_as: result.savedFirst.name }, after: { restored_from: backup.name } }]);
  });

  it('through the API, by name, on the connection the app uses', async () => {
    const ws = await withOrganisation();
    const made = await ws.call('backup.create');
    expect(made.reason).toBe('manual');
    await ws.call('organisation.update', { id: 1, name: 'Kent Police (renamed)' });
    const listed = await ws.call('backup.list');
    expect(listed.map((b) => b.name)).toEqual([made.name]);
    const result = await ws.call('backup.restore', { name: made.name });
    expect(result).toMatchObject({ restored: { name: made.name, schemaVersion: latestVersion() }, savedFirst: { reason: 'before-restore' }, schemaVersion: latestVersion() });
    expect(orgNames(ws.db)).toEqual(['Kent Police']);
    expect((await ws.call('backup.list')).map((b) => b.reason)).toEqual(['before-restore', 'manual']);
    const trail = await ws.call('audit.list', { entity: 'workspace' });
    expect(trail[0]).toMatchObject({ operation: 'backup.restore', actor: 'test' });
  });

  it('migrates an older backup it restores', async () => {
    const dir = tempDir();
    const oldPath = join(dir, 'old.db');
    const old = new Database(oldPath);
    migrate(old, migrations.filter((m) => m.version === 1));
    old.exec(`INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('Old Org', 'other', '2020-01-01', '2020-01-01')`);
    old.close();
    const ws = await withOrganisation();
    const result = await restoreBackup(makeCtx(ws.store, 'test', () => NOW), oldPath);
    expect(result.restored.schemaVersion).toBe(1);
    expect(schemaVersion(ws.db)).toBe(latestVersion());
    expect(orgNames(ws.db)).toEqual(['Old Org']);
  });

  it('restores a backup written with another page size (rebuilt first: the backup API cannot change a WAL file\'s)', async () => {
    const ws = await withOrganisation();
    const other = join(ws.dir, 'big-pages.db');
    ws.db.prepare('VACUUM INTO ?').run(other);
    const big = new Database(other);
    big.pragma('page_size = 8192');
    big.exec(`VACUUM; UPDATE organisation SET name = 'From the 8 KB copy'`);
    big.close();
    const before = hash(other);
    await restoreBackup(makeCtx(ws.store, 'test', () => NOW), other);
    expect(orgNames(ws.db)).toEqual(['From the 8 KB copy']);
    expect(ws.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(hash(other)).toBe(before);
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  describe('refuses, and changes nothing,', () => {
    async function refused(prepare: (ws: TestWorkspace) => string | Promise<string>, code: string, message: RegExp) {
      const ws = await withOrganisation();
      await createBackup(ws.db, 'daily', NOW);
      const from = await prepare(ws);
      const before = listBackups(ws.path);
      const fromHash = existsSync(from) ? hash(from) : null;
      await expect(restoreBackup(makeCtx(ws.store, 'test', () => NOW), from)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
      expect(listBackups(ws.path)).toEqual(before); // no before-restore backup: nothing was started
      expect(orgNames(ws.db)).toEqual(['Kent Police']);
      if (fromHash) expect(hash(from)).toBe(fromHash);
    }

    it('a file that is not SQLite', () =>
      refused((ws) => {
        const p = join(ws.dir, 'notes.db');
        writeFileSync(p, 'Minutes of the Strategic Board, 23 January 2020\n'.repeat(10));
        return p;
      }, 'backup.notSqlite', /notes\.db is not a backup of a Board Secretariat workspace \(it is not an SQLite database\)/));

    it('an SQLite database of another program', () =>
      refused((ws) => {
        const p = join(ws.dir, 'other.db');
        const db = new Database(p);
        db.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)');
        db.pragma('user_version = 3');
        db.close();
        return p;
      }, 'backup.notWorkspace', /other\.db is an SQLite database of another program/));

    it('a backup from a newer version', () =>
      refused((ws) => {
        const p = join(ws.dir, 'newer.db');
        copyFileSync(listBackups(ws.path)[0]!.path, p);
        const db = new Database(p);
        db.pragma(`user_version = ${latestVersion() + 1}`);
        db.close();
        return p;
      }, 'backup.newerVersion', new RegExp(`newer\\.db was saved by a newer version of Board Secretariat \\(schema ${latestVersion() + 1}`)));

    it('a backup that fails its integrity check', () =>
      refused((ws) => {
        const p = join(ws.dir, 'damaged.db');
        const bytes = readFileSync(listBackups(ws.path)[0]!.path);
        bytes.fill(0xa5, 4096 * 2 + 8, 4096 * 4); // inside the pages, past page 1's header
        writeFileSync(p, bytes);
        return p;
      }, 'backup.failedCheck', /damaged\.db failed its integrity check .*it is damaged and cannot be used/));

    it('the workspace itself, or its WAL file', async () => {
      await refused((ws) => ws.path, 'backup.isWorkspace', /is the workspace itself/);
      await refused((ws) => ws.path + '-wal', 'backup.isWorkspace', /is the workspace itself \(or one of its working files\)/);
    });

    it('a backup that does not exist', () => refused((ws) => join(ws.dir, 'gone.db'), 'backup.missing', /There is no backup file .*gone\.db/));
  });

  it('takes only a listed name from the page: never a path, never a name that is not there', async () => {
    const ws = await withOrganisation();
    await ws.call('backup.create');
    expect(await ws.fails('backup.restore', { name: 'workspace 2020-01-01T000000Z daily.db' })).toMatchObject({
      code: 'backup.missing',
      field: 'name',
      message: `There is no backup called "workspace 2020-01-01T000000Z daily.db" in ${backupsFolder(ws.path)}. Choose one of the backups listed.`,
    });
    expect(await ws.fails('backup.restore', { name: '../workspace.db' })).toMatchObject({ code: 'validation', field: 'name' });
    expect(await ws.fails('backup.restore', { name: ws.path })).toMatchObject({ code: 'validation', field: 'name' });
    expect(() => resolveBackup(ws.path, 'workspace.db', false)).toThrow(/There is no backup called "workspace.db"/);
    expect(orgNames(ws.db)).toEqual(['Kent Police']);
  });
});
