import type { HandlersFor } from '../api/handler-types';
import { allocations } from '../funding/repository';
import { organisations, people } from '../people/repository';
import { checkVersion, when } from '../db/versions';
import { isoToday, type Ctx } from '../shared/context';
import { DomainError, notFound, type StaleDetail } from '../shared/errors';
import type { Bid } from './contract';
import { rankBids } from './ranking';
import { bids } from './repository';
import type { Conflict, Moderation, scoringContract } from './scoring-contract';
import { conflicts, moderations, scores } from './scoring-repository';
import { getRound } from './service';

/**
 * The panel's side of a round: conflicts of interest, scores, the ranked list. A conflict
 * keeps a person from scoring a bid whoever asks: the check runs inside bid.score's write.
 */

async function bidRow(ctx: Ctx, id: number) {
  const b = await bids.get(ctx, id);
  if (!b) throw notFound('bid', id);
  return b;
}

async function personName(ctx: Ctx, personId: number, field = 'personId'): Promise<string> {
  const p = await people.get(ctx, personId);
  if (!p) throw new DomainError('person.notFound', `Person: nobody with id ${personId} exists; choose someone from the list.`, field);
  return `${p.givenName} ${p.familyName}`;
}

/** Everyone kept from scoring the bid, and why: declared on it, on the register naming the organisation, working for it. */
export async function conflictsOf(ctx: Ctx, bid: Pick<Bid, 'id' | 'organisationId' | 'organisationName'>): Promise<Conflict[]> {
  const out: Conflict[] = [];
  for (const d of await conflicts.forBid(ctx, bid.id)) {
    out.push({ personId: d.personId, personName: d.personName, source: 'declared', reason: `${d.personName} declared an interest in this bid: ${d.description}` });
  }
  const org = await organisations.get(ctx, bid.organisationId);
  const names = [bid.organisationName, org?.shortName ?? '', bid.organisationName.replace(/&/g, 'and')].filter((n, i, all) => n && all.indexOf(n) === i);
  for (const r of await conflicts.registered(ctx, names, isoToday(ctx))) {
    out.push({ personId: r.personId, personName: r.personName, source: 'register', reason: `${r.personName}'s register of interests names ${bid.organisationName}: ${r.description}` });
  }
  for (const p of await conflicts.staffOf(ctx, bid.organisationId)) {
    out.push({ personId: p.id, personName: p.name, source: 'employer', reason: `${p.name} works for ${bid.organisationName}, which made the bid` });
  }
  return out;
}

