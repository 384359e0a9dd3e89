import { sqliteStore } from '../../main/db/sqlite-store';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import { runCli } from '../../main/cli/run';
import { openDatabase, openedWorkspace } from '../../main/db/connection';
import type { WorkspaceInfo } from '../../main/workspace/contract';
import { tempDir, tempWorkspace } from '../helpers/workspace';
import { organisationIn } from '../helpers/settings';

/** A second workspace file, written and closed, whose organisation name tells it apart. */
function otherWorkspace(dir: string, name: string, organisation: string): string {
  const path = join(dir, name);
  const db = openDatabase(path);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
  return path;
}

const setName = (value: string) => ({ key: 'organisationName' as const, value });

describe('a zero-byte workspace file', () => {
  it('is refused at open, with what happened and what to do, and stays zero bytes', () => {
    const dir = tempDir();
    const path = join(dir, 'workspace.db');
    writeFileSync(path, '');
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'db.emptyFile' }));
    expect(() => openDatabase(path)).toThrow(/is empty \(0 bytes\): it holds no workspace\. A sync client or a full disk .* Restore the workspace from a backup/);
    expect(() => openDatabase(path, { readonly: true })).toThrow(/is empty \(0 bytes\)/);
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['workspace.db']);
  });

  it('becomes a workspace only when the open says so (init)', async () => {
    const dir = tempDir();
    const path = join(dir, 'workspace.db');
    writeFileSync(path, '');
    const db = openDatabase(path, { initialiseEmpty: true });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();

    const other = join(dir, 'other.db');
    writeFileSync(other, '');
    let stderr = '';
    const code = await runCli(['export-bundle', '--db', other, '--out', join(dir, 'out.json')], { stdout: () => {}, stderr: (t) => (stderr += t) }, { env: {} });
    expect(code).toBe(1);
    expect(stderr).toContain(`${other} is empty (0 bytes)`);
    expect(statSync(other).size).toBe(0);
  });
});

describe('the open workspace file is watched before each write', () => {
  it('refuses a write after another program replaced the file, and Reopen shows the file as it is now', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.setSetting', setName('Kent Police'));
    // A backup copied over the live file, as Explorer does it: a new file renamed into place.
    const backup = otherWorkspace(ws.dir, 'backup.db', 'Kent & Medway VRU (backup)');
    const copy = join(ws.dir, 'copy-of-backup.db');
    copyFileSync(backup, copy);
    renameSync(copy, ws.path);

    const refused = await ws.fails('workspace.setSetting', setName('Lost edit'));
    expect(refused.code).toBe('workspace.replaced');
    expect(refused.message).toBe(
      `The workspace file ${ws.path} was replaced by another program since it was opened; nothing was saved. Reopen the workspace to see the file as it is now.`,
    );
    // Nothing went anywhere: not into the new file, not silently into the old one's inode.
    expect(organisationIn(ws.path)).toBe('Kent & Medway VRU (backup)');
    const info = await ws.call('workspace.info');
    expect(info.warnings.map((w) => w.code)).toEqual(['workspace.replaced']);
    expect(info.settings.organisationName).toBe('Kent Police'); // reads still see the file as opened

    const reopened = (await ws.call('workspace.reopen')) as WorkspaceInfo;
    expect(reopened.settings.organisationName).toBe('Kent & Medway VRU (backup)');
    expect(reopened.warnings).toEqual([]);
    await ws.call('workspace.setSetting', setName('Kent & Medway VRU'));
    expect(organisationIn(ws.path)).toBe('Kent & Medway VRU');
  });

  it('refuses a write after the file was deleted or moved, and will not reopen a missing file', async () => {
    const ws = await tempWorkspace();
    renameSync(ws.path, join(ws.dir, 'moved.db'));
    const refused = await ws.fails('workspace.setSetting', setName('Lost edit'));
    expect(refused).toMatchObject({ code: 'workspace.missing' });
    expect(refused.message).toContain(`The workspace file ${ws.path} was deleted or moved by another program since it was opened; nothing was saved.`);
    expect((await ws.fails('workspace.reopen')).code).toBe('workspace.missing');
    expect(ws.db.open).toBe(true); // a refused reopen keeps the session as it was

    renameSync(join(ws.dir, 'moved.db'), ws.path); // put back: the same inode, so writes work again
    await ws.call('workspace.setSetting', setName('Put back'));
    expect(organisationIn(ws.path)).toBe('Put back');
  });

  it('refuses a write after the file was deleted, rather than writing into the deleted file', async () => {
    const ws = await tempWorkspace();
    unlinkSync(ws.path);
    expect((await ws.fails('workspace.setSetting', setName('Lost edit'))).code).toBe('workspace.missing');
    expect((await ws.call('workspace.info')).warnings[0]).toMatchObject({ code: 'workspace.missing' });
    expect(existsSync(ws.path)).toBe(false);
  });

  it('stays closed after a failed reopen, says so, and opens again once the file is right', async () => {
    const ws = await tempWorkspace();
    writeFileSync(join(ws.dir, 'notes.txt'), 'not a workspace');
    renameSync(join(ws.dir, 'notes.txt'), ws.path);
    expect((await ws.fails('workspace.reopen')).code).toBe('db.notSqlite');
    const closed = await ws.fails('workspace.info');
    expect(closed.code).toBe('workspace.closed');
    expect(closed.message).toContain('reopening it failed');
    renameSync(otherWorkspace(ws.dir, 'good.db', 'Good again'), ws.path);
    expect(((await ws.call('workspace.reopen')) as WorkspaceInfo).settings.organisationName).toBe('Good again');
  });

  it('does not treat a restore through SQLite backup onto the live path (same inode) as a replacement', async () => {
    const ws = await tempWorkspace();
    const inode = statSync(ws.path).ino;
    const source = new Database(otherWorkspace(ws.dir, 'backup.db', 'Restored'));
    await source.backup(ws.path);
    source.close();
    expect(statSync(ws.path).ino).toBe(inode);
    expect((await ws.call('workspace.info')).settings.organisationName).toBe('Restored');
    await ws.call('workspace.setSetting', setName('Edited after restore'));
    expect(organisationIn(ws.path)).toBe('Edited after restore');
  });
});

