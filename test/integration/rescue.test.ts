import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../main/shared/errors';
import { backupsFolder, createBackup, newBackupName, openWorkspace } from '../../main/workspace/backups';
import { isDamagedWorkspace, newestRestorableBackup, rescue, rescueOffer } from '../../main/workspace/rescue';
import { tempWorkspace } from '../helpers/workspace';

/** A demo workspace with one good backup, closed, as the desktop app finds it at start. */
async function backedUpDemo() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const good = await createBackup(ws.db, 'manual', new Date('2020-03-16T09:00:00Z'));
  const organisations = (await ws.call('organisation.list', {})).length;
  ws.db.close();
  return { path: ws.path, good, organisations };
}

function openFailure(path: string): unknown {
  try {
    openWorkspace(path, { create: false }).close();
  } catch (err) {
    return err;
  }
  throw new Error(`${path} opened`);
}

describe('the way back for a workspace that will not open (the desktop app offers it at start)', () => {
  it('an empty (zero-byte) workspace: offers the newest good backup, and putting it back opens with every record', async () => {
    const { path, good, organisations } = await backedUpDemo();
    writeFileSync(path, '');
    const err = openFailure(path);
    expect(isDamagedWorkspace(err, path)).toBe(true);
    const offer = await rescueOffer(err, path);
    expect(offer?.backup.name).toBe(good.name);
    const done = await rescue(path, offer!, 'test', new Date('2020-03-16T10:00:00Z'));
    expect(done.schemaVersion).toBeGreaterThan(0);
    const db = openWorkspace(path, { create: false });
    expect((db.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n).toBe(organisations);
    db.close();
  });

  it('a damaged workspace: passes over a newer backup that is itself damaged, and offers the good one', async () => {
    const { path, good } = await backedUpDemo();
    writeFileSync(join(backupsFolder(path), newBackupName(path, backupsFolder(path), new Date('2020-03-16T09:30:00Z'), 'daily')), 'SQLite format 3\u0000 but torn');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(8192, 0xa5)]));
    const err = openFailure(path);
    expect(isDamagedWorkspace(err, path)).toBe(true);
    expect((await newestRestorableBackup(path))?.name).toBe(good.name);
    expect((await rescueOffer(err, path))?.backup.name).toBe(good.name);
  });

  it('offers nothing for a workspace refused for another reason (a newer version), or with no good backup', async () => {
    const { path } = await backedUpDemo();
    const newer = new DomainError('db.newerVersion', 'This workspace was saved by a newer version of Board Secretariat.');
    expect(await rescueOffer(newer, path)).toBeNull();
    const lone = await tempWorkspace();
    lone.db.close();
    writeFileSync(lone.path, '');
    expect(await rescueOffer(openFailure(lone.path), lone.path)).toBeNull();
  });
});
