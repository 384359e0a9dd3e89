/**
 * npm run bench:team -- [--people 12] [--seconds 60] [--years 10] [--scale 1] [--seed N]
 *                       [--db postgres://…] [--sqlite FILE] [--hot 20] [--json FILE]
 *
 * A team on one PostgreSQL workspace (issue 14, point 4). Not a timed test: a bench that
 * reports what it saw. Setup starts a throw-away cluster (test/helpers/postgres.ts), builds
 * the synthetic workspace (bench/generate.ts, ten years unless --years says fewer; --sqlite
 * FILE keeps the generated file, or reuses it when it exists) and moves it into a new
 * database as `cli move` does (main/workspace/move.ts), then ANALYZE. With --db URL the
 * workspace already in that database is used and nothing is set up: the people edit its
 * records (tagged "[load person-N #n]"), so give it a copy, never a team's workspace.
 *
 * Then `--people` simulated people, each their own PostgreSQL login in one of the team's roles
 * (made for the run with the team roles, as `team-roles` and `team-add-person` make them, and
 * dropped after it: teamOf() gives a team of 12 eight secretariat, three finance and a reader),
 * with their own Store (their own pool, as each person's app has), so the audit trail names
 * each and the database enforces what each role may write. Each loops a weighted mix of what
 * their role does through the real dispatcher (finance: reads and spend; a reader: reads): lists, opening a meeting, editing an action or an agenda
 * item's minutes or a person with the version they read, saving spend cells with what each
 * held when the grid was opened (wasPence, as the grid sends: a refusal is a conflict, and the
 * grid is opened again and saved once more), recording a decision, exporting the action log or the minutes, with think times between. Some records
 * (the hot set: --hot actions, a meeting's items, a few people, one stream's grid) are
 * worked on by several people on purpose, so conflicts happen.
 *
 * Reported: per operation the count and p50/p95/max latency; errors by code; conflicts
 * ('stale' refusals: expected, counted apart); any other error (a failure, printed with the
 * operation and message); and lost updates, found by reading every acknowledged write back
 * at the end (see verify()). Exit code 1 when anything was lost or failed unexpectedly.
 * Prints a table and writes bench/results/team-load.json (or --json FILE). See docs/bench.md.
 */
