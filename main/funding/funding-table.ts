import type { FileChild } from 'docx';
import { dataTable, paragraph, type Column } from '../documents/docx';
import type { LiveTableResult } from '../papers/contract';
import { isoToday, type Ctx } from '../shared/context';
import { formatDateLong } from '../shared/dates';
import { isFinancialYear } from '../shared/financial-year';
import { DomainError } from '../shared/errors';
import { formatPence } from '../shared/money';
import type { Position } from './contract';
import { streams } from './repository';
import { loadPosition } from './views';

/**
 * A funding table that a paper can place live: the figures are read from the workspace when
 * the paper is exported, so the paper never disagrees with the funding area. A stream with
 * funded projects gives the awards (seed 000's list of Violence Reduction Fund projects);
 * one without gives its budget by heading with actual, forecast and variance.
 */
export interface FundingTable {
  kind: 'awards' | 'headings';
  caption: string;
  headers: string[];
  /** Right-aligned columns (money). */
  numeric: boolean[];
  rows: string[][];
  /** The last row, "Total". */
  total: string[];
  /** Rule warnings about these figures (e.g. an award above the cap), for a note under the table. */
  notes: string[];
  position: Position;
}

const TIER: Record<string, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };

/**
 * Money for one table: whole pounds when every figure is whole, otherwise pence on every
 * figure, so a column never mixes £27,050 with £49,550.25 and its decimals line up.
 */
export function tableMoney(values: number[]): (pence: number) => string {
  const alwaysPence = values.some((v) => v % 100 !== 0);
  return (pence) => formatPence(pence, { alwaysPence });
}

export function fundingTable(position: Position): FundingTable {
  const { stream, financialYear } = position;
  const notes = position.warnings.filter((w) => !w.code.startsWith('forecast.')).map((w) => w.message);
  if (position.awards.length > 0) {
    const awards = position.awards;
    const awardTotal = awards.reduce((s, a) => s + a.awardPence, 0);
    const paidTotal = awards.reduce((s, a) => s + a.paidPence, 0);
    const money = tableMoney(awards.flatMap((a) => [a.awardPence, a.paidPence]));
    return {
      kind: 'awards',
      caption: `${stream.name}: awards ${financialYear}`,
      headers: ['Organisation', 'Project', 'Tier', `Award ${financialYear}`, 'Paid to date'],
      numeric: [false, false, false, true, true],
      rows: awards.map((a) => [a.organisationName, a.project, a.tier ? TIER[a.tier]! : 'Not classified', money(a.awardPence), money(a.paidPence)]),
      total: ['Total', `${awards.length} project${awards.length === 1 ? '' : 's'}`, '', money(awardTotal), money(paidTotal)],
      notes,
      position,
    };
  }
  const t = position.totals;
  const money = tableMoney([t, ...position.headings].flatMap((h) => [h.budgetPence, h.actualToDatePence, h.forecastYearEndPence, h.variancePence]));
  return {
    kind: 'headings',
    caption: `${stream.name}: budget and spend by heading ${financialYear}${position.asOfQuarter ? `, actual to the end of Q${position.asOfQuarter}` : ''}`,
    headers: ['Heading', 'Budget', 'Actual to date', 'Forecast to year end', 'Variance (budget less forecast)'],
    numeric: [false, true, true, true, true],
    rows: position.headings.map((h) => [
      h.costType === 'capital' ? `${h.heading} (capital)` : h.heading,
      money(h.budgetPence),
      money(h.actualToDatePence),
      money(h.forecastYearEndPence),
      money(h.variancePence),
    ]),
    total: ['Total', money(t.budgetPence), money(t.actualToDatePence), money(t.forecastYearEndPence), money(t.variancePence)],
    notes,
    position,
  };
}

/** The width of the text on a portrait A4 page, in points (21 cm less the 2.2 cm margins). */
const TEXT_WIDTH_PT = ((21 - 4.4) / 2.54) * 72;

