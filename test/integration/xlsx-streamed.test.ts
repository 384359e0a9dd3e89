import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dataWorkbook, writeDataWorkbook, writeXlsx, type DataSheetSpec, type DataWorkbook, type SheetColumn } from '../../main/documents/xlsx';
import { tempDir, tempWorkspace } from '../helpers/workspace';
import { admissionsValues, smallFramework } from './performance-fixture';

/**
 * The large exports (performance dataset, action log, decisions log) are streamed by
 * writeDataWorkbook with shared styles. Checked by reading the files back: the streamed
 * file holds the same cells, styles, heights, widths, views, filters and print setup as the
 * same sheets built in memory; its style table stays a handful of entries however many
 * rows; sharing style objects left the in-memory package's parts byte for byte as before.
 */

const COLUMNS: SheetColumn[] = [
  { header: 'Theme', key: 'theme', type: 'text', width: 30 },
  { header: 'Code', key: 'code', type: 'text', width: 10 },
  { header: 'Period start', key: 'start', type: 'date', width: 13 },
  { header: 'Value', key: 'value', type: 'number', width: 12 },
  { header: 'Amount', key: 'amount', type: 'pence', width: 14 },
  { header: 'Share', key: 'share', type: 'percent', width: 10 },
  { header: 'Note', key: 'note', type: 'text', width: 40 },
  { header: 'Earlier revisions', key: 'revisions', type: 'integer', width: 10 },
];

const NOTES = [null, 'Received late from the NHS trust; the figure for the previous month was revised at the same time.', '=SUM(A1)', '\rstarts with a carriage return', '  @risk', 'Plain'];

