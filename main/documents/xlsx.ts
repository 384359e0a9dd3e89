import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFileAtomic, writeStreamAtomic } from './atomic-write';
import { houseStyle as hs, type ProtectiveMarking } from './house-style';
import { addQuotePrefixes, needsQuotePrefix } from './xlsx-quote-prefix';
import { arialLines } from './xlsx-text-width';

/**
 * Excel building blocks, written once: workbook properties, data sheets laid out the
 * accessible way (the sheet's title in A1, one header row, no merged cells or blank rows,
 * filters on, header frozen), dates as real dates, money as £ numbers, text that starts
 * with = + - @ (or a tab or carriage return) kept as text with Excel's quote prefix so it can
 * never run as a formula (xlsx-quote-prefix.ts), and a print setup (A4, one
 * page wide, title and header rows on every page, the protective marking, page x of y).
 */
export type ColumnType = 'text' | 'date' | 'pence' | 'number' | 'integer' | 'percent';

export interface SheetColumn {
  header: string;
  key: string;
  type: ColumnType;
  width?: number;
}

export type SheetRow = Record<string, string | number | null | undefined>;

/** One data sheet: its tab's name, the title in A1, the columns and the records; marked OFFICIAL unless `marking` says otherwise. */
export interface DataSheetSpec {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  marking?: ProtectiveMarking;
  orientation?: 'landscape' | 'portrait';
  /**
   * A register too wide to print readably: only its first `printColumns` columns are printed
   * (the print area), the rest stay on screen; the page's header says which are left out.
   */
  printColumns?: number;
}

export interface WorkbookMeta {
  title: string;
  subject?: string;
  creator?: string;
}

export function newWorkbook(meta: WorkbookMeta): ExcelJS.Workbook {
  return withProperties(new ExcelJS.Workbook(), meta);
}

function withProperties<W extends ExcelJS.Workbook>(wb: W, meta: WorkbookMeta): W {
  wb.creator = meta.creator ?? 'Board Secretariat';
  wb.lastModifiedBy = meta.creator ?? 'Board Secretariat';
  wb.title = meta.title;
  if (meta.subject) wb.subject = meta.subject;
  wb.created = new Date();
  wb.modified = wb.created;
  return wb;
}

/** "2019-09-24" → a Date at UTC midnight, which Excel shows as 24/09/2019 in any time zone. */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** Text as a cell value: control characters a cell cannot hold are dropped (the quote prefix is added when the file is written). */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}


export function cellValue(type: ColumnType, value: string | number | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'date':
      return typeof value === 'string' ? excelDate(value) : value;
    case 'pence':
      return typeof value === 'number' ? value / 100 : Number(value);
    case 'number':
    case 'integer':
    case 'percent':
      return typeof value === 'number' ? value : Number(value);
    default:
      return safeText(String(value));
  }
}

