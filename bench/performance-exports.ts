/**
 * npx tsx bench/performance-exports.ts [--db FILE] [--iterations 3]
 *
 * The performance area on the ten-year workspace (200 indicators × 120 months):
 *   - performance.scorecard, .exceptions and .detail through the dispatcher;
 *   - performance.exportReport: the Word report with 200 charts, the first time in the
 *     process (chart PNG cache cleared before each call) and repeated with the charts'
 *     data unchanged (drawn from the cache); beside it the 200 charts rasterised alone,
 *     with the chart fonts found once (now) and with every system font loaded for each
 *     chart (before);
 *   - performance.exportDataset: the .xlsx of 24,000 indicator-period rows (two sheets, 15
 *     and 21 columns), streamed, beside plain exceljs writes of exactly the same cells and
 *     styles to a file: one in memory (Workbook, writeFile) and one streamed (WorkbookWriter).
 *     Also the writer before issue 9 (a new style object per cell, in memory), rebuilt here,
 *     for the before/after ratio in one run.
 * What the plain sides leave out, and the export does: reading the workspace (timed on its
 * own as buildDataset), the row heights of wrapped text, the print setup and the check for
 * formula-like text (the quote prefix). Memory: the rise of the resident set over the
 * case's calls, sampled every 5 ms (the process's own baseline is not counted).
 * The workspace is generated in a temp folder (or copied there from --db, which is not
 * changed); exports go to the same folder. Results go to bench/results/performance-exports.json.
 */
import { renderAsync } from '@resvg/resvg-js';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chartFonts, clearChartCache, svgsToPngs } from '../main/performance/chart-png';
import { chartSvg } from '../main/performance/chart-svg';
import { buildDataset } from '../main/performance/dataset-xlsx';
import { reportParts } from '../main/performance/report-docx';
import { cellValue, fitRows, newWorkbook, numberFormat, printSetup, safeText, sheetName, writeDataWorkbook, writeXlsx, type DataWorkbook } from '../main/documents/xlsx';
import { houseStyle as hs } from '../main/documents/house-style';
import { makeCtx } from '../main/shared/context';
import { FIXTURE_TODAY } from './generate';
import { call, median, parseExportBenchArgs, withBenchWorkspace, writeResults } from './harness';
import { plainInMemory, plainStreamed } from './plain-xlsx';

interface Timing {
  medianMs: number;
  minMs: number;
  /** The largest rise of the heap and buffers (V8 heap, external, array buffers) above their level before a call, collected first where --expose-gc allows, in MiB. */
  peakMemoryRiseMiB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** One call, timed, with the rise of memory in use sampled every 5 ms. */
async function once(fn: () => Promise<unknown>): Promise<{ ms: number; rise: number }> {
  gc?.();
  const before = inUse();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, inUse())), 5);
  try {
    const t0 = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    peak = Math.max(peak, inUse());
    return { ms, rise: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The cases of a comparison timed side by side: one warm-up call each, then `iterations`
 * rounds in which every case runs once (the order turning each round), so load from other
 * processes falls on all of them alike. Ratios are of the medians.
 */
type Case = (() => Promise<unknown>) | { setup: () => Promise<unknown>; run: () => Promise<unknown> };

async function timeTogether(iterations: number, cases: Record<string, Case>): Promise<Record<string, Timing>> {
  const names = Object.keys(cases);
  const samples = new Map(names.map((k) => [k, [] as number[]]));
  const rises = new Map(names.map((k) => [k, 0]));
  const call = async (c: Case) => (typeof c === 'function' ? once(c) : (await c.setup(), once(c.run)));
  for (const k of names) await call(cases[k]!);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      const r = await call(cases[k]!);
      samples.get(k)!.push(r.ms);
      rises.set(k, Math.max(rises.get(k)!, r.rise));
    }
  }
  return Object.fromEntries(
    names.map((k) => {
      const s = samples.get(k)!.sort((a, b) => a - b);
      return [k, { medianMs: median(s), minMs: s[0]!, peakMemoryRiseMiB: Math.round(rises.get(k)! / 2 ** 20) }];
    }),
  );
}

