import { create } from 'zustand';
import type { WorkspaceChange } from '../../../main/workspace/contract';
import { noticeText } from './notice-text';

/**
 * Other people's changes as the poller (./poller.ts) hears of them: the newest audit id the
 * screen has seen, the recent changes (for a form to say its record was changed since it was
 * opened), and the notice that says who changed what, which goes after a few seconds.
 */
interface ChangesState {
  /** The newest audit id seen; null until the first answer. */
  latest: number | null;
  /** Others' changes since the app started, oldest first (the newest RECENT_KEPT). */
  recent: WorkspaceChange[];
  /** The changes the notice is saying, collapsed into one line; empty when there is none. */
  showing: WorkspaceChange[];
  notice: string;
  /** Why the last look for changes failed; cleared by the next answer. */
  problem: string | null;
  received(latest: number, others: WorkspaceChange[]): void;
  /** A look for changes failed: why, or null when something else (the file's banner) says it. */
  failed(message: string | null): void;
  /** Another workspace was opened: its changes have nothing to do with the old one's. */
  restart(): void;
  dismiss(): void;
}

const RECENT_KEPT = 500;
/** Long enough to read a line, short enough not to linger: it restarts when more arrive. */
export const NOTICE_MS = 8000;
let noticeTimer: ReturnType<typeof setTimeout> | null = null;

export const useChanges = create<ChangesState>()((set, get) => ({
  latest: null,
  recent: [],
  showing: [],
  notice: '',
  problem: null,

  received(latest, others) {
    if (others.length === 0) {
      set({ latest, problem: null });
      return;
    }
    const showing = [...get().showing, ...others];
    set({
      latest,
      problem: null,
      recent: [...get().recent, ...others].slice(-RECENT_KEPT),
      showing,
      notice: noticeText(showing),
    });
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => get().dismiss(), NOTICE_MS);
  },

  failed(message) {
    set({ problem: message });
  },

  restart() {
    set({ latest: null, recent: [] });
  },

  dismiss() {
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = null;
    set({ showing: [], notice: '' });
  },
}));

/** The newest of others' changes to one record (or to a part of it, as a paper's section) after audit id `after`, or null. */
export function changeTo(recent: readonly WorkspaceChange[], entity: string, entityId: number, after: number): WorkspaceChange | null {
  for (let i = recent.length - 1; i >= 0; i--) {
    const c = recent[i]!;
    if (c.id <= after) continue;
    if ((c.entity === entity && c.entityId === entityId) || (c.partOf?.entity === entity && c.partOf.id === entityId)) return c;
  }
  return null;
}

/**
 * For a panel that reads its records for itself: the id of the newest of others' changes to
 * any of `tables`, 0 when none; put it among the panel's effect's dependencies and the panel
 * reads again when someone else changes what it shows (its forms keep their drafts).
 */
export function useOthersChanged(tables: readonly string[]): number {
  return useChanges((s) => {
    for (let i = s.recent.length - 1; i >= 0; i--) {
      const c = s.recent[i]!;
      if (tables.includes(c.entity) || (c.partOf !== null && tables.includes(c.partOf.entity))) return c.id;
    }
    return 0;
  });
}