/** The table as Word blocks (caption, then the table with a repeating header row). */
export function fundingTableDocx(table: FundingTable): FileChild[] {
  if (table.rows.length === 0) {
    return [paragraph(`No budget lines or funded projects are recorded on the ${table.position.stream.name} for ${table.position.financialYear}.`)];
  }
  // Each money column as wide as its longest figure, bold (the total row), and each text column
  // at least as wide as its longest word (header included), so "£10,618,483.38" and
  // "Organisation" never break; the text columns share what is left (the project most). Where
  // that does not fit a portrait page at 12 pt, the table is set at the register size.
  const cells = [table.headers, ...table.rows, table.total];
  const longestIn = (i: number, words: boolean) => Math.max(1, ...cells.flatMap((r) => (words ? (r[i] ?? '').split(/\s+/) : [r[i] ?? ''])).map((w) => w.length));
  const widthPct = (chars: number, sizePt: number) => ((chars * 0.62 * sizePt + 14) / TEXT_WIDTH_PT) * 100;
  const floors = (sizePt: number) => table.headers.map((_, i) => widthPct(longestIn(i, !table.numeric[i]), sizePt));
  const register = floors(12).reduce((a, b) => a + b, 0) > 100;
  const floor = floors(register ? 9 : 12);
  const shares = table.headers.map((_, i) => (table.numeric[i] ? 0 : table.kind === 'awards' ? ([21, 33, 15][i] ?? 1) : 1));
  const spare = Math.max(0, 100 - floor.reduce((a, b) => a + b, 0));
  const shareTotal = shares.reduce((a, b) => a + b, 0) || 1;
  const columns: Column[] = table.headers.map((header, i) => ({
    header,
    align: table.numeric[i] ? 'right' : 'left',
    width: Math.floor((floor[i]! + (spare * shares[i]!) / shareTotal) * 10) / 10,
  }));
  const rows = [...table.rows, table.total.map((v) => ({ text: v, bold: true }))];
  return dataTable(columns, rows, { caption: table.caption, register });
}

/**
 * For the papers area: `fundingTableBlock(ctx, { streamRef: 'VRF', year: '2019/20' })` gives
 * the figures and the Word table to place in a paper section.
 */
export async function fundingTableBlock(ctx: Ctx, opts: { streamRef: string; year: string; asOfQuarter?: number | null }): Promise<FundingTable & { docx: FileChild[] }> {
  const s = await streams.findByReference(ctx, opts.streamRef);
  if (!s) throw new DomainError('funding_stream.notFound', `There is no funding stream with the reference ${opts.streamRef}.`, 'streamRef');
  const table = fundingTable(await loadPosition(ctx, s.id, opts.year, opts.asOfQuarter ?? null));
  return { ...table, docx: fundingTableDocx(table) };
}

/**
 * The papers area's live table "funding.awards" (params: stream = reference, year = 2019/20):
 * the same table as text rows, with the total as the last row.
 */
export async function fundingLiveTable(ctx: Ctx, params: Record<string, string>): Promise<LiveTableResult> {
  const streamRef = params.stream ?? '';
  const year = params.year ?? '';
  if (!streamRef) return { ok: false, reason: 'the table does not say which funding stream (stream, e.g. VRF)' };
  if (!isFinancialYear(year)) return { ok: false, reason: `the year "${year}" is not a financial year written like 2019/20` };
  const s = await streams.findByReference(ctx, streamRef);
  if (s && (year < s.firstYear || year > s.lastYear)) return { ok: false, reason: `the ${s.name} covers ${s.firstYear} to ${s.lastYear}, not ${year}` };
  const t = await fundingTableBlock(ctx, { streamRef, year });
  return {
    ok: true,
    table: {
      caption: t.caption,
      columns: t.headers.map((header, i) => ({ header, align: t.numeric[i] ? 'right' : 'left' })),
      rows: [...t.rows, t.total],
      source: `Funding records of the ${t.position.stream.name} (${t.position.stream.reference}), as at ${formatDateLong(isoToday(ctx))}${t.notes.length ? `. ${t.notes.join('. ')}.` : ''}`,
    },
  };
}
