import type ExcelJS from 'exceljs';
import { resolve } from 'node:path';
import { exported } from '../documents/export-result';
import { columnLetter, excelDate, fitRows, newWorkbook, printSetup, safeText, writeXlsx } from '../documents/xlsx';
import { houseStyle as hs, type ProtectiveMarking } from '../documents/house-style';
import { isoToday, type Ctx } from '../shared/context';
import { describeQuarter, quarterRange, type Quarter } from '../shared/financial-year';
import { exportMarking, readSetting } from '../workspace/settings';
import type { Claim, Position, PositionFigures, ReturnExportResult } from './contract';
import { FIGURE_NOTES } from './figures';
import { evaluate, toExcel, type Ref } from './formula';
import { claims, settings } from './repository';
import { defaultTemplatePath, loadTemplate, readTemplateFile, type CheckedTemplate, type TemplateColumn, type TemplateSheet } from './return-template';
import { loadPosition } from './views';

/**
 * The Home Office spend return, built from a template (./return-template.ts) and a position
 * (./position.ts). Totals and variances are real Excel formulas, each written with its
 * result so a reader that does not recalculate still sees the figures; the results are the
 * app's own integer-pence figures, so the two can be compared to the penny. Cells are locked
 * except those the template marks editable.
 */

export type Scalar = string | number | null;

export interface ReturnData {
  /** Cover figures by source name; money in pence, dates ISO. */
  cover: Record<string, Scalar>;
  /** One record per spend heading; money in pence. */
  headings: Record<string, Scalar>[];
  /** Revenue, then capital; money in pence. */
  costTypes: Record<string, Scalar>[];
  /** One record per funded project; money in pence. */
  awards: Record<string, Scalar>[];
}

const EDITABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.excel.headerFill } };

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const TIER_LABELS: Record<string, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };

/** The figures of a position, in the shape the template's sources name. */
export function returnData(position: Position, cover: Record<string, Scalar>): ReturnData {
  const figures = (h: Omit<PositionFigures, 'quarters'> & { costType: string }) => ({
    costTypeLabel: h.costType === 'capital' ? 'Capital' : 'Revenue',
    budget: h.budgetPence,
    actualQuarter: h.actualQuarterPence,
    actualToDate: h.actualToDatePence,
    forecastRemaining: h.forecastRemainingPence,
    forecastYearEnd: h.forecastYearEndPence,
    variance: h.variancePence,
  });
  const headings = position.headings.map((h) => ({ heading: h.heading, ...figures(h) }));
  const costTypes = position.costTypes.map((c) => ({ heading: c.costType === 'capital' ? 'Capital' : 'Revenue', ...figures(c) }));
  const awards = position.awards.map((a) => ({
    organisation: a.organisationName,
    project: a.project,
    description: '',
    tier: a.tier ? TIER_LABELS[a.tier]! : 'Not classified',
    theme: a.theme,
    award: a.awardPence,
    paid: a.paidPence,
    remaining: a.remainingPence,
    monitoring: a.monitoringMet === null ? 'Not yet assessed' : a.monitoringMet ? 'Yes' : 'No',
    startsOn: null,
    endsOn: null,
  }));
  return { cover, headings, costTypes, awards };
}

interface Layout {
  ws: ExcelJS.Worksheet;
  sheet: TemplateSheet;
  /** Row of the first record; records follow one per row, with a subtotal row after each cost type's records when the sheet asks for subtotals. */
  firstRow: number;
  rowCount: number;
  /** Row of each record. */
  rowOf: number[];
  /** Subtotal rows (headings sheets with "subtotals"): one per cost type, under its records. */
  subtotals: { label: string; row: number; records: number[] }[];
  totalRow: number | null;
  colOf: Map<string, number>;
  /** Results in pounds by "row:key" (records) or "total:key". */
  values: Map<string, number>;
  /** Cover: row of each field by source name. */
  coverRows: Map<string, number>;
}

function styleTitle(cell: ExcelJS.Cell): void {
  cell.font = { name: hs.excel.font, size: hs.excel.titleSizePt, bold: true };
}