export function numberFormat(type: ColumnType): string | undefined {
  switch (type) {
    case 'date':
      return hs.excel.dateFormat;
    case 'pence':
      return hs.excel.moneyFormat;
    case 'integer':
      return '#,##0';
    case 'percent':
      return hs.excel.percentFormat;
    default:
      return undefined;
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
/** A sheet column's letters from its number, as formulas and messages name it: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
}

export interface PrintOptions {
  /** The protective marking printed at the top and foot of every page. */
  marking: ProtectiveMarking;
  orientation?: 'landscape' | 'portrait';
  /** Rows printed at the top of every page, as Excel writes them: "1:2". */
  titleRows?: string;
  /** Print only these columns (a data sheet's printColumns): the first `count` of `of`, rows 1 to `lastRow`. */
  printArea?: { count: number; of: number; lastRow: number; headers?: readonly string[] };
}

/** Excel refuses a page header longer than 255 characters (its codes included). */
const MAX_HEADER_CHARS = 255;

/**
 * What a page of a sheet printing only some columns says about the rest, by the columns'
 * headers (a reader has the printout, not the letters): "Printed: Reference to Amount; on
 * screen only: Decided by, Agenda item, …", in lines short enough to keep to the left of the
 * centred marking; the left-out columns counted instead of named when naming them would pass
 * `room` characters (Excel's limit on a header).
 */
export function printedColumnsNote(headers: readonly string[], count: number, room: number = MAX_HEADER_CHARS): string {
  const printed = headers.slice(0, count);
  const left = headers.slice(count);
  const first = `Printed: ${printed.length > 2 ? `${printed[0]} to ${printed.at(-1)}` : printed.join(' and ')}; on screen only:`;
  const named = noteLines(`${first} ${left.join(', ')}`);
  if (named.length <= room) return named;
  return noteLines(`${first} ${left.length} more columns, ${left[0]} to ${left.at(-1)}`);
}

/** At 8 pt a line of 100 characters ends before the middle of an A4 landscape page, where the marking is. */
const NOTE_LINE_CHARS = 100;
function noteLines(text: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= NOTE_LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Header and footer text may not carry a bare "&" (it starts a code such as &P). */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * How a sheet prints: A4, as wide as one page (as many pages down as it needs), the title
 * rows repeated on every page, the marking centred at the top and foot of each page, the
 * sheet's name at the foot on the left and "Page x of y" on the right.
 */
export function printSetup(ws: ExcelJS.Worksheet, opts: PrintOptions): void {
  const print = printSettings(opts);
  ws.pageSetup = { ...ws.pageSetup, ...print.pageSetup };
  ws.headerFooter = print.headerFooter;
}

/** The page header of a sheet printing only some columns: which, at the left in 8 pt (two lines), the marking centred. */
function areaHeader(area: NonNullable<PrintOptions['printArea']>, marking: string): string {
  const headers = area.headers ?? Array.from({ length: area.of }, (_, i) => `column ${columnLetter(i + 1)}`);
  const lead = `&L&"${hs.excel.font},Regular"&8`;
  const centre = `&C${marking}`;
  return `${lead}${headerText(printedColumnsNote(headers, area.count, MAX_HEADER_CHARS - lead.length - centre.length))}${centre}`;
}

/** printSetup's settings, for a streamed sheet (which writes them as it opens). */
function printSettings(opts: PrintOptions): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  const marking = `&"${hs.excel.font},Bold"${headerText(opts.marking)}`;
  const area = opts.printArea && opts.printArea.count < opts.printArea.of ? opts.printArea : undefined;
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: opts.orientation ?? 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(opts.titleRows ? { printTitlesRow: opts.titleRows } : {}),
      // exceljs writes the defined name as `$${from}:$${to}`, making only the columns absolute;
      // LibreOffice ignores a print area of "$A1:$I302", so the rows carry their own "$".
      ...(area ? { printArea: `A$1:${columnLetter(area.count)}$${area.lastRow}` } : {}),
    },
    headerFooter: {
      oddHeader: area ? areaHeader(area, marking) : `&C${marking}`,
      oddFooter: `&L&"${hs.excel.font},Regular"&A&C${marking}&R&"${hs.excel.font},Regular"Page &P of &N`,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Shared styles
// ---------------------------------------------------------------------------------------

type CellStyle = Partial<ExcelJS.Style>;

/** Frozen, so that setting one cell's font (cell.font = …) fails loudly instead of restyling every cell that shares the object. */
function frozenStyle(style: CellStyle): CellStyle {
  for (const part of Object.values(style)) if (part && typeof part === 'object') Object.freeze(part);
  return Object.freeze(style);
}

/** What exceljs's style table sees of a value: it gives a cell without a number format one by its value's type. */
function valueKind(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (v instanceof Date) return 'date';
  return typeof v;
}

/**
 * A data sheet's styles, one object per column and kind of value, shared by every cell
 * that has it. exceljs turns each cell's style object into XML to find its entry in
 * xl/styles.xml unless it has seen that very object before (it keeps a WeakMap of them),
 * so a new object per cell cost a style serialisation per cell (~364,000 for the
 * performance dataset). The entries written, and their order, are the same as before: a
 * cell without a number format gets one from its value's type, so the cache is keyed by
 * column and value kind.
 */
export class DataSheetStyles {
  /** The title in A1: its own object, as a number format given to column A reaches it. */
  readonly title: CellStyle = { font: { name: hs.excel.font, size: hs.excel.titleSizePt, bold: true } };
  private readonly font = Object.freeze({ name: hs.excel.font, size: hs.excel.sizePt });
  private readonly cells = new Map<string, CellStyle>();

  constructor(private readonly columns: SheetColumn[]) {}

  /** Header cells: each its own (not shared) object, as callers adjust a header's alignment (summary-export.ts right-aligns money); a formatted column's number format reaches its header. */
  header(index: number): CellStyle {
    const fmt = numberFormat(this.columns[index]!.type);
    return {
      ...(fmt ? { numFmt: fmt } : {}),
      font: { name: hs.excel.font, size: hs.excel.sizePt, bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.excel.headerFill } },
      alignment: { vertical: 'top', wrapText: true },
    };
  }

  /** The shared style of a record's cell in column `index` (0-based) holding `value`. */
  cell(index: number, value: ExcelJS.CellValue): CellStyle {
    const key = `${index}|${valueKind(value)}`;
    let style = this.cells.get(key);
    if (!style) {
      const type = this.columns[index]!.type;
      const fmt = numberFormat(type);
      // Top-aligned, so a figure sits level with the first line of its record's wrapped text.
      style = frozenStyle({
        ...(fmt ? { numFmt: fmt } : {}),
        font: this.font,
        // Dates centred: right-aligned, a date ran into the text of the column after it when printed ("08/04/2024 Seek legal advice").
        alignment: type === 'text' ? { vertical: 'top', wrapText: true } : type === 'date' ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top' },
      });
      this.cells.set(key, style);
    }
    return style;
  }
}

/** A column's width: as given, or the header's length and a little, between 12 and 60. */
function columnWidth(c: SheetColumn): number {
  return c.width ?? Math.min(60, Math.max(12, c.header.length + 4));
}

/**
 * A data sheet: title in A1, header row in row 2 (bold, shaded, frozen, filtered), one row
 * per record from row 3. Text that starts like a formula (= + - @) is written as a string
 * cell with Excel's quote prefix (added by xlsxBuffer), so it stays text when the file opens
 * and when someone edits the cell in Excel.
 * Rows are as tall as their wrapped text. Printed landscape (unless `orientation` says
 * otherwise), one page wide, rows 1–2 on every page, marked OFFICIAL unless `marking` says
 * otherwise: pass the workspace's marking. A large sheet written on its own is better
 * streamed: writeDataWorkbook builds the same sheets without holding them in memory.
 */
export function addDataSheet(wb: ExcelJS.Workbook, opts: DataSheetSpec): ExcelJS.Worksheet {
  DATA_WORKBOOKS.add(wb);
  const ws = wb.addWorksheet(sheetName(opts.name), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0, activeCell: 'A3' }] });
  const styles = new DataSheetStyles(opts.columns);
  ws.getCell('A1').value = safeText(opts.title);
  ws.getCell('A1').style = styles.title;
  const header = ws.getRow(2);
  opts.columns.forEach((c, i) => {
    const cellRef = header.getCell(i + 1);
    cellRef.value = c.header;
    cellRef.style = styles.header(i);
    const col = ws.getColumn(i + 1);
    col.width = columnWidth(c);
    const fmt = numberFormat(c.type);
    if (fmt) col.numFmt = fmt;
  });
  opts.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 3);
    opts.columns.forEach((c, i) => {
      const cellRef = excelRow.getCell(i + 1);
      const v = cellValue(c.type, row[c.key]);
      cellRef.value = v;
      cellRef.style = styles.cell(i, v);
    });
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + opts.rows.length, column: Math.max(1, opts.columns.length) } };
  // Rows as tall as their wrapped text: a spreadsheet opening the file does not grow them, so a
  // header that wraps ("Earlier revisions" in a narrow column) or a long action would print over the next row.
  fitRows(ws, 2, 2 + opts.rows.length, { dataSheet: true });
  printSetup(ws, dataSheetPrint(opts));
  return ws;
}

