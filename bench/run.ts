/**
 * npm run bench [-- --engine sqlite|postgres|both] [--demo | --years 10 | --db FILE]
 *                   [--rounds 3] [--iterations 20] [--warmup 3] [--seed N] [--case TEXT] [--proposed-indexes]
 *
 * Builds the synthetic workspace in a temp folder (ten years unless --years says fewer; the
 * demo workspace with --demo; or reuses --db FILE, building it there if the file does not
 * exist), then times each case of bench/cases.ts on each engine asked for: through the real
 * dispatcher and, beside it, the same SQL run raw (better-sqlite3 on SQLite; one pg Client on
 * PostgreSQL). For PostgreSQL a throw-away cluster is started (test/helpers/postgres.ts) and
 * the SQLite workspace is moved into it through the bundle, as `cli import` would. Dispatch
 * and raw iterations alternate, and with both engines each round times SQLite then
 * PostgreSQL, so that load from other processes falls on every side alike. Prints a table
 * and writes bench/results/latest.json. See docs/bench.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Statement } from 'better-sqlite3';
import pg from 'pg';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase, openedWorkspace, type Db } from '../main/db/connection';
import { sqliteStore } from '../main/db/sqlite-store';
import { bind, compileSql } from '../main/db/statements';
import type { Engine } from '../main/db/store';
import { startCluster, type Cluster } from '../test/helpers/postgres';
import { benchCases, lookupFixture, paramsFor, PROPOSED_INDEXES, sqlFor, type BenchCase, type RawQuery } from './cases';
import { FIXTURE_TODAY, generateWorkspace, tableCounts, type GenerateResult } from './generate';
import { median } from './harness';
import { copyToPostgres } from './postgres-copy';

/** Targets from docs/bench.md. */
const TARGET_MS = 50;
const TARGET_RATIO = 1.5;
/** Lists at least this long count as "large" for the ratio target. */
const LARGE_LIST = 100;

type EngineChoice = Engine | 'both';

interface Args {
  db?: string;
  engine: EngineChoice;
  demo: boolean;
  years: number;
  rounds: number;
  iterations: number;
  warmup: number;
  seed?: number;
  /** Only the cases whose name contains this text. */
  only?: string;
  proposedIndexes: boolean;
}

const USAGE =
  'Usage: npm run bench -- [--engine sqlite|postgres|both] [--demo | --years 10 | --db FILE] [--rounds 3] [--iterations 20] [--warmup 3] [--seed N] [--case TEXT] [--proposed-indexes]';

