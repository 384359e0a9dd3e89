import ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { DomainError } from '../shared/errors';
import { CsvError, parseCsv } from '../shared/csv';

/**
 * Reads an uploaded file into sheets of cells (text or numbers; dates as YYYY-MM-DD), or
 * says plainly why it is not a spreadsheet. .xlsx through exceljs; .csv (and tab-separated
 * text) through csv.ts, decoded as UTF-8, UTF-16 or, failing those, Windows-1252 (what Excel
 * on a UK PC writes when asked for plain "CSV").
 */
export type Cell = string | number | null;
export interface Sheet {
  name: string;
  /** rows[i] is spreadsheet row i + 1. */
  rows: Cell[][];
}

export const MAX_ROWS = 50_000;

function notSpreadsheet(fileName: string, what: string): DomainError {
  return new DomainError('import.notSpreadsheet', `${fileName} ${what}. Import an Excel workbook (.xlsx) or a CSV file (.csv).`, 'file');
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<Sheet[]> {
  const ext = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw notSpreadsheet(fileName, 'is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || ext === '.pptx' || ext === '.odt') throw notSpreadsheet(fileName, 'is a document, not a spreadsheet');
    if (ext === '.ods') throw notSpreadsheet(fileName, 'is an OpenDocument spreadsheet; save it as .xlsx first (File, Save As)');
    return readXlsx(fileName, bytes);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw notSpreadsheet(fileName, 'is in the old Excel 97–2003 format (.xls); open it in Excel and save it as an Excel Workbook (.xlsx) first');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw notSpreadsheet(fileName, 'is a PDF, not a spreadsheet');
  if (ext === '.xlsx' || ext === '.xlsm') throw notSpreadsheet(fileName, 'is named like an Excel workbook but is not one (the file may be damaged or renamed)');
  const text = decodeText(bytes);
  if (text === null) throw notSpreadsheet(fileName, 'is not a spreadsheet (it is not text, nor an Excel workbook)');
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new DomainError('import.badCsv', `${fileName} could not be read as CSV: ${err.message}.`, 'file');
    throw err;
  }
  if (rows.length > MAX_ROWS) throw new DomainError('import.tooLarge', `${fileName} has ${rows.length} rows; import at most ${MAX_ROWS} at a time.`, 'file');
  return [{ name: fileName.replace(/\.[^.]*$/, ''), rows: rows.map((r) => r.map((c) => (c.trim() === '' ? null : c))) }];
}

function decodeText(bytes: Buffer): string | null {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** One exceljs cell value as text or a number; a number shown as a % keeps its % ("45.5%"). */
function cellOf(cell: ExcelJS.Cell): Cell {
  const read = (v: ExcelJS.CellValue): Cell => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') return cell.numFmt?.includes('%') ? `${Number((v * 100).toPrecision(12))}%` : v;
    if (typeof v === 'string') return v.trim() === '' ? null : v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (v instanceof Date) return isoDateOf(v);
    if (typeof v === 'object') {
      if ('result' in v) return read((v as { result?: ExcelJS.CellValue }).result ?? null);
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return read((v as { text: ExcelJS.CellValue }).text);
      if ('error' in v) return String(v.error);
    }
    return String(v);
  };
  return read(cell.value);
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notSpreadsheet(fileName, 'is a zip archive but not an Excel workbook, or is damaged');
  }
  if (workbook.worksheets.length === 0) throw notSpreadsheet(fileName, 'has no worksheets');
  return workbook.worksheets.map((ws) => {
    if (ws.rowCount > MAX_ROWS) throw new DomainError('import.tooLarge', `Sheet "${ws.name}" of ${fileName} has ${ws.rowCount} rows; import at most ${MAX_ROWS} at a time.`, 'file');
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c)));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
}
