import type { HandlersFor } from '../api/handler-types';
import { lockSeries } from '../db/allocation-lock';
import { checkVersion, lastWriterOf, refuseChangedCell, when, type LastWriter } from '../db/versions';
import { insertRow } from '../db/audit';
import { sql } from '../db/statements';
import type { InsertOf, PatchOf } from '../db/table-writes';
import { isoToday, type Ctx } from '../shared/context';
import { DomainError, notFound, type Problem, type StaleDetail } from '../shared/errors';
import { financialYearOf, monthsOfYear, quarterMonths, yearEnd, yearsBetween, yearStart, type Quarter } from '../shared/financial-year';
import { formatDateLong } from '../shared/dates';
import { formatPence, parseMoney } from '../shared/money';
import type {
  Award,
  AwardResult,
  Claim,
  FundingStream,
  FundingStreamSummary,
  FundingWarning,
  ImportMapping,
  ImportPreview,
  ImportTable,
  SetCellsResult,
  SpendGrid,
  SpendKind,
  VirementPreview,
  fundingContract,
} from './contract';
import { parseTarget } from './contract';
import { defaultHeadings } from './headings';
import { registerLiveTable } from '../papers/live-tables';
import { fundingLiveTable } from './funding-table';
import { readImportFile } from './import-file';
import { computePosition, AWARD_HEADING } from './position';
import { allocations, awards, boards, budgetLines, claims, importMappings, spend, streams, type StreamRow } from './repository';
import { exportReturn, checkReturnTemplate } from './return-xlsx';
import { awardCapWarnings, continuationWarnings, overAllocationWarnings } from './rules';
import { guessMapping, mappingProblems, previewImport, type ImportContext } from './spend-import';
import { exportFundingSummary } from './summary-export';
import { applyVirement, targetLabel, type VirementMove } from './virement';
import { assertYearInStream, loadOverview, loadPosition, positionInput, requireStream } from './views';

// ---------------------------------------------------------------------------------------
// Streams
// ---------------------------------------------------------------------------------------

async function fullStream(ctx: Ctx, s: StreamRow): Promise<FundingStream> {
  const headings = await budgetLines.headings(ctx, s.id);
  return { ...s, years: yearsBetween(s.firstYear, s.lastYear), allocations: await allocations.list(ctx, s.id), headings: headings.length > 0 ? headings : defaultHeadings() };
}

async function getStream(ctx: Ctx, id: number): Promise<FundingStream> {
  return fullStream(ctx, await requireStream(ctx, id));
}

function assertYearRange(firstYear: string, lastYear: string): void {
  if (lastYear < firstYear) throw new DomainError('stream.years', `Last year (${lastYear}) cannot be before the first year (${firstYear}).`, 'lastYear');
}

async function assertUniqueReference(ctx: Ctx, reference: string, exceptId?: number): Promise<void> {
  const clash = await streams.findByReference(ctx, reference);
  if (clash && clash.id !== exceptId) throw new DomainError('stream.duplicateReference', `The reference ${clash.reference} is already used by the ${clash.name}.`, 'reference');
}

function streamValues(input: Record<string, unknown>): PatchOf<'funding_stream'> {
  const { awardCap, allocations: _a, id: _i, ...rest } = input;
  // The stream's input fields are the table's columns but for the cap, named for the screen.
  return (awardCap === undefined ? rest : { ...rest, awardCapPence: awardCap }) as PatchOf<'funding_stream'>;
}

// ---------------------------------------------------------------------------------------
// Awards
// ---------------------------------------------------------------------------------------

async function requireAward(ctx: Ctx, id: number): Promise<Award> {
  const a = await awards.get(ctx, id);
  if (!a) throw notFound('award', id);
  return a;
}

async function assertOrganisation(ctx: Ctx, id: number): Promise<void> {
  if (!await sql(ctx, 'SELECT 1 FROM organisation WHERE id = ?').get(id)) {
    throw new DomainError('award.organisationMissing', `Organisation ${id} does not exist; choose the recipient from the list.`, 'organisationId');
  }
}

function assertAwardYears(s: StreamRow, years: { financialYear: string }[]): void {
  const seen = new Set<string>();
  years.forEach((y, i) => {
    assertYearInStream(s, y.financialYear, `years.${i}.financialYear`);
    if (seen.has(y.financialYear)) throw new DomainError('award.duplicateYear', `${y.financialYear} is given twice.`, `years.${i}.financialYear`);
    seen.add(y.financialYear);
  });
}