/** How a data sheet prints: its marking and orientation, rows 1–2 on every page, and its print area when it prints only some columns. */
function dataSheetPrint(opts: DataSheetSpec): PrintOptions {
  const printArea = opts.printColumns ? { count: opts.printColumns, of: opts.columns.length, lastRow: 2 + Math.max(1, opts.rows.length), headers: opts.columns.map((c) => c.header) } : undefined;
  return { marking: opts.marking ?? 'OFFICIAL', orientation: opts.orientation, titleRows: '1:2', ...(printArea ? { printArea } : {}) };
}

/** A workbook of data sheets, built in memory (writeDataWorkbook streams the same sheets). */
export interface DataWorkbook {
  meta: WorkbookMeta;
  sheets: DataSheetSpec[];
}

/** The data sheets as an in-memory exceljs workbook, for a caller that adds to them before writing. */
export function dataWorkbook(book: DataWorkbook): ExcelJS.Workbook {
  const wb = newWorkbook(book.meta);
  for (const sheet of book.sheets) addDataSheet(wb, sheet);
  return wb;
}

// ---------------------------------------------------------------------------------------
// Row heights
// ---------------------------------------------------------------------------------------

/**
 * Row heights for wrapped text. LibreOffice (and Excel, for a file it did not write itself)
 * does not grow a row to fit wrapped text when it opens a workbook, so a header such as
 * "Variance (budget less forecast)" in an 18-wide column prints over the first figure unless
 * the row is given its height. The estimate wraps words the way a spreadsheet does, at a
 * column's width in characters; it errs on the tall side (a little space is harmless, a
 * clipped line is not).
 */

