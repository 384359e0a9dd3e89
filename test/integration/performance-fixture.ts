import type { TestWorkspace } from '../helpers/workspace';
import { periodsOfYears } from '../../main/performance/periods';

/**
 * A small framework built through the API, as a user would: a Home Office theme with a
 * monthly count judged on its rolling year (baseline 2018/19 = 420, target 10% lower by
 * 31 March 2021), and a local quarterly percentage, higher is better, target 60%.
 */
export async function smallFramework(ws: TestWorkspace) {
  const police = await ws.call('organisation.create', { name: 'Kent Police', kind: 'police' });
  const nhs = await ws.call('organisation.create', { name: 'NHS Kent and Medway', kind: 'health' });
  const ho = await ws.call('frameworkTheme.create', { name: 'Home Office success measures', kind: 'home_office', ragAmberTolerancePercent: 5 });
  const local = await ws.call('frameworkTheme.create', { name: 'Local priorities', kind: 'local', ragAmberTolerancePercent: 10 });
  const admissions = await ws.call('indicator.create', {
    themeId: ho.id,
    code: 'HO-1',
    name: 'Hospital (A&E) admissions for knife-related assault, victim under 25',
    definition: 'Admissions for assault by sharp object (ICD-10 X99), victim under 25.',
    unit: 'count',
    polarity: 'lower_is_better',
    frequency: 'monthly',
    dataSource: 'NHS Hospital Episode Statistics',
    ownerOrganisationId: nhs.id,
    baselinePeriod: '2018/19',
    baselineValue: 420,
    targetKind: 'percent_change',
    targetValue: -10,
    targetBy: '2021-03-31',
  });
  const referrals = await ws.call('indicator.create', {
    themeId: local.id,
    code: 'LOC-2',
    name: 'Young people referred who engage with a youth worker',
    unit: 'percentage',
    polarity: 'higher_is_better',
    frequency: 'quarterly',
    ownerOrganisationId: police.id,
    baselinePeriod: '2018/19 Q4',
    baselineValue: 50,
    targetKind: 'absolute',
    targetValue: 60,
    targetBy: '2021-03-31',
  });
  return { police, nhs, ho, local, admissions, referrals };
}

/** 24 months: 35 a month in 2018/19 (420), 33 a month in 2019/20 (396). */
export async function admissionsValues(ws: TestWorkspace, indicatorId: number, supplierId: number | null = null) {
  const rows = [
    ...periodsOfYears('monthly', '2018/19', '2018/19').map((period) => ({ period, value: 35, status: 'final' as const })),
    ...periodsOfYears('monthly', '2019/20', '2019/20').map((period) => ({ period, value: '33', status: 'provisional' as const })),
  ];
  return ws.call('indicatorValue.recordMany', { indicatorId, rows, suppliedByOrganisationId: supplierId, receivedOn: '2020-03-01' });
}
