/**
 * npx tsx bench/crash.ts [--runs 200] [--seed N] [--keep]
 *
 * Kills a writer with SIGKILL, again and again, and checks that nothing it was told is
 * saved is lost. A copy of the demo workspace (with one draft paper) is written to by a
 * child process (bench/crash-writer.ts) through the real dispatcher: action.create,
 * action.update, action.addUpdate, spend.setCells (grid saves of 1-6 cells) and
 * paper.updateSection. The child prints each write after the dispatcher answered ok; the
 * parent kills it after a seeded random delay (one run in ten before it is ready, while it
 * is still opening the file), then opens the file and checks:
 *   - PRAGMA integrity_check is ok and foreign_key_check is empty;
 *   - every acknowledged write of every run so far holds (the write that was in flight
 *     at the kill may have landed or not, but all of it or none of it);
 *   - nothing is half-written: every row the bench touched agrees with its latest audit
 *     entry (an action without its audit row, or an audit row without its change, fails).
 * The same file goes through every run, so each run starts from a file recovered from the
 * kill before. Not part of CI (it takes minutes). See docs/reliability.md.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase } from '../main/db/connection';
import { sqliteStore } from '../main/db/sqlite-store';
import type { TemplateInfo } from '../main/papers/contract';
import type { WriteLine } from './crash-writer';
import { Random } from './random';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  runs: number;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 200, seed: 20200302, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep') args.keep = true;
    else if (flag === '--runs' || flag === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
      args[flag === '--runs' ? 'runs' : 'seed'] = value;
    } else throw new Error(`Unknown option ${flag}. Usage: npx tsx bench/crash.ts [--runs 200] [--seed N] [--keep]`);
  }
  return args;
}

/** The writer as one file, so that each of the hundreds of children starts in a fraction of a second. */
async function bundleWriter(): Promise<string> {
  const outfile = join(root, '.tmp', 'crash-writer.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'bench/crash-writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', '@resvg/resvg-js'],
    logLevel: 'warning',
  });
  return outfile;
}

/** The demo workspace, and a draft paper for the writer to save sections of. */
async function prepareWorkspace(path: string): Promise<void> {
  const store = sqliteStore(openDatabase(path));
  const session: Session = { store, actor: 'crash-bench', log: () => {} };
  const call = async (op: string, input: unknown) => {
    const env = await dispatch(session, op, input);
    if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
    return env.value;
  };
  await call('workspace.loadDemo', {});
  const { templates } = (await call('paper.templates', {})) as { templates: TemplateInfo[] };
  await call('paper.create', { templateKey: templates[0]!.key, reference: 'SB/2020/99', title: 'Crash bench paper', boardId: 1 });
  await store.close();
}

interface RunResult {
  lines: string[];
  killedBeforeReady: boolean;
  exitSignal: NodeJS.Signals | null;
  exitCode: number | null;
  stderr: string;
}

function runWriter(writer: string, path: string, seed: number, run: number, rnd: Random): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [writer, path, String(seed), String(run)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let ready = false;
    const early = rnd.chance(0.1);
    const kill = () => child.kill('SIGKILL');
    let timer: NodeJS.Timeout | undefined = early ? setTimeout(kill, rnd.int(0, 400)) : undefined;
    const afterReady = rnd.int(5, 1200);
    // A child that never gets ready is killed too (and reported by the checks).
    const guard = setTimeout(kill, 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && /^ready$/m.test(out)) {
        ready = true;
        if (!early) timer = setTimeout(kill, afterReady);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      done({ lines: out.split('\n').filter(Boolean), killedBeforeReady: !ready, exitSignal: signal, exitCode: code, stderr });
    });
  });
}

type Expected = Map<string, unknown>;

/** What each key holds in the file now, in the writer's terms. */
function actualValues(db: Database.Database): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const a of db.prepare(`SELECT id, description, status FROM action`).all() as { id: number; description: string; status: string }[]) {
    values.set(`action:${a.id}`, { description: a.description, status: a.status });
  }
  for (const u of db.prepare(`SELECT id, text FROM action_update`).all() as { id: number; text: string }[]) values.set(`action_update:${u.id}`, u.text);
  for (const s of db.prepare(`SELECT budget_line_id, award_id, month, kind, amount_pence FROM spend`).all() as { budget_line_id: number | null; award_id: number | null; month: string; kind: string; amount_pence: number }[]) {
    const target = s.budget_line_id !== null ? `line:${s.budget_line_id}` : `award:${s.award_id}`;
    values.set(`spend:${target}|${s.month}|${s.kind}`, s.amount_pence);
  }
  for (const p of db.prepare(`SELECT paper_id, key, body_json FROM paper_section`).all() as { paper_id: number; key: string; body_json: string }[]) {
    const body = JSON.parse(p.body_json) as { text?: unknown }[];
    values.set(`section:${p.paper_id}|${p.key}`, body.length === 1 && typeof body[0]!.text === 'string' ? body[0]!.text : p.body_json);
  }
  return values;
}

/** A missing spend cell is an empty one. */
const holds = (actual: unknown, expected: unknown) => JSON.stringify(actual ?? null) === JSON.stringify(expected ?? null);

