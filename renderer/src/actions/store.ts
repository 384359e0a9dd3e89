import { create } from 'zustand';
import type { Action, ActionFilter, Board } from '../../../main/meetings/contract';
import type { ActionStatus } from '../../../main/meetings/labels';
import type { Person } from '../../../main/people/contract';
import { api, call, messageOf } from '../api';

/** The action log: the filter, the rows it selects, this week's summary. */
interface ActionsState {
  filter: ActionFilter;
  actions: Action[];
  loaded: boolean;
  error: string | null;
  week: { weekStart: string; weekEnd: string; dueThisWeek: Action[]; overdue: Action[] } | null;
  boards: Board[];
  people: Person[];
  load(): Promise<void>;
  loadChoices(): Promise<void>;
  setFilter(patch: Partial<ActionFilter>): void;
  /** Saves an action's changes against the version it was read at (refused, naming who, if someone changed it since). */
  save(action: Pick<Action, 'id' | 'version'>, patch: { status?: ActionStatus; dueOn?: string | null; description?: string }): Promise<void>;
  addUpdate(id: number, text: string, updatedOn: string | null): Promise<void>;
}

export const EMPTY_FILTER: ActionFilter = { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: [], overdue: false, search: '' };

let request = 0;

export const useActions = create<ActionsState>()((set, get) => ({
  filter: EMPTY_FILTER,
  actions: [],
  loaded: false,
  error: null,
  week: null,
  boards: [],
  people: [],

  async load() {
    const mine = ++request;
    try {
      const [actions, week] = await Promise.all([call(api().action.list(get().filter)), call(api().action.dueThisWeek({}))]);
      if (mine === request) set({ actions, week, loaded: true, error: null });
    } catch (err) {
      if (mine === request) set({ loaded: true, error: messageOf(err) });
    }
  },

  async loadChoices() {
    try {
      const [boards, people] = await Promise.all([call(api().board.list({})), call(api().person.list({}))]);
      set({ boards, people });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    void get().load();
  },

  async save(action, patch) {
    try {
      await call(api().action.update({ id: action.id, version: action.version, ...patch }));
    } finally {
      // Refused or not, the list shows the action as it is now (a stale refusal means it changed).
      await get().load();
    }
  },

  async addUpdate(id, text, updatedOn) {
    await call(api().action.addUpdate({ actionId: id, text, updatedOn }));
    await get().load();
  },
}));