/** Characters per unit of column width: Excel's unit is the width of a "0"; most text is narrower, bold text less so. */
const CHARS_PER_UNIT = { regular: 1.2, bold: 1.05 };
/** Points per line of 11 pt text, and the row's padding. */
export const LINE_HEIGHT_PT = 14.5;
/**
 * Points per line of a data sheet's 11 pt Arial (a register printed one page wide): Arial's
 * line is 1.15 em, 12.65 pt (LibreOffice sets it at about 12.1 pt, Excel at 17 px, 12.75 pt);
 * 14.5 left a line's worth of blank under every four-line decision, a row a page.
 */
export const DATA_LINE_HEIGHT_PT = 13;
const PADDING_PT = 2;
const DEFAULT_WIDTH = 9;

/** How many lines `text` takes in a column `width` wide (Excel units), wrapping at spaces and breaking words longer than a line. */
export function wrappedLines(text: string, width: number, opts: { bold?: boolean; indent?: number } = {}): number {
  const perLine = Math.max(4, Math.floor((width - 1 - 2 * (opts.indent ?? 0)) * (opts.bold ? CHARS_PER_UNIT.bold : CHARS_PER_UNIT.regular)));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (used > 0 && used + 1 + w <= perLine) {
        used += 1 + w;
        continue;
      }
      if (used > 0) lines++;
      while (w > perLine) {
        lines++;
        w -= perLine;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/** The lines a data sheet's row needs: its header (all wrapped, bold) or a record (text columns wrapped), measured in Arial as fitRows measures a data sheet. */
function dataRowLines(columns: SheetColumn[], texts: (string | null)[], header: boolean): number {
  let lines = 1;
  columns.forEach((c, i) => {
    const text = texts[i];
    if (typeof text !== 'string' || (!header && c.type !== 'text')) return;
    lines = Math.max(lines, arialLines(text, columnWidth(c), { bold: header }));
  });
  return lines;
}

/** The height a row of `lines` lines needs, in points (at `lineHeightPt` a line; a data sheet's are DATA_LINE_HEIGHT_PT). */
export function rowHeightFor(lines: number, lineHeightPt = LINE_HEIGHT_PT): number {
  return Math.round((lineHeightPt * lines + PADDING_PT) * 4) / 4;
}

function cellText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

/**
 * Gives each row from `first` to `last` the height its wrapped text cells need (only rows
 * that need more than one line; a row already taller is left alone). Cells are measured at
 * their column's width, bold when their font is.
 */
export function fitRows(ws: ExcelJS.Worksheet, first: number, last: number, opts: { dataSheet?: boolean } = {}): void {
  const lineHeightPt = opts.dataSheet ? DATA_LINE_HEIGHT_PT : LINE_HEIGHT_PT;
  for (let r = first; r <= last; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      const text = cellText(cell);
      if (text === null || !cell.alignment?.wrapText) return;
      const width = ws.getColumn(col).width ?? DEFAULT_WIDTH;
      const bold = cell.font?.bold === true;
      lines = Math.max(lines, opts.dataSheet ? arialLines(text, width, { bold }) : wrappedLines(text, width, { bold, indent: cell.alignment.indent ?? 0 }));
    });
    if (lines > 1) {
      const h = rowHeightFor(lines, lineHeightPt);
      if (!row.height || row.height < h) row.height = h;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Streamed workbooks
// ---------------------------------------------------------------------------------------

/** Records written between two yields to the event loop, so the zip stream drains as the sheet is written. */
const ROWS_PER_YIELD = 500;

/**
 * Writes a workbook of data sheets with exceljs's streaming writer: each row is turned into
 * XML and zipped as it is added, so memory stays flat however many rows there are, and the
 * styles are the shared ones of DataSheetStyles. The sheets are those addDataSheet builds
 * (title, header, frozen panes, filters, column widths, row heights, print setup), read back
 * cell for cell the same. Strings are shared (xl/sharedStrings.xml), as the in-memory writer
 * writes them, so the quote prefix is added by the same addQuotePrefixes; the package is
 * post-processed only when some text needs it (formula-like, or holding a carriage return).
 * Atomic as writeXlsx: a temporary sibling, flushed and renamed; refused where it refuses.
 */
export async function writeDataWorkbook(path: string, meta: WorkbookMeta, sheets: DataSheetSpec[]): Promise<{ path: string; bytes: number }> {
  await writeStreamAtomic(path, '.xlsx', async (temp) => {
    const out = createWriteStream(temp);
    const failed = new Promise<never>((_, reject) => out.on('error', reject));
    failed.catch(() => undefined); // raced below; a failure before the race still rejects it
    const wb = withProperties(new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } }), meta);
    normalFontArial(wb);
    let postProcess = false;
    try {
      for (const sheet of sheets) {
        if (await Promise.race([streamDataSheet(wb, sheet), failed])) postProcess = true;
      }
      await Promise.race([wb.commit(), failed]);
      // The file's handle closed before it is renamed (Windows refuses to rename an open file).
      if (!out.closed) await Promise.race([new Promise<void>((resolve) => out.once('close', () => resolve())), failed]);
    } catch (err) {
      // The zip stops with the file; its handle is closed before the temporary file is removed.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
      throw err;
    }
    if (postProcess) {
      const processed = await addQuotePrefixes(readFileSync(temp));
      writeFileSync(temp, processed);
    }
  });
  return { path, bytes: statSync(path).size };
}

