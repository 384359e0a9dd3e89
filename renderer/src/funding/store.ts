import { create } from 'zustand';
import type { InputOf } from '../../../main/api/contract';
import type { Award, BudgetLine, Claim, FundingStream, FundingStreamSummary, Position, SpendGrid } from '../../../main/funding/contract';
import type { Board } from '../../../main/meetings/contract';
import type { Organisation } from '../../../main/people/contract';
import { financialYearOf } from '../../../main/shared/financial-year';
import { api, call, messageOf } from '../api';
import { todayIso } from '../today';

/**
 * The Funding area: the list of streams, the stream open with its year, and everything
 * shown about it (position, spend grid, budget lines, awards, claims). Every figure and
 * warning comes from the workspace; this store only asks and keeps the answers.
 */
export type Tab = 'position' | 'spend' | 'budget' | 'awards' | 'rounds' | 'claims';

interface FundingState {
  streams: FundingStreamSummary[];
  streamId: number | null;
  stream: FundingStream | null;
  year: string;
  tab: Tab;
  asOfQuarter: number | null;
  position: Position | null;
  grid: SpendGrid | null;
  lines: BudgetLine[];
  awards: Award[];
  claims: Claim[];
  organisations: Organisation[];
  boards: Board[];
  error: string | null;

  loadStreams(): Promise<void>;
  open(streamId: number | null): Promise<void>;
  setYear(year: string): Promise<void>;
  setTab(tab: Tab): void;
  setAsOfQuarter(q: number | null): Promise<void>;
  refresh(): Promise<void>;
  createStream(input: InputOf<'fundingStream.create'>): Promise<FundingStream>;
}

function currentYearOf(stream: FundingStream): string {
  const fy = financialYearOf(todayIso());
  return stream.years.includes(fy) ? fy : (stream.years[0] ?? fy);
}

export const useFunding = create<FundingState>()((set, get) => ({
  streams: [],
  streamId: null,
  stream: null,
  year: '',
  tab: 'position',
  asOfQuarter: null,
  position: null,
  grid: null,
  lines: [],
  awards: [],
  claims: [],
  organisations: [],
  boards: [],
  error: null,

  async loadStreams() {
    try {
      set({ streams: await call(api().fundingStream.list({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  async open(streamId) {
    if (streamId === null) {
      set({ streamId: null, stream: null, position: null, grid: null });
      await get().loadStreams();
      return;
    }
    try {
      const stream = await call(api().fundingStream.get({ id: streamId }));
      set({ streamId, stream, year: currentYearOf(stream), tab: 'position', asOfQuarter: null, position: null, grid: null, error: null });
      const [organisations, boards] = await Promise.all([call(api().organisation.list({})), call(api().board.list({}))]);
      set({ organisations, boards });
      await get().refresh();
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  async setYear(year) {
    set({ year, asOfQuarter: null });
    await get().refresh();
  },

  setTab(tab) {
    set({ tab });
  },

  async setAsOfQuarter(asOfQuarter) {
    set({ asOfQuarter });
    await get().refresh();
  },

  async refresh() {
    const { streamId, year, asOfQuarter } = get();
    if (streamId === null) return;
    try {
      const [stream, position, grid, lines, awards, claims] = await Promise.all([
        call(api().fundingStream.get({ id: streamId })),
        call(api().funding.position({ streamId, financialYear: year, asOfQuarter })),
        call(api().spend.grid({ streamId, financialYear: year })),
        call(api().budgetLine.list({ streamId, financialYear: year })),
        call(api().award.list({ streamId, financialYear: null })),
        call(api().claim.list({ streamId })),
      ]);
      if (get().streamId !== streamId) return; // another stream was opened meanwhile
      set({ stream, position, grid, lines, awards, claims, error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  async createStream(input) {
    const stream = await call(api().fundingStream.create(input));
    await get().loadStreams();
    return stream;
  },
}));

/** A funded project's monitoring, as the tables say it. */
export function monitoringText(met: boolean | null): string {
  return met === null ? 'Not yet assessed' : met ? 'Yes' : 'No';
}
