import { auditLink } from '../db/audit';
import { likeStartingWith } from '../db/like';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import { isoNow } from '../shared/context';
import type { Allocation, Award, AwardYear, BudgetLine, Claim, FundingStream, ImportMapping, SpendKind } from './contract';

/** SQL for the funding tables. Rows in, camelCase records out; no rules, no formatting. */

type Row = Record<string, unknown>;
export type StreamRow = Omit<FundingStream, 'years' | 'allocations' | 'headings'>;

function streamFromRow(r: Row): StreamRow {
  const s = toCamel<Omit<StreamRow, 'carryOverAllowed'> & { carryOverAllowed: number }>(r);
  return { ...s, carryOverAllowed: s.carryOverAllowed === 1 };
}

export const streams = {
  list(ctx: Ctx): StreamRow[] {
    return sql<Row>(ctx.db, `SELECT * FROM funding_stream ORDER BY first_year, reference COLLATE NOCASE`).all().map(streamFromRow);
  },
  get(ctx: Ctx, id: number): StreamRow | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM funding_stream WHERE id = ?`).get(id);
    return r && streamFromRow(r);
  },
  findByReference(ctx: Ctx, reference: string): StreamRow | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM funding_stream WHERE reference = ? COLLATE NOCASE`).get(reference);
    return r && streamFromRow(r);
  },
  ...tableWrites('funding_stream'),
  counts(ctx: Ctx, id: number): { awards: number; budgetLines: number; claims: number } {
    return sql<{ awards: number; budgetLines: number; claims: number }>(
      ctx.db,
      `SELECT (SELECT count(*) FROM award WHERE stream_id = @id) AS awards,
              (SELECT count(*) FROM budget_line WHERE stream_id = @id) AS budgetLines,
              (SELECT count(*) FROM claim WHERE stream_id = @id) AS claims`,
    ).get({ id })!;
  },
};

export const allocations = {
  list(ctx: Ctx, streamId: number): Allocation[] {
    return sql<Row>(ctx.db, `SELECT financial_year, amount_pence FROM stream_allocation WHERE stream_id = ? ORDER BY financial_year`)
      .all(streamId)
      .map((r) => toCamel<Allocation>(r));
  },
  get(ctx: Ctx, streamId: number, financialYear: string): number {
    const r = sql<{ amount_pence: number }>(ctx.db, `SELECT amount_pence FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear);
    return r?.amount_pence ?? 0;
  },
  /** stream_allocation has no id column: written directly and audited against the stream. */
  set(ctx: Ctx, streamId: number, financialYear: string, amountPence: number): void {
    const before = sql<Row>(ctx.db, `SELECT * FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear);
    if (before && before.amount_pence === amountPence) return;
    if (before) {
      sql(ctx.db, `DELETE FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).run(streamId, financialYear);
      auditLink(ctx, 'delete', 'stream_allocation', streamId, before);
    }
    const row = { stream_id: streamId, financial_year: financialYear, amount_pence: amountPence };
    sql(ctx.db, `INSERT INTO stream_allocation (stream_id, financial_year, amount_pence) VALUES (@stream_id, @financial_year, @amount_pence)`).run(row);
    auditLink(ctx, 'create', 'stream_allocation', streamId, row);
  },
  removeOutside(ctx: Ctx, streamId: number, firstYear: string, lastYear: string): void {
    const rows = sql<Row>(ctx.db, `SELECT * FROM stream_allocation WHERE stream_id = ? AND (financial_year < ? OR financial_year > ?)`).all(streamId, firstYear, lastYear);
    for (const r of rows) {
      sql(ctx.db, `DELETE FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).run(streamId, r.financial_year);
      auditLink(ctx, 'delete', 'stream_allocation', streamId, r);
    }
  },
};

