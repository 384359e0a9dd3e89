import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { rowHeightFor, wrappedLines } from '../../main/documents/xlsx';
import { enterVruSpend, VRU_EXPECTED, vruLines } from './funding-fixture';
import { COVER_SOURCES } from '../../main/funding/return-template';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

async function exportQ4(ws: TestWorkspace) {
  const stream = await enterVruSpend(ws);
  const out = join(ws.dir, 'vru-2019-20-q4.xlsx');
  const result = await ws.call('funding.exportReturn', { streamId: stream.id, financialYear: '2019/20', quarter: 4, out });
  return { stream, out, result };
}

async function demo() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

type Cells = Map<string, ExcelJS.CellValue>;

/** Every cell of a sheet by address. */
async function readSheets(path: string): Promise<Map<string, { ws: ExcelJS.Worksheet; cells: Cells }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, { ws: ExcelJS.Worksheet; cells: Cells }>();
  for (const ws of wb.worksheets) {
    const cells: Cells = new Map();
    ws.eachRow((row) => row.eachCell((cell) => cells.set(cell.address, cell.value)));
    out.set(ws.name, { ws, cells });
  }
  return out;
}

/** A cell's figure in pence: the cached result of a formula, or the number itself. */
function pence(v: ExcelJS.CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Math.round(v * 100);
  if (v && typeof v === 'object' && 'formula' in v && typeof v.result === 'number') return Math.round(v.result * 100);
  if (v && typeof v === 'object' && 'sharedFormula' in v && typeof v.result === 'number') return Math.round(v.result * 100);
  return undefined;
}

