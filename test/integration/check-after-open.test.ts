import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Session } from '../../main/api/dispatch';
import { fileProblem, openDatabase, openedWorkspace } from '../../main/db/connection';
import { sqliteStore } from '../../main/db/sqlite-store';
import type { WorkspaceInfo } from '../../main/workspace/contract';
import { tempDir } from '../helpers/workspace';

// Issue 9, point 2: the desktop app and the bridge open a workspace with its quick check
// 'later', in a worker while the window is already usable; a file that fails it then refuses
// every write and says so. (A file's check: SQLite only, listed in SQLITE_ONLY.)

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A workspace with enough organisations for their name index to span pages, closed and checkpointed. */
function filledWorkspace(dir: string): string {
  const path = join(dir, 'workspace.db');
  const db = openDatabase(path);
  const insert = db.prepare(`INSERT INTO organisation (name, created_at, updated_at) VALUES (?, '2020-01-01T00:00:00', '2020-01-01T00:00:00')`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`Organisation ${i} with a name long enough to fill several pages of the index`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

/** Scribbles over one page of the organisations' name index: the schema still reads, so the file opens, but the check fails. */
function damageNameIndex(path: string): void {
  const db = openDatabase(path, { readonly: true, verify: false });
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'organisation' AND name LIKE 'sqlite_autoindex_organisation_%'`).get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xa5, (rootpage - 1) * pageSize + 8, rootpage * pageSize);
  writeFileSync(path, bytes);
}

const setName = (value: string) => ({ key: 'organisationName' as const, value });

describe("a workspace opened with its check 'later'", () => {
  it('is usable at once, and its check in the worker finds a sound file', async () => {
    const path = filledWorkspace(tempDir());
    const db = openDatabase(path, { verify: 'later' });
    const session: Session = { store: sqliteStore(db), actor: 'test', log: () => {} };
    try {
      const checked = openedWorkspace(db)!.checked;
      expect(checked).toBeInstanceOf(Promise);
      expect(await checked).toEqual(['ok']);
      expect(await dispatch(session, 'workspace.setSetting', setName('Kent Police'))).toMatchObject({ ok: true });
      const info = (await dispatch(session, 'workspace.info', {})) as { ok: true; value: WorkspaceInfo };
      expect(info.value.warnings).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('opens a file whose index is damaged, then refuses every write once the check has failed, and says why', async () => {
    const dir = tempDir();
    const path = filledWorkspace(dir);
    damageNameIndex(path);
    // The same file is refused by the check before use (the command line's open): it is damaged.
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'db.corrupt' }));

    const db = openDatabase(path, { verify: 'later' });
    const session: Session = { store: sqliteStore(db), actor: 'test', log: () => {} };
    try {
      const lines = await openedWorkspace(db)!.checked!;
      expect(lines.join('\n')).not.toBe('ok');
      const before = hash(path);
      const write = await dispatch(session, 'workspace.setSetting', setName('Kent Police'));
      expect(write).toMatchObject({ ok: false, error: { code: 'db.corrupt' } });
      const message = (write as { error: { message: string } }).error.message;
      expect(message).toContain(`The workspace ${path} failed its integrity check after opening`);
      expect(message).toContain('no change can be saved to it now. Close Board Secretariat first;');
      expect(message).toMatch(/restore --db ".*workspace\.db" --from/);
      expect(hash(path)).toBe(before);
      // The banner learns of it from any answer: workspace.info either carries it first among its
      // warnings or, where its own counts read the damaged pages, fails with the same code.
      const info = await dispatch(session, 'workspace.info', {});
      if (info.ok) expect((info.value as WorkspaceInfo).warnings[0]).toMatchObject({ code: 'db.corrupt', message });
      else expect(info.error.code).toBe('db.corrupt');
      expect(fileProblem(db)).toMatchObject({ code: 'db.corrupt', message });
    } finally {
      db.close();
    }
  });

  it('is not run for a file opened read-only for inspection, nor for a new file', async () => {
    const dir = tempDir();
    const fresh = openDatabase(join(dir, 'new.db'), { verify: 'later' });
    expect(openedWorkspace(fresh)!.checked).toBeUndefined();
    fresh.close();
    const path = filledWorkspace(dir);
    const inspect = openDatabase(path, { readonly: true, verify: 'later' });
    expect(openedWorkspace(inspect)!.checked).toBeUndefined();
    inspect.close();
  });
});
