import type { Ctx } from '../shared/context';
import { formatDateShort, formatTime } from '../shared/dates';
import { DomainError, type StaleChange, type StaleDetail } from '../shared/errors';
import { VERSIONED_TABLES } from './migrations/005-record-versions';
import { VERSIONED_SINCE_010 } from './migrations/010-register-of-interests';
import { VERSIONED_SINCE_013 } from './migrations/013-grant-round';
import { camelKey, snakeKey } from './rows';
import { sql } from './statements';

/**
 * Two people, one record. Every record a person edits carries a version (migration 005),
 * which each update through main/db/audit.ts increases by one. An update or delete that says
 * which version it was read at is checked against the record inside the write's transaction,
 * before anything is written: on PostgreSQL the row is locked (SELECT … FOR UPDATE), so a
 * second writer that read the same version waits for the first to commit and is then refused;
 * on SQLite the write lock (BEGIN IMMEDIATE) already makes writers take turns.
 *
 * A refusal names who changed the record and when, from the audit trail, and lists their
 * values beside the ones being saved, so the person can redo their change on the new version
 * (DomainError code "stale", with `stale` on the error shape). The record is never written
 * over silently.
 */
export type VersionedTable = (typeof VERSIONED_TABLES)[number] | (typeof VERSIONED_SINCE_010)[number] | (typeof VERSIONED_SINCE_013)[number];

const versioned = new Set<string>([...VERSIONED_TABLES, ...VERSIONED_SINCE_010, ...VERSIONED_SINCE_013]);
export function isVersioned(table: string): table is VersionedTable {
  return versioned.has(table);
}

/** Columns that say nothing to the person when listed as a difference. */
const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at']);

/** "2026-12-03T10:42:05" → "10:42 on 03/12/2026", as every stale refusal says when. */
export function when(at: string): string {
  return `${formatTime(at)} on ${formatDateShort(at)}`;
}

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

/**
 * Refuses the write when the record is no longer at `expected`: changed since (a newer
 * version) or deleted since. Returns quietly when it is still at that version. A record that
 * never existed is left to the handler's own "not found".
 */
export async function checkVersion(ctx: Ctx, table: VersionedTable, id: number, expected: number, yours: Record<string, unknown> = {}): Promise<void> {
  const lock = ctx.engine === 'postgres' ? ' FOR UPDATE' : '';
  const current = await sql<Record<string, unknown>>(ctx, `SELECT * FROM ${table} WHERE id = ?${lock}`).get(id);
  if (current && Number(current.version) === expected) return;
  const noun = table.replace(/_/g, ' ');
  if (!current) {
    const gone = await sql<AuditRow>(
      ctx,
      `SELECT at, actor, action, before_json, after_json FROM audit_log WHERE entity = ? AND entity_id = ? AND action = 'delete' ORDER BY id DESC LIMIT 1`,
    ).get(table, id);
    if (!gone) return;
    const stale: StaleDetail = { by: gone.actor, at: gone.at, deleted: true, version: null, changes: [] };
    throw new DomainError(
      'stale',
      `Deleted by ${gone.actor} at ${when(gone.at)} since you opened it. Your change to this ${noun} was not saved; close it and carry on without it.`,
      'version',
    ).withStale(stale);
  }
  // Every update since the version they read, newest first: who made the last one, and which fields they changed.
  const since = await sql<AuditRow>(
    ctx,
    `SELECT at, actor, action, before_json, after_json FROM audit_log WHERE entity = ? AND entity_id = ? AND action = 'update' ORDER BY id DESC LIMIT 50`,
  ).all(table, id);
  const theirs = since.filter((r) => {
    const v = Number(parse(r.before_json).version);
    return Number.isNaN(v) || v >= expected;
  });
  const latest = theirs[0] ?? since[0];
  const by = latest?.actor ?? 'someone else';
  const at = latest?.at ?? String(current.updated_at ?? '');
  const fields = new Set<string>();
  for (const r of theirs) {
    const before = parse(r.before_json);
    const after = parse(r.after_json);
    for (const col of Object.keys(after)) if (!BOOKKEEPING.has(col) && !same(before[col], after[col])) fields.add(col);
  }
  const yoursByColumn = new Map<string, unknown>();
  for (const [k, v] of Object.entries(yours)) {
    const col = snakeKey(k);
    if (col in current && !BOOKKEEPING.has(col)) yoursByColumn.set(col, v);
  }
  for (const [col, v] of yoursByColumn) if (!same(current[col], v)) fields.add(col);
  const changes: StaleChange[] = [...fields].map((col) => ({
    field: camelKey(col),
    theirs: current[col] ?? null,
    yours: yoursByColumn.has(col) ? (yoursByColumn.get(col) ?? null) : null,
    yoursSent: yoursByColumn.has(col),
  }));
  const stale: StaleDetail = { by, at, deleted: false, version: Number(current.version), changes };
  throw new DomainError(
    'stale',
    `Changed by ${by} at ${when(at)} since you opened it. Your change was not saved: look at their values beside yours, then save again on the new version if yours should still stand.`,
    'version',
  ).withStale(stale);
}