/**
 * The workbook's Normal font, Arial 11 (the sheets' own font) instead of exceljs's Calibri.
 * A column's width is counted in the Normal font's digits: Calibri's is 7 px in Excel, and
 * where Calibri is missing LibreOffice measures a substitute's (DejaVu Sans, 9.3 px), so the
 * same sheet was a quarter wider in LibreOffice than in Excel, and the row heights, estimated
 * for Arial text (CHARS_PER_UNIT), clipped wrapped text in Excel and left it loose in
 * LibreOffice. Arial's digit (8 px; Liberation Sans has its metrics) gives both the same
 * widths, the ones the estimate assumes. exceljs offers no option for it: its style table's
 * font 0 is whichever font is added first, so Arial is added before any cell's style.
 */
function normalFontArial(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { model?: { fonts?: unknown[] }; _addFont?: (font: Partial<ExcelJS.Font>) => number } }).styles;
  if (!styles?._addFont || styles.model?.fonts?.length !== 0) throw new Error('exceljs: the streamed workbook’s style table is not as expected (the Normal font could not be set)');
  styles._addFont({ size: hs.excel.sizePt, name: hs.excel.font, family: 2 });
}

/** Text that addQuotePrefixes rewrites. */
const needsPostProcess = (v: ExcelJS.CellValue) => typeof v === 'string' && (needsQuotePrefix(v) || v.includes('\r'));

