import { insertRow, updateRow } from '../db/audit';
import { toCamel, toSnake } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import type { FrameworkTheme, Indicator, IndicatorValue, ThemeKind, ValueStatus } from './contract';

/** SQL for the performance framework. Rows come back camelCased; nothing here formats. */
type Row = Record<string, unknown>;

/** An indicator as stored, with its theme's kind and position (for ordering); the service adds the target in words. */
export interface IndicatorRow extends Omit<Indicator, 'target'> {
  themeKind: ThemeKind;
  themePosition: number;
}

export interface ScorecardValue {
  period: string;
  value: number;
  status: ValueStatus;
  note: string;
}

/** A value as stored; the service adds its period label, its value as text and its revisions. */
export type ValueRow = Omit<IndicatorValue, 'periodLabel' | 'valueText' | 'revisions'>;

const THEME_SELECT = `
  SELECT t.*, (SELECT count(*) FROM indicator i WHERE i.theme_id = t.id) AS indicator_count
  FROM framework_theme t`;

const INDICATOR_SELECT = `
  SELECT i.*, t.name AS theme_name, t.kind AS theme_kind, t.position AS theme_position,
         t.rag_amber_tolerance_percent, o.name AS owner_organisation_name,
         (SELECT count(*) FROM indicator_value v WHERE v.indicator_id = i.id AND v.superseded_by_id IS NULL) AS value_count
  FROM indicator i
  JOIN framework_theme t ON t.id = i.theme_id
  LEFT JOIN organisation o ON o.id = i.owner_organisation_id`;

const INDICATOR_ORDER = `ORDER BY t.position, t.name, i.code COLLATE NOCASE`;

const VALUE_SELECT = `
  SELECT v.*, o.name AS supplied_by_organisation_name
  FROM indicator_value v LEFT JOIN organisation o ON o.id = v.supplied_by_organisation_id`;

export const themes = {
  list(ctx: Ctx): FrameworkTheme[] {
    return sql<Row>(ctx.db, `${THEME_SELECT} ORDER BY t.position, t.name`).all().map((r) => toCamel<FrameworkTheme>(r));
  },
  get(ctx: Ctx, id: number): FrameworkTheme | undefined {
    const row = sql<Row>(ctx.db, `${THEME_SELECT} WHERE t.id = ?`).get(id);
    return row && toCamel<FrameworkTheme>(row);
  },
  findByName(ctx: Ctx, name: string): FrameworkTheme | undefined {
    const row = sql<Row>(ctx.db, `${THEME_SELECT} WHERE t.name = ? COLLATE NOCASE`).get(name);
    return row && toCamel<FrameworkTheme>(row);
  },
  nextPosition(ctx: Ctx): number {
    return sql<{ n: number }>(ctx.db, `SELECT coalesce(max(position), 0) + 1 AS n FROM framework_theme`).get()!.n;
  },
  ...tableWrites<Omit<FrameworkTheme, 'id' | 'indicatorCount'>>('framework_theme'),
};

export type IndicatorColumns = Omit<IndicatorRow, 'id' | 'themeName' | 'themeKind' | 'themePosition' | 'ragAmberTolerancePercent' | 'ownerOrganisationName' | 'valueCount'>;

export const indicators = {
  list(ctx: Ctx, themeId: number | null): IndicatorRow[] {
    const rows =
      themeId === null
        ? sql<Row>(ctx.db, `${INDICATOR_SELECT} ${INDICATOR_ORDER}`).all()
        : sql<Row>(ctx.db, `${INDICATOR_SELECT} WHERE i.theme_id = ? ${INDICATOR_ORDER}`).all(themeId);
    return rows.map((r) => toCamel<IndicatorRow>(r));
  },
  get(ctx: Ctx, id: number): IndicatorRow | undefined {
    const row = sql<Row>(ctx.db, `${INDICATOR_SELECT} WHERE i.id = ?`).get(id);
    return row && toCamel<IndicatorRow>(row);
  },
  findByCode(ctx: Ctx, code: string): IndicatorRow | undefined {
    const row = sql<Row>(ctx.db, `${INDICATOR_SELECT} WHERE i.code = ? COLLATE NOCASE`).get(code);
    return row && toCamel<IndicatorRow>(row);
  },
  ...tableWrites<IndicatorColumns>('indicator'),
};

export type NewValue = Omit<ValueRow, 'id' | 'supersededById' | 'suppliedByOrganisationName'>;

