import { sqliteStore } from '../../main/db/sqlite-store';
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Random } from '../../bench/random';
import { contract, operationNames, type OpName } from '../../main/api/contract';
import type { OpDef } from '../../main/api/define';
import { dispatch, type Session } from '../../main/api/dispatch';
import { openDatabase } from '../../main/db/connection';
import { openPostgresStore } from '../../main/db/postgres-store';
import type { Store } from '../../main/db/store';
import { createDatabase, dropDatabase, TEMPLATE_ENV, URL_ENV } from '../helpers/postgres';
import { hostileValues, randomPayloads, systematicPayloads, type Payload } from '../helpers/malformed-payloads';
import { sampleOf } from '../helpers/schema-fields';
import { changedTables, tableHashes, type TableHashes } from '../helpers/table-hash';
import { postgresSkipped, testEngine } from '../helpers/workspace';

/**
 * Malformed payloads sent to every operation of the contract, through the real dispatcher,
 * on the demo workspace in a temporary SQLite file, or (the postgres project) in a new
 * PostgreSQL database. For each: an envelope comes back (no throw, no hang), an error is
 * { code, message[, field] } in words (no stack, no SQL, no "undefined"), never 'internal',
 * and no table of the workspace changes. Writes are sent only payloads their own schema
 * refuses (so nothing may change); reads may succeed; an export writes only inside the
 * temporary folder, and never over the workspace (its file, on SQLite).
 *
 * FUZZ_SEED=<n> repeats a run (the seed is printed on failure); FUZZ_RUNS=<n> sets the
 * random payloads per operation (default 40) on top of the systematic ones.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 40;
/** Documents an export operation writes before its other sound payloads are left out. */
const EXPORTS_WRITTEN_PER_OP = 10;
/** Not a speed limit: an answer that has not come by then is reported as a hang. */
const HANG_MS = 30_000;

/**
 * Export operations that would write over the workspace when told to. None since the guard
 * moved into the write itself (main/documents/write-guard.ts, issue 12 item 1); an export
 * listed here would have its schema-valid payloads aimed at the workspace left unsent (they
 * would destroy the test's workspace). The last test checks this list against what the
 * operations do, so it cannot go stale: every export is sent the workspace's path.
 */
const WORKSPACE_GUARD_PENDING: string[] = [];

const repeat = `seed ${SEED} (repeat with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run test/integration/contract-fuzz.test.ts)`;

function seedFor(name: string): number {
  let h = SEED >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const defOf = (name: OpName) => contract[name] as OpDef;

/** As the dispatcher parses: a missing input is {}. */
function parse(def: OpDef, value: unknown): z.ZodSafeParseResult<unknown> {
  return def.input.safeParse(value ?? {});
}

/** A short description of a payload for a report (never the 100k strings in full). */
function describePayload(value: unknown, depth = 0): string {
  if (depth > 3) return '…';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 40)}…(${value.length} chars)` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.slice(0, 5).map((v) => describePayload(v, depth + 1)).join(', ')}${value.length > 5 ? ', …' : ''}]`;
  const keys = Object.keys(value);
  return `{ ${keys.slice(0, 12).map((k) => `${k}: ${describePayload((value as Record<string, unknown>)[k], depth + 1)}`).join(', ')}${keys.length > 12 ? ', …' : ''} }`;
}

/** Strings in the payload (so that a message quoting the user's own input is not taken for a leak). */
function stringsIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) {
    out.push(k);
    stringsIn((value as Record<string, unknown>)[k], out, depth + 1);
  }
  return out;
}

const LEAKS: [RegExp, string][] = [
  [/\n\s*at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|\.(ts|js|cjs|mjs):\d+|node_modules/, 'a stack trace'],
  [/\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|TRIGGER)\b|SQLITE_|no such (table|column)|constraint failed|syntax error|near "/i, 'SQL text'],
  [/\bundefined\b/, '"undefined"'],
  [/\[object \w+\]/, '"[object Object]"'],
  [/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Cannot read propert|is not a function|is not iterable/, 'a JavaScript error'],
];