export const scoringHandlers: HandlersFor<typeof scoringContract> = {
  'bid.declareConflict': async (ctx, { bidId, personId, description, declaredOn }) => {
    const bid = await bidRow(ctx, bidId);
    const name = await personName(ctx, personId);
    if ((await conflicts.forBid(ctx, bidId)).some((c) => c.personId === personId)) {
      throw new DomainError('bid.conflictDeclared', `${name} has already declared an interest in this bid.`, 'personId');
    }
    if ((await scores.forBid(ctx, bidId)).some((s) => s.personId === personId)) {
      // Their scores would count although they should not have scored it: the panel must know.
      throw new DomainError('bid.conflictAfterScoring', `${name} has already scored this bid; remove their scores (or ask the chair to moderate) before recording the conflict.`, 'personId');
    }
    await conflicts.insert(ctx, { bidId, personId, description, declaredOn: declaredOn ?? isoToday(ctx) });
    return conflictsOf(ctx, bid);
  },
  'bid.conflicts': async (ctx, { bidId }) => conflictsOf(ctx, await bidRow(ctx, bidId)),
  'bid.score': async (ctx, { bidId, personId, scores: given, versions }) => {
    const bid = await bidRow(ctx, bidId);
    const round = await getRound(ctx, bid.roundId);
    await personName(ctx, personId);
    const conflict = (await conflictsOf(ctx, bid)).find((c) => c.personId === personId);
    if (conflict) throw new DomainError('score.conflict', `${conflict.reason}, so they may not score it.`, 'personId');
    const seen = new Set<number>();
    given.forEach((s, i) => {
      const criterion = round.criteria.find((c) => c.id === s.criterionId);
      if (!criterion) throw new DomainError('score.criterion', `Criterion ${s.criterionId} is not one of the ${round.name}'s (${round.criteria.map((c) => c.name).join('; ') || 'it has none yet'}).`, `scores.${i}.criterionId`);
      if (seen.has(s.criterionId)) throw new DomainError('score.duplicate', `${criterion.name} is scored twice.`, `scores.${i}.criterionId`);
      seen.add(s.criterionId);
      if (s.score > round.maxScore) throw new DomainError('score.outsideScale', `${criterion.name}: a score of ${s.score} is outside the ${round.name}'s scale of 0 to ${round.maxScore}.`, `scores.${i}.score`);
    });
    const mine = (await scores.forBid(ctx, bidId)).filter((s) => s.personId === personId);
    // The sheet as the screen read it: a score changed since (the same member on another laptop) is refused, not overwritten.
    for (const v of versions ?? []) {
      const read = mine.find((m) => m.id === v.id);
      if (read) await checkVersion(ctx, 'bid_score', v.id, v.version, { score: given.find((g) => g.criterionId === read.criterionId)?.score });
    }
    for (const s of given) {
      const before = mine.find((m) => m.criterionId === s.criterionId);
      if (!before) await scores.insert(ctx, { bidId, personId, criterionId: s.criterionId, score: s.score, comment: s.comment });
      else if (before.score !== s.score || before.comment !== s.comment) await scores.update(ctx, before.id, { score: s.score, comment: s.comment });
    }
    return (await scores.forBid(ctx, bidId)).filter((s) => s.personId === personId);
  },
  'bid.scores': async (ctx, { bidId }) => {
    await bidRow(ctx, bidId);
    return scores.forBid(ctx, bidId);
  },
  'bid.moderate': async (ctx, { bidId, criterionId, personId, score, reason, version }) => {
    const bid = await bidRow(ctx, bidId);
    const round = await getRound(ctx, bid.roundId);
    await personName(ctx, personId);
    const criterion = round.criteria.find((c) => c.id === criterionId);
    if (!criterion) throw new DomainError('score.criterion', `Criterion ${criterionId} is not one of the ${round.name}'s (${round.criteria.map((c) => c.name).join('; ') || 'it has none yet'}).`, 'criterionId');
    const before = (await moderations.forBid(ctx, bidId)).find((m) => m.criterionId === criterionId);
    if (version !== undefined) await refuseModeratedSince(ctx, before, version, score);
    if (score === null) {
      if (before) await moderations.remove(ctx, before.id);
      return moderations.forBid(ctx, bidId);
    }
    const conflict = (await conflictsOf(ctx, bid)).find((c) => c.personId === personId);
    if (conflict) throw new DomainError('score.conflict', `${conflict.reason}, so they may not moderate its scores.`, 'personId');
    if (score > round.maxScore) throw new DomainError('score.outsideScale', `${criterion.name}: a score of ${score} is outside the ${round.name}'s scale of 0 to ${round.maxScore}.`, 'score');
    if (reason.trim() === '') throw new DomainError('moderation.reason', 'Reason: say why the panel moderated the score (it is kept with it).', 'reason');
    if (!before) await moderations.insert(ctx, { bidId, criterionId, personId, score, reason });
    else await moderations.update(ctx, before.id, { personId, score, reason });
    return moderations.forBid(ctx, bidId);
  },
  'bid.moderations': async (ctx, { bidId }) => {
    await bidRow(ctx, bidId);
    return moderations.forBid(ctx, bidId);
  },
  'round.ranking': async (ctx, { roundId, fund }) => {
    const round = await getRound(ctx, roundId);
    const byYear = new Map((await allocations.list(ctx, round.streamId)).map((a) => [a.financialYear, a.amountPence]));
    // A fund given by hand is the round's whole pot, drawn against in the first year's column.
    const fundByYear = fund === null ? round.years.map((fy) => ({ financialYear: fy, amountPence: byYear.get(fy) ?? 0 })) : [{ financialYear: 'All years', amountPence: fund }];
    const years = await bids.yearsOfRound(ctx, roundId);
    const list = (await bids.list(ctx, roundId)).map((b) => ({ id: b.id, organisationName: b.organisationName, project: b.project, receivedOn: b.receivedOn, years: years.get(b.id) ?? [] }));
    const all = await scores.forRound(ctx, roundId);
    const agreed = await moderations.forRound(ctx, roundId);
    const ranking = rankBids({ roundId, years: round.years, capPence: round.capPence, maxScore: round.maxScore, criteria: round.criteria, fundByYear, bids: list, scores: all, moderations: agreed });
    if (fund !== null) {
      // One pot: what is left is the pot less everything recommended, whatever the year.
      for (const b of ranking.bids) b.leftByYear = [{ financialYear: 'All years', amountPence: b.leftPence }];
    }
    return ranking;
  },
};

/**
 * The moderation as the screen read it (its version, or null for none) against what is there
 * now: another member's moderation since is refused, naming them, theirs beside yours.
 */
async function refuseModeratedSince(ctx: Ctx, now: Moderation | undefined, read: number | null, yours: number | null): Promise<void> {
  if (now && read !== null) return checkVersion(ctx, 'bid_moderation', now.id, read, { score: yours });
  if (!now && read === null) return;
  const stale: StaleDetail = now
    ? { by: now.personName, at: now.updatedAt, deleted: false, version: now.version, changes: [{ field: 'score', theirs: now.score, yours, yoursSent: true }] }
    : { by: 'someone else', at: '', deleted: true, version: null, changes: [] };
  throw new DomainError(
    'stale',
    now
      ? `Moderated by ${now.personName} at ${when(now.updatedAt)} since you opened it (${now.score}). Your moderation was not saved: look at theirs, then moderate again if yours should still stand.`
      : 'The moderation you opened has been taken off since. Your change was not saved: look again, then moderate if it should still stand.',
    'version',
  ).withStale(stale);
}
