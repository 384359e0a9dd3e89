import { z } from 'zod';
import { command, edit, exportOp, query, readVersions } from '../api/define';
import type { ExportResult } from '../documents/export-result';
import { docxOrXlsx, outFile, outMatchesFormat } from '../documents/out-file';
import { financialYear, flag, id, isoDate, isoMonth, money, nullable, optionalText, percent, requiredText } from '../api/fields';

/**
 * The funding area: funding streams with their yearly allocations and rules, budget lines,
 * funded projects (awards), monthly actual and forecast spend, the position views, the
 * what-if virement, claims and the Home Office spend return. Money arrives as text typed by
 * a person (money() in main/api/fields.ts) and leaves as integer pence.
 */

export const CLAIM_FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export const COST_TYPES = ['revenue', 'capital'] as const;
export const TIERS = ['primary', 'secondary', 'tertiary'] as const;
export const SPEND_KINDS = ['actual', 'forecast'] as const;
export const CLAIM_STATUSES = ['draft', 'submitted', 'paid'] as const;
export const CLAIM_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12', 'Year'] as const;

export type ClaimFrequency = (typeof CLAIM_FREQUENCIES)[number];
export type CostType = (typeof COST_TYPES)[number];
export type Tier = (typeof TIERS)[number];
export type SpendKind = (typeof SPEND_KINDS)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A rule the user may go past, shown beside the figures it concerns. */
export interface FundingWarning {
  code: string;
  message: string;
  field?: string;
  /** What it concerns, so a screen can put it beside the row: "award:3", "line:12", "stream". */
  subject?: string;
}

export interface Allocation {
  financialYear: string;
  amountPence: number;
}

export interface FundingStream {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  reference: string;
  name: string;
  funder: string;
  agreementReference: string;
  firstYear: string;
  lastYear: string;
  spendBy: string | null;
  claimFrequency: ClaimFrequency;
  awardCapPence: number | null;
  matchFundingPercent: number | null;
  minInterventionPercent: number | null;
  evaluationPercent: number | null;
  carryOverAllowed: boolean;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Every financial year the stream covers, first to last. */
  years: string[];
  allocations: Allocation[];
  /** The stream's spend headings: those its budget lines use, or the default list when it has none. */
  headings: string[];
}

export interface FundingStreamSummary extends FundingStream {
  totalAllocationPence: number;
  awardCount: number;
  budgetLineCount: number;
}

export interface BudgetLine {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  streamId: number;
  financialYear: string;
  heading: string;
  costType: CostType;
  costCentre: string;
  allocatedPence: number;
}

export interface AwardYear {
  financialYear: string;
  amountPence: number;
}

export interface Award {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  streamId: number;
  organisationId: number;
  organisationName: string;
  project: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  tier: Tier | null;
  theme: string;
  /** null: not yet assessed. */
  monitoringMet: boolean | null;
  years: AwardYear[];
  createdAt: string;
  updatedAt: string;
}

export interface AwardResult {
  award: Award;
  warnings: FundingWarning[];
}

/** A row of the spend grid: a budget line or an award, with its twelve months. */
export interface SpendRow {
  /** "line:12" or "award:3". */
  key: string;
  budgetLineId: number | null;
  awardId: number | null;
  label: string;
  heading: string;
  costType: CostType;
  budgetPence: number;
  /** Indexed like SpendGrid.months; null where nothing is entered. */
  actual: (number | null)[];
  forecast: (number | null)[];
}

export interface SpendGrid {
  streamId: number;
  financialYear: string;
  months: string[];
  rows: SpendRow[];
}

export interface SetCellsResult {
  written: number;
  deleted: number;
  unchanged: number;
  grid: SpendGrid;
  warnings: FundingWarning[];
}

/** A month's figures for one line of the position. */
export interface MonthFigures {
  month: string;
  actualPence: number | null;
  forecastPence: number | null;
}

export interface QuarterFigures {
  quarter: 1 | 2 | 3 | 4;
  /** Actual spend in the quarter's months up to the cut-off. */
  actualPence: number;
  /** Forecast spend in the quarter's months after the cut-off. */
  forecastPence: number;
  /** actual + forecast: the quarter as it is expected to end. */
  outturnPence: number;
}

export interface PositionFigures {
  budgetPence: number;
  /** Actual spend in the cut-off quarter alone. */
  actualQuarterPence: number;
  actualToDatePence: number;
  /** Forecast for the months after the cut-off. */
  forecastRemainingPence: number;
  /** Actual to date + forecast remaining: where the year is expected to end. */
  forecastYearEndPence: number;
  /** Budget − forecast to year end: positive is an underspend, negative an overspend. */
  variancePence: number;
  quarters: QuarterFigures[];
}