describe('a workspace the user cannot write to', () => {
  // The tests may run as root, which chmod does not stop: the mode bits are what is read.
  it('opens a read-only file read-only, says why, refuses writes with the reason, and still reads', async () => {
    const dir = tempDir();
    const path = otherWorkspace(dir, 'workspace.db', 'Kent Police');
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const db = openDatabase(path);
    const session: Session = { store: sqliteStore(db), actor: 'test', log: () => {} };
    try {
      const info = await dispatch(session, 'workspace.info', {});
      expect(info).toMatchObject({ ok: true, value: { access: { readOnly: true }, settings: { organisationName: 'Kent Police' } } });
      const reason = (info as { value: WorkspaceInfo }).value.access.reason!;
      expect(reason).toBe(
        "This workspace is read-only: the file workspace.db is marked read-only. You can read and export; to make changes, clear the file's read-only setting (Properties in Explorer) or ask its owner for write access, then reopen the workspace.",
      );
      const write = await dispatch(session, 'workspace.setSetting', setName('Changed'));
      expect(write).toEqual({ ok: false, error: { code: 'workspace.readOnly', message: `${reason} Nothing was saved.` } });
    } finally {
      db.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('opens a workspace in a folder that cannot be written to read-only, with the folder as the reason', async () => {
    const dir = tempDir();
    const path = otherWorkspace(dir, 'workspace.db', 'Kent Police');
    chmodSync(dir, 0o555);
    try {
      if (process.getuid?.() !== 0) {
        // Not root: SQLite cannot create the -shm a WAL file needs, so the open is refused.
        expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'workspace.folderReadOnly' }));
        return;
      }
      const db = openDatabase(path);
      try {
        expect(openedWorkspace(db)?.access).toEqual({
          readOnly: true,
          reason: `This workspace is read-only: the folder ${dir} cannot be written to. You can read and export; to make changes, copy the workspace to a folder you can write to (such as Documents) and open it there, or ask for write access to the folder.`,
        });
        const write = await dispatch({ store: sqliteStore(db), actor: 'test' }, 'workspace.setSetting', setName('Changed'));
        expect(write).toMatchObject({ ok: false, error: { code: 'workspace.readOnly' } });
      } finally {
        db.close();
      }
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  it.runIf(process.getuid?.() === 0 && setpriv !== undefined)(
    'refuses, as an ordinary user, a WAL workspace in a read-only folder with no -shm, saying why and leaving it unchanged',
    () => {
      const dir = tempDir();
      const path = otherWorkspace(dir, 'workspace.db', 'Kent Police');
      const probe = join(dir, 'probe.ts');
      const connection = fileURLToPath(new URL('../../main/db/connection.ts', import.meta.url));
      writeFileSync(
        probe,
        `import { openDatabase } from ${JSON.stringify(connection)};\n` +
          `try { openDatabase(process.argv[2]); console.log('opened'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }\n`,
      );
      const before = readFileSync(path);
      chmodSync(dir, 0o555);
      try {
        // SQLite under root ignores the folder's mode, so the refusal is proved as user nobody.
        const run = spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', probe, path], {
          encoding: 'utf8',
          cwd: fileURLToPath(new URL('../../', import.meta.url)),
        });
        const answer = JSON.parse(run.stdout.trim().split('\n').pop()!) as { code: string; message: string };
        expect(answer.code).toBe('workspace.folderReadOnly');
        expect(answer.message).toContain(`its folder ${dir} cannot be written to, and SQLite must create a small companion file (workspace.db-shm)`);
        expect(answer.message).toContain('Copy the workspace to a folder you can write to');
      } finally {
        chmodSync(dir, 0o755);
      }
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['probe.ts', 'workspace.db']);
    },
  );
});

describe('the command line and a workspace in a place SQLite is not safe', () => {
  it('prints the sync-folder warning, with the way out, when it opens such a file', async () => {
    const dir = join(tempDir(), 'Dropbox', 'VRU');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'workspace.db');
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t) };
    expect(await runCli(['init', '--db', path], io, { env: {} })).toBe(0);
    expect(stderr).toContain('warning: This workspace is inside a folder that Dropbox keeps in sync.');
    expect(stderr).toContain('Move the workspace to a folder on this laptop');
    stderr = '';
    expect(await runCli(['export-bundle', '--db', path, '--out', join(dir, 'bundle.json')], io, { env: {} })).toBe(0);
    expect(stderr).toContain('warning: This workspace is inside a folder that Dropbox keeps in sync.');
  });
});

