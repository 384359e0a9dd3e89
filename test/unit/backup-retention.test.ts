import { describe, expect, it } from 'vitest';
import { backupsToDelete, monthsAgo, weeksAgo, type BackupReason, type RetainedBackup } from '../../main/workspace/backup-retention';

// Wednesday 2 December 2026, noon UTC. This week began Monday 30 November.
const NOW = new Date('2026-12-02T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function backup(day: string, reason: BackupReason = 'daily', good = true): RetainedBackup {
  return { name: `${day} ${reason}`, takenAt: new Date(`${day}T09:00:00Z`), reason, good };
}

/** One daily backup each day from `first` to `last` (ISO dates, inclusive), newest first. */
function everyDay(first: string, last: string): RetainedBackup[] {
  const out: RetainedBackup[] = [];
  for (let t = Date.parse(`${last}T00:00:00Z`); t >= Date.parse(`${first}T00:00:00Z`); t -= DAY) out.push(backup(new Date(t).toISOString().slice(0, 10)));
  return out;
}

describe('backup retention', () => {
  it('counts weeks from Monday and months by the calendar, in UTC', () => {
    expect(weeksAgo(NOW, new Date('2026-11-30T00:00:00Z'))).toBe(0); // Monday of this week
    expect(weeksAgo(NOW, new Date('2026-11-29T23:59:59Z'))).toBe(1); // Sunday before it
    expect(weeksAgo(NOW, new Date('2026-11-23T00:00:00Z'))).toBe(1);
    expect(weeksAgo(NOW, new Date('2026-11-22T12:00:00Z'))).toBe(2);
    expect(monthsAgo(NOW, new Date('2026-12-01T00:00:00Z'))).toBe(0);
    expect(monthsAgo(NOW, new Date('2026-11-30T23:59:59Z'))).toBe(1);
    expect(monthsAgo(NOW, new Date('2026-01-31T00:00:00Z'))).toBe(11);
    expect(monthsAgo(NOW, new Date('2025-12-31T00:00:00Z'))).toBe(12);
  });

  it('keeps the last 10 and deletes older ones whose week and month already have a newer backup', () => {
    // 12 days, 20 November to 1 December: the last 10 are 22 November to 1 December.
    // 20 and 21 November fall in the week of 16 November (its newest, the 22nd, is kept)
    // and in November (its newest, the 29th, is kept): both go.
    expect(backupsToDelete(everyDay('2026-11-20', '2026-12-01'), NOW)).toEqual(['2026-11-21 daily', '2026-11-20 daily']);
  });

  it('keeps one a week for 8 weeks and one a month for a year', () => {
    const all = everyDay('2025-10-28', '2026-12-01'); // 400 days
    expect(all).toHaveLength(400);
    const deleted = new Set(backupsToDelete(all, NOW));
    const kept = all.map((b) => b.name.slice(0, 10)).filter((d) => !deleted.has(`${d} daily`));
    expect(kept).toEqual([
      // the last 10 (they hold the newest of this week, last week and the week of 16 November, and of December and November)
      '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22',
      // the Sundays ending weeks 3 to 7 ago
      '2026-11-15', '2026-11-08', '2026-11-01',
      // October's newest, then week 6 and 7's Sundays
      '2026-10-31', '2026-10-25', '2026-10-18',
      // the newest of each month back to January 2026 (11 months ago); December 2025 is 12 months ago
      '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31',
    ]);
  });

  it('never deletes a manual backup, and manual ones do not push automatic ones out of the last 10', () => {
    const manual = [backup('2026-12-01', 'manual'), backup('2026-11-30', 'manual'), backup('2024-02-01', 'manual')];
    const automatic = everyDay('2026-11-20', '2026-12-01').map((b, i) => (i === 3 ? { ...b, reason: 'before-migration' as const, name: `${b.name.slice(0, 10)} before-migration` } : b));
    expect(backupsToDelete([...manual, ...automatic], NOW)).toEqual(['2026-11-21 daily', '2026-11-20 daily']);
  });

  it('keeps the newest good backup when every one the rules keep is damaged', () => {
    const damaged = everyDay('2026-11-22', '2026-12-01').map((b) => ({ ...b, good: false }));
    const older = [backup('2026-11-21'), backup('2024-05-01')]; // good, but kept by no rule
    expect(backupsToDelete([...damaged, ...older], NOW)).toEqual(['2024-05-01 daily']);
    // With no good backup at all, the rules alone decide.
    expect(backupsToDelete([...damaged, { ...older[1]!, good: false }], NOW)).toEqual(['2024-05-01 daily']);
  });

  it('keeps a backup dated in the future, and deletes nothing from an empty folder', () => {
    const future = backup('2027-06-01');
    expect(backupsToDelete([future, ...everyDay('2026-11-20', '2026-12-01')], NOW)).toEqual(['2026-11-21 daily', '2026-11-20 daily']);
    expect(backupsToDelete([], NOW)).toEqual([]);
  });
});
