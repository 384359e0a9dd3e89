import ExcelJS from 'exceljs';
import { DomainError } from '../shared/errors';
import type { ImportTable } from './contract';
import { CsvError, parseCsv } from '../shared/csv';

/**
 * Reads a finance system's export (.xlsx or .csv) into a table of text cells: the header
 * row and the data rows. Dates become ISO text, numbers plain decimal text, so the rest of
 * the import is the same pure code whatever the file type.
 */

function numberText(n: number): string {
  // Ledger figures stored as binary floats (0.1 + 0.2): back to pence where they are that close.
  const pence = Math.round(n * 100);
  return Math.abs(n * 100 - pence) < 1e-6 ? (pence / 100).toFixed(2) : String(n);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function trimTable(fileName: string, sheetName: string, raw: string[][]): ImportTable {
  const rows = raw.filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header) throw new DomainError('import.empty', `${fileName} has no rows to import.`, 'fileName');
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  return { fileName, sheetName, headers, rows: rows.map((r) => headers.map((_, i) => r[i] ?? '')) };
}

export async function readImportFile(fileName: string, content: Buffer): Promise<ImportTable> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    // Finance exports separate with commas: no guessing from the first line.
    try {
      return trimTable(fileName, '', parseCsv(content.toString('utf8'), ','));
    } catch (err) {
      if (err instanceof CsvError) throw new DomainError('import.badCsv', `${fileName} could not be read as CSV: ${err.message}.`, 'fileName');
      throw err;
    }
  }
  if (!lower.endsWith('.xlsx')) {
    throw new DomainError('import.fileType', `${fileName} is not a .xlsx or .csv file; save the finance report as one of those.`, 'fileName');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('import.unreadable', `${fileName} could not be read as an Excel workbook; open it in Excel and save it again as .xlsx.`, 'fileName');
  }
  // The sheet with the most rows is the data; cover sheets and notes come first in many exports.
  const sheet = [...wb.worksheets].sort((a, b) => b.actualRowCount - a.actualRowCount)[0];
  if (!sheet) throw new DomainError('import.empty', `${fileName} has no sheets.`, 'fileName');
  const raw: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    raw.push(cells);
  });
  return trimTable(fileName, sheet.name, raw);
}