export const budgetLines = {
  list(ctx: Ctx, streamId: number, financialYear: string): BudgetLine[] {
    return sql<Row>(ctx.db, `SELECT * FROM budget_line WHERE stream_id = ? AND financial_year = ? ORDER BY id`)
      .all(streamId, financialYear)
      .map((r) => toCamel<BudgetLine>(r));
  },
  get(ctx: Ctx, id: number): BudgetLine | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM budget_line WHERE id = ?`).get(id);
    return r && toCamel<BudgetLine>(r);
  },
  find(ctx: Ctx, streamId: number, financialYear: string, heading: string, costType: string): BudgetLine | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM budget_line WHERE stream_id = ? AND financial_year = ? AND heading = ? AND cost_type = ?`).get(
      streamId,
      financialYear,
      heading,
      costType,
    );
    return r && toCamel<BudgetLine>(r);
  },
  headings(ctx: Ctx, streamId: number): string[] {
    return sql<{ heading: string }>(ctx.db, `SELECT heading FROM budget_line WHERE stream_id = ? GROUP BY heading ORDER BY min(id)`)
      .all(streamId)
      .map((r) => r.heading);
  },
  withHeading(ctx: Ctx, streamId: number, heading: string): BudgetLine[] {
    return sql<Row>(ctx.db, `SELECT * FROM budget_line WHERE stream_id = ? AND heading = ?`)
      .all(streamId, heading)
      .map((r) => toCamel<BudgetLine>(r));
  },
  totalForYear(ctx: Ctx, streamId: number, financialYear: string): number {
    return sql<{ n: number }>(ctx.db, `SELECT coalesce(sum(allocated_pence), 0) AS n FROM budget_line WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear)!.n;
  },
  ...tableWrites<Omit<BudgetLine, 'id'>, Partial<BudgetLine>>('budget_line'),
};

const AWARD_SELECT = `SELECT a.*, o.name AS organisation_name FROM award a JOIN organisation o ON o.id = a.organisation_id`;

function awardFromRow(r: Row, years: AwardYear[]): Award {
  const a = toCamel<Omit<Award, 'monitoringMet' | 'years'> & { monitoringMet: number | null }>(r);
  return { ...a, monitoringMet: a.monitoringMet === null ? null : a.monitoringMet === 1, years };
}

export const awards = {
  /** Awards of a stream; with a year, those with an amount in that year or spend in its months. */
  list(ctx: Ctx, streamId: number, financialYear: string | null, months?: [string, string]): Award[] {
    const rows = financialYear
      ? sql<Row>(
          ctx.db,
          `${AWARD_SELECT} WHERE a.stream_id = @stream AND (
             EXISTS (SELECT 1 FROM award_year y WHERE y.award_id = a.id AND y.financial_year = @fy)
             OR EXISTS (SELECT 1 FROM spend s WHERE s.award_id = a.id AND s.month BETWEEN @first AND @last))
           ORDER BY a.id`,
        ).all({ stream: streamId, fy: financialYear, first: months?.[0] ?? '', last: months?.[1] ?? '' })
      : sql<Row>(ctx.db, `${AWARD_SELECT} WHERE a.stream_id = ? ORDER BY a.id`).all(streamId);
    const years = this.yearsOfStream(ctx, streamId);
    return rows.map((r) => awardFromRow(r, years.get(r.id as number) ?? []));
  },
  get(ctx: Ctx, id: number): Award | undefined {
    const r = sql<Row>(ctx.db, `${AWARD_SELECT} WHERE a.id = ?`).get(id);
    return r && awardFromRow(r, this.years(ctx, id));
  },
  years(ctx: Ctx, awardId: number): AwardYear[] {
    return sql<Row>(ctx.db, `SELECT financial_year, amount_pence FROM award_year WHERE award_id = ? ORDER BY financial_year`)
      .all(awardId)
      .map((r) => toCamel<AwardYear>(r));
  },
  yearsOfStream(ctx: Ctx, streamId: number): Map<number, AwardYear[]> {
    const out = new Map<number, AwardYear[]>();
    const rows = sql<{ award_id: number; financial_year: string; amount_pence: number }>(
      ctx.db,
      `SELECT y.award_id, y.financial_year, y.amount_pence FROM award_year y JOIN award a ON a.id = y.award_id WHERE a.stream_id = ? ORDER BY y.financial_year`,
    ).all(streamId);
    for (const r of rows) {
      const list = out.get(r.award_id) ?? [];
      list.push({ financialYear: r.financial_year, amountPence: r.amount_pence });
      out.set(r.award_id, list);
    }
    return out;
  },
  totalForYear(ctx: Ctx, streamId: number, financialYear: string): number {
    return sql<{ n: number }>(
      ctx.db,
      `SELECT coalesce(sum(y.amount_pence), 0) AS n FROM award_year y JOIN award a ON a.id = y.award_id WHERE a.stream_id = ? AND y.financial_year = ?`,
    ).get(streamId, financialYear)!.n;
  },
  count(ctx: Ctx, streamId: number): number {
    return sql<{ n: number }>(ctx.db, `SELECT count(*) AS n FROM award WHERE stream_id = ?`).get(streamId)!.n;
  },
  ...tableWrites('award'),
  /** Replaces the amounts per year; award_year has no id column, so each change is audited against the award. */
  setYears(ctx: Ctx, awardId: number, years: AwardYear[]): void {
    const before = new Map(this.years(ctx, awardId).map((y) => [y.financialYear, y.amountPence]));
    const after = new Map(years.map((y) => [y.financialYear, y.amountPence]));
    for (const [fy, pence] of before) {
      if (after.get(fy) === pence) continue;
      sql(ctx.db, `DELETE FROM award_year WHERE award_id = ? AND financial_year = ?`).run(awardId, fy);
      auditLink(ctx, 'delete', 'award_year', awardId, { award_id: awardId, financial_year: fy, amount_pence: pence });
    }
    for (const [fy, pence] of after) {
      if (before.get(fy) === pence) continue;
      const row = { award_id: awardId, financial_year: fy, amount_pence: pence };
      sql(ctx.db, `INSERT INTO award_year (award_id, financial_year, amount_pence) VALUES (@award_id, @financial_year, @amount_pence)`).run(row);
      auditLink(ctx, 'create', 'award_year', awardId, row);
    }
  },
};

export interface SpendRecord {
  id: number;
  budgetLineId: number | null;
  awardId: number | null;
  month: string;
  kind: SpendKind;
  amountPence: number;
  source: string;
  note: string;
}

export const spend = {
  /** Spend on a stream's budget lines of the year and on its awards in the year's months. */
  forStreamYear(ctx: Ctx, streamId: number, financialYear: string, first: string, last: string): SpendRecord[] {
    const lines = sql<Row>(
      ctx.db,
      `SELECT s.* FROM budget_line b JOIN spend s ON s.budget_line_id = b.id WHERE b.stream_id = ? AND b.financial_year = ? ORDER BY s.id`,
    ).all(streamId, financialYear);
    const awardRows = sql<Row>(
      ctx.db,
      `SELECT s.* FROM award a JOIN spend s ON s.award_id = a.id WHERE a.stream_id = ? AND s.month BETWEEN ? AND ? ORDER BY s.id`,
    ).all(streamId, first, last);
    return [...lines, ...awardRows].map((r) => toCamel<SpendRecord>(r));
  },
  /** Straight sum, for reconciliation: actual spend of a stream between two months. */
  sumForStream(ctx: Ctx, streamId: number, financialYear: string, kind: SpendKind, first: string, last: string): number {
    return sql<{ n: number }>(
      ctx.db,
      `SELECT coalesce((SELECT sum(s.amount_pence) FROM budget_line b JOIN spend s ON s.budget_line_id = b.id
                         WHERE b.stream_id = @stream AND b.financial_year = @fy AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0)
            + coalesce((SELECT sum(s.amount_pence) FROM award a JOIN spend s ON s.award_id = a.id
                         WHERE a.stream_id = @stream AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0) AS n`,
    ).get({ stream: streamId, fy: financialYear, kind, first, last })!.n;
  },
  find(ctx: Ctx, target: { kind: 'line' | 'award'; id: number }, month: string, kind: SpendKind): SpendRecord | undefined {
    const r =
      target.kind === 'line'
        ? sql<Row>(ctx.db, `SELECT * FROM spend WHERE budget_line_id = ? AND month = ? AND kind = ?`).get(target.id, month, kind)
        : sql<Row>(ctx.db, `SELECT * FROM spend WHERE award_id = ? AND month = ? AND kind = ?`).get(target.id, month, kind);
    return r && toCamel<SpendRecord>(r);
  },
  ...tableWrites<Omit<SpendRecord, 'id'>, Partial<SpendRecord>>('spend'),
};

function claimFromRow(r: Row): Claim {
  return toCamel<Claim>(r);
}

const claimWrites = tableWrites('claim');

/** A claim is recorded and updated (submitted, paid), never removed. */
export const claims = {
  list(ctx: Ctx, streamId: number): Claim[] {
    return sql<Row>(ctx.db, `SELECT * FROM claim WHERE stream_id = ? ORDER BY financial_year, period`).all(streamId).map(claimFromRow);
  },
  get(ctx: Ctx, id: number): Claim | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM claim WHERE id = ?`).get(id);
    return r && claimFromRow(r);
  },
  find(ctx: Ctx, streamId: number, financialYear: string, period: string): Claim | undefined {
    const r = sql<Row>(ctx.db, `SELECT * FROM claim WHERE stream_id = ? AND financial_year = ? AND period = ?`).get(streamId, financialYear, period);
    return r && claimFromRow(r);
  },
  insert: claimWrites.insert,
  update: claimWrites.update,
};

export const importMappings = {
  get(ctx: Ctx, source: string): ImportMapping | undefined {
    const r = sql<{ mapping_json: string }>(ctx.db, `SELECT mapping_json FROM import_mapping WHERE source = ? AND kind = 'spend'`).get(source);
    return r ? (JSON.parse(r.mapping_json) as ImportMapping) : undefined;
  },
  /** import_mapping is keyed by its source text; audited against its rowid. */
  set(ctx: Ctx, source: string, mapping: ImportMapping): void {
    const json = JSON.stringify(mapping);
    const before = sql<Row & { rowid: number }>(ctx.db, `SELECT rowid, * FROM import_mapping WHERE source = ?`).get(source);
    if (before && before.mapping_json === json && before.kind === 'spend') return;
    const row = { source, kind: 'spend', mapping_json: json, updated_at: isoNow(ctx) };
    if (before) {
      sql(ctx.db, `DELETE FROM import_mapping WHERE source = ?`).run(source);
      const { rowid, ...rest } = before;
      auditLink(ctx, 'delete', 'import_mapping', rowid, rest);
    }
    const info = sql(ctx.db, `INSERT INTO import_mapping (source, kind, mapping_json, updated_at) VALUES (@source, @kind, @mapping_json, @updated_at)`).run(row);
    auditLink(ctx, 'create', 'import_mapping', Number(info.lastInsertRowid), row);
  },
};

export const boards = {
  get(ctx: Ctx, id: number): { id: number; code: string; name: string } | undefined {
    return sql<{ id: number; code: string; name: string }>(ctx.db, `SELECT id, code, name FROM board WHERE id = ?`).get(id);
  },
  /** Highest number used in decision references "<prefix>NNN". */
  lastDecisionNumber(ctx: Ctx, prefix: string): number {
    const rows = sql<{ reference: string }>(ctx.db, `SELECT reference FROM decision WHERE reference LIKE ? ESCAPE '\\'`).all(likeStartingWith(prefix));
    let max = 0;
    for (const r of rows) {
      const n = Number(r.reference.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
    return max;
  },
};

export const settings = {
  chiefFinanceOfficer(ctx: Ctx): string | undefined {
    const r = sql<{ name: string }>(
      ctx.db,
      `SELECT trim(honorific || ' ' || given_name || ' ' || family_name) AS name FROM person WHERE job_title LIKE '%Chief Finance Officer%' ORDER BY id LIMIT 1`,
    ).get();
    return r?.name;
  },
};
