/**
 * Plain exceljs writes of a data workbook's cells and styles, the floor the .xlsx export
 * benches compare with: the same sheets, title, header and record cells (values converted
 * as the export converts them, inside the timed write), the same fonts, fills, number
 * formats and alignment as one shared object per column, the column widths, and a file
 * written (streamed: at the export's deflate level, 6). Left out, and done by the export:
 * row heights for wrapped text, frozen panes, filters, the print setup and the check for
 * formula-like text (the quote prefix).
 */
import ExcelJS from 'exceljs';
import { houseStyle as hs } from '../main/documents/house-style';
import { cellValue, numberFormat, type DataSheetSpec, type DataWorkbook } from '../main/documents/xlsx';

type Style = Partial<ExcelJS.Style>;

/** The styles the export gives, one shared object per column (header, and record cells). */
function plainStyles(sheet: DataSheetSpec): { title: Style; header: Style[]; cell: Style[] } {
  const font = { name: hs.excel.font, size: hs.excel.sizePt };
  return {
    title: { font: { name: hs.excel.font, size: hs.excel.titleSizePt, bold: true } },
    header: sheet.columns.map((c) => ({
      ...(numberFormat(c.type) ? { numFmt: numberFormat(c.type) } : {}),
      font: { ...font, bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.excel.headerFill } },
      alignment: { vertical: 'top', wrapText: true },
    })),
    cell: sheet.columns.map((c) => ({
      ...(numberFormat(c.type) ? { numFmt: numberFormat(c.type) } : {}),
      font,
      alignment: c.type === 'text' ? { vertical: 'top', wrapText: true } : { vertical: 'top' },
    })),
  };
}

/** Each sheet's rows as exceljs values: the title, the header, then the records. */
/** A sheet's rows as exceljs values (converted as the export converts them, inside the timed write): the title, the header, then the records. */
function plainRows(sheet: DataSheetSpec): ExcelJS.CellValue[][] {
  return [[sheet.title], sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => sheet.columns.map((c) => cellValue(c.type, r[c.key])))];
}

function plainSheet(ws: ExcelJS.Worksheet, sheet: DataSheetSpec, streamed: boolean): void {
  const styles = plainStyles(sheet);
  ws.columns = sheet.columns.map((c) => ({ width: c.width ?? Math.min(60, Math.max(12, c.header.length + 4)) }));
  plainRows(sheet).forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = r === 0 ? styles.title : r === 1 ? styles.header[i]! : styles.cell[i]!;
    });
    if (streamed) row.commit();
  });
}

export async function plainInMemory(book: DataWorkbook, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  book.sheets.forEach((s) => plainSheet(wb.addWorksheet(s.name), s, false));
  await wb.xlsx.writeFile(out);
}

/** Streamed, with the export's zip compression (deflate level 6). */
export async function plainStreamed(book: DataWorkbook, out: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
  book.sheets.forEach((s) => {
    const ws = wb.addWorksheet(s.name);
    plainSheet(ws, s, true);
    ws.commit();
  });
  await wb.commit();
}