function setText(cell: ExcelJS.Cell, text: string): void {
  const clean = safeText(text);
  // A string cell: text that starts like a formula (= + - @) gets the quote prefix when the workbook is written (documents/xlsx-quote-prefix.ts).
  cell.value = clean;
}

function setValue(cell: ExcelJS.Cell, type: 'text' | 'money' | 'date', value: Scalar): number | undefined {
  cell.font = { name: hs.excel.font, size: hs.excel.sizePt };
  if (type === 'money') {
    cell.numFmt = hs.excel.moneyFormat;
    if (value === null || value === '') return undefined;
    const pounds = Number(value) / 100;
    cell.value = pounds;
    return pounds;
  }
  if (type === 'date') {
    cell.numFmt = hs.excel.dateFormat;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) cell.value = excelDate(value);
    return undefined;
  }
  if (value !== null && value !== '') setText(cell, String(value));
  return undefined;
}

function fillTitle(template: string, cover: Record<string, Scalar>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (cover[k] !== undefined && cover[k] !== null ? String(cover[k]) : m));
}

function pence(pounds: number): number {
  return Math.round(pounds * 100);
}

export function buildReturnWorkbook(checked: CheckedTemplate, data: ReturnData, meta: { title: string }): ExcelJS.Workbook {
  const { template, formulas } = checked;
  const wb = newWorkbook({ title: meta.title, subject: template.name });
  const layouts = new Map<string, Layout>();

  // 1. Lay out every sheet in template order so addresses are known before any formula is written.
  template.sheets.forEach((sheet) => {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0, activeCell: 'A3' }] });
    const layout: Layout = { ws, sheet, firstRow: 3, rowCount: 0, rowOf: [], subtotals: [], totalRow: null, colOf: new Map(), values: new Map(), coverRows: new Map() };
    if (sheet.kind === 'cover') {
      // One row per field, and a field with a note has the note in the row under it.
      let row = 3;
      for (const f of sheet.fields) {
        layout.rowOf.push(row);
        if (f.source) layout.coverRows.set(f.source, row);
        row += f.note !== undefined ? 2 : 1;
      }
      layout.rowCount = row - 3;
    } else {
      sheet.columns.forEach((c, i) => layout.colOf.set(c.key, i + 1));
      layout.rowCount = sheet.kind === 'headings' ? data.headings.length : sheet.kind === 'costTypes' ? 2 : data.awards.length;
      let row = 3;
      if (sheet.kind === 'headings' && sheet.subtotals) {
        // The headings come revenue first, then capital (position.ts): each group closes with its subtotal.
        const groups = new Map<string, number[]>();
        data.headings.forEach((h, i) => groups.set(String(h.costTypeLabel), [...(groups.get(String(h.costTypeLabel)) ?? []), i]));
        for (const [label, records] of groups) {
          for (const i of records) layout.rowOf[i] = row++;
          layout.subtotals.push({ label: `Total ${label.toLowerCase()}`, row: row++, records });
        }
      } else for (let i = 0; i < layout.rowCount; i++) layout.rowOf.push(row++);
      if (sheet.total && layout.rowCount > 0) layout.totalRow = row;
    }
    layouts.set(sheet.name.toLowerCase(), layout);
  });

  const totalAddress = (ref: Ref): string => {
    const l = layouts.get(ref.sheet!.toLowerCase())!;
    const col = columnLetter(l.colOf.get(ref.col)!);
    return l.totalRow === null ? '0' : `${quoteSheet(l.sheet.name)}!$${col}$${l.totalRow}`;
  };
  const totalValue = (ref: Ref): number => layouts.get(ref.sheet!.toLowerCase())!.values.get(`total:${ref.col}`) ?? 0;

  const headerRow = (l: Layout, labels: string[], widths: (number | undefined)[], numeric: boolean[] = [], headerHeight?: number) => {
    const row = l.ws.getRow(2);
    labels.forEach((label, i) => {
      const cell = row.getCell(i + 1);
      cell.value = label;
      cell.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: numeric[i] ? 'right' : 'left', ...(numeric[i] ? {} : { indent: 1 }) };
      l.ws.getColumn(i + 1).width = widths[i] ?? (numeric[i] ? 18 : Math.min(40, Math.max(16, label.length + 2)));
    });
    // A header that wraps ("Variance (budget less forecast)") needs its row tall enough, or it
    // prints over the first figure; the template may set the height itself.
    if (headerHeight !== undefined) row.height = headerHeight;
    else fitRows(l.ws, 2, 2);
  };

  const fillTable = (si: number, l: Layout, records: Record<string, Scalar>[]) => {
    const sheet = l.sheet as Exclude<TemplateSheet, { kind: 'cover' }>;
    const ws = l.ws;
    styleTitle(ws.getCell('A1'));
    setText(ws.getCell('A1'), fillTitle(sheet.title, data.cover));
    headerRow(l, sheet.columns.map((c) => c.label), sheet.columns.map((c) => c.width), sheet.columns.map((c) => c.type === 'money'), sheet.headerHeight);
    if (records.length === 0) {
      const cell = ws.getCell(3, 1);
      setText(cell, sheet.kind === 'awards' ? sheet.emptyText : 'None.');
      cell.font = { name: hs.excel.font, size: hs.excel.sizePt, italic: true };
      cell.alignment = { vertical: 'top', horizontal: 'left', indent: 1 };
      return;
    }
    const addr = (key: string, row: number) => `${columnLetter(l.colOf.get(key)!)}${row}`;
    const from = sheet.kind === 'costTypes' ? layouts.get(sheet.from.toLowerCase())! : undefined;
    const ordered = orderColumns(sheet.columns, si, formulas);
    records.forEach((rec, ri) => {
      const rowNo = l.rowOf[ri]!;
      for (const c of ordered) {
        const cell = ws.getCell(rowNo, l.colOf.get(c.key)!);
        if (c.source !== undefined) {
          const v = setValue(cell, c.type, rec[c.source] ?? null);
          if (v !== undefined) l.values.set(`${ri}:${c.key}`, v);
        } else if (c.formula !== undefined) {
          const e = formulas.get(`${si}/${c.key}`)!;
          const result = evaluate(e, (r) => (r.sheet ? totalValue(r) : (l.values.get(`${ri}:${r.col}`) ?? 0)));
          setValue(cell, c.type, null);
          cell.value = { formula: toExcel(e, (r) => (r.sheet ? totalAddress(r) : addr(r.col, rowNo))), result: pence(result) / 100 };
          l.values.set(`${ri}:${c.key}`, pence(result) / 100);
        } else if (c.sumOf !== undefined && from) {
          // SUMIF over the headings sheet, by this row's cost type label.
          const groupCol = columnLetter(from.colOf.get((from.sheet as { columns: TemplateColumn[] }).columns.find((fc) => fc.source === 'costTypeLabel')!.key)!);
          const sumCol = columnLetter(from.colOf.get(c.sumOf)!);
          const labelCol = columnLetter(l.colOf.get((sheet.columns.find((x) => x.source === 'costTypeLabel') as TemplateColumn).key)!);
          const last = from.rowOf[from.rowOf.length - 1] ?? from.firstRow;
          const label = rec.costTypeLabel;
          let sum = 0;
          for (let fr = 0; fr < from.rowCount; fr++) if (data.headings[fr]?.costTypeLabel === label) sum += from.values.get(`${fr}:${c.sumOf}`) ?? 0;
          setValue(cell, c.type, null);
          const result = pence(sum) / 100;
          cell.value = {
            formula: `SUMIF(${quoteSheet(from.sheet.name)}!$${groupCol}$${from.firstRow}:$${groupCol}$${last},$${labelCol}${rowNo},${quoteSheet(from.sheet.name)}!${sumCol}$${from.firstRow}:${sumCol}$${last})`,
            result,
          };
          l.values.set(`${ri}:${c.key}`, result);
        }
        // LibreOffice ignores an indent unless the alignment is given, so text is left-aligned with the header's indent.
        cell.alignment = c.type === 'text' ? { vertical: 'top', horizontal: 'left', wrapText: true, indent: 1 } : { vertical: 'top' };
        if (c.editable) {
          cell.protection = { locked: false };
          cell.fill = EDITABLE_FILL;
        }
      }
    });
    const bold = (cell: ExcelJS.Cell) => (cell.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true });
    /** A row of sums: each money column is `sumFormula` of its letter, each formula column its formula over this row. */
    const sumRow = (rowNo: number, label: string, prefix: string, sumFormula: (letter: string) => string, sumOf: (key: string) => number) => {
      const labelCell = ws.getCell(rowNo, 1);
      setText(labelCell, label);
      for (const c of ordered) {
        const col = l.colOf.get(c.key)!;
        const cell = ws.getCell(rowNo, col);
        if (col !== 1) bold(cell);
        if (c.type !== 'money') continue;
        cell.numFmt = hs.excel.moneyFormat;
        if (c.formula !== undefined) {
          const e = formulas.get(`${si}/${c.key}`)!;
          const result = pence(evaluate(e, (r) => (r.sheet ? totalValue(r) : (l.values.get(`${prefix}:${r.col}`) ?? 0)))) / 100;
          cell.value = { formula: toExcel(e, (r) => (r.sheet ? totalAddress(r) : `${columnLetter(l.colOf.get(r.col)!)}${rowNo}`)), result };
          l.values.set(`${prefix}:${c.key}`, result);
        } else {
          const result = pence(sumOf(c.key)) / 100;
          cell.value = { formula: sumFormula(columnLetter(col)), result };
          l.values.set(`${prefix}:${c.key}`, result);
        }
      }
      bold(labelCell);
      labelCell.alignment = { vertical: 'top', horizontal: 'left', indent: 1 };
    };
    const recordSum = (ris: number[], key: string) => ris.reduce((a, ri) => a + (l.values.get(`${ri}:${key}`) ?? 0), 0);
    l.subtotals.forEach((st, gi) => {
      const first = l.rowOf[st.records[0]!]!;
      const last = l.rowOf[st.records[st.records.length - 1]!]!;
      sumRow(st.row, st.label, `sub${gi}`, (x) => `SUM(${x}${first}:${x}${last})`, (key) => recordSum(st.records, key));
      for (let col = 1; col <= sheet.columns.length; col++) ws.getCell(st.row, col).border = { top: { style: 'thin' } };
    });
    if (l.totalRow !== null) {
      const t = l.totalRow;
      const all = records.map((_, ri) => ri);
      // With subtotals the total adds them up (the records are already in them); without, it sums the records.
      const formula = l.subtotals.length > 0 ? (x: string) => l.subtotals.map((st) => `${x}${st.row}`).join('+') : (x: string) => `SUM(${x}${l.firstRow}:${x}${t - 1})`;
      sumRow(t, sheet.total!.label, 'total', formula, (key) => recordSum(all, key));
      for (let col = 1; col <= sheet.columns.length; col++) ws.getCell(t, col).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    }
    // Wrapped text needs its row tall enough: LibreOffice does not grow rows on opening.
    const lastRow = (l.totalRow ?? l.firstRow + records.length) - 1;
    fitRows(ws, l.firstRow, lastRow);
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: lastRow, column: sheet.columns.length } };
  };

  const fillCover = (si: number, l: Layout) => {
    const sheet = l.sheet as Extract<TemplateSheet, { kind: 'cover' }>;
    const ws = l.ws;
    styleTitle(ws.getCell('A1'));
    setText(ws.getCell('A1'), fillTitle(sheet.title, data.cover));
    headerRow(l, ['Item', 'Value'], sheet.columnWidths ?? [42, 70]);
    const coverValues = new Map<string, number>();
    sheet.fields.forEach((f, fi) => {
      const rowNo = l.rowOf[fi]!;
      const labelCell = ws.getCell(rowNo, 1);
      setText(labelCell, f.label);
      labelCell.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true };
      labelCell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true, indent: 1 };
      const cell = ws.getCell(rowNo, 2);
      if (f.source !== undefined) {
        const v = setValue(cell, f.type, f.source === 'blank' ? null : (data.cover[f.source] ?? null));
        if (v !== undefined) coverValues.set(f.source, v);
      } else if (f.text !== undefined) {
        setText(cell, f.text);
        cell.font = { name: hs.excel.font, size: hs.excel.sizePt };
      } else if (f.formula !== undefined) {
        const e = formulas.get(`${si}/field:${fi}`)!;
        setValue(cell, f.type, null);
        const result = pence(evaluate(e, (r) => (r.sheet ? totalValue(r) : (coverValues.get(r.col) ?? 0)))) / 100;
        cell.value = { formula: toExcel(e, (r) => (r.sheet ? totalAddress(r) : `$B$${l.coverRows.get(r.col)}`)), result };
      }
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: 'left', indent: 1 };
      if (f.editable) {
        cell.protection = { locked: false };
        cell.fill = EDITABLE_FILL;
      }
      if (f.note !== undefined) {
        // What the figure means, beside it (VARIANCE_EXPLAINED for the variance), so the cover read on its own does not mislead.
        const noteCell = ws.getCell(rowNo + 1, 2);
        setText(noteCell, fillTitle(f.note, data.cover));
        noteCell.font = { name: hs.excel.font, size: hs.excel.sizePt, italic: true };
        noteCell.alignment = { vertical: 'top', wrapText: true, horizontal: 'left', indent: 1 };
      }
    });
    fitRows(ws, 3, 2 + l.rowCount);
  };

  // 2. Fill: tables first (covers and cross-sheet formulas read their totals), costTypes after their headings sheet.
  const order = template.sheets.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s));
  for (const { s, i } of order) {
    const l = layouts.get(s.name.toLowerCase())!;
    if (s.kind === 'cover') fillCover(i, l);
    else if (s.kind === 'headings') fillTable(i, l, data.headings);
    else if (s.kind === 'awards') fillTable(i, l, data.awards);
    else fillTable(i, l, data.costTypes);
  }
  return wb;
}