/** Rows whose latest audit entry does not describe them: a change without its audit row, or the reverse. */
function auditDisagreements(db: Database.Database): string[] {
  const problems: string[] = [];
  const latest = db
    .prepare(
      `SELECT l.entity, l.entity_id, l.action, l.after_json FROM audit_log l
       JOIN (SELECT entity, entity_id, max(id) AS id FROM audit_log WHERE actor = 'crash-bench' GROUP BY entity, entity_id) m ON m.id = l.id
       WHERE l.entity IN ('action', 'action_update', 'spend', 'paper_section', 'paper')`,
    )
    .all() as { entity: string; entity_id: number; action: string; after_json: string | null }[];
  for (const entry of latest) {
    const row = db.prepare(`SELECT * FROM "${entry.entity}" WHERE id = ?`).get(entry.entity_id);
    if (entry.action === 'delete') {
      if (row) problems.push(`${entry.entity} ${entry.entity_id} is there, but its latest audit entry deletes it`);
    } else if (!row) {
      problems.push(`${entry.entity} ${entry.entity_id} is missing, but its latest audit entry is a ${entry.action}`);
    } else if (JSON.stringify(row) !== entry.after_json) {
      problems.push(`${entry.entity} ${entry.entity_id} differs from its latest audit entry`);
    }
  }
  const unaudited = db.prepare(`SELECT a.id FROM action a WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'action' AND l.entity_id = a.id AND l.action = 'create') AND a.description LIKE 'Crash bench%'`).pluck().all();
  for (const id of unaudited) problems.push(`action ${String(id)} has no audit entry for its creation`);
  return problems;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'board-secretariat-crash-'));
  const path = join(dir, 'workspace.db');
  const started = performance.now();
  const writer = await bundleWriter();
  await prepareWorkspace(path);
  copyFileSync(path, join(dir, 'before-runs.db'));
  const rnd = new Random(args.seed);
  const expected: Expected = new Map();
  const totals = { runs: 0, killed: 0, killedBeforeReady: 0, acknowledged: 0, verified: 0, inFlightLanded: 0, inFlightLost: 0, refused: 0, failures: 0, checkMs: 0 };
  const synchronous = (() => {
    const db = openDatabase(path);
    const mode = db.pragma('synchronous', { simple: true });
    db.close();
    return ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(mode)] ?? String(mode);
  })();

  for (let run = 1; run <= args.runs; run++) {
    const result = await runWriter(writer, path, args.seed + run, run, rnd);
    totals.runs++;
    if (result.exitSignal === 'SIGKILL') totals.killed++;
    if (result.killedBeforeReady) totals.killedBeforeReady++;
    const failures: string[] = [];
    if (result.exitSignal !== 'SIGKILL') failures.push(`the writer ended by itself (code ${result.exitCode}): ${result.stderr.slice(0, 500)}`);

    // The write in flight at the kill: its "try" has no "ok" (nor "refused").
    let inFlight: WriteLine | undefined;
    for (const line of result.lines) {
      const [word, json] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (word === 'try') inFlight = JSON.parse(json) as WriteLine;
      else if (word === 'ok') {
        const ack = JSON.parse(json) as WriteLine;
        for (const [key, value] of Object.entries(ack.values)) expected.set(key, value);
        totals.acknowledged++;
        inFlight = undefined;
      } else if (word === 'refused') {
        totals.refused++;
        inFlight = undefined;
      }
    }

    const checkStart = performance.now();
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') failures.push(`integrity_check: ${String(integrity)}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length) failures.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
      const actual = actualValues(db);
      // All of the write in flight, or none of it.
      const pending = inFlight ? Object.entries(inFlight.values) : [];
      const landed = pending.filter(([key, value]) => holds(actual.get(key), value) && !holds(expected.get(key), value)).length;
      const untouched = pending.filter(([key, value]) => holds(actual.get(key), expected.get(key)) && !holds(expected.get(key), value)).length;
      const same = pending.filter(([key, value]) => holds(expected.get(key), value)).length;
      if (landed > 0 && untouched > 0) failures.push(`the ${inFlight!.op} in flight at the kill was half written: ${landed} of its cells landed, ${untouched} did not`);
      if (inFlight && pending.length > same) {
        if (landed > 0) {
          totals.inFlightLanded++;
          for (const [key, value] of pending) expected.set(key, value);
        } else totals.inFlightLost++;
      }
      for (const [key, value] of expected) {
        totals.verified++;
        if (!holds(actual.get(key), value)) failures.push(`acknowledged ${key} = ${JSON.stringify(value)?.slice(0, 80)}, but the file holds ${JSON.stringify(actual.get(key))?.slice(0, 80)}`);
      }
      failures.push(...auditDisagreements(db));
    } catch (err) {
      failures.push(`the file could not be checked: ${String(err)}`);
    } finally {
      db?.close();
    }
    totals.checkMs += performance.now() - checkStart;
    if (failures.length) {
      totals.failures += failures.length;
      console.log(`run ${run}: ${failures.length} failures\n  ${failures.slice(0, 10).join('\n  ')}`);
    }
    if (run % 20 === 0 || run === args.runs) {
      const acks = result.lines.filter((l) => l.startsWith('ok ')).length;
      console.log(`run ${run}/${args.runs}: ${acks} writes acknowledged in this run, ${totals.acknowledged} so far, ${expected.size} keys verified after each kill, ${totals.failures} failures`);
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const size = statSync(path).size;
  console.log(
    [
      '',
      `Crash bench, seed ${args.seed}, synchronous=${synchronous}: ${totals.runs} runs, ${totals.killed} killed with SIGKILL (${totals.killedBeforeReady} before the writer was ready).`,
      `${totals.acknowledged} writes acknowledged; ${totals.verified} checks of an acknowledged write after a kill; the write in flight at the kill landed whole ${totals.inFlightLanded} times and not at all ${totals.inFlightLost} times; ${totals.refused} writes refused by the app.`,
      `Failures: ${totals.failures}. Time ${seconds.toFixed(1)} s (checks ${(totals.checkMs / 1000).toFixed(1)} s); workspace now ${(size / 1024).toFixed(0)} KB.`,
    ].join('\n'),
  );
  if (args.keep) console.log(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  if (totals.failures > 0) process.exitCode = 1;
}

await main();
