import { create } from 'zustand';
import type { InputOf, ScreenInputOf } from '../../../main/api/contract';
import type { Organisation } from '../../../main/people/contract';
import type {
  FrameworkTheme, ImportPreview, ImportResult, Indicator, IndicatorDetail, IndicatorValue, RecordManyResult, Scorecard,
} from '../../../main/performance/contract';
import { api, call, messageOf } from '../api';
import { todayIso } from '../today';

/**
 * The Performance area: the scorecard and exceptions as at a date, the framework's themes and
 * indicators, the indicator open in the detail view, and the writes. Every status, trend and
 * total comes from the workspace; this store only asks and keeps the answers.
 */
export type IndicatorDraft = InputOf<'indicator.create'>;
export type ThemeDraft = InputOf<'frameworkTheme.create'>;
export type GridRow = InputOf<'indicatorValue.recordMany'>['rows'][number];

export type View = { kind: 'scorecard' } | { kind: 'exceptions' } | { kind: 'import' } | { kind: 'export' } | { kind: 'indicator'; id: number };

interface PerformanceState {
  view: View;
  asAt: string;
  scorecard: Scorecard | null;
  exceptions: Scorecard | null;
  themes: FrameworkTheme[];
  indicators: Indicator[];
  organisations: Organisation[];
  detail: IndicatorDetail | null;
  values: IndicatorValue[];
  error: string | null;
  loading: boolean;

  show(view: View): void;
  setAsAt(asAt: string): void;
  loadFramework(): Promise<void>;
  loadScorecard(): Promise<void>;
  loadExceptions(): Promise<void>;
  loadDetail(id: number): Promise<void>;
  /** The framework and the view on screen again, as they are now (after others' changes). */
  reload(): Promise<void>;

  saveTheme(draft: ThemeDraft): Promise<FrameworkTheme>;
  saveIndicator(draft: IndicatorDraft, record?: { id: number; version: number }): Promise<Indicator>;
  saveValues(input: { indicatorId: number; rows: GridRow[]; suppliedByOrganisationId: number | null; receivedOn: string | null }): Promise<RecordManyResult>;
  previewImport(input: InputOf<'indicatorValue.importPreview'>): Promise<ImportPreview>;
  applyImport(input: ScreenInputOf<'indicatorValue.importApply'>): Promise<ImportResult>;
}

let detailRequest = 0;

export const usePerformance = create<PerformanceState>()((set, get) => ({
  view: { kind: 'scorecard' },
  asAt: todayIso(),
  scorecard: null,
  exceptions: null,
  themes: [],
  indicators: [],
  organisations: [],
  detail: null,
  values: [],
  error: null,
  loading: false,

  show(view) {
    set({ view, error: null });
    if (view.kind === 'indicator') void get().loadDetail(view.id);
    if (view.kind === 'scorecard') void get().loadScorecard();
    if (view.kind === 'exceptions') void get().loadExceptions();
  },

  setAsAt(asAt) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt)) return;
    set({ asAt });
    const { view } = get();
    get().show(view);
  },

  async loadFramework() {
    try {
      const [themes, indicators, organisations] = await Promise.all([
        call(api().frameworkTheme.list({})),
        call(api().indicator.list({ themeId: null })),
        call(api().organisation.list({ search: '' })),
      ]);
      set({ themes, indicators, organisations });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  async loadScorecard() {
    set({ loading: true });
    try {
      set({ scorecard: await call(api().performance.scorecard({ asAt: get().asAt, themeId: null })), error: null, loading: false });
    } catch (err) {
      set({ error: messageOf(err), loading: false });
    }
  },

  async loadExceptions() {
    set({ loading: true });
    try {
      set({ exceptions: await call(api().performance.exceptions({ asAt: get().asAt })), error: null, loading: false });
    } catch (err) {
      set({ error: messageOf(err), loading: false });
    }
  },

  async loadDetail(id) {
    const mine = ++detailRequest;
    try {
      const [detail, values] = await Promise.all([
        call(api().performance.detail({ indicatorId: id, asAt: get().asAt })),
        call(api().indicatorValue.list({ indicatorId: id })),
      ]);
      if (mine === detailRequest) set({ detail, values, error: null });
    } catch (err) {
      if (mine === detailRequest) set({ error: messageOf(err) });
    }
  },

  async reload() {
    get().show(get().view);
    await get().loadFramework();
  },

  async saveTheme(draft) {
    const theme = await call(api().frameworkTheme.create(draft));
    await get().loadFramework();
    return theme;
  },

  async saveIndicator(draft, record) {
    const indicator = record === undefined ? await call(api().indicator.create(draft)) : await call(api().indicator.update({ ...draft, ...record }));
    await get().loadFramework();
    const { view } = get();
    get().show(view.kind === 'indicator' ? view : { kind: 'scorecard' });
    return indicator;
  },

  async saveValues(input) {
    const result = await call(api().indicatorValue.recordMany(input));
    await Promise.all([get().loadDetail(input.indicatorId), get().loadFramework()]);
    return result;
  },

  previewImport(input) {
    return call(api().indicatorValue.importPreview(input));
  },

  async applyImport(input) {
    const result = await call(api().indicatorValue.importApply(input));
    await get().loadFramework();
    return result;
  },
}));