/** What is wrong with an error envelope's error, if anything. */
function problemsWithError(error: unknown, payload: unknown): string[] {
  if (error === null || typeof error !== 'object') return [`error is ${describePayload(error)}, not an object`];
  const e = error as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof e.code !== 'string' || e.code === '') problems.push(`code is ${describePayload(e.code)}`);
  if (typeof e.message !== 'string' || e.message.trim() === '') problems.push(`message is ${describePayload(e.message)}`);
  if ('field' in e && typeof e.field !== 'string') problems.push(`field is ${describePayload(e.field)}`);
  if (e.code === 'internal') problems.push(`code 'internal': ${String(e.message)}`);
  const messages = [typeof e.message === 'string' ? e.message : ''];
  if (Array.isArray(e.problems)) for (const p of e.problems as { message?: unknown }[]) messages.push(typeof p?.message === 'string' ? p.message : `(problem without a message: ${describePayload(p)})`);
  const echoed = stringsIn(payload).filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  for (const raw of messages) {
    if (raw.length > 2000) problems.push(`a message of ${raw.length} characters: ${raw.slice(0, 120)}…`);
    let text = raw;
    for (const s of echoed) text = text.split(s).join('');
    for (const [pattern, what] of LEAKS) if (pattern.test(text)) problems.push(`message shows ${what}: ${raw.slice(0, 300)}`);
  }
  return problems;
}

/** The same field, one inside it, or the one holding it (a list left with too few items). */
const related = (a: string, b: string) => a === b || a.startsWith(b + '.') || b.startsWith(a + '.');

function isEnvelope(env: unknown): env is { ok: true; value: unknown } | { ok: false; error: unknown } {
  if (env === null || typeof env !== 'object') return false;
  const e = env as Record<string, unknown>;
  return (e.ok === true && 'value' in e) || (e.ok === false && 'error' in e);
}

async function answer(session: Session, name: OpName, value: unknown): Promise<{ env?: unknown; threw?: unknown; hung?: true }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<{ hung: true }>((done) => (timer = setTimeout(() => done({ hung: true }), HANG_MS)));
  try {
    return await Promise.race([dispatch(session, name, value).then((env) => ({ env })), hang]);
  } catch (threw) {
    return { threw };
  } finally {
    clearTimeout(timer);
  }
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
function startsWithSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

interface Figures {
  operations: number;
  built: number;
  sent: number;
  refused: number;
  refusedBy: Record<string, number>;
  answeredOk: number;
  validSkippedForWrites: number;
  exportsSkippedOutsideTemp: number;
  exportsSkippedAwaitingGuard: number;
  exportsSkippedWritten: number;
  misnamedField: string[];
}

const engine = testEngine();
const skipped = engine === 'postgres' ? postgresSkipped() : undefined;

