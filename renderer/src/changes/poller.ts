import { api, call, messageOf } from '../api';
import { useNavigation } from '../app/navigation';
import { useWorkspace } from '../workspace/store';
import { ChangeCursor } from './cursor';
import { refreshArea } from './refresh';
import { useChanges } from './store';

/**
 * The one poller for other people's changes (issue 14): every POLL_MS while the window is
 * visible it asks workspace.changes for what came after the newest audit id it has seen. A
 * poll that finds nothing costs one primary-key lookup; polling is the same on both engines
 * (PostgreSQL's LISTEN would not hear the command line writing a SQLite file).
 *
 * Where it asks from, and why on PostgreSQL it waits a moment for a missing id: ./cursor.ts.
 * Its own changes are skipped: the answer marks them `own` (written through this app's
 * session; main/workspace/own-writes.ts) and the screen that made them has shown them already.
 * The same person's changes from another laptop or the command line are not own. For
 * others' changes it updates the notice and the forms' "changed since opened" line
 * (./store.ts), then reloads the area on screen if they touch what it shows (./refresh.ts).
 */
export const POLL_MS = 2000;

export function startChangesPoller(): () => void {
  let stopped = false;
  let busy = false;
  let workspace: string | undefined;
  const cursor = new ChangeCursor();

  async function poll(): Promise<void> {
    if (busy || stopped || document.visibilityState !== 'visible') return;
    busy = true;
    try {
      // Another workspace opened in this window: its ids mean nothing against the old ones.
      const path = useWorkspace.getState().info?.path;
      if (path !== undefined && path !== workspace) {
        if (workspace !== undefined) {
          cursor.reset(null);
          useChanges.getState().restart();
        }
        workspace = path;
      }
      const since = cursor.since;
      const answer = await call(api().workspace.changes(since === null ? {} : { since }));
      if (stopped) return;
      const others = cursor.take(since, answer, Date.now()).filter((c) => !c.own);
      useChanges.getState().received(answer.latest, others);
      if (others.length > 0) await refreshArea(useNavigation.getState().area, new Set(others.map((c) => c.entity)));
    } catch (err) {
      // Shown in the notice's line, quietly: the next poll tries again, and a file problem
      // has reached the banner through call().
      useChanges.getState().failed(`Could not check for others' changes: ${messageOf(err)}`);
    } finally {
      busy = false;
    }
  }

  const tick = () => void poll();
  const timer = setInterval(tick, POLL_MS);
  // Back in view: look at once rather than wait for the next tick.
  document.addEventListener('visibilitychange', tick);
  tick();
  return () => {
    stopped = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', tick);
  };
}
