import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import type { Action, ActionListInput } from '../../../main/meetings/contract';
import type { ActionStatus } from '../../../main/meetings/labels';
import { api, call } from '../api';
import { opKey, usePagedList, write } from '../queries';

/**
 * The action log's UI state: the filter the person chose. The rows, this week's summary and
 * the choices for the filters are cached queries (../queries.ts), keyed by operation and
 * input, read a page at a time and invalidated after writes and others' changes.
 */
export type ActionsFilter = Omit<ActionListInput, 'cursor' | 'limit'>;

interface ActionsState {
  filter: ActionsFilter;
  setFilter(patch: Partial<ActionsFilter>): void;
}

/** What the log shows first: the open and in-progress actions of every board. */
export const FIRST_FILTER: ActionsFilter = { boardId: null, meetingId: null, ownerPersonId: null, ownerOrganisationId: null, statuses: ['open', 'in_progress'], overdue: false, search: '' };

/** Rows a page: a few screens' worth, so a scroll rarely waits. */
export const ACTIONS_PAGE = 200;

export const useActions = create<ActionsState>()((set, get) => ({
  filter: FIRST_FILTER,
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
}));

const ACTION_WRITES = ['action', 'action_update', 'action_due_revision'];

/** Saves an action's changes against the version it was read at (refused, naming who, if someone changed it since). */
export function saveAction(
  action: Pick<Action, 'id' | 'version'>,
  patch: { status?: ActionStatus; dueOn?: string | null; dueReason?: string; description?: string; ownerPersonId?: number | null; ownerOrganisationId?: number | null; progress?: string },
) {
  return write(api().action.update({ id: action.id, version: action.version, ...patch }), ACTION_WRITES);
}

/** The action log as the filter selects it, a page at a time. */
export function useActionLog(filter: ActionsFilter) {
  const { first, ...log } = usePagedList('action.list', filter, (cursor) => call(api().action.list({ ...filter, cursor, limit: ACTIONS_PAGE })));
  return { ...log, overdue: first?.overdue ?? 0 };
}

export function useWeek() {
  return useQuery({ queryKey: opKey('action.dueThisWeek', {}), queryFn: () => call(api().action.dueThisWeek({})) });
}

/** The boards and people the filters offer. */
export function useActionChoices() {
  const boards = useQuery({ queryKey: opKey('board.list', {}), queryFn: () => call(api().board.list({})) });
  const people = useQuery({ queryKey: opKey('person.list', {}), queryFn: () => call(api().person.list({})) });
  return { boards: boards.data ?? [], people: people.data ?? [], error: boards.error ?? people.error };
}