function assertDates(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) throw new DomainError('award.dates', `The end date (${endsOn}) is before the start date (${startsOn}).`, 'endsOn');
}

async function awardWarnings(ctx: Ctx, s: StreamRow, award: Award): Promise<FundingWarning[]> {
  const out = [...awardCapWarnings(s, award), ...continuationWarnings(award)];
  for (const y of award.years) {
    out.push(
      ...overAllocationWarnings(s, y.financialYear, await allocations.get(ctx, s.id, y.financialYear), await budgetLines.totalForYear(ctx, s.id, y.financialYear), await awards.totalForYear(ctx, s.id, y.financialYear)),
    );
  }
  return out;
}

async function awardResult(ctx: Ctx, id: number): Promise<AwardResult> {
  const award = await requireAward(ctx, id);
  return { award, warnings: await awardWarnings(ctx, await requireStream(ctx, award.streamId), award) };
}

// ---------------------------------------------------------------------------------------
// Spend grid
// ---------------------------------------------------------------------------------------

async function spendGrid(ctx: Ctx, streamId: number, financialYear: string): Promise<SpendGrid> {
  const s = await requireStream(ctx, streamId);
  const input = await positionInput(ctx, s, financialYear, 0);
  const months = monthsOfYear(financialYear);
  const index = new Map(months.map((m, i) => [m, i]));
  const rows = [
    ...input.lines.map((l) => ({ key: `line:${l.id}`, budgetLineId: l.id as number | null, awardId: null as number | null, label: l.heading, heading: l.heading, costType: l.costType, budgetPence: l.allocatedPence })),
    ...input.awards.map((a) => ({
      key: `award:${a.id}`,
      budgetLineId: null,
      awardId: a.id,
      label: `${a.organisationName}: ${a.project}`,
      heading: AWARD_HEADING,
      costType: 'revenue' as const,
      budgetPence: a.years.find((y) => y.financialYear === financialYear)?.amountPence ?? 0,
    })),
  ].map((r) => ({ ...r, actual: months.map(() => null as number | null), forecast: months.map(() => null as number | null) }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const x of input.spend) {
    const row = byKey.get(x.budgetLineId !== null ? `line:${x.budgetLineId}` : `award:${x.awardId}`);
    const i = index.get(x.month);
    if (row && i !== undefined) row[x.kind][i] = x.amountPence;
  }
  return { streamId, financialYear, months, rows };
}

interface ResolvedTarget {
  key: string;
  label: string;
  /** For budget lines: the line's year (spend must fall in it). */
  financialYear: string | null;
}

async function resolveTarget(ctx: Ctx, s: StreamRow, key: string): Promise<ResolvedTarget | undefined> {
  const t = parseTarget(key);
  if (t.kind === 'line') {
    const l = await budgetLines.get(ctx, t.id);
    return l && l.streamId === s.id ? { key, label: l.heading, financialYear: l.financialYear } : undefined;
  }
  const a = await awards.get(ctx, t.id);
  return a && a.streamId === s.id ? { key, label: `${a.organisationName}: ${a.project}`, financialYear: null } : undefined;
}

/** Writes one month's figure (null clears it); returns what happened. */
async function writeSpend(ctx: Ctx, key: string, month: string, kind: SpendKind, pence: number | null, source: string): Promise<'written' | 'deleted' | 'unchanged'> {
  const t = parseTarget(key);
  // Two people typing into one empty cell at once would both find no row and both insert it:
  // the second would be refused by the cell's unique index. Taking turns per cell, the second
  // finds the first's row and updates it (last write wins, as for a cell already there).
  await lockSeries(ctx, `spend cell ${key} ${month} ${kind}`);
  const existing = await spend.find(ctx, t, month, kind);
  if (pence === null) {
    if (!existing) return 'unchanged';
    await spend.remove(ctx, existing.id);
    return 'deleted';
  }
  if (existing) {
    if (existing.amountPence === pence) return 'unchanged';
    await spend.update(ctx, existing.id, { amountPence: pence, source });
    return 'written';
  }
  await spend.insert(ctx, { budgetLineId: t.kind === 'line' ? t.id : null, awardId: t.kind === 'award' ? t.id : null, month, kind, amountPence: pence, source, note: '' });
  return 'written';
}

/**
 * Refuses a grid save when a cell it changes was changed by someone else since the grid was
 * loaded (its wasPence no longer what is stored): all or nothing, naming the last person who
 * changed one of those cells and listing each cell, theirs beside yours.
 */
async function refuseChangedCells(
  ctx: Ctx,
  cells: { key: string; label: string; month: string; kind: SpendKind; pence: number | null; amount: string; wasPence: number | null | undefined }[],
  as: { since: string; field: string; again: string } = { since: 'since you opened it', field: 'cells', again: 'save again' },
): Promise<void> {
  const changed: { cell: (typeof cells)[number]; now: number | null }[] = [];
  for (const cell of cells) {
    if (cell.wasPence === undefined) continue;
    const existing = await spend.find(ctx, parseTarget(cell.key), cell.month, cell.kind);
    const now = existing?.amountPence ?? null;
    if (now !== cell.wasPence && now !== cell.pence) changed.push({ cell, now });
  }
  if (changed.length === 0) return;
  // Who: the newest audit row of a spend figure of these cells (added, changed or cleared), each cell's found by the index of the trail by cell.
  let last: LastWriter | undefined;
  for (const { cell } of changed) {
    const t = parseTarget(cell.key);
    const key = { budget_line_id: t.kind === 'line' ? t.id : null, award_id: t.kind === 'line' ? null : t.id, month: cell.month, kind: cell.kind };
    const writer = await lastWriterOf(ctx, { entity: 'spend', key });
    if (writer && (!last || writer.id > last.id)) last = writer;
  }
  const by = last?.actor ?? 'someone else';
  const at = last?.at ?? '';
  const money = (p: number | null) => (p === null ? '' : formatPence(p));
  const stale: StaleDetail = {
    by,
    at,
    deleted: false,
    version: null,
    changes: changed.map(({ cell, now }) => ({ field: `${cell.label}, ${cell.month} ${cell.kind}`, theirs: money(now), yours: cell.amount, yoursSent: true })),
  };
  throw new DomainError(
    'stale',
    `Changed by ${by}${at ? ` at ${when(at)}` : ''} ${as.since}: ${changed.length === 1 ? 'a figure you changed was' : `${changed.length} figures you changed were`} changed by them first ` +
      `(${changed.slice(0, 3).map(({ cell }) => `${cell.label}, ${cell.month} ${cell.kind}`).join('; ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}). ` +
      `Nothing was saved: look at their figures beside yours, then ${as.again} if yours should still stand.`,
    as.field,
  ).withStale(stale);
}

/**
 * An import applied on the preview it was shown: each cell the preview listed must still hold
 * what it held then (a cell it would write, or one it found already at the file's figure),
 * else the whole import is refused naming who changed which cell since the preview. A cell
 * the preview did not list means the file or mapping is not the one previewed.
 */
async function refuseMovedSincePreview(ctx: Ctx, result: ImportPreview, basis: { target: string; month: string; kind: SpendKind; previousPence: number | null }[]): Promise<void> {
  const read = new Map(basis.map((b) => [`${b.target}|${b.month}|${b.kind}`, b.previousPence]));
  const cells: Parameters<typeof refuseChangedCells>[1] = [];
  for (const row of result.rows) {
    if (row.outcome === 'rejected' || row.amountPence === null) continue;
    const at = `${row.target}|${row.month}|${row.kind}`;
    if (!read.has(at)) {
      if (row.outcome === 'unchanged') continue;
      throw new DomainError('import.notPreviewed', `The import is not the one previewed (${row.targetLabel}, ${row.month} ${row.kind} was not in its preview): preview it again, then import.`, 'basis');
    }
    cells.push({ key: row.target, label: row.targetLabel, month: row.month, kind: row.kind as SpendKind, pence: row.amountPence, amount: formatPence(row.amountPence), wasPence: read.get(at)! });
  }
  await refuseChangedCells(ctx, cells, { since: 'since your preview', field: 'basis', again: 'preview and import again' });
}

/**
 * Cells in one order for every write (by target, month, kind; a cell sent twice keeps its
 * order, so the later value still wins). Two saves that wrote the same cells in opposite
 * orders would each hold one cell and wait for the other's: on PostgreSQL the server then
 * stops one as a deadlock ("busy"). In one order the second simply waits for the first.
 */
function inCellOrder<T extends { key: string; month: string; kind: string }>(cells: readonly T[]): T[] {
  const at = (c: T) => `${c.key}|${c.month}|${c.kind}`;
  return [...cells].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}

function streamMonthRange(s: StreamRow): [string, string] {
  return [yearStart(s.firstYear).slice(0, 7), yearEnd(s.lastYear).slice(0, 7)];
}

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

const norm = (t: string) => t.trim().toLowerCase().replace(/\s+/g, ' ');

async function importContext(ctx: Ctx, s: StreamRow, source: string): Promise<ImportContext> {
  const [firstMonth, lastMonth] = streamMonthRange(s);
  const lineIndex = new Map<string, { key: string; label: string }[]>();
  const addLine = (fy: string, text: string, key: string, label: string) => {
    if (!text.trim()) return;
    const k = `${fy}|${norm(text)}`;
    const list = lineIndex.get(k) ?? [];
    if (!list.some((x) => x.key === key)) list.push({ key, label });
    lineIndex.set(k, list);
  };
  for (const fy of yearsBetween(s.firstYear, s.lastYear)) {
    for (const l of await budgetLines.list(ctx, s.id, fy)) {
      const label = `${l.heading} (${l.costType}, ${fy})`;
      addLine(fy, l.costCentre, `line:${l.id}`, label);
      addLine(fy, l.heading, `line:${l.id}`, label);
    }
  }
  const awardIndex = new Map<string, { key: string; label: string }[]>();
  for (const a of await awards.list(ctx, s.id, null)) {
    for (const text of [a.project, a.organisationName]) {
      const k = norm(text);
      const list = awardIndex.get(k) ?? [];
      if (!list.some((x) => x.key === `award:${a.id}`)) list.push({ key: `award:${a.id}`, label: `${a.organisationName}: ${a.project}` });
      awardIndex.set(k, list);
    }
  }
  // The spend already held for the stream, read once: the import's planner asks per cell.
  const existingSpend = new Map<string, number>();
  const held = await sql<{ budget_line_id: number | null; award_id: number | null; month: string; kind: string; amount_pence: number }>(
    ctx,
    `SELECT sp.budget_line_id, sp.award_id, sp.month, sp.kind, sp.amount_pence FROM spend sp
     LEFT JOIN budget_line bl ON bl.id = sp.budget_line_id LEFT JOIN award a ON a.id = sp.award_id
     WHERE (bl.stream_id = @stream OR a.stream_id = @stream) AND sp.month BETWEEN @first AND @last`,
  ).all({ stream: s.id, first: firstMonth, last: lastMonth });
  for (const r of held) existingSpend.set(`${r.budget_line_id !== null ? `line:${r.budget_line_id}` : `award:${r.award_id}`}|${r.month}|${r.kind}`, r.amount_pence);
  return {
    source,
    streamName: s.name,
    firstMonth,
    lastMonth,
    findTarget(text, month) {
      const fy = financialYearOf(month);
      const found = [...(lineIndex.get(`${fy}|${norm(text)}`) ?? []), ...(awardIndex.get(norm(text)) ?? [])];
      if (found.length === 1) return found[0]!;
      if (found.length > 1) return { reason: `"${text}" matches more than one budget line or project (${found.map((f) => f.label).join('; ')}); give each a cost centre` };
      return { reason: `"${text}" is not a cost centre, budget heading or project of the ${s.name} in ${fy}` };
    },
    existing(key, month, kind) {
      return existingSpend.get(`${key}|${month}|${kind}`);
    },
  };
}

async function preview(ctx: Ctx, streamId: number, source: string, mapping: ImportMapping, table: ImportTable): Promise<ImportPreview> {
  const s = await requireStream(ctx, streamId);
  const problems = mappingProblems(mapping, table.headers);
  if (problems.length > 0) {
    throw new DomainError('import.mapping', problems.join('; '), 'mapping', problems.map((message) => ({ path: 'mapping', message })));
  }
  return previewImport(table, mapping, await importContext(ctx, s, source));
}

// ---------------------------------------------------------------------------------------
// Virement
// ---------------------------------------------------------------------------------------

async function virementPreview(ctx: Ctx, streamId: number, financialYear: string, moves: VirementMove[], asOfQuarter: number | null): Promise<VirementPreview> {
  const s = await requireStream(ctx, streamId);
  const input = await positionInput(ctx, s, financialYear, asOfQuarter);
  const changed = applyVirement(input, moves);
  const before = computePosition(input);
  const after = computePosition(changed);
  const beforeCodes = new Set(before.warnings.map((w) => w.message));
  return {
    moves: moves.map((m) => ({ ...m, fromLabel: targetLabel(input, m.from)!, toLabel: targetLabel(input, m.to)! })),
    totalMovedPence: moves.reduce((a, m) => a + m.amountPence, 0),
    before,
    after,
    // What the virement itself would cause.
    warnings: after.warnings.filter((w) => !beforeCodes.has(w.message)),
  };
}

// ---------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------

const PERIODS_FOR: Record<string, RegExp> = { quarterly: /^Q[1-4]$/, monthly: /^M(0[1-9]|1[0-2])$/, annual: /^Year$/ };

function periodMonths(financialYear: string, period: string): string[] {
  if (period === 'Year') return monthsOfYear(financialYear);
  if (period.startsWith('Q')) return quarterMonths(financialYear, Number(period.slice(1)) as Quarter);
  return [monthsOfYear(financialYear)[Number(period.slice(1)) - 1]!];
}

function claimAmount(ctx: Ctx, s: StreamRow, financialYear: string, period: string): Promise<number> {
  const months = periodMonths(financialYear, period);
  return spend.sumForStream(ctx, s.id, financialYear, 'actual', months[0]!, months[months.length - 1]!);
}

async function requireClaim(ctx: Ctx, id: number): Promise<Claim> {
  const c = await claims.get(ctx, id);
  if (!c) throw notFound('claim', id);
  return c;
}

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

// Papers can place the funded projects of a stream as a live table (main/papers/live-tables.ts).
registerLiveTable('funding.awards', fundingLiveTable);

export const fundingHandlers: HandlersFor<typeof fundingContract> = {
  'fundingStream.list': async (ctx) =>
    (await Promise.all((await streams.list(ctx)).map(async (s): Promise<FundingStreamSummary> => {
      const full = await fullStream(ctx, s);
      const counts = await streams.counts(ctx, s.id);
      return { ...full, totalAllocationPence: full.allocations.reduce((a, x) => a + x.amountPence, 0), awardCount: counts.awards, budgetLineCount: counts.budgetLines };
    }))),
  'fundingStream.get': (ctx, { id }) => getStream(ctx, id),
  'fundingStream.create': async (ctx, input) => {
    assertYearRange(input.firstYear, input.lastYear);
    await assertUniqueReference(ctx, input.reference);
    const id = await streams.insert(ctx, streamValues(input) as InsertOf<'funding_stream'>);
    const s = await requireStream(ctx, id);
    const seen = new Set<string>();
    for (const [i, a] of (input.allocations).entries()) {
            assertYearInStream(s, a.financialYear, `allocations.${i}.financialYear`);
            if (seen.has(a.financialYear)) throw new DomainError('stream.duplicateYear', `${a.financialYear} is given twice.`, `allocations.${i}.financialYear`);
            seen.add(a.financialYear);
            await allocations.set(ctx, id, a.financialYear, a.amount);
          }
    return getStream(ctx, id);
  },
  'fundingStream.update': async (ctx, input) => {
    const s = await requireStream(ctx, input.id);
    assertYearRange(input.firstYear ?? s.firstYear, input.lastYear ?? s.lastYear);
    if (input.reference !== undefined) await assertUniqueReference(ctx, input.reference, s.id);
    await streams.update(ctx, s.id, streamValues(input));
    const after = await requireStream(ctx, s.id);
    await allocations.removeOutside(ctx, s.id, after.firstYear, after.lastYear);
    return getStream(ctx, s.id);
  },
  'fundingStream.delete': async (ctx, { id }) => {
    const s = await requireStream(ctx, id);
    const counts = await streams.counts(ctx, id);
    if (counts.awards > 0 || counts.claims > 0) {
      const parts = [counts.awards && `${counts.awards} funded project${counts.awards === 1 ? '' : 's'}`, counts.claims && `${counts.claims} claim${counts.claims === 1 ? '' : 's'}`].filter(Boolean);
      throw new DomainError('stream.inUse', `The ${s.name} cannot be deleted: ${parts.join(' and ')} still refer to it.`, 'id');
    }
    await streams.remove(ctx, id);
    return { id };
  },
  'fundingStream.setAllocation': async (ctx, { streamId, financialYear, amount, wasPence }) => {
    // Two people setting one stream's allocations take turns, each checked against what it read.
    await lockSeries(ctx, `allocations of stream ${streamId}`);
    const s = await requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    if (wasPence !== undefined) {
      const now = await allocations.get(ctx, streamId, financialYear);
      if (now !== wasPence && now !== amount) {
        await refuseChangedCell(
          ctx,
          { entity: 'stream_allocation', entityId: streamId, key: { financial_year: financialYear } },
          [{ field: `Allocation for ${financialYear}`, theirs: formatPence(now), yours: formatPence(amount), yoursSent: true }],
          'amount',
        );
      }
    }
    await allocations.set(ctx, streamId, financialYear, amount);
    return getStream(ctx, streamId);
  },
  'fundingStream.renameHeading': async (ctx, { streamId, from, to, versions }) => {
    await requireStream(ctx, streamId);
    // Each line as it was read: a line renamed, moved or deleted by someone else since refuses the whole rename.
    for (const v of versions ?? []) await checkVersion(ctx, 'budget_line', v.id, v.version, { heading: to });
    const lines = await budgetLines.withHeading(ctx, streamId, from);
    if (lines.length === 0) throw new DomainError('budgetLine.noHeading', `No budget line of this stream has the heading "${from}".`, 'from');
    for (const l of lines) {
      const clash = await budgetLines.find(ctx, streamId, l.financialYear, to, l.costType);
      if (clash && clash.id !== l.id) {
        throw new DomainError('budgetLine.duplicate', `${l.financialYear} already has a ${l.costType} budget line called "${to}"; change its amount instead.`, 'to');
      }
      await budgetLines.update(ctx, l.id, { heading: to });
    }
    return { renamed: lines.length };
  },

  'budgetLine.list': async (ctx, { streamId, financialYear }) => {
    assertYearInStream(await requireStream(ctx, streamId), financialYear);
    return budgetLines.list(ctx, streamId, financialYear);
  },
  'budgetLine.create': async (ctx, { streamId, financialYear, heading, costType, costCentre, allocated }) => {
    const s = await requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    if (await budgetLines.find(ctx, streamId, financialYear, heading, costType)) {
      throw new DomainError('budgetLine.duplicate', `${financialYear} already has a ${costType} budget line called "${heading}"; change its amount instead.`, 'heading');
    }
    const id = await budgetLines.insert(ctx, { streamId, financialYear, heading, costType, costCentre, allocatedPence: allocated });
    return (await budgetLines.get(ctx, id))!;
  },
  'budgetLine.update': async (ctx, { id, allocated, ...patch }) => {
    const line = await budgetLines.get(ctx, id);
    if (!line) throw notFound('budget_line', id);
    const heading = patch.heading ?? line.heading;
    const costType = patch.costType ?? line.costType;
    const clash = await budgetLines.find(ctx, line.streamId, line.financialYear, heading, costType);
    if (clash && clash.id !== id) throw new DomainError('budgetLine.duplicate', `${line.financialYear} already has a ${costType} budget line called "${heading}".`, 'heading');
    await budgetLines.update(ctx, id, { ...patch, ...(allocated !== undefined ? { allocatedPence: allocated } : {}) });
    return (await budgetLines.get(ctx, id))!;
  },
  'budgetLine.delete': async (ctx, { id }) => {
    if (!await budgetLines.get(ctx, id)) throw notFound('budget_line', id);
    await budgetLines.remove(ctx, id);
    return { id };
  },

  'award.list': async (ctx, { streamId, financialYear }) => {
    const s = await requireStream(ctx, streamId);
    if (!financialYear) return awards.list(ctx, streamId, null);
    assertYearInStream(s, financialYear);
    const months = monthsOfYear(financialYear);
    return awards.list(ctx, streamId, financialYear, [months[0]!, months[11]!]);
  },
  'award.get': (ctx, { id }) => requireAward(ctx, id),
  'award.create': async (ctx, { streamId, years, ...fields }) => {
    const s = await requireStream(ctx, streamId);
    await assertOrganisation(ctx, fields.organisationId);
    assertDates(fields.startsOn, fields.endsOn);
    assertAwardYears(s, years);
    const id = await awards.insert(ctx, { streamId, ...fields });
    await awards.setYears(ctx, id, years.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount })));
    return awardResult(ctx, id);
  },
  'award.update': async (ctx, { id, years, ...patch }) => {
    const award = await requireAward(ctx, id);
    const s = await requireStream(ctx, award.streamId);
    if (patch.organisationId !== undefined) await assertOrganisation(ctx, patch.organisationId);
    assertDates(patch.startsOn !== undefined ? patch.startsOn : award.startsOn, patch.endsOn !== undefined ? patch.endsOn : award.endsOn);
    await awards.update(ctx, id, patch);
    if (years) {
      assertAwardYears(s, years);
      await awards.setYears(ctx, id, years.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount })));
    }
    return awardResult(ctx, id);
  },
  'award.delete': async (ctx, { id }) => {
    await requireAward(ctx, id);
    await awards.remove(ctx, id);
    return { id };
  },

  'spend.grid': (ctx, { streamId, financialYear }) => spendGrid(ctx, streamId, financialYear),
  'spend.setCells': async (ctx, { streamId, financialYear, cells }): Promise<SetCellsResult> => {
    const s = await requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    const [firstMonth, lastMonth] = streamMonthRange(s);
    const problems: Problem[] = [];
    const targets = new Map<string, ResolvedTarget | undefined>();
    const parsed: { key: string; label: string; month: string; kind: SpendKind; pence: number | null; amount: string; wasPence: number | null | undefined }[] = [];
    for (const [i, cell] of (cells).entries()) {
            if (!targets.has(cell.target)) targets.set(cell.target, await resolveTarget(ctx, s, cell.target));
            const target = targets.get(cell.target);
            if (!target) {
              problems.push({ path: `cells.${i}.target`, message: `${cell.target} is not a budget line or project of the ${s.name}` });
              continue;
            }
            if (cell.month < firstMonth || cell.month > lastMonth) {
              problems.push({ path: `cells.${i}.month`, message: `Month ${cell.month} (${target.label}) is outside the ${s.name}'s years (${s.firstYear} to ${s.lastYear})` });
              continue;
            }
            if (target.financialYear && financialYearOf(cell.month) !== target.financialYear) {
              problems.push({ path: `cells.${i}.month`, message: `Month ${cell.month} is outside ${target.financialYear}, the year of the budget line ${target.label}` });
              continue;
            }
            let pence: number | null = null;
            if (cell.amount.trim() !== '') {
              const r = parseMoney(cell.amount);
              if (!r.ok) {
                problems.push({ path: `cells.${i}.amount`, message: `${target.label}, ${cell.month} ${cell.kind}: ${r.reason.startsWith('"') ? r.reason : `amount ${r.reason}`}` });
                continue;
              }
              pence = r.pence;
            }
            parsed.push({ key: cell.target, label: target.label, month: cell.month, kind: cell.kind, pence, amount: cell.amount, wasPence: cell.wasPence });
          }
    if (problems.length > 0) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
      throw new DomainError('spend.invalid', `Nothing was saved: ${problems.slice(0, 3).map((p) => p.message).join('; ')}${more}.`, problems[0]!.path, problems);
    }
    // One grid's saves take turns (two finance officers on one stream), each checked against what its sender saw.
    await lockSeries(ctx, `spend of stream ${streamId}`);
    await refuseChangedCells(ctx, parsed);
    const counts = { written: 0, deleted: 0, unchanged: 0 };
    for (const p of inCellOrder(parsed)) counts[(await writeSpend(ctx, p.key, p.month, p.kind, p.pence, 'grid'))] += 1;
    const position = await loadPosition(ctx, streamId, financialYear);
    return { ...counts, grid: await spendGrid(ctx, streamId, financialYear), warnings: position.warnings.filter((w) => w.code.startsWith('spend.') || w.code.startsWith('forecast.')) };
  },
  'spend.importRead': async (ctx, { streamId, source, fileName, contentBase64 }) => {
    await requireStream(ctx, streamId);
    const table = await readImportFile(fileName, Buffer.from(contentBase64, 'base64'));
    const remembered = await importMappings.get(ctx, source);
    const usable = remembered && mappingProblems(remembered, table.headers).length === 0;
    return { table, mapping: usable ? remembered : guessMapping(table.headers), remembered: !!usable };
  },
  'spend.importPreview': (ctx, { streamId, source, mapping, table }) => preview(ctx, streamId, source, mapping, table),
  'spend.importCommit': async (ctx, { streamId, source, mapping, table, basis }) => {
    // Takes its turn with the grid's saves of the stream (checked, then written, under this lock).
    await lockSeries(ctx, `spend of stream ${streamId}`);
    const result = await preview(ctx, streamId, source, mapping, table);
    if (basis) await refuseMovedSincePreview(ctx, result, basis);
    const label = `import: ${source}`.slice(0, 200);
    for (const row of inCellOrder(result.rows.map((r) => ({ ...r, key: r.target })))) {
      if (row.outcome !== 'new' && row.outcome !== 'changed') continue;
      await writeSpend(ctx, row.target, row.month, row.kind as SpendKind, row.amountPence!, label);
    }
    await importMappings.set(ctx, source, mapping);
    return result;
  },

  'funding.position': (ctx, { streamId, financialYear, asOfQuarter }) => loadPosition(ctx, streamId, financialYear, asOfQuarter),
  'funding.overview': (ctx, { financialYear }) => loadOverview(ctx, financialYear),
  'funding.virementPreview': (ctx, { streamId, financialYear, moves, asOfQuarter }) =>
    virementPreview(ctx, streamId, financialYear, moves.map((m) => ({ from: m.from, to: m.to, amountPence: m.amount })), asOfQuarter),
  'funding.virementPropose': async (ctx, { streamId, financialYear, moves, boardId, title, asOfQuarter }) => {
    const p = await virementPreview(ctx, streamId, financialYear, moves.map((m) => ({ from: m.from, to: m.to, amountPence: m.amount })), asOfQuarter);
    const board = await boards.get(ctx, boardId);
    if (!board) throw new DomainError('decision.boardMissing', `Board ${boardId} does not exist; choose the board that will decide.`, 'boardId');
    // Board decisions are numbered per board per calendar year: SB-D-2020-004.
    const prefix = `${board.code}-D-${isoToday(ctx).slice(0, 4)}-`;
    const reference = `${prefix}${String(await boards.lastDecisionNumber(ctx, prefix) + 1).padStart(3, '0')}`;
    const text = [
      `Virement within the ${p.before.stream.name} for ${financialYear}:`,
      ...p.moves.map((m) => `move ${formatPence(m.amountPence)} from ${m.fromLabel} to ${m.toLabel};`),
      `forecast variance at year end ${formatPence(p.before.totals.variancePence)} before and ${formatPence(p.after.totals.variancePence)} after.`,
    ].join('\n');
    const decisionId = await insertRow(ctx, 'decision', {
      reference,
      board_id: board.id,
      title: title ?? `Virement within the ${p.before.stream.name}, ${financialYear}`,
      text,
      type: 'approve',
      decided_by: 'board',
      status: 'proposed',
      financial_amount_pence: p.totalMovedPence,
      funding_stream_id: streamId,
    });
    return { decisionId, reference, preview: p };
  },

  'claim.list': async (ctx, { streamId }) => {
    await requireStream(ctx, streamId);
    return claims.list(ctx, streamId);
  },
  'claim.create': async (ctx, { streamId, financialYear, period, preparedBy, signedOffBy }) => {
    const s = await requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    if (!PERIODS_FOR[s.claimFrequency]!.test(period)) {
      throw new DomainError('claim.period', `The ${s.name} is claimed ${s.claimFrequency}; ${period} is not one of its periods.`, 'period');
    }
    const existing = await claims.find(ctx, streamId, financialYear, period);
    if (existing) {
      throw new DomainError(
        'claim.duplicate',
        `The ${financialYear} ${period} claim on the ${s.name} already exists (${existing.status}, recorded ${formatDateLong(existing.createdAt.slice(0, 10))}); a period is claimed only once.`,
        'period',
      );
    }
    const id = await claims.insert(ctx, { streamId, financialYear, period, status: 'draft', amountPence: await claimAmount(ctx, s, financialYear, period), preparedBy, signedOffBy });
    return requireClaim(ctx, id);
  },
  'claim.setStatus': async (ctx, { id, status, on, signedOffOn }) => {
    const c = await requireClaim(ctx, id);
    const order = ['draft', 'submitted', 'paid'];
    if (order.indexOf(status) !== order.indexOf(c.status) + 1) {
      throw new DomainError('claim.status', `A ${c.status} claim cannot become ${status}: claims move draft → submitted → paid.`, 'status');
    }
    const date = on ?? isoToday(ctx);
    if (status === 'submitted') {
      // The amount is fixed when the claim leaves the building.
      if (signedOffOn && signedOffOn > date) throw new DomainError('claim.signedOffOn', `A claim is signed off before it is submitted; ${signedOffOn} is after ${date}.`, 'signedOffOn');
      // A submitted claim has been signed off: on the day given, else the day it went.
      await claims.update(ctx, id, {
        status,
        submittedOn: date,
        signedOffOn: signedOffOn ?? date,
        amountPence: await claimAmount(ctx, await requireStream(ctx, c.streamId), c.financialYear, c.period),
      });
    } else await claims.update(ctx, id, { status, paidOn: date });
    return requireClaim(ctx, id);
  },

  'funding.exportReturn': async (ctx, input) => {
    // A return for a year the grant does not cover would be a form of zeros; refuse it as a claim is refused.
    assertYearInStream(await requireStream(ctx, input.streamId), input.financialYear);
    return exportReturn(ctx, input);
  },
  'funding.checkTemplate': (_ctx, { template }) => checkReturnTemplate(template),
  'funding.exportSummary': (ctx, input) => exportFundingSummary(ctx, input),
};

