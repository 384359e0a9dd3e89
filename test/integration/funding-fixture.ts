import type { TestWorkspace } from '../helpers/workspace';

/**
 * ILLUSTRATIVE monthly spend on the demo's VRU grant for 2019/20 (the seeds give none), entered
 * through the API as a person would through the grid. Actuals from October 2019 (the grant
 * was approved in August, the managers in post in November), forecasts for January to March
 * made at the end of Q3. Figures chosen to be worked by hand:
 *
 *   heading                    budget      Q3 actual    Q4 actual     year actual
 *   Commissioned services      520,000     100,000.00   415,250.50    515,250.50
 *   Community engagement        50,000      16,750.00    32,800.25     49,550.25
 *   Professional development    30,000           0.00    27,050.00     27,050.00
 *   Preventative measures (cap) 120,000     35,000.00    84,620.00    119,620.00
 *   Media                       60,000      10,000.00    49,225.60     59,225.60
 *   Staff                      380,000     127,000.00   250,000.00    377,000.00
 *   Total                    1,160,000     288,750.00   858,946.35  1,147,696.35  → variance 12,303.65
 */
export const VRU_MONTHS = ['2019-10', '2019-11', '2019-12', '2020-01', '2020-02', '2020-03'] as const;

/** Actuals October to March, as typed (text, £ and commas as finance writes them). */
export const VRU_ACTUALS: Record<string, string[]> = {
  'Commissioned services': ['0', '£40,000', '60,000', '120000', '140,000.00', '£155,250.50'],
  'Community engagement': ['', '4,500', '12,250', '8,000', '15,000', '9,800.25'],
  'Professional development': ['', '', '', '18,500', '2,400', '6,150'],
  'Preventative measures': ['', '', '35,000', '', '48,500', '36,120'],
  Media: ['', '', '10,000', '15,000', '17,500', '16,725.60'],
  Staff: ['20,000', '45,000', '62,000', '83,333.33', '83,333.33', '83,333.34'],
};

/** Forecasts for January to March made at the end of Q3. */
export const VRU_FORECASTS_Q4: Record<string, string[]> = {
  'Commissioned services': ['130,000', '140,000', '150,000'],
  'Community engagement': ['10,000', '10,000', '10,000'],
  'Professional development': ['10,000', '10,000', '10,000'],
  'Preventative measures': ['', '50,000', '35,000'],
  Media: ['15,000', '15,000', '15,000'],
  Staff: ['84,000', '84,000', '84,000'],
};

export const VRU_EXPECTED = {
  q3ActualPence: 28_875_000,
  q4ActualPence: 85_894_635,
  yearActualPence: 114_769_635,
  varianceAtYearEndPence: 1_230_365,
  capitalActualPence: 11_962_000,
  // At Q3: actual to date 288,750 + forecasts 3 × (130+10+10+15+84)k + 140k + 50k + 150k + 35k … worked below
  q3ForecastRemainingPence: (130_000 + 140_000 + 150_000 + 30_000 + 30_000 + 50_000 + 35_000 + 45_000 + 252_000) * 100,
};

export async function vruStream(ws: TestWorkspace) {
  const streams = await ws.call('fundingStream.list', {});
  return streams.find((s) => s.reference === 'VRU-2019')!;
}

export async function vruLines(ws: TestWorkspace) {
  const stream = await vruStream(ws);
  const lines = await ws.call('budgetLine.list', { streamId: stream.id, financialYear: '2019/20' });
  return { stream, lineOf: (heading: string) => lines.find((l) => l.heading === heading)! };
}

export async function enterVruSpend(ws: TestWorkspace, upTo: 'Q3' | 'Q4' = 'Q4') {
  const { stream, lineOf } = await vruLines(ws);
  const cells: { target: string; month: string; kind: 'actual' | 'forecast'; amount: string }[] = [];
  const lastIndex = upTo === 'Q3' ? 2 : 5;
  for (const [heading, values] of Object.entries(VRU_ACTUALS)) {
    values.forEach((amount, i) => {
      if (i <= lastIndex && amount !== '') cells.push({ target: `line:${lineOf(heading).id}`, month: VRU_MONTHS[i]!, kind: 'actual', amount });
    });
  }
  for (const [heading, values] of Object.entries(VRU_FORECASTS_Q4)) {
    values.forEach((amount, i) => {
      if (amount !== '') cells.push({ target: `line:${lineOf(heading).id}`, month: VRU_MONTHS[3 + i]!, kind: 'forecast', amount });
    });
  }
  await ws.call('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells });
  return stream;
}
