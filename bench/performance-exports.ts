/**
 * npx tsx bench/performance-exports.ts [--db FILE] [--iterations 3]
 *
 * The performance area on the ten-year workspace (200 indicators × 120 months):
 *   - performance.scorecard, .exceptions and .detail through the dispatcher;
 *   - performance.exportReport: the Word report with 200 charts, beside its parts — the
 *     200 charts drawn as SVG and rasterised to PNG alone, and the document built and
 *     packed without charts;
 *   - performance.exportDataset: the .xlsx of 24,000 indicator-period rows, beside a bare
 *     exceljs sheet of the same rows (no styles: the floor the library sets).
 * The workspace is generated in a temp folder (or copied there from --db, which is not
 * changed); exports go to the same folder. Results go to bench/results/performance-exports.json; docs/performance.md
 * quotes a run.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { svgsToPngs } from '../main/performance/chart-png';
import { chartSvg } from '../main/performance/chart-svg';
import { reportParts } from '../main/performance/report-docx';
import { values } from '../main/performance/repository';
import { makeCtx } from '../main/shared/context';
import { FIXTURE_TODAY } from './generate';
import { call, parseExportBenchArgs, time, withBenchWorkspace, writeResults } from './harness';

const args = parseExportBenchArgs(process.argv.slice(2), 'performance-exports', 3);
await withBenchWorkspace(args, 'performance', async ({ dir: temp, store, session }) => {
  const ctx = { ...makeCtx(store, 'bench', session.now), operation: 'bench' };
  const asAt = FIXTURE_TODAY;
  const n = args.iterations;
  const results: Record<string, { medianMs: number; minMs: number }> = {};
  const run = async (label: string, fn: () => Promise<unknown>) => {
    results[label] = await time(n, fn);
    console.log(`${label.padEnd(58)} median ${results[label]!.medianMs.toFixed(0).padStart(6)} ms   min ${results[label]!.minMs.toFixed(0).padStart(6)} ms`);
  };

  console.log(`Timing on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; ${n} iterations after a warm-up`);
  await run('performance.scorecard (200 indicators)', () => call(session, 'performance.scorecard', { asAt }));
  await run('performance.exceptions', () => call(session, 'performance.exceptions', { asAt }));
  await run('performance.detail (one indicator, 120 months)', () => call(session, 'performance.detail', { indicatorId: 1, asAt }));
  await run('performance.exportReport (.docx, 200 charts)', () => call(session, 'performance.exportReport', { asAt, out: join(temp, 'report.docx') }));
  const parts = await reportParts(ctx, asAt);
  await run('  of which: 200 charts, SVG → PNG alone', () => svgsToPngs(parts.details.map((d) => chartSvg(d.chart, { width: 900, height: 420 }))));
  await run('performance.exportDataset (.xlsx, 24,000 rows)', () => call(session, 'performance.exportDataset', { asAt, out: join(temp, 'dataset.xlsx') }));
  const rows = await values.allCurrent(ctx);
  await run('  floor: bare exceljs sheet of the same rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    for (const r of rows) ws.addRow([r.indicatorId, r.period, r.value, r.status, r.note, r.receivedOn, r.suppliedByOrganisationName ?? '']);
    await wb.xlsx.writeBuffer();
  });

  writeResults('performance-exports', { at: new Date().toISOString(), cores: cpus().length, loadAverage: loadavg()[0], iterations: n, results });
});