/** The data-sheet writer before issue 9: a new style object for every cell, the workbook in memory. */
async function previousWriter(book: DataWorkbook, out: string): Promise<void> {
  const wb = newWorkbook(book.meta);
  for (const opts of book.sheets) {
    const ws = wb.addWorksheet(sheetName(opts.name), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0, activeCell: 'A3' }] });
    ws.getCell('A1').value = safeText(opts.title);
    ws.getCell('A1').font = { name: hs.excel.font, size: hs.excel.titleSizePt, bold: true };
    const header = ws.getRow(2);
    opts.columns.forEach((c, i) => {
      const cellRef = header.getCell(i + 1);
      cellRef.value = c.header;
      cellRef.font = { name: hs.excel.font, size: hs.excel.sizePt, bold: true };
      cellRef.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.excel.headerFill } };
      cellRef.alignment = { vertical: 'top', wrapText: true };
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.min(60, Math.max(12, c.header.length + 4));
      const fmt = numberFormat(c.type);
      if (fmt) col.numFmt = fmt;
    });
    opts.rows.forEach((row, r) => {
      const excelRow = ws.getRow(r + 3);
      opts.columns.forEach((c, i) => {
        const cellRef = excelRow.getCell(i + 1);
        cellRef.value = cellValue(c.type, row[c.key]);
        cellRef.font = { name: hs.excel.font, size: hs.excel.sizePt };
        const fmt = numberFormat(c.type);
        if (fmt) cellRef.numFmt = fmt;
        cellRef.alignment = c.type === 'text' ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
      });
    });
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + opts.rows.length, column: Math.max(1, opts.columns.length) } };
    fitRows(ws, 2, 2 + opts.rows.length);
    printSetup(ws, { marking: opts.marking ?? 'OFFICIAL', orientation: opts.orientation, titleRows: '1:2' });
  }
  await writeXlsx(out, wb);
}

