/**
 * What the export benches (bench/*-exports.ts) share: their two options, a median timer and
 * a call through the real dispatcher. bench/run.ts times its cases its own way (dispatch
 * and raw alternating, with a 95th percentile) and shares only the median.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase, type Db } from '../main/db/connection';
import { sqliteStore } from '../main/db/sqlite-store';
import type { Engine, Store } from '../main/db/store';
import { startCluster, type Cluster } from '../test/helpers/postgres';
import { copyToPostgres } from './postgres-copy';
import { FIXTURE_TODAY, generateWorkspace } from './generate';

export interface ExportBenchArgs {
  /** A workspace to copy (or read) instead of generating the ten-year one. */
  db?: string;
  iterations: number;
  /** Where the operations run: the SQLite file, or a PostgreSQL copy of it on a throw-away cluster. */
  engine: Engine;
}

/** `--db FILE --iterations N`, for `npx tsx bench/<script>.ts`. */
export function parseExportBenchArgs(argv: string[], script: string, defaultIterations: number): ExportBenchArgs {
  const args: ExportBenchArgs = { iterations: defaultIterations, engine: 'sqlite' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--db') args.db = resolve(value);
    else if (flag === '--iterations') args.iterations = Number(value);
    else if (flag === '--engine') {
      if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--engine is sqlite or postgres, not ${value}`);
      args.engine = value;
    } else throw new Error(`Unknown option ${flag}. Usage: npx tsx bench/${script}.ts [--db FILE] [--iterations ${defaultIterations}] [--engine sqlite|postgres]`);
  }
  return args;
}

export interface BenchWorkspace {
  /** The temp folder: exports are written here and deleted with it. */
  dir: string;
  /**
   * The SQLite file's own handle, for the benches' raw reads beside the dispatcher. With
   * --engine postgres it is the file the PostgreSQL copy was made from (the same rows), used
   * only to pick what to export.
   */
  db: Db;
  /** The store the session runs on: the SQLite file, or its PostgreSQL copy. */
  store: Store;
  engine: Engine;
  /** A session whose clock is the generated workspace's today. */
  session: Session;
}

/**
 * The ten-year workspace in a fresh temp folder (generated, or copied from --db so that file
 * is never changed), opened for `body`; closed and deleted afterwards.
 */
export async function withBenchWorkspace(args: ExportBenchArgs, name: string, body: (w: BenchWorkspace) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `board-secretariat-bench-${name}-`));
  const path = join(dir, 'ten-years.db');
  try {
    if (args.db) copyFileSync(args.db, path);
    else generateWorkspace(path, { years: 10, log: (line) => console.log(line) });
    const db = openDatabase(path, { verify: false });
    const file = sqliteStore(db);
    const now = () => new Date(`${FIXTURE_TODAY}T09:00:00`);
    let cluster: Cluster | null = null;
    let store: Store = file;
    try {
      if (args.engine === 'postgres') {
        const started = await startCluster();
        if ('skipped' in started) throw new Error(started.skipped);
        cluster = started;
        store = (await copyToPostgres(file, cluster, now, (line) => console.log(line))).store;
      }
      benchEngine = args.engine;
      await body({ dir, db, store, engine: args.engine, session: { store, actor: 'bench', now, log: (m, e) => console.error(m, e) } });
    } finally {
      if (store !== file) await store.close();
      await file.close();
      await cluster?.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The engine of the workspace withBenchWorkspace opened last: results on PostgreSQL are kept apart. */
let benchEngine: Engine = 'sqlite';

/** Writes bench/results/<name>.json (<name>-postgres.json on PostgreSQL; ignored by git) and says where. */
export function writeResults(name: string, results: unknown): void {
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', `${name}${benchEngine === 'postgres' ? '-postgres' : ''}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote ${out}`);
}

/** The median of an ascending list. */
export function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One warm-up call, then `iterations` timed calls: their median and fastest. */
export async function time(iterations: number, fn: () => unknown): Promise<{ medianMs: number; minMs: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: median(samples), minMs: samples[0]! };
}

/** An operation through the dispatcher; an error envelope stops the bench with its message. */
export async function call<R = unknown>(session: Session, name: string, input: unknown): Promise<R> {
  const env = await dispatch(session, name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as R;
}
