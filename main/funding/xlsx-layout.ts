import type ExcelJS from 'exceljs';

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

/** The height a row of `lines` lines needs, in points. */
export function rowHeightFor(lines: number): number {
  return Math.round((LINE_HEIGHT_PT * lines + PADDING_PT) * 4) / 4;
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
export function fitRows(ws: ExcelJS.Worksheet, first: number, last: number): void {
  for (let r = first; r <= last; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      const text = cellText(cell);
      if (text === null || !cell.alignment?.wrapText) return;
      const width = ws.getColumn(col).width ?? DEFAULT_WIDTH;
      lines = Math.max(lines, wrappedLines(text, width, { bold: cell.font?.bold === true, indent: cell.alignment.indent ?? 0 }));
    });
    if (lines > 1) {
      const h = rowHeightFor(lines);
      if (!row.height || row.height < h) row.height = h;
    }
  }
}
