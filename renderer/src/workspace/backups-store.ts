import { create } from 'zustand';
import type { BackupEntry } from '../../../main/workspace/backups';
import type { RestoreResult } from '../../../main/workspace/backups-restore';
import { api, call, messageOf } from '../api';

/** Said once after the reload that follows a restore (the page's state goes with the reload). */
const RESTORED_KEY = 'board-secretariat.restored';

interface BackupsState {
  list: BackupEntry[] | null;
  error: string | null;
  /** What the last action did, for the status line. */
  status: string;
  load(): Promise<void>;
  /** Both throw an ApiError, for the dialog or button that asked to show it. */
  backUpNow(): Promise<void>;
  restore(name: string): Promise<void>;
  /** The message a restore left before the reload, read once. */
  takeRestoredMessage(): string;
}

export const useBackups = create<BackupsState>()((set, get) => ({
  list: null,
  error: null,
  status: '',

  async load() {
    try {
      set({ list: await call(api().backup.list({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  async backUpNow() {
    const made = await call(api().backup.create({}));
    set({ status: `Backed up as ${made.name}.` });
    await get().load();
  },

  async restore(name) {
    const result: RestoreResult = await call(api().backup.restore({ name }));
    // Every screen's data changed underneath it: reload the app so each reads it afresh.
    window.sessionStorage.setItem(RESTORED_KEY, `Restored ${result.restored.name}. The workspace as it was just before is saved as ${result.savedFirst.name}.`);
    window.location.reload();
  },

  takeRestoredMessage() {
    const message = window.sessionStorage.getItem(RESTORED_KEY) ?? '';
    window.sessionStorage.removeItem(RESTORED_KEY);
    return message;
  },
}));

export function hasRestoredMessage(): boolean {
  return window.sessionStorage.getItem(RESTORED_KEY) !== null;
}
