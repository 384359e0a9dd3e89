import type { Database } from 'better-sqlite3';
import { startDailyBackup } from './backups';

/** How often an open workspace is asked whether its daily backup is due. */
export const CHECK_EVERY_MS = 60 * 60 * 1000;

/** The one thing the schedule needs of a clock: call `tick` every `ms` until the returned stop. */
export type Repeat = (ms: number, tick: () => void) => () => void;

const nodeRepeat: Repeat = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref(); // never what keeps a process alive
  return () => clearInterval(timer);
};

export interface DailyBackups {
  /** Resolves when no check is running (a check's backup runs asynchronously). */
  settled(): Promise<void>;
  /** Clears the timer, then waits for a backup still running, so the caller may close the workspace. */
  stop(): Promise<void>;
}

/**
 * The daily backup, checked just after the workspace is usable and then every hour while it is
 * open: an app left open for a week still backs up each day. `current` is read at each check
 * (workspace.reopen replaces the connection); a closed workspace is skipped. A check never
 * overlaps the one before it, and a failure is logged, never thrown (startDailyBackup).
 */
export function startDailyBackups(current: () => Database | undefined, now: () => Date, log: (message: string, err: unknown) => void, repeat: Repeat = nodeRepeat): DailyBackups {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const check = () => {
    const db = current();
    // A PostgreSQL workspace has no file to copy: its server is backed up by IT (README).
    if (busy || !db || !db.open) return;
    busy = true;
    running = startDailyBackup(db, now(), log).finally(() => {
      busy = false;
    });
  };
  check();
  const cancel = repeat(CHECK_EVERY_MS, check);
  return {
    async settled() {
      await running;
    },
    async stop() {
      cancel();
      await running;
    },
  };
}
