import { z } from 'zod';
import { command, query, readVersions } from '../api/define';
import { id, isoDate, money, nullable, optionalText, requiredText } from '../api/fields';
import type { BidYear } from './contract';

/**
 * Scoring the bids of a round (issue 10, point 2): each panel member scores each bid against
 * the round's criteria (0 to its top score) with a comment; a member with a conflict of
 * interest in the bidding organisation (on the register of interests, declared on the bid, or
 * working for it) is kept from scoring it; the bids ranked by weighted total, with the money
 * left at each cut-off line.
 */

export interface BidScore {
  /** The version it was read at. */
  version: number;
  id: number;
  bidId: number;
  criterionId: number;
  criterionName: string;
  personId: number;
  personName: string;
  score: number;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

/** The panel's agreed score of a bid on one criterion, in place of the scorers' mean. */
export interface Moderation {
  version: number;
  id: number;
  bidId: number;
  criterionId: number;
  criterionName: string;
  personId: number;
  personName: string;
  score: number;
  reason: string;
  createdAt: string;
  updatedAt: string;
}

export type ConflictSource = 'register' | 'declared' | 'employer';

/** Why a person may not score a bid. */
export interface Conflict {
  personId: number;
  personName: string;
  source: ConflictSource;
  reason: string;
}

export interface RankedBid {
  rank: number;
  bidId: number;
  organisationName: string;
  project: string;
  /** People who scored it on at least one criterion. */
  scorers: string[];
  /** True when every scorer of it scored every criterion. */
  complete: boolean;
  /** Σ over criteria of (mean score × weight), to two decimal places. */
  weightedTotal: number;
  /** The criteria whose moderated score counted in place of the mean. */
  moderated: string[];
  /** The top score × the sum of the weights. */
  maxTotal: number;
  askedPence: number;
  /** What the panel could award: each year's ask up to the cap. */
  recommendedPence: number;
  recommendedByYear: BidYear[];
  /** Recommended for this bid and every bid ranked above it. */
  cumulativePence: number;
  /** The fund less the cumulative recommendation: the money left if the line is drawn under this bid (negative: over the fund). */
  leftPence: number;
  leftByYear: BidYear[];
}

export interface Ranking {
  roundId: number;
  /** The fund the line is drawn against: the stream's allocations for the round's years, or the figure given. */
  fundPence: number;
  fundByYear: BidYear[];
  bids: RankedBid[];
  /** Bids no one has scored yet, left out of the ranking. */
  unscored: { bidId: number; organisationName: string; project: string }[];
}

const bidId = id('Bid');

const scoreInput = z
  .object({
    criterionId: id('Criterion'),
    score: z.number({ error: 'Score must be a number' }).int('Score must be a whole number').min(0, 'Score cannot be below 0'),
    comment: optionalText('Comment', 4000),
  })
  .strict();

export const scoringContract = {
  'bid.declareConflict': command<Conflict[]>()(
    z.object({ bidId, personId: id('Person'), description: requiredText('Interest', 1000), declaredOn: nullable(isoDate('Declared on')) }).strict(),
    'Declare a person’s conflict of interest in a bid (kept from scoring it); returns everyone kept from scoring it and why',
  ),
  'bid.conflicts': query<Conflict[]>()(
    z.object({ bidId }).strict(),
    'Who may not score a bid and why: an interest on the register naming the bidding organisation, a conflict declared on the bid, or working for the organisation',
  ),
  'bid.score': command<BidScore[]>()(
    z
      .object({ bidId, personId: id('Panel member'), scores: z.array(scoreInput, { error: 'Scores must be a list' }).min(1, 'Give at least one score').max(30), versions: readVersions('Score') })
      .strict(),
    'Record a panel member’s scores of a bid against the round’s criteria (0 to its top score) with comments, replacing theirs; refused for a member with a conflict; `versions` are their scores as read (refused if one has changed since)',
  ),
  'bid.scores': query<BidScore[]>()(z.object({ bidId }).strict(), 'Every panel member’s scores of a bid, by criterion'),
  'bid.moderate': command<Moderation[]>()(
    z
      .object({
        bidId,
        criterionId: id('Criterion'),
        personId: id('Moderated by'),
        score: z.number({ error: 'Moderated score must be a number' }).int('Moderated score must be a whole number').min(0, 'Moderated score cannot be below 0').nullable(),
        reason: optionalText('Reason', 2000),
        // The criterion's moderation as read: its version, or null when it had none (refused if it has changed since).
        version: z.number({ error: 'Version must be a number: the moderation’s version as read, or null for none' }).int().positive().nullable().optional(),
      })
      .strict(),
    'Moderate a bid’s score on one criterion (the panel’s agreed score, with the reason and who moderated it; null takes the moderation off), counted in place of the scorers’ mean; `version` is the moderation as read (null: none), refused if another has moderated since; returns the bid’s moderations',
  ),
  'bid.moderations': query<Moderation[]>()(z.object({ bidId }).strict(), 'The moderated scores of a bid'),
  'round.ranking': query<Ranking>()(
    z.object({ roundId: id('Funding round'), fund: money('Fund').nullable().default(null) }).strict(),
    'The scored bids ranked by weighted total, with the recommended amount (the ask up to the cap) and the money left at each cut-off line',
  ),
} as const;
