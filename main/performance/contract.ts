import { z } from 'zod';
import { command, edit, exportOp, query } from '../api/define';
import type { ExportResult } from '../documents/export-result';
import { outFile } from '../documents/out-file';
import { id, isoDate, nullable, optionalText, patchOf, requiredText } from '../api/fields';
import { FREQUENCIES, type Frequency } from './periods';
import { RAG_STATUSES, type RagStatus } from './rag';
import { TARGET_KINDS, type TargetKind } from './target';
import type { Trend } from './trend';
import { POLARITIES, UNITS, type Polarity, type Unit } from './units';

/**
 * The performance framework: themes (the Home Office success measures, the strategy's
 * themes, local priorities), their indicators, and each indicator's values by period with
 * their revisions; the scorecard, exceptions and detail built from them; imports and exports.
 */
export const THEME_KINDS = ['home_office', 'strategy_theme', 'local'] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];
export const THEME_KIND_LABELS: Record<ThemeKind, string> = {
  home_office: 'Home Office success measure',
  strategy_theme: 'Strategy theme',
  local: 'Local priority',
};

export const VALUE_STATUSES = ['provisional', 'final'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export interface FrameworkTheme {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  name: string;
  kind: ThemeKind;
  position: number;
  /** Amber is worse than target by at most this % of the target. */
  ragAmberTolerancePercent: number;
  indicatorCount: number;
}

export interface Indicator {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  themeId: number;
  themeName: string;
  code: string;
  name: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  frequency: Frequency;
  dataSource: string;
  ownerOrganisationId: number | null;
  ownerOrganisationName: string | null;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetKind: TargetKind | null;
  targetValue: number | null;
  targetBy: string | null;
  /** The target as a number, and in words: "378 by 31 March 2021 (10% below the 2018/19 baseline of 420)". */
  target: { value: number; text: string } | null;
  ragAmberTolerancePercent: number;
  /** Periods with a current value. */
  valueCount: number;
}

export interface IndicatorValue {
  id: number;
  indicatorId: number;
  period: string;
  periodLabel: string;
  value: number;
  valueText: string;
  status: ValueStatus;
  note: string;
  suppliedByOrganisationId: number | null;
  suppliedByOrganisationName: string | null;
  receivedOn: string;
  /** The revision that replaced this one; null for the current value. */
  supersededById: number | null;
  /** Earlier values of the same period, newest first (only on current values). */
  revisions: IndicatorValue[];
}

export type ValueFate = 'new' | 'changed' | 'unchanged' | 'rejected';

export interface RecordResult {
  fate: Exclude<ValueFate, 'rejected'>;
  value: IndicatorValue;
}

export interface RecordManyResult {
  new: number;
  changed: number;
  unchanged: number;
}

/** Which spreadsheet column (0-based) holds what. */
export interface ColumnMapping {
  period: number | null;
  value: number | null;
  indicator: number | null;
  status: number | null;
  note: number | null;
}

/** One row of an import, as read from the file (cells as text or numbers; dates as YYYY-MM-DD). */
export interface ImportRow {
  /** The spreadsheet's own row number, for messages. */
  row: number;
  indicator: string | number | null;
  period: string | number | null;
  value: string | number | null;
  status: string | null;
  note: string | null;
}

export interface PreviewRow extends ImportRow {
  indicatorId: number | null;
  indicatorCode: string | null;
  /** The period in its written form ("2019-04"), when it could be read. */
  periodKey: string | null;
  periodLabel: string | null;
  number: number | null;
  fate: ValueFate;
  /** Why rejected, or what a change replaces ("was 35, provisional"). */
  reason: string;
  /** The id of the period's current value when the row was classified (null: none, or the period could not be read). */
  currentValueId: number | null;
}

export interface ImportPreview {
  fileName: string;
  sheets: string[];
  sheet: string;
  headers: string[];
  /** The mapping used: the one sent, or one guessed from the headers. */
  mapping: ColumnMapping;
  /** What stops the mapping being used (a required column not chosen); empty when none. */
  mappingProblems: string[];
  rows: PreviewRow[];
  counts: Record<ValueFate, number>;
  /** What the preview was computed against, to send back with indicatorValue.importApply: each period it found, with the id of its current value (null: none). */
  basis: ImportBasisValue[];
}

export interface ImportBasisValue {
  indicatorId: number;
  period: string;
  valueId: number | null;
}

export interface ImportResult {
  counts: Record<ValueFate, number>;
  rows: PreviewRow[];
}

export interface ScorecardRow {
  indicatorId: number;
  code: string;
  name: string;
  themeId: number;
  themeName: string;
  themeKind: ThemeKind;
  unit: Unit;
  polarity: Polarity;
  frequency: Frequency;
  latest: { period: string; label: string; value: number; valueText: string; status: ValueStatus; note: string } | null;
  /** What is judged: the latest value, or a rolling 12-month total. */
  measured: { value: number; valueText: string; label: string } | null;
  target: { value: number; valueText: string; text: string } | null;
  rag: { status: RagStatus; label: string; rule: string };
  trendYear: Trend | null;
  trendBaseline: Trend | null;
  exception: boolean;
  exceptionReasons: string[];
  /** The latest periods' values (null where missing), oldest first. */
  sparkline: { periods: string[]; values: (number | null)[] };
}

export interface Scorecard {
  asAt: string;
  rows: ScorecardRow[];
  counts: Record<RagStatus, number>;
}

export interface ChartData {
  title: string;
  /** "Rolling 12-month total" or the unit's label. */
  seriesLabel: string;
  unit: Unit;
  points: { period: string; label: string; value: number | null }[];
  target: number | null;
  targetLabel: string | null;
  baseline: number | null;
  baselineLabel: string | null;
  /** Text alternative for the chart: what it shows, in words. */
  description: string;
}

export interface IndicatorDetail {
  indicator: Indicator;
  status: ScorecardRow;
  /** Every period from the first value to the as-at date, gaps included. */
  points: { period: string; label: string; value: number | null; valueText: string; status: ValueStatus | null; note: string; rolling: number | null; revisions: number }[];
  chart: ChartData;
}

const number = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`);
const percentBetween = (label: string) => number(label).min(0, `${label} cannot be negative`).max(100, `${label} must be at most 100`);
const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });
const periodText = (label: string) => z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(40, `${label} must be at most 40 characters`);
/** What was typed or pasted: the service reads it, so "n/a" is refused with the field named. */
const valueInput = (label: string) => z.union([z.number(), z.string().max(60, `${label} must be at most 60 characters`)], { error: `${label} must be a number` });
const asAt = isoDate('As-at date');

/** The performance report written: the common export result, and what went into it. */
export interface ReportExportResult extends ExportResult {
  indicators: number;
  charts: number;
}

const themeFields = {
  name: requiredText('Name', 160),
  kind: enumOf(THEME_KINDS, 'Kind').default('local'),
  position: z.number({ error: 'Position must be a number' }).int('Position must be a whole number').min(0, 'Position cannot be negative').nullable().default(null),
  ragAmberTolerancePercent: percentBetween('Amber tolerance').default(5),
};

const indicatorFields = {
  themeId: id('Theme'),
  code: requiredText('Code', 24).refine((s) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s), 'Code may contain only letters, digits, dots, dashes and slashes (e.g. HO-1)'),
  name: requiredText('Name', 200),
  definition: optionalText('Definition', 4000),
  unit: enumOf(UNITS, 'Unit'),
  polarity: enumOf(POLARITIES, 'Polarity'),
  frequency: enumOf(FREQUENCIES, 'Frequency'),
  dataSource: optionalText('Data source', 500),
  ownerOrganisationId: nullable(id('Owner')),
  baselinePeriod: nullable(periodText('Baseline period')),
  baselineValue: nullable(number('Baseline value')),
  targetKind: nullable(enumOf(TARGET_KINDS, 'Target kind')),
  targetValue: nullable(number('Target value')),
  targetBy: nullable(isoDate('Target date')),
};

const valueFields = {
  period: periodText('Period'),
  value: valueInput('Value'),
  status: enumOf(VALUE_STATUSES, 'Status').default('provisional'),
  note: optionalText('Note', 2000),
};

/**
 * The id of the period's current value when the screen read it (null: the period had none).
 * Sent, the save is refused naming who if a colleague has recorded another value since
 * (main/performance/values-read-at.ts); left out (scripts), the last save wins.
 */
const wasValueId = z.number({ error: 'Was must be the id of a value' }).int('Was must be the id of a value').positive('Was must be the id of a value').nullable().optional();

const provenance = {
  suppliedByOrganisationId: nullable(id('Supplied by')),
  /** Defaults to today. */
  receivedOn: nullable(isoDate('Received on')),
};

const cell = z.union([z.string().max(2000, 'A cell must be at most 2,000 characters'), z.number(), z.null()]);
const textCell = z.union([z.string().max(2000, 'A cell must be at most 2,000 characters'), z.null()]);
const column = z.number({ error: 'A column must be a number' }).int().min(0).max(1000).nullable().default(null);
const mapping = z.object({ period: column, value: column, indicator: column, status: column, note: column }).strict();

export const performanceContract = {
  'frameworkTheme.list': query<FrameworkTheme[]>()(z.object({}).strict().default({}), 'The framework themes, in order'),
  'frameworkTheme.create': command<FrameworkTheme>()(z.object(themeFields).strict(), 'Add a framework theme'),
  'frameworkTheme.update': edit<FrameworkTheme>()('framework_theme', 
    z.object({ id: id(), ...patchOf(themeFields) }).strict(),
    'Change a framework theme (its name, kind, order or amber tolerance)',
  ),
  'frameworkTheme.delete': edit<{ id: number }>()('framework_theme', z.object({ id: id() }).strict(), 'Delete a framework theme with no indicators'),

  'indicator.list': query<Indicator[]>()(
    z.object({ themeId: nullable(id('Theme')) }).strict().default({ themeId: null }),
    'Indicators, by theme and code',
  ),
  'indicator.get': query<Indicator>()(z.object({ id: id() }).strict(), 'One indicator'),
  'indicator.create': command<Indicator>()(z.object(indicatorFields).strict(), 'Add an indicator'),
  'indicator.update': edit<Indicator>()('indicator', z.object({ id: id(), ...indicatorFields }).strict(), 'Change an indicator: every field is sent, and the definition is replaced as a whole'),
  'indicator.delete': edit<{ id: number }>()('indicator', z.object({ id: id() }).strict(), 'Delete an indicator that has no values'),

  'indicatorValue.list': query<IndicatorValue[]>()(
    z.object({ indicatorId: id('Indicator') }).strict(),
    "An indicator's current values by period, each with its earlier revisions",
  ),
  'indicatorValue.record': command<RecordResult>()(
    z.object({ indicatorId: id('Indicator'), ...valueFields, ...provenance, wasValueId }).strict(),
    'Record the value of one period (a different value supersedes the current one, which is kept); `wasValueId` is the current value as it was read, refused if someone has recorded another since',
  ),
  'indicatorValue.recordMany': command<RecordManyResult>()(
    z
      .object({
        indicatorId: id('Indicator'),
        ...provenance,
        rows: z.array(z.object({ ...valueFields, wasValueId }).strict(), { error: 'Rows must be a list' }).min(1, 'Enter at least one value').max(5000, 'At most 5,000 values at once'),
      })
      .strict(),
    'Record many periods at once (the values grid): all or nothing, every bad row named',
  ),
  'indicatorValue.importPreview': query<ImportPreview>()(
    z
      .object({
        fileName: requiredText('File name', 260),
        contentBase64: z.string({ error: 'The file content must be text (base64)' }).max(28_000_000, 'The file is larger than 20 MB'),
        sheet: nullable(z.string().max(200)),
        mapping: nullable(mapping),
        /** Used for every row when the file has no indicator column. */
        indicatorId: nullable(id('Indicator')),
      })
      .strict(),
    'Read a .xlsx or .csv file and show what importing it would do to each row; writes nothing',
  ),
  'indicatorValue.importApply': command<ImportResult>()(
    z
      .object({
        rows: z
          .array(
            // Preview rows may be sent back as they are: their extra fields are dropped.
            z.object({ row: z.number().int().min(0), indicator: cell, period: cell, value: cell, status: textCell, note: textCell }),
            { error: 'Rows must be a list' },
          )
          .min(1, 'There is nothing to import')
          .max(50_000, 'At most 50,000 rows at once'),
        indicatorId: nullable(id('Indicator')),
        ...provenance,
        /** The preview's counts: if the workspace changed since, nothing is written. */
        expect: nullable(z.object({ new: z.number().int(), changed: z.number().int() }).strict()),
        /** The preview's `basis`: each period as it found it; one changed since refuses the import, naming who. */
        basis: z
          .array(z.object({ indicatorId: id('Indicator'), period: z.string().max(40), valueId: z.number().int().positive().nullable() }).strict(), { error: 'Basis must be a list' })
          .max(50_000, 'At most 50,000 rows at once')
          .optional(),
      })
      .strict(),
    'Import the rows of a previewed file in one transaction (rejected rows are skipped); `basis` is the preview’s periods as they stood (refused if one has changed since)',
  ),

  'performance.scorecard': query<Scorecard>()(
    z.object({ asAt, themeId: nullable(id('Theme')) }).strict(),
    'Every indicator as at a date: latest value, target, RAG with its rule, trends, sparkline',
  ),
  'performance.exceptions': query<Scorecard>()(z.object({ asAt }).strict(), 'Indicators that are red or worse than a year before'),
  'performance.detail': query<IndicatorDetail>()(
    z.object({ indicatorId: id('Indicator'), asAt }).strict(),
    "One indicator's values, rolling totals, status and chart data",
  ),
  'performance.exportReport': exportOp<ReportExportResult>()(
    z.object({ asAt, out: outFile(['docx']) }).strict(),
    'Write the Word performance report for the board',
  ),
  'performance.exportDataset': exportOp<ExportResult>()(
    z.object({ asAt, out: outFile(['xlsx']) }).strict(),
    'Write every indicator-period value as an .xlsx dataset',
  ),
} as const;

export type { RagStatus, TargetKind, Unit, Polarity, Frequency, Trend };
export { RAG_STATUSES };
