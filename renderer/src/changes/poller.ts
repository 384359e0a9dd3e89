import { api, ApiError, call, FILE_PROBLEM_CODES, messageOf } from '../api';
import { useNavigation } from '../app/navigation';
import { invalidateTables, queryClient } from '../queries';
import { ChangeCursor } from './cursor';
import { refreshArea, reloadArea } from './refresh';
import { useChanges } from './store';
import { useWorkspace } from '../workspace/store';

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
 * (./store.ts), then invalidates the cached answers that read the tables they touched
 * (../queries.ts) and reloads the area on screen if its store loads by hand (./refresh.ts).
 */
export const POLL_MS = 2000;

export function startChangesPoller(): () => void {
  let stopped = false;
  let busy = false;
  const cursor = new ChangeCursor();

  async function poll(): Promise<void> {
    if (busy || stopped || document.visibilityState !== 'visible') return;
    busy = true;
    try {
      const since = cursor.since;
      const answer = await call(api().workspace.changes(since === null ? {} : { since }));
      if (stopped) return;
      const { fresh, restarted, dropped } = cursor.take(since, answer, Date.now());
      // Another workspace opened in this window: what was heard of the last one is dropped.
      if (restarted) useChanges.getState().restart();
      // A role the owner changed since (no audit row) shows in the header, and in what the screens offer.
      useWorkspace.getState().sawConnectedAs(answer.connectedAs);
      const others = fresh.filter((c) => !c.own);
      useChanges.getState().received(answer.latest, others);
      // This app's own writes from screens that do not invalidate by themselves (./queries.ts).
      const own = fresh.filter((c) => c.own);
      if (own.length > 0) await invalidateTables(own.map((c) => c.entity), 'none');
      if (dropped) {
        // Older changes were passed over (a full answer, a long run of ids): which tables they
        // touched is unknown, so every cached answer is stale and the area on screen reads again.
        await Promise.all([queryClient.invalidateQueries(), reloadArea(useNavigation.getState().area)]);
      } else if (others.length > 0) {
        const tables = new Set(others.map((c) => c.entity));
        // The cached answers that read those tables, wherever they are shown; then the areas
        // whose stores still load by hand, if the one on screen shows them.
        await Promise.all([invalidateTables(tables), refreshArea(useNavigation.getState().area, tables)]);
      }
    } catch (err) {
      // A file problem has reached the banner through call(), which says it better. Anything
      // else is shown in the notice's line, quietly: the next poll tries again.
      if (err instanceof ApiError && FILE_PROBLEM_CODES.has(err.code)) useChanges.getState().failed(null);
      else useChanges.getState().failed(`Could not check for others' changes: ${messageOf(err)}`);
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