function parseArgs(argv: string[]): Args {
  const args: Args = { engine: 'sqlite', demo: false, years: 10, rounds: 3, iterations: 20, warmup: 3, proposedIndexes: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--proposed-indexes') {
      args.proposedIndexes = true;
      continue;
    }
    if (flag === '--demo') {
      args.demo = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
    i++;
    if (flag === '--db') args.db = resolve(value);
    else if (flag === '--engine') {
      if (value !== 'sqlite' && value !== 'postgres' && value !== 'both') throw new Error(`--engine is sqlite, postgres or both, not ${value}`);
      args.engine = value;
    } else if (flag === '--years') args.years = Number(value);
    else if (flag === '--rounds') args.rounds = Number(value);
    else if (flag === '--iterations') args.iterations = Number(value);
    else if (flag === '--warmup') args.warmup = Number(value);
    else if (flag === '--seed') args.seed = Number(value);
    else if (flag === '--case') args.only = value;
    else throw new Error(`Unknown option ${flag}. ${USAGE}`);
  }
  if (!(Number.isInteger(args.iterations) && args.iterations >= 1)) throw new Error('--iterations must be a whole number of at least 1');
  if (!(Number.isInteger(args.rounds) && args.rounds >= 1)) throw new Error('--rounds must be a whole number of at least 1');
  if (!(Number.isInteger(args.warmup) && args.warmup >= 0)) throw new Error('--warmup must be a whole number');
  if (!(Number.isInteger(args.years) && args.years >= 1 && args.years <= 10)) throw new Error('--years must be a whole number from 1 to 10');
  if (args.demo && args.db) throw new Error('--demo builds its own workspace; leave out --db');
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

const middle = (values: number[]) => median([...values].sort((a, b) => a - b));

export interface CaseResult {
  name: string;
  area: string;
  engine: Engine;
  operation: string | null;
  /** For a raw-only case: why it has no operation. */
  label?: string;
  rows: number;
  /** Rows the raw side fetched (all statements together). */
  rawRows: number;
  /** Statements one call of the operation executed, and how many the raw side runs. */
  statements: { dispatch: number | null; raw: number };
  /** Over every round's samples: median, 95th percentile, fastest. */
  dispatch: Timing | null;
  raw: Timing;
  /** The median of the rounds' ratios (each round: its dispatch median over its raw median). */
  ratio: number | null;
  /** Each round's ratio, in order. */
  roundRatios: number[];
  /** Target checks: "over 50 ms", "ratio above 1.5×"; or why the case failed on this engine. */
  misses: string[];
  failed?: boolean;
}

/**
 * Statements the dispatcher executes while `counting` is on: the first warm-up call of each
 * case counts them, so a case whose raw side leaves out a statement the operation runs
 * shows it (the stale check only proves that every raw statement is one the operation ran).
 */
const statementCount: { counting: boolean; n: number; captured: { text: string; values: unknown[] }[] } = { counting: false, n: 0, captured: [] };

/** A case's raw statements on an engine (some run on one engine only). */
const rawOn = (c: BenchCase, engine: Engine): RawQuery[] => c.raw.filter((q) => !q.engines || q.engines.includes(engine));

/** Arguments for bind(): named parameters as one object, positional ones as a list. */
const bindArgs = (q: RawQuery, engine: Engine): unknown[] => {
  const params = paramsFor(q, engine);
  return params === undefined ? [] : [params];
};

/**
 * One engine's side of the bench: the session the dispatcher serves, and for each case a
 * function that runs its raw SQL (the text the dispatcher ran, checked) and counts the rows.
 */
interface EngineSide {
  engine: Engine;
  session: Session;
  prepareRaw(c: BenchCase): () => number | Promise<number>;
  close(): Promise<void>;
}

/**
 * SQLite: the file's own better-sqlite3 handle. Every text the dispatcher prepares on it is
 * recorded (the store prepares through db.prepare, once per text), so each case's raw side
 * runs, through the same handle, exactly the statement the repository ran.
 */
function sqliteSide(db: Db, session: Session): EngineSide {
  const prepareRaw = db.prepare.bind(db) as Db['prepare'];
  const preparedByDispatch = new Map<string, string>();
  // Kysely's SQLite driver runs every statement with .all() (readers) or .run(); the raw side's
  // calls happen with counting off.
  const proto = Object.getPrototypeOf(prepareRaw('SELECT 1')) as Record<'all' | 'run', (...a: unknown[]) => unknown>;
  for (const method of ['all', 'run'] as const) {
    const original = proto[method];
    proto[method] = function (this: unknown, ...a: unknown[]) {
      if (statementCount.counting) {
        statementCount.n++;
        statementCount.captured.push({ text: (this as Statement).source, values: a });
      }
      return original.apply(this, a);
    };
  }
  db.prepare = ((text: string) => {
    preparedByDispatch.set(normalise(text), text);
    return prepareRaw(text);
  }) as Db['prepare'];
  return {
    engine: 'sqlite',
    session,
    prepareRaw(c) {
      if (c.replay) {
        const replayed = statementCount.captured.map(({ text, values }) => ({ stmt: prepareRaw(text), values }));
        return () => {
          let rows = 0;
          for (const { stmt, values } of replayed) rows += stmt.reader ? stmt.all(...values).length : 0;
          return rows;
        };
      }
      const statements: { stmt: Statement; values: unknown[] }[] = rawOn(c, 'sqlite').map((q) => {
        const compiled = compileSql('sqlite', sqlFor(q, 'sqlite'));
        let text = compiled.text;
        if (c.op) {
          const seen = preparedByDispatch.get(normalise(compiled.text));
          if (!seen) throw staleCase(c, 'SQLite', compiled.text);
          text = seen;
        }
        return { stmt: prepareRaw(text), values: bind(compiled, bindArgs(q, 'sqlite')) };
      });
      return () => {
        let rows = 0;
        for (const { stmt, values } of statements) rows += stmt.all(...values).length;
        return rows;
      };
    },
    close: () => session.store.close(),
  };
}

/**
 * int8 and numeric as numbers, as the workspace's own pool reads them (postgres-store.ts), so
 * the raw rows are the rows the repositories see.
 */
const NUMBER_OIDS = new Set([20, 1700]);
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_OIDS.has(oid) && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL: the dispatcher on a store opened by openPostgresStore (a pool, as the app has),
 * the raw side on one pg Client to the same database, sending the same text with the same
 * values the same way (an unnamed extended-protocol query, as Kysely's driver does). Every
 * text any other client sends (the pool's, that is the dispatcher's) is recorded, so each
 * case's raw text is checked against what the repository really sent.
 */
async function postgresSide(url: string, session: Session): Promise<EngineSide> {
  const raw = new pg.Client({ connectionString: url, types: pgTypes });
  await raw.connect();
  const sentByDispatch = new Set<string>();
  const query = pg.Client.prototype.query;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    if (this !== raw) {
      const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
      if (text) sentByDispatch.add(normalise(text));
      if (text && statementCount.counting && !/^(BEGIN|COMMIT|ROLLBACK)/i.test(text)) {
        statementCount.n++;
        const values = (typeof config === 'object' ? (config as { values?: unknown[] } | null)?.values : undefined) ?? (Array.isArray(rest[0]) ? rest[0] : []);
        statementCount.captured.push({ text, values });
      }
    }
    return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
  };
  return {
    engine: 'postgres',
    session,
    prepareRaw(c) {
      if (c.replay) {
        const replayed = [...statementCount.captured];
        return async () => {
          let rows = 0;
          for (const { text, values } of replayed) rows += (await raw.query(text, values)).rows.length;
          return rows;
        };
      }
      const statements = rawOn(c, 'postgres').map((q) => {
        const compiled = compileSql('postgres', sqlFor(q, 'postgres'));
        if (c.op && !sentByDispatch.has(normalise(compiled.text))) throw staleCase(c, 'PostgreSQL', compiled.text);
        return { text: compiled.text, values: bind(compiled, bindArgs(q, 'postgres')) };
      });
      return async () => {
        let rows = 0;
        for (const { text, values } of statements) rows += (await raw.query(text, values)).rows.length;
        return rows;
      };
    },
    async close() {
      pg.Client.prototype.query = query;
      await raw.end();
      await session.store.close();
    },
  };
}

function staleCase(c: BenchCase, engine: string, text: string): Error {
  return new Error(
    `bench/cases.ts is out of date: the raw SQL of "${c.name}" is not a statement ${c.op!.name} ran on ${engine}. ` +
      `Copy the repository's current SQL into the case.\n  ${normalise(text)}`,
  );
}

/** The session's log: the cause of an error envelope, in one line (the run goes on). */
const logError = (message: string, err: unknown) => console.error(`  ${message}: ${err instanceof Error ? err.message : String(err)}`);

/**
 * Medians of `n` opens of the file three ways, in turn: with the quick check before use (the
 * command line), with it 'later' as the desktop app and the bridge open (the open returns and
 * the window is usable while the check runs in a worker; its end is timed too), and without.
 */
async function timeOpens(path: string, n: number): Promise<{ withCheckMs: number; laterUsableMs: number; laterCheckedMs: number; withoutCheckMs: number; opens: number }> {
  const samples = { with: [] as number[], later: [] as number[], checked: [] as number[], without: [] as number[] };
  const ways = [true, 'later', false] as const;
  for (let i = 0; i < n; i++) {
    for (const verify of [...ways.slice(i % 3), ...ways.slice(0, i % 3)]) {
      const t0 = process.hrtime.bigint();
      const db = openDatabase(path, { verify });
      const opened = Number(process.hrtime.bigint() - t0) / 1e6;
      if (verify === 'later') {
        samples.later.push(opened);
        await openedWorkspace(db)!.checked;
        samples.checked.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } else samples[verify ? 'with' : 'without'].push(opened);
      db.close();
    }
  }
  return { withCheckMs: middle(samples.with), laterUsableMs: middle(samples.later), laterCheckedMs: middle(samples.checked), withoutCheckMs: middle(samples.without), opens: n };
}

/** The demo workspace (what `workspace.loadDemo` loads) in a new file. */
async function buildDemo(path: string, now: () => Date): Promise<void> {
  const store = sqliteStore(openDatabase(path));
  try {
    const env = await dispatch({ store, actor: 'bench', now }, 'workspace.loadDemo', {});
    if (!env.ok) throw new Error(`workspace.loadDemo failed: ${env.error.message}`);
  } finally {
    await store.close();
  }
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
  // The workspace's own "today", so overdue flags and the week's dashboard match the generated data.
  const now = () => new Date(`${FIXTURE_TODAY}T12:00:00`);
  const engines: Engine[] = args.engine === 'both' ? ['sqlite', 'postgres'] : [args.engine];
  const workspaceName = args.demo ? 'demo' : args.db && existsSync(args.db) ? 'reused' : `${args.years}-year`;

  if (args.db && existsSync(args.db)) {
    if (args.proposedIndexes) throw new Error('--proposed-indexes changes the file; use it without --db, on a workspace the bench generates.');
    path = args.db;
    log(`Reusing ${path}`);
  } else {
    if (args.db) path = args.db;
    else {
      tempDir = mkdtempSync(join(tmpdir(), 'board-secretariat-bench-'));
      path = join(tempDir, args.demo ? 'demo.db' : `${args.years}-years.db`);
    }
    if (args.demo) await buildDemo(path, now);
    else generation = generateWorkspace(path, { years: args.years, seed: args.seed, log });
  }

  // Opening: with the quick check before use (the command line), as the app opens a workspace
  // (check later, in a worker: what the user waits for before the window is usable), and
  // without the check, as the cases below open. Five opens each, in turn, before the proposed
  // indexes are added.
  const opening = await timeOpens(path, 5);
  log(
    `Open with the quick check before use (the command line): median ${opening.withCheckMs.toFixed(0)} ms; ` +
      `as the app opens (check later, in a worker): usable after ${opening.laterUsableMs.toFixed(1)} ms, checked after ${opening.laterCheckedMs.toFixed(0)} ms; ` +
      `without the check: ${opening.withoutCheckMs.toFixed(1)} ms`,
  );

  const sides: EngineSide[] = [];
  let cluster: Cluster | null = null;
  try {
    const db = openDatabase(path, { verify: false });
    if (args.proposedIndexes) {
      for (const text of PROPOSED_INDEXES) db.exec(text);
      log(`Added the ${PROPOSED_INDEXES.length} proposed indexes to the bench copy.`);
    }
    const counts = generation?.counts ?? tableCounts(db);
    const fixture = lookupFixture(db);
    const sqliteVersion = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    const fkGaps = unindexedForeignKeys(db);
    const sqliteSession: Session = { store: sqliteStore(db), actor: 'bench', now, log: logError };
    const sqlite = sqliteSide(db, sqliteSession);
    let postgresVersion: string | null = null;
    let copyMs: number | null = null;
    if (engines.includes('postgres')) {
      const started = await startCluster();
      if ('skipped' in started) throw new Error(started.skipped);
      cluster = started;
      const copy = await copyToPostgres(sqliteSession.store, cluster, now, log);
      copyMs = copy.ms;
      const pgSession: Session = { store: copy.store, actor: 'bench', now, log: logError };
      const side = await postgresSide(copy.url, pgSession);
      postgresVersion = String((await copy.store.kysely.selectNoFrom((eb) => eb.fn<string>('version', []).as('v')).executeTakeFirstOrThrow()).v);
      sides.push(side);
    }
    if (engines.includes('sqlite')) sides.unshift(sqlite);

    const cases = benchCases(fixture).filter((c) => !args.only || c.name.includes(args.only));
    if (cases.length === 0) throw new Error(`No case's name contains "${args.only}".`);
    let peakRss = process.memoryUsage().rss;
    const sampleRss = () => {
      const rss = process.memoryUsage().rss;
      if (rss > peakRss) peakRss = rss;
    };

    log(`\nTiming ${cases.length} cases on ${engines.join(' and ')}: ${args.rounds} round${args.rounds === 1 ? '' : 's'} of ${args.warmup} warm-up + ${args.iterations} timed iterations each; load average ${loadavg()[0]!.toFixed(1)}\n`);
    const samples = new Map<string, CaseSamples>();
    for (let round = 0; round < args.rounds; round++) {
      for (const side of sides) {
        for (const c of cases) {
          const key = `${side.engine}\u0000${c.name}`;
          const s = samples.get(key) ?? { case: c, engine: side.engine, dispatch: [], raw: [], roundRatios: [], rows: 0, rawRows: 0, dispatchStatements: null };
          samples.set(key, s);
          await timeCase(c, side, args, s, sampleRss);
        }
      }
      if (args.rounds > 1) log(`Round ${round + 1} of ${args.rounds} done; load average ${loadavg()[0]!.toFixed(1)}`);
    }
    const results = [...samples.values()].map(result);
    const sizeBytes = statSync(path).size + (existsSync(path + '-wal') ? statSync(path + '-wal').size : 0);
    for (const side of sides.splice(0)) await side.close();
    if (!engines.includes('sqlite')) await sqlite.close();

    printTable(results, engines);
    const rowDifferences = engines.length === 2 ? differingRows(results) : [];
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const misses = results.filter((r) => r.misses.length > 0);
    log('');
    log(`Workspace (${workspaceName}): ${(sizeBytes / 1048576).toFixed(1)} MiB; ${counts.meeting} meetings, ${counts.agenda_item} agenda items, ${counts.decision} decisions, ${counts.action} actions, ` +
      `${counts.indicator_value} indicator values, ${counts.spend} spend rows, ${counts.audit_log} audit rows` +
      (generation ? `; generated in ${(generation.ms / 1000).toFixed(1)} s` : ''));
    if (postgresVersion) log(`PostgreSQL: ${postgresVersion.split(' on ')[0]}; SQLite ${sqliteVersion}`);
    log(`Memory: peak RSS sampled while timing ${(peakRss / 1048576).toFixed(0)} MiB; process maximum RSS ${(maxRss / 1048576).toFixed(0)} MiB`);
    log(`Targets: every list under ${TARGET_MS} ms (p95); dispatch at most ${TARGET_RATIO}× raw for lists of ${LARGE_LIST}+ rows.`);
    log(misses.length === 0 ? 'All targets met.' : `Missed: ${misses.map((r) => `${r.name} on ${r.engine} (${r.misses.join(', ')})`).join('; ')}`);
    if (rowDifferences.length > 0) log(`The engines' raw sides fetched different numbers of rows: ${rowDifferences.join('; ')}`);
    if (fkGaps.length > 0) {
      log(`\nForeign keys that no index starts with (a join or ON DELETE on them scans the child table):`);
      for (const gap of fkGaps) log(`  ${gap}`);
    }

    const report = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        sqlite: sqliteVersion,
        postgres: postgresVersion,
        loadAverageAtEnd: loadavg()[0],
      },
      settings: {
        engines,
        rounds: args.rounds,
        iterations: args.iterations,
        warmup: args.warmup,
        proposedIndexes: args.proposedIndexes ? PROPOSED_INDEXES : [],
        targetMs: TARGET_MS,
        targetRatio: TARGET_RATIO,
        largeList: LARGE_LIST,
      },
      workspace: {
        name: workspaceName,
        reused: generation === null && !args.demo,
        seed: generation?.seed ?? null,
        generationMs: generation ? Math.round(generation.ms) : null,
        postgresCopyMs: copyMs === null ? null : Math.round(copyMs),
        sizeBytes,
        counts,
      },
      memory: { peakRssSampledBytes: peakRss, maxRssBytes: maxRss },
      open: opening,
      unindexedForeignKeys: fkGaps,
      rowDifferences,
      cases: results,
    };
    const outDir = join(here, 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    log(`\nWrote ${join(outDir, 'latest.json')}`);
  } finally {
    for (const side of sides) await side.close().catch(() => undefined);
    if (cluster) await cluster.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

interface CaseSamples {
  case: BenchCase;
  engine: Engine;
  dispatch: number[];
  raw: number[];
  roundRatios: number[];
  rows: number;
  rawRows: number;
  dispatchStatements: number | null;
  /** Why the case could not be timed on this engine (the operation or its SQL failed): reported, and the run goes on. */
  failure?: string;
}

/** One round of one case on one engine: warm-up, then dispatch and raw alternating. */
async function timeCase(c: BenchCase, side: EngineSide, args: Args, into: CaseSamples, sampleRss: () => void): Promise<void> {
  if (into.failure) return;
  try {
    await timeCaseOnce(c, side, args, into, sampleRss);
  } catch (err) {
    // A stale case stops the run (its figures would be of SQL the app no longer runs); an
    // operation failing on one engine is that engine's finding, and the rest still get timed.
    if (err instanceof Error && err.message.startsWith('bench/cases.ts is out of date')) throw err;
    into.failure = err instanceof Error ? err.message : String(err);
    console.error(`${c.name} on ${side.engine} failed: ${into.failure}`);
  }
}

async function timeCaseOnce(c: BenchCase, side: EngineSide, args: Args, into: CaseSamples, sampleRss: () => void): Promise<void> {
  const callDispatch = async () => {
    const envelope = await dispatch(side.session, c.op!.name, c.op!.input);
    if (!envelope.ok) throw new Error(`${c.op!.name} answered ${envelope.error.code}: ${envelope.error.message}`);
    const value = envelope.value;
    into.rows = Array.isArray(value) ? value.length : 1;
  };
  // The dispatcher runs first, so that the texts it sends are recorded before the raw side is checked against them.
  if (c.op) {
    statementCount.counting = true;
    statementCount.n = 0;
    statementCount.captured = [];
    try {
      await callDispatch();
    } finally {
      statementCount.counting = false;
    }
    into.dispatchStatements = statementCount.n;
    for (let i = 1; i < args.warmup; i++) await callDispatch();
  }
  const callRaw = side.prepareRaw(c);
  for (let i = 0; i < args.warmup; i++) await callRaw();

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
    into.rawRows = await callRaw();
    rawSamples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    sampleRss();
  }
  into.dispatch.push(...dispatchSamples);
  into.raw.push(...rawSamples);
  if (c.op) into.roundRatios.push(middle(dispatchSamples) / middle(rawSamples));
}

function result(s: CaseSamples): CaseResult {
  const c = s.case;
  if (s.failure || s.raw.length === 0) {
    return {
      name: c.name, area: c.area, engine: s.engine, operation: c.op?.name ?? null, ...(c.op ? {} : { label: c.label }),
      rows: 0, rawRows: 0, statements: { dispatch: s.dispatchStatements, raw: c.replay ? (s.dispatchStatements ?? 0) : rawOn(c, s.engine).length }, dispatch: null, raw: { medianMs: NaN, p95Ms: NaN, minMs: NaN }, ratio: null, roundRatios: [],
      misses: [`failed: ${(s.failure ?? 'not timed').split('\n')[0]!.replace(/^(\S+ answered \S+):.*/, '$1')}`],
      failed: true,
    };
  }
  const raw = summarise(s.raw);
  const viaDispatch = c.op ? summarise(s.dispatch) : null;
  const rows = c.op ? s.rows : s.rawRows;
  const ratio = c.op ? middle(s.roundRatios) : null;
  const misses: string[] = [];
  const p95 = (viaDispatch ?? raw).p95Ms;
  if (p95 > TARGET_MS) misses.push(`p95 ${p95.toFixed(1)} ms > ${TARGET_MS} ms`);
  if (ratio !== null && rows >= LARGE_LIST && ratio > TARGET_RATIO) misses.push(`ratio ${ratio.toFixed(2)}× > ${TARGET_RATIO}×`);
  return {
    name: c.name,
    area: c.area,
    engine: s.engine,
    operation: c.op?.name ?? null,
    ...(c.op ? {} : { label: c.label }),
    rows,
    rawRows: s.rawRows,
    statements: { dispatch: s.dispatchStatements, raw: c.replay ? (s.dispatchStatements ?? 0) : rawOn(c, s.engine).length },
    dispatch: viaDispatch,
    raw,
    ratio,
    roundRatios: s.roundRatios.map((r) => Math.round(r * 1000) / 1000),
    misses,
  };
}

/** Cases whose raw SQL fetched a different number of rows on the two engines (the same workspace: they should not). */
function differingRows(results: CaseResult[]): string[] {
  const out: string[] = [];
  for (const r of results.filter((x) => x.engine === 'sqlite')) {
    const other = results.find((x) => x.engine === 'postgres' && x.name === r.name);
    if (!other || other.failed || r.failed) continue;
    // A case with a read on one engine only (workspace.info's schema version) has different raw rows; its answer is compared.
    const sameStatements = other.statements.raw === r.statements.raw;
    if ((sameStatements && other.rawRows !== r.rawRows) || other.rows !== r.rows) out.push(`${r.name}: SQLite ${r.rawRows}, PostgreSQL ${other.rawRows}`);
  }
  return out;
}

function printTable(results: CaseResult[], engines: Engine[]): void {
  const ms = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
  const ratioText = (r: CaseResult | undefined) =>
    !r || r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×` + (r.roundRatios.length > 1 ? ` (${Math.min(...r.roundRatios).toFixed(2)}–${Math.max(...r.roundRatios).toFixed(2)})` : '');
  const header = ['operation', 'rows'];
  for (const e of engines) header.push(`${e} median ms`, `${e} p95 ms`, `${e} raw median ms`, `${e} ratio`);
  const names = [...new Set(results.map((r) => r.name))];
  const lines = names.map((name) => {
    const first = results.find((r) => r.name === name && !r.failed) ?? results.find((r) => r.name === name)!;
    const cells = [first.operation ? name : `${name} ${first.label}`, String(first.rows)];
    const misses: string[] = [];
    for (const e of engines) {
      const r = results.find((x) => x.name === name && x.engine === e);
      if (r?.failed) cells.push('failed', '', '', '');
      else cells.push(ms(r?.dispatch?.medianMs), ms(r?.dispatch?.p95Ms), ms(r?.raw.medianMs), ratioText(r));
      if (r && r.misses.length) misses.push(`${e}: ${r.misses.join(', ')}`);
      if (r && r.statements.dispatch !== null && r.statements.dispatch !== r.statements.raw) misses.push(`${e}: the operation ran ${r.statements.dispatch} statements, the raw side ${r.statements.raw}`);
    }
    return misses.length ? cells.concat(['  ← ' + misses.join('; ')]) : cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i >= header.length ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
