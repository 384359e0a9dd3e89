import { latestVersion } from '../../main/db/migrate';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openDatabase } from '../../main/db/connection';
import { backupDatabase } from '../../main/workspace/backup';
import { backupsFolder, listBackups } from '../../main/workspace/backups';
import { checkDatabase, type CheckReport } from '../../main/workspace/check';
import { smallBundle } from '../fixtures/small-bundle';
import { tempDir, tempWorkspace } from '../helpers/workspace';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env: {}, actor: 'test-user' });
  return { code, stdout, stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A workspace file holding the hand-made fixture (47 rows across every table). */
async function filledWorkspace(dir: string, name = 'x.db'): Promise<string> {
  const bundle = join(dir, 'fixture.json');
  writeFileSync(bundle, JSON.stringify(smallBundle()));
  const path = join(dir, name);
  expect((await cli('import', '--db', path, bundle)).code).toBe(0);
  return path;
}

/** Changes a workspace behind the app's back, as a careless script might. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

describe('check', () => {
  it('reports a sound workspace as ok, with its row counts, and changes nothing', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const before = hash(path);
    const run = await cli('check', '--db', path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Integrity    ok\n');
    expect(run.stdout).toContain('Foreign keys ok\n');
    expect(run.stdout).toContain('organisation 4, person 4, board 1,');
    expect(run.stdout).toContain('Result       ok: no problems found\n');
    expect(hash(path)).toBe(before);

    const json = JSON.parse((await cli('check', '--db', path, '--json')).stdout) as CheckReport;
    expect(json).toMatchObject({ ok: true, schemaVersion: latestVersion(), latestSchemaVersion: latestVersion(), integrity: ['ok'], foreignKeys: [], problems: [] });
    expect(json.rows).toMatchObject({ organisation: 4, meeting: 2, spend: 2, audit_log: 2 });
  });

  it('finds rows that point at missing records', async () => {
    const path = await filledWorkspace(tempDir());
    tamper(path, 'DELETE FROM organisation WHERE id = 4');
    const run = await cli('check', '--db', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Foreign keys 2 rows refer to missing records');
    expect(run.stdout).toContain('  - 1 person row refers to a missing organisation.');
    expect(run.stdout).toContain('  - 1 award row refers to a missing organisation.');
  });

  it('finds a schema changed outside the app', async () => {
    const path = await filledWorkspace(tempDir());
    tamper(path, 'DROP INDEX person_family_name; CREATE TABLE scratch (x INTEGER)');
    const report = checkDatabase(path);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `The index person_family_name of schema version ${latestVersion()} is missing.`,
      'The table scratch is not part of the workspace schema (it was added outside the app).',
    ]);
  });

  it('finds damage with the full integrity check', async () => {
    const path = await filledWorkspace(tempDir());
    const bytes = readFileSync(path);
    bytes.fill(0, 4096 * 2, 4096 * 4);
    writeFileSync(path, bytes);
    const before = hash(path);
    const run = await cli('check', '--db', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/The file failed its integrity check: .+ Restore it from your latest backup\./);
    expect(hash(path)).toBe(before);
  });

  it('refuses a zero-byte file, says what it is, and leaves it zero bytes', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const run = await cli('check', '--db', empty);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`error: ${empty} is empty (0 bytes): it holds no workspace.`);
    expect(run.stderr).toContain('Restore the workspace from a backup');
    expect(readFileSync(empty)).toHaveLength(0);
    expect(readdirSync(dir)).toEqual(['empty.db']);
  });

  it('refuses a file that is not SQLite, and leaves it as it was', async () => {
    const dir = tempDir();
    const text = join(dir, 'agenda.db');
    writeFileSync(text, '1. Welcome and apologies\n2. Minutes of the last meeting\n');
    const before = hash(text);
    expect(() => checkDatabase(text)).toThrow(expect.objectContaining({ code: 'db.notSqlite' }));
    expect((await cli('check', '--db', text)).code).toBe(1);
    expect(hash(text)).toBe(before);
  });
});

describe('backup', () => {
  it('makes a copy that opens, passes its checks and holds the same rows', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const out = join(dir, 'backups-x.db');
    const run = await cli('backup', '--db', path, '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('the copy opens and passes its integrity check');

    const original = checkDatabase(path);
    const copy = checkDatabase(out);
    expect(copy.ok).toBe(true);
    expect(copy.rows).toEqual(original.rows);
    expect(copy.rows.organisation).toBe(4);

    // One self-contained file; the app turns WAL back on when it opens it.
    const raw = new Database(out, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const reopened = openDatabase(out);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('copies what was committed while another connection is mid-write (online backup)', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Fire and Rescue Service', kind: 'fire' });
    const writer = new Database(ws.path);
    writer.pragma('busy_timeout = 5000');
    writer.exec('BEGIN IMMEDIATE');
    writer.exec(`INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('Uncommitted', 'other', '2020-01-01', '2020-01-01')`);
    const out = join(ws.dir, 'copy.db');
    const result = await backupDatabase(ws.db, out);
    writer.exec('ROLLBACK');
    writer.close();
    expect(result).toMatchObject({ path: out, schemaVersion: latestVersion() });
    expect(checkDatabase(out).rows.organisation).toBe(1);
  });

  it('never replaces an existing file (an older backup, another workspace, a read-only file), and never the workspace itself', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const out = join(dir, 'nightly.db');
    expect((await cli('backup', '--db', path, '--out', out)).code).toBe(0);
    tamper(path, `INSERT INTO setting (key, value) VALUES ('userName', 'Ben')`);
    const readOnly = join(dir, 'minutes.docx');
    writeFileSync(readOnly, 'minutes');
    chmodSync(readOnly, 0o444);
    for (const existing of [out, readOnly]) {
      const before = hash(existing);
      const run = await cli('backup', '--db', path, '--out', existing);
      expect(run).toMatchObject({ code: 1, stderr: `error: ${existing} already exists; a backup never replaces a file: choose a new name.\n` });
      expect(hash(existing)).toBe(before);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const before = hash(path);
    for (const same of [path, join(dir, '.', 'x.db')]) {
      const run = await cli('backup', '--db', path, '--out', same);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`error: ${same} is the workspace itself; a backup must go to another file.\n`);
    }
    expect(hash(path)).toBe(before);
  });

  it('says when the folder for the backup does not exist', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const run = await cli('backup', '--db', path, '--out', join(dir, 'no-such-folder', 'b.db'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-folder does not exist; create it or choose another place for the backup.');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('says when --out is a folder', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const run = await cli('backup', '--db', path, '--out', dir);
    expect(run).toMatchObject({ code: 1, stderr: `error: ${dir} is a folder; give the backup a file name, such as ${join(dir, 'workspace-backup.db')}.\n` });
  });

  it('without --out makes a manual backup in the backups folder, which backups lists', async () => {
    const dir = tempDir();
    const path = await filledWorkspace(dir);
    const run = await cli('backup', '--db', path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [made, ...rest] = listBackups(path);
    expect(rest).toEqual([]);
    expect(made).toMatchObject({ reason: 'manual', unusable: null });
    expect(run.stdout).toContain(`to ${made!.path} (a manual backup in ${backupsFolder(path)}, listed by backups)`);
    expect(checkDatabase(made!.path).rows).toEqual(checkDatabase(path).rows);
    expect((await cli('backups', '--db', path)).stdout).toContain(made!.name);
  });
});
