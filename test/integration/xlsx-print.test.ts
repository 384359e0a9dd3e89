import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDataSheet, DATA_LINE_HEIGHT_PT, newWorkbook, rowHeightFor, writeXlsx, type SheetColumn } from '../../main/documents/xlsx';
import { libreOfficeAvailable, pdfText, renderPdf } from '../helpers/documents';
import { tempDir, tempWorkspace } from '../helpers/workspace';
import { admissionsValues, smallFramework } from './performance-fixture';
import { generatedWorkspace } from '../helpers/generated-workspace';
import { formatDateShort } from '../../main/shared/dates';
import { brokenTokens } from '../helpers/broken-tokens';

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function expectPrintSetup(ws: ExcelJS.Worksheet, marking: string, printed?: { area: string; note: string }) {
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
  if (printed) expect(ws.pageSetup.printArea).toBe(printed.area);
  else expect(ws.pageSetup.printArea).toBeUndefined();
  expect(ws.headerFooter.oddHeader).toBe(`${printed ? `&L&"Arial,Regular"&8${printed.note}` : ''}&C&"Arial,Bold"${marking}`);
  expect(ws.headerFooter.oddHeader!.length).toBeLessThanOrEqual(255); // Excel's limit
  expect(ws.headerFooter.oddFooter).toBe(`&L&"Arial,Regular"&A&C&"Arial,Bold"${marking}&R&"Arial,Regular"Page &P of &N`);
}

const COLUMNS: SheetColumn[] = [
  { header: 'Ref', key: 'ref', type: 'text', width: 8 },
  { header: 'Earlier revisions', key: 'revisions', type: 'integer', width: 10 },
  { header: 'Action', key: 'action', type: 'text', width: 40 },
  ...Array.from({ length: 12 }, (_, i): SheetColumn => ({ header: `Month ${i + 1}`, key: `m${i}`, type: 'pence', width: 14 })),
];

