import { create } from 'zustand';
import type { SETTING_KEYS, WorkspaceInfo } from '../../../main/workspace/contract';
import { api, call, messageOf } from '../api';

export type SettingKey = (typeof SETTING_KEYS)[number];

/** The open workspace: its file, schema version, counts and settings. */
interface WorkspaceState {
  info: WorkspaceInfo | null;
  error: string | null;
  /** The user chose to start empty this session: the first-run choice is not offered again. */
  startedEmpty: boolean;
  load(): Promise<void>;
  /** Both throw an ApiError, for the screen that asked to show it. */
  loadDemo(): Promise<void>;
  setSetting(key: SettingKey, value: string): Promise<void>;
  startEmpty(): void;
}

export const useWorkspace = create<WorkspaceState>()((set) => ({
  info: null,
  error: null,
  startedEmpty: false,

  async load() {
    try {
      set({ info: await call(api().workspace.info({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
      throw err;
    }
  },

  async loadDemo() {
    set({ info: await call(api().workspace.loadDemo({})) });
  },

  async setSetting(key, value) {
    set({ info: await call(api().workspace.setSetting({ key, value })) });
  },

  startEmpty() {
    set({ startedEmpty: true });
  },
}));

/** The name in the header: the organisation's, or else the workspace file's. */
export function workspaceTitle(info: WorkspaceInfo | null): string {
  if (!info) return '';
  const name = info.settings.organisationName;
  if (name) return name;
  return info.path.split(/[\\/]/).pop() ?? info.path;
}
