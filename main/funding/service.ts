import type { HandlersFor } from '../api/handler-types';
import { insertRow } from '../db/audit';
import { sql } from '../db/statements';
import { isoToday, type Ctx } from '../shared/context';
import { DomainError, notFound, type Problem } from '../shared/errors';
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

function fullStream(ctx: Ctx, s: StreamRow): FundingStream {
  const headings = budgetLines.headings(ctx, s.id);
  return { ...s, years: yearsBetween(s.firstYear, s.lastYear), allocations: allocations.list(ctx, s.id), headings: headings.length > 0 ? headings : defaultHeadings() };
}

function getStream(ctx: Ctx, id: number): FundingStream {
  return fullStream(ctx, requireStream(ctx, id));
}

function assertYearRange(firstYear: string, lastYear: string): void {
  if (lastYear < firstYear) throw new DomainError('stream.years', `Last year (${lastYear}) cannot be before the first year (${firstYear}).`, 'lastYear');
}

function assertUniqueReference(ctx: Ctx, reference: string, exceptId?: number): void {
  const clash = streams.findByReference(ctx, reference);
  if (clash && clash.id !== exceptId) throw new DomainError('stream.duplicateReference', `The reference ${clash.reference} is already used by the ${clash.name}.`, 'reference');
}

function streamValues(input: Record<string, unknown>): Record<string, unknown> {
  const { awardCap, allocations: _a, id: _i, ...rest } = input;
  return awardCap === undefined ? rest : { ...rest, awardCapPence: awardCap };
}

// ---------------------------------------------------------------------------------------
// Awards
// ---------------------------------------------------------------------------------------

function requireAward(ctx: Ctx, id: number): Award {
  const a = awards.get(ctx, id);
  if (!a) throw notFound('award', id);
  return a;
}

function assertOrganisation(ctx: Ctx, id: number): void {
  if (!sql(ctx.db, 'SELECT 1 FROM organisation WHERE id = ?').get(id)) {
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

function awardWarnings(ctx: Ctx, s: StreamRow, award: Award): FundingWarning[] {
  const out = [...awardCapWarnings(s, award), ...continuationWarnings(award)];
  for (const y of award.years) {
    out.push(
      ...overAllocationWarnings(s, y.financialYear, allocations.get(ctx, s.id, y.financialYear), budgetLines.totalForYear(ctx, s.id, y.financialYear), awards.totalForYear(ctx, s.id, y.financialYear)),
    );
  }
  return out;
}

function awardResult(ctx: Ctx, id: number): AwardResult {
  const award = requireAward(ctx, id);
  return { award, warnings: awardWarnings(ctx, requireStream(ctx, award.streamId), award) };
}

// ---------------------------------------------------------------------------------------
// Spend grid
// ---------------------------------------------------------------------------------------

function spendGrid(ctx: Ctx, streamId: number, financialYear: string): SpendGrid {
  const s = requireStream(ctx, streamId);
  const input = positionInput(ctx, s, financialYear, 0);
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

function resolveTarget(ctx: Ctx, s: StreamRow, key: string): ResolvedTarget | undefined {
  const t = parseTarget(key);
  if (t.kind === 'line') {
    const l = budgetLines.get(ctx, t.id);
    return l && l.streamId === s.id ? { key, label: l.heading, financialYear: l.financialYear } : undefined;
  }
  const a = awards.get(ctx, t.id);
  return a && a.streamId === s.id ? { key, label: `${a.organisationName}: ${a.project}`, financialYear: null } : undefined;
}

/** Writes one month's figure (null clears it); returns what happened. */
function writeSpend(ctx: Ctx, key: string, month: string, kind: SpendKind, pence: number | null, source: string): 'written' | 'deleted' | 'unchanged' {
  const t = parseTarget(key);
  const existing = spend.find(ctx, t, month, kind);
  if (pence === null) {
    if (!existing) return 'unchanged';
    spend.remove(ctx, existing.id);
    return 'deleted';
  }
  if (existing) {
    if (existing.amountPence === pence) return 'unchanged';
    spend.update(ctx, existing.id, { amountPence: pence, source });
    return 'written';
  }
  spend.insert(ctx, { budgetLineId: t.kind === 'line' ? t.id : null, awardId: t.kind === 'award' ? t.id : null, month, kind, amountPence: pence, source, note: '' });
  return 'written';
}

function streamMonthRange(s: StreamRow): [string, string] {
  return [yearStart(s.firstYear).slice(0, 7), yearEnd(s.lastYear).slice(0, 7)];
}

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

const norm = (t: string) => t.trim().toLowerCase().replace(/\s+/g, ' ');

function importContext(ctx: Ctx, s: StreamRow, source: string): ImportContext {
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
    for (const l of budgetLines.list(ctx, s.id, fy)) {
      const label = `${l.heading} (${l.costType}, ${fy})`;
      addLine(fy, l.costCentre, `line:${l.id}`, label);
      addLine(fy, l.heading, `line:${l.id}`, label);
    }
  }
  const awardIndex = new Map<string, { key: string; label: string }[]>();
  for (const a of awards.list(ctx, s.id, null)) {
    for (const text of [a.project, a.organisationName]) {
      const k = norm(text);
      const list = awardIndex.get(k) ?? [];
      if (!list.some((x) => x.key === `award:${a.id}`)) list.push({ key: `award:${a.id}`, label: `${a.organisationName}: ${a.project}` });
      awardIndex.set(k, list);
    }
  }
  const existingCache = new Map<string, number | undefined>();
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
      const k = `${key}|${month}|${kind}`;
      if (!existingCache.has(k)) existingCache.set(k, spend.find(ctx, parseTarget(key), month, kind)?.amountPence);
      return existingCache.get(k);
    },
  };
}