export interface PositionLine extends PositionFigures {
  key: string;
  kind: 'line' | 'award';
  id: number;
  label: string;
  heading: string;
  costType: CostType;
  months: MonthFigures[];
}

export interface PositionHeading extends PositionFigures {
  heading: string;
  costType: CostType;
  lineKeys: string[];
}

export interface AwardPaid {
  awardId: number;
  organisationName: string;
  project: string;
  tier: Tier | null;
  theme: string;
  monitoringMet: boolean | null;
  awardPence: number;
  paidPence: number;
  /** award − paid */
  remainingPence: number;
}

export interface Position {
  stream: { id: number; reference: string; name: string; funder: string; agreementReference: string; spendBy: string | null; carryOverAllowed: boolean };
  financialYear: string;
  /** 0 when nothing is actual yet; otherwise actuals run to the end of this quarter. */
  asOfQuarter: 0 | 1 | 2 | 3 | 4;
  /** Last month counted as actual ("" when asOfQuarter is 0). */
  cutOffMonth: string;
  allocationPence: number;
  /** Budget lines plus awards for the year: the same figure as totals.budgetPence. */
  budgetedPence: number;
  /** "Allocation not yet budgeted": allocation − budget; negative when the budget is above the allocation (warned). */
  unbudgetedPence: number;
  /** The date this year's allocation is to be spent by (rules.spendByFor); null when carry-over is allowed and the stream has none. */
  spendBy: string | null;
  lines: PositionLine[];
  headings: PositionHeading[];
  costTypes: (PositionFigures & { costType: CostType })[];
  totals: PositionFigures;
  /** Allocation left unspent at the spend-by date on the current forecast, when it cannot be carried over. */
  underspendAtRiskPence: number;
  awards: AwardPaid[];
  warnings: FundingWarning[];
}

/** A stream-year's headline figures; the overview's totals are the same figures summed over its streams. */
export interface StreamYearFigures {
  allocationPence: number;
  budgetedPence: number;
  actualToDatePence: number;
  forecastYearEndPence: number;
  /** Budget − forecast to year end (actual to date + forecast for the months after), as in the stream's heading table. */
  variancePence: number;
  /** "Allocation not yet budgeted": allocation − budget, negative when the budget is above the allocation. */
  unbudgetedPence: number;
  underspendAtRiskPence: number;
}

export interface StreamYearSummary extends StreamYearFigures {
  streamId: number;
  reference: string;
  name: string;
  funder: string;
  financialYear: string;
  warnings: FundingWarning[];
}

export interface FundingOverview {
  financialYear: string;
  streams: StreamYearSummary[];
  /** Each the sum of the streams' figures. */
  totals: StreamYearFigures;
}

/** One move of a what-if virement: from a budget line or award to another. */
export interface VirementMoveView {
  from: string;
  to: string;
  amountPence: number;
}

export interface VirementPreview {
  moves: (VirementMoveView & { fromLabel: string; toLabel: string })[];
  totalMovedPence: number;
  before: Position;
  after: Position;
  warnings: FundingWarning[];
}

