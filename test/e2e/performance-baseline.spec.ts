import type { Page } from '@playwright/test';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { expect, FIXED_NOW, test, type TestWorkspace } from './fixtures';

async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

test('an indicator with a baseline but no values does not say "No baseline set"', async ({ page, workspace, browserErrors }) => {
  void browserErrors;
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(workspace.bridge.url + '#/dashboard');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const theme = await apiCall(page, workspace, 'frameworkTheme.create', { name: 'Local priorities', kind: 'local' });
  await apiCall(page, workspace, 'indicator.create', {
    themeId: theme.id, code: 'LOC-7', name: 'Knife crime with injury', unit: 'count', polarity: 'lower_is_better', frequency: 'monthly',
    baselinePeriod: '2018/19', baselineValue: 420, targetKind: 'percent_change', targetValue: -10, targetBy: '2021-03-31',
  });
  await apiCall(page, workspace, 'indicator.create', { themeId: theme.id, code: 'LOC-8', name: 'No baseline here', unit: 'count', polarity: 'lower_is_better', frequency: 'monthly' });

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Performance' }).click();
  await page.getByText(/^LOC-7/).first().click();
  const status = page.getByRole('group', { name: 'Status' });
  await expect(status).toContainText('No value to compare with the baseline yet');
  await expect(status).not.toContainText('No baseline set');

  await page.getByRole('button', { name: 'Back to the scorecard' }).click();
  await page.getByText(/^LOC-8/).first().click();
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('No baseline set');
});
