import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { latestVersion } from '../../main/db/migrate';
import { backupIfDue, backupsFolder, listBackups, newestGoodBackup, openWorkspace } from '../../main/workspace/backups';
import { tempWorkspace } from '../helpers/workspace';

const NOW = new Date('2026-12-02T04:11:39Z');

/** A good daily backup, then two newer files with backup names that cannot be restored. */
async function withUnusableNewerBackups() {
  const ws = await tempWorkspace({ now: () => NOW });
  await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
  const good = (await backupIfDue(ws.db, new Date('2026-11-30T09:00:00Z')))!;
  const folder = backupsFolder(ws.path);
  const empty = join(folder, 'workspace 2026-12-01T090000Z daily.db');
  writeFileSync(empty, '');
  const newer = join(folder, 'workspace 2026-12-01T100000Z daily.db');
  copyFileSync(good.path, newer);
  const db = new Database(newer);
  db.pragma('user_version = 99');
  db.close();
  return { ws, good };
}

describe('the newest good backup', () => {
  it('is the newest backup that passes the cheap check, not a 0-byte file or one from a newer version', async () => {
    const { ws, good } = await withUnusableNewerBackups();
    expect(listBackups(ws.path).map((b) => [b.schemaVersion, b.unusable])).toEqual([
      [99, 'newer'],
      [null, 'damaged'],
      [latestVersion(), null],
    ]);
    expect(newestGoodBackup(ws.path)?.name).toBe(good.name);
  });

  it('is the one named when the workspace is damaged at open', async () => {
    const { ws, good } = await withUnusableNewerBackups();
    ws.db.close();
    const bytes = readFileSync(ws.path);
    bytes.fill(0xa5, 4096, bytes.length);
    writeFileSync(ws.path, bytes);
    expect(() => openWorkspace(ws.path, { create: false })).toThrow(expect.objectContaining({ code: 'db.corrupt', message: expect.stringContaining(`The newest good backup is ${good.path};`) }));
  });


  it('is told apart on the command line: backups says which cannot be restored, and why', async () => {
    const { ws } = await withUnusableNewerBackups();
    let stdout = '';
    const code = await runCli(['backups', '--db', ws.path], { stdout: (t) => (stdout += t), stderr: () => {} }, { env: {} });
    expect(code).toBe(0);
    expect(stdout).toContain('schema 99: cannot be restored (from a newer version of the app)');
    expect(stdout).toContain('not SQLite: cannot be restored (damaged)');
    expect(stdout).toContain(`schema ${latestVersion()}\n`);
  });
});
