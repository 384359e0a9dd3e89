import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailable, paragraphs, readDocx, tables } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';
import { enterVruSpend } from './funding-fixture';

/**
 * One variance, reconciled: a stream-year whose budget (£2,590,000) is above its allocation
 * (£1,160,000), a paid claim, and the return's cover checked figure by figure against its
 * heading sheet after LibreOffice has recalculated every formula itself; then the same
 * figures and words on the funding summary and in the position the screen shows.
 */

const WARNING = "The VRU grant (Serious Violence Fund)'s 2019/20 budget of £2,590,000.00 is £1,430,000.00 above the allocation of £1,160,000.00";

async function overBudgetedVru() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const stream = await enterVruSpend(ws, 'Q3');
  // £1,430,000 more budgeted than allocated: an evaluation line (revenue) and equipment (capital).
  const evaluation = await ws.call('budgetLine.create', { streamId: stream.id, financialYear: '2019/20', heading: 'Evaluation', allocated: '430,000' });
  const equipment = await ws.call('budgetLine.create', { streamId: stream.id, financialYear: '2019/20', heading: 'Equipment', costType: 'capital', allocated: '1,000,000' });
  await ws.call('spend.setCells', {
    streamId: stream.id,
    financialYear: '2019/20',
    cells: [
      { target: `line:${evaluation.id}`, month: '2019-12', kind: 'actual', amount: '25,000' },
      { target: `line:${evaluation.id}`, month: '2020-03', kind: 'forecast', amount: '150,000' },
      { target: `line:${equipment.id}`, month: '2020-02', kind: 'forecast', amount: '600,000' },
    ],
  });
  const claim = await ws.call('claim.create', { streamId: stream.id, financialYear: '2019/20', period: 'Q3', preparedBy: 'VRU Finance Business Partner', signedOffBy: 'Daniel Ferris' });
  await ws.call('claim.setStatus', { id: claim.id, status: 'submitted', on: '2020-01-30', signedOffOn: '2020-01-28' });
  await ws.call('claim.setStatus', { id: claim.id, status: 'paid', on: '2020-03-16' });
  return { ws, stream };
}

/** Every cell's value (a formula's result, or the value itself) by address, per sheet. */
async function readBack(path: string): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, Map<string, unknown>>();
  for (const sheet of wb.worksheets) {
    const cells = new Map<string, unknown>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        // ExcelJS reads a cached 0 back as a formula without a result.
        cells.set(cell.address, v && typeof v === 'object' && 'formula' in v ? (v.result ?? 0) : v);
      }),
    );
    out.set(sheet.name, cells);
  }
  return out;
}

