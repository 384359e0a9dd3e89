/**
 * How long the backups take, beside how long opening takes (figures in README, "Backing up
 * and restoring"). The daily backup runs just after the workspace is usable, so opening is
 * not slowed by it; these figures say how long it keeps working in the background.
 *
 *   npx tsx bench/backups.ts FILE [FILE …]   (each FILE is copied first; it is never changed)
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sqliteStore } from '../main/db/sqlite-store';
import { makeCtx } from '../main/shared/context';
import { formatBytes } from '../main/shared/bytes';
import { backupIfDue, createBackup, openWorkspace } from '../main/workspace/backups';
import { restoreBackup } from '../main/workspace/backups-restore';

async function timed<T>(body: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await body();
  return [value, performance.now() - t];
}

async function bench(source: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'backups-bench-'));
  try {
    const path = join(dir, basename(source));
    copyFileSync(source, path);
    const [db, openMs] = await timed(() => openWorkspace(path, { create: false }));
    // The daily backup runs after opening; what matters is how long it holds the event loop
    // (the app's IPC waits meanwhile): the longest gap between 10 ms timer ticks.
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 10);
    const [daily, dailyMs] = await timed(() => backupIfDue(db, new Date()));
    clearInterval(tick);
    const [manual, manualMs] = await timed(() => createBackup(db, 'manual', new Date(Date.now() + 1000)));
    const store = sqliteStore(db);
    const [, restoreMs] = await timed(() => restoreBackup(makeCtx(store, 'bench'), manual.path, manual.name));
    await store.close();
    const ms = (n: number) => `${Math.round(n)} ms`;
    console.log(
      `${basename(source)} (${formatBytes(statSync(path).size)}): open ${ms(openMs)}; daily backup on open ${daily ? ms(dailyMs) : 'not due'} ` +
        `(copy ${formatBytes(daily?.bytes ?? 0)}, verified; the event loop was held at most ${ms(longest)} at a time); Back up now ${ms(manualMs)}; restore ${ms(restoreMs)} (includes the before-restore backup)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const file of process.argv.slice(2)) await bench(file);
