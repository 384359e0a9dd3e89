import { auditLink, deleteRow, insertRow } from '../db/audit';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Tier } from '../funding/contract';
import type { OrganisationKind } from '../people/contract';
import type { Ctx } from '../shared/context';
import type { Bid, BidYear, RoundCriterion } from './contract';

/** SQL for funding rounds and bids. Rows out are camelCase; nothing here formats for display. */
type Row = Record<string, unknown>;

export interface RoundRow {
  version: number;
  id: number;
  streamId: number;
  streamName: string;
  streamCapPence: number | null;
  name: string;
  opensOn: string;
  closesOn: string;
  firstYear: string;
  lastYear: string;
  awardCapPence: number | null;
  maxScore: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** A bid as its row holds it: its documents and warnings as JSON text, its years apart (bid_year). */
export type BidRow = Omit<Bid, 'documents' | 'years' | 'totalPence' | 'warnings'> & { documents: string; warnings: string };

const ROUND_SELECT = `
  SELECT r.*, s.name AS stream_name, s.award_cap_pence AS stream_cap_pence
  FROM funding_round r JOIN funding_stream s ON s.id = r.stream_id`;

const BID_SELECT = `
  SELECT b.*, o.name AS organisation_name, o.kind AS organisation_kind
  FROM bid b JOIN organisation o ON o.id = b.organisation_id`;

/** A list of a round's (kinds, themes, tiers) as its link table holds it: replaced whole, each change audited against the round. */
async function replaceValues(ctx: Ctx, table: 'round_eligible_kind' | 'round_tier' | 'round_theme', column: 'kind' | 'tier' | 'theme', roundId: number, values: string[]): Promise<void> {
  const order = table === 'round_theme' ? 'position' : column;
  const before = (await sql<Row>(ctx, `SELECT * FROM ${table} WHERE round_id = ? ORDER BY ${order}`).all(roundId));
  const same = before.length === values.length && before.every((r, i) => r[column] === values[i]);
  if (same) return;
  for (const r of before) {
    await sql(ctx, `DELETE FROM ${table} WHERE round_id = ? AND ${column} = ?`).run(roundId, r[column]);
    await auditLink(ctx, 'delete', table, roundId, r);
  }
  for (const [i, value] of values.entries()) {
    const row: Row = table === 'round_theme' ? { round_id: roundId, position: i + 1, theme: value } : { round_id: roundId, [column]: value };
    const cols = Object.keys(row);
    await sql(ctx, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    await auditLink(ctx, 'create', table, roundId, row);
  }
}

export const rounds = {
  async list(ctx: Ctx, streamId: number): Promise<RoundRow[]> {
    return (await sql<Row>(ctx, `${ROUND_SELECT} WHERE r.stream_id = ? ORDER BY r.opens_on DESC, r.id DESC`).all(streamId)).map((r) => toCamel<RoundRow>(r));
  },
  async get(ctx: Ctx, id: number): Promise<RoundRow | undefined> {
    const row = await sql<Row>(ctx, `${ROUND_SELECT} WHERE r.id = ?`).get(id);
    return row && toCamel<RoundRow>(row);
  },
  async kinds(ctx: Ctx, roundId: number): Promise<OrganisationKind[]> {
    return (await sql<{ kind: OrganisationKind }>(ctx, `SELECT kind FROM round_eligible_kind WHERE round_id = ? ORDER BY kind`).all(roundId)).map((r) => r.kind);
  },
  async themes(ctx: Ctx, roundId: number): Promise<string[]> {
    return (await sql<{ theme: string }>(ctx, `SELECT theme FROM round_theme WHERE round_id = ? ORDER BY position`).all(roundId)).map((r) => r.theme);
  },
  async tiers(ctx: Ctx, roundId: number): Promise<Tier[]> {
    return (await sql<{ tier: Tier }>(ctx, `SELECT tier FROM round_tier WHERE round_id = ? ORDER BY tier`).all(roundId)).map((r) => r.tier);
  },
  async criteria(ctx: Ctx, roundId: number): Promise<RoundCriterion[]> {
    return (await sql<Row>(ctx, `SELECT id, position, name, weight, description FROM round_criterion WHERE round_id = ? ORDER BY position`).all(roundId)).map((r) => toCamel<RoundCriterion>(r));
  },
  async asked(ctx: Ctx, roundId: number): Promise<{ bidCount: number; years: BidYear[] }> {
    const count = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM bid WHERE round_id = ?`).get(roundId))!.n;
    const years = await sql<{ financial_year: string; n: number }>(
      ctx,
      `SELECT y.financial_year, sum(y.amount_pence) AS n FROM bid_year y JOIN bid b ON b.id = y.bid_id WHERE b.round_id = ? GROUP BY y.financial_year ORDER BY y.financial_year`,
    ).all(roundId);
    return { bidCount: Number(count), years: years.map((y) => ({ financialYear: y.financial_year, amountPence: Number(y.n) })) };
  },
  setKinds: (ctx: Ctx, roundId: number, kinds: string[]) => replaceValues(ctx, 'round_eligible_kind', 'kind', roundId, [...kinds].sort()),
  setThemes: (ctx: Ctx, roundId: number, themes: string[]) => replaceValues(ctx, 'round_theme', 'theme', roundId, themes),
  setTiers: (ctx: Ctx, roundId: number, tiers: string[]) => replaceValues(ctx, 'round_tier', 'tier', roundId, [...tiers].sort()),
  /** Whether the criteria given are the round's as they stand. */
  async sameCriteria(ctx: Ctx, roundId: number, criteria: Omit<RoundCriterion, 'id' | 'position'>[]): Promise<boolean> {
    const before = await this.criteria(ctx, roundId);
    return before.length === criteria.length && before.every((c, i) => c.name === criteria[i]!.name && c.weight === criteria[i]!.weight && c.description === criteria[i]!.description);
  },
  /** Scores and moderated scores recorded against the round's criteria. */
  async scoreCount(ctx: Ctx, roundId: number): Promise<number> {
    const scored = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM bid_score s JOIN bid b ON b.id = s.bid_id WHERE b.round_id = ?`).get(roundId))!.n;
    const moderated = (await sql<{ n: number }>(ctx, `SELECT count(*) AS n FROM bid_moderation m JOIN bid b ON b.id = m.bid_id WHERE b.round_id = ?`).get(roundId))!.n;
    return Number(scored) + Number(moderated);
  },
  /** Replaces the criteria (the service refuses it once a bid is scored against them). */
  async setCriteria(ctx: Ctx, roundId: number, criteria: Omit<RoundCriterion, 'id' | 'position'>[]): Promise<void> {
    if (await this.sameCriteria(ctx, roundId, criteria)) return;
    const before = await this.criteria(ctx, roundId);
    for (const c of before) await deleteRow(ctx, 'round_criterion', c.id);
    for (const [i, c] of criteria.entries()) await insertRow(ctx, 'round_criterion', { round_id: roundId, position: i + 1, name: c.name, weight: c.weight, description: c.description });
  },
  ...tableWrites('funding_round'),
};