function rank(s: TemplateSheet): number {
  return s.kind === 'headings' ? 0 : s.kind === 'awards' ? 1 : s.kind === 'costTypes' ? 2 : 3;
}

/** Sources first, then sums, then formulas in dependency order, so each formula's inputs are known. */
function orderColumns(columns: TemplateColumn[], si: number, formulas: CheckedTemplate['formulas']): TemplateColumn[] {
  const plain = columns.filter((c) => c.formula === undefined);
  const pending = columns.filter((c) => c.formula !== undefined);
  const done = new Set(plain.map((c) => c.key));
  const out = [...plain];
  while (pending.length > 0) {
    const i = pending.findIndex((c) => {
      const e = formulas.get(`${si}/${c.key}`);
      return !e || refsReady(e, done);
    });
    const next = pending.splice(i < 0 ? 0 : i, 1)[0]!;
    done.add(next.key);
    out.push(next);
  }
  return out;
}

function refsReady(e: Parameters<typeof evaluate>[0], done: Set<string>): boolean {
  switch (e.k) {
    case 'num':
      return true;
    case 'ref':
      return !!e.ref.sheet || done.has(e.ref.col);
    case 'neg':
      return refsReady(e.e, done);
    case 'bin':
      return refsReady(e.l, done) && refsReady(e.r, done);
  }
}

