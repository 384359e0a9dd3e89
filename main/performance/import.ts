import { columnLetter } from '../documents/xlsx';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/errors';
import { formatDateShort } from '../shared/dates';
import type { ColumnMapping, ImportBasisValue, ImportPreview, ImportResult, ImportRow, PreviewRow, ValueFate, ValueStatus } from './contract';
import { periodLabel } from './periods';
import { indicators, values, type IndicatorRow } from './repository';
import { readSpreadsheet, type Cell, type Sheet } from './spreadsheet';
import { formatValue } from './units';
import { checkValue, fateOf, resolveProvenance, writeValue } from './values';
import { lockValuesOf, refuseChangedValues, type ValueReadAt } from './values-read-at';

/**
 * Importing values from a spreadsheet: read the file, map its columns, then show each row's
 * fate — new, changed, unchanged, or rejected and why — before anything is written. The
 * preview and the import share classifyRows, so what the preview promised is what happens;
 * the import runs in the one transaction dispatch gives every write.
 */
const ROLES = ['indicator', 'period', 'value', 'status', 'note'] as const;
type Role = (typeof ROLES)[number];
const GUESS: Record<Role, RegExp> = {
  indicator: /indicator|code|measure/i,
  period: /period|month|quarter|year|date/i,
  value: /value|count|number|total|rate|amount|figure|percent|%/i,
  status: /status|provisional|final/i,
  note: /note|comment/i,
};

/** Column letters from a 0-based index, as the sheet shows them. */
const columnName = (i: number) => columnLetter(i + 1);

/** The first row with anything in it holds the headers. */
function headerRowIndex(sheet: Sheet): number {
  const i = sheet.rows.findIndex((r) => r.some((c) => c !== null));
  return i < 0 ? 0 : i;
}

export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = { period: null, value: null, indicator: null, status: null, note: null };
  const taken = new Set<number>();
  for (const role of ROLES) {
    const i = headers.findIndex((h, idx) => !taken.has(idx) && GUESS[role].test(h));
    if (i >= 0) {
      mapping[role] = i;
      taken.add(i);
    }
  }
  return mapping;
}

function mappingProblems(mapping: ColumnMapping, columns: number, fixedIndicator: boolean): string[] {
  const problems: string[] = [];
  if (mapping.period === null) problems.push('Choose the column that holds the period');
  if (mapping.value === null) problems.push('Choose the column that holds the value');
  if (mapping.indicator === null && !fixedIndicator) problems.push('Choose the column that holds the indicator code, or the indicator every row belongs to');
  for (const role of ROLES) {
    const c = mapping[role];
    if (c !== null && c >= columns) problems.push(`The ${role} column (${columnName(c)}) is beyond the last column of the sheet`);
  }
  const used = ROLES.map((r) => mapping[r]).filter((c): c is number => c !== null);
  if (new Set(used).size !== used.length) problems.push('Each column can be used for one thing only');
  return problems;
}

function rowsOf(sheet: Sheet, mapping: ColumnMapping): ImportRow[] {
  const start = headerRowIndex(sheet) + 1;
  const out: ImportRow[] = [];
  const at = (cells: Cell[], c: number | null): Cell => (c === null ? null : (cells[c] ?? null));
  const text = (cell: Cell, mapped: boolean): string | null => (mapped ? (cell === null ? '' : String(cell).trim()) : null);
  for (let i = start; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (!cells.some((c) => c !== null)) continue; // blank lines are not rows
    out.push({
      row: i + 1,
      indicator: at(cells, mapping.indicator),
      period: at(cells, mapping.period),
      value: at(cells, mapping.value),
      status: text(at(cells, mapping.status), mapping.status !== null),
      note: text(at(cells, mapping.note), mapping.note !== null),
    });
  }
  return out;
}

function readStatus(text: string | null): ValueStatus | null | undefined {
  if (text === null || text === '') return null;
  if (/^(p|prov\.?|provisional)$/i.test(text)) return 'provisional';
  if (/^(f|final)$/i.test(text)) return 'final';
  return undefined;
}

function emptyCounts(): Record<ValueFate, number> {
  return { new: 0, changed: 0, unchanged: 0, rejected: 0 };
}