export interface Claim {
  /** The version it was read at: an edit sends it back and is refused if the record has changed since. */
  version: number;
  id: number;
  streamId: number;
  financialYear: string;
  period: string;
  status: ClaimStatus;
  amountPence: number;
  preparedBy: string;
  signedOffBy: string;
  submittedOn: string | null;
  /** When the claim was signed off (signedOffBy); set on submission unless given. */
  signedOffOn: string | null;
  paidOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ImportOutcome = 'new' | 'changed' | 'unchanged' | 'rejected';

/** Which column holds what; columns are named by their header text. */
export interface ImportMapping {
  date: string;
  target: string;
  amount: string;
  /** Column saying actual or forecast; when empty every row is `defaultKind`. */
  kind: string;
  defaultKind: SpendKind;
}

export interface ImportTable {
  fileName: string;
  sheetName: string;
  headers: string[];
  rows: string[][];
}

export interface ImportPreviewRow {
  outcome: ImportOutcome;
  /** Spreadsheet rows (1-based, header is row 1) that were summed into this change. */
  sourceRows: number[];
  target: string;
  targetLabel: string;
  month: string;
  kind: SpendKind | '';
  amountPence: number | null;
  previousPence: number | null;
  reason: string;
}

export interface ImportPreview {
  source: string;
  mapping: ImportMapping;
  rows: ImportPreviewRow[];
  counts: Record<ImportOutcome, number>;
  /** What the preview was computed against, to send back with spend.importCommit: each cell it found, with the figure the cell held. */
  basis: ImportBasisCell[];
}

export interface ImportBasisCell {
  target: string;
  month: string;
  kind: SpendKind;
  previousPence: number | null;
}

export interface ImportReadResult {
  table: ImportTable;
  /** The mapping remembered for this source, or one guessed from the headers. */
  mapping: ImportMapping;
  remembered: boolean;
}

/** The spend return written: the common export result, the template used and the return's figures. */
export interface ReturnExportResult extends ExportResult {
  template: string;
  totals: PositionFigures;
  claim: Claim | null;
}

const streamId = id('Funding stream');

/**
 * What a preview was computed against: each cell it would write, with the figure the cell held
 * then (previousPence, null for none). The import is refused when one of them has changed since,
 * naming who changed which cell, instead of the file's figure silently replacing theirs.
 */
const importBasis = z
  .array(
    z
      .object({
        target: z.string({ error: 'Basis target must be text' }).max(40),
        month: z.string({ error: 'Basis month must be text' }).max(7),
        kind: z.enum(['actual', 'forecast'], { error: 'Basis kind must be actual or forecast' }),
        previousPence: z.number({ error: 'Basis previous must be a number of pence' }).int().nullable(),
      })
      .strict(),
    { error: 'Basis must be the list of the preview’s cells' },
  )
  .max(50000, 'At most 50,000 cells in one import')
  .optional();

/**
 * An update's fields: every field optional and without its create-time default, so a
 * change that names one field leaves the others as they are (zod's .partial() would fill
 * the defaults back in).
 */
function patchOf<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  return out as never;
}
const year = financialYear();
const moneyOrNull = (label: string) => money(label).nullable().default(null);

const allocationInput = z.object({ financialYear: year, amount: money('Allocation') }).strict();

const streamFields = {
  reference: requiredText('Reference', 40).refine((s) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s), 'Reference may contain only letters, digits and . _ / - (e.g. VRU-GRANT)'),
  name: requiredText('Name', 160),
  funder: requiredText('Funder', 160),
  agreementReference: optionalText('Agreement reference', 80),
  firstYear: financialYear('First year'),
  lastYear: financialYear('Last year'),
  spendBy: nullable(isoDate('Spend by')),
  claimFrequency: z.enum(CLAIM_FREQUENCIES, { error: `Claim frequency must be one of: ${CLAIM_FREQUENCIES.join(', ')}` }).default('quarterly'),
  awardCap: moneyOrNull('Award cap'),
  matchFundingPercent: nullable(percent('Match funding %')),
  minInterventionPercent: nullable(percent('Minimum intervention %')),
  evaluationPercent: nullable(percent('Evaluation %')),
  carryOverAllowed: flag('Carry-over allowed').default(false),
  notes: optionalText('Notes'),
};

const budgetLineFields = {
  heading: requiredText('Heading', 120),
  costType: z.enum(COST_TYPES, { error: 'Cost type must be revenue or capital' }).default('revenue'),
  costCentre: optionalText('Cost centre', 40),
  allocated: money('Allocated amount'),
};

const awardYearInput = z.object({ financialYear: year, amount: money('Award amount') }).strict();

const awardFields = {
  organisationId: id('Recipient organisation'),
  project: requiredText('Project', 200),
  description: optionalText('Description', 4000),
  startsOn: nullable(isoDate('Start date')),
  endsOn: nullable(isoDate('End date')),
  tier: z.enum(TIERS, { error: 'Tier must be primary, secondary or tertiary' }).nullable().default(null),
  theme: optionalText('Theme', 160),
  monitoringMet: flag('Monitoring met').nullable().default(null),
};

/** A budget line ("line:12") or an award ("award:3"). */
const target = z.string({ error: 'Target must be text' }).regex(/^(line|award):[1-9]\d*$/, 'Target must be a budget line or award, written line:ID or award:ID');

const spendCell = z
  .object({
    target,
    month: isoMonth('Month'),
    kind: z.enum(SPEND_KINDS, { error: 'Kind must be actual or forecast' }),
    /** Empty text clears the cell. */
    amount: z.string({ error: 'Amount must be text' }).max(40, 'Amount must be at most 40 characters'),
    /**
     * The cell's amount in pence when the grid was loaded (null: empty). Sent, the save is
     * refused, naming who, if someone else has changed the cell since: a finance colleague's
     * figure is never typed over unseen. Left out, the last save wins.
     */
    wasPence: z.number({ error: 'Was must be a number of pence' }).int('Was must be whole pence').nullable().optional(),
  })
  .strict();

