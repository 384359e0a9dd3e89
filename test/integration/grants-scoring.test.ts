import { describe, expect, it } from 'vitest';
import type { Bid, FundingRound } from '../../main/grants/contract';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { SVS_THEMES, vrfRound } from './grants-fixture';

/**
 * Scoring a round (issue 10, point 2): two panel members score three bids against the round's
 * weighted criteria (0–5); one is kept off the bid of the charity his register of interests
 * names, a third off her employer's bid and off a bid she declares an interest in; the ranked
 * list with weighted totals and the money left at each cut-off, worked out by hand below.
 */

const count = async (ws: TestWorkspace, table: string) => Number((await ws.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

async function setUp(ws: TestWorkspace) {
  const round = await vrfRound(ws);
  const police = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
  const bid = async (name: string, project: string, receivedOn: string, years: [string, string][]) =>
    (
      await ws.call('bid.create', {
        roundId: round.id,
        organisation: { name, kind: name === 'Kent Police' ? 'police' : 'charity' },
        project,
        theme: SVS_THEMES[2]!,
        receivedOn,
        years: years.map(([financialYear, amount]) => ({ financialYear, amount })),
      })
    ).bid;
  const cadets = await bid('Kent Police', 'Mini Cadets', '2019-05-15', [['2019/20', '£36,814']]);
  const girls = await bid('Rising Sun & Choices', 'Girls at risk', '2019-05-20', [
    ['2019/20', '£35,000'],
    ['2020/21', '£35,000'],
  ]);
  const fearless = await bid('Kent CrimeStoppers', 'Fearless', '2019-05-21', [['2019/20', '£20,000']]);
  const person = (givenName: string, familyName: string, organisationId: number | null = null) => ws.call('person.create', { givenName, familyName, organisationId });
  const ann = await person('Ann', 'Lee');
  const raj = await person('Raj', 'Patel');
  const bea = await person('Bea', 'Constable', police.id);
  await ws.call('interest.create', { personId: raj.id, type: 'other_registrable', description: 'Trustee of Kent CrimeStoppers', startsOn: '2018-01-01', endsOn: null, reviewedOn: null });
  return { round, cadets, girls, fearless, ann, raj, bea };
}

const sheet = (round: FundingRound, ...values: (number | undefined)[]) =>
  round.criteria.flatMap((c, i) => (values[i] === undefined ? [] : [{ criterionId: c.id, score: values[i]!, comment: `${c.name}: ${values[i]}` }]));

async function scoreAll(ws: TestWorkspace, s: Awaited<ReturnType<typeof setUp>>) {
  const score = (bid: Bid, personId: number, ...values: (number | undefined)[]) => ws.call('bid.score', { bidId: bid.id, personId, scores: sheet(s.round, ...values) });
  await score(s.cadets, s.ann.id, 4, 3, 5);
  await score(s.girls, s.ann.id, 5, 5, 4);
  await score(s.fearless, s.ann.id, 3, 4, 3);
  await score(s.cadets, s.raj.id, 2, 3); // value for money left unscored
  await score(s.girls, s.raj.id, 5, 4, 4);
}

describe('scoring a round', () => {
  it('keeps a scorer off a bid their register of interests names, or their employer’s, or one they declared; refuses a score outside the scale; nothing half-written', async () => {
    const ws = await tempWorkspace();
    const s = await setUp(ws);

    expect(await ws.call('bid.conflicts', { bidId: s.fearless.id })).toEqual([
      { personId: s.raj.id, personName: 'Raj Patel', source: 'register', reason: "Raj Patel's register of interests names Kent CrimeStoppers: Trustee of Kent CrimeStoppers" },
    ]);
    const kept = await ws.fails('bid.score', { bidId: s.fearless.id, personId: s.raj.id, scores: sheet(s.round, 5, 5, 5) });
    expect(kept).toMatchObject({ code: 'score.conflict', field: 'personId' });
    expect(kept.message).toBe("Raj Patel's register of interests names Kent CrimeStoppers: Trustee of Kent CrimeStoppers, so they may not score it.");
    expect(await ws.fails('bid.score', { bidId: s.cadets.id, personId: s.bea.id, scores: sheet(s.round, 5) })).toMatchObject({
      code: 'score.conflict',
      message: 'Bea Constable works for Kent Police, which made the bid, so they may not score it.',
    });

    // A conflict declared on the bid, for an interest not on the register.
    const declared = await ws.call('bid.declareConflict', { bidId: s.girls.id, personId: s.bea.id, description: 'Her sister manages the project', declaredOn: '2019-06-10' });
    expect(declared.map((c) => [c.personName, c.source])).toEqual([['Bea Constable', 'declared']]);
    expect(await ws.fails('bid.score', { bidId: s.girls.id, personId: s.bea.id, scores: sheet(s.round, 1, 1, 1) })).toMatchObject({ code: 'score.conflict' });

    // A score above the top of the scale, a criterion of another round, a score twice: named, and none of the sheet is kept.
    const outside = await ws.fails('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: sheet(s.round, 5, 6, 4) });
    expect(outside).toMatchObject({ code: 'score.outsideScale', field: 'scores.1.score' });
    expect(outside.message).toBe("Outcomes and how they are evidenced: a score of 6 is outside the Violence Reduction Fund 2019's scale of 0 to 5.");
    expect(await ws.fails('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: [{ criterionId: 9999, score: 3 }] })).toMatchObject({ code: 'score.criterion', field: 'scores.0.criterionId' });
    expect(await ws.fails('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: [{ criterionId: s.round.criteria[0]!.id, score: -1 }] })).toMatchObject({ code: 'validation', field: 'scores.0.score' });
    expect(await count(ws, 'bid_score')).toBe(0);

    // Scored, then a conflict declared afterwards is refused: their scores would still count.
    const mine = await ws.call('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: sheet(s.round, 5, 5, 4) });
    expect(mine.map((x) => [x.criterionName, x.score, x.comment])).toEqual([
      ['Need and evidence', 5, 'Need and evidence: 5'],
      ['Outcomes and how they are evidenced', 5, 'Outcomes and how they are evidenced: 5'],
      ['Value for money', 4, 'Value for money: 4'],
    ]);
    expect(await ws.fails('bid.declareConflict', { bidId: s.girls.id, personId: s.ann.id, description: 'Former volunteer' })).toMatchObject({ code: 'bid.conflictAfterScoring', field: 'personId' });
    // Scoring again replaces that scorer's scores, one version on.
    const again = await ws.call('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: [{ criterionId: s.round.criteria[2]!.id, score: 3, comment: 'Costly per head' }] });
    expect(again.find((x) => x.criterionName === 'Value for money')).toMatchObject({ score: 3, comment: 'Costly per head', version: 2 });
    // A screen sends the versions of the scores it read: a sheet read before that change is refused.
    const stale = await ws.fails('bid.score', { bidId: s.girls.id, personId: s.ann.id, scores: sheet(s.round, 1, 1, 1), versions: mine.map((x) => ({ id: x.id, version: x.version })) });
    expect(stale).toMatchObject({ code: 'stale' });
    expect(await count(ws, 'bid_score')).toBe(3);
  });

  it('ranks the scored bids by weighted total and shows the money left at each cut-off line', async () => {
    const ws = await tempWorkspace();
    const s = await setUp(ws);
    await scoreAll(ws, s);

    // Weights 30/40/30 on 0–5, so at most 500. By hand:
    //   Girls at risk: means 5, 4.5, 4 → 150 + 180 + 120 = 450
    //   Mini Cadets:   means (4+2)/2 = 3, (3+3)/2 = 3, 5 (Ann alone) → 90 + 120 + 150 = 360
    //   Fearless:      Ann alone 3, 4, 3 → 90 + 160 + 90 = 340
    // Recommended up to the £35,000 cap a year: £70,000, £35,000 (of £36,814 asked), £20,000.
    // The fund: the stream's allocations for the round's years (£333,334 in 2019/20 only).
    const ranking = await ws.call('round.ranking', { roundId: s.round.id });
    expect(ranking.fundPence).toBe(33_333_400);
    expect(ranking.bids.map((b) => [b.rank, b.project, b.weightedTotal, b.maxTotal, b.complete, b.scorers, b.askedPence, b.recommendedPence, b.cumulativePence, b.leftPence])).toEqual([
      [1, 'Girls at risk', 450, 500, true, ['Ann Lee', 'Raj Patel'], 7_000_000, 7_000_000, 7_000_000, 26_333_400],
      [2, 'Mini Cadets', 360, 500, false, ['Ann Lee', 'Raj Patel'], 3_681_400, 3_500_000, 10_500_000, 22_833_400],
      [3, 'Fearless', 340, 500, true, ['Ann Lee'], 2_000_000, 2_000_000, 12_500_000, 20_833_400],
    ]);
    // By year: the 2020/21 continuation has no allocation yet, so the first line is already over there.
    expect(ranking.bids[0]!.leftByYear).toEqual([
      { financialYear: '2019/20', amountPence: 29_833_400 },
      { financialYear: '2020/21', amountPence: -3_500_000 },
      { financialYear: '2021/22', amountPence: 0 },
    ]);
    expect(ranking.unscored).toEqual([]);

    // The panel moderates Mini Cadets' value for money to 1 (£36,814 asked over a £35,000 cap):
    // 90 + 120 + 1 × 30 = 240, below Fearless. Who moderated it and why are kept.
    const vfm = s.round.criteria[2]!;
    expect(await ws.fails('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.ann.id, score: 6, reason: 'x' })).toMatchObject({ code: 'score.outsideScale', field: 'score' });
    expect(await ws.fails('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.ann.id, score: 1, reason: '' })).toMatchObject({ code: 'moderation.reason', field: 'reason' });
    expect(await ws.fails('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.bea.id, score: 1, reason: 'Over the cap' })).toMatchObject({ code: 'score.conflict' });
    const moderated = await ws.call('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.ann.id, score: 1, reason: 'Asks for more than the cap' });
    expect(moderated.map((m) => [m.criterionName, m.score, m.personName, m.reason])).toEqual([['Value for money', 1, 'Ann Lee', 'Asks for more than the cap']]);
    const after = await ws.call('round.ranking', { roundId: s.round.id });
    expect(after.bids.map((b) => [b.rank, b.project, b.weightedTotal, b.moderated])).toEqual([
      [1, 'Girls at risk', 450, []],
      [2, 'Fearless', 340, []],
      [3, 'Mini Cadets', 240, ['Value for money']],
    ]);
    expect(after.bids.map((b) => b.leftPence)).toEqual([26_333_400, 24_333_400, 20_833_400]);
    // Moderated with what was read: one read before Ann's moderation (none, version null), or
    // at a version since changed, is refused naming her, theirs beside yours; nothing changes.
    const stale = await ws.fails('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.raj.id, score: 2, reason: 'Close to the cap', version: null });
    expect(stale).toMatchObject({ code: 'stale', field: 'version', stale: { by: 'Ann Lee', changes: [{ field: 'score', theirs: 1, yours: 2 }] } });
    const read = moderated[0]!;
    expect(await ws.fails('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.raj.id, score: 2, reason: 'Close to the cap', version: read.version + 1 })).toMatchObject({ code: 'stale' });
    expect((await ws.call('bid.moderations', { bidId: s.cadets.id })).map((m) => [m.score, m.personName])).toEqual([[1, 'Ann Lee']]);
    // Taken off again (null) at the version read, the mean counts once more.
    expect(await ws.call('bid.moderate', { bidId: s.cadets.id, criterionId: vfm.id, personId: s.ann.id, score: null, reason: '', version: read.version })).toEqual([]);
    expect((await ws.call('round.ranking', { roundId: s.round.id })).bids.map((b) => b.weightedTotal)).toEqual([450, 360, 340]);

    // Once scored against, the criteria stay: replacing them would take the scores with them.
    const round = await ws.call('round.get', { id: s.round.id });
    const refused = await ws.fails('round.update', { id: round.id, version: round.version, criteria: [{ name: 'Need', weight: 100 }] });
    expect(refused).toMatchObject({ code: 'round.criteriaScored', field: 'criteria' });
    expect(refused.message).toBe("The Violence Reduction Fund 2019's criteria cannot be changed: the panel has already recorded 14 scores against them.");
    expect(await ws.call('round.update', { id: round.id, version: round.version, name: 'Violence Reduction Fund 2019', criteria: round.criteria.map(({ name, weight, description }) => ({ name, weight, description })) })).toMatchObject({ version: 2 });

    // Against a pot of £100,000 the line falls after the first bid.
    const pot = await ws.call('round.ranking', { roundId: s.round.id, fund: '£100,000' });
    expect(pot.bids.map((b) => b.leftPence)).toEqual([3_000_000, -500_000, -2_500_000]);

    // A bid nobody has scored is listed apart, not ranked at the bottom as if it scored 0.
    const late = await ws.call('bid.create', { roundId: s.round.id, organisationId: s.cadets.organisationId, project: 'Cadet camp', theme: SVS_THEMES[2]!, receivedOn: '2019-05-30', years: [{ financialYear: '2019/20', amount: '£1,000' }] });
    const withLate = await ws.call('round.ranking', { roundId: s.round.id });
    expect(withLate.bids).toHaveLength(3);
    expect(withLate.unscored).toEqual([{ bidId: late.bid.id, organisationName: 'Kent Police', project: 'Cadet camp' }]);
  });
});