describe.skipIf(skipped)('every operation of the contract, sent malformed payloads through the dispatcher', () => {
  let root: string;
  /** The SQLite file, or the PostgreSQL database's URL (sent as a hostile path all the same). */
  let workspacePath: string;
  // Always session.db, never a connection kept aside: an operation may replace it
  // (workspace.reopen opens the file afresh).
  let session: Session;
  let baseline: TableHashes;
  let databaseUrl: string | undefined;
  let workspaceIno: number;
  let hostile: [string, unknown][];
  /** Files outside the temporary folder that a malformed `out` named, with their state before. */
  const watched = new Map<string, string>();
  const figures: Figures = { operations: 0, built: 0, sent: 0, refused: 0, refusedBy: {}, answeredOk: 0, validSkippedForWrites: 0, exportsSkippedOutsideTemp: 0, exportsSkippedAwaitingGuard: 0, exportsSkippedWritten: 0, misnamedField: [] };
  const started = performance.now();

  const stateOf = (path: string) => {
    try {
      const st = statSync(path);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return 'absent';
    }
  };
  const insideTemp = (path: string) => resolve(path).startsWith(root + sep);
  const workspaceFiles = () => (engine === 'sqlite' ? ['', '-wal', '-shm', '-journal'].map((s) => workspacePath + s) : []);

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'board-secretariat-fuzz-')));
    mkdirSync(join(root, 'exports'));
    let store: Store;
    if (engine === 'postgres') {
      databaseUrl = await createDatabase(process.env[URL_ENV]!, undefined, process.env[TEMPLATE_ENV]);
      workspacePath = databaseUrl;
      store = await openPostgresStore(databaseUrl);
    } else {
      workspacePath = join(root, 'workspace.db');
      store = sqliteStore(openDatabase(workspacePath));
    }
    // An unexpected error is printed: the envelope says only 'internal'.
    session = { store, actor: 'fuzz', now: () => new Date('2020-03-02T10:00:00'), log: (message, err) => console.error(message, err) };
    const demo = await dispatch(session, 'workspace.loadDemo', {});
    if (!demo.ok) throw new Error(`the demo did not load: ${demo.error.message}`);
    baseline = await tableHashes(store);
    if (engine === 'sqlite') workspaceIno = statSync(workspacePath).ino;
    hostile = hostileValues(workspacePath);
  });

  afterAll(async () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`contract fuzz, ${repeat}: ${figures.operations} operations, ${figures.built} payloads built, ${figures.sent} sent in ${seconds} s; ${figures.refused} refused ${JSON.stringify(figures.refusedBy)}; ${figures.answeredOk} answered ok (reads); ${figures.validSkippedForWrites} schema-valid payloads not sent to writes; exports not sent: ${figures.exportsSkippedOutsideTemp} outside the temp folder, ${figures.exportsSkippedAwaitingGuard} at the workspace awaiting the write guard, ${figures.exportsSkippedWritten} sound ones once ${EXPORTS_WRITTEN_PER_OP} documents were written; ${figures.misnamedField.length} refusals naming another field than the one broken`);
    if (session?.store.isOpen()) await session.store.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
    rmSync(root, { recursive: true, force: true });
  });

  it.each(operationNames)('%s answers every malformed payload with a structured refusal and changes nothing', async (name) => {
    const def = defOf(name);
    const outDir = join(root, 'exports');
    const base = sampleOf(def.input, { outDir });
    const baseValid = parse(def, base).success;
    const payloads: Payload[] = [
      ...(def.kind === 'read' ? [{ label: 'the sample payload', value: base }] : []),
      ...systematicPayloads(def.input, base, hostile),
      ...randomPayloads(def.input, base, hostile, new Random(seedFor(name)), RUNS),
    ];
    figures.operations++;
    figures.built += payloads.length;
    const failures: string[] = [];
    let written = 0;
    for (const payload of payloads) {
      const parsed = parse(def, payload.value);
      if (def.kind === 'write' && parsed.success) {
        figures.validSkippedForWrites++;
        continue;
      }
      if (def.exports) {
        const out = parsed.success ? (parsed.data as { out?: unknown }).out : undefined;
        if (parsed.success && (typeof out !== 'string' || !insideTemp(out))) {
          figures.exportsSkippedOutsideTemp++;
          continue;
        }
        if (parsed.success && WORKSPACE_GUARD_PENDING.includes(name) && workspaceFiles().includes(resolve(out as string))) {
          figures.exportsSkippedAwaitingGuard++;
          continue;
        }
        // Each document written costs a second or so on a loaded machine: past the first
        // few, a sound payload is sent only if it changes where the file goes.
        if (parsed.success && written >= EXPORTS_WRITTEN_PER_OP && !payload.label.startsWith('out ')) {
          figures.exportsSkippedWritten++;
          continue;
        }
        const sentOut = (payload.value as { out?: unknown } | null)?.out;
        if (typeof sentOut === 'string' && sentOut.length < 4096 && !insideTemp(sentOut.trim()) && !watched.has(resolve(sentOut.trim()))) {
          watched.set(resolve(sentOut.trim()), stateOf(resolve(sentOut.trim())));
        }
      }
      figures.sent++;
      const what = () => `${name} ${payload.label}: ${describePayload(payload.value)}`;
      const result = await answer(session, name, payload.value);
      if (result.hung) {
        failures.push(`${what()} → no answer within ${HANG_MS / 1000} s`);
        break;
      }
      if ('threw' in result) {
        failures.push(`${what()} → the dispatcher threw ${String(result.threw)}`);
        continue;
      }
      if (!isEnvelope(result.env)) {
        failures.push(`${what()} → not an envelope: ${describePayload(result.env)}`);
        continue;
      }
      const env = result.env;
      if (env.ok) {
        figures.answeredOk++;
        if (def.exports) written++;
        if (def.kind === 'write') failures.push(`${what()} → a write answered ok to a payload its schema refuses`);
        continue;
      }
      figures.refused++;
      const code = (env.error as { code?: unknown }).code;
      figures.refusedBy[String(code)] = (figures.refusedBy[String(code)] ?? 0) + 1;
      for (const p of problemsWithError(env.error, payload.value)) failures.push(`${what()} → ${p}`);
      const field = (env.error as { field?: unknown }).field;
      // With the rest of the payload sound, the refusal must point at the field that was broken.
      if (code === 'validation' && baseValid && payload.broken && !(typeof field === 'string' && related(field, payload.broken))) {
        figures.misnamedField.push(name);
        failures.push(`${what()} → refused naming field ${describePayload(field)}, not ${payload.broken}`);
      }
    }
    const changed = changedTables(baseline, await tableHashes(session.store));
    if (changed.length) failures.push(`tables changed after ${name}: ${changed.join(', ')}`);
    if (def.exports && engine === 'sqlite') {
      const st = statSync(workspacePath, { throwIfNoEntry: false });
      if (!st || st.ino !== workspaceIno || !startsWithSqliteHeader(workspacePath)) failures.push(`the workspace file was replaced or overwritten by ${name}`);
    }
    expect(failures.slice(0, 30), `${failures.length} failures, ${repeat}`).toEqual([]);
  });

  it('after the whole run, the workspace read afresh holds exactly the rows it held before, and nothing was written outside the temp folder', async () => {
    expect(figures.operations, 'run the whole file: this test checks the run of every operation').toBe(operationNames.length);
    expect(changedTables(baseline, await tableHashes(session.store)), repeat).toEqual([]);
    if (engine === 'sqlite') {
      const fresh = new Database(workspacePath, { readonly: true });
      try {
        expect(changedTables(baseline, await tableHashes(fresh)), repeat).toEqual([]);
        expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        fresh.close();
      }
    } else {
      // A second connection, not the pool the run went through.
      const fresh = await openPostgresStore(databaseUrl!);
      try {
        expect(changedTables(baseline, await tableHashes(fresh)), repeat).toEqual([]);
      } finally {
        await fresh.close();
      }
    }
    // No payload's __proto__ or constructor key reached a prototype.
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const touched = [...watched].filter(([path, before]) => stateOf(path) !== before).map(([path]) => path);
    expect(touched, repeat).toEqual([]);
    expect(figures.sent).toBeGreaterThan(operationNames.length * 50);
  });

  // Only a SQLite workspace is a file an export could be aimed at.
  // SQLite's alone: on PostgreSQL there is no workspace file an export could write over.
  it.skipIf(engine === 'postgres')('lists, in WORKSPACE_GUARD_PENDING, exactly the exports that would still write over the open workspace', async () => {
    const overwrote: string[] = [];
    for (const name of operationNames.filter((n) => defOf(n).exports)) {
      const dir = mkdtempSync(join(root, 'scratch-'));
      const scratchPath = join(dir, 'workspace.db');
      session.store.sqlite!.exec(`VACUUM INTO '${scratchPath.replace(/'/g, "''")}'`);
      const scratch = openDatabase(scratchPath);
      try {
        const before = await tableHashes(scratch);
        const ino = statSync(scratchPath).ino;
        const input = { ...(sampleOf(defOf(name).input, { outDir: dir }) as object), out: scratchPath };
        await dispatch({ store: sqliteStore(scratch), actor: 'fuzz', now: session.now, log: () => {} }, name, input);
        const intact = existsSync(scratchPath) && statSync(scratchPath).ino === ino && startsWithSqliteHeader(scratchPath);
        let same = false;
        if (intact) {
          const fresh = new Database(scratchPath, { readonly: true });
          same = changedTables(before, await tableHashes(fresh)).length === 0;
          fresh.close();
        }
        if (!intact || !same) overwrote.push(name);
      } finally {
        scratch.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(overwrote, 'an export no longer listed here writes over the workspace; one listed that now refuses should leave the list').toEqual(WORKSPACE_GUARD_PENDING);
  });
});
