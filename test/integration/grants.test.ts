import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { BIDS_CSV, SVS_THEMES, vrfRound } from './grants-fixture';

/**
 * Funding rounds and bids (issue 10, point 1): the round's rules, bids entered on the form
 * (a new organisation added on the way) and from an online form's CSV export, each checked
 * against the rules: refused or warned, naming the rule and the field, nothing half-written.
 */

const count = async (ws: TestWorkspace, table: string) => Number((await ws.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('a funding round', () => {
  it('keeps its dates, years, cap (the stream’s unless its own), kinds, themes, tiers and weighted criteria; an edit sends its version', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    expect(round).toMatchObject({
      name: 'Violence Reduction Fund 2019',
      years: ['2019/20', '2020/21', '2021/22'],
      awardCapPence: null,
      capPence: 3_500_000,
      maxScore: 5,
      eligibleKinds: ['charity', 'council', 'education', 'health', 'police'],
      themes: SVS_THEMES,
      bidCount: 0,
    });
    expect(round.criteria.map((c) => [c.position, c.name, c.weight])).toEqual([
      [1, 'Need and evidence', 30],
      [2, 'Outcomes and how they are evidenced', 40],
      [3, 'Value for money', 30],
    ]);
    const changed = await ws.call('round.update', { id: round.id, version: round.version, awardCap: '£30,000', themes: SVS_THEMES.slice(0, 2) });
    expect(changed).toMatchObject({ version: 2, awardCapPence: 3_000_000, capPence: 3_000_000, themes: SVS_THEMES.slice(0, 2) });
    // A second edit on what the first screen read is refused as stale.
    const stale = await ws.fails('round.update', { id: round.id, version: round.version, name: 'Renamed' });
    expect(stale.code).toBe('stale');
    expect((await ws.call('round.list', { streamId: round.streamId })).map((r) => r.name)).toEqual(['Violence Reduction Fund 2019']);
  });

  it('refuses a round whose years leave the stream’s, or that closes before it opens, naming the field', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    const base = { streamId: round.streamId, name: 'Late round', opensOn: '2020-04-01', closesOn: '2020-05-01', firstYear: '2020/21', lastYear: '2022/23' };
    expect(await ws.fails('round.create', base)).toMatchObject({ code: 'round.outsideStream', field: 'lastYear' });
    expect(await ws.fails('round.create', { ...base, lastYear: '2021/22', closesOn: '2020-03-01' })).toMatchObject({ code: 'round.dates', field: 'closesOn' });
    expect(await ws.fails('round.create', { ...base, lastYear: '2021/22', criteria: [{ name: 'Need', weight: 0 }] })).toMatchObject({ code: 'validation', field: 'criteria.0.weight' });
    expect(await count(ws, 'funding_round')).toBe(1);
  });
});

