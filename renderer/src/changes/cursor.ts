import { CHANGES_LIMIT, type WorkspaceChanges, type WorkspaceChange } from '../../../main/workspace/contract';

/**
 * Where the poller asks from next, so no change is missed or said twice. On SQLite audit ids
 * are taken under the file's write lock and commit in order, so "after the newest seen" is
 * exact. On PostgreSQL an id is taken at insert and becomes visible at commit: a long write
 * can commit id 9 after a short one committed id 10. So an id missing below the newest is
 * waited for, asking again from just below it, for GAP_WAIT_MS: it is either still being
 * written (it comes) or was rolled back (a failed write's ids never come). Rows already
 * handled are recognised by id and not handed out again.
 */
export const GAP_WAIT_MS = 10_000;
/** More ids than this between two answers is a bulk write (or a failed import's), not a gap to wait for. */
const MOST_WAITED = 10 * CHANGES_LIMIT;

export class ChangeCursor {
  /** What to send as `since`; null until the first answer (which then says only the newest id). */
  since: number | null = null;
  /** The opening of the workspace `since` belongs to (workspace.changes' `opening`). */
  private opening: string | null = null;
  private readonly seen = new Set<number>();
  /** Missing ids above `since`, with when each was first missed. */
  private readonly missing = new Map<number, number>();

  /**
   * The answer to a poll sent with `asked` as since: the changes not handed out before, oldest
   * first. `restarted` says the workspace is another opening than the last answer's. `dropped`
   * says older changes were passed over unseen (a full answer, or a run of ids too long to wait
   * for): the tables they touched are unknown, so the caller reads everything again.
   */
  take(asked: number | null, answer: WorkspaceChanges, now: number): { fresh: WorkspaceChange[]; restarted: boolean; dropped: boolean } {
    if (this.opening !== answer.opening) {
      // The first answer, or another workspace (or the same file reopened): from now on.
      const restarted = this.opening !== null;
      this.opening = answer.opening;
      this.reset(answer.latest);
      return { fresh: [], restarted, dropped: false };
    }
    if (asked === null || answer.latest < asked) {
      // The trail is shorter than it was (a backup was restored): from now on.
      this.reset(answer.latest);
      return { fresh: [], restarted: false, dropped: false };
    }
    const fresh = answer.changes.filter((c) => !this.seen.has(c.id));
    for (const c of fresh) {
      this.seen.add(c.id);
      this.missing.delete(c.id);
    }
    if (answer.changes.length >= CHANGES_LIMIT || answer.latest - asked > MOST_WAITED) {
      // Only the newest came, or a run of ids too long to wait for: what lies below is past.
      this.reset(answer.latest);
      return { fresh, restarted: false, dropped: true };
    }
    for (let id = asked + 1; id <= answer.latest; id++) {
      if (!this.seen.has(id) && !this.missing.has(id)) this.missing.set(id, now);
    }
    for (const [id, since] of this.missing) if (now - since > GAP_WAIT_MS) this.missing.delete(id);
    let lowest = answer.latest + 1;
    for (const id of this.missing.keys()) lowest = Math.min(lowest, id);
    this.since = lowest - 1;
    for (const id of this.seen) if (id <= this.since) this.seen.delete(id);
    return { fresh, restarted: false, dropped: false };
  }

  private reset(latest: number): void {
    this.since = latest;
    this.seen.clear();
    this.missing.clear();
  }
}