export const values = {
  /** Current values (revisions excluded) of one indicator, oldest period first. */
  current(ctx: Ctx, indicatorId: number): ValueRow[] {
    return sql<Row>(ctx.db, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NULL ORDER BY v.period`)
      .all(indicatorId)
      .map((r) => toCamel<ValueRow>(r));
  },
  /** Superseded values of one indicator, newest first within each period. */
  revisions(ctx: Ctx, indicatorId: number): ValueRow[] {
    return sql<Row>(ctx.db, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NOT NULL ORDER BY v.period, v.id DESC`)
      .all(indicatorId)
      .map((r) => toCamel<ValueRow>(r));
  },
  currentFor(ctx: Ctx, indicatorId: number, period: string): ValueRow | undefined {
    const row = sql<Row>(ctx.db, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.period = ? AND v.superseded_by_id IS NULL`).get(indicatorId, period);
    return row && toCamel<ValueRow>(row);
  },
  get(ctx: Ctx, id: number): ValueRow | undefined {
    const row = sql<Row>(ctx.db, `${VALUE_SELECT} WHERE v.id = ?`).get(id);
    return row && toCamel<ValueRow>(row);
  },
  /**
   * Current values of every indicator for periods starting in or after a year, for the
   * scorecard: one query, only the columns the rules need, rows as arrays. Periods of all
   * three forms compare as text with a year: "2021-04", "2021/22 Q1" and "2021/22" are all
   * >= "2021"; annual periods get their own (earlier) year, as their sparkline is longer.
   */
  currentSince(ctx: Ctx, fromYear: string, annualFromYear: string): Map<number, ScorecardValue[]> {
    const rows = sql(
      ctx.db,
      `SELECT indicator_id, period, value, status, note FROM indicator_value
       WHERE superseded_by_id IS NULL
         AND period >= (CASE WHEN period GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]' THEN @annualFromYear ELSE @fromYear END)
       ORDER BY indicator_id, period`,
    )
      .raw(true)
      .all({ fromYear, annualFromYear }) as [number, string, number, ValueStatus, string][];
    const out = new Map<number, ScorecardValue[]>();
    let list: ScorecardValue[] | undefined;
    let current = -1;
    for (const [indicatorId, period, value, status, note] of rows) {
      if (indicatorId !== current) {
        current = indicatorId;
        list = [];
        out.set(indicatorId, list);
      }
      list!.push({ period, value, status, note });
    }
    return out;
  },
  /** All current values of one indicator, in the scorecard's shape. */
  currentOf(ctx: Ctx, indicatorId: number): ScorecardValue[] {
    return sql(ctx.db, `SELECT period, value, status, note FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NULL ORDER BY period`).all(indicatorId) as ScorecardValue[];
  },
  /** Every current value of every indicator with its provenance, for the dataset export. */
  allCurrent(ctx: Ctx): { indicatorId: number; period: string; value: number; status: ValueStatus; note: string; receivedOn: string; suppliedByOrganisationName: string | null }[] {
    return sql<Row>(
      ctx.db,
      `SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.received_on, o.name AS supplied_by_organisation_name
       FROM indicator_value v LEFT JOIN organisation o ON o.id = v.supplied_by_organisation_id
       WHERE v.superseded_by_id IS NULL ORDER BY v.indicator_id, v.period`,
    )
      .all()
      .map((r) => toCamel(r));
  },
  revisionCounts(ctx: Ctx, indicatorId: number): Map<string, number> {
    const rows = sql<{ period: string; n: number }>(
      ctx.db,
      `SELECT period, count(*) AS n FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NOT NULL GROUP BY period`,
    ).all(indicatorId);
    return new Map(rows.map((r) => [r.period, r.n]));
  },
  insert(ctx: Ctx, value: NewValue): number {
    return insertRow(ctx, 'indicator_value', toSnake({ ...value }));
  },
  /**
   * Keeps the old row and points it at its replacement. The partial unique index allows one
   * current row per period, so the old row steps aside (points at itself) before the new one
   * is inserted, then points at the new one; both steps are in the audit trail.
   */
  supersede(ctx: Ctx, old: ValueRow, replacement: NewValue): number {
    updateRow(ctx, 'indicator_value', old.id, { superseded_by_id: old.id });
    const id = insertRow(ctx, 'indicator_value', toSnake({ ...replacement }));
    updateRow(ctx, 'indicator_value', old.id, { superseded_by_id: id });
    return id;
  },
  countFor(ctx: Ctx, indicatorId: number): number {
    return sql<{ n: number }>(ctx.db, `SELECT count(*) AS n FROM indicator_value WHERE indicator_id = ?`).get(indicatorId)!.n;
  },
  /** Periods holding values whose frequency or unit would no longer fit after a change. */
  periodsOf(ctx: Ctx, indicatorId: number): string[] {
    return sql<{ period: string }>(ctx.db, `SELECT DISTINCT period FROM indicator_value WHERE indicator_id = ? ORDER BY period`)
      .all(indicatorId)
      .map((r) => r.period);
  },
  maxCurrent(ctx: Ctx, indicatorId: number): number | null {
    return sql<{ m: number | null }>(ctx.db, `SELECT max(value) AS m FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NULL`).get(indicatorId)!.m;
  },
};