function formulaOf(v: ExcelJS.CellValue | undefined): string | undefined {
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

/** Row of the spend-by-heading sheet whose column A says `label`. */
function rowOf(cells: Cells, label: string): number {
  for (const [addr, v] of cells) if (addr.startsWith('A') && v === label) return Number(addr.slice(1));
  throw new Error(`no row labelled ${label}`);
}

describe('the Home Office spend return', () => {
  it('exports the 2019/20 Q4 return for the VRU grant whose formulas carry the app’s totals to the penny', async () => {
    const ws = await demo();
    const { out, result, stream } = await exportQ4(ws);
    expect(result.totals.actualQuarterPence).toBe(VRU_EXPECTED.q4ActualPence);
    expect(result.template).toMatch(/ho-spend-return-2019-20\.json$/);
    const sheets = await readSheets(out);
    expect([...sheets.keys()]).toEqual(['Cover', 'Spend by heading', 'Revenue and capital', 'Funded projects']);

    const spend = sheets.get('Spend by heading')!.cells;
    expect(spend.get('A1')).toBe('Spend by heading: VRU grant (Serious Violence Fund), 2019/20 Q4 (January–March 2020)');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'].map((a) => spend.get(a))).toEqual([
      'Spend heading',
      'Revenue or capital',
      'Budget for the year',
      'Actual this quarter',
      'Actual to date',
      'Forecast to year end',
      'Variance (budget less forecast)',
    ]);
    const total = rowOf(spend, 'Total');
    // Five revenue headings and their subtotal, one capital heading and its subtotal, from row 3.
    expect(total).toBe(11);
    expect(rowOf(spend, 'Total revenue')).toBe(8);
    expect(rowOf(spend, 'Total capital')).toBe(10);
    expect(formulaOf(spend.get('C8'))).toBe('SUM(C3:C7)');
    expect(formulaOf(spend.get(`C${total}`))).toBe('C8+C10');
    expect(formulaOf(spend.get(`G${total}`))).toBe('C11-F11');
    expect(formulaOf(spend.get('G3'))).toBe('C3-F3');
    expect(pence(spend.get(`C${total}`))).toBe(116_000_000);
    expect(pence(spend.get(`D${total}`))).toBe(VRU_EXPECTED.q4ActualPence);
    expect(pence(spend.get(`E${total}`))).toBe(VRU_EXPECTED.yearActualPence);
    expect(pence(spend.get(`F${total}`))).toBe(result.totals.forecastYearEndPence);
    expect(pence(spend.get(`G${total}`))).toBe(VRU_EXPECTED.varianceAtYearEndPence);
    // Each heading's variance is the app's.
    const position = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20', asOfQuarter: 4 });
    // Headings in the template's order (templates/funding/headings.json), revenue then capital; each variance is the app's.
    expect(position.headings.map((h) => h.heading)).toEqual(['Staff', 'Commissioned services', 'Community engagement', 'Media', 'Professional development', 'Preventative measures']);
    position.headings.forEach((h, i) => {
      const row = i < 5 ? 3 + i : 4 + i;
      expect(spend.get(`A${row}`)).toBe(h.heading);
      expect(pence(spend.get(`G${row}`)), h.heading).toBe(h.variancePence);
    });

    const split = sheets.get('Revenue and capital')!.cells;
    expect(split.get('A3')).toBe('Revenue');
    expect(split.get('A4')).toBe('Capital');
    // Column D, actual to date, adds up column E of the headings sheet by cost type.
    expect(formulaOf(split.get('D4'))).toBe("SUMIF('Spend by heading'!$B$3:$B$9,$A4,'Spend by heading'!E$3:E$9)");
    expect(pence(split.get('D4'))).toBe(VRU_EXPECTED.capitalActualPence);
    expect(pence(split.get('D3'))).toBe(VRU_EXPECTED.yearActualPence - VRU_EXPECTED.capitalActualPence);
    expect(formulaOf(split.get('D5'))).toBe('SUM(D3:D4)');
    expect(pence(split.get('D5'))).toBe(VRU_EXPECTED.yearActualPence);

    const cover = sheets.get('Cover')!.cells;
    const claimed = rowOf(cover, 'Actual spend this quarter (claimed)');
    expect(formulaOf(cover.get(`B${claimed}`))).toBe("'Spend by heading'!$D$11");
    expect(pence(cover.get(`B${claimed}`))).toBe(VRU_EXPECTED.q4ActualPence);
    expect(cover.get(`B${rowOf(cover, 'Organisation')}`)).toBe('Kent & Medway Violence Reduction Unit');
    expect(cover.get(`B${rowOf(cover, 'Signed off by (Chief Finance Officer)')}`)).toBe('Daniel Ferris');
    expect(pence(cover.get(`B${rowOf(cover, 'Variance (budget less forecast)')}`))).toBe(VRU_EXPECTED.varianceAtYearEndPence);
    expect(cover.get(`B${rowOf(cover, 'Claim status')}`)).toBe('No claim recorded for this quarter');

    expect(sheets.get('Funded projects')!.cells.get('A3')).toBe('No funded projects are recorded on this grant for the year.');
  });

  it('locks every cell except the editable ones, with £ formats', async () => {
    const ws = await demo();
    const { out } = await exportQ4(ws);
    const sheets = await readSheets(out);
    const spend = sheets.get('Spend by heading')!.ws;
    const protection = (spend as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined(); // no password: finance can unprotect
    expect(spend.getCell('F3').protection?.locked).toBe(false); // forecast to year end may be edited
    expect(spend.getCell('G3').protection?.locked ?? true).toBe(true); // the variance formula may not
    expect(spend.getCell('C3').protection?.locked ?? true).toBe(true);
    expect(spend.getCell('G3').numFmt).toBe('"£"#,##0.00;[Red]-"£"#,##0.00');
    const cover = sheets.get('Cover')!;
    expect(cover.ws.getCell(`B${rowOf(cover.cells, 'Signed off by (Chief Finance Officer)')}`).protection?.locked).toBe(false);
    expect(cover.ws.getCell(`B${rowOf(cover.cells, 'Organisation')}`).protection?.locked ?? true).toBe(true);
  });

  it('gives every header row and wrapped row the height its text needs (LibreOffice does not grow rows)', async () => {
    const ws = await demo();
    const { out } = await exportQ4(ws);
    const sheets = await readSheets(out);
    for (const name of ['Spend by heading', 'Revenue and capital', 'Funded projects']) {
      const sheet = sheets.get(name)!.ws;
      const header = sheet.getRow(2);
      let needed = 1;
      header.eachCell((cell, col) => {
        needed = Math.max(needed, wrappedLines(String(cell.value), sheet.getColumn(col).width!, { bold: true, indent: cell.alignment?.indent ?? 0 }));
      });
      expect(needed, name).toBeGreaterThan(1); // "Variance (budget less forecast)", "Remaining (award less paid)"
      expect(header.height, name).toBeGreaterThanOrEqual(rowHeightFor(needed));
    }
    const cover = sheets.get('Cover')!;
    expect(cover.ws.getRow(rowOf(cover.cells, 'Declaration')).height).toBeGreaterThanOrEqual(rowHeightFor(3));

    // A funded project whose name wraps gets a taller row; the template may fix the header's height itself.
    const vrf = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRF')!;
    const template = JSON.parse(readFileSync('templates/funding/ho-spend-return-2019-20.json', 'utf8'));
    template.sheets[1].headerHeight = 45;
    const file = join(ws.dir, 'tall-header.json');
    writeFileSync(file, JSON.stringify(template));
    const vrfOut = join(ws.dir, 'vrf.xlsx');
    await ws.call('funding.exportReturn', { streamId: vrf.id, financialYear: '2019/20', quarter: 4, out: vrfOut, template: file });
    const vrfSheets = await readSheets(vrfOut);
    expect(vrfSheets.get('Spend by heading')!.ws.getRow(2).height).toBe(45);
    const projects = vrfSheets.get('Funded projects')!;
    const rising = rowOf(projects.cells, 'Rising Sun & Choices');
    expect(projects.ws.getRow(rising).height).toBeGreaterThanOrEqual(rowHeightFor(2));
    expect(projects.ws.getRow(rowOf(projects.cells, 'Kent Police')).height ?? 15).toBeLessThan(rowHeightFor(2));
  });

  it('writes text that starts with = + - @ as text, never as a formula', async () => {
    const ws = await demo();
    const { stream, lineOf } = await vruLines(ws);
    await ws.call('budgetLine.update', { id: lineOf('Media').id, heading: '=HYPERLINK("http://evil.example","Media")' });
    await ws.call('budgetLine.update', { id: lineOf('Staff').id, heading: '@SUM(A1)' });
    const out = join(ws.dir, 'inject.xlsx');
    await ws.call('funding.exportReturn', { streamId: stream.id, financialYear: '2019/20', quarter: 1, out });
    const spend = (await readSheets(out)).get('Spend by heading')!;
    const media = spend.ws.getCell(`A${rowOf(spend.cells, '=HYPERLINK("http://evil.example","Media")')}`);
    expect(media.type).toBe(ExcelJS.ValueType.String);
    expect(spend.ws.getCell(`A${rowOf(spend.cells, '@SUM(A1)')}`).type).toBe(ExcelJS.ValueType.String);
  });

  it('reports a malformed template with its file and every problem, and writes nothing', async () => {
    const ws = await demo();
    const stream = await enterVruSpend(ws);
    const bad = JSON.parse(readFileSync('templates/funding/ho-spend-return-2019-20.json', 'utf8'));
    bad.sheets[1].columns[6].formula = '{bugdet}-{forecastYearEnd}';
    bad.sheets[2].from = 'Spend by headings';
    bad.sheets[0].fields[11].formula = '{Nowhere!total.budget}';
    bad.sheets[0].fields[16].note = '{varianceExplaind}'; // the variance's note, misspelt
    const file = join(ws.dir, 'finance-edit.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(ws.dir, 'never.xlsx');
    const err = await ws.fails('funding.exportReturn', { streamId: stream.id, financialYear: '2019/20', quarter: 4, out, template: file });
    expect(err.code).toBe('template.invalid');
    expect(err.field).toBe('template');
    expect(err.message).toMatch(/^The return template finance-edit\.json cannot be used: /);
    expect(err.problems!.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'finance-edit.json: sheets[0].fields[11].formula: refers to a sheet "Nowhere" that the template does not have',
      `finance-edit.json: sheets[0].fields[16].note: {varianceExplaind} is not a figure the app can fill in (one of: ${COVER_SOURCES.join(', ')})`,
      'finance-edit.json: sheets[1].columns[6].formula: {bugdet} is not a column of this sheet',
      'finance-edit.json: sheets[2].from: "Spend by headings" must name a headings sheet of this template',
    ]);
    expect(existsSync(out)).toBe(false);
    const check = await ws.call('funding.checkTemplate', { template: file });
    expect(check.ok).toBe(false);
    expect((await ws.call('funding.checkTemplate', { template: '' })).ok).toBe(true);
    writeFileSync(file, '{ not json');
    expect((await ws.call('funding.checkTemplate', { template: file })).problems[0]!.message).toMatch(/^is not valid JSON/);
  });

  it.skipIf(!SOFFICE)('recalculates in LibreOffice to the same figures, even with the cached results removed', { timeout: 120_000 }, async () => {
    const ws = await demo();
    const { out } = await exportQ4(ws);
    // A copy whose formulas carry no results at all: LibreOffice must compute every figure itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let stripped = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
            cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
            stripped++;
          }
        }),
      );
    }
    expect(stripped).toBeGreaterThan(20);
    const bare = join(ws.dir, 'bare.xlsx');
    await wb.xlsx.writeFile(bare);
    const lo = join(ws.dir, 'lo');
    mkdirSync(lo);
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${join(ws.dir, 'lo-profile')}`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', lo, bare, out], {
      stdio: 'pipe',
      timeout: 100_000,
    });
    for (const name of ['bare.xlsx', 'vru-2019-20-q4.xlsx']) {
      const sheets = await readSheets(join(lo, name));
      const spend = sheets.get('Spend by heading')!.cells;
      const total = rowOf(spend, 'Total');
      expect(formulaOf(spend.get(`G${total}`)), name).toBe('C11-F11');
      expect(pence(spend.get(`C${total}`)), name).toBe(116_000_000);
      expect(pence(spend.get(`D${total}`)), name).toBe(VRU_EXPECTED.q4ActualPence);
      expect(pence(spend.get(`E${total}`)), name).toBe(VRU_EXPECTED.yearActualPence);
      expect(pence(spend.get(`G${total}`)), name).toBe(VRU_EXPECTED.varianceAtYearEndPence);
      const split = sheets.get('Revenue and capital')!.cells;
      expect(pence(split.get('D4')), name).toBe(VRU_EXPECTED.capitalActualPence);
      expect(pence(split.get('F5')), name).toBe(VRU_EXPECTED.varianceAtYearEndPence);
      const cover = sheets.get('Cover')!.cells;
      expect(pence(cover.get(`B${rowOf(cover, 'Actual spend this quarter (claimed)')}`)), name).toBe(VRU_EXPECTED.q4ActualPence);
      expect(pence(cover.get(`B${rowOf(cover, 'Variance (budget less forecast)')}`)), name).toBe(VRU_EXPECTED.varianceAtYearEndPence);
    }
  });
});
