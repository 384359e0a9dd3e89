/**
 * What Excel and LibreOffice put on the clipboard when a block of cells is copied: rows by
 * line, cells by tab; a cell holding a tab, a line break or a quote is wrapped in quotes with
 * its quotes doubled. Pure, so it is tested without a browser.
 */
export function parseClipboardBlock(text: string): string[][] {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (body === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell.trim());
  rows.push(row);
  return rows;
}

export interface GridPosition {
  row: number;
  col: number;
}

/**
 * Places a pasted block on a grid of `rows` × `cols` starting at `at`: each pasted cell's
 * position, and how many cells fell outside the grid (reported, never silently dropped).
 */
export function placeBlock(block: string[][], at: GridPosition, rows: number, cols: number): { cells: (GridPosition & { value: string })[]; outside: number } {
  const cells: (GridPosition & { value: string })[] = [];
  let outside = 0;
  block.forEach((line, r) =>
    line.forEach((value, c) => {
      const row = at.row + r;
      const col = at.col + c;
      if (row < rows && col < cols) cells.push({ row, col, value });
      else if (value !== '') outside++;
    }),
  );
  return { cells, outside };
}
