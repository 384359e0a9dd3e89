import { sqliteStore } from '../../main/db/sqlite-store';
import { chmodSync, copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openDatabase } from '../../main/db/connection';
import { backupsFolder, listBackups } from '../../main/workspace/backups';
import { verifyBackupFile } from '../../main/workspace/backup';
import type { ReopenResult } from '../../main/workspace/contract';
import { tempWorkspace } from '../helpers/workspace';
import { organisationIn } from '../helpers/settings';

const setName = (value: string) => ({ key: 'organisationName' as const, value });

/** Another program renames a different workspace over the open one (as Explorer's copy does). */
function replaceUnderneath(dir: string, path: string, organisation: string): void {
  const other = join(dir, 'other.db');
  const db = openDatabase(other);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('organisationName', ?)`).run(organisation);
  db.close();
  copyFileSync(other, join(dir, 'copy.db'));
  renameSync(join(dir, 'copy.db'), path);
}

describe('Reopen after the workspace file was replaced', () => {
  it('keeps the workspace as this app had it as a verified before-reopen backup, and says so', async () => {
    const ws = await tempWorkspace({ now: () => new Date('2026-12-02T05:00:00Z') });
    await ws.call('workspace.setSetting', setName('Kent Police'));
    replaceUnderneath(ws.dir, ws.path, 'Someone else');

    const reopened = (await ws.call('workspace.reopen')) as ReopenResult;
    expect(reopened.settings.organisationName).toBe('Someone else');
    const [kept] = listBackups(ws.path);
    expect(kept).toMatchObject({ reason: 'before-reopen', name: 'workspace 2026-12-02T050000Z before-reopen.db' });
    expect(reopened.keptAs).toBe(kept!.name);
    expect(reopened.message).toBe(`Reopened ${ws.path}. The workspace as this app had it is kept as backup ${kept!.name}.`);
    expect(organisationIn(kept!.path)).toBe('Kent Police');
    expect(() => verifyBackupFile(kept!.path)).not.toThrow();
  });

  it('makes no backup when the file was not replaced', async () => {
    const ws = await tempWorkspace();
    const reopened = (await ws.call('workspace.reopen')) as ReopenResult;
    expect(reopened.keptAs).toBeNull();
    expect(listBackups(ws.path)).toEqual([]);
  });

  it('refuses, and keeps the old handle open, when the backup cannot be made', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.setSetting', setName('Kent Police'));
    replaceUnderneath(ws.dir, ws.path, 'Someone else');
    // A file where the backups folder must go: no folder can be made there, even as root.
    writeFileSync(backupsFolder(ws.path), 'in the way');

    const refused = await ws.fails('workspace.reopen');
    expect(refused.code).toBe('workspace.reopenNoBackup');
    expect(refused.message).toContain(`it must first be kept as a backup in ${backupsFolder(ws.path)}, which could not be made`);
    expect(refused.message).toContain('Nothing was closed or changed.');
    expect(ws.db.open).toBe(true);
    expect((await ws.call('workspace.info')).settings.organisationName).toBe('Kent Police');
  });

  it('keeps the records of a workspace the app had open read-only, too', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.setSetting', setName('Kent Police'));
    ws.db.close();
    chmodSync(ws.path, 0o444);
    const session: Session = { store: sqliteStore(openDatabase(ws.path, { create: false })), actor: 'test', now: () => new Date('2026-12-02T05:00:00Z'), log: () => {} };
    try {
      replaceUnderneath(ws.dir, ws.path, 'Someone else');
      const reopened = await dispatch(session, 'workspace.reopen', {});
      expect(reopened).toMatchObject({ ok: true, value: { keptAs: 'workspace 2026-12-02T050000Z before-reopen.db', settings: { organisationName: 'Someone else' } } });
      expect(organisationIn(listBackups(ws.path)[0]!.path)).toBe('Kent Police');
    } finally {
      if (session.store.isOpen()) await session.store.close();
    }
  });
});
