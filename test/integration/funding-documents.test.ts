import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument, writeDocx } from '../../main/documents/docx';
import { fundingTableBlock } from '../../main/funding/funding-table';
import { makeCtx } from '../../main/shared/context';
import { headings, paragraphs, readDocx, tables } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';
import { enterVruSpend } from './funding-fixture';

async function demo() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

describe('funding tables in Word', () => {
  it('gives a paper the Violence Reduction Fund awards of seed 000 as data and as a Word table', async () => {
    const ws = await demo();
    const ctx = makeCtx(ws.store, 'test', () => new Date('2019-09-24T10:00:00'));
    const block = await fundingTableBlock(ctx, { streamRef: 'VRF', year: '2019/20' });
    expect(block.kind).toBe('awards');
    expect(block.caption).toBe('Violence Reduction Fund: awards 2019/20');
    expect(block.rows.map((r) => [r[0], r[3]])).toEqual([
      ['Kent Police', '£36,814'],
      ['Rising Sun & Choices', '£35,000'],
      ['Kent CrimeStoppers', '£35,000'],
      ['Uprising Youth and Community', '£32,000'],
      ['Reform Restore Respect', '£5,000'],
      ['The Forward Trust', '£34,125'],
    ]);
    expect(block.total).toEqual(['Total', '6 projects', '', '£177,939', '£0']);
    expect(block.notes).toContain("The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20");

    const out = join(ws.dir, 'paper.docx');
    await writeDocx(out, buildDocument({ title: 'Violence reduction - update', marking: 'OFFICIAL' }, [block.docx]));
    const doc = await readDocx(out);
    const [table] = tables(doc.document);
    expect(table![0]).toEqual({ header: true, cells: ['Organisation', 'Project', 'Tier', 'Award 2019/20', 'Paid to date'] });
    expect(table![1]!.cells).toEqual(['Kent Police', 'Mini Cadets scheme', 'Primary', '£36,814', '£0']);
    expect(table![7]!.cells).toEqual(['Total', '6 projects', '', '£177,939', '£0']);
  });

  it('fills the papers area’s live table “funding.awards”, and says plainly when it cannot', async () => {
    const ws = await demo();
    const live = await ws.call('paper.liveTable', { source: 'funding.awards', params: { stream: 'VRF', year: '2019/20' } });
    expect(live.ok).toBe(true);
    if (!live.ok) return;
    expect(live.table.columns[3]).toEqual({ header: 'Award 2019/20', align: 'right' });
    expect(live.table.rows).toHaveLength(7);
    expect(live.table.source).toMatch(/^Funding records of the Violence Reduction Fund \(VRF\), as at .*above the Violence Reduction Fund's £35,000 cap for 2019\/20\.$/);
    const missing = await ws.call('paper.liveTable', { source: 'funding.awards', params: { stream: 'NOPE', year: '2019/20' } });
    expect(missing).toEqual({ ok: false, reason: 'There is no funding stream with the reference NOPE.' });
  });

  it('writes the funding summary for the board as .docx and .xlsx with the same figures', async () => {
    const ws = await demo();
    await enterVruSpend(ws);
    const docx = join(ws.dir, 'summary.docx');
    const written = await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'docx', out: docx });
    expect(written.bytes).toBeGreaterThan(5000);
    const doc = await readDocx(docx);
    expect(doc.core).toMatch(/<dc:title>Funding summary 2019\/20<\/dc:title>/);
    expect(headings(doc.document).map((h) => h.text)).toEqual([
      'Funding summary 2019/20',
      'Funding streams',
      'Early Intervention Youth Fund',
      'Serious violence surge funding',
      'Violence Reduction Fund',
      'VRU grant (Serious Violence Fund)',
    ]);
    const [budgetTable, spendTable] = tables(doc.document);
    // The allocation, the budget and the line reconciling them; then spend against the budget, as on the return and the screen.
    expect(budgetTable![0]!.cells).toEqual(['Funding stream', 'Allocation', 'Budget', 'Allocation not yet budgeted']);
    expect(spendTable![0]!.cells).toEqual(['Funding stream', 'Budget', 'Actual to date', 'Forecast to year end', 'Variance (budget less forecast)']);
    expect(budgetTable!.find((r) => r.cells[0] === 'Violence Reduction Fund')!.cells).toEqual(['Violence Reduction Fund', '£333,334', '£177,939', '£155,395']);
    expect(spendTable!.find((r) => r.cells[0] === 'Violence Reduction Fund')!.cells).toEqual(['Violence Reduction Fund', '£177,939.00', '£0.00', '£0.00', '£177,939.00']);
    // The EIYF's £527,573 is budgeted in full (the demo's illustrative Q3 claim), the rest as before.
    expect(budgetTable!.at(-1)!.cells).toEqual(['Total', '£3,680,907', '£1,865,512', '£1,815,395']);
    // The EIYF adds its budget, its £187,000 to the end of Q3 and a forecast to year end £6,000 under budget.
    expect(spendTable!.at(-1)!.cells).toEqual(['Total', '£1,865,512.00', '£1,334,696.35', '£1,669,269.35', '£196,242.65']);
    const text = paragraphs(doc.document).map((p) => p.text);
    expect(text).toContain("The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20.");
    expect(text).toContain(
      'Home Office. Allocation for 2019/20: £527,573, all of it budgeted (5 budget lines). Spend by 31 March 2020; it cannot be carried over.',
    );
    expect(text).toContain(
      'Kent Police and Crime Commissioner. Allocation for 2019/20: £333,334, of which £177,939 is budgeted (6 funded projects) and £155,395 is not yet budgeted. Spend by 31 March 2020; it cannot be carried over.',
    );
    expect(text).toContain('Home Office. Allocation for 2019/20: £1,160,000, all of it budgeted (6 budget lines). Spend by 31 March 2020; it cannot be carried over.');
    expect(doc.headers.join('')).toMatch(/OFFICIAL/);
    // Each "Points for the Board:" keeps with its list, and the list keeps together: every item but the last keeps with the next.
    const xmlParagraphs = [...doc.document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const leadIns = xmlParagraphs.flatMap((p, i) => (p.includes('Points for the Board:') ? [i] : []));
    expect(leadIns.length).toBeGreaterThan(0);
    for (const at of leadIns) {
      expect(xmlParagraphs[at]).toContain('<w:keepNext/>');
      const list: string[] = [];
      for (let i = at + 1; xmlParagraphs[i]?.includes('<w:numPr>'); i++) list.push(xmlParagraphs[i]!);
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((p) => p.includes('<w:keepNext/>'))).toEqual(list.map((_, i) => i < list.length - 1));
    }

    const xlsx = join(ws.dir, 'summary.xlsx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Streams', 'Headings', 'Funded projects', 'Points to note']);
    const streams = wb.getWorksheet('Streams')!;
    const vruRow = [3, 4, 5, 6].find((r) => streams.getCell(r, 1).value === 'VRU-2019')!;
    expect(Math.round((streams.getCell(vruRow, 7).value as number) * 100)).toBe(114_769_635); // actual to date
  });

  it('summary tables reconcile on the page: each row’s variance is its shown columns, each total the sum of its column', async () => {
    const ws = await demo();
    await enterVruSpend(ws);
    // Spend on two Violence Reduction Fund projects to the end of Q3 (one paid beyond its award) and a
    // forecast for February, so that stream's row is not trivial.
    const vrf = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRF')!;
    const [first, second] = await ws.call('award.list', { streamId: vrf.id });
    await ws.call('spend.setCells', {
      streamId: vrf.id,
      financialYear: '2019/20',
      cells: [
        { target: `award:${first!.id}`, month: '2019-12', kind: 'actual', amount: '41,000' },
        { target: `award:${second!.id}`, month: '2019-11', kind: 'actual', amount: '17,500.25' },
        { target: `award:${second!.id}`, month: '2020-02', kind: 'forecast', amount: '10,000' },
      ],
    });

    const docx = join(ws.dir, 'summary.docx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'docx', out: docx });
    const all = tables((await readDocx(docx)).document);
    const checkTable = (rows: { header: boolean; cells: string[] }[], variance: { of: string; less: string; is: string }) => {
      const head = rows[0]!.cells;
      const col = (name: string) => {
        const i = head.indexOf(name);
        expect(i, `${name} in ${head.join(' | ')}`).toBeGreaterThan(0);
        return i;
      };
      const [a, b, v] = [col(variance.of), col(variance.less), col(variance.is)];
      const body = rows.slice(1, -1);
      const total = rows.at(-1)!.cells;
      expect(total[0]).toBe('Total');
      for (const r of [...body, rows.at(-1)!]) expect(pence(r.cells[v]!), `${r.cells[0]}: ${head[v]}`).toBe(pence(r.cells[a]!) - pence(r.cells[b]!));
      head.forEach((h, i) => {
        if (i === 0 || !/^-?£/.test(total[i]!)) return;
        expect(pence(total[i]!), `total of ${h}`).toBe(body.reduce((s, r) => s + pence(r.cells[i]!), 0));
      });
    };
    checkTable(all[0]!, { of: 'Allocation', less: 'Budget', is: 'Allocation not yet budgeted' });
    checkTable(all[1]!, { of: 'Budget', less: 'Forecast to year end', is: 'Variance (budget less forecast)' });
    expect(all[1]!.find((r) => r.cells[0] === 'Violence Reduction Fund')!.cells).toEqual(['Violence Reduction Fund', '£177,939.00', '£58,500.25', '£68,500.25', '£109,438.75']);
    const headingTables = all.slice(2).filter((t) => t[0]!.cells.includes('Variance (budget less forecast)'));
    expect(headingTables).toHaveLength(2); // the EIYF's and the VRU grant's; the VRF lists its awards instead
    for (const t of headingTables) checkTable(t, { of: 'Budget', less: 'Forecast to year end', is: 'Variance (budget less forecast)' });

    const xlsx = join(ws.dir, 'summary.xlsx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheetTable = (name: string) => {
      const sheet = wb.getWorksheet(name)!;
      const head = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(String);
      const rows: (string | number)[][] = [];
      for (let r = 3; r <= sheet.rowCount; r++) {
        rows.push(head.map((_, i) => {
          const v = sheet.getCell(r, i + 1).value;
          // ExcelJS reads a cached <v>0</v> back as no result at all.
          if (v && typeof v === 'object' && 'formula' in v) return Math.round(((v.result as number | undefined) ?? 0) * 100);
          return typeof v === 'number' ? Math.round(v * 100) : String(v ?? '');
        }));
      }
      return { head, rows, sheet };
    };
    const xlsxCheck = (name: string, of: string, less: string, is: string) => {
      const { head, rows } = sheetTable(name);
      const [a, b, v] = [of, less, is].map((h) => head.indexOf(h));
      expect(Math.min(a!, b!, v!), `${of}, ${less}, ${is} in ${head.join(' | ')}`).toBeGreaterThanOrEqual(0);
      const body = rows.slice(0, -1);
      const total = rows.at(-1)!;
      expect(total[0]).toBe('Total');
      for (const r of rows) expect(r[v!]).toBe((r[a!] as number) - (r[b!] as number));
      head.forEach((h, i) => {
        if (typeof total[i] === 'number') expect(total[i], `total of ${h}`).toBe(body.reduce((s, r) => s + (r[i] as number), 0));
      });
      return rows;
    };
    xlsxCheck('Streams', 'Allocation', 'Budget', 'Allocation not yet budgeted');
    const streamRows = xlsxCheck('Streams', 'Budget', 'Forecast to year end', 'Variance (budget less forecast)');
    expect(streamRows.at(-1)!.slice(3, 5)).toEqual([368_090_700, 186_551_200]); // allocation; budgeted (lines and awards, the EIYF's £527,573 with them)
    xlsxCheck('Headings', 'Budget', 'Forecast to year end', 'Variance (budget less forecast)');
    xlsxCheck('Funded projects', 'Award', 'Paid to date', 'Remaining (award less paid)');
    // The variance is a formula of the row, so it recalculates when finance changes a figure.
    const streamsSheet = sheetTable('Streams').sheet;
    expect((streamsSheet.getCell('F3').value as ExcelJS.CellFormulaValue).formula).toBe('D3-E3');
    expect((streamsSheet.getCell('I3').value as ExcelJS.CellFormulaValue).formula).toBe('E3-H3');
    expect((streamsSheet.getCell('D7').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(D3:D6)');
  });
});

/** "£1,147,696.35", "-£4,186" → pence. */
function pence(text: string): number {
  const m = /^(-?)£([\d,]+(?:\.\d{2})?)$/.exec(text.trim());
  if (!m) throw new Error(`not money: ${text}`);
  return (m[1] ? -1 : 1) * Math.round(Number(m[2]!.replace(/,/g, '')) * 100);
}
