import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { latestVersion } from '../../main/db/migrate';
import { formatMoment } from '../../main/shared/dates';
import { backupIfDue, backupsFolder, listBackups, openWorkspace, type BackupEntry } from '../../main/workspace/backups';
import { smallBundle } from '../fixtures/small-bundle';
import { tempDir } from '../helpers/workspace';

const NOW = new Date('2026-12-02T04:11:39Z');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { env: {}, actor: 'test-user', now: () => NOW });
  return { code, stdout, stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function organisationName(path: string, id: number): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM organisation WHERE id = ?').get(id) as { name: string }).name;
  } finally {
    db.close();
  }
}

describe('backups and restore on the command line', () => {
  it('round trip on the demo: backup, change a record, restore, the record is as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.db');
    expect((await cli('init', '--db', path, '--demo')).code).toBe(0);
    const original = organisationName(path, 1);

    expect(await cli('backups', '--db', path)).toMatchObject({ code: 0, stdout: `No backups of ${path} yet (they will be kept in ${join(dir, 'demo backups')}).\n` });
    const made = await cli('backup', '--db', path, '--out', join(dir, 'elsewhere.db'));
    expect(made.stdout).toContain('the copy opens and passes its integrity check');
    // The app's own backups: one made as the app does on open (the demo is more than a day without one).
    const db = openWorkspace(path);
    const daily = (await backupIfDue(db, NOW))!;
    db.close();

    const listed = await cli('backups', '--db', path);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`Backups of ${path}, newest first, in ${join(dir, 'demo backups')}:\n`);
    expect(listed.stdout).toContain(`  demo 2026-12-02T041139Z daily.db  ${formatMoment('2026-12-02T04:11:39Z')}  daily  `);
    expect(listed.stdout).toContain(`schema ${latestVersion()}\n`);
    const json = JSON.parse((await cli('backups', '--db', path, '--json')).stdout) as BackupEntry[];
    expect(json).toEqual([{ ...daily }]);

    const changed = new Database(path);
    changed.prepare(`UPDATE organisation SET name = 'Renamed by mistake' WHERE id = 1`).run();
    changed.close();
    expect(organisationName(path, 1)).toBe('Renamed by mistake');

    const restored = await cli('restore', '--db', path, '--from', daily.name);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain(`Restored ${path} from ${daily.name} (schema version ${latestVersion()}); it passes its checks.`);
    expect(organisationName(path, 1)).toBe(original);
    const names = listBackups(path).map((b) => b.reason);
    expect(names).toEqual(['before-restore', 'daily']);
    expect(organisationName(listBackups(path)[0]!.path, 1)).toBe('Renamed by mistake');
    expect((await cli('check', '--db', path)).code).toBe(0);

    // By path too: the copy made with backup --out.
    expect((await cli('restore', '--db', path, '--from', join(dir, 'elsewhere.db'))).code).toBe(0);
    expect(organisationName(path, 1)).toBe(original);
  });

  it('refuses a missing name, and the workspace itself, and changes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.db');
    expect((await cli('init', '--db', path, '--demo')).code).toBe(0);
    const before = hash(path);
    const missing = await cli('restore', '--db', path, '--from', 'demo 2020-01-01T000000Z daily.db');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `error: There is no backup called "demo 2020-01-01T000000Z daily.db" in ${backupsFolder(path)}. Choose one of the backups listed (the backups command lists them), or give the path of a backup file.\n`,
    );
    const itself = await cli('restore', '--db', path, '--from', path);
    expect(itself.stderr).toBe(`error: ${path} is the workspace itself (or one of its working files), not a backup of it. Choose a backup.\n`);
    const text = join(dir, 'agenda.db');
    writeFileSync(text, 'not a database');
    expect((await cli('restore', '--db', path, '--from', text)).stderr).toContain('agenda.db is not a backup of a Board Secretariat workspace');
    expect(hash(path)).toBe(before);
    expect(existsSync(backupsFolder(path))).toBe(false);
  });

  it('backup refuses a workspace from a newer version, and writes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'newer.db');
    expect((await cli('init', '--db', path)).code).toBe(0);
    const db = new Database(path);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    const out = join(dir, 'copy.db');
    const run = await cli('backup', '--db', path, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${path} was saved by a newer version of Board Secretariat (schema ${latestVersion() + 1}; this version reads up to ${latestVersion()}). Back it up with that version; nothing was written.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('import backs up a workspace file that was already there, and not a file it creates', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'fixture.json');
    writeFileSync(bundle, JSON.stringify(smallBundle()));
    const fresh = join(dir, 'fresh.db');
    expect((await cli('import', '--db', fresh, bundle)).code).toBe(0);
    expect(existsSync(backupsFolder(fresh))).toBe(false);

    const existing = join(dir, 'existing.db');
    expect((await cli('init', '--db', existing)).code).toBe(0);
    expect((await cli('import', '--db', existing, bundle)).code).toBe(0);
    const [backup, ...more] = listBackups(existing);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ name: 'existing 2026-12-02T041139Z before-import.db', reason: 'before-import', schemaVersion: latestVersion() });
    const copy = new Database(backup!.path, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n).toBe(0);
    copy.close();
  });
});

describe('restore of a workspace that cannot be opened', () => {
  it('keeps the damaged file in the backups folder and puts the backup in its place', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.db');
    expect((await cli('init', '--db', path, '--demo')).code).toBe(0);
    const original = organisationName(path, 1);
    const db = openWorkspace(path);
    const daily = (await backupIfDue(db, NOW))!;
    db.close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096 * 2 + 8, 4096 * 6);
    writeFileSync(path, bytes);
    const damaged = hash(path);
    expect((await cli('check', '--db', path)).code).toBe(1);

    const run = await cli('restore', '--db', path, '--from', daily.name);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${path} could not be opened (it is damaged). The damaged file is kept as`);
    expect(run.stdout).not.toContain('restore it with'); // the open's advice to run this very command
    expect(run.stdout).toContain(`The damaged file is kept as demo 2026-12-02T041139Z damaged.db in ${backupsFolder(path)}.`);
    expect(organisationName(path, 1)).toBe(original);
    expect((await cli('check', '--db', path)).code).toBe(0);
    expect(hash(join(backupsFolder(path), 'demo 2026-12-02T041139Z damaged.db'))).toBe(damaged);
    // Kept for rescue, never offered as a backup: not listed, so never the "newest good backup".
    expect(listBackups(path).map((b) => b.name)).toEqual([daily.name]);
  });

  it('puts a backup over a workspace left empty (zero bytes)', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.db');
    expect((await cli('init', '--db', path, '--demo')).code).toBe(0);
    const copy = join(dir, 'copy.db');
    expect((await cli('backup', '--db', path, '--out', copy)).code).toBe(0);
    writeFileSync(path, '');
    const run = await cli('restore', '--db', path, '--from', copy);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${path} could not be opened (it is empty: zero bytes). The damaged file is kept as demo 2026-12-02T041139Z damaged.db`);
    expect(organisationName(path, 1)).toBe(organisationName(copy, 1));
  });
});