const pence = (v: unknown) => Math.round((v as number) * 100);
const rowLabelled = (cells: Map<string, unknown>, label: string) => {
  for (const [addr, v] of cells) if (/^A\d+$/.test(addr) && v === label) return Number(addr.slice(1));
  throw new Error(`no row labelled "${label}"`);
};
const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('one variance, reconciled', () => {
  it('gives the position the screen shows the allocation, budget, the line reconciling them, and the variance against the budget', async () => {
    const { ws, stream } = await overBudgetedVru();
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20', asOfQuarter: 3 });
    expect(p.allocationPence).toBe(116_000_000);
    expect(p.totals.budgetPence).toBe(259_000_000);
    expect(p.budgetedPence).toBe(p.totals.budgetPence);
    expect(p.unbudgetedPence).toBe(-143_000_000);
    expect(p.totals.variancePence).toBe(p.totals.budgetPence - p.totals.actualToDatePence - p.totals.forecastRemainingPence);
    expect(p.totals.variancePence).toBe(p.totals.budgetPence - p.totals.forecastYearEndPence);
    expect(p.spendBy).toBe('2020-03-31');
    expect(p.warnings.map((w) => w.message)).toContain(WARNING);
    // Revenue first, in the template's order (Staff, Commissioned services, …, Evaluation), then capital.
    expect(p.headings.map((h) => `${h.costType}:${h.heading}`)).toEqual([
      'revenue:Staff',
      'revenue:Commissioned services',
      'revenue:Community engagement',
      'revenue:Evaluation',
      'revenue:Media',
      'revenue:Professional development',
      'capital:Equipment',
      'capital:Preventative measures',
    ]);
  });

  it.skipIf(!libreOfficeAvailable)('agrees on the cover, the heading sheet and the revenue and capital sheet after LibreOffice recalculates', { timeout: 120_000 }, async () => {
    const { ws, stream } = await overBudgetedVru();
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20', asOfQuarter: 3 });
    const out = join(ws.dir, 'return-q3.xlsx');
    await ws.call('funding.exportReturn', { streamId: stream.id, financialYear: '2019/20', quarter: 3, out });

    // Strip every cached result so the figures read back are LibreOffice's own.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      );
    }
    const bare = join(ws.dir, 'bare.xlsx');
    await wb.xlsx.writeFile(bare);
    const lo = join(ws.dir, 'lo');
    mkdirSync(lo);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(ws.dir, 'lo-profile')}`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', lo, bare], { stdio: 'pipe', timeout: 100_000 });
    const recalculated = await readBack(join(lo, 'bare.xlsx'));
    const cached = await readBack(out);

    for (const [name, sheets] of [['recalculated', recalculated], ['cached', cached]] as const) {
      const cover = sheets.get('Cover')!;
      const spend = sheets.get('Spend by heading')!;
      const split = sheets.get('Revenue and capital')!;
      const c = (label: string) => cover.get(`B${rowLabelled(cover, label)}`);
      const total = rowLabelled(spend, 'Total');
      const t = (col: string) => pence(spend.get(`${col}${total}`));
      // Cover against heading sheet, figure by figure.
      expect(pence(c('Allocation for the year')), name).toBe(p.allocationPence);
      expect(pence(c('Budget for the year')), name).toBe(t('C'));
      expect(pence(c('Actual spend this quarter (claimed)')), name).toBe(t('D'));
      expect(pence(c('Actual spend to date')), name).toBe(t('E'));
      expect(pence(c('Forecast to year end')), name).toBe(t('F'));
      expect(pence(c('Variance (budget less forecast)')), name).toBe(t('G'));
      expect(pence(c('Allocation not yet budgeted')), name).toBe(p.allocationPence - t('C'));
      // And each against the app's one definition.
      expect(t('C'), name).toBe(p.totals.budgetPence);
      expect(t('D'), name).toBe(p.totals.actualQuarterPence);
      expect(t('E'), name).toBe(p.totals.actualToDatePence);
      expect(t('F'), name).toBe(p.totals.forecastYearEndPence);
      expect(t('G'), name).toBe(p.totals.budgetPence - p.totals.actualToDatePence - p.totals.forecastRemainingPence);
      expect(pence(c('Allocation not yet budgeted')), name).toBe(-143_000_000);
      // Subtotals: revenue + capital = total, and each matches the revenue and capital sheet.
      const rev = rowLabelled(spend, 'Total revenue');
      const cap = rowLabelled(spend, 'Total capital');
      for (const [col, splitCol] of [['C', 'B'], ['D', 'C'], ['E', 'D'], ['F', 'E'], ['G', 'F']] as const) {
        expect(pence(spend.get(`${col}${rev}`)) + pence(spend.get(`${col}${cap}`)), `${name} ${col}`).toBe(t(col));
        expect(pence(split.get(`${splitCol}3`)), `${name} revenue ${col}`).toBe(pence(spend.get(`${col}${rev}`)));
        expect(pence(split.get(`${splitCol}4`)), `${name} capital ${col}`).toBe(pence(spend.get(`${col}${cap}`)));
      }
      expect(pence(spend.get(`C${rev}`)), name).toBe(p.costTypes[0]!.budgetPence);
      expect(pence(spend.get(`C${cap}`)), name).toBe(p.costTypes[1]!.budgetPence);
      // Dates and words from the stream and the claim.
      expect(isoOf(c('Spend by')), name).toBe('2020-03-31');
      expect(c('Carry-over to a later year'), name).toBe('Not allowed');
      expect(c('Claim status'), name).toBe('Paid');
      // Recorded after the event: prepared by the day it was signed off (it was dated the day it went, after the sign-off).
      expect(isoOf(c('Date prepared')), name).toBe('2020-01-28');
      expect(isoOf(c('Date signed off')), name).toBe('2020-01-28');
      expect(isoOf(c('Date submitted')), name).toBe('2020-01-30');
      expect(isoOf(c('Date paid')), name).toBe('2020-03-16');
      // The cover lists the dates in the order they happen, and their dates never run backwards.
      const dateRows = ['Date prepared', 'Date signed off', 'Date submitted', 'Date paid'].map((l) => rowLabelled(cover, l));
      expect(dateRows, name).toEqual([...dateRows].sort((a, b) => a - b));
      const dates = dateRows.map((r) => isoOf(cover.get(`B${r}`)) as string);
      expect(dates, name).toEqual([...dates].sort());
      expect(rowLabelled(cover, 'Signed off by (Chief Finance Officer)'), name).toBe(dateRows[1]! - 1);
      expect(c('Signed off by (Chief Finance Officer)'), name).toBe('Daniel Ferris');
      expect(String(c('Points to note')), name).toContain(`${WARNING}.`);
    }
  });

  it('gives the funding summary (.docx and .xlsx) the same figures, words and warning', async () => {
    const { ws, stream } = await overBudgetedVru();
    const p = await ws.call('funding.position', { streamId: stream.id, financialYear: '2019/20' });
    /** "-£1,430,000" → pence. */
    const fromText = (x: string) => Math.round(Number(x.replace(/[£,]/g, '')) * 100);
    const docx = join(ws.dir, 'summary.docx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'docx', out: docx });
    const doc = await readDocx(docx);
    const [budget, spend] = tables(doc.document);
    expect(budget![0]!.cells).toEqual(['Funding stream', 'Allocation', 'Budget', 'Allocation not yet budgeted']);
    expect(spend![0]!.cells).toEqual(['Funding stream', 'Budget', 'Actual to date', 'Forecast to year end', 'Variance (budget less forecast)']);
    const t = p.totals;
    const row = (table: typeof budget) => table!.find((r) => r.cells[0] === p.stream.name)!.cells.slice(1).map(fromText);
    expect(row(budget)).toEqual([p.allocationPence, t.budgetPence, p.unbudgetedPence]);
    expect(row(spend)).toEqual([t.budgetPence, t.actualToDatePence, t.forecastYearEndPence, t.variancePence]);
    const text = paragraphs(doc.document).map((x) => x.text);
    expect(text).toContain(`${WARNING}.`);
    expect(text.find((x) => x.startsWith('Home Office. Allocation for 2019/20: £1,160,000;'))).toMatch(/Spend by 31 March 2020; it cannot be carried over\.$/);

    const xlsx = join(ws.dir, 'summary.xlsx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: xlsx });
    const sheets = await readBack(xlsx);
    const s = sheets.get('Streams')!;
    const vruRow = [3, 4, 5, 6].find((r) => s.get(`A${r}`) === 'VRU-2019')!;
    expect(['D', 'E', 'F', 'G', 'H', 'I'].map((col) => pence(s.get(`${col}${vruRow}`)))).toEqual([
      p.allocationPence,
      t.budgetPence,
      p.unbudgetedPence,
      t.actualToDatePence,
      t.forecastYearEndPence,
      t.variancePence,
    ]);
    expect([...sheets.get('Points to note')!.values()]).toContain(`${WARNING}.`);
  });
});

