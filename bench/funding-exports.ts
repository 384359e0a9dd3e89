/**
 * npx tsx bench/funding-exports.ts [--db FILE] [--iterations 5]
 *
 * The funding area on the ten-year workspace, each beside its floor:
 *   - funding.position for the busiest stream-year through the dispatcher, beside every
 *     statement one call of it runs, with its parameters, recorded from that call (the rest
 *     is the pure computation, validation and mapping);
 *   - funding.overview for a year (every stream);
 *   - funding.exportReturn (position + template + formulas with results + protection + write)
 *     beside a bare exceljs build of the same cells (same values and formulas, no styles,
 *     no protection, no template);
 *   - funding.exportSummary as .docx and .xlsx;
 * and a reconciliation pass over every stream and year: position totals against a straight
 * SQL sum of the spend table. Results go to bench/results/funding-exports.json.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FundingStreamSummary, Position } from '../main/funding/contract';
import { call, parseExportBenchArgs, time, withBenchWorkspace, writeResults } from './harness';

const pounds = (p: number) => p / 100;

/** The return's cells with exceljs alone: the same values and formulas (with results), nothing else. */
async function bareReturn(p: Position): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('Cover');
  const spend = wb.addWorksheet('Spend by heading');
  const split = wb.addWorksheet('Revenue and capital');
  const projects = wb.addWorksheet('Funded projects');
  const n = p.headings.length;
  const total = 3 + n;
  spend.addRow(['Spend by heading']);
  spend.addRow(['Spend heading', 'Revenue or capital', 'Budget', 'Actual this quarter', 'Actual to date', 'Forecast to year end', 'Variance']);
  p.headings.forEach((h, i) => {
    const r = 3 + i;
    spend.addRow([h.heading, h.costType === 'capital' ? 'Capital' : 'Revenue', pounds(h.budgetPence), pounds(h.actualQuarterPence), pounds(h.actualToDatePence), pounds(h.forecastYearEndPence), { formula: `C${r}-F${r}`, result: pounds(h.variancePence) }]);
  });
  const t = p.totals;
  spend.addRow(['Total', null, ...['C', 'D', 'E', 'F'].map((c, i) => ({ formula: `SUM(${c}3:${c}${total - 1})`, result: pounds([t.budgetPence, t.actualQuarterPence, t.actualToDatePence, t.forecastYearEndPence][i]!) })), { formula: `C${total}-F${total}`, result: pounds(t.variancePence) }]);
  split.addRow(['Revenue and capital']);
  split.addRow(['Revenue or capital', 'Budget', 'Actual this quarter', 'Actual to date', 'Forecast to year end', 'Variance']);
  p.costTypes.forEach((c, i) => {
    const r = 3 + i;
    const sumif = (col: string, v: number) => ({ formula: `SUMIF('Spend by heading'!$B$3:$B$${total - 1},$A${r},'Spend by heading'!${col}$3:${col}$${total - 1})`, result: pounds(v) });
    split.addRow([c.costType === 'capital' ? 'Capital' : 'Revenue', sumif('C', c.budgetPence), sumif('D', c.actualQuarterPence), sumif('E', c.actualToDatePence), sumif('F', c.forecastYearEndPence), { formula: `B${r}-E${r}`, result: pounds(c.variancePence) }]);
  });
  split.addRow(['Total', ...['B', 'C', 'D', 'E', 'F'].map((c) => ({ formula: `SUM(${c}3:${c}4)` }))]);
  projects.addRow(['Funded projects']);
  projects.addRow(['Organisation', 'Project', 'Tier', 'Theme', 'Award', 'Paid', 'Remaining', 'Monitoring met']);
  p.awards.forEach((a, i) => projects.addRow([a.organisationName, a.project, a.tier, a.theme, pounds(a.awardPence), pounds(a.paidPence), { formula: `E${3 + i}-F${3 + i}`, result: pounds(a.remainingPence) }, a.monitoringMet ? 'Yes' : 'No']));
  cover.addRow(['Grant spend return']);
  cover.addRow(['Item', 'Value']);
  for (const [k, v] of [['Grant', p.stream.name], ['Financial year', p.financialYear], ['Allocation', pounds(p.allocationPence)]] as const) cover.addRow([k, v]);
  cover.addRow(['Actual spend this quarter', { formula: `'Spend by heading'!$D$${total}`, result: pounds(t.actualQuarterPence) }]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const args = parseExportBenchArgs(process.argv.slice(2), 'funding-exports', 5);
  // Its raw side re-runs the statements the dispatcher ran, captured on the SQLite handle.
  if (args.engine !== 'sqlite') throw new Error('bench/funding-exports.ts runs on SQLite only: its raw side replays the statements prepared on the SQLite file (bench/run.ts times funding.position on both engines).');
  await withBenchWorkspace(args, 'funding', async ({ dir, db, session }) => {

    // The stream-year with the most spend rows.
    const busiest = db
      .prepare(
        `SELECT b.stream_id AS streamId, b.financial_year AS fy, count(*) AS n FROM spend s JOIN budget_line b ON b.id = s.budget_line_id
         GROUP BY 1, 2 ORDER BY n DESC LIMIT 1`,
      )
      .get() as { streamId: number; fy: string; n: number };
    const streams = await call<FundingStreamSummary[]>(session, 'fundingStream.list', {});
    const stream = streams.find((s) => s.id === busiest.streamId)!;
    const position = await call<Position>(session, 'funding.position', { streamId: stream.id, financialYear: busiest.fy, asOfQuarter: 4 });

    // The raw side runs every statement one funding.position call runs, with the same
    // parameters: recorded from that call (Kysely's driver runs each with .all() or .run()
    // on a better-sqlite3 statement), not copied from the repository, so it cannot fall
    // behind it. The recording is then switched off.
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'all' | 'run', (...a: unknown[]) => unknown>;
    const ran: { source: string; method: 'all' | 'run'; args: unknown[] }[] = [];
    const originals = { all: proto.all, run: proto.run };
    for (const method of ['all', 'run'] as const) {
      proto[method] = function (this: { source: string }, ...a: unknown[]) {
        ran.push({ source: this.source, method, args: a });
        return originals[method].apply(this, a);
      };
    }
    try {
      await call<Position>(session, 'funding.position', { streamId: stream.id, financialYear: busiest.fy, asOfQuarter: 4 });
    } finally {
      Object.assign(proto, originals);
    }
    const statements = ran.map((r) => ({ stmt: db.prepare(r.source), method: r.method, params: r.args }));
    console.log(`funding.position ran ${statements.length} statements; the raw side runs the same ${statements.length}.`);

    const n = args.iterations;
    const results = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
      iterations: n,
      workspace: {
        streams: streams.length,
        spendRows: (db.prepare('SELECT count(*) FROM spend').pluck().get() as number),
        busiest: { stream: stream.reference, financialYear: busiest.fy, lineSpendRows: busiest.n, lines: position.lines.length, awards: position.awards.length },
      },
      position: {
        throughApi: await time(n * 4, () => call(session, 'funding.position', { streamId: stream.id, financialYear: busiest.fy, asOfQuarter: 4 })),
        statements: statements.length,
        rawSqlOnly: await time(n * 4, () => statements.forEach((s) => s.stmt[s.method](...s.params))),
      },
      overview: { throughApi: await time(n, () => call(session, 'funding.overview', { financialYear: busiest.fy })) },
      spendGrid: { throughApi: await time(n, () => call(session, 'spend.grid', { streamId: stream.id, financialYear: busiest.fy })) },
      returnXlsx: {
        exportThroughApi: await time(n, () => call(session, 'funding.exportReturn', { streamId: stream.id, financialYear: busiest.fy, quarter: 4, out: join(dir, 'return.xlsx') })),
        bareExceljs: await time(n, () => bareReturn(position)),
      },
      summary: {
        docxThroughApi: await time(n, () => call(session, 'funding.exportSummary', { financialYear: busiest.fy, format: 'docx', out: join(dir, 'summary.docx') })),
        xlsxThroughApi: await time(n, () => call(session, 'funding.exportSummary', { financialYear: busiest.fy, format: 'xlsx', out: join(dir, 'summary.xlsx') })),
      },
      reconciliation: { streamYears: 0, mismatches: [] as string[], ms: 0 },
      peakRssMiB: 0,
    };

    const t0 = Date.now();
    const sum = db.prepare(`
      SELECT coalesce((SELECT sum(s.amount_pence) FROM budget_line b JOIN spend s ON s.budget_line_id = b.id
                        WHERE b.stream_id = @stream AND b.financial_year = @fy AND s.kind = 'actual'), 0)
           + coalesce((SELECT sum(s.amount_pence) FROM award a JOIN spend s ON s.award_id = a.id
                        WHERE a.stream_id = @stream AND s.kind = 'actual' AND s.month BETWEEN @first AND @last), 0)`).pluck();
    for (const s of streams) {
      for (const fy of s.years) {
        const y = Number(fy.slice(0, 4));
        const p = await call<Position>(session, 'funding.position', { streamId: s.id, financialYear: fy, asOfQuarter: 4 });
        const sql = sum.get({ stream: s.id, fy, first: `${y}-04`, last: `${y + 1}-03` }) as number;
        const fromLines = p.lines.reduce((a, l) => a + l.actualToDatePence, 0);
        const fromQuarters = p.totals.quarters.reduce((a, q) => a + q.actualPence, 0);
        if (p.totals.actualToDatePence !== sql || fromLines !== sql || fromQuarters !== sql) results.reconciliation.mismatches.push(`${s.reference} ${fy}: ${p.totals.actualToDatePence} vs ${sql}`);
        results.reconciliation.streamYears++;
      }
    }
    results.reconciliation.ms = Date.now() - t0;
    results.peakRssMiB = Math.round(process.memoryUsage().rss / 1048576);
    db.close();

    const ms = (t: { medianMs: number }) => `${t.medianMs.toFixed(1).padStart(8)} ms`;
    const w = results.workspace;
    console.log(`\nTen-year workspace: ${w.streams} streams, ${w.spendRows} spend rows. Busiest stream-year: ${w.busiest.stream} ${w.busiest.financialYear} (${w.busiest.lines} lines incl. ${w.busiest.awards} awards).`);
    console.log(`  funding.position (dispatch, SQL, compute, warnings)  ${ms(results.position.throughApi)}`);
    console.log(`  the same ${results.position.statements} statements alone                         ${ms(results.position.rawSqlOnly)}`);
    console.log(`  funding.overview (every stream of the year)         ${ms(results.overview.throughApi)}`);
    console.log(`  spend.grid                                          ${ms(results.spendGrid.throughApi)}`);
    console.log(`  funding.exportReturn (template, formulas, protect)  ${ms(results.returnXlsx.exportThroughApi)}`);
    console.log(`  bare exceljs build of the same cells               ${ms(results.returnXlsx.bareExceljs)}`);
    console.log(`  funding.exportSummary docx                          ${ms(results.summary.docxThroughApi)}`);
    console.log(`  funding.exportSummary xlsx                          ${ms(results.summary.xlsxThroughApi)}`);
    console.log(`  reconciliation: ${results.reconciliation.streamYears} stream-years, ${results.reconciliation.mismatches.length} mismatches (${results.reconciliation.ms} ms)`);
    writeResults('funding-exports', results);
    if (results.reconciliation.mismatches.length > 0) process.exitCode = 1;
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