function preview(ctx: Ctx, streamId: number, source: string, mapping: ImportMapping, table: ImportTable): ImportPreview {
  const s = requireStream(ctx, streamId);
  const problems = mappingProblems(mapping, table.headers);
  if (problems.length > 0) {
    throw new DomainError('import.mapping', problems.join('; '), 'mapping', problems.map((message) => ({ path: 'mapping', message })));
  }
  return previewImport(table, mapping, importContext(ctx, s, source));
}

// ---------------------------------------------------------------------------------------
// Virement
// ---------------------------------------------------------------------------------------

function virementPreview(ctx: Ctx, streamId: number, financialYear: string, moves: VirementMove[], asOfQuarter: number | null): VirementPreview {
  const s = requireStream(ctx, streamId);
  const input = positionInput(ctx, s, financialYear, asOfQuarter);
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

function claimAmount(ctx: Ctx, s: StreamRow, financialYear: string, period: string): number {
  const months = periodMonths(financialYear, period);
  return spend.sumForStream(ctx, s.id, financialYear, 'actual', months[0]!, months[months.length - 1]!);
}

function requireClaim(ctx: Ctx, id: number): Claim {
  const c = claims.get(ctx, id);
  if (!c) throw notFound('claim', id);
  return c;
}

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

// Papers can place the funded projects of a stream as a live table (main/papers/live-tables.ts).
registerLiveTable('funding.awards', fundingLiveTable);

export const fundingHandlers: HandlersFor<typeof fundingContract> = {
  'fundingStream.list': (ctx) =>
    streams.list(ctx).map((s): FundingStreamSummary => {
      const full = fullStream(ctx, s);
      const counts = streams.counts(ctx, s.id);
      return { ...full, totalAllocationPence: full.allocations.reduce((a, x) => a + x.amountPence, 0), awardCount: counts.awards, budgetLineCount: counts.budgetLines };
    }),
  'fundingStream.get': (ctx, { id }) => getStream(ctx, id),
  'fundingStream.create': (ctx, input) => {
    assertYearRange(input.firstYear, input.lastYear);
    assertUniqueReference(ctx, input.reference);
    const id = streams.insert(ctx, streamValues(input));
    const s = requireStream(ctx, id);
    const seen = new Set<string>();
    input.allocations.forEach((a, i) => {
      assertYearInStream(s, a.financialYear, `allocations.${i}.financialYear`);
      if (seen.has(a.financialYear)) throw new DomainError('stream.duplicateYear', `${a.financialYear} is given twice.`, `allocations.${i}.financialYear`);
      seen.add(a.financialYear);
      allocations.set(ctx, id, a.financialYear, a.amount);
    });
    return getStream(ctx, id);
  },
  'fundingStream.update': (ctx, input) => {
    const s = requireStream(ctx, input.id);
    assertYearRange(input.firstYear ?? s.firstYear, input.lastYear ?? s.lastYear);
    if (input.reference !== undefined) assertUniqueReference(ctx, input.reference, s.id);
    streams.update(ctx, s.id, streamValues(input));
    const after = requireStream(ctx, s.id);
    allocations.removeOutside(ctx, s.id, after.firstYear, after.lastYear);
    return getStream(ctx, s.id);
  },
  'fundingStream.delete': (ctx, { id }) => {
    const s = requireStream(ctx, id);
    const counts = streams.counts(ctx, id);
    if (counts.awards > 0 || counts.claims > 0) {
      const parts = [counts.awards && `${counts.awards} funded project${counts.awards === 1 ? '' : 's'}`, counts.claims && `${counts.claims} claim${counts.claims === 1 ? '' : 's'}`].filter(Boolean);
      throw new DomainError('stream.inUse', `The ${s.name} cannot be deleted: ${parts.join(' and ')} still refer to it.`, 'id');
    }
    streams.remove(ctx, id);
    return { id };
  },
  'fundingStream.setAllocation': (ctx, { streamId, financialYear, amount }) => {
    const s = requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    allocations.set(ctx, streamId, financialYear, amount);
    return getStream(ctx, streamId);
  },
  'fundingStream.renameHeading': (ctx, { streamId, from, to }) => {
    requireStream(ctx, streamId);
    const lines = budgetLines.withHeading(ctx, streamId, from);
    if (lines.length === 0) throw new DomainError('budgetLine.noHeading', `No budget line of this stream has the heading "${from}".`, 'from');
    for (const l of lines) {
      const clash = budgetLines.find(ctx, streamId, l.financialYear, to, l.costType);
      if (clash && clash.id !== l.id) {
        throw new DomainError('budgetLine.duplicate', `${l.financialYear} already has a ${l.costType} budget line called "${to}"; change its amount instead.`, 'to');
      }
      budgetLines.update(ctx, l.id, { heading: to });
    }
    return { renamed: lines.length };
  },

  'budgetLine.list': (ctx, { streamId, financialYear }) => {
    assertYearInStream(requireStream(ctx, streamId), financialYear);
    return budgetLines.list(ctx, streamId, financialYear);
  },
  'budgetLine.create': (ctx, { streamId, financialYear, heading, costType, costCentre, allocated }) => {
    const s = requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    if (budgetLines.find(ctx, streamId, financialYear, heading, costType)) {
      throw new DomainError('budgetLine.duplicate', `${financialYear} already has a ${costType} budget line called "${heading}"; change its amount instead.`, 'heading');
    }
    const id = budgetLines.insert(ctx, { streamId, financialYear, heading, costType, costCentre, allocatedPence: allocated });
    return budgetLines.get(ctx, id)!;
  },
  'budgetLine.update': (ctx, { id, allocated, ...patch }) => {
    const line = budgetLines.get(ctx, id);
    if (!line) throw notFound('budget_line', id);
    const heading = patch.heading ?? line.heading;
    const costType = patch.costType ?? line.costType;
    const clash = budgetLines.find(ctx, line.streamId, line.financialYear, heading, costType);
    if (clash && clash.id !== id) throw new DomainError('budgetLine.duplicate', `${line.financialYear} already has a ${costType} budget line called "${heading}".`, 'heading');
    budgetLines.update(ctx, id, { ...patch, ...(allocated !== undefined ? { allocatedPence: allocated } : {}) });
    return budgetLines.get(ctx, id)!;
  },
  'budgetLine.delete': (ctx, { id }) => {
    if (!budgetLines.get(ctx, id)) throw notFound('budget_line', id);
    budgetLines.remove(ctx, id);
    return { id };
  },

  'award.list': (ctx, { streamId, financialYear }) => {
    const s = requireStream(ctx, streamId);
    if (!financialYear) return awards.list(ctx, streamId, null);
    assertYearInStream(s, financialYear);
    const months = monthsOfYear(financialYear);
    return awards.list(ctx, streamId, financialYear, [months[0]!, months[11]!]);
  },
  'award.get': (ctx, { id }) => requireAward(ctx, id),
  'award.create': (ctx, { streamId, years, ...fields }) => {
    const s = requireStream(ctx, streamId);
    assertOrganisation(ctx, fields.organisationId);
    assertDates(fields.startsOn, fields.endsOn);
    assertAwardYears(s, years);
    const id = awards.insert(ctx, { streamId, ...fields });
    awards.setYears(ctx, id, years.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount })));
    return awardResult(ctx, id);
  },
  'award.update': (ctx, { id, years, ...patch }) => {
    const award = requireAward(ctx, id);
    const s = requireStream(ctx, award.streamId);
    if (patch.organisationId !== undefined) assertOrganisation(ctx, patch.organisationId);
    assertDates(patch.startsOn !== undefined ? patch.startsOn : award.startsOn, patch.endsOn !== undefined ? patch.endsOn : award.endsOn);
    awards.update(ctx, id, patch);
    if (years) {
      assertAwardYears(s, years);
      awards.setYears(ctx, id, years.map((y) => ({ financialYear: y.financialYear, amountPence: y.amount })));
    }
    return awardResult(ctx, id);
  },
  'award.delete': (ctx, { id }) => {
    requireAward(ctx, id);
    awards.remove(ctx, id);
    return { id };
  },

  'spend.grid': (ctx, { streamId, financialYear }) => spendGrid(ctx, streamId, financialYear),
  'spend.setCells': (ctx, { streamId, financialYear, cells }): SetCellsResult => {
    const s = requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    const [firstMonth, lastMonth] = streamMonthRange(s);
    const problems: Problem[] = [];
    const targets = new Map<string, ResolvedTarget | undefined>();
    const parsed: { key: string; month: string; kind: SpendKind; pence: number | null }[] = [];
    cells.forEach((cell, i) => {
      if (!targets.has(cell.target)) targets.set(cell.target, resolveTarget(ctx, s, cell.target));
      const target = targets.get(cell.target);
      if (!target) {
        problems.push({ path: `cells.${i}.target`, message: `${cell.target} is not a budget line or project of the ${s.name}` });
        return;
      }
      if (cell.month < firstMonth || cell.month > lastMonth) {
        problems.push({ path: `cells.${i}.month`, message: `Month ${cell.month} (${target.label}) is outside the ${s.name}'s years (${s.firstYear} to ${s.lastYear})` });
        return;
      }
      if (target.financialYear && financialYearOf(cell.month) !== target.financialYear) {
        problems.push({ path: `cells.${i}.month`, message: `Month ${cell.month} is outside ${target.financialYear}, the year of the budget line ${target.label}` });
        return;
      }
      let pence: number | null = null;
      if (cell.amount.trim() !== '') {
        const r = parseMoney(cell.amount);
        if (!r.ok) {
          problems.push({ path: `cells.${i}.amount`, message: `${target.label}, ${cell.month} ${cell.kind}: ${r.reason.startsWith('"') ? r.reason : `amount ${r.reason}`}` });
          return;
        }
        pence = r.pence;
      }
      parsed.push({ key: cell.target, month: cell.month, kind: cell.kind, pence });
    });
    if (problems.length > 0) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
      throw new DomainError('spend.invalid', `Nothing was saved: ${problems.slice(0, 3).map((p) => p.message).join('; ')}${more}.`, problems[0]!.path, problems);
    }
    const counts = { written: 0, deleted: 0, unchanged: 0 };
    for (const p of parsed) counts[writeSpend(ctx, p.key, p.month, p.kind, p.pence, 'grid')] += 1;
    const position = loadPosition(ctx, streamId, financialYear);
    return { ...counts, grid: spendGrid(ctx, streamId, financialYear), warnings: position.warnings.filter((w) => w.code.startsWith('spend.') || w.code.startsWith('forecast.')) };
  },
  'spend.importRead': async (ctx, { streamId, source, fileName, contentBase64 }) => {
    requireStream(ctx, streamId);
    const table = await readImportFile(fileName, Buffer.from(contentBase64, 'base64'));
    const remembered = importMappings.get(ctx, source);
    const usable = remembered && mappingProblems(remembered, table.headers).length === 0;
    return { table, mapping: usable ? remembered : guessMapping(table.headers), remembered: !!usable };
  },
  'spend.importPreview': (ctx, { streamId, source, mapping, table }) => preview(ctx, streamId, source, mapping, table),
  'spend.importCommit': (ctx, { streamId, source, mapping, table }) => {
    const result = preview(ctx, streamId, source, mapping, table);
    const label = `import: ${source}`.slice(0, 200);
    for (const row of result.rows) {
      if (row.outcome !== 'new' && row.outcome !== 'changed') continue;
      writeSpend(ctx, row.target, row.month, row.kind as SpendKind, row.amountPence!, label);
    }
    importMappings.set(ctx, source, mapping);
    return result;
  },

  'funding.position': (ctx, { streamId, financialYear, asOfQuarter }) => loadPosition(ctx, streamId, financialYear, asOfQuarter),
  'funding.overview': (ctx, { financialYear }) => loadOverview(ctx, financialYear),
  'funding.virementPreview': (ctx, { streamId, financialYear, moves, asOfQuarter }) =>
    virementPreview(ctx, streamId, financialYear, moves.map((m) => ({ from: m.from, to: m.to, amountPence: m.amount })), asOfQuarter),
  'funding.virementPropose': (ctx, { streamId, financialYear, moves, boardId, title, asOfQuarter }) => {
    const p = virementPreview(ctx, streamId, financialYear, moves.map((m) => ({ from: m.from, to: m.to, amountPence: m.amount })), asOfQuarter);
    const board = boards.get(ctx, boardId);
    if (!board) throw new DomainError('decision.boardMissing', `Board ${boardId} does not exist; choose the board that will decide.`, 'boardId');
    // Board decisions are numbered per board per calendar year: SB-D-2020-004.
    const prefix = `${board.code}-D-${isoToday(ctx).slice(0, 4)}-`;
    const reference = `${prefix}${String(boards.lastDecisionNumber(ctx, prefix) + 1).padStart(3, '0')}`;
    const text = [
      `Virement within the ${p.before.stream.name} for ${financialYear}:`,
      ...p.moves.map((m) => `move ${formatPence(m.amountPence)} from ${m.fromLabel} to ${m.toLabel};`),
      `forecast variance at year end ${formatPence(p.before.totals.variancePence)} before and ${formatPence(p.after.totals.variancePence)} after.`,
    ].join('\n');
    const decisionId = insertRow(ctx, 'decision', {
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

  'claim.list': (ctx, { streamId }) => {
    requireStream(ctx, streamId);
    return claims.list(ctx, streamId);
  },
  'claim.create': (ctx, { streamId, financialYear, period, preparedBy, signedOffBy }) => {
    const s = requireStream(ctx, streamId);
    assertYearInStream(s, financialYear);
    if (!PERIODS_FOR[s.claimFrequency]!.test(period)) {
      throw new DomainError('claim.period', `The ${s.name} is claimed ${s.claimFrequency}; ${period} is not one of its periods.`, 'period');
    }
    const existing = claims.find(ctx, streamId, financialYear, period);
    if (existing) {
      throw new DomainError(
        'claim.duplicate',
        `The ${financialYear} ${period} claim on the ${s.name} already exists (${existing.status}, recorded ${formatDateLong(existing.createdAt.slice(0, 10))}); a period is claimed only once.`,
        'period',
      );
    }
    const id = claims.insert(ctx, { streamId, financialYear, period, status: 'draft', amountPence: claimAmount(ctx, s, financialYear, period), preparedBy, signedOffBy });
    return requireClaim(ctx, id);
  },
  'claim.setStatus': (ctx, { id, status, on, signedOffOn }) => {
    const c = requireClaim(ctx, id);
    const order = ['draft', 'submitted', 'paid'];
    if (order.indexOf(status) !== order.indexOf(c.status) + 1) {
      throw new DomainError('claim.status', `A ${c.status} claim cannot become ${status}: claims move draft → submitted → paid.`, 'status');
    }
    const date = on ?? isoToday(ctx);
    if (status === 'submitted') {
      // The amount is fixed when the claim leaves the building.
      if (signedOffOn && signedOffOn > date) throw new DomainError('claim.signedOffOn', `A claim is signed off before it is submitted; ${signedOffOn} is after ${date}.`, 'signedOffOn');
      // A submitted claim has been signed off: on the day given, else the day it went.
      claims.update(ctx, id, {
        status,
        submittedOn: date,
        signedOffOn: signedOffOn ?? date,
        amountPence: claimAmount(ctx, requireStream(ctx, c.streamId), c.financialYear, c.period),
      });
    } else claims.update(ctx, id, { status, paidOn: date });
    return requireClaim(ctx, id);
  },

  'funding.exportReturn': (ctx, input) => {
    // A return for a year the grant does not cover would be a form of zeros; refuse it as a claim is refused.
    assertYearInStream(requireStream(ctx, input.streamId), input.financialYear);
    return exportReturn(ctx, input);
  },
  'funding.checkTemplate': (_ctx, { template }) => checkReturnTemplate(template),
  'funding.exportSummary': (ctx, input) => exportFundingSummary(ctx, input),
};