describe('bids entered on the form', () => {
  it('adds a new organisation on the way, keeps amounts per year in pence, and warns of a bid over the cap naming it', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    const orgsBefore = await count(ws, 'organisation');
    const first = await ws.call('bid.create', {
      roundId: round.id,
      organisation: { name: 'Rising Sun & Choices', kind: 'charity' },
      project: 'Girls at risk of exploitation',
      theme: 'early intervention and prevention',
      tier: 'secondary',
      outcomes: '60 girls supported',
      matchFunding: '£5,000',
      documents: ['plan.pdf', 'accounts.pdf'],
      receivedOn: '2019-05-20',
      years: [
        { financialYear: '2019/20', amount: '£35,000' },
        { financialYear: '2020/21', amount: '35000' },
      ],
    });
    expect(first.warnings).toEqual([]);
    expect(first.organisationCreated).toMatchObject({ name: 'Rising Sun & Choices' });
    expect(first.bid).toMatchObject({
      organisationKind: 'charity',
      theme: 'Early intervention and prevention', // the round's own words
      matchFundingPence: 500_000,
      documents: ['plan.pdf', 'accounts.pdf'],
      totalPence: 7_000_000,
      years: [
        { financialYear: '2019/20', amountPence: 3_500_000 },
        { financialYear: '2020/21', amountPence: 3_500_000 },
      ],
    });
    expect(await count(ws, 'organisation')).toBe(orgsBefore + 1);

    const police = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const over = await ws.call('bid.create', { roundId: round.id, organisationId: police.id, project: 'Mini Cadets', theme: SVS_THEMES[2]!, receivedOn: '2019-05-15', years: [{ financialYear: '2019/20', amount: '£36,814' }] });
    expect(over.warnings).toEqual([
      {
        code: 'bid.overCap',
        field: 'years.0.amount',
        message: "The bid from Kent Police asks for £36,814 in 2019/20, above the Violence Reduction Fund 2019's £35,000 cap per award per year: the panel may recommend at most £35,000 a year.",
      },
    ]);
    // Kept on the bid, so the panel sees it when the list is read again.
    const listed = await ws.call('bid.list', { roundId: round.id });
    expect(listed.map((b) => [b.organisationName, b.warnings.map((w) => w.code)])).toEqual([
      ['Kent Police', ['bid.overCap']],
      ['Rising Sun & Choices', []],
    ]);
    expect((await ws.call('round.get', { id: round.id })).askedPence).toEqual([
      { financialYear: '2019/20', amountPence: 7_181_400 },
      { financialYear: '2020/21', amountPence: 3_500_000 },
    ]);
  });

  it('refuses a year outside the round, an ineligible kind, a theme it does not fund; warns of a late bid; nothing half-written', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    const orgs = await count(ws, 'organisation');
    const bid = { roundId: round.id, organisation: { name: 'New Trust', kind: 'charity' as const }, project: 'Outreach', theme: SVS_THEMES[0]!, receivedOn: '2019-05-01', years: [{ financialYear: '2019/20', amount: '£10,000' }] };

    const outside = await ws.fails('bid.create', { ...bid, years: [{ financialYear: '2022/23', amount: '£10,000' }] });
    expect(outside).toMatchObject({ code: 'bid.outsideYears', field: 'years.0.financialYear' });
    expect(outside.message).toContain("2022/23 is outside the Violence Reduction Fund 2019's years (2019/20 to 2021/22)");
    // The new organisation the refused bid named is not left behind.
    expect(await count(ws, 'organisation')).toBe(orgs);

    const fire = await ws.fails('bid.create', { ...bid, organisation: { name: 'Kent Fire and Rescue Service', kind: 'fire' } });
    expect(fire).toMatchObject({ code: 'bid.ineligibleKind', field: 'organisationId' });
    expect(fire.message).toBe('Kent Fire and Rescue Service is listed as fire and rescue, and the Violence Reduction Fund 2019 invites bids only from: charity or community group, council, education, health or police.');

    expect(await ws.fails('bid.create', { ...bid, theme: 'Road safety' })).toMatchObject({ code: 'bid.theme', field: 'theme' });
    expect(await ws.fails('bid.create', { ...bid, years: [{ financialYear: '2019/20', amount: 'ten grand' }] })).toMatchObject({ code: 'validation', field: 'years.0.amount' });
    expect(await ws.fails('bid.create', { ...bid, organisationId: 1 })).toMatchObject({ code: 'validation', field: 'organisationId' });
    expect(await count(ws, 'bid')).toBe(0);
    expect(await count(ws, 'organisation')).toBe(orgs);

    const late = await ws.call('bid.create', { ...bid, receivedOn: '2019-06-03' });
    expect(late.warnings.map((w) => [w.code, w.field])).toEqual([['bid.late', 'receivedOn']]);
    expect(late.warnings[0]!.message).toBe(
      'The bid from New Trust was received on 3 June 2019, after the Violence Reduction Fund 2019 closed on 31 May 2019: the panel decides whether to accept it late.',
    );
    expect(await ws.fails('bid.create', { ...bid, organisation: { name: 'new trust', kind: 'charity' } })).toMatchObject({ code: 'bid.duplicate', field: 'project' });

    // An edit re-checks the rules and sends the version it read.
    const edited = await ws.call('bid.update', { id: late.bid.id, version: late.bid.version, receivedOn: '2019-05-30', years: [{ financialYear: '2019/20', amount: '£40,000' }] });
    expect(edited.warnings.map((w) => w.code)).toEqual(['bid.overCap']);
    expect(edited.bid).toMatchObject({ version: 2, totalPence: 4_000_000 });
    expect(await ws.fails('bid.update', { id: late.bid.id, version: 1, project: 'Other' })).toMatchObject({ code: 'stale' });
    expect(await ws.fails('bid.update', { id: late.bid.id, years: [{ financialYear: '2023/24', amount: '£1' }] })).toMatchObject({ code: 'bid.outsideYears' });
    expect((await ws.call('bid.get', { id: late.bid.id })).totalPence).toBe(4_000_000);
  });
});

