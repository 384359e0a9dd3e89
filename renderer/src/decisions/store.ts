import { create } from 'zustand';
import type { InputOf } from '../../../main/api/contract';
import type { Decision, DecisionResult, SearchHit } from '../../../main/decisions/contract';
import type { Board, Meeting } from '../../../main/meetings/contract';
import type { Person } from '../../../main/people/contract';
import { api, call, messageOf } from '../api';

/**
 * The Decisions area: the log as the filters ask for it, what it can link to (boards,
 * meetings, people, funding streams, indicators), and the search. Filters are sent to the
 * workspace (decision.list), which does the filtering; the screen never filters itself.
 */

export const EMPTY_FILTERS = { boardId: null, status: null, type: null, decidedBy: null, from: null, to: null, search: '' } as const;
export type Filters = { boardId: number | null; status: Decision['status'] | null; type: Decision['type'] | null; decidedBy: Decision['decidedBy'] | null; from: string | null; to: string | null; search: string };

interface DecisionsState {
  filters: Filters;
  decisions: Decision[];
  loaded: boolean;
  error: string | null;
  boards: Board[];
  meetings: Meeting[];
  people: Person[];
  streams: { id: number; name: string; reference: string }[];
  indicators: { id: number; code: string; name: string }[];
  hits: SearchHit[];
  searched: string;

  setFilters(f: Partial<Filters>): Promise<void>;
  load(): Promise<void>;
  loadDirectory(): Promise<void>;
  save(input: InputOf<'decision.create'> | InputOf<'decision.update'>): Promise<DecisionResult>;
  setStatus(input: InputOf<'decision.setStatus'>): Promise<DecisionResult>;
  search(q: string, kinds: ('decision' | 'paper' | 'minutes')[]): Promise<void>;
}

let request = 0;

export const useDecisions = create<DecisionsState>()((set, get) => ({
  filters: { ...EMPTY_FILTERS },
  decisions: [],
  loaded: false,
  error: null,
  boards: [],
  meetings: [],
  people: [],
  streams: [],
  indicators: [],
  hits: [],
  searched: '',

  async setFilters(f) {
    set({ filters: { ...get().filters, ...f } });
    await get().load();
  },

  async load() {
    const mine = ++request;
    try {
      const decisions = await call(api().decision.list(get().filters));
      if (mine === request) set({ decisions, loaded: true, error: null });
    } catch (err) {
      if (mine === request) set({ loaded: true, error: messageOf(err) });
    }
  },

  async loadDirectory() {
    try {
      const [boards, meetings, people, streams, indicators] = await Promise.all([
        call(api().board.list({})),
        call(api().meeting.list({})),
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

  async save(input) {
    const r = 'id' in input ? await call(api().decision.update(input)) : await call(api().decision.create(input));
    await get().load();
    return r;
  },

  async setStatus(input) {
    const r = await call(api().decision.setStatus(input));
    await get().load();
    return r;
  },

  async search(q, kinds) {
    const hits = q.trim() ? await call(api().search.query({ q, kinds })) : [];
    set({ hits, searched: q });
  },
}));