/** The charts as before issue 9: every system font loaded for each chart. */
async function chartsWithEverySystemFont(svgs: string[]): Promise<void> {
  const options = { fitTo: { mode: 'zoom' as const, value: 1.5 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' } };
  let next = 0;
  const worker = async () => {
    while (next < svgs.length) Buffer.from((await renderAsync(svgs[next++]!, options)).asPng());
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

const args = parseExportBenchArgs(process.argv.slice(2), 'performance-exports', 3);
await withBenchWorkspace(args, 'performance', async ({ dir: temp, store, session }) => {
  const ctx = { ...makeCtx(store, 'bench', session.now), operation: 'bench' };
  const asAt = FIXTURE_TODAY;
  const n = args.iterations;
  const results: Record<string, Timing> = {};
  const group = async (title: string, cases: Record<string, Case>) => {
    console.log(`\n${title}`);
    const timed = await timeTogether(n, cases);
    for (const [label, t] of Object.entries(timed)) {
      results[label] = t;
      console.log(`  ${label.padEnd(74)} median ${t.medianMs.toFixed(0).padStart(6)} ms   min ${t.minMs.toFixed(0).padStart(6)} ms   memory +${String(t.peakMemoryRiseMiB).padStart(4)} MiB`);
    }
  };
  const ratios: Record<string, number> = {};
  const ratio = (name: string, a: string, b: string) => {
    ratios[name] = results[a]!.medianMs / results[b]!.medianMs;
    // Memory outside V8 (resvg's) is not seen: a ratio of two small figures says nothing.
    const mem = Math.min(results[a]!.peakMemoryRiseMiB, results[b]!.peakMemoryRiseMiB) >= 5 ? `; memory ${(results[a]!.peakMemoryRiseMiB / results[b]!.peakMemoryRiseMiB).toFixed(2)}×` : '';
    console.log(`  ${name}: time ${ratios[name]!.toFixed(2)}×${mem}`);
  };

  console.log(`Timing on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; ${n} rounds after a warm-up; ${gc ? 'memory measured after a collection' : 'run with node --expose-gc for steadier memory figures'}`);
  console.log(`Chart fonts: ${chartFonts().join(', ') || 'every system font'}`);
  await group('Screens', {
    'performance.scorecard (200 indicators)': () => call(session, 'performance.scorecard', { asAt }),
    'performance.exceptions': () => call(session, 'performance.exceptions', { asAt }),
    'performance.detail (one indicator, 120 months)': () => call(session, 'performance.detail', { indicatorId: 1, asAt }),
  });

  const parts = await reportParts(ctx, asAt);
  const svgs = parts.details.map((d) => chartSvg(d.chart, { width: 900, height: 420 }));
  const REPORT_FIRST = 'performance.exportReport (.docx, 200 charts), first time (chart cache cleared)';
  const REPORT_AGAIN = 'performance.exportReport again, charts unchanged (PNG cache of this process)';
  const CHARTS_NOW = '200 charts SVG → PNG, chart fonts found once (now)';
  const CHARTS_BEFORE = '200 charts SVG → PNG, every system font for each chart (before)';
  await group('Performance report', {
    [REPORT_FIRST]: () => (clearChartCache(), call(session, 'performance.exportReport', { asAt, out: join(temp, 'report.docx') })),
    // Untimed first: the cache is filled with this data's charts (a case before it may have cleared it).
    [REPORT_AGAIN]: { setup: () => svgsToPngs(svgs), run: () => call(session, 'performance.exportReport', { asAt, out: join(temp, 'report.docx') }) },
    [CHARTS_NOW]: () => (clearChartCache(), svgsToPngs(svgs)),
    [CHARTS_BEFORE]: () => chartsWithEverySystemFont(svgs),
  });

  const book = await buildDataset(ctx, asAt);
  const EXPORT = 'performance.exportDataset (.xlsx, streamed; read + build + write)';
  const BUILD = 'buildDataset alone (read the workspace, build the rows)';
  const NOW = 'the writer now (streamed, shared styles), rows already built';
  const PLAIN = 'plain exceljs, same cells and styles, in memory, file written';
  const PLAIN_STREAM = 'plain exceljs, same cells and styles, streamed, file written';
  const BEFORE = 'the writer before issue 9 (style object per cell, in memory)';
  await group(`Performance dataset: ${book.sheets.map((s) => `${s.name} ${s.rows.length} rows × ${s.columns.length} columns`).join(', ')}`, {
    [EXPORT]: () => call(session, 'performance.exportDataset', { asAt, out: join(temp, 'dataset.xlsx') }),
    [BUILD]: () => buildDataset(ctx, asAt),
    [NOW]: () => writeDataWorkbook(join(temp, 'now.xlsx'), book.meta, book.sheets),
    [PLAIN]: () => plainInMemory(book, join(temp, 'plain.xlsx')),
    [PLAIN_STREAM]: () => plainStreamed(book, join(temp, 'plain-stream.xlsx')),
    [BEFORE]: () => previousWriter(book, join(temp, 'previous.xlsx')),
  });

  console.log('\nRatios (medians of the same rounds):');
  ratio('report, first time / charts unchanged', REPORT_FIRST, REPORT_AGAIN);
  ratio('charts, every system font (before) / chart fonts once (now)', CHARTS_BEFORE, CHARTS_NOW);
  ratio('dataset writer now / plain exceljs in memory', NOW, PLAIN);
  ratio('dataset writer now / plain exceljs streamed', NOW, PLAIN_STREAM);
  ratio('dataset writer before / now', BEFORE, NOW);
  ratio('whole dataset export / plain exceljs in memory (the export also reads the workspace)', EXPORT, PLAIN);
  writeResults('performance-exports', { at: new Date().toISOString(), cores: cpus().length, loadAverage: loadavg()[0], rounds: n, gc: Boolean(gc), chartFonts: chartFonts(), results, ratios });
});
