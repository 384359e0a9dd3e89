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
  const ws = tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

describe('funding tables in Word', () => {
  it('gives a paper the Violence Reduction Fund awards of seed 000 as data and as a Word table', async () => {
    const ws = await demo();
    const ctx = makeCtx(ws.db, 'test', () => new Date('2019-09-24T10:00:00'));
    const block = fundingTableBlock(ctx, { streamRef: 'VRF', year: '2019/20' });
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
    expect(block.total).toEqual(['Total (6 projects)', '', '', '£177,939', '£0']);
    expect(block.notes).toContain("The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20");

    const out = join(ws.dir, 'paper.docx');
    await writeDocx(out, buildDocument({ title: 'Violence reduction - update', marking: 'OFFICIAL' }, [block.docx]));
    const doc = await readDocx(out);
    const [table] = tables(doc.document);
    expect(table![0]).toEqual({ header: true, cells: ['Organisation', 'Project', 'Tier', 'Award 2019/20', 'Paid to date'] });
    expect(table![1]!.cells).toEqual(['Kent Police', 'Mini Cadets scheme', 'Primary', '£36,814', '£0']);
    expect(table![7]!.cells[0]).toBe('Total (6 projects)');
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
    const [overview] = tables(doc.document);
    expect(overview!.at(-1)!.cells).toEqual(['Total', '£3,680,907', '£1,147,696.35', '£1,147,696.35', '£190,242.65']);
    const text = paragraphs(doc.document).map((p) => p.text);
    expect(text).toContain("The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20.");
    expect(text).toContain('No budget lines or funded projects are recorded on the Early Intervention Youth Fund for 2019/20.');
    expect(doc.headers.join('')).toMatch(/OFFICIAL/);

    const xlsx = join(ws.dir, 'summary.xlsx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Streams', 'Headings', 'Funded projects', 'Points to note']);
    const streams = wb.getWorksheet('Streams')!;
    const vruRow = [3, 4, 5, 6].find((r) => streams.getCell(r, 1).value === 'VRU-2019')!;
    expect(Math.round((streams.getCell(vruRow, 6).value as number) * 100)).toBe(114_769_635);
  });
});
