import { likeContaining } from '../db/like';
import { toCamel } from '../db/rows';
import { sql } from '../db/statements';
import { tableWrites } from '../db/table-writes';
import type { Ctx } from '../shared/context';
import type { BidScore, Moderation } from './scoring-contract';

/** SQL for the panel's scores and the conflicts declared on bids. */
type Row = Record<string, unknown>;

const SCORE_SELECT = `
  SELECT s.*, c.name AS criterion_name, (p.given_name || ' ' || p.family_name) AS person_name
  FROM bid_score s JOIN round_criterion c ON c.id = s.criterion_id JOIN person p ON p.id = s.person_id`;

export interface DeclaredConflict {
  id: number;
  bidId: number;
  personId: number;
  personName: string;
  description: string;
  declaredOn: string;
}

export const scores = {
  async forBid(ctx: Ctx, bidId: number): Promise<BidScore[]> {
    return (await sql<Row>(ctx, `${SCORE_SELECT} WHERE s.bid_id = ? ORDER BY c.position, p.family_name, p.given_name, p.id`).all(bidId)).map((r) => toCamel<BidScore>(r));
  },
  async forRound(ctx: Ctx, roundId: number): Promise<BidScore[]> {
    return (await sql<Row>(ctx, `${SCORE_SELECT} JOIN bid b ON b.id = s.bid_id WHERE b.round_id = ? ORDER BY s.bid_id, c.position, s.person_id`).all(roundId)).map((r) => toCamel<BidScore>(r));
  },
  ...tableWrites('bid_score'),
};

const MODERATION_SELECT = `
  SELECT m.*, c.name AS criterion_name, (p.given_name || ' ' || p.family_name) AS person_name
  FROM bid_moderation m JOIN round_criterion c ON c.id = m.criterion_id JOIN person p ON p.id = m.person_id`;

export const moderations = {
  async forBid(ctx: Ctx, bidId: number): Promise<Moderation[]> {
    return (await sql<Row>(ctx, `${MODERATION_SELECT} WHERE m.bid_id = ? ORDER BY c.position`).all(bidId)).map((r) => toCamel<Moderation>(r));
  },
  async forRound(ctx: Ctx, roundId: number): Promise<Moderation[]> {
    return (await sql<Row>(ctx, `${MODERATION_SELECT} JOIN bid b ON b.id = m.bid_id WHERE b.round_id = ? ORDER BY m.bid_id, c.position`).all(roundId)).map((r) => toCamel<Moderation>(r));
  },
  ...tableWrites('bid_moderation'),
};

export const conflicts = {
  async forBid(ctx: Ctx, bidId: number): Promise<DeclaredConflict[]> {
    return (
      await sql<Row>(
        ctx,
        `SELECT k.*, (p.given_name || ' ' || p.family_name) AS person_name FROM bid_conflict k JOIN person p ON p.id = k.person_id WHERE k.bid_id = ? ORDER BY p.family_name, p.given_name, p.id`,
      ).all(bidId)
    ).map((r) => toCamel<DeclaredConflict>(r));
  },
  /** The people who work for an organisation (person.organisation_id). */
  async staffOf(ctx: Ctx, organisationId: number): Promise<{ id: number; name: string }[]> {
    return sql<{ id: number; name: string }>(ctx, `SELECT id, (given_name || ' ' || family_name) AS name FROM person WHERE organisation_id = ? ORDER BY family_name, given_name, id`).all(organisationId);
  },
  /** Entries of the register of interests current on a day whose description names the organisation (by any of its names). */
  async registered(ctx: Ctx, names: string[], on: string): Promise<{ personId: number; personName: string; description: string; type: string }[]> {
    const wanted = names.filter((n) => n.trim().length >= 3);
    if (wanted.length === 0) return [];
    const params: Record<string, unknown> = { on };
    const likes = wanted.map((n, i) => {
      params[`q${i}`] = likeContaining(n);
      return `i.description LIKE @q${i} ESCAPE '\\'`;
    });
    return sql<{ personId: number; personName: string; description: string; type: string }>(
      ctx,
      `SELECT i.person_id AS "personId", (p.given_name || ' ' || p.family_name) AS "personName", i.description, i.type
       FROM interest i JOIN person p ON p.id = i.person_id
       WHERE i.starts_on <= @on AND (i.ends_on IS NULL OR i.ends_on >= @on) AND (${likes.join(' OR ')})
       ORDER BY p.family_name, p.given_name, i.id`,
    ).all(params);
  },
  ...tableWrites('bid_conflict'),
};