describe('data sheets print', () => {
  it('A4 landscape, one page wide, title and header rows on every page, the marking and page x of y; rows as tall as their wrapped text', async () => {
    const dir = tempDir();
    const wb = newWorkbook({ title: 'Print test' });
    const rows = Array.from({ length: 120 }, (_, r) => ({
      ref: `A${r + 1}`,
      revisions: r % 3,
      action: r === 0 ? 'Circulate the approved Problem Profile and draft Response Strategy to the 13 Community Safety Partnerships.' : `Action ${r + 1}`,
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i}`, 100_000 * (i + 1)])),
    }));
    addDataSheet(wb, { name: 'Actions', title: 'Action log', columns: COLUMNS, rows });
    addDataSheet(wb, { name: 'Sensitive', title: 'Sensitive list', columns: COLUMNS.slice(0, 3), rows: rows.slice(0, 3), marking: 'OFFICIAL-SENSITIVE' });
    const out = join(dir, 'print.xlsx');
    await writeXlsx(out, wb);

    const back = await readBack(out);
    expectPrintSetup(back.getWorksheet('Actions')!, 'OFFICIAL');
    expectPrintSetup(back.getWorksheet('Sensitive')!, 'OFFICIAL-SENSITIVE');
    // "Earlier revisions" wraps in a 10-wide column: the header row is two lines tall; so is the long action's row.
    expect(back.getWorksheet('Actions')!.getRow(2).height).toBeGreaterThanOrEqual(rowHeightFor(2, DATA_LINE_HEIGHT_PT));
    expect(back.getWorksheet('Actions')!.getRow(3).height).toBeGreaterThanOrEqual(rowHeightFor(2, DATA_LINE_HEIGHT_PT));
    expect(back.getWorksheet('Actions')!.getRow(4).height ?? 15).toBeLessThan(20);

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: rendering check skipped');
    const { pdf, pages } = renderPdf(out, dir);
    const text = pdfText(pdf).split('\f').filter((p) => p.trim());
    expect(text).toHaveLength(pages);
    // 120 rows of the first sheet run down more than one page; every column is on each page, never split across pages.
    const first = text.filter((p) => p.includes('Action log'));
    expect(first.length).toBeGreaterThan(1);
    first.forEach((page, i) => {
      expect(page).toMatch(/Ref\s+Earlier\s+Action\s+Month 1\s/); // the header row repeated
      expect(page).toContain('Month 12');
      expect(page).toContain('OFFICIAL');
      // LibreOffice counts the pages of the whole workbook, Excel those of the sheet it prints.
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
    });
    expect(text.at(-1)).toContain('OFFICIAL-SENSITIVE');
  }, 60_000);

  it('the performance dataset prints each sheet one page wide, with the workspace’s marking', async () => {
    const ws = await tempWorkspace();
    const f = await smallFramework(ws);
    await admissionsValues(ws, f.admissions.id, f.nhs.id);
    await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE' });
    const out = join(ws.dir, 'dataset.xlsx');
    await ws.call('performance.exportDataset', { asAt: '2020-03-31', out });
    const back = await readBack(out);
    expect(back.worksheets.map((s) => s.name)).toEqual(['Values', 'Indicators']);
    for (const sheet of back.worksheets) expectPrintSetup(sheet, 'OFFICIAL-SENSITIVE');

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: rendering check skipped');
    // 24 rows and 15 columns, 2 indicators and 21 columns: a page each (it was 15 portrait pages, columns split across them).
    const { pdf, pages } = renderPdf(out, ws.dir);
    expect(pages).toBe(2);
    const [values, indicators] = pdfText(pdf).split('\f');
    expect(values).toMatch(/Theme\s+Code\s+Indicator/);
    expect(values).toContain('Received on');
    expect(values).toContain('OFFICIAL-SENSITIVE');
    expect(indicators).toMatch(/Code\s+Indicator\s+Theme/);
    expect(indicators).toContain('RAG status');
  }, 60_000);

  it('the action log and decisions log sheets print the same way', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const actions = join(ws.dir, 'actions.xlsx');
    const decisions = join(ws.dir, 'decisions.xlsx');
    await ws.call('action.exportLog', { format: 'xlsx', out: actions });
    await ws.call('decision.exportLog', { format: 'xlsx', out: decisions });
    // Only the register's columns print (A–K, A–J), and the page names what is left on screen (by the columns' headers, not their letters).
    expectPrintSetup((await readBack(actions)).worksheets[0]!, 'OFFICIAL', { area: 'A1:K6', note: 'Printed: Ref to Latest update; on screen only: Item, Completed, Latest update on, Minute' });
    expectPrintSetup((await readBack(decisions)).worksheets[0]!, 'OFFICIAL', {
      area: 'A1:J5',
      note: 'Printed: Reference to Amount; on screen only: Decided by, Agenda item, Paper, Superseded by,\nImplementation due, Review date, Funding stream, Indicators, Confidential, Minute',
    });
    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: rendering check skipped');
    // The decision proposed to the March Board has no decided-on date: its meeting's date prints on its line.
    const [proposed] = await ws.query<{ starts_at: string }>("SELECT m.starts_at FROM decision d JOIN meeting m ON m.id = d.meeting_id WHERE d.reference = 'SB-D-2020-002' AND d.decided_on IS NULL");
    const lines = execFileSync('pdftotext', ['-layout', renderPdf(decisions, ws.dir).pdf, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.find((l) => l.includes('SB-D-2020-002'))).toContain(formatDateShort(proposed!.starts_at.slice(0, 10)));
  });

  it.runIf(libreOfficeAvailable)('prints the registers’ register columns readably: a year of decisions and of actions at 12 or more a page, the header on every page, the detail columns left on screen and named', { timeout: 240_000 }, async () => {
    const ws = await generatedWorkspace({ years: 1, auditTrail: false }, () => new Date('2025-03-31T09:00:00'));
    const out = join(ws.dir, 'decisions.xlsx');
    const rows = (await ws.call('decision.exportLog', { format: 'xlsx', out })).rows!;
    const { pdf, pages } = renderPdf(out, ws.dir);
    // Before: every one of the 19 columns on one page's width, at about 4 pt, 8 pages. At least 12
    // rows on every page, the title row repeating on each (the ten-year log printed 11.4 a page).
    expect(rows / pages).toBeGreaterThanOrEqual(12);
    expect(pages).toBeGreaterThan(Math.ceil(rows / 40));
    const text = pdfText(pdf).split('\f').filter((p) => p.trim());
    const meetingDates = await ws.query<{ starts_at: string }>('SELECT m.starts_at FROM decision d JOIN meeting m ON m.id = d.meeting_id');
    expect(meetingDates.length).toBeGreaterThan(100);
    for (const page of text) {
      expect(page).toMatch(/Reference\s+Decided on\s+Meeting\s+Board\s+Title\s+Decision\s+Type\s+Status\s+Owner\s+Amount/);
      expect(page).toMatch(/Printed: Reference to Amount; on screen only: Decided by, Agenda item, Paper, Superseded by,\s+Implementation due, Review date, Funding stream, Indicators, Confidential, Minute/);
      // The on-screen columns are named once, in that note, and never print as columns.
      expect(page.split('Funding stream').length - 1).toBe(1);
    }
    // The meeting's date prints: every decision's meeting day is somewhere in the register.
    const printed = text.join('\n');
    for (const m of meetingDates) expect(printed).toContain(formatDateShort(m.starts_at.slice(0, 10)));
    expect(brokenTokens(printed)).toEqual([]); // no reference, date or amount split across lines
    // Printed near its own size: the median word of page 1 is at least 9 pt tall as pdftotext
    // boxes it (about 8 pt type; every column on one page's width boxed 4.0 pt, about 3.5 pt type).
    const medianBox = (file: string) => {
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])).sort((a, b) => a - b);
      expect(heights.length).toBeGreaterThan(200);
      return heights[Math.floor(heights.length / 2)]!;
    };
    expect(medianBox(pdf)).toBeGreaterThanOrEqual(9);

    // The action log: the due date's history prints beside the due date.
    const actionsOut = join(ws.dir, 'actions.xlsx');
    const actionRows = (await ws.call('action.exportLog', { format: 'xlsx', out: actionsOut })).rows!;
    const actions = renderPdf(actionsOut, ws.dir);
    expect(actionRows / actions.pages).toBeGreaterThanOrEqual(12);
    expect(brokenTokens(pdfText(actions.pdf))).toEqual([]);
    for (const page of pdfText(actions.pdf).split('\f').filter((p) => p.trim())) {
      expect(page).toMatch(/Ref\s+Board\s+Meeting\s+Action\s+Owner\s+Due\s+Originally\s+(?:due\s+)?Due date revisions\s+(?:due\s+)?Status\s+Overdue\s+Latest update/);
      expect(page).toContain('Printed: Ref to Latest update; on screen only: Item, Completed, Latest update on, Minute');
    }
    expect(medianBox(actions.pdf)).toBeGreaterThanOrEqual(9);
  });
});
