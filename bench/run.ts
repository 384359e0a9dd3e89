/**
 * npm run bench [-- --db FILE] [--iterations 20] [--warmup 3] [--seed N]
 *
 * Builds the synthetic ten-year workspace in a temp folder (or reuses --db FILE, building
 * it there if the file does not exist), then times each case of bench/cases.ts: through
 * the real dispatcher and, beside it, as the raw better-sqlite3 statement. Dispatch and raw
 * iterations alternate so that load from other processes falls on both alike. Prints a
 * table and writes bench/results/latest.json. See docs/bench.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Statement } from 'better-sqlite3';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase, type Db } from '../main/db/connection';
import { benchCases, lookupFixture, PROPOSED_INDEXES, type BenchCase } from './cases';
import { FIXTURE_TODAY, generateWorkspace, tableCounts, type GenerateResult } from './generate';
import { median } from './harness';

/** Targets from docs/bench.md. */
const TARGET_MS = 50;
const TARGET_RATIO = 1.5;
/** Lists at least this long count as "large" for the ratio target. */
const LARGE_LIST = 100;

interface Args {
  db?: string;
  iterations: number;
  warmup: number;
  seed?: number;
  proposedIndexes: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { iterations: 20, warmup: 3, proposedIndexes: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--proposed-indexes') {
      args.proposedIndexes = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--db') args.db = resolve(value);
    else if (flag === '--iterations') args.iterations = Number(value);
    else if (flag === '--warmup') args.warmup = Number(value);
    else if (flag === '--seed') args.seed = Number(value);
    else throw new Error(`Unknown option ${flag}. Usage: npm run bench -- [--db FILE] [--iterations 20] [--warmup 3] [--seed N] [--proposed-indexes]`);
  }
  if (!(Number.isInteger(args.iterations) && args.iterations >= 1)) throw new Error('--iterations must be a whole number of at least 1');
  if (!(Number.isInteger(args.warmup) && args.warmup >= 0)) throw new Error('--warmup must be a whole number');
  return args;
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: median(sorted), p95Ms: percentile(sorted, 95), minMs: sorted[0]! };
}

export interface CaseResult {
  name: string;
  area: string;
  operation: string | null;
  /** For a raw-only case: why it has no operation. */
  label?: string;
  rows: number;
  dispatch: Timing | null;
  raw: Timing;
  ratio: number | null;
  /** Target checks: "over 50 ms", "ratio above 1.5×". */
  misses: string[];
}

