import { sqliteStore } from '../../main/db/sqlite-store';
import { chmodSync, copyFileSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openDatabase } from '../../main/db/connection';
import { createBackup, listBackups } from '../../main/workspace/backups';
import { tempWorkspace } from '../helpers/workspace';

const NOW = new Date('2026-12-02T04:11:39Z');

describe('backup.restore checks the watched file first, as every write does', () => {
  it('refuses a restore after another program replaced the file, before any before-restore backup is made', async () => {
    const ws = await tempWorkspace({ now: () => NOW });
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const made = await createBackup(ws.db, 'manual', NOW);
    const copy = join(ws.dir, 'copy.db');
    copyFileSync(made.path, copy);
    renameSync(copy, ws.path);
    const bytes = readFileSync(ws.path);

    const refused = await ws.fails('backup.restore', { name: made.name });
    expect(refused.code).toBe('workspace.replaced');
    expect(refused.message).toContain(`The workspace file ${ws.path} was replaced by another program since it was opened`);
    expect(listBackups(ws.path).map((b) => b.reason)).toEqual(['manual']);
    expect(readFileSync(ws.path).equals(bytes)).toBe(true);
  });

  it('refuses a restore into a read-only workspace with the read-only reason, not SQLite\'s', async () => {
    const ws = await tempWorkspace({ now: () => NOW });
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const made = await createBackup(ws.db, 'manual', NOW);
    ws.db.close();
    chmodSync(ws.path, 0o444);
    const db = openDatabase(ws.path, { create: false });
    const session: Session = { store: sqliteStore(db), actor: 'test', now: () => NOW, log: () => {} };
    try {
      const refused = await dispatch(session, 'backup.restore', { name: made.name });
      expect(refused).toMatchObject({ ok: false, error: { code: 'workspace.readOnly' } });
      const message = (refused as { error: { message: string } }).error.message;
      expect(message).toContain('This workspace is read-only: the file workspace.db is marked read-only.');
      expect(message).toContain('Nothing was saved.');
      expect(listBackups(ws.path).map((b) => b.reason)).toEqual(['manual']);
    } finally {
      db.close();
      chmodSync(ws.path, 0o644);
    }
  });
});