const mapping = z
  .object({
    date: requiredText('Date column', 200),
    target: requiredText('Cost centre or budget line column', 200),
    amount: requiredText('Amount column', 200),
    kind: optionalText('Actual or forecast column', 200),
    defaultKind: z.enum(SPEND_KINDS, { error: 'Default kind must be actual or forecast' }).default('actual'),
  })
  .strict();

/** A file read for import, as text cells (./import-file.ts): the spend import's and the bid import's. */
export const importTable = z
  .object({
    fileName: z.string().max(500).default(''),
    sheetName: z.string().max(200).default(''),
    headers: z.array(z.string().max(500)).min(1, 'The file has no header row').max(200),
    rows: z.array(z.array(z.string().max(2000)).max(200)).max(100_000, 'The file has more than 100,000 rows; split it'),
  })
  .strict();

const source = requiredText('Source', 120);

const moves = z
  .array(z.object({ from: target, to: target, amount: money('Amount moved') }).strict(), { error: 'Moves must be a list' })
  .min(1, 'Add at least one move')
  .max(50, 'At most 50 moves in one virement');

const quarter = z.number({ error: 'Quarter must be 1, 2, 3 or 4' }).int().min(1, 'Quarter must be 1, 2, 3 or 4').max(4, 'Quarter must be 1, 2, 3 or 4');