import { mkdirSync, mkdtempSync, openSync, readSync, closeSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { dispatch, type Session } from '../main/api/dispatch';
import { addPerson, createTeamRoles, existingTeamRoles, ident, mayCreateRoles, TEAM_ROLES, workspacePlace, type TeamRole } from '../main/db/team-roles';
import { openDatabase } from '../main/db/connection';
import { openPostgresStore } from '../main/db/postgres-store';
import { sqliteStore } from '../main/db/sqlite-store';
import type { ApiErrorShape } from '../main/shared/errors';
import { moveWorkspace } from '../main/workspace/move';
import { startCluster, superuserQuery, type Cluster } from '../test/helpers/postgres';
import { FIXTURE_TODAY, generateWorkspace } from './generate';
import { median } from './harness';
import { Random } from './random';

// ---------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------

export interface PrepareOptions {
  years: number;
  scale?: number;
  seed?: number;
  /** The generated SQLite file: kept there, or reused when it already exists. A temp file otherwise. */
  sqliteFile?: string;
  log?: (line: string) => void;
}

export interface Prepared {
  url: string;
  generateMs: number | null;
  moveMs: number;
  rows: number;
}

/**
 * The synthetic workspace in a new database of `cluster`: generated to a SQLite file, then
 * moved in as `cli move` would (through the bundle, verified row for row, one transaction),
 * then ANALYZE, which autovacuum would do within a minute of so many inserts.
 */
export async function prepareTeamWorkspace(cluster: Cluster, options: PrepareOptions): Promise<Prepared> {
  const log = options.log ?? (() => undefined);
  const temp = options.sqliteFile ? null : mkdtempSync(join(tmpdir(), 'board-team-load-'));
  const file = options.sqliteFile ?? join(temp!, `${options.years}-years.db`);
  try {
    let generateMs: number | null = null;
    if (existsSync(file) && statSync(file).size > 0) log(`Reusing ${file}`);
    else {
      const g = generateWorkspace(file, { years: options.years, scale: options.scale, seed: options.seed, log: () => undefined });
      generateMs = g.ms;
      log(`Generated the ${options.years}-year workspace (scale ${g.scale}) in ${(g.ms / 1000).toFixed(1)} s`);
    }
    const source = sqliteStore(openDatabase(file, { verify: false }));
    const url = await cluster.createDatabase();
    const now = () => new Date(`${FIXTURE_TODAY}T08:00:00`);
    let report;
    try {
      report = await moveWorkspace(source, url, { actor: 'bench', now, operation: 'cli.move' });
    } finally {
      await source.close();
    }
    await superuserQuery(url, 'ANALYZE');
    log(`Moved ${report.rows.toLocaleString('en-GB')} rows into PostgreSQL in ${(report.ms.total / 1000).toFixed(1)} s (read ${(report.ms.export / 1000).toFixed(1)} s, copy ${(report.ms.import / 1000).toFixed(1)} s, check ${(report.ms.verify / 1000).toFixed(1)} s)`);
    return { url, generateMs, moveMs: report.ms.total, rows: report.rows };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// The people
// ---------------------------------------------------------------------------------------

/** What a person does next, and how often (relative weights). */
export const DEFAULT_WEIGHTS = {
  listActions: 14,
  listMeetings: 5,
  openMeeting: 8,
  listDecisions: 6,
  listPapers: 4,
  listPeople: 4,
  fundingPosition: 4,
  spendGrid: 3,
  auditTrail: 3,
  editAction: 12,
  editMinutes: 6,
  editPerson: 3,
  saveSpend: 6,
  recordDecision: 2,
  exportActionLog: 1,
  exportMinutes: 1,
};
export type Task = keyof typeof DEFAULT_WEIGHTS;

/** What only the secretariat may write, and what finance writes too (main/db/team-roles.ts grants). */
const SECRETARIAT_WRITES: ReadonlySet<Task> = new Set(['editAction', 'editMinutes', 'editPerson', 'recordDecision']);
const FUNDING_WRITES: ReadonlySet<Task> = new Set(['saveSpend']);

/** Person n's team role (1-based): every fourth from the third is finance (3, 7, 11), the twelfth a reader, the rest secretariat. */
export function teamOf(n: number): TeamRole {
  if (n % 12 === 0) return 'reader';
  return n % 4 === 3 ? 'finance' : 'secretariat';
}

/** Whether a person in `role` does `task` (a reader never writes; finance writes only the funding). */
export function roleDoes(role: TeamRole, task: Task): boolean {
  if (SECRETARIAT_WRITES.has(task)) return role === 'secretariat';
  if (FUNDING_WRITES.has(task)) return role !== 'reader';
  return true;
}

interface Login {
  login: string;
  role: TeamRole;
  url: string;
}

/**
 * The team's logins for one run: the workspace's three team roles (made with their grants if
 * it has none, as `team-roles` does), then one login per person in their role, with a password
 * of its own (a server that checks passwords gets it in the address; the test cluster trusts
 * loopback). Refused, saying what to do, when the address's role may not create roles.
 */
async function makeLogins(url: string, people: number): Promise<{ logins: Login[]; drop: () => Promise<void> }> {
  const admin = await openPostgresStore(url);
  const db = admin.kysely as unknown as Kysely<unknown>;
  try {
    if (!(await mayCreateRoles(db))) {
      throw new Error(`${admin.role} may not create roles, and each simulated person needs a login of their own: give the bench an address whose role has CREATEROLE (the workspace's owner).`);
    }
    const { database } = await workspacePlace(db);
    if ((await existingTeamRoles(db, database)).length !== TEAM_ROLES.length) await createTeamRoles(db);
    const run = randomBytes(3).toString('hex');
    const logins: Login[] = [];
    for (let n = 1; n <= people; n++) {
      const login = `load_${run}_p${n}`;
      const password = randomBytes(12).toString('hex');
      const role = teamOf(n);
      await addPerson(db, login, role, password);
      const u = new URL(url);
      u.username = login;
      u.password = password;
      logins.push({ login, role, url: u.toString() });
    }
    return {
      logins,
      drop: async () => {
        const owner = await openPostgresStore(url);
        try {
          for (const { login } of logins) await sql.raw(`DROP ROLE IF EXISTS ${ident(login)}`).execute(owner.kysely);
        } finally {
          await owner.close();
        }
      },
    };
  } finally {
    await admin.close();
  }
}

export interface TeamLoadOptions {
  people: number;
  seconds: number;
  seed?: number;
  /** How many actions make the hot set several people edit (default 20). */
  hotActions?: number;
  /** Weights to change from DEFAULT_WEIGHTS. */
  weights?: Partial<Record<Task, number>>;
  /** Only these tasks (with their weights). */
  only?: Task[];
  /** How often an edit goes to the hot set rather than any record (0–1; default 0.6 for actions). */
  hotShare?: number;
  /** Pause between tasks, ms (default 50–300). */
  thinkMs?: [number, number];
  /** Between opening a record and saving it, ms (default 100–600): the window in which someone else may save first. */
  editMs?: [number, number];
  log?: (line: string) => void;
  /**
   * Runs after the people stop and before the read-back, on the bench's own connection: for
   * a test that writes over an acknowledged save behind the app's back, to see it reported.
   */
  beforeVerify?: (client: pg.Client) => Promise<void>;
}

export interface OpStats {
  op: string;
  count: number;
  ok: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Refusals and failures by error code ('stale' included). */
  errors: Record<string, number>;
}

export interface Failure {
  op: string;
  actor: string;
  code: string;
  message: string;
  /** What the dispatcher logged as the cause, when it logged one. */
  cause?: string;
}

export interface TeamLoadReport {
  people: number;
  seconds: number;
  elapsedMs: number;
  /**
   * CPU time of this process (every person's app code, one event loop) while they worked: far
   * under `elapsedMs` means the people did not queue behind each other in the bench itself.
   */
  benchCpuMs: number;
  seed: number;
  ops: OpStats[];
  totalOps: number;
  /** 'stale' refusals: two people on one record, the later save refused (expected). */
  conflicts: number;
  conflictsByOp: Record<string, number>;
  /** Saves made again on the newer version after a conflict, and how many of those went through. */
  retries: { made: number; saved: number };
  /** Any error other than 'stale': each is a failure of the app under load. */
  unexpected: Failure[];
  acknowledged: { versioned: number; spendCells: number; decisions: number };
  checked: { records: number; spendCells: number; decisions: number };
  /** Acknowledged writes not found as acknowledged when read back (must be 0). */
  lost: number;
  lostDetails: string[];
  /** Exports written and read back (a zip: .docx and .xlsx). */
  exportsChecked: number;
  /** How many people were in each team role, each their own login. */
  team: Record<TeamRole, number>;
}

type VersionedTable = 'action' | 'agenda_item' | 'person';

interface VersionedAck {
  table: VersionedTable;
  id: number;
  sentVersion: number;
  version: number;
  /** Columns written and the values sent. */
  fields: Record<string, string | number | null>;
  actor: string;
  op: string;
}

interface CellAck {
  /** "line:12|2024-05|actual" */
  cell: string;
  /** null: the cell was cleared. */
  amountPence: number | null;
  /** What the person's grid showed in the cell when they typed (sent as wasPence): the value the write must have gone in over. */
  wasPence: number | null;
  actor: string;
}

interface DecisionAck {
  id: number;
  reference: string;
  title: string;
}

interface Fixture {
  boards: number[];
  liveActions: number[];
  /** Live actions agreed at a meeting whose minutes are approved: their wording and owner no longer change (issue 15), only status and due date. */
  approvedActions: Set<number>;
  hotActions: number[];
  meetings: number[];
  editableMeetings: number[];
  hotMeeting: number | null;
  people: number[];
  hotPeople: number[];
  /** Stream and year pairs that have budget lines. */
  grids: { streamId: number; financialYear: string }[];
  hotGrid: { streamId: number; financialYear: string } | null;
  auditStart: number;
}

async function loadFixture(client: pg.Client, rng: Random, hotActions: number): Promise<Fixture> {
  const ids = async (text: string) => (await client.query<{ id: number }>(text)).rows.map((r) => Number(r.id));
  const liveActions = await ids(`SELECT id FROM action WHERE status IN ('open', 'in_progress') ORDER BY id`);
  const approvedActions = new Set(
    await ids(`SELECT a.id FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE a.status IN ('open', 'in_progress') AND m.status = 'minutes_approved' ORDER BY a.id`),
  );
  // The hot set is worked on in every way (its wording too), so it is drawn from the actions whose wording may still change.
  const rewordable = liveActions.filter((id) => !approvedActions.has(id));
  const meetings = await ids(`SELECT id FROM meeting ORDER BY starts_at DESC LIMIT 200`);
  const editableMeetings = await ids(
    `SELECT m.id FROM meeting m WHERE m.status <> 'minutes_approved' AND EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = m.id) ORDER BY m.starts_at DESC`,
  );
  const people = await ids(`SELECT id FROM person ORDER BY id`);
  const grids = (
    await client.query<{ stream_id: number; financial_year: string }>(`SELECT DISTINCT stream_id, financial_year FROM budget_line ORDER BY financial_year DESC, stream_id`)
  ).rows.map((r) => ({ streamId: Number(r.stream_id), financialYear: r.financial_year }));
  const auditStart = Number((await client.query<{ n: number | null }>(`SELECT max(id) AS n FROM audit_log`)).rows[0]?.n ?? 0);
  return {
    boards: await ids(`SELECT id FROM board ORDER BY id`),
    liveActions,
    approvedActions,
    hotActions: rng.shuffle(rewordable.length > 0 ? rewordable : liveActions).slice(0, hotActions),
    meetings,
    editableMeetings,
    hotMeeting: editableMeetings[0] ?? null,
    people,
    hotPeople: rng.shuffle(people).slice(0, 4),
    grids,
    hotGrid: grids[0] ?? null,
    auditStart,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const TAG = / \[load [^\]]*\]$/;
const tagged = (text: string, tag: string, max: number) => `${text.replace(TAG, '').slice(0, max - tag.length - 1)} ${tag}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ZIP_MAGIC = 'PK';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read by the fields each task expects
type Value = any;

/**
 * Runs the team against the workspace at `url` for `options.seconds`, then reads every
 * acknowledged write back. Never throws for the app's errors: they are in the report.
 */
export async function runTeamLoad(url: string, options: TeamLoadOptions): Promise<TeamLoadReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 20261203;
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const mix = (Object.entries(weights) as [Task, number][]).filter(([task, w]) => w > 0 && (!options.only || options.only.includes(task)));
  if (mix.length === 0) throw new Error('No task left to do: check `only` and `weights`.');
  const hotShare = options.hotShare ?? 0.6;
  const [thinkMin, thinkMax] = options.thinkMs ?? [50, 300];
  const [editMin, editMax] = options.editMs ?? [100, 600];
  const outDir = mkdtempSync(join(tmpdir(), 'board-team-load-out-'));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const fixture = await loadFixture(client, new Random(seed), options.hotActions ?? 20);

  const samples = new Map<string, number[]>();
  const errors = new Map<string, Record<string, number>>();
  const okCounts = new Map<string, number>();
  const conflictsByOp: Record<string, number> = {};
  const unexpected: Failure[] = [];
  const versionedAcks: VersionedAck[] = [];
  const cellAcks: CellAck[] = [];
  const decisionAcks: DecisionAck[] = [];
  const retries = { made: 0, saved: 0 };
  let exportsChecked = 0;
  let serial = 0;
  // Each grid's layout (its rows' keys and months), fetched once by whoever opens it first.
  const layouts = new Map<string, { keys: string[]; months: string[] }>();

  // The workspace's own "today" (its data ends there), moving on with the clock.
  const base = Date.parse(`${FIXTURE_TODAY}T09:00:00`);
  const started = Date.now();
  const now = () => new Date(base + (Date.now() - started));
  const deadline = performance.now() + options.seconds * 1000;

  const { logins, drop } = await makeLogins(url, options.people);

  async function person(n: number): Promise<void> {
    const { login, role, url: address } = logins[n - 1]!;
    // The audit trail names the login (main/shared/context.ts): the actor is who they connect as.
    const actor = login;
    const rng = new Random(seed + n * 7919);
    const mine = mix.filter(([task]) => roleDoes(role, task));
    const store = await openPostgresStore(address);
    let lastCause: string | undefined;
    const session: Session = {
      store,
      actor,
      now,
      log: (message, err) => {
        lastCause = `${message}: ${err instanceof Error ? err.message : String(err)}`;
      },
    };
    const think = (min = thinkMin, max = thinkMax) => sleep(rng.int(min, max));
    const hot = <T>(hotSet: readonly T[], all: readonly T[], p: number) => (hotSet.length > 0 && rng.chance(p) ? rng.pick(hotSet) : rng.pick(all));

    /** One call through the dispatcher, timed; the error is recorded and returned, never thrown. */
    async function call(op: string, input: unknown): Promise<{ ok: true; value: Value } | { ok: false; error: ApiErrorShape }> {
      lastCause = undefined;
      const t0 = performance.now();
      const envelope = await dispatch(session, op, input);
      const ms = performance.now() - t0;
      const list = samples.get(op) ?? [];
      list.push(ms);
      samples.set(op, list);
      if (envelope.ok) {
        okCounts.set(op, (okCounts.get(op) ?? 0) + 1);
        return { ok: true, value: envelope.value };
      }
      const byCode = errors.get(op) ?? {};
      byCode[envelope.error.code] = (byCode[envelope.error.code] ?? 0) + 1;
      errors.set(op, byCode);
      if (envelope.error.code === 'stale') conflictsByOp[op] = (conflictsByOp[op] ?? 0) + 1;
      else unexpected.push({ op, actor, code: envelope.error.code, message: envelope.error.message, ...(lastCause ? { cause: lastCause } : {}) });
      return envelope;
    }

    /**
     * Open a record, think, save with the version read; on a conflict open it again and save
     * once more on the new version, as a person shown "Changed by … since you opened it" would.
     */
    async function openThenSave(open: () => Promise<{ version: number } | null>, save: (version: number, attempt: number) => Promise<boolean | 'stale'>): Promise<void> {
      for (let attempt = 0; attempt < 2; attempt++) {
        const read = await open();
        if (!read) return;
        await think(editMin, editMax);
        if (attempt > 0) retries.made++;
        const saved = await save(read.version, attempt);
        if (saved !== 'stale') {
          if (saved && attempt > 0) retries.saved++;
          return;
        }
      }
    }

    const ackVersioned = (op: string, table: VersionedTable, id: number, sentVersion: number, version: unknown, fields: VersionedAck['fields']) => {
      if (typeof version !== 'number') {
        unexpected.push({ op, actor, code: 'bench.noVersion', message: `${op} of ${table} ${id} answered without the record's version` });
        return;
      }
      versionedAcks.push({ table, id, sentVersion, version, fields, actor, op });
    };

    async function checkExport(op: string, path: string): Promise<void> {
      try {
        const fd = openSync(path, 'r');
        const head = Buffer.alloc(2);
        readSync(fd, head, 0, 2, 0);
        closeSync(fd);
        if (head.toString('latin1') !== ZIP_MAGIC) throw new Error('not a zip (.docx/.xlsx) file');
        exportsChecked++;
      } catch (err) {
        unexpected.push({ op, actor, code: 'bench.exportUnreadable', message: `${path}: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        rmSync(path, { force: true });
      }
    }

    const gridOf = (g: { streamId: number; financialYear: string }) => `${g.streamId}|${g.financialYear}`;
    async function openGrid(g: { streamId: number; financialYear: string }): Promise<{ keys: string[]; months: string[]; was: Map<string, number | null> } | null> {
      const r = await call('spend.grid', { streamId: g.streamId, financialYear: g.financialYear });
      if (!r.ok) return null;
      const rows = r.value.rows as { key: string; actual: (number | null)[]; forecast: (number | null)[] }[];
      const months = r.value.months as string[];
      const layout = { keys: rows.map((row) => row.key), months };
      layouts.set(gridOf(g), layout);
      // Each cell as the grid showed it, sent back as wasPence as the grid does (SpendGridView).
      const was = new Map<string, number | null>();
      for (const row of rows) months.forEach((m, i) => (was.set(`${row.key}|${m}|actual`, row.actual[i] ?? null), was.set(`${row.key}|${m}|forecast`, row.forecast[i] ?? null)));
      return { ...layout, was };
    }

    /** One save of the spend grid: true saved, 'stale' refused because a cell moved since it was opened, false otherwise. */
    async function saveSpendOnce(g: { streamId: number; financialYear: string }, isHot: boolean): Promise<boolean | 'stale'> {
      const layout = await openGrid(g);
      if (!layout || layout.keys.length === 0) return false;
      await think(editMin, editMax);
      // The hot grid's first three rows and four months (both kinds) are typed into by several people.
      const keys = isHot ? layout.keys.slice(0, 3) : layout.keys;
      const months = isHot ? layout.months.slice(0, 4) : layout.months;
      const wanted = new Set<string>();
      const count = rng.int(1, 4);
      for (let i = 0; i < count * 3 && wanted.size < count; i++) {
        wanted.add(`${rng.int(0, keys.length - 1)}|${rng.int(0, months.length - 1)}|${rng.pick(['actual', 'forecast'])}`);
      }
      // In the grid's order, as a person types or pastes them.
      const cells = [...wanted]
        .map((w) => w.split('|'))
        .sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]) || a[2]!.localeCompare(b[2]!))
        .map(([k, m, kind]) => {
          // Every amount written is unique, so each acknowledged write can be found in the audit
          // trail; now and then a cell is cleared (an entry made by mistake), to be typed again later.
          const amountPence = rng.chance(0.15) ? null : 100_000 + ++serial;
          return { target: keys[Number(k)]!, month: months[Number(m)]!, kind: kind!, amountPence };
        });
      const r = await call('spend.setCells', {
        streamId: g.streamId,
        financialYear: g.financialYear,
        cells: cells.map((c) => ({
          target: c.target,
          month: c.month,
          kind: c.kind,
          amount: c.amountPence === null ? '' : (c.amountPence / 100).toFixed(2),
          wasPence: layout.was.get(`${c.target}|${c.month}|${c.kind}`) ?? null,
        })),
      });
      if (!r.ok) return r.error.code === 'stale' ? 'stale' : false;
      for (const c of cells) {
        const cell = `${c.target}|${c.month}|${c.kind}`;
        cellAcks.push({ cell, amountPence: c.amountPence, wasPence: layout.was.get(cell) ?? null, actor });
      }
      return true;
    }

    const tasks: Record<Task, () => Promise<void>> = {
      listActions: async () => {
        await call('action.list', rng.chance(0.5) ? { statuses: ['open', 'in_progress'] } : { boardId: rng.pick(fixture.boards), statuses: ['open', 'in_progress'] });
      },
      listMeetings: async () => {
        await call('meeting.list', { boardId: rng.chance(0.7) ? rng.pick(fixture.boards) : null, from: null, to: null, status: null });
      },
      openMeeting: async () => {
        await call('meeting.get', { id: hot(fixture.editableMeetings, fixture.meetings, 0.3) });
      },
      listDecisions: async () => {
        await call('decision.list', rng.chance(0.3) ? { boardId: rng.pick(fixture.boards), search: rng.pick(['funding', 'youth', 'knife', 'evaluation']) } : { boardId: rng.pick(fixture.boards) });
      },
      listPapers: async () => {
        await call('paper.list', { boardId: rng.pick(fixture.boards) });
      },
      listPeople: async () => {
        await call('person.list', rng.chance(0.3) ? { search: rng.pick(['smith', 'an', 'po']) } : {});
      },
      fundingPosition: async () => {
        if (fixture.grids.length === 0) return;
        const g = rng.chance(0.5) && fixture.hotGrid ? fixture.hotGrid : rng.pick(fixture.grids);
        await call('funding.position', { streamId: g.streamId, financialYear: g.financialYear });
      },
      spendGrid: async () => {
        if (fixture.grids.length === 0) return;
        await openGrid(rng.chance(0.5) && fixture.hotGrid ? fixture.hotGrid : rng.pick(fixture.grids));
      },
      auditTrail: async () => {
        await call('audit.list', rng.chance(0.5) && fixture.hotActions.length ? { entity: 'action', entityId: rng.pick(fixture.hotActions), limit: 50 } : { limit: 100 });
      },
      editAction: async () => {
        if (fixture.liveActions.length === 0) return;
        const id = hot(fixture.hotActions, fixture.liveActions, hotShare);
        let meetingDate: string | null = null;
        let description = '';
        let dueOn: string | null = null;
        await openThenSave(
          async () => {
            const r = await call('action.get', { id });
            if (!r.ok) return null;
            meetingDate = r.value.meetingStartsAt ? String(r.value.meetingStartsAt).slice(0, 10) : null;
            description = String(r.value.description);
            dueOn = r.value.dueOn === null ? null : String(r.value.dueOn);
            return { version: r.value.version as number };
          },
          async (version) => {
            const tag = `[load ${actor} #${++serial}]`;
            const patch: Record<string, string> = {};
            const fields: VersionedAck['fields'] = {};
            // Agreed at a meeting whose minutes are approved: its wording stays as minuted, its progress (status, due date) moves on.
            const minuted = fixture.approvedActions.has(id);
            let status = rng.chance(0.4);
            let due = rng.chance(0.4);
            if (minuted && !status && !due) [status, due] = rng.chance(0.5) ? [true, false] : [false, true];
            if (!minuted) {
              patch.description = tagged(description, tag, 2000);
              fields.description = patch.description;
            }
            if (status) {
              patch.status = rng.weighted([['in_progress', 5], ['open', 3], ['done', 1]] as const);
              fields.status = patch.status;
            }
            if (due) {
              const today = now().toISOString().slice(0, 10);
              const from = meetingDate && meetingDate > today ? meetingDate : today;
              patch.dueOn = addDays(from, rng.int(1, 90));
              fields.due_on = patch.dueOn;
              // A revised due date keeps the original and says why (issue 15): a reason goes with a changed date only.
              if (patch.dueOn !== dueOn) patch.dueReason = `Revised by ${actor} ${tag}`;
            }
            const r = await call('action.update', { id, ...patch, version });
            if (!r.ok) return r.error.code === 'stale' ? 'stale' : false;
            ackVersioned('action.update', 'action', id, version, r.value.version, fields);
            return true;
          },
        );
      },
      editMinutes: async () => {
        const meetingId = fixture.editableMeetings.length ? hot(fixture.hotMeeting ? [fixture.hotMeeting] : [], fixture.editableMeetings, 0.6) : null;
        if (meetingId === null) return;
        let itemId: number | null = null;
        await openThenSave(
          async () => {
            const r = await call('meeting.get', { id: meetingId });
            if (!r.ok) return null;
            const agenda = r.value.agenda as { id: number; version: number }[];
            if (agenda.length === 0) return null;
            // The hot meeting's first three items are where several people minute at once.
            const item = itemId === null ? (meetingId === fixture.hotMeeting ? rng.pick(agenda.slice(0, 3)) : rng.pick(agenda)) : agenda.find((i) => i.id === itemId);
            if (!item) return null;
            itemId = item.id;
            return { version: item.version };
          },
          async (version) => {
            const discussion = `${rng.pick(MINUTES)} ${rng.pick(MINUTES)} [load ${actor} #${++serial}]`;
            const r = await call('agenda.updateItem', { id: itemId, discussion, version });
            if (!r.ok) return r.error.code === 'stale' ? 'stale' : false;
            const item = (r.value.agenda as { id: number; version: number }[]).find((i) => i.id === itemId);
            ackVersioned('agenda.updateItem', 'agenda_item', itemId!, version, item?.version, { discussion });
            return true;
          },
        );
      },
      editPerson: async () => {
        if (fixture.people.length === 0) return;
        const id = hot(fixture.hotPeople, fixture.people, 0.5);
        let read: Value = null;
        await openThenSave(
          async () => {
            const r = await call('person.get', { id });
            if (!r.ok) return null;
            read = r.value;
            return { version: read.version as number };
          },
          async (version) => {
            const s = ++serial;
            const phone = `0161 496 ${String(s).padStart(4, '0')}`;
            const notes = `Contact details checked [load ${actor} #${s}]`;
            const { givenName, familyName, honorific, jobTitle, organisationId, email } = read;
            const r = await call('person.update', { id, givenName, familyName, honorific, jobTitle, organisationId, email, phone, notes, version });
            if (!r.ok) return r.error.code === 'stale' ? 'stale' : false;
            ackVersioned('person.update', 'person', id, version, r.value.version, { phone, notes });
            return true;
          },
        );
      },
      saveSpend: async () => {
        if (fixture.grids.length === 0) return;
        const g = rng.chance(0.6) && fixture.hotGrid ? fixture.hotGrid : rng.pick(fixture.grids);
        const isHot = g === fixture.hotGrid;
        // Open the grid, type, save with what each cell held when opened; refused as stale
        // (someone saved one of those cells meanwhile), open it again and save once more.
        for (let attempt = 0; attempt < 2; attempt++) {
          if (attempt > 0) retries.made++;
          const saved = await saveSpendOnce(g, isHot);
          if (saved !== 'stale') {
            if (saved && attempt > 0) retries.saved++;
            return;
          }
        }
      },
      recordDecision: async () => {
        const title = `Load decision ${actor} #${++serial}`;
        const r = await call('decision.create', { boardId: rng.pick(fixture.boards), title, type: rng.pick(['approve', 'endorse', 'note']), text: 'Recorded by the team load bench.' });
        if (r.ok) decisionAcks.push({ id: r.value.decision.id as number, reference: r.value.decision.reference as string, title });
      },
      exportActionLog: async () => {
        const out = join(outDir, `actions-${actor}-${++serial}.xlsx`);
        const r = await call('action.exportLog', { statuses: ['open', 'in_progress'], format: 'xlsx', out, ...(rng.chance(0.5) ? { boardId: rng.pick(fixture.boards) } : {}) });
        if (r.ok) await checkExport('action.exportLog', out);
      },
      exportMinutes: async () => {
        if (fixture.meetings.length === 0) return;
        const out = join(outDir, `minutes-${actor}-${++serial}.docx`);
        const r = await call('meeting.exportMinutes', { id: hot(fixture.editableMeetings, fixture.meetings, 0.3), out });
        if (r.ok) await checkExport('meeting.exportMinutes', out);
      },
    };

    try {
      // Not everyone starts in the same millisecond.
      await think(0, thinkMax);
      while (performance.now() < deadline) {
        // Nothing of the mix is theirs to do (a reader given only edits): they wait, as someone only watching would.
        if (mine.length === 0) await sleep(Math.max(0, deadline - performance.now()));
        else await tasks[rng.weighted(mine)]();
        await think();
      }
    } catch (err) {
      unexpected.push({ op: '(bench)', actor, code: 'bench.threw', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    } finally {
      await store.close();
    }
  }

  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  log(`${options.people} ${options.people === 1 ? 'person' : 'people'}, each their own login (${TEAM_ROLES.map((r) => `${logins.filter((l) => l.role === r).length} ${r}`).join(', ')}), for ${options.seconds} s; hot set: ${fixture.hotActions.length} actions, meeting ${fixture.hotMeeting ?? '—'}, ${fixture.hotPeople.length} people, grid ${fixture.hotGrid ? `${fixture.hotGrid.streamId} ${fixture.hotGrid.financialYear}` : '—'}; load average ${loadavg()[0]!.toFixed(1)}`);
  try {
    await Promise.all(Array.from({ length: options.people }, (_, i) => person(i + 1)));
  } finally {
    // After the people's pools are closed (each person closes theirs): a login with a session open cannot be dropped.
    await drop().catch((err: unknown) => log(`Could not drop the run's logins: ${err instanceof Error ? err.message : String(err)}`));
  }
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const benchCpuMs = (cpu.user + cpu.system) / 1000;
  log(`Done in ${(elapsedMs / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}. Reading every acknowledged write back…`);

  let verdict: Awaited<ReturnType<typeof verify>>;
  try {
    await options.beforeVerify?.(client);
    verdict = await verify(client, fixture.auditStart, versionedAcks, cellAcks, decisionAcks);
  } finally {
    await client.end();
    rmSync(outDir, { recursive: true, force: true });
  }

  const ops: OpStats[] = [...samples.entries()]
    .map(([op, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { op, count: list.length, ok: okCounts.get(op) ?? 0, p50Ms: median(sorted), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1]!, errors: errors.get(op) ?? {} };
    })
    .sort((a, b) => a.op.localeCompare(b.op));
  return {
    people: options.people,
    seconds: options.seconds,
    elapsedMs,
    benchCpuMs,
    seed,
    ops,
    totalOps: ops.reduce((n, o) => n + o.count, 0),
    conflicts: Object.values(conflictsByOp).reduce((n, c) => n + c, 0),
    conflictsByOp,
    retries,
    unexpected,
    acknowledged: { versioned: versionedAcks.length, spendCells: cellAcks.length, decisions: decisionAcks.length },
    checked: verdict.checked,
    lost: verdict.lost.length,
    lostDetails: verdict.lost,
    exportsChecked,
    team: Object.fromEntries(TEAM_ROLES.map((r) => [r, logins.filter((l) => l.role === r).length])) as Record<TeamRole, number>,
  };
}

const MINUTES = [
  'The board discussed the paper and agreed the recommendations.',
  'Members asked for the figures to be broken down by district.',
  'The lead officer explained the delay and the recovery plan.',
  'Partners agreed to share data monthly from next quarter.',
  'The Chair asked for an update at the next meeting.',
];

// ---------------------------------------------------------------------------------------
// Reading every acknowledged write back
// ---------------------------------------------------------------------------------------

const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

/**
 * Lost updates, from the database itself (a pg client of its own, not the app):
 *
 * - Versioned records (actions, agenda items, people): every acknowledged save sent the
 *   version it read and got back the version it made. For each record the versions made
 *   must be unique (two saves acknowledged as making one version: one was written over),
 *   each must be the version sent plus one (anything else: a save went in over a change it
 *   never saw), the row must be at the highest version made (a later write nobody was told
 *   of), and it must hold that save's values.
 * - Spend cells carry no version column: each save sends what the grid showed in every cell
 *   it writes (wasPence) and a cell that moved since is refused as stale. Every amount written
 *   is unique, so each acknowledged cell is found in the audit trail (its create or update
 *   row, by cell and amount; missing = lost), and the value the cell held just before that
 *   row, in audit order, must be the wasPence the save sent (anything else: the save went in
 *   over a change it never saw, which is lost); an acknowledged clear must match a delete row
 *   over its wasPence the same way. Per cell the latest audit_log row is the last write
 *   committed: it must be an acknowledged write (an amount someone was told was saved, or a
 *   clear when someone's clear was acknowledged), and the cell must hold what it left.
 * - Decisions recorded: each acknowledged one must exist with the reference it was given.
 */
async function verify(client: pg.Client, auditStart: number, versioned: VersionedAck[], cells: CellAck[], decisions: DecisionAck[]) {
  const lost: string[] = [];
  let records = 0;

  const byRecord = new Map<string, VersionedAck[]>();
  for (const a of versioned) {
    const key = `${a.table}:${a.id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), a]);
  }
  for (const table of ['action', 'agenda_item', 'person'] as const) {
    const ids = [...new Set(versioned.filter((a) => a.table === table).map((a) => a.id))];
    if (ids.length === 0) continue;
    const rows = new Map((await client.query(`SELECT * FROM ${table} WHERE id = ANY($1::int[])`, [ids])).rows.map((r: Record<string, unknown>) => [Number(r.id), r]));
    for (const id of ids) {
      records++;
      const acks = byRecord.get(`${table}:${id}`)!.sort((a, b) => a.version - b.version);
      const row = rows.get(id);
      const name = `${table} ${id}`;
      if (!row) {
        lost.push(`${name}: gone, though ${acks.length} save(s) were acknowledged`);
        continue;
      }
      const seen = new Map<number, VersionedAck>();
      for (const a of acks) {
        const twin = seen.get(a.version);
        if (twin) lost.push(`${name}: version ${a.version} acknowledged twice (${twin.actor} and ${a.actor}): one save was written over`);
        seen.set(a.version, a);
        if (a.version !== a.sentVersion + 1) lost.push(`${name}: ${a.actor}'s save sent version ${a.sentVersion} and made ${a.version}, not ${a.sentVersion + 1}`);
      }
      const last = acks[acks.length - 1]!;
      if (Number(row.version) !== last.version) lost.push(`${name}: at version ${String(row.version)}, but the last acknowledged save made ${last.version}`);
      for (const [col, value] of Object.entries(last.fields)) {
        if (!same(row[col], value)) lost.push(`${name}.${col}: holds ${JSON.stringify(row[col])}, but ${last.actor}'s last acknowledged save (version ${last.version}) wrote ${JSON.stringify(value)}`);
      }
    }
  }

  // Spend: the audit rows written during the run. An amount identifies its write (every
  // amount typed is unique); a clear is a delete row, and says only which cell.
  const audits = new Map<string, number>();
  const latestAudit = new Map<string, { id: number; amountPence: number | null }>();
  /** Per audit row: the cell's value just before it, in audit order (the first row of a cell in the run: its own before_json). */
  const before = new Map<number, number | null>();
  /** Per cell, the value before each of its delete rows. */
  const clearedOver = new Map<string, { id: number; was: number | null }[]>();
  const current = new Map<string, number | null>();
  const { rows: auditRows } = await client.query<{ id: number; action: string; before_json: string | null; after_json: string | null }>(
    `SELECT id, action, before_json, after_json FROM audit_log WHERE entity = 'spend' AND id > $1 ORDER BY id`,
    [auditStart],
  );
  const cellOf = (r: Record<string, unknown>) => `${r.budget_line_id != null ? `line:${String(r.budget_line_id)}` : `award:${String(r.award_id)}`}|${String(r.month)}|${String(r.kind)}`;
  for (const r of auditRows) {
    const row = JSON.parse((r.action === 'delete' ? r.before_json : r.after_json) ?? '{}') as Record<string, unknown>;
    const cell = cellOf(row);
    const amountPence = r.action === 'delete' ? null : Number(row.amount_pence);
    if (amountPence !== null) audits.set(`${cell}#${amountPence}`, Number(r.id));
    latestAudit.set(cell, { id: Number(r.id), amountPence });
    let prior: number | null;
    if (current.has(cell)) prior = current.get(cell)!;
    else if (r.action === 'create' || r.before_json === null) prior = null;
    else prior = Number((JSON.parse(r.before_json) as Record<string, unknown>).amount_pence);
    before.set(Number(r.id), prior);
    if (amountPence === null) clearedOver.set(cell, [...(clearedOver.get(cell) ?? []), { id: Number(r.id), was: prior }]);
    current.set(cell, amountPence);
  }
  const { rows: spendRows } = await client.query<Record<string, unknown>>(`SELECT budget_line_id, award_id, month, kind, amount_pence FROM spend`);
  const amounts = new Map<string, number>();
  for (const r of spendRows) amounts.set(cellOf(r), Number(r.amount_pence));
  const acksByCell = new Map<string, CellAck[]>();
  for (const a of cells) {
    acksByCell.set(a.cell, [...(acksByCell.get(a.cell) ?? []), a]);
    if (a.amountPence !== null) {
      const id = audits.get(`${a.cell}#${a.amountPence}`);
      if (id === undefined) lost.push(`spend ${a.cell}: ${a.actor}'s acknowledged amount ${a.amountPence} is not in the audit trail`);
      else if (before.get(id) !== a.wasPence) {
        lost.push(`spend ${a.cell}: ${a.actor}'s save of ${a.amountPence} (audit ${id}) went in over ${before.get(id) ?? 'nothing'}, but their grid showed ${a.wasPence ?? 'nothing'}: a change they never saw was written over`);
      }
    } else if (a.wasPence !== null && !(clearedOver.get(a.cell) ?? []).some((d) => d.was === a.wasPence)) {
      lost.push(`spend ${a.cell}: ${a.actor}'s acknowledged clear of ${a.wasPence} matches no delete row over that value in the audit trail`);
    }
  }
  for (const [cell, acks] of acksByCell) {
    const held = amounts.get(cell) ?? null;
    const latest = latestAudit.get(cell);
    // The last write committed to the cell (the latest audit row) must be an acknowledged one, and the cell must hold what it wrote.
    let expected: number | null;
    let by: string;
    if (!latest) {
      // Only clears, of a cell already empty: nothing was written, and it must still be empty.
      if (acks.some((a) => a.amountPence !== null)) continue; // reported above
      expected = null;
      by = 'clears of an empty cell';
    } else if (latest.amountPence === null) {
      if (!acks.some((a) => a.amountPence === null)) lost.push(`spend ${cell}: cleared (audit ${latest.id}), but nobody's clear of it was acknowledged`);
      expected = null;
      by = `a clear (audit ${latest.id})`;
    } else {
      const ack = acks.find((a) => a.amountPence === latest.amountPence);
      if (!ack) lost.push(`spend ${cell}: its last write (audit ${latest.id}, ${latest.amountPence}) was not acknowledged to anyone`);
      expected = latest.amountPence;
      by = `${ack?.actor ?? 'nobody'}'s write (audit ${latest.id})`;
    }
    if (held !== expected) lost.push(`spend ${cell}: holds ${held ?? 'nothing'}, but the last acknowledged write, ${by}, left ${expected ?? 'nothing'}`);
  }

  // Decisions.
  if (decisions.length > 0) {
    const { rows } = await client.query<{ id: number; reference: string; title: string }>(`SELECT id, reference, title FROM decision WHERE id = ANY($1::int[])`, [decisions.map((d) => d.id)]);
    const found = new Map(rows.map((r) => [Number(r.id), r]));
    const refs = new Map<string, DecisionAck>();
    for (const d of decisions) {
      const row = found.get(d.id);
      if (!row) lost.push(`decision ${d.id} (${d.reference}): acknowledged but not there`);
      else if (row.reference !== d.reference || row.title !== d.title) lost.push(`decision ${d.id}: holds ${row.reference} "${row.title}", acknowledged as ${d.reference} "${d.title}"`);
      const twin = refs.get(d.reference.toLowerCase());
      if (twin) lost.push(`decisions ${twin.id} and ${d.id} were both given ${d.reference}`);
      refs.set(d.reference.toLowerCase(), d);
    }
  }
  return { lost, checked: { records, spendCells: acksByCell.size, decisions: decisions.length } };
}

// ---------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------

interface Args {
  people: number;
  seconds: number;
  years: number;
  scale: number;
  seed?: number;
  hot: number;
  db?: string;
  sqlite?: string;
  json: string;
}

const USAGE = 'Usage: npm run bench:team -- [--people 12] [--seconds 60] [--years 10] [--scale 1] [--seed N] [--hot 20] [--db postgres://…] [--sqlite FILE] [--json FILE]';

function parseArgs(argv: string[]): Args {
  const args: Args = { people: 12, seconds: 60, years: 10, scale: 1, hot: 20, json: join(dirname(fileURLToPath(import.meta.url)), 'results', 'team-load.json') };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
    const whole = (min: number, max: number) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}`);
      return n;
    };
    if (flag === '--people') args.people = whole(1, 40);
    else if (flag === '--seconds') args.seconds = whole(1, 3600);
    else if (flag === '--years') args.years = whole(1, 10);
    else if (flag === '--scale') {
      args.scale = Number(value);
      if (!(args.scale > 0 && args.scale <= 1)) throw new Error('--scale must be above 0 and at most 1');
    } else if (flag === '--seed') args.seed = whole(0, 2 ** 31);
    else if (flag === '--hot') args.hot = whole(1, 1000);
    else if (flag === '--db') args.db = value;
    else if (flag === '--sqlite') args.sqlite = resolve(value);
    else if (flag === '--json') args.json = resolve(value);
    else throw new Error(`Unknown option ${flag}. ${USAGE}`);
  }
  return args;
}

export function printReport(report: TeamLoadReport, log: (line: string) => void): void {
  const ms = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(1) : n.toFixed(0));
  const header = ['operation', 'count', 'p50 ms', 'p95 ms', 'max ms', 'errors'];
  const lines = report.ops.map((o) => [
    o.op,
    String(o.count),
    ms(o.p50Ms),
    ms(o.p95Ms),
    ms(o.maxMs),
    Object.entries(o.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  log(format(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) log(format(l));
  log('');
  log(
    `${report.totalOps} operations by ${report.people} ${report.people === 1 ? 'person' : 'people'} (${TEAM_ROLES.map((r) => `${report.team[r]} ${r}`).join(', ')}; each their own login) in ${(report.elapsedMs / 1000).toFixed(1)} s (${(report.totalOps / (report.elapsedMs / 1000)).toFixed(1)} a second); ` +
      `the bench process used ${(report.benchCpuMs / 1000).toFixed(1)} s of CPU meanwhile (${((100 * report.benchCpuMs) / report.elapsedMs).toFixed(0)}% of one core)`,
  );
  log(`Conflicts (saves refused as stale): ${report.conflicts}${report.conflicts ? ` (${Object.entries(report.conflictsByOp).map(([op, n]) => `${op} ${n}`).join(', ')})` : ''}; saved again on the new version ${report.retries.saved} of ${report.retries.made}`);
  log(`Acknowledged writes: ${report.acknowledged.versioned} record saves, ${report.acknowledged.spendCells} spend cells, ${report.acknowledged.decisions} decisions; read back: ${report.checked.records} records, ${report.checked.spendCells} cells, ${report.checked.decisions} decisions; exports read back ${report.exportsChecked}`);
  log(`Lost updates: ${report.lost}`);
  for (const d of report.lostDetails.slice(0, 20)) log(`  ${d}`);
  log(`Unexpected errors: ${report.unexpected.length}`);
  for (const f of report.unexpected.slice(0, 20)) log(`  ${f.op} (${f.actor}): ${f.code}: ${f.message}${f.cause ? ` [${f.cause}]` : ''}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  let cluster: Cluster | null = null;
  let prepared: Prepared | null = null;
  try {
    let url = args.db;
    if (!url) {
      // Each person's app keeps a pool of up to 4 connections (main/db/postgres-store.ts), and
      // a team's logins, unlike a superuser, may not use the slots kept for superusers.
      const started = await startCluster({ maxConnections: Math.max(50, args.people * 4 + 20) });
      if ('skipped' in started) throw new Error(started.skipped);
      cluster = started;
      prepared = await prepareTeamWorkspace(cluster, { years: args.years, scale: args.scale, seed: args.seed, sqliteFile: args.sqlite, log });
      url = prepared.url;
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const postgres = String((await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v).split(' on ')[0];
    await client.end();
    const report = await runTeamLoad(url, { people: args.people, seconds: args.seconds, seed: args.seed, hotActions: args.hot, log });
    log('');
    printReport(report, log);
    {
      const out = {
        generatedAt: new Date().toISOString(),
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, postgres, loadAverageAtEnd: loadavg() },
        workspace: args.db ? { reused: true } : { years: args.years, scale: args.scale, rows: prepared?.rows, generateMs: prepared?.generateMs, moveMs: prepared?.moveMs },
        ...report,
      };
      mkdirSync(dirname(args.json), { recursive: true });
      writeFileSync(args.json, JSON.stringify(out, null, 2) + '\n');
      log(`\nWrote ${args.json}`);
    }
    // A run that acknowledged nothing of a kind checked nothing of it: "0 lost" would be vacuous.
    const unchecked = Object.entries(report.acknowledged).filter(([, n]) => n === 0).map(([kind]) => kind);
    if (unchecked.length > 0) log(`\nNothing of ${unchecked.join(', ')} was acknowledged, so none of it was checked: the run proves nothing for it.`);
    if (report.lost > 0 || report.unexpected.length > 0 || unchecked.length > 0) process.exitCode = 1;
  } finally {
    if (cluster) await cluster.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  });
}