describe('bids imported from an online form’s CSV export', () => {
  it('guesses the columns, previews each row (one over the cap warned, one late, new organisations), and enters them in one go', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
    const orgs = await count(ws, 'organisation');
    const read = await ws.call('bid.importRead', { roundId: round.id, fileName: 'vrf-bids.csv', contentBase64: base64(BIDS_CSV) });
    expect(read.table.rows).toHaveLength(5);
    expect(read.mapping).toEqual({
      organisation: 'Organisation name',
      organisationKind: 'Organisation type',
      project: 'Project title',
      description: 'Project summary',
      theme: 'Theme',
      tier: 'Tier',
      outcomes: 'Outcomes',
      matchFunding: 'Match funding',
      documents: 'Documents',
      receivedOn: 'Timestamp',
      amounts: [
        { financialYear: '2019/20', column: '2019/20 amount' },
        { financialYear: '2020/21', column: '2020/21 amount' },
        { financialYear: '2021/22', column: '2021/22 amount' },
      ],
    });
    const preview = await ws.call('bid.importPreview', { roundId: round.id, mapping: read.mapping, table: read.table });
    expect(preview.counts).toEqual({ new: 5, duplicate: 0, rejected: 0 });
    expect(preview.newOrganisations).toBe(4);
    expect(preview.rows.map((r) => [r.sourceRow, r.organisationName, r.newOrganisation, r.totalPence, r.warnings.map((w) => w.code)])).toEqual([
      [2, 'Kent Police', false, 11_044_200, ['bid.overCap']],
      [3, 'Rising Sun & Choices', true, 10_500_000, []],
      [4, 'Kent CrimeStoppers', true, 10_500_000, []],
      [5, 'Uprising Youth and Community', true, 3_200_000, []],
      [6, 'Reform Restore Respect', true, 500_000, ['bid.late']],
    ]);
    // A preview writes nothing.
    expect(await count(ws, 'bid')).toBe(0);

    const done = await ws.call('bid.importCommit', { roundId: round.id, mapping: read.mapping, table: read.table });
    expect(done.rows.every((r) => r.bidId !== null)).toBe(true);
    expect(await count(ws, 'organisation')).toBe(orgs + 4);
    const list = await ws.call('bid.list', { roundId: round.id });
    expect(list.map((b) => [b.organisationName, b.organisationKind, b.receivedOn, b.totalPence])).toEqual([
      ['Kent Police', 'police', '2019-05-15', 11_044_200],
      ['Rising Sun & Choices', 'charity', '2019-05-20', 10_500_000],
      ['Kent CrimeStoppers', 'charity', '2019-05-21', 10_500_000],
      ['Uprising Youth and Community', 'charity', '2019-05-30', 3_200_000],
      ['Reform Restore Respect', 'charity', '2019-06-03', 500_000],
    ]);
    expect(list[1]).toMatchObject({ matchFundingPence: 500_000, documents: ['rising-sun-plan.pdf', 'rising-sun-accounts.pdf'], tier: 'secondary' });

    // The same file again: every row is a duplicate, nothing is entered twice.
    const again = await ws.call('bid.importCommit', { roundId: round.id, mapping: read.mapping, table: read.table });
    expect(again.counts).toEqual({ new: 0, duplicate: 5, rejected: 0 });
    expect(await count(ws, 'bid')).toBe(5);
  });

  it('rejects a row with a missing organisation, an ineligible or unknown kind, an amount that is not money or no theme, naming the column or rule; a mapping naming no column is refused', async () => {
    const ws = await tempWorkspace();
    const round = await vrfRound(ws);
    const csv = [
      'Organisation,Kind,Project,Year 1,Year 2,Received',
      ',Charity,No name,"£1,000",,2019-05-01',
      'Kent Fire and Rescue Service,Fire,Fire cadets,"£2,000",,2019-05-01',
      'Mystery Group,Club,Football,"£3,000",,2019-05-01',
      'Medway Youth Trust,Charity,Mentoring,lots,,2019-05-01',
      'Medway Youth Trust,Charity,Mentoring,"£4,000",,2019-05-01',
    ].join('\n');
    const read = await ws.call('bid.importRead', { roundId: round.id, fileName: 'bids.csv', contentBase64: base64(csv) });
    expect(read.mapping.amounts).toEqual([
      { financialYear: '2019/20', column: 'Year 1' },
      { financialYear: '2020/21', column: 'Year 2' },
    ]);
    // The round funds themes: this file has none, so the mapping is the round's rule away from working.
    const preview = await ws.call('bid.importPreview', { roundId: round.id, mapping: read.mapping, table: read.table });
    expect(preview.rows.map((r) => [r.sourceRow, r.outcome, r.reason])).toEqual([
      [2, 'rejected', 'Organisation is empty: every bid needs the organisation making it'],
      [3, 'rejected', 'Kent Fire and Rescue Service is listed as fire and rescue, and the Violence Reduction Fund 2019 invites bids only from: charity or community group, council, education, health or police. Theme: choose one of the Violence Reduction Fund 2019\'s themes (Tackling county lines and misuse of drugs, Supporting communities and local partnerships, Early intervention and prevention or Law enforcement and the criminal justice response).'],
      [4, 'rejected', 'Kind "Club" is not a kind of organisation (e.g. charity, council, police, health, education)'],
      [5, 'rejected', 'Year 1 "lots" is not an amount of money; write it like £35,000 or 1160000.00'],
      [6, 'rejected', expect.stringContaining('Theme: choose one of')],
    ]);
    const bad = await ws.fails('bid.importPreview', { roundId: round.id, mapping: { ...read.mapping, project: 'Title' }, table: read.table });
    expect(bad).toMatchObject({ code: 'import.mapping', field: 'mapping.project' });
    expect(bad.message).toContain('Project column: "Title" is not a column of the file');
    const committed = await ws.call('bid.importCommit', { roundId: round.id, mapping: read.mapping, table: read.table });
    expect(committed.counts).toEqual({ new: 0, duplicate: 0, rejected: 5 });
    expect(await count(ws, 'bid')).toBe(0);
  });
});