export const fundingContract = {
  'fundingStream.list': query<FundingStreamSummary[]>()(z.object({}).strict().default({}), 'Funding streams, by reference'),
  'fundingStream.get': query<FundingStream>()(z.object({ id: id() }).strict(), 'One funding stream with its allocations and headings'),
  'fundingStream.create': command<FundingStream>()(
    z.object({ ...streamFields, allocations: z.array(allocationInput).max(30).default([]) }).strict(),
    'Add a funding stream with its yearly allocations',
  ),
  'fundingStream.update': edit<FundingStream>()('funding_stream', 
    z.object({ id: id(), ...patchOf(streamFields) }).strict(),
    'Change a funding stream',
  ),
  'fundingStream.delete': edit<{ id: number }>()('funding_stream', z.object({ id: id() }).strict(), 'Delete a funding stream with no awards or claims'),
  'fundingStream.setAllocation': command<FundingStream>()(
    z
      .object({
        streamId,
        financialYear: year,
        amount: money('Allocation'),
        wasPence: z.number({ error: 'Was must be a number of pence' }).int('Was must be whole pence').min(0, 'Was must not be negative').optional(),
      })
      .strict(),
    "Set a stream's allocation for one financial year; `wasPence` is the allocation as it was read, refused if someone has changed it since",
  ),
  'fundingStream.renameHeading': command<{ renamed: number }>()(
    z.object({ streamId, from: requiredText('Heading', 120), to: requiredText('New heading', 120), versions: readVersions('Budget line') }).strict(),
    'Rename a spend heading on every budget line of a stream; `versions` are the lines with that heading as they were read, refused if one has changed since',
  ),

  'budgetLine.list': query<BudgetLine[]>()(z.object({ streamId, financialYear: year }).strict(), 'Budget lines of a stream for a year'),
  'budgetLine.create': command<BudgetLine>()(z.object({ streamId, financialYear: year, ...budgetLineFields }).strict(), 'Add a budget line'),
  'budgetLine.update': edit<BudgetLine>()('budget_line', z.object({ id: id(), ...patchOf(budgetLineFields) }).strict(), 'Change a budget line'),
  'budgetLine.delete': edit<{ id: number }>()('budget_line', z.object({ id: id() }).strict(), 'Delete a budget line and its spend'),

  'award.list': query<Award[]>()(
    z.object({ streamId, financialYear: year.nullable().default(null) }).strict(),
    'Funded projects of a stream, optionally only those with an amount in a year',
  ),
  'award.get': query<Award>()(z.object({ id: id() }).strict(), 'One funded project'),
  'award.create': command<AwardResult>()(
    z.object({ streamId, ...awardFields, years: z.array(awardYearInput).max(30).default([]) }).strict(),
    'Add a funded project (award) with its amount per year',
  ),
  'award.update': edit<AwardResult>()('award', 
    z.object({ id: id(), ...patchOf(awardFields), years: z.array(awardYearInput).max(30).optional() }).strict(),
    'Change a funded project; years, when given, replace the amounts per year',
  ),
  'award.delete': edit<{ id: number }>()('award', z.object({ id: id() }).strict(), 'Delete a funded project and its spend'),

  'spend.grid': query<SpendGrid>()(z.object({ streamId, financialYear: year }).strict(), 'Actual and forecast spend per month per budget line and award'),
  'spend.setCells': command<SetCellsResult>()(
    z.object({ streamId, financialYear: year, cells: z.array(spendCell).min(1, 'No cells to save').max(5000, 'At most 5,000 cells at once') }).strict(),
    'Save spend cells typed or pasted into the grid, all or nothing',
  ),
  'spend.importRead': query<ImportReadResult>()(
    z
      .object({
        streamId,
        source,
        fileName: requiredText('File name', 500),
        contentBase64: z.string({ error: 'File content must be base64 text' }).max(40_000_000, 'The file is larger than 30 MB'),
      })
      .strict(),
    "Read a finance system's .xlsx or .csv export and suggest a column mapping",
  ),
  'spend.importPreview': query<ImportPreview>()(
    z.object({ streamId, source, mapping, table: importTable }).strict(),
    'What an import would do: new, changed, unchanged and rejected rows, with reasons',
  ),
  'spend.importCommit': command<ImportPreview>()(
    z.object({ streamId, source, mapping, table: importTable, basis: importBasis }).strict(),
    'Write an import in one transaction and remember its column mapping for the source; `basis` is the preview’s cells as they stood (refused if one has changed since)',
  ),

  'funding.position': query<Position>()(
    z.object({ streamId, financialYear: year, asOfQuarter: z.number().int().min(0).max(4).nullable().default(null) }).strict(),
    'Allocation, actual to date, forecast to year end and variance by line, heading and quarter',
  ),
  'funding.overview': query<FundingOverview>()(z.object({ financialYear: year }).strict(), 'Every stream in a year, side by side'),
  'funding.virementPreview': query<VirementPreview>()(
    z.object({ streamId, financialYear: year, moves, asOfQuarter: z.number().int().min(0).max(4).nullable().default(null) }).strict(),
    'What-if: move budget between lines or awards and see the year-end position',
  ),
  'funding.virementPropose': command<{ decisionId: number; reference: string; preview: VirementPreview }>()(
    z
      .object({
        streamId,
        financialYear: year,
        moves,
        boardId: id('Board'),
        title: requiredText('Title', 200).optional(),
        asOfQuarter: z.number().int().min(0).max(4).nullable().default(null),
      })
      .strict(),
    'Save a virement as a proposed decision for the board',
  ),

  'claim.list': query<Claim[]>()(z.object({ streamId }).strict(), 'Claims made on a stream'),
  'claim.create': command<Claim>()(
    z
      .object({
        streamId,
        financialYear: year,
        period: z.enum(CLAIM_PERIODS, { error: 'Period must be Q1–Q4, M01–M12 or Year' }),
        preparedBy: optionalText('Prepared by', 160),
        signedOffBy: optionalText('Signed off by', 160),
      })
      .strict(),
    'Record a claim for a period (once per stream, year and period); its amount is the actual spend of the period',
  ),
  'claim.setStatus': edit<Claim>()('claim', 
    z
      .object({
        id: id(),
        status: z.enum(CLAIM_STATUSES, { error: 'Status must be draft, submitted or paid' }),
        on: nullable(isoDate('Date')),
        /** When submitting: the day it was signed off, if before the day it was submitted. */
        signedOffOn: nullable(isoDate('Date signed off')),
      })
      .strict(),
    'Move a claim on: draft → submitted → paid',
  ),

  'funding.exportReturn': exportOp<ReturnExportResult>()(
    z
      .object({
        streamId,
        financialYear: year,
        quarter,
        out: outFile(['xlsx']),
        template: optionalText('Template file', 1000),
        preparedBy: optionalText('Prepared by', 160),
        signedOffBy: optionalText('Signed off by', 160),
      })
      .strict(),
    'Write the Home Office spend return (.xlsx) for a stream and quarter from the return template',
  ),
  'funding.checkTemplate': query<{ path: string; ok: boolean; problems: { path: string; message: string }[] }>()(
    z.object({ template: optionalText('Template file', 1000) }).strict(),
    'Check a return template file and list what is wrong with it',
  ),
  'funding.exportSummary': exportOp<ExportResult>()(
    z.object({ financialYear: year, format: docxOrXlsx(), out: outFile(['docx', 'xlsx']) }).strict().superRefine(outMatchesFormat),
    'Write the funding summary for the board (.docx) or its figures (.xlsx)',
  ),
} as const;

export type Target = { kind: 'line' | 'award'; id: number };
export function parseTarget(text: string): Target {
  const [kind, idText] = text.split(':') as ['line' | 'award', string];
  return { kind, id: Number(idText) };
}
