import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addDataSheet, newWorkbook, writeXlsx } from '../../main/documents/xlsx';
import { libreOfficeAvailable, pdfText, renderPdf } from '../helpers/documents';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { admissionsValues, smallFramework } from './performance-fixture';

/**
 * Text that starts like a formula (= + - @, a tab or a carriage return, also after leading
 * spaces) is written with Excel's quote prefix in every .xlsx export: the cell's style in
 * xl/styles.xml has quotePrefix="1". Checked by reading the package itself, and by reading
 * the values back with exceljs (still the same strings, never formulas).
 */

const FORMULA_LIKE = /^\s*[=+\-@]|^[\t\r]/;

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => decode([...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));

interface TextCell {
  sheet: string;
  ref: string;
  text: string;
  quotePrefix: boolean;
}

/** Every text cell of the workbook, with whether its style carries the quote prefix. */
async function textCells(path: string): Promise<TextCell[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*?(\/>|>)/g)].map((m) => /\squotePrefix="1"/.test(m[0]));
  expect(Number(/<cellXfs count="(\d+)"/.exec(styles)![1])).toBe(xfs.length);
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  const strings = sst ? [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!)) : [];
  const cells: TextCell[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1]!;
      const type = /\st="(\w+)"/.exec(attrs)?.[1];
      const text = type === 's' ? strings[Number(/<v>(\d+)<\/v>/.exec(m[2] ?? '')![1])] : type === 'inlineStr' ? textOf(m[2] ?? '') : undefined;
      if (text === undefined) continue;
      const s = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
      cells.push({ sheet: name, ref: /\sr="(\w+)"/.exec(attrs)![1]!, text, quotePrefix: xfs[s] === true });
    }
  }
  return cells;
}

/** Every formula-like text cell has the prefix and no other does; `expected` are among them. */
async function expectQuotePrefixed(path: string, expected: string[]): Promise<void> {
  const cells = await textCells(path);
  for (const c of cells) expect({ ...c, quotePrefix: FORMULA_LIKE.test(c.text) }).toEqual(c);
  for (const text of expected) expect(cells.filter((c) => c.text === text && c.quotePrefix).length, text).toBeGreaterThan(0);
  // exceljs reads them back as the same strings, not as formulas.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const values: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
  for (const text of expected) expect(values).toContain(text);
  expect(values.filter((v) => v !== null && typeof v === 'object' && 'formula' in v && expected.includes(String((v as { formula: string }).formula)))).toEqual([]);
}

const TRICKY = ['=SUM(A1)', '+44 1622 000000', '-5 on last year', '@risk', '\tTabbed in', '\rCarriage return first', '  =1+1 after spaces', '\t=HYPERLINK("x")'];

describe('spreadsheet text stays text (quotePrefix)', () => {
  it('the shared data sheet: each formula-like text gets a quote-prefixed style, plain text and numbers do not', async () => {
    const out = join(tempDir(), 'tricky.xlsx');
    const wb = newWorkbook({ title: 'Tricky' });
    addDataSheet(wb, {
      name: 'Tricky',
      title: 'Text that looks like formulas',
      columns: [
        { header: 'Text', key: 'text', type: 'text' },
        { header: 'Amount', key: 'amount', type: 'pence' },
      ],
      rows: [...TRICKY.map((text) => ({ text, amount: -500 })), { text: 'Plain text', amount: 100 }],
    });
    await writeXlsx(out, wb);
    await expectQuotePrefixed(out, TRICKY);
    const cells = await textCells(out);
    expect(cells.find((c) => c.text === 'Plain text')!.quotePrefix).toBe(false);
    // The prefixed copies keep their font, alignment and wrap: only the flag differs.
    const styles = await (await JSZip.loadAsync(readFileSync(out))).file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<xf quotePrefix="1" [^>]*applyAlignment="1"[^>]*><alignment [^>]*wrapText="1"/);
  });

  it('renders "=SUM(A1)" as that text in LibreOffice', async (ctx) => {
    if (!libreOfficeAvailable) ctx.skip();
    const dir = tempDir();
    const out = join(dir, 'formula-text.xlsx');
    const wb = newWorkbook({ title: 'Formula text' });
    addDataSheet(wb, { name: 'Text', title: 'Formula text', columns: [{ header: 'Note', key: 'note', type: 'text', width: 30 }], rows: [{ note: '=SUM(A1)' }, { note: '@risk' }] });
    await writeXlsx(out, wb);
    const text = pdfText(renderPdf(out, dir).pdf);
    expect(text).toContain('=SUM(A1)');
    expect(text).toContain('@risk');
  });
});

async function demo(): Promise<TestWorkspace> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

describe('every .xlsx export writes formula-like text with the quote prefix', () => {
  it('the action log and the decisions log', async () => {
    const ws = await demo();
    const [action] = (await ws.call('action.list', {})).rows;
    await ws.call('action.update', { id: action!.id, description: '=SUM(A1)' });
    const actions = join(ws.dir, 'actions.xlsx');
    await ws.call('action.exportLog', { format: 'xlsx', out: actions });
    await expectQuotePrefixed(actions, ['=SUM(A1)']);

    const [decision] = (await ws.call('decision.list', {})).rows;
    await ws.call('decision.update', { id: decision!.id, title: '+44 is not a formula', text: '@risk: -£5k' });
    const decisions = join(ws.dir, 'decisions.xlsx');
    await ws.call('decision.exportLog', { format: 'xlsx', out: decisions });
    await expectQuotePrefixed(decisions, ['+44 is not a formula', '@risk: -£5k']);
  });

  it('the performance dataset', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    await admissionsValues(ws, admissions.id);
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2020-01', value: 34, note: '=SUM(A1)' });
    const out = join(ws.dir, 'dataset.xlsx');
    await ws.call('performance.exportDataset', { asAt: '2020-03-31', out });
    await expectQuotePrefixed(out, ['=SUM(A1)']);
  });

  it('the funding return and the funding summary', async () => {
    const ws = await demo();
    const stream = (await ws.call('fundingStream.list', {}))[0]!;
    await ws.call('fundingStream.update', { id: stream.id, name: '=SUM(A1) Fund' });
    const summary = join(ws.dir, 'summary.xlsx');
    await ws.call('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: summary });
    await expectQuotePrefixed(summary, ['=SUM(A1) Fund']);
    const ret = join(ws.dir, 'return.xlsx');
    const years = (await ws.call('fundingStream.get', { id: stream.id })).allocations.map((a) => a.financialYear);
    await ws.call('funding.exportReturn', { streamId: stream.id, financialYear: years[0]!, quarter: 4, out: ret });
    await expectQuotePrefixed(ret, ['=SUM(A1) Fund']);
  });
});
