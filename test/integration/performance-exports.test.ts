import { makeCtx } from '../../main/shared/context';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { buildDocument, writeDocx } from '../../main/documents/docx';
import { houseStyle } from '../../main/documents/house-style';
import { performanceTable, performanceTableDocx } from '../../main/performance/table-block';
import { headings, libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { admissionsValues, smallFramework } from './performance-fixture';

async function framework(ws: TestWorkspace) {
  const f = await smallFramework(ws);
  await admissionsValues(ws, f.admissions.id, f.nhs.id);
  await ws.call('indicatorValue.recordMany', {
    indicatorId: f.referrals.id,
    rows: [
      { period: '2018/19 Q4', value: 50 },
      { period: '2019/20 Q1', value: 52 },
      { period: '2019/20 Q2', value: 55 },
      { period: '2019/20 Q3', value: 61 },
      { period: '2019/20 Q4', value: '48%', note: 'Two youth workers posts vacant since January; recruitment under way.' },
    ],
  });
  await ws.call('workspace.setSetting', { key: 'organisationName', value: 'Kent and Medway Violence Reduction Unit' });
  return f;
}

describe('performance exports', () => {
  it('the Word report: a summary by status and theme naming the exceptions, their detail with commentary, then a page per indicator with its chart and alt text', async () => {
    const ws = await tempWorkspace();
    await framework(ws);
    const out = join(ws.dir, 'performance.docx');
    const result = await ws.call('performance.exportReport', { asAt: '2020-03-31', out });
    expect(result).toMatchObject({ path: out, indicators: 2, charts: 2 });
    const docx = await readDocx(out);
    const text = paragraphs(docx.document).map((p) => p.text);
    expect(text[0]).toBe('Performance report as at 31 March 2020');
    expect(text).toContain('This report shows the 2 indicators of the performance framework as at 31 March 2020: 0 green, 1 amber, 1 red and 0 not rated.');
    // The summary: counts by status and theme, then the exceptions by code under their status.
    const [byTheme, glance] = tables(docx.document);
    expect(byTheme![0]).toEqual({ header: true, cells: ['Theme', 'Green', 'Amber', 'Red', 'Not rated', 'Exceptions'] });
    expect(byTheme!.at(-1)!.cells).toEqual(['All themes', '0', '1', '1', '0', '1']);
    expect(glance!.map((r) => r.cells)).toEqual([['Status', 'Indicators (by code; each is detailed under Exceptions)'], ['Red (1)', 'LOC\u20112']]);
    // The status cells (and the totals) are shaded in their colour's tint.
    expect(docx.document).toContain(`w:fill="${houseStyle.colours.ragFill.red}"`);
    expect(docx.document).toContain(`w:fill="${houseStyle.colours.ragFill.amber}"`);
    expect(text).toContain('1 indicator is an exception: red, or worse than in the same period last year.');
    // Then the exceptions' detail, then an appendix of a page per indicator with its status, rule and latest value.
    const h = headings(docx.document);
    expect(h.filter((x) => x.level === 'Heading1').map((x) => x.text)).toEqual(['Summary', 'Exceptions', 'Appendix: the indicators, a page each']);
    expect(text).toContain('Amber: 396 is above the target of 378 but within the 5% tolerance, up to 396.9 (lower is better)');
    expect(text).toContain('Latest: 396 (Rolling 12-month total, April 2019 to March 2020)');
    expect(text.some((t) => /^Red: 48% is below the target of 60%/.test(t))).toBe(true);
    expect(docx.document.match(/<w:pageBreakBefore\/>/g)?.length).toBe(3); // Exceptions, the appendix, its second indicator
    expect(text).toContain('Commentary: Two youth workers posts vacant since January; recruitment under way. (recorded with the 2019/20 Q4 value)');
    // One PNG per indicator, each with a description a screen reader reads.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const descriptions = [...docx.document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(descriptions).toHaveLength(2);
    expect(descriptions[0]).toMatch(/^Line chart of Hospital \(A&amp;E\) admissions/);
    expect(docx.core).toContain('Performance report as at 31 March 2020');
  });

  it('the dataset: one row per indicator-period, dates as dates, numbers as numbers', async () => {
    const ws = await tempWorkspace();
    await framework(ws);
    await ws.call('indicatorValue.record', { indicatorId: 1, period: '2020-03', value: 34, note: 'Revised' });
    const out = join(ws.dir, 'performance.xlsx');
    const result = await ws.call('performance.exportDataset', { asAt: '2020-03-31', out });
    expect(result.rows).toBe(24 + 5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Values')!;
    expect(sheet.getCell('A1').value).toBe('Indicator values by period, as at 31 March 2020 (current values; earlier revisions counted)');
    expect(sheet.getRow(2).values).toContain('Period start');
    const march = sheet.getRow(26); // HO-1's 24th month, after title and header
    expect(march.getCell(2).value).toBe('HO-1');
    expect(march.getCell(6).value).toBe('2020-03');
    expect(march.getCell(8).value).toEqual(new Date(Date.UTC(2020, 2, 1)));
    expect(march.getCell(8).numFmt).toBe('dd/mm/yyyy');
    expect(march.getCell(10).value).toBe(34);
    expect(march.getCell(12).value).toBe('Revised');
    expect(march.getCell(15).value).toBe(1);
    const indicators = wb.getWorksheet('Indicators')!;
    expect(indicators.getRow(3).getCell(1).value).toBe('HO-1');
    expect(indicators.getRow(3).getCell(15).value).toBe(378);
  });

  it('the CLI writes both, and names a bad date or format, and will not write over the workspace', async () => {
    const ws = await tempWorkspace();
    await framework(ws);
    await ws.store.close(); // the CLI opens the workspace itself
    // On PostgreSQL there is no workspace file to protect: a file named like one is refused the same.
    const workspaceFile = join(ws.dir, 'workspace.db');
    const lines: string[] = [];
    const io = { stdout: (t: string) => lines.push(t), stderr: (t: string) => lines.push(t) };
    const docx = join(ws.dir, 'cli.docx');
    expect(await runCli(['export', 'performance', '--db', ws.path, '--as-at', '2020-03-31', '--format', 'docx', '--out', docx], io, { actor: 'test' })).toBe(0);
    expect(lines.join('\n')).toMatch(/Wrote .*cli\.docx: 2 indicators, 2 charts/);
    const xlsx = join(ws.dir, 'cli.xlsx');
    expect(await runCli(['export', 'performance', '--db', ws.path, '--as-at', '2020-03-31', '--format', 'xlsx', '--out', xlsx], io, { actor: 'test' })).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    lines.length = 0;
    expect(await runCli(['export', 'performance', '--db', ws.path, '--as-at', '31/03/2020', '--format', 'docx', '--out', docx], io, { actor: 'test' })).toBe(1);
    expect(lines.join('\n')).toContain('As-at date must be a date written YYYY-MM-DD');
    expect(await runCli(['export', 'performance', '--db', ws.path, '--as-at', '2020-03-31', '--format', 'pdf', '--out', docx], io, { actor: 'test' })).toBe(2);
    lines.length = 0;
    expect(await runCli(['export', 'performance', '--db', ws.path, '--as-at', '2020-03-31', '--format', 'xlsx', '--out', workspaceFile], io, { actor: 'test' })).toBe(1);
    expect(lines.join('\n')).toContain('an export never overwrites a workspace file');
  });

  it('the live table for papers: the scorecard as text rows, and as a Word table with coloured status cells', async () => {
    const ws = await tempWorkspace();
    const { local } = await framework(ws);
    const ctx = { ...makeCtx(ws.store, 'test', () => new Date('2020-04-02T10:00:00')), operation: 'paper.export' };
    const table = await performanceTable(ctx, { asAt: '2020-03-31' });
    expect(table.caption).toBe('Performance as at 31 March 2020');
    expect(table.columns.map((c) => c.header)).toEqual(['Indicator', 'Latest', 'Target', 'Status', 'Trend on a year before']);
    expect(table.rows[1]).toEqual([
      'LOC-2 Young people referred who engage with a youth worker',
      '48% (2019/20 Q4)',
      '60% by 31 March 2021',
      'Red: 48% is below the target of 60% by more than the 10% tolerance, below 54% (higher is better)',
      'Down 2 percentage points on 2018/19 Q4 (50%): worsening',
    ]);
    expect((await performanceTable(ctx, { themeId: String(local.id) })).rows).toHaveLength(1);
    expect((await performanceTable(ctx)).caption).toBe('Performance as at 2 April 2020'); // today, by default
    await expect(performanceTable(ctx, { asAt: 'March' })).rejects.toThrow('As-at date "March" must be a date written YYYY-MM-DD');
    const out = join(ws.dir, 'table.docx');
    await writeDocx(out, buildDocument({ title: 'Paper', marking: 'OFFICIAL' }, [performanceTableDocx(table)]));
    const docx = await readDocx(out);
    const [t] = tables(docx.document);
    expect(t![0]!.header).toBe(true);
    expect(t![2]!.cells[3]).toMatch(/^Red: 48%/);
    expect(docx.document).toContain(`w:fill="${houseStyle.colours.ragFill.red}"`);
  });

  it('renders through LibreOffice with its charts visible', async (ctx) => {
    if (!libreOfficeAvailable) {
      console.log('Skipping the LibreOffice render: soffice is not installed.');
      ctx.skip();
    }
    const ws = await tempWorkspace();
    await framework(ws);
    const out = join(ws.dir, 'performance.docx');
    await ws.call('performance.exportReport', { asAt: '2020-03-31', out });
    const { pdf, pages } = renderPdf(out, join(ws.dir, 'pdf'));
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toContain('Amber: 396 is above the target of 378');
    expect(text).toContain('Page 1 of');
    // Charts are images in the PDF (pdfimages lists them).
    const { execFileSync } = await import('node:child_process');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
    // To look at the pages: PERFORMANCE_RENDER_DIR=/some/folder npx vitest run this file, then pdftoppm.
    const keep = process.env.PERFORMANCE_RENDER_DIR;
    if (keep) for (const f of [out, pdf]) copyFileSync(f, join(keep, basename(f)));
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
