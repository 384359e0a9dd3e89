import type { FundingRound } from '../../main/grants/contract';
import type { TestWorkspace } from '../helpers/workspace';

/**
 * The Violence Reduction Fund as seed 000 ¶6 describes it: £1m over three years, bids from
 * statutory organisations, community and voluntary groups for at most £35k a year. Its round's
 * dates, themes and criteria are illustrative (the seed gives none).
 */
export const SVS_THEMES = [
  'Tackling county lines and misuse of drugs',
  'Supporting communities and local partnerships',
  'Early intervention and prevention',
  'Law enforcement and the criminal justice response',
];

export async function vrfRound(ws: TestWorkspace): Promise<FundingRound> {
  const stream = await ws.call('fundingStream.create', {
    reference: 'VRF-TEST',
    name: 'Violence Reduction Fund (test)',
    funder: 'Kent Police and Crime Commissioner',
    firstYear: '2019/20',
    lastYear: '2021/22',
    awardCap: '£35,000',
    allocations: [{ financialYear: '2019/20', amount: '£333,334' }],
  });
  return ws.call('round.create', {
    streamId: stream.id,
    name: 'Violence Reduction Fund 2019',
    opensOn: '2019-04-01',
    closesOn: '2019-05-31',
    firstYear: '2019/20',
    lastYear: '2021/22',
    eligibleKinds: ['police', 'council', 'charity', 'education', 'health'],
    themes: SVS_THEMES,
    tiers: ['primary', 'secondary', 'tertiary'],
    criteria: [
      { name: 'Need and evidence', weight: 30 },
      { name: 'Outcomes and how they are evidenced', weight: 40 },
      { name: 'Value for money', weight: 30 },
    ],
  });
}

/** Five bids as an online form exports them: one over the cap, one late, one from a new charity. */
export const BIDS_CSV = [
  'Timestamp,Organisation name,Organisation type,Project title,Project summary,Theme,Tier,Outcomes,2019/20 amount,2020/21 amount,2021/22 amount,Match funding,Documents',
  '15/05/2019 10:02,Kent Police,Police,Mini Cadets,Mini Cadets scheme in local schools,Early intervention and prevention,Primary,200 pupils reached,"£36,814","£36,814","£36,814",£0,cadets-budget.xlsx',
  '20/05/2019 14:30,Rising Sun & Choices,Voluntary / community group,Girls at risk,Support for girls aged 11-16,Early intervention and prevention,Secondary,60 girls supported,"£35,000","£35,000","£35,000","£5,000",rising-sun-plan.pdf; rising-sun-accounts.pdf',
  '21/05/2019 09:15,Kent CrimeStoppers,Charity,Fearless,Weapons and exploitation awareness for 11-16 year olds,Supporting communities and local partnerships,Primary,10 schools,"£35,000","£35,000","£35,000",,',
  '30/05/2019 16:45,Uprising Youth and Community,Community group,Knife crime awareness,East Kent campaign,Early intervention and prevention,Primary,3 campaigns,"£32,000",,,,',
  '03/06/2019 11:00,Reform Restore Respect,Charity,Year 6 workshops,90-minute workshops on gangs and knives,Early intervention and prevention,Primary,40 workshops,"£5,000",,,,',
].join('\n');
