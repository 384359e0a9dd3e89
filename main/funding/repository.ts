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
  async list(ctx: Ctx): Promise<StreamRow[]> {
    return (await sql<Row>(ctx, `SELECT * FROM funding_stream ORDER BY first_year, reference COLLATE NOCASE`).all()).map(streamFromRow);
  },
  async get(ctx: Ctx, id: number): Promise<StreamRow | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM funding_stream WHERE id = ?`).get(id);
    return r && streamFromRow(r);
  },
  async findByReference(ctx: Ctx, reference: string): Promise<StreamRow | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM funding_stream WHERE reference = ? COLLATE NOCASE`).get(reference);
    return r && streamFromRow(r);
  },
  ...tableWrites('funding_stream'),
  async counts(ctx: Ctx, id: number): Promise<{ awards: number; budgetLines: number; claims: number }> {
    // snake_case alias: PostgreSQL folds an unquoted budgetLines to budgetlines.
    const row = (await sql<Row>(
      ctx,
      `SELECT (SELECT count(*) FROM award WHERE stream_id = @id) AS awards,
              (SELECT count(*) FROM budget_line WHERE stream_id = @id) AS budget_lines,
              (SELECT count(*) FROM claim WHERE stream_id = @id) AS claims`,
    ).get({ id }))!;
    return toCamel<{ awards: number; budgetLines: number; claims: number }>(row);
  },
};

