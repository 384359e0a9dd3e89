import { describe, expect, it } from 'vitest';
import { dateOfText, kindOfText, tierOfText } from '../../main/grants/bid-import';
import { checkBid, warningsOf, warningsText, type BidForRules, type RoundRules } from '../../main/grants/eligibility';

const ROUND: RoundRules = {
  name: 'Violence Reduction Fund 2019',
  opensOn: '2019-04-01',
  closesOn: '2019-05-31',
  years: ['2019/20', '2020/21', '2021/22'],
  capPence: 3_500_000,
  eligibleKinds: ['charity', 'police'],
  themes: ['Early intervention and prevention'],
  tiers: ['primary', 'secondary'],
};
const BID: BidForRules = { organisationName: 'Kent Police', organisationKind: 'police', theme: 'early intervention and prevention', tier: 'primary', receivedOn: '2019-05-15', years: [{ financialYear: '2019/20', amountPence: 3_500_000 }] };

describe('a bid against its round’s rules', () => {
  it('passes at exactly the cap, on the closing day, with the theme in any case', () => {
    expect(checkBid(ROUND, { ...BID, receivedOn: '2019-05-31' })).toEqual({ refusals: [], warnings: [] });
  });

  it('warns once of a bid over the cap, naming each year over and its amount', () => {
    const found = checkBid(ROUND, {
      ...BID,
      years: [
        { financialYear: '2019/20', amountPence: 3_500_000 },
        { financialYear: '2020/21', amountPence: 3_500_001 },
        { financialYear: '2021/22', amountPence: 4_000_000 },
      ],
    });
    expect(found.refusals).toEqual([]);
    expect(found.warnings).toEqual([
      {
        code: 'bid.overCap',
        field: 'years.1.amount',
        message: "The bid from Kent Police asks for £35,000.01 in 2020/21, £40,000 in 2021/22, above the Violence Reduction Fund 2019's £35,000 cap per award per year: the panel may recommend at most £35,000 a year.",
      },
    ]);
  });

  it('refuses a year outside the round, a year given twice, an ineligible kind, a theme and a tier it does not fund', () => {
    const found = checkBid(ROUND, {
      ...BID,
      organisationName: 'Kent Fire & Rescue Service',
      organisationKind: 'fire',
      theme: 'Road safety',
      tier: 'tertiary',
      years: [
        { financialYear: '2022/23', amountPence: 100 },
        { financialYear: '2019/20', amountPence: 100 },
        { financialYear: '2019/20', amountPence: 100 },
      ],
    });
    expect(found.refusals.map((r) => [r.code, r.field])).toEqual([
      ['bid.outsideYears', 'years.0.financialYear'],
      ['bid.duplicateYear', 'years.2.financialYear'],
      ['bid.ineligibleKind', 'organisationId'],
      ['bid.theme', 'theme'],
      ['bid.tier', 'tier'],
    ]);
    expect(found.refusals[4]!.message).toBe('The Violence Reduction Fund 2019 funds primary or secondary interventions, not tertiary.');
  });

  it('warns of a bid received the day after the round closed, or dated before it opened', () => {
    expect(checkBid(ROUND, { ...BID, receivedOn: '2019-06-01' }).warnings.map((w) => w.code)).toEqual(['bid.late']);
    expect(checkBid(ROUND, { ...BID, receivedOn: '2019-03-31' }).warnings.map((w) => w.code)).toEqual(['bid.early']);
  });

  it('with no kinds, themes, tiers or cap listed, takes any', () => {
    const open: RoundRules = { ...ROUND, capPence: null, eligibleKinds: [], themes: [], tiers: [] };
    expect(checkBid(open, { ...BID, organisationKind: 'other', theme: '', tier: 'tertiary', years: [{ financialYear: '2019/20', amountPence: 99_999_999 }] })).toEqual({ refusals: [], warnings: [] });
  });

  it('keeps warnings on the bid as text and reads them back', () => {
    const warnings = checkBid(ROUND, { ...BID, receivedOn: '2019-06-03', years: [{ financialYear: '2019/20', amountPence: 3_681_400 }] }).warnings;
    expect(warningsOf(warningsText(warnings))).toEqual(warnings);
    expect(warningsOf('')).toEqual([]);
  });
});

describe('an online form’s words', () => {
  it('reads kinds of organisation, tiers and dates as forms write them', () => {
    expect(['Voluntary / community group', 'Registered charity', 'Local authority', 'Kent Police', 'NHS trust', 'Academy school', 'youth_justice', 'Club'].map(kindOfText)).toEqual([
      'charity',
      'charity',
      'council',
      'police',
      'health',
      'education',
      'youth_justice',
      undefined,
    ]);
    expect(['', 'Primary', 'secondary prevention', 'quaternary'].map(tierOfText)).toEqual([null, 'primary', 'secondary', undefined]);
    expect(['15/05/2019 10:02', '2019-05-15', '2019-05-15T10:02:00Z', '31/02/2019', 'May 2019'].map(dateOfText)).toEqual(['2019-05-15', '2019-05-15', '2019-05-15', undefined, undefined]);
  });
});