/** One data sheet through the streaming writer; true if some text needs addQuotePrefixes. */
async function streamDataSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, opts: DataSheetSpec): Promise<boolean> {
  const print = printSettings(dataSheetPrint(opts));
  // Views and print settings first: the streaming writer writes them as the sheet opens.
  const ws = wb.addWorksheet(sheetName(opts.name), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0, activeCell: 'A3' }],
    pageSetup: print.pageSetup,
    headerFooter: print.headerFooter,
  });
  const styles = new DataSheetStyles(opts.columns);
  opts.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = columnWidth(c);
    const fmt = numberFormat(c.type);
    if (fmt) col.numFmt = fmt;
  });
  let postProcess = false;
  const title = safeText(opts.title);
  const first = ws.getRow(1);
  first.getCell(1).value = title;
  first.getCell(1).style = styles.title;
  postProcess ||= needsPostProcess(title);
  first.commit();

  const header = ws.getRow(2);
  opts.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).style = styles.header(i);
    postProcess ||= needsPostProcess(c.header);
  });
  const headerLines = dataRowLines(opts.columns, opts.columns.map((c) => c.header), true);
  if (headerLines > 1) header.height = rowHeightFor(headerLines, DATA_LINE_HEIGHT_PT);
  header.commit();

  for (let r = 0; r < opts.rows.length; r++) {
    const record = opts.rows[r]!;
    const row = ws.getRow(r + 3);
    const texts: (string | null)[] = [];
    opts.columns.forEach((c, i) => {
      const v = cellValue(c.type, record[c.key]);
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = styles.cell(i, v);
      texts.push(typeof v === 'string' ? v : null);
      postProcess ||= needsPostProcess(v);
    });
    const lines = dataRowLines(opts.columns, texts, false);
    if (lines > 1) row.height = rowHeightFor(lines, DATA_LINE_HEIGHT_PT);
    row.commit();
    if ((r + 1) % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + opts.rows.length, column: Math.max(1, opts.columns.length) } };
  ws.commit();
  return postProcess;
}

/** Workbooks holding a data sheet (addDataSheet): written with Arial as their Normal font, as the streamed ones are (normalFontArial). */
const DATA_WORKBOOKS = new WeakSet<ExcelJS.Workbook>();

/** The Normal font (the style table's font 0) of a package exceljs wrote, made Arial 11. */
async function withNormalFontArial(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  // As exceljs writes the streamed workbook's (normalFontArial).
  const arial = `<font><family val="2"/><sz val="${hs.excel.sizePt}"/><name val="${hs.excel.font}"/></font>`;
  zip.file('xl/styles.xml', styles.replace(/(<fonts\b[^>]*>)<font>.*?<\/font>/, `$1${arial}`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The workbook as the bytes of an .xlsx file, formula-like text given the quote prefix (and a data sheet's workbook Arial as its Normal font). */
export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const buffer = await addQuotePrefixes(Buffer.from(await wb.xlsx.writeBuffer()));
  return DATA_WORKBOOKS.has(wb) ? withNormalFontArial(buffer) : buffer;
}

/** Writes a workbook atomically (temporary file, then rename; refused where writeFileAtomic refuses); returns its size. */
export async function writeXlsx(path: string, wb: ExcelJS.Workbook): Promise<{ path: string; bytes: number }> {
  const buffer = await xlsxBuffer(wb);
  writeFileAtomic(path, buffer, '.xlsx');
  return { path, bytes: buffer.length };
}