export const bids = {
  async list(ctx: Ctx, roundId: number): Promise<BidRow[]> {
    return (await sql<Row>(ctx, `${BID_SELECT} WHERE b.round_id = ? ORDER BY b.received_on, b.id`).all(roundId)).map((r) => toCamel<BidRow>(r));
  },
  async get(ctx: Ctx, id: number): Promise<BidRow | undefined> {
    const row = await sql<Row>(ctx, `${BID_SELECT} WHERE b.id = ?`).get(id);
    return row && toCamel<BidRow>(row);
  },
  async yearsOfRound(ctx: Ctx, roundId: number): Promise<Map<number, BidYear[]>> {
    const out = new Map<number, BidYear[]>();
    const rows = await sql<{ bid_id: number; financial_year: string; amount_pence: number }>(
      ctx,
      `SELECT y.bid_id, y.financial_year, y.amount_pence FROM bid_year y JOIN bid b ON b.id = y.bid_id WHERE b.round_id = ? ORDER BY y.financial_year`,
    ).all(roundId);
    for (const r of rows) {
      const list = out.get(r.bid_id) ?? [];
      list.push({ financialYear: r.financial_year, amountPence: Number(r.amount_pence) });
      out.set(r.bid_id, list);
    }
    return out;
  },
  async years(ctx: Ctx, bidId: number): Promise<BidYear[]> {
    return (await sql<{ financial_year: string; amount_pence: number }>(ctx, `SELECT financial_year, amount_pence FROM bid_year WHERE bid_id = ? ORDER BY financial_year`).all(bidId)).map((r) => ({
      financialYear: r.financial_year,
      amountPence: Number(r.amount_pence),
    }));
  },
  /** Whether the organisation (by name, either case) has a bid to the round for the project. */
  async exists(ctx: Ctx, roundId: number, organisationId: number, project: string, exceptId = 0): Promise<boolean> {
    return !!(await sql(ctx, `SELECT 1 FROM bid WHERE round_id = ? AND organisation_id = ? AND lower(project) = lower(?) AND id <> ?`).get(roundId, organisationId, project, exceptId));
  },
  /** Every bid of a round as "organisation name\0project", lower case, for an import's duplicates. */
  async keys(ctx: Ctx, roundId: number): Promise<Set<string>> {
    const rows = await sql<{ name: string; project: string }>(ctx, `SELECT o.name, b.project FROM bid b JOIN organisation o ON o.id = b.organisation_id WHERE b.round_id = ?`).all(roundId);
    return new Set(rows.map((r) => `${r.name.toLowerCase()}\u0000${r.project.toLowerCase()}`));
  },
  /** Replaces the amounts per year; bid_year has no id column, so each change is audited against the bid. */
  async setYears(ctx: Ctx, bidId: number, years: BidYear[]): Promise<void> {
    const before = new Map((await this.years(ctx, bidId)).map((y) => [y.financialYear, y.amountPence]));
    const after = new Map(years.map((y) => [y.financialYear, y.amountPence]));
    for (const [fy, pence] of before) {
      if (after.get(fy) === pence) continue;
      await sql(ctx, `DELETE FROM bid_year WHERE bid_id = ? AND financial_year = ?`).run(bidId, fy);
      await auditLink(ctx, 'delete', 'bid_year', bidId, { bid_id: bidId, financial_year: fy, amount_pence: pence });
    }
    for (const [fy, pence] of after) {
      if (before.get(fy) === pence) continue;
      const row = { bid_id: bidId, financial_year: fy, amount_pence: pence };
      await sql(ctx, `INSERT INTO bid_year (bid_id, financial_year, amount_pence) VALUES (@bid_id, @financial_year, @amount_pence)`).run(row);
      await auditLink(ctx, 'create', 'bid_year', bidId, row);
    }
  },
  ...tableWrites('bid'),
};
