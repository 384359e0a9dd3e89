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
  async list(ctx: Ctx): Promise<FrameworkTheme[]> {
    return (await sql<Row>(ctx, `${THEME_SELECT} ORDER BY t.position, t.name`).all()).map((r) => toCamel<FrameworkTheme>(r));
  },
  async get(ctx: Ctx, id: number): Promise<FrameworkTheme | undefined> {
    const row = await sql<Row>(ctx, `${THEME_SELECT} WHERE t.id = ?`).get(id);
    return row && toCamel<FrameworkTheme>(row);
  },
  async findByName(ctx: Ctx, name: string): Promise<FrameworkTheme | undefined> {
    const row = await sql<Row>(ctx, `${THEME_SELECT} WHERE t.name = ? COLLATE NOCASE`).get(name);
    return row && toCamel<FrameworkTheme>(row);
  },
  async nextPosition(ctx: Ctx): Promise<number> {
    return (await sql<{ n: number }>(ctx, `SELECT coalesce(max(position), 0) + 1 AS n FROM framework_theme`).get())!.n;
  },
  ...tableWrites('framework_theme'),
};

export type IndicatorColumns = Omit<IndicatorRow, 'id' | 'version' | 'themeName' | 'themeKind' | 'themePosition' | 'ragAmberTolerancePercent' | 'ownerOrganisationName' | 'valueCount'>;

export const indicators = {
  async list(ctx: Ctx, themeId: number | null): Promise<IndicatorRow[]> {
    const rows =
      themeId === null
        ? await sql<Row>(ctx, `${INDICATOR_SELECT} ${INDICATOR_ORDER}`).all()
        : await sql<Row>(ctx, `${INDICATOR_SELECT} WHERE i.theme_id = ? ${INDICATOR_ORDER}`).all(themeId);
    return rows.map((r) => toCamel<IndicatorRow>(r));
  },
  async get(ctx: Ctx, id: number): Promise<IndicatorRow | undefined> {
    const row = await sql<Row>(ctx, `${INDICATOR_SELECT} WHERE i.id = ?`).get(id);
    return row && toCamel<IndicatorRow>(row);
  },
  async findByCode(ctx: Ctx, code: string): Promise<IndicatorRow | undefined> {
    const row = await sql<Row>(ctx, `${INDICATOR_SELECT} WHERE i.code = ? COLLATE NOCASE`).get(code);
    return row && toCamel<IndicatorRow>(row);
  },
  ...tableWrites('indicator'),
};

export type NewValue = Omit<ValueRow, 'id' | 'supersededById' | 'suppliedByOrganisationName'>;

