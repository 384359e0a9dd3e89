/**
 * Which backups to keep: a pure function of the backups and the time now, so the policy can
 * be worked out by hand in a test. The policy (README "Backing up and restoring"):
 *
 * - the 10 newest automatic backups;
 * - the newest automatic backup of each of the last 8 weeks (weeks start on Monday);
 * - the newest automatic backup of each of the last 12 months (this month counts as one);
 * - every manual backup ("Back up now", `backup`): the user asked for it, so only the user
 *   deletes it — manual backups neither count towards the 10 nor are ever deleted;
 * - and never the only good backup: if the rules above would keep no good one, the newest
 *   good one stays.
 *
 * Weeks and months are counted in UTC, the time the backup names carry. A backup dated in
 * the future (a clock set wrong) is kept: it is not ours to judge.
 */

export const BACKUP_REASONS = ['daily', 'before-migration', 'before-import', 'before-restore', 'before-reopen', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface RetainedBackup {
  name: string;
  takenAt: Date;
  reason: BackupReason;
  /** False for a file known to be damaged (not SQLite, empty); it never counts as the good one. */
  good: boolean;
}

export const KEEP_LAST = 10;
export const KEEP_WEEKS = 8;
export const KEEP_MONTHS = 12;

const DAY = 24 * 60 * 60 * 1000;

/** Midnight UTC of the Monday of the week holding `d`. */
function mondayOf(d: Date): number {
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * DAY;
}

/** 0 for this week, 1 for last week, …; negative for a week still to come. */
export function weeksAgo(now: Date, d: Date): number {
  return Math.round((mondayOf(now) - mondayOf(d)) / (7 * DAY));
}

/** 0 for this month, 1 for last month, …; negative for a month still to come. */
export function monthsAgo(now: Date, d: Date): number {
  return now.getUTCFullYear() * 12 + now.getUTCMonth() - (d.getUTCFullYear() * 12 + d.getUTCMonth());
}

const newestFirst = (a: RetainedBackup, b: RetainedBackup) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

/** The names of the backups the policy deletes, newest first; everything else is kept. */
export function backupsToDelete(backups: readonly RetainedBackup[], now: Date): string[] {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set<string>();
  const automatic = sorted.filter((b) => b.reason !== 'manual');
  for (const b of sorted) if (b.reason === 'manual' || b.takenAt.getTime() > now.getTime()) keep.add(b.name);
  for (const b of automatic.slice(0, KEEP_LAST)) keep.add(b.name);
  const weeks = new Set<number>();
  const months = new Set<number>();
  for (const b of automatic) {
    const week = weeksAgo(now, b.takenAt);
    if (week >= 0 && week < KEEP_WEEKS && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b.name);
    }
    const month = monthsAgo(now, b.takenAt);
    if (month >= 0 && month < KEEP_MONTHS && !months.has(month)) {
      months.add(month);
      keep.add(b.name);
    }
  }
  if (!sorted.some((b) => b.good && keep.has(b.name))) {
    const newestGood = sorted.find((b) => b.good);
    if (newestGood) keep.add(newestGood.name);
  }
  return sorted.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