/**
 * A cell of a grid or register, as its audit rows name it: the table (`entity`), the row its
 * trail is kept against where that is fixed (`entityId`: a stream's allocations, a setting),
 * and the values inside the row that say which cell it is (`key`: a meeting and a person, a
 * budget line or award with a month and kind, a financial year).
 */
export interface CellRef {
  entity: 'attendance' | 'spend' | 'stream_allocation' | 'setting';
  entityId?: number;
  key: Record<string, string | number | null>;
}

export interface LastWriter {
  id: number;
  at: string;
  actor: string;
}

/** A value named inside an audit row's after (or, for a delete, before) values: the expressions migration 012 indexes. */
function cellValue(ctx: Pick<Ctx, 'engine'>, name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a column name: ${name}`);
  return ctx.engine === 'postgres' ? `(coalesce(after_json, before_json)::jsonb ->> '${name}')` : `json_extract(coalesce(after_json, before_json), '$.${name}')`;
}

/**
 * The newest audit row of one cell: who last added, changed or cleared it, and when. One
 * index seek (migration 012's audit_*_cell, or audit_entity for a setting), whatever else the
 * trail holds: never a window of recent rows, so a busy stream still names the right person.
 */
export async function lastWriterOf(ctx: Ctx, cell: CellRef): Promise<LastWriter | undefined> {
  const { text, params } = lastWriterQuery(ctx, cell);
  const row = await sql<{ id: number; at: string; actor: string }>(ctx, text).get(...params);
  return row ? { id: Number(row.id), at: row.at, actor: row.actor } : undefined;
}

/** lastWriterOf's query, on the context's engine (its plan is checked in test/integration/record-versions.test.ts). */
export function lastWriterQuery(ctx: Pick<Ctx, 'engine'>, cell: CellRef): { text: string; params: unknown[] } {
  const where: string[] = [`entity = '${cell.entity}'`];
  const params: unknown[] = [];
  if (cell.entityId !== undefined) {
    where.push('entity_id = ?');
    params.push(cell.entityId);
  }
  for (const [name, value] of Object.entries(cell.key)) {
    if (value === null) where.push(`${cellValue(ctx, name)} IS NULL`);
    else {
      where.push(`${cellValue(ctx, name)} = ?`);
      // PostgreSQL's ->> gives text; SQLite's json_extract gives the JSON value itself.
      params.push(ctx.engine === 'postgres' ? String(value) : value);
    }
  }
  // The entity is written into the text (one of CellRef's, never input), so SQLite can use the partial index.
  return { text: `SELECT id, at, actor FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT 1`, params };
}

/**
 * A cell of a grid or register (a spend figure, a stream's allocation for a year, a person's
 * attendance at a meeting, a setting) has no version of its own: an edit says what the cell
 * held when the person began (`was`), and is refused when the cell now holds something else,
 * unless it already holds what they are saving. Who changed it is the cell's last writer
 * (lastWriterOf).
 */
export async function refuseChangedCell(ctx: Ctx, cell: CellRef, changes: StaleChange[], field: string): Promise<never> {
  const last = await lastWriterOf(ctx, cell);
  const by = last?.actor ?? 'someone else';
  const at = last?.at ?? '';
  const stale: StaleDetail = { by, at, deleted: false, version: null, changes };
  throw new DomainError(
    'stale',
    `Changed by ${by}${at ? ` at ${when(at)}` : ''} since you opened it. Your change was not saved: look at theirs beside yours, then make your change again if it should still stand.`,
    field,
  ).withStale(stale);
}
