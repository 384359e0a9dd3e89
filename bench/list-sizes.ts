/**
 * What each list a screen loads sends at ten years: the answer's rows and bytes as JSON and
 * its time through the dispatcher (a median of a few calls), so a list that still sends
 * everything is seen beside the paged ones (issue 9). Not a speed target: a census.
 *
 * Run: npx tsx bench/list-sizes.ts [--db FILE] [--iterations 5]
 */
import { call, parseExportBenchArgs, time, withBenchWorkspace, writeResults } from './harness';

const LISTS: [string, unknown][] = [
  ['action.list', {}],
  ['decision.list', {}],
  ['paper.list', {}],
  ['meeting.list', {}],
  ['meeting.choices', {}],
  ['person.list', {}],
  ['organisation.list', {}],
  ['board.list', {}],
  ['indicator.list', {}],
  ['fundingStream.list', {}],
  ['award.list', { streamId: 1 }],
  ['audit.list', {}],
];

async function main(): Promise<void> {
  const args = parseExportBenchArgs(process.argv.slice(2), 'list-sizes', 5);
  await withBenchWorkspace(args, 'list-sizes', async ({ session }) => {
    const results: { op: string; rows: number; total: number | null; bytes: number; medianMs: number }[] = [];
    for (const [op, input] of LISTS) {
      const value = await call<unknown>(session, op, input);
      const rows = Array.isArray(value) ? value.length : (value as { rows: unknown[] }).rows.length;
      const total = Array.isArray(value) ? null : (value as { total: number }).total;
      const t = await time(args.iterations, () => call(session, op, input));
      results.push({ op, rows, total, bytes: Buffer.byteLength(JSON.stringify(value)), medianMs: Math.round(t.medianMs * 10) / 10 });
    }
    console.log('\n| list (default input) | rows sent | of | bytes | median ms |\n|---|---:|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.op} | ${r.rows.toLocaleString('en-GB')} | ${r.total === null ? 'all' : r.total.toLocaleString('en-GB')} | ${r.bytes.toLocaleString('en-GB')} | ${r.medianMs} |`);
    writeResults('list-sizes', results);
  });
}

await main();