describe('migration 013 (funding rounds and bids), from a version-12 workspace', () => {
  it('adds the empty round, bid and score tables beside the funding already there, with their rules in the database', () => {
    const raw = new Database(join(tempDir(), 'v12.db'));
    migrate(raw, migrations.filter((m) => m.version <= 12));
    const at = '2020-01-01T00:00:00';
    raw.exec(`
      INSERT INTO organisation (id, name, kind, created_at, updated_at) VALUES (1, 'Kent Police', 'police', '${at}', '${at}');
      INSERT INTO funding_stream (id, reference, name, funder, first_year, last_year, award_cap_pence, created_at, updated_at)
        VALUES (1, 'VRF', 'Violence Reduction Fund', 'PCC', '2019/20', '2021/22', 3500000, '${at}', '${at}');`);
    expect(migrate(raw)).toMatchObject({ from: 12, to: 13 });
    for (const t of ['funding_round', 'round_eligible_kind', 'round_theme', 'round_tier', 'round_criterion', 'bid', 'bid_year', 'bid_conflict', 'bid_score', 'bid_moderation']) {
      expect(raw.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    expect(raw.prepare(`SELECT reference, award_cap_pence FROM funding_stream`).all()).toEqual([{ reference: 'VRF', award_cap_pence: 3_500_000 }]);
    const round = (closes: string) =>
      raw.prepare(`INSERT INTO funding_round (stream_id, name, opens_on, closes_on, first_year, last_year, created_at, updated_at) VALUES (1, 'R', '2019-04-01', ?, '2019/20', '2019/20', '${at}', '${at}')`).run(closes);
    expect(() => round('2019-03-01')).toThrow(/CHECK/); // closes before it opens
    round('2019-05-31');
    expect(() => raw.prepare(`INSERT INTO round_eligible_kind (round_id, kind) VALUES (1, 'club')`).run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`INSERT INTO bid (round_id, organisation_id, project, received_on, match_funding_pence, created_at, updated_at) VALUES (1, 1, 'P', '2019-05-01', -1, '${at}', '${at}')`).run()).toThrow(/CHECK/);
    raw.close();
  });
});