/** Printed: A4, one page wide, header row repeated, the protective marking and page x of y (landscape when wider than three columns). */
export function pageSetup(wb: ExcelJS.Workbook, marking: ProtectiveMarking): void {
  for (const ws of wb.worksheets) printSetup(ws, { marking, orientation: ws.columnCount > 3 ? 'landscape' : 'portrait', titleRows: '2:2' });
}

export async function protectSheets(wb: ExcelJS.Workbook, password: string): Promise<void> {
  for (const ws of wb.worksheets) {
    await ws.protect(password, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
  }
}

export function templateFile(template: string, financialYear: string): string {
  return template ? resolve(template) : defaultTemplatePath(financialYear);
}

export async function exportReturn(
  ctx: Ctx,
  input: { streamId: number; financialYear: string; quarter: number; out: string; template: string; preparedBy: string; signedOffBy: string },
): Promise<ReturnExportResult> {
  const file = templateFile(input.template, input.financialYear);
  const checked = loadTemplate(file);
  const quarter = input.quarter as Quarter;
  const position = await loadPosition(ctx, input.streamId, input.financialYear, quarter);
  const claim = await claims.find(ctx, input.streamId, input.financialYear, `Q${quarter}`) ?? null;
  const [periodStart, periodEnd] = quarterRange(input.financialYear, quarter);
  const cover: Record<string, Scalar> = {
    organisation: await readSetting(ctx, 'organisationName') ?? '',
    funder: position.stream.funder,
    streamName: position.stream.name,
    streamReference: position.stream.reference,
    agreementReference: position.stream.agreementReference || position.stream.reference,
    financialYear: input.financialYear,
    periodLabel: describeQuarter(input.financialYear, quarter),
    periodStart,
    periodEnd,
    ...coverFigures(position),
    ...claimDates(claim, isoToday(ctx)),
    ...FIGURE_NOTES,
    preparedBy: input.preparedBy || claim?.preparedBy || await readSetting(ctx, 'userName') || '',
    signedOffBy: input.signedOffBy || claim?.signedOffBy || await settings.chiefFinanceOfficer(ctx) || '',
    today: isoToday(ctx),
    blank: null,
  };
  const wb = buildReturnWorkbook(checked, returnData(position, cover), {
    title: `${position.stream.name}: spend return ${describeQuarter(input.financialYear, quarter)}`,
  });
  pageSetup(wb, await exportMarking(ctx));
  await protectSheets(wb, checked.template.protection.password);
  const written = await writeXlsx(input.out, wb);
  return { ...exported(written), template: file, totals: position.totals, claim };
}

/** The cover's figures and dates from the position: the same figures, under the same words, as the screen and the funding summary. */
export function coverFigures(position: Position): Record<string, Scalar> {
  const streamPoints = position.warnings.filter((w) => w.subject === 'stream');
  return {
    spendBy: position.spendBy,
    carryOver: position.stream.carryOverAllowed ? 'Allowed: unspent money may be carried over' : 'Not allowed',
    allocation: position.allocationPence,
    budget: position.totals.budgetPence,
    unbudgeted: position.unbudgetedPence,
    variance: position.totals.variancePence,
    // The grant's own points (budget above allocation, money unspent by the deadline, shares); a project's monitoring is the board's business, not the funder's.
    pointsToNote: streamPoints.length === 0 ? 'None' : streamPoints.map((w) => `${w.message}.`).join('\n'),
  };
}

const STATUS_WORDS: Record<Claim['status'], string> = { draft: 'Draft, not yet submitted', submitted: 'Submitted, not yet paid', paid: 'Paid' };

/**
 * The claim's own dates, in the order they happen (the cover lists them so): prepared, signed
 * off, submitted, paid. "Date prepared" is the day the claim was recorded (its draft), but
 * never after the day it was signed off or submitted (a claim entered after the event was
 * prepared by then); with no claim recorded, the return is being prepared today.
 */
export function claimDates(claim: Claim | null, today: string): Record<string, Scalar> {
  if (!claim) return { claimStatus: 'No claim recorded for this quarter', preparedOn: today, submittedOn: null, signedOffOn: null, paidOn: null };
  const recorded = claim.createdAt.slice(0, 10);
  const earliest = [recorded, claim.signedOffOn, claim.submittedOn].filter((d): d is string => !!d).sort()[0]!;
  return {
    claimStatus: STATUS_WORDS[claim.status],
    preparedOn: earliest,
    submittedOn: claim.submittedOn,
    signedOffOn: claim.signedOffOn,
    paidOn: claim.paidOn,
  };
}

export function checkReturnTemplate(template: string): { path: string; ok: boolean; problems: { path: string; message: string }[] } {
  const path = templateFile(template, '2019/20');
  const { problems } = readTemplateFile(path);
  return { path, ok: problems.length === 0, problems };
}
