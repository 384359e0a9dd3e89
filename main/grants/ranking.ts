import { sumPence } from '../shared/money';
import type { BidYear } from './contract';
import type { RankedBid, Ranking } from './scoring-contract';

/**
 * The ranked list, pure: bids, criteria and scores arrive as values. A bid's weighted total
 * is, for each criterion, the mean of its scorers' scores times the criterion's weight, summed
 * (a criterion nobody scored counts 0); a moderated score, agreed by the panel, counts in place
 * of the mean on its criterion. Bids are ranked by it, highest first; a tie goes to
 * the bid received first, then the one entered first. What the panel could award is each
 * year's ask up to the cap; the money left at a cut-off line is the fund less that for the
 * bid and every one above it.
 */

export interface BidForRanking {
  id: number;
  organisationName: string;
  project: string;
  receivedOn: string;
  years: BidYear[];
}

export interface ScoreForRanking {
  bidId: number;
  criterionId: number;
  personName: string;
  score: number;
}

export interface ModerationForRanking {
  bidId: number;
  criterionId: number;
  criterionName: string;
  score: number;
}

export function rankBids(input: {
  roundId: number;
  years: string[];
  capPence: number | null;
  maxScore: number;
  criteria: { id: number; weight: number }[];
  fundByYear: BidYear[];
  bids: BidForRanking[];
  scores: ScoreForRanking[];
  /** The panel's agreed scores: each counts in place of the mean on its criterion. */
  moderations?: ModerationForRanking[];
}): Ranking {
  const maxTotal = input.maxScore * input.criteria.reduce((n, c) => n + c.weight, 0);
  const scored: Omit<RankedBid, 'rank' | 'cumulativePence' | 'leftPence' | 'leftByYear'>[] = [];
  const unscored: Ranking['unscored'] = [];
  const order = [...input.bids].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id - b.id));
  for (const bid of order) {
    const mine = input.scores.filter((s) => s.bidId === bid.id);
    if (mine.length === 0) {
      unscored.push({ bidId: bid.id, organisationName: bid.organisationName, project: bid.project });
      continue;
    }
    const scorers = [...new Set(mine.map((s) => s.personName))].sort();
    let total = 0;
    const moderated: string[] = [];
    for (const c of input.criteria) {
      const agreed = input.moderations?.find((m) => m.bidId === bid.id && m.criterionId === c.id);
      if (agreed) {
        total += agreed.score * c.weight;
        moderated.push(agreed.criterionName);
        continue;
      }
      const onIt = mine.filter((s) => s.criterionId === c.id);
      if (onIt.length > 0) total += (onIt.reduce((n, s) => n + s.score, 0) / onIt.length) * c.weight;
    }
    const complete = scorers.every((p) => input.criteria.every((c) => mine.some((s) => s.personName === p && s.criterionId === c.id)));
    const recommendedByYear = input.years.map((fy) => {
      const asked = bid.years.find((y) => y.financialYear === fy)?.amountPence ?? 0;
      return { financialYear: fy, amountPence: input.capPence === null ? asked : Math.min(asked, input.capPence) };
    });
    scored.push({
      bidId: bid.id,
      organisationName: bid.organisationName,
      project: bid.project,
      scorers,
      complete,
      moderated,
      weightedTotal: Math.round(total * 100) / 100,
      maxTotal,
      askedPence: sumPence(bid.years.map((y) => y.amountPence)),
      recommendedPence: sumPence(recommendedByYear.map((y) => y.amountPence)),
      recommendedByYear,
    });
  }
  // A stable sort keeps the received order among equal totals.
  scored.sort((a, b) => b.weightedTotal - a.weightedTotal);
  const fundPence = sumPence(input.fundByYear.map((y) => y.amountPence));
  const spentByYear = new Map<string, number>();
  let cumulative = 0;
  const bids: RankedBid[] = scored.map((b, i) => {
    cumulative += b.recommendedPence;
    for (const y of b.recommendedByYear) spentByYear.set(y.financialYear, (spentByYear.get(y.financialYear) ?? 0) + y.amountPence);
    return {
      ...b,
      rank: i + 1,
      cumulativePence: cumulative,
      leftPence: fundPence - cumulative,
      leftByYear: input.fundByYear.map((y) => ({ financialYear: y.financialYear, amountPence: y.amountPence - (spentByYear.get(y.financialYear) ?? 0) })),
    };
  });
  return { roundId: input.roundId, fundPence, fundByYear: input.fundByYear, bids, unscored };
}
