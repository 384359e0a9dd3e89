import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { download, expect, screenshot, test, type TestWorkspace } from './fixtures';

async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

test('the decisions log filters, records and agrees a decision, and search marks the matches in decisions, papers and minutes', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 decisions' })).toBeVisible();

  // Filters: the Commissioner's own decisions; then the Strategic Board's proposed ones.
  await page.getByLabel('Decided by').selectOption({ label: 'The Commissioner alone' });
  await expect(page.getByRole('status').filter({ hasText: '1 decision' })).toBeVisible();
  await expect(page.getByRole('row', { name: /PCC-D-2019-001/ })).toBeVisible();
  await page.getByLabel('Decided by').selectOption({ label: 'Anyone' });
  await page.getByLabel('Board').selectOption({ label: 'Kent & Medway VRU Strategic Board' });
  await page.getByLabel('Status').selectOption({ label: 'Proposed' });
  await expect(page.getByRole('status').filter({ hasText: '1 decision' })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'All' });

  // Record a decision; a reference already used is refused by the Reference field.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record a decision' });
  await dialog.getByLabel('Title').fill('Communications and media strategy approved');
  await dialog.getByLabel('Board').selectOption({ label: 'Kent & Medway VRU Strategic Board' });
  await dialog.getByLabel('Reference').fill('SB-D-2020-001');
  await dialog.getByLabel('Amount').fill('£12,500');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog.getByText('The reference SB-D-2020-001 is already used')).toBeVisible();
  await dialog.getByLabel('Reference').fill('');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Recorded SB-D-2020-003.')).toBeVisible();
  const row = page.getByRole('row', { name: /SB-D-2020-003/ });
  await expect(row).toContainText('£12,500');
  await expect(row).toContainText('Proposed');

  // Agree it from its page.
  await row.getByRole('button', { name: 'SB-D-2020-003' }).click();
  dialog = page.getByRole('dialog', { name: /SB-D-2020-003/ });
  await dialog.getByRole('button', { name: 'Agreed' }).click();
  await expect(dialog.getByText('An agreed decision has no owner to carry it out.')).toBeVisible();
  await screenshot(page, 'decisions-01-decision');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: /SB-D-2020-003/ })).toContainText('Agreed');
  await screenshot(page, 'decisions-02-log');

  // Export the log (the Strategic Board's three, as filtered) to Word: downloaded in the browser; the status says what was written.
  await page.getByRole('button', { name: 'Export (.docx)' }).click();
  dialog = page.getByRole('dialog', { name: 'Export the decisions log (.docx)' });
  await expect(dialog.locator('.export-file-name')).toHaveText('Decisions log.docx');
  const log = await download(page, dialog.getByRole('button', { name: 'Export', exact: true }), workspace.dir);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded Decisions log.docx (' })).toHaveText(/^Downloaded Decisions log\.docx \(\d+ KB\)\. 3 decisions\.$/);
  expect(log.name).toBe('Decisions log.docx');
  const logXml = await (await JSZip.loadAsync(readFileSync(log.path))).file('word/document.xml')!.async('string');
  for (const ref of ['SB-D-2020-001', 'SB-D-2020-002', 'SB-D-2020-003']) expect(logXml).toContain(ref);

  // Search: words found in a decision, a paper and the minutes, with the matches marked.
  await page.getByRole('link', { name: 'Search decisions, papers and minutes' }).click();
  await page.getByLabel('Search for').fill('problem profile');
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.locator('.search-hit');
  await expect(results.filter({ hasText: 'SB-D-2020-001 VRU Problem Profile' })).toBeVisible();
  await expect(results.filter({ hasText: 'Minutes:' }).first()).toBeVisible();
  await expect(results.filter({ hasText: 'SB/2020/03' }).first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/problem|profile/i);
  await screenshot(page, 'decisions-03-search');
});