/** Foreign-key columns that no index starts with: every join or ON DELETE action on them scans the child table. */
function unindexedForeignKeys(db: Db): string[] {
  const out: string[] = [];
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const table of tables) {
    const leading = new Set<string>();
    for (const index of db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(table) as string[]) {
      const first = db.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(index) as string | undefined;
      if (first) leading.add(first);
    }
    const pk = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk = 1').pluck().get(table) as string | undefined;
    if (pk) leading.add(pk);
    for (const fk of db.prepare('SELECT "from" AS col, "table" AS target, on_delete FROM pragma_foreign_key_list(?)').all(table) as {
      col: string;
      target: string;
      on_delete: string;
    }[]) {
      if (!leading.has(fk.col)) out.push(`${table}.${fk.col} → ${fk.target} (ON DELETE ${fk.on_delete})`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  let tempDir: string | null = null;
  let path: string;
  let generation: GenerateResult | null = null;
  const log = (line: string) => console.log(line);

  if (args.db && existsSync(args.db)) {
    if (args.proposedIndexes) throw new Error('--proposed-indexes changes the file; use it without --db, on a workspace the bench generates.');
    path = args.db;
    log(`Reusing ${path}`);
  } else {
    if (args.db) path = args.db;
    else {
      tempDir = mkdtempSync(join(tmpdir(), 'board-secretariat-bench-'));
      path = join(tempDir, 'ten-years.db');
    }
    generation = generateWorkspace(path, { years: 10, seed: args.seed, log });
  }

  try {
    const db = openDatabase(path, { verify: false });
    if (args.proposedIndexes) {
      for (const text of PROPOSED_INDEXES) db.exec(text);
      log(`Added the ${PROPOSED_INDEXES.length} proposed indexes to the bench copy.`);
    }
    const counts = generation?.counts ?? tableCounts(db);
    const fixture = lookupFixture(db);

    // Record every statement text the dispatcher prepares, so each raw case can be checked
    // against (and run with) the repository's own SQL.
    const prepareRaw = db.prepare.bind(db) as Db['prepare'];
    const preparedByDispatch = new Map<string, string>();
    db.prepare = ((text: string) => {
      preparedByDispatch.set(normalise(text), text);
      return prepareRaw(text);
    }) as Db['prepare'];

    // The workspace's own "today", so overdue flags and the week's dashboard match the generated data.
    const session: Session = { db, actor: 'bench', now: () => new Date(`${FIXTURE_TODAY}T12:00:00`), log: (message, err) => console.error(message, err) };
    const cases = benchCases(fixture);
    const results: CaseResult[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampleRss = () => {
      const rss = process.memoryUsage().rss;
      if (rss > peakRss) peakRss = rss;
    };

    log(`\nTiming ${cases.length} cases: ${args.warmup} warm-up + ${args.iterations} timed iterations each\n`);
    for (const c of cases) {
      results.push(await runCase(c, session, prepareRaw, preparedByDispatch, args, sampleRss));
    }

    const sizeBytes = statSync(path).size + (existsSync(path + '-wal') ? statSync(path + '-wal').size : 0);
    const sqliteVersion = prepareRaw('SELECT sqlite_version()').pluck().get() as string;
    const fkGaps = unindexedForeignKeys(db);
    db.close();

    printTable(results);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const misses = results.filter((r) => r.misses.length > 0);
    log('');
    log(`Workspace: ${(sizeBytes / 1048576).toFixed(1)} MiB; ${counts.meeting} meetings, ${counts.agenda_item} agenda items, ${counts.decision} decisions, ${counts.action} actions, ` +
      `${counts.indicator_value} indicator values, ${counts.spend} spend rows, ${counts.audit_log} audit rows` +
      (generation ? `; generated in ${(generation.ms / 1000).toFixed(1)} s` : ' (reused)'));
    log(`Memory: peak RSS sampled while timing ${(peakRss / 1048576).toFixed(0)} MiB; process maximum RSS ${(maxRss / 1048576).toFixed(0)} MiB`);
    log(`Targets: every list under ${TARGET_MS} ms (p95); dispatch at most ${TARGET_RATIO}× raw for lists of ${LARGE_LIST}+ rows.`);
    log(misses.length === 0 ? 'All targets met.' : `Missed: ${misses.map((r) => `${r.name} (${r.misses.join(', ')})`).join('; ')}`);
    if (fkGaps.length > 0) {
      log(`\nForeign keys that no index starts with (a join or ON DELETE on them scans the child table):`);
      for (const gap of fkGaps) log(`  ${gap}`);
    }

    const report = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, sqlite: sqliteVersion },
      settings: { iterations: args.iterations, warmup: args.warmup, proposedIndexes: args.proposedIndexes ? PROPOSED_INDEXES : [], targetMs: TARGET_MS, targetRatio: TARGET_RATIO, largeList: LARGE_LIST },
      workspace: {
        reused: generation === null,
        seed: generation?.seed ?? null,
        generationMs: generation ? Math.round(generation.ms) : null,
        sizeBytes,
        counts,
      },
      memory: { peakRssSampledBytes: peakRss, maxRssBytes: maxRss },
      unindexedForeignKeys: fkGaps,
      cases: results,
    };
    const outDir = join(here, 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    log(`\nWrote ${join(outDir, 'latest.json')}`);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function runCase(
  c: BenchCase,
  session: Session,
  prepareRaw: Db['prepare'],
  preparedByDispatch: Map<string, string>,
  args: Args,
  sampleRss: () => void,
): Promise<CaseResult> {
  let dispatchRows = 0;
  const callDispatch = async () => {
    const envelope = await dispatch(session, c.op!.name, c.op!.input);
    if (!envelope.ok) throw new Error(`${c.name}: ${c.op!.name} failed: ${envelope.error.code}: ${envelope.error.message}`);
    const value = envelope.value;
    dispatchRows = Array.isArray(value) ? value.length : 1;
  };
  if (c.op) for (let i = 0; i < Math.max(1, args.warmup); i++) await callDispatch();

  // For a case with an operation, run the exact text the dispatcher prepared.
  const statements: { stmt: Statement; params: BenchCase['raw'][number]['params'] }[] = c.raw.map((q) => {
    let text = q.sql;
    if (c.op) {
      const seen = preparedByDispatch.get(normalise(q.sql));
      if (!seen) {
        throw new Error(
          `bench/cases.ts is out of date: the raw SQL of "${c.name}" is not a statement ${c.op.name} prepared. ` +
            `Copy the repository's current SQL into the case.\n  ${normalise(q.sql)}`,
        );
      }
      text = seen;
    }
    return { stmt: prepareRaw(text), params: q.params };
  });
  let rawRows = 0;
  const callRaw = () => {
    rawRows = 0;
    for (const { stmt, params } of statements) rawRows += (Array.isArray(params) ? stmt.all(...params) : params ? stmt.all(params) : stmt.all()).length;
  };
  for (let i = 0; i < args.warmup; i++) callRaw();

  const dispatchSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < args.iterations; i++) {
    if (c.op) {
      const t0 = process.hrtime.bigint();
      await callDispatch();
      dispatchSamples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      sampleRss();
    }
    const t0 = process.hrtime.bigint();
    callRaw();
    rawSamples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    sampleRss();
  }

  const raw = summarise(rawSamples);
  const viaDispatch = c.op ? summarise(dispatchSamples) : null;
  const rows = c.op ? dispatchRows : rawRows;
  const ratio = viaDispatch ? viaDispatch.medianMs / raw.medianMs : null;
  const misses: string[] = [];
  const p95 = (viaDispatch ?? raw).p95Ms;
  if (p95 > TARGET_MS) misses.push(`p95 ${p95.toFixed(1)} ms > ${TARGET_MS} ms`);
  if (ratio !== null && rows >= LARGE_LIST && ratio > TARGET_RATIO) misses.push(`ratio ${ratio.toFixed(2)}× > ${TARGET_RATIO}×`);
  return { name: c.name, area: c.area, operation: c.op?.name ?? null, ...(c.op ? {} : { label: c.label ?? '(no operation yet)' }), rows, dispatch: viaDispatch, raw, ratio, misses };
}

function printTable(results: CaseResult[]): void {
  const ms = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
  const header = ['operation', 'rows', 'median ms', 'p95 ms', 'raw median ms', 'raw p95 ms', 'ratio'];
  const lines = results.map((r) => [
    r.operation ? r.name : `${r.name} ${r.label}`,
    String(r.rows),
    ms(r.dispatch?.medianMs),
    ms(r.dispatch?.p95Ms),
    ms(r.raw.medianMs),
    ms(r.raw.p95Ms),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
  ].concat(r.misses.length ? ['  ← ' + r.misses.join(', ')] : []));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i >= header.length ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