export const values = {
  /** Current values (revisions excluded) of one indicator, oldest period first. */
  async current(ctx: Ctx, indicatorId: number): Promise<ValueRow[]> {
    return (await sql<Row>(ctx, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NULL ORDER BY v.period`)
      .all(indicatorId))
      .map((r) => toCamel<ValueRow>(r));
  },
  /** Superseded values of one indicator, newest first within each period. */
  async revisions(ctx: Ctx, indicatorId: number): Promise<ValueRow[]> {
    return (await sql<Row>(ctx, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.superseded_by_id IS NOT NULL ORDER BY v.period, v.id DESC`)
      .all(indicatorId))
      .map((r) => toCamel<ValueRow>(r));
  },
  async currentFor(ctx: Ctx, indicatorId: number, period: string): Promise<ValueRow | undefined> {
    const row = await sql<Row>(ctx, `${VALUE_SELECT} WHERE v.indicator_id = ? AND v.period = ? AND v.superseded_by_id IS NULL`).get(indicatorId, period);
    return row && toCamel<ValueRow>(row);
  },
  async get(ctx: Ctx, id: number): Promise<ValueRow | undefined> {
    const row = await sql<Row>(ctx, `${VALUE_SELECT} WHERE v.id = ?`).get(id);
    return row && toCamel<ValueRow>(row);
  },
  /**
   * Current values of every indicator for periods starting in or after a year, for the
   * scorecard: one query, only the columns the rules need, rows as arrays. Periods of all
   * three forms compare as text with a year: "2021-04", "2021/22 Q1" and "2021/22" are all
   * >= "2021"; annual periods get their own (earlier) year, as their sparkline is longer.
   */
  async currentSince(ctx: Ctx, fromYear: string, annualFromYear: string): Promise<Map<number, ScorecardValue[]>> {
    // An annual period is "2021/22": seven characters with the slash fifth (GLOB is SQLite's alone).
    const rows = await sql<{ indicator_id: number; period: string; value: number; status: ValueStatus; note: string }>(
      ctx,
      `SELECT indicator_id, period, value, status, note FROM indicator_value
       WHERE superseded_by_id IS NULL
         AND period >= (CASE WHEN length(period) = 7 AND substr(period, 5, 1) = '/' THEN @annualFromYear ELSE @fromYear END)
       ORDER BY indicator_id, period`,
    ).all({ fromYear, annualFromYear });
    const out = new Map<number, ScorecardValue[]>();
    let list: ScorecardValue[] | undefined;
    let current = -1;
    for (const { indicator_id: indicatorId, period, value, status, note } of rows) {
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
  async currentOf(ctx: Ctx, indicatorId: number): Promise<ScorecardValue[]> {
    return sql<ScorecardValue>(ctx, `SELECT period, value, status, note FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NULL ORDER BY period`).all(indicatorId);
  },
  /** Every current value of every indicator with its provenance, for the dataset export. */
  async allCurrent(ctx: Ctx): Promise<{ indicatorId: number; period: string; value: number; status: ValueStatus; note: string; receivedOn: string; suppliedByOrganisationName: string | null }[]> {
    return (await sql<Row>(
      ctx,
      `SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.received_on, o.name AS supplied_by_organisation_name
       FROM indicator_value v LEFT JOIN organisation o ON o.id = v.supplied_by_organisation_id
       WHERE v.superseded_by_id IS NULL ORDER BY v.indicator_id, v.period`,
    )
      .all())
      .map((r) => toCamel(r));
  },
  async revisionCounts(ctx: Ctx, indicatorId: number): Promise<Map<string, number>> {
    const rows = await sql<{ period: string; n: number }>(
      ctx,
      `SELECT period, count(*) AS n FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NOT NULL GROUP BY period`,
    ).all(indicatorId);
    return new Map(rows.map((r) => [r.period, r.n]));
  },
  insert(ctx: Ctx, value: NewValue): Promise<number> {
    return insertRow(ctx, 'indicator_value', toSnake({ ...value }));
  },
  /**
   * Keeps the old row and points it at its replacement. The partial unique index allows one
   * current row per period, so the old row steps aside (points at itself) before the new one
   * is inserted, then points at the new one; both steps are in the audit trail.
   */
  async supersede(ctx: Ctx, old: ValueRow, replacement: NewValue): Promise<number> {
    await updateRow(ctx, 'indicator_value', old.id, { superseded_by_id: old.id });
    const id = await insertRow(ctx, 'indicator_value', toSnake({ ...replacement }));
    await updateRow(ctx, 'indicator_value', old.id, { superseded_by_id: id });
    return id;
  },
  async countFor(ctx: Ctx, indicatorId: number): Promise<number> {
    return (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM indicator_value WHERE indicator_id = ?`).get(indicatorId))!.n;
  },
  /** Periods holding values whose frequency or unit would no longer fit after a change. */
  async periodsOf(ctx: Ctx, indicatorId: number): Promise<string[]> {
    return (await sql<{ period: string }>(ctx, `SELECT DISTINCT period FROM indicator_value WHERE indicator_id = ? ORDER BY period`)
      .all(indicatorId))
      .map((r) => r.period);
  },
  async maxCurrent(ctx: Ctx, indicatorId: number): Promise<number | null> {
    return (await sql<{ m: number | null }>(ctx, `SELECT max(value) AS m FROM indicator_value WHERE indicator_id = ? AND superseded_by_id IS NULL`).get(indicatorId))!.m;
  },
};