/** Each row's fate, without writing. Duplicate periods of one indicator reject every copy. */
export async function classifyRows(ctx: Ctx, rows: readonly ImportRow[], fixedIndicatorId: number | null): Promise<PreviewRow[]> {
  const fixed = fixedIndicatorId === null ? undefined : await indicators.get(ctx, fixedIndicatorId);
  if (fixedIndicatorId !== null && !fixed) throw new DomainError('indicator.notFound', `No indicator with id ${fixedIndicatorId} exists.`, 'indicatorId');
  const byCode = new Map<string, IndicatorRow | undefined>();
  const find = async (code: string) => {
    const key = code.toLowerCase();
    if (!byCode.has(key)) byCode.set(key, await indicators.findByCode(ctx, code));
    return byCode.get(key);
  };

  const out: PreviewRow[] = (await Promise.all(rows.map(async (r) => {
    const base: PreviewRow = { ...r, indicatorId: null, indicatorCode: null, periodKey: null, periodLabel: null, number: null, fate: 'rejected', reason: '', currentValueId: null };
    const reject = (reason: string): PreviewRow => ({ ...base, reason });
    const code = r.indicator === null ? '' : String(r.indicator).trim();
    const ind = code !== '' ? await find(code) : fixed;
    if (!ind) return reject(code !== '' ? `No indicator has the code "${code}"` : 'The indicator code is empty');
    base.indicatorId = ind.id;
    base.indicatorCode = ind.code;
    const checked = checkValue(ctx, ind, r);
    if (!checked.ok) {
      if (checked.field === 'value') {
        // The period was fine: show it, so the row can be found.
        const p = checkValue(ctx, ind, { period: r.period, value: 0 });
        if (p.ok) Object.assign(base, { periodKey: p.period, periodLabel: periodLabel(p.period) });
      }
      return reject(checked.message);
    }
    Object.assign(base, { periodKey: checked.period, periodLabel: periodLabel(checked.period), number: checked.value });
    const status = readStatus(r.status);
    if (status === undefined) return reject(`Status "${r.status}" must be provisional or final`);
    const current = await values.currentFor(ctx, ind.id, checked.period);
    const { fate } = fateOf(current, checked.value, status ?? current?.status ?? 'provisional', r.note);
    const reason =
      fate === 'changed' && current
        ? `was ${formatValue(current.value, ind.unit)} (${current.status}, received ${formatDateShort(current.receivedOn)})`
        : fate === 'unchanged'
          ? 'the same as the value already recorded'
          : '';
    return { ...base, fate, reason, currentValueId: current?.id ?? null };
  })));

  const seen = new Map<string, number[]>();
  out.forEach((r, i) => {
    if (r.indicatorId === null || r.periodKey === null) return;
    const key = `${r.indicatorId}|${r.periodKey}`;
    seen.set(key, [...(seen.get(key) ?? []), i]);
  });
  for (const indices of seen.values()) {
    if (indices.length < 2) continue;
    const rowNumbers = indices.map((i) => out[i]!.row).join(', ');
    for (const i of indices) {
      const r = out[i]!;
      out[i] = { ...r, fate: 'rejected', reason: `${r.indicatorCode} ${r.periodLabel} appears more than once in the file (rows ${rowNumbers}); keep one` };
    }
  }
  return out;
}

function count(rows: readonly PreviewRow[]): Record<ValueFate, number> {
  const counts = emptyCounts();
  for (const r of rows) counts[r.fate]++;
  return counts;
}

