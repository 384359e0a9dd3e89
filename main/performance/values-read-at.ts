import { lockSeries } from '../db/allocation-lock';
import { sql } from '../db/statements';
import { when } from '../db/versions';
import type { Ctx } from '../shared/context';
import { DomainError, type StaleDetail } from '../shared/errors';
import type { ValueStatus } from './contract';
import { periodLabel } from './periods';
import { values, type IndicatorRow, type ValueRow } from './repository';
import { formatValue } from './units';
import { fateOf } from './values';

/**
 * Two people, one indicator value (issue 14's review). A period's value has no version: every
 * change adds a row and the old one is kept (values.supersede), so the current row's id says
 * exactly what the period held. A screen sends the id it read for each period it changes
 * (`wasValueId`, null when the period had none; an import's `basis`, each cell as the preview
 * found it); a period whose current value is another since, and does not already hold what is
 * being saved, refuses the whole save, naming who recorded the value and listing theirs
 * beside yours. Scripts may leave it out: the last write wins.
 */
export interface ValueReadAt {
  ind: Pick<IndicatorRow, 'id' | 'code' | 'unit'>;
  period: string;
  value: number;
  status: ValueStatus;
  /** null: compared on value and status only (an import without a note column). */
  note: string | null;
  /** The id of the period's current value as the screen read it (null: none); undefined: not sent. */
  wasValueId: number | null | undefined;
}

/**
 * Writers of one indicator's values take turns until their transaction ends, so the second of
 * two saves of the same period checks what the first saved (PostgreSQL; SQLite's write lock
 * already makes them). In one order of indicators, so two imports never wait for each other.
 */
export async function lockValuesOf(ctx: Ctx, indicatorIds: Iterable<number>): Promise<void> {
  for (const id of [...new Set(indicatorIds)].sort((a, b) => a - b)) await lockSeries(ctx, `values of indicator ${id}`);
}

function shown(v: { value: number; status: ValueStatus }, unit: IndicatorRow['unit']): string {
  return `${formatValue(v.value, unit)} (${v.status})`;
}

/**
 * Refuses the save when a period it changes holds a value other than the one the screen read:
 * all or nothing. `as` words the refusal for the grid (since you opened it) or an import
 * (since your preview).
 */
export async function refuseChangedValues(
  ctx: Ctx,
  cells: readonly ValueReadAt[],
  as: { since: string; field: string; again: string } = { since: 'since you opened it', field: 'wasValueId', again: 'save again' },
): Promise<void> {
  const changed: { cell: ValueReadAt; now: ValueRow | undefined }[] = [];
  for (const cell of cells) {
    if (cell.wasValueId === undefined) continue;
    const now = await values.currentFor(ctx, cell.ind.id, cell.period);
    if ((now?.id ?? null) === cell.wasValueId) continue;
    if (fateOf(now, cell.value, cell.status, cell.note).fate === 'unchanged') continue;
    changed.push({ cell, now });
  }
  if (changed.length === 0) return;
  // Who: the person who recorded the newest of the values now current there (each value row is written once).
  let last: { id: number; at: string; actor: string } | undefined;
  for (const { now } of changed) {
    if (!now) continue;
    const row = await sql<{ id: number; at: string; actor: string }>(
      ctx,
      `SELECT id, at, actor FROM audit_log WHERE entity = 'indicator_value' AND entity_id = ? AND action = 'create' ORDER BY id DESC LIMIT 1`,
    ).get(now.id);
    if (row && (!last || Number(row.id) > last.id)) last = { id: Number(row.id), at: row.at, actor: row.actor };
  }
  const by = last?.actor ?? 'someone else';
  const at = last?.at ?? '';
  const name = (c: ValueReadAt) => `${c.ind.code} ${periodLabel(c.period)}`;
  const stale: StaleDetail = {
    by,
    at,
    deleted: false,
    version: null,
    changes: changed.map(({ cell, now }) => ({ field: name(cell), theirs: now ? shown(now, cell.ind.unit) : '', yours: shown(cell, cell.ind.unit), yoursSent: true })),
  };
  throw new DomainError(
    'stale',
    `Changed by ${by}${at ? ` at ${when(at)}` : ''} ${as.since}: ${changed.length === 1 ? 'a value you changed was' : `${changed.length} values you changed were`} recorded by them first ` +
      `(${changed.slice(0, 3).map(({ cell }) => name(cell)).join('; ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}). ` +
      `Nothing was saved: look at their values beside yours, then ${as.again} if yours should still stand.`,
    as.field,
  ).withStale(stale);
}