/** `n` records like the performance dataset's: text, dates, numbers, money, blanks in every column, formula-like and multi-line text. */
function sheet(n: number, name = 'Values'): DataSheetSpec {
  return {
    name,
    title: `Indicator values (${n} rows)`,
    columns: COLUMNS,
    marking: 'OFFICIAL-SENSITIVE',
    rows: Array.from({ length: n }, (_, i) => ({
      theme: i % 7 === 0 ? null : `Theme ${i % 5}`,
      code: `IND-${String(i % 200).padStart(3, '0')}`,
      start: i % 11 === 0 ? null : `20${15 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      value: i % 13 === 0 ? null : (i * 7.25) % 1000,
      amount: i % 3 === 0 ? null : i * 1234,
      share: i % 4 === 0 ? null : (i % 100) / 100,
      note: NOTES[i % NOTES.length],
      revisions: i % 17 === 0 ? null : i % 3,
    })),
  };
}

const book = (n: number): DataWorkbook => ({ meta: { title: 'Streamed', subject: 'Test' }, sheets: [sheet(n), { ...sheet(40, 'Second'), marking: 'OFFICIAL', orientation: 'portrait' }] });

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Everything a reader sees of a workbook, as plain data (an invalid date as null). */
function contents(wb: ExcelJS.Workbook): unknown {
  return {
    properties: [wb.title, wb.subject, wb.creator],
    definedNames: wb.definedNames.model,
    sheets: wb.worksheets.map((ws) => {
      const columns = ws.columnCount;
      return {
        name: ws.name,
        views: ws.views,
        autoFilter: ws.autoFilter,
        pageSetup: ws.pageSetup,
        headerFooter: ws.headerFooter,
        widths: Array.from({ length: columns }, (_, c) => [ws.getColumn(c + 1).width, ws.getColumn(c + 1).numFmt]),
        rows: Array.from({ length: ws.rowCount }, (_, r) => {
          const row = ws.getRow(r + 1);
          return { height: row.height, cells: Array.from({ length: columns }, (_, c) => ({ value: row.getCell(c + 1).value, type: row.getCell(c + 1).type, style: row.getCell(c + 1).style })) };
        }),
      };
    }),
  };
}

async function cellXfs(path: string): Promise<{ count: number; maxIndexUsed: number }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  let maxIndexUsed = 0;
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<c\b[^>]*\ss="(\d+)"/g)) maxIndexUsed = Math.max(maxIndexUsed, Number(m[1]));
  }
  return { count: Number(/<cellXfs count="(\d+)"/.exec(styles)![1]), maxIndexUsed };
}

describe('streamed data workbooks', () => {
  it('read back cell for cell as the same sheets built in memory (values, types, styles, heights, widths, views, filters, print setup)', async () => {
    const dir = tempDir();
    const b = book(3000);
    const streamed = join(dir, 'streamed.xlsx');
    const inMemory = join(dir, 'in-memory.xlsx');
    await writeDataWorkbook(streamed, b.meta, b.sheets);
    await writeXlsx(inMemory, dataWorkbook(b));
    const [s, m] = [contents(await readBack(streamed)), contents(await readBack(inMemory))];
    expect(JSON.parse(JSON.stringify(s))).toEqual(JSON.parse(JSON.stringify(m)));
    // The formula-like text kept its quote prefix in the streamed file too (xlsx-quote-prefix.test.ts checks every export).
    const styles = await (await JSZip.loadAsync(readFileSync(streamed))).file('xl/styles.xml')!.async('string');
    expect(styles).toContain('quotePrefix="1"');
    // Both with Arial 11 as the Normal font, whose digit sets a column's width (Calibri's is 7 px in
    // Excel, a substitute's 9.3 px in LibreOffice without Calibri: the same sheet printed a quarter wider there).
    for (const file of [streamed, inMemory]) {
      const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/styles.xml')!.async('string');
      expect(/<fonts\b[^>]*><font>(.*?)<\/font>/.exec(xml)![1]).toBe('<family val="2"/><sz val="11"/><name val="Arial"/>');
    }
    const back = await readBack(streamed);
    expect(back.getWorksheet('Values')!.getCell('G5').value).toBe('=SUM(A1)');
    expect(back.getWorksheet('Values')!.getCell('G6').value).toBe('\rstarts with a carriage return');
  });

  it('a 24,000-row export keeps a handful of cell styles (cellXfs), however many rows', async () => {
    const dir = tempDir();
    const out = join(dir, 'large.xlsx');
    const b = book(24_000);
    await writeDataWorkbook(out, b.meta, b.sheets);
    const xfs = await cellXfs(out);
    expect(xfs.count).toBeLessThan(50);
    expect(xfs.maxIndexUsed).toBeLessThan(xfs.count);
    const small = join(dir, 'small.xlsx');
    await writeDataWorkbook(small, book(60).meta, book(60).sheets);
    expect((await cellXfs(small)).count).toBe(xfs.count);
    expect((await readBack(out)).getWorksheet('Values')!.rowCount).toBe(24_002);
  }, 60_000);

  it('the performance dataset export, read back: its style table is small, its header and dates as written', async () => {
    const ws = await tempWorkspace();
    const f = await smallFramework(ws);
    await admissionsValues(ws, f.admissions.id, f.nhs.id);
    const out = join(ws.dir, 'dataset.xlsx');
    await ws.call('performance.exportDataset', { asAt: '2020-03-31', out });
    expect((await cellXfs(out)).count).toBeLessThan(50);
    const values = (await readBack(out)).getWorksheet('Values')!;
    expect(values.getRow(2).values).toContain('Earlier revisions');
    expect(values.getCell('H3').value).toBeInstanceOf(Date);
  });

  it('sharing style objects left the in-memory package unchanged: its parts hash as those of the writer before', async () => {
    const wb = dataWorkbook(book(500));
    wb.created = wb.modified = new Date('2025-01-01T00:00:00Z');
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const hash = async (name: string) => createHash('sha256').update(await zip.file(name)!.async('string')).digest('hex').slice(0, 16);
    // Computed with main/documents/xlsx.ts as of 4507fd3 (a new style object per cell) on the same workbook.
    expect({ styles: await hash('xl/styles.xml'), sheet1: await hash('xl/worksheets/sheet1.xml'), sheet2: await hash('xl/worksheets/sheet2.xml'), strings: await hash('xl/sharedStrings.xml') }).toEqual(PREVIOUS_HASHES);
  });

  it('writes nothing half: a refused target and a failed write leave the old file and no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'log.xlsx');
    writeFileSync(out, 'the old file');
    const b = book(10);
    const failing: DataSheetSpec = {
      ...sheet(2000),
      rows: sheet(2000).rows.map((r, i) => (i === 1500 ? Object.defineProperty({ ...r }, 'note', { get: () => { throw new Error('row 1500 cannot be read'); } }) : r)),
    };
    await expect(writeDataWorkbook(out, b.meta, [failing])).rejects.toThrow('row 1500 cannot be read');
    expect(readFileSync(out, 'utf8')).toBe('the old file');
    expect(readdirSync(dir)).toEqual(['log.xlsx']);

    await expect(writeDataWorkbook(join(dir, 'log.docx'), b.meta, b.sheets)).rejects.toThrow(/does not end in \.xlsx/);
    chmodSync(out, 0o444);
    await expect(writeDataWorkbook(out, b.meta, b.sheets)).rejects.toThrow(/is read-only, so it was not replaced/);
    expect(readFileSync(out, 'utf8')).toBe('the old file');
    expect(readdirSync(dir)).toEqual(['log.xlsx']);
  });
});

// styles.xml recomputed on 3 December 2026 when dates were centred in their cells (issue 11: right-aligned,
// they ran into the next column's text); the sheets on 4 December 2026, when a data sheet's rows were
// measured in Arial's widths at 13 pt a line (xlsx-text-width.ts): only their row heights changed.
const PREVIOUS_HASHES = { styles: '0b8c17cd5ed0a5c4', sheet1: 'c0d273d125042073', sheet2: '33fc6f3aed82c491', strings: '2af47a1cb09d3992' };
