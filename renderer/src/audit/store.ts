import { create } from 'zustand';
import type { AuditEntry } from '../../../main/workspace/contract';
import { api, call, messageOf } from '../api';

/**
 * The audit trail as the screens read it: the recent trail (Settings) and one record's
 * history (the History dialog of a list row).
 */
interface AuditState {
  recent: AuditEntry[];
  recentError: string | null;
  history: { entity: string; entityId: number; entries: AuditEntry[] | null; error: string | null } | null;
  loadRecent(limit?: number): Promise<void>;
  loadHistory(entity: string, entityId: number): Promise<void>;
  closeHistory(): void;
}

export const useAudit = create<AuditState>()((set, get) => ({
  recent: [],
  recentError: null,
  history: null,

  async loadRecent(limit = 100) {
    try {
      set({ recent: await call(api().audit.list({ limit })), recentError: null });
    } catch (err) {
      set({ recentError: messageOf(err) });
    }
  },

  async loadHistory(entity, entityId) {
    set({ history: { entity, entityId, entries: null, error: null } });
    try {
      const entries = await call(api().audit.list({ entity, entityId, limit: 1000 }));
      if (get().history?.entityId === entityId) set({ history: { entity, entityId, entries, error: null } });
    } catch (err) {
      if (get().history?.entityId === entityId) set({ history: { entity, entityId, entries: [], error: messageOf(err) } });
    }
  },

  closeHistory() {
    set({ history: null });
  },
}));