export const allocations = {
  async list(ctx: Ctx, streamId: number): Promise<Allocation[]> {
    return (await sql<Row>(ctx, `SELECT financial_year, amount_pence FROM stream_allocation WHERE stream_id = ? ORDER BY financial_year`)
      .all(streamId))
      .map((r) => toCamel<Allocation>(r));
  },
  async get(ctx: Ctx, streamId: number, financialYear: string): Promise<number> {
    const r = await sql<{ amount_pence: number }>(ctx, `SELECT amount_pence FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear);
    return r?.amount_pence ?? 0;
  },
  /** stream_allocation has no id column: written directly and audited against the stream. */
  async set(ctx: Ctx, streamId: number, financialYear: string, amountPence: number): Promise<void> {
    const before = await sql<Row>(ctx, `SELECT * FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear);
    if (before && before.amount_pence === amountPence) return;
    if (before) {
      await sql(ctx, `DELETE FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).run(streamId, financialYear);
      await auditLink(ctx, 'delete', 'stream_allocation', streamId, before);
    }
    const row = { stream_id: streamId, financial_year: financialYear, amount_pence: amountPence };
    await sql(ctx, `INSERT INTO stream_allocation (stream_id, financial_year, amount_pence) VALUES (@stream_id, @financial_year, @amount_pence)`).run(row);
    await auditLink(ctx, 'create', 'stream_allocation', streamId, row);
  },
  async removeOutside(ctx: Ctx, streamId: number, firstYear: string, lastYear: string): Promise<void> {
    const rows = await sql<Row>(ctx, `SELECT * FROM stream_allocation WHERE stream_id = ? AND (financial_year < ? OR financial_year > ?)`).all(streamId, firstYear, lastYear);
    for (const r of rows) {
      await sql(ctx, `DELETE FROM stream_allocation WHERE stream_id = ? AND financial_year = ?`).run(streamId, r.financial_year);
      await auditLink(ctx, 'delete', 'stream_allocation', streamId, r);
    }
  },
};

export const budgetLines = {
  async list(ctx: Ctx, streamId: number, financialYear: string): Promise<BudgetLine[]> {
    return (await sql<Row>(ctx, `SELECT * FROM budget_line WHERE stream_id = ? AND financial_year = ? ORDER BY id`)
      .all(streamId, financialYear))
      .map((r) => toCamel<BudgetLine>(r));
  },
  async get(ctx: Ctx, id: number): Promise<BudgetLine | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM budget_line WHERE id = ?`).get(id);
    return r && toCamel<BudgetLine>(r);
  },
  async find(ctx: Ctx, streamId: number, financialYear: string, heading: string, costType: string): Promise<BudgetLine | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM budget_line WHERE stream_id = ? AND financial_year = ? AND heading = ? AND cost_type = ?`).get(
      streamId,
      financialYear,
      heading,
      costType,
    );
    return r && toCamel<BudgetLine>(r);
  },
  async headings(ctx: Ctx, streamId: number): Promise<string[]> {
    return (await sql<{ heading: string }>(ctx, `SELECT heading FROM budget_line WHERE stream_id = ? GROUP BY heading ORDER BY min(id)`)
      .all(streamId))
      .map((r) => r.heading);
  },
  async withHeading(ctx: Ctx, streamId: number, heading: string): Promise<BudgetLine[]> {
    return (await sql<Row>(ctx, `SELECT * FROM budget_line WHERE stream_id = ? AND heading = ?`)
      .all(streamId, heading))
      .map((r) => toCamel<BudgetLine>(r));
  },
  async totalForYear(ctx: Ctx, streamId: number, financialYear: string): Promise<number> {
    return (await sql<{ n: number }>(ctx, `SELECT coalesce(sum(allocated_pence), 0) AS n FROM budget_line WHERE stream_id = ? AND financial_year = ?`).get(streamId, financialYear))!.n;
  },
  ...tableWrites('budget_line'),
};

const AWARD_SELECT = `SELECT a.*, o.name AS organisation_name FROM award a JOIN organisation o ON o.id = a.organisation_id`;

function awardFromRow(r: Row, years: AwardYear[]): Award {
  const a = toCamel<Omit<Award, 'monitoringMet' | 'years'> & { monitoringMet: number | null }>(r);
  return { ...a, monitoringMet: a.monitoringMet === null ? null : a.monitoringMet === 1, years };
}

export const awards = {
  /** Awards of a stream; with a year, those with an amount in that year or spend in its months. */
  async list(ctx: Ctx, streamId: number, financialYear: string | null, months?: [string, string]): Promise<Award[]> {
    const rows = financialYear
      ? await sql<Row>(
          ctx,
          `${AWARD_SELECT} WHERE a.stream_id = @stream AND (
             EXISTS (SELECT 1 FROM award_year y WHERE y.award_id = a.id AND y.financial_year = @fy)
             OR EXISTS (SELECT 1 FROM spend s WHERE s.award_id = a.id AND s.month BETWEEN @first AND @last))
           ORDER BY a.id`,
        ).all({ stream: streamId, fy: financialYear, first: months?.[0] ?? '', last: months?.[1] ?? '' })
      : await sql<Row>(ctx, `${AWARD_SELECT} WHERE a.stream_id = ? ORDER BY a.id`).all(streamId);
    const years = await this.yearsOfStream(ctx, streamId);
    return rows.map((r) => awardFromRow(r, years.get(r.id as number) ?? []));
  },
  async get(ctx: Ctx, id: number): Promise<Award | undefined> {
    const r = await sql<Row>(ctx, `${AWARD_SELECT} WHERE a.id = ?`).get(id);
    return r && awardFromRow(r, await this.years(ctx, id));
  },
  async years(ctx: Ctx, awardId: number): Promise<AwardYear[]> {
    return (await sql<Row>(ctx, `SELECT financial_year, amount_pence FROM award_year WHERE award_id = ? ORDER BY financial_year`)
      .all(awardId))
      .map((r) => toCamel<AwardYear>(r));
  },
  async yearsOfStream(ctx: Ctx, streamId: number): Promise<Map<number, AwardYear[]>> {
    const out = new Map<number, AwardYear[]>();
    const rows = await sql<{ award_id: number; financial_year: string; amount_pence: number }>(
      ctx,
      `SELECT y.award_id, y.financial_year, y.amount_pence FROM award_year y JOIN award a ON a.id = y.award_id WHERE a.stream_id = ? ORDER BY y.financial_year`,
    ).all(streamId);
    for (const r of rows) {
      const list = out.get(r.award_id) ?? [];
      list.push({ financialYear: r.financial_year, amountPence: r.amount_pence });
      out.set(r.award_id, list);
    }
    return out;
  },
  async totalForYear(ctx: Ctx, streamId: number, financialYear: string): Promise<number> {
    return (await sql<{ n: number }>(
      ctx,
      `SELECT coalesce(sum(y.amount_pence), 0) AS n FROM award_year y JOIN award a ON a.id = y.award_id WHERE a.stream_id = ? AND y.financial_year = ?`,
    ).get(streamId, financialYear))!.n;
  },
  async count(ctx: Ctx, streamId: number): Promise<number> {
    return (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM award WHERE stream_id = ?`).get(streamId))!.n;
  },
  ...tableWrites('award'),
  /** Replaces the amounts per year; award_year has no id column, so each change is audited against the award. */
  async setYears(ctx: Ctx, awardId: number, years: AwardYear[]): Promise<void> {
    const before = new Map((await this.years(ctx, awardId)).map((y) => [y.financialYear, y.amountPence]));
    const after = new Map(years.map((y) => [y.financialYear, y.amountPence]));
    for (const [fy, pence] of before) {
      if (after.get(fy) === pence) continue;
      await sql(ctx, `DELETE FROM award_year WHERE award_id = ? AND financial_year = ?`).run(awardId, fy);
      await auditLink(ctx, 'delete', 'award_year', awardId, { award_id: awardId, financial_year: fy, amount_pence: pence });
    }
    for (const [fy, pence] of after) {
      if (before.get(fy) === pence) continue;
      const row = { award_id: awardId, financial_year: fy, amount_pence: pence };
      await sql(ctx, `INSERT INTO award_year (award_id, financial_year, amount_pence) VALUES (@award_id, @financial_year, @amount_pence)`).run(row);
      await auditLink(ctx, 'create', 'award_year', awardId, row);
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
  async forStreamYear(ctx: Ctx, streamId: number, financialYear: string, first: string, last: string): Promise<SpendRecord[]> {
    const lines = await sql<Row>(
      ctx,
      `SELECT s.* FROM budget_line b JOIN spend s ON s.budget_line_id = b.id WHERE b.stream_id = ? AND b.financial_year = ? ORDER BY s.id`,
    ).all(streamId, financialYear);
    const awardRows = await sql<Row>(
      ctx,
      `SELECT s.* FROM award a JOIN spend s ON s.award_id = a.id WHERE a.stream_id = ? AND s.month BETWEEN ? AND ? ORDER BY s.id`,
    ).all(streamId, first, last);
    return [...lines, ...awardRows].map((r) => toCamel<SpendRecord>(r));
  },
  /** Straight sum, for reconciliation: actual spend of a stream between two months. */
  async sumForStream(ctx: Ctx, streamId: number, financialYear: string, kind: SpendKind, first: string, last: string): Promise<number> {
    return (await sql<{ n: number }>(
      ctx,
      `SELECT coalesce((SELECT sum(s.amount_pence) FROM budget_line b JOIN spend s ON s.budget_line_id = b.id
                         WHERE b.stream_id = @stream AND b.financial_year = @fy AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0)
            + coalesce((SELECT sum(s.amount_pence) FROM award a JOIN spend s ON s.award_id = a.id
                         WHERE a.stream_id = @stream AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0) AS n`,
    ).get({ stream: streamId, fy: financialYear, kind, first, last }))!.n;
  },
  async find(ctx: Ctx, target: { kind: 'line' | 'award'; id: number }, month: string, kind: SpendKind): Promise<SpendRecord | undefined> {
    const r =
      target.kind === 'line'
        ? await sql<Row>(ctx, `SELECT * FROM spend WHERE budget_line_id = ? AND month = ? AND kind = ?`).get(target.id, month, kind)
        : await sql<Row>(ctx, `SELECT * FROM spend WHERE award_id = ? AND month = ? AND kind = ?`).get(target.id, month, kind);
    return r && toCamel<SpendRecord>(r);
  },
  ...tableWrites('spend'),
};

function claimFromRow(r: Row): Claim {
  return toCamel<Claim>(r);
}

const claimWrites = tableWrites('claim');

/** A claim is recorded and updated (submitted, paid), never removed. */
export const claims = {
  async list(ctx: Ctx, streamId: number): Promise<Claim[]> {
    return (await sql<Row>(ctx, `SELECT * FROM claim WHERE stream_id = ? ORDER BY financial_year, period`).all(streamId)).map(claimFromRow);
  },
  async get(ctx: Ctx, id: number): Promise<Claim | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM claim WHERE id = ?`).get(id);
    return r && claimFromRow(r);
  },
  async find(ctx: Ctx, streamId: number, financialYear: string, period: string): Promise<Claim | undefined> {
    const r = await sql<Row>(ctx, `SELECT * FROM claim WHERE stream_id = ? AND financial_year = ? AND period = ?`).get(streamId, financialYear, period);
    return r && claimFromRow(r);
  },
  insert: claimWrites.insert,
  update: claimWrites.update,
};

export const importMappings = {
  async get(ctx: Ctx, source: string): Promise<ImportMapping | undefined> {
    const r = await sql<{ mapping_json: string }>(ctx, `SELECT mapping_json FROM import_mapping WHERE source = ? AND kind = 'spend'`).get(source);
    return r ? (JSON.parse(r.mapping_json) as ImportMapping) : undefined;
  },
  /** import_mapping is keyed by its source text (no id column): audited against 0, the row naming its source. */
  async set(ctx: Ctx, source: string, mapping: ImportMapping): Promise<void> {
    const json = JSON.stringify(mapping);
    const before = await sql<Row>(ctx, `SELECT * FROM import_mapping WHERE source = ?`).get(source);
    if (before && before.mapping_json === json && before.kind === 'spend') return;
    const row = { source, kind: 'spend', mapping_json: json, updated_at: isoNow(ctx) };
    if (before) {
      await sql(ctx, `DELETE FROM import_mapping WHERE source = ?`).run(source);
      await auditLink(ctx, 'delete', 'import_mapping', 0, before);
    }
    await sql(ctx, `INSERT INTO import_mapping (source, kind, mapping_json, updated_at) VALUES (@source, @kind, @mapping_json, @updated_at)`).run(row);
    await auditLink(ctx, 'create', 'import_mapping', 0, row);
  },
};

export const boards = {
  get(ctx: Ctx, id: number): Promise<{ id: number; code: string; name: string } | undefined> {
    return sql<{ id: number; code: string; name: string }>(ctx, `SELECT id, code, name FROM board WHERE id = ?`).get(id);
  },
  /** Highest number used in decision references "<prefix>NNN". */
  async lastDecisionNumber(ctx: Ctx, prefix: string): Promise<number> {
    const rows = await sql<{ reference: string }>(ctx, `SELECT reference FROM decision WHERE reference LIKE ? ESCAPE '\\'`).all(likeStartingWith(prefix));
    let max = 0;
    for (const r of rows) {
      const n = Number(r.reference.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
    return max;
  },
};

export const settings = {
  async chiefFinanceOfficer(ctx: Ctx): Promise<string | undefined> {
    const r = await sql<{ name: string }>(
      ctx,
      `SELECT trim(honorific || ' ' || given_name || ' ' || family_name) AS name FROM person WHERE job_title LIKE '%Chief Finance Officer%' ORDER BY id LIMIT 1`,
    ).get();
    return r?.name;
  },
};
