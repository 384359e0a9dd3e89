import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue, backupsFolder, createBackup, listBackups } from '../../main/workspace/backups';
import { CHECK_EVERY_MS, startDailyBackups, type Repeat } from '../../main/workspace/backup-schedule';
import { tempWorkspace } from '../helpers/workspace';

/** A clock the test turns by hand: the schedule's timer, without waiting for an hour. */
function handTimer() {
  const timer = { every: 0, tick: (): void => {}, stopped: false };
  const repeat: Repeat = (ms, tick) => {
    timer.every = ms;
    timer.tick = tick;
    return () => {
      timer.stopped = true;
    };
  };
  return { timer, repeat };
}

describe('the daily backup while the app is open', () => {
  it('is checked at start and every hour, on the session\'s current connection, until stopped', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    let now = new Date('2026-12-01T09:00:00Z');
    const { timer, repeat } = handTimer();
    const schedule = startDailyBackups(() => ws.db, () => now, () => {}, repeat);
    await schedule.settled();
    expect(listBackups(ws.path).map((b) => b.takenAt)).toEqual(['2026-12-01T09:00:00Z']);
    expect(timer.every).toBe(CHECK_EVERY_MS);

    now = new Date('2026-12-01T20:00:00Z'); // the same day: not due
    timer.tick();
    await schedule.settled();
    expect(listBackups(ws.path)).toHaveLength(1);
    now = new Date('2026-12-02T09:30:00Z'); // the app left open overnight: due
    timer.tick();
    await schedule.stop();
    expect(timer.stopped).toBe(true);
    expect(listBackups(ws.path).map((b) => b.takenAt)).toEqual(['2026-12-02T09:30:00Z', '2026-12-01T09:00:00Z']);
  });
});

describe('backupIfDue', () => {
  it('is not stopped by a backup dated in the future (a clock set wrong)', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    await createBackup(ws.db, 'daily', new Date('2031-01-01T00:00:00Z'));
    const made = await backupIfDue(ws.db, new Date('2026-12-02T09:00:00Z'));
    expect(made?.name).toBe('workspace 2026-12-02T090000Z daily.db');
    expect(await backupIfDue(ws.db, new Date('2026-12-02T10:00:00Z'))).toBeNull(); // and then it is daily again
  });

  it('is not stopped by a newer backup that cannot be restored (0 bytes)', async () => {
    const ws = await tempWorkspace();
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    await createBackup(ws.db, 'daily', new Date('2026-11-01T00:00:00Z'));
    writeFileSync(join(backupsFolder(ws.path), 'workspace 2026-12-02T080000Z daily.db'), '');
    expect((await backupIfDue(ws.db, new Date('2026-12-02T09:00:00Z')))?.reason).toBe('daily');
  });
});
