import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import type { ScreenInputOf } from '../../../main/api/contract';
import type { Decision, DecisionResult, SearchHit } from '../../../main/decisions/contract';
import type { Board, MeetingChoice } from '../../../main/meetings/contract';
import type { Person } from '../../../main/people/contract';
import { api, call, messageOf } from '../api';
import { opKey, usePagedList, write } from '../queries';

/**
 * The Decisions area: the filters the person chose, what the log can link to (boards,
 * meetings, people, funding streams, indicators), and the search. The log itself is a cached
 * query (../queries.ts) read a page at a time: filters are sent to the workspace
 * (decision.list), which does the filtering; the screen never filters itself.
 */

/**
 * From and To left out (undefined): the workspace's default, the current financial year and
 * the decisions not dated yet; null: no bound.
 */
export type Filters = {
  boardId: number | null;
  status: Decision['status'] | null;
  type: Decision['type'] | null;
  decidedBy: Decision['decidedBy'] | null;
  from?: string | null;
  to?: string | null;
  search: string;
};
export const FIRST_FILTERS: Filters = { boardId: null, status: null, type: null, decidedBy: null, search: '' };

/** Rows a page. */
export const DECISIONS_PAGE = 100;

interface DecisionsState {
  filters: Filters;
  error: string | null;
  boards: Board[];
  meetings: MeetingChoice[];
  people: Person[];
  streams: { id: number; name: string; reference: string }[];
  indicators: { id: number; code: string; name: string }[];
  hits: SearchHit[];
  searched: string;

  setFilters(f: Partial<Filters>): void;
  loadDirectory(): Promise<void>;
  save(input: ScreenInputOf<'decision.create'> | ScreenInputOf<'decision.update'>): Promise<DecisionResult>;
  setStatus(input: ScreenInputOf<'decision.setStatus'>): Promise<DecisionResult>;
  search(q: string, kinds: ('decision' | 'paper' | 'minutes')[]): Promise<void>;
}

const DECISION_WRITES = ['decision', 'decision_indicator'];

export const useDecisions = create<DecisionsState>()((set, get) => ({
  filters: { ...FIRST_FILTERS },
  error: null,
  boards: [],
  meetings: [],
  people: [],
  streams: [],
  indicators: [],
  hits: [],
  searched: '',

  setFilters(f) {
    set({ filters: { ...get().filters, ...f } });
  },

  async loadDirectory() {
    try {
      const [boards, meetings, people, streams, indicators] = await Promise.all([
        call(api().board.list({})),
        call(api().meeting.choices({})),
        call(api().person.list({ search: '', organisationId: null })),
        call(api().fundingStream.list({})).catch(() => []),
        call(api().indicator.list({})).catch(() => []),
      ]);
      set({
        boards,
        meetings,
        people,
        streams: (streams as { id: number; name: string; reference: string }[]).map((s) => ({ id: s.id, name: s.name, reference: s.reference })),
        indicators: (indicators as { id: number; code: string; name: string }[]).map((i) => ({ id: i.id, code: i.code, name: i.name })),
      });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  save(input) {
    return 'id' in input ? write(api().decision.update(input), DECISION_WRITES) : write(api().decision.create(input), DECISION_WRITES);
  },

  setStatus(input) {
    return write(api().decision.setStatus(input), DECISION_WRITES);
  },

  async search(q, kinds) {
    const hits = q.trim() ? await call(api().search.query({ q, kinds })) : [];
    set({ hits, searched: q });
  },
}));

/** The log as the filters select it, a page at a time, with the dates the workspace applied. */
export function useDecisionLog(filters: Filters) {
  const { first, ...log } = usePagedList('decision.list', filters, (cursor) => call(api().decision.list({ ...filters, cursor, limit: DECISIONS_PAGE })));
  return { ...log, applied: first ? { from: first.from, to: first.to, withUndated: first.withUndated } : null };
}

/** One decision (opened by its link, #/decisions?id=…, when it is not in the rows loaded). */
export function useDecision(id: number | null) {
  return useQuery({ queryKey: opKey('decision.get', { id: id ?? 0 }), queryFn: () => call(api().decision.get({ id: id! })), enabled: id !== null });
}
