import ExcelJS from 'exceljs';
import { writeFileAtomic } from './atomic-write';
import { houseStyle as hs } from './house-style';

/**
 * Excel building blocks, written once: workbook properties, data sheets laid out the
 * accessible way (the sheet's title in A1, one header row, no merged cells or blank rows,
 * filters on, header frozen), dates as real dates, money as £ numbers, and text that starts
 * with = + - @ kept as text so it can never run as a formula.
 */
export type ColumnType = 'text' | 'date' | 'pence' | 'number' | 'integer' | 'percent';

export interface SheetColumn {
  header: string;
  key: string;
  type: ColumnType;
  width?: number;
}

export type SheetRow = Record<string, string | number | null | undefined>;

export function newWorkbook(meta: { title: string; subject?: string; creator?: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'Board Secretariat';
  wb.lastModifiedBy = meta.creator ?? 'Board Secretariat';
  wb.title = meta.title;
  if (meta.subject) wb.subject = meta.subject;
  wb.created = new Date();
  wb.modified = new Date();
  return wb;
}

/** "2019-09-24" → a Date at UTC midnight, which Excel shows as 24/09/2019 in any time zone. */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** Text as a cell value that can never be read as a formula. */
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

/**
 * A data sheet: title in A1, header row in row 2 (bold, shaded, frozen, filtered), one row
 * per record from row 3. Text that starts like a formula (= + - @) is written as a string
 * cell, so it is never read as a formula when the file opens. (exceljs cannot write Excel's
 * quote prefix, so someone who retypes such a cell in Excel could still turn it into one.)
 */
export function addDataSheet(
  wb: ExcelJS.Workbook,
  opts: { name: string; title: string; columns: SheetColumn[]; rows: SheetRow[] },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(opts.name), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0, activeCell: 'A3' }] });
  ws.getCell('A1').value = safeText(opts.title);
  ws.getCell('A1').font = { name: hs.excel.font, size: hs.excel.titleSizePt, bold: true };
  const header = ws.getRow(2);
  opts.columns.forEach((c, i) => {
    const cellRef = header.getCell(i + 1);
    cellRef.value = c.header;
    cellRef.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true };
    cellRef.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.excel.headerFill } };
    cellRef.alignment = { vertical: 'top', wrapText: true };
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(12, c.header.length + 4));
    const fmt = numberFormat(c.type);
    if (fmt) col.numFmt = fmt;
  });
  opts.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 3);
    opts.columns.forEach((c, i) => {
      const cellRef = excelRow.getCell(i + 1);
      const v = cellValue(c.type, row[c.key]);
      cellRef.value = v;
      cellRef.font = { name: hs.excel.font, size: hs.excel.sizePt };
      const fmt = numberFormat(c.type);
      if (fmt) cellRef.numFmt = fmt;
      if (c.type === 'text') cellRef.alignment = { vertical: 'top', wrapText: true };
    });
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + opts.rows.length, column: Math.max(1, opts.columns.length) } };
  return ws;
}

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes a workbook atomically (temporary file, then rename); returns its size. */
export async function writeXlsx(path: string, wb: ExcelJS.Workbook): Promise<{ path: string; bytes: number }> {
  const buffer = await xlsxBuffer(wb);
  writeFileAtomic(path, buffer);
  return { path, bytes: buffer.length };
}