export async function previewImport(
  ctx: Ctx,
  input: { fileName: string; contentBase64: string; sheet: string | null; mapping: ColumnMapping | null; indicatorId: number | null },
): Promise<ImportPreview> {
  const sheets = await readSpreadsheet(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  let sheet: Sheet;
  if (input.sheet !== null) {
    const named = sheets.find((s) => s.name === input.sheet);
    if (!named) throw new DomainError('import.noSuchSheet', `${input.fileName} has no sheet called "${input.sheet}"; it has ${sheets.map((s) => `"${s.name}"`).join(', ')}.`, 'sheet');
    sheet = named;
  } else {
    sheet = sheets.find((s) => s.rows.some((r) => r.some((c) => c !== null))) ?? sheets[0]!;
  }
  const headerCells = sheet.rows[headerRowIndex(sheet)] ?? [];
  const width = Math.max(headerCells.length, ...sheet.rows.map((r) => r.length), 0);
  const headers = Array.from({ length: width }, (_, i) => {
    const h = headerCells[i];
    return h === null || h === undefined ? `Column ${columnName(i)}` : String(h).trim();
  });
  const mapping = input.mapping ?? guessMapping(headers);
  const problems = mappingProblems(mapping, width, input.indicatorId !== null);
  const rows = problems.length ? [] : await classifyRows(ctx, rowsOf(sheet, mapping), input.indicatorId);
  return { fileName: input.fileName, sheets: sheets.map((s) => s.name), sheet: sheet.name, headers, mapping, mappingProblems: problems, rows, counts: count(rows), basis: basisOf(rows) };
}

/** Each period the preview found (rows it would write, or found already holding the file's value), with its current value's id. */
function basisOf(rows: readonly PreviewRow[]): ImportBasisValue[] {
  return rows.flatMap((r) => (r.fate === 'rejected' || r.indicatorId === null || r.periodKey === null ? [] : [{ indicatorId: r.indicatorId, period: r.periodKey, valueId: r.currentValueId }]));
}

/**
 * An import applied on the preview it was shown: each period it writes must still hold the
 * value it held then, else nothing is imported and the refusal names who recorded which value
 * since. A period the preview did not list means the rows are not the ones previewed.
 */
async function refuseMovedSincePreview(ctx: Ctx, rows: readonly PreviewRow[], basis: readonly ImportBasisValue[], indicatorOf: (id: number) => Promise<IndicatorRow>): Promise<void> {
  const read = new Map(basis.map((b) => [`${b.indicatorId}|${b.period}`, b.valueId]));
  const cells: ValueReadAt[] = [];
  for (const r of rows) {
    if (r.fate !== 'new' && r.fate !== 'changed') continue;
    const at = `${r.indicatorId}|${r.periodKey}`;
    if (!read.has(at)) {
      throw new DomainError('import.notPreviewed', `The import is not the one previewed (${r.indicatorCode} ${r.periodLabel}, row ${r.row}, was not in its preview): preview the file again, then import.`, 'basis');
    }
    const ind = await indicatorOf(r.indicatorId!);
    cells.push({ ind, period: r.periodKey!, value: r.number!, status: readStatus(r.status) ?? 'provisional', note: r.note, wasValueId: read.get(at)! });
  }
  await refuseChangedValues(ctx, cells, { since: 'since your preview', field: 'basis', again: 'preview the file and import again' });
}

export async function applyImport(
  ctx: Ctx,
  input: {
    rows: ImportRow[];
    indicatorId: number | null;
    suppliedByOrganisationId: number | null;
    receivedOn: string | null;
    expect: { new: number; changed: number } | null;
    basis?: ImportBasisValue[];
  },
): Promise<ImportResult> {
  const provenance = await resolveProvenance(ctx, input);
  const cache = new Map<number, IndicatorRow>();
  const indicatorOf = async (id: number) => {
    let ind = cache.get(id);
    if (!ind) cache.set(id, (ind = (await indicators.get(ctx, id))!));
    return ind;
  };
  // Checked, then written, with every other write of these indicators' values waiting (values-read-at.ts).
  if (input.basis) await lockValuesOf(ctx, input.basis.map((b) => b.indicatorId));
  const rows = await classifyRows(ctx, input.rows, input.indicatorId);
  const counts = count(rows);
  if (input.basis) await refuseMovedSincePreview(ctx, rows, input.basis, indicatorOf);
  if (input.expect && (input.expect.new !== counts.new || input.expect.changed !== counts.changed)) {
    throw new DomainError(
      'import.changedSincePreview',
      `Nothing was imported: the workspace changed since the preview (it showed ${input.expect.new} new and ${input.expect.changed} changed; now ${counts.new} new and ${counts.changed} changed). Preview the file again.`,
    );
  }
  for (const r of rows) {
    if (r.fate !== 'new' && r.fate !== 'changed') continue;
    const ind = await indicatorOf(r.indicatorId!);
    const status = readStatus(r.status) ?? 'provisional';
    await writeValue(ctx, ind, r.periodKey!, r.number!, status, r.note, provenance);
  }
  return { counts, rows };
}
