import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { download, expect, FIXED_NOW, screenshot, test, type TestWorkspace } from './fixtures';

/** Records set up through the same HTTP API the page uses, so they obey the same rules. */
async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}


/** The page's clock agrees with the workspace's fixed clock (16 March 2020), then the app opens. */
async function open(page: Page, workspace: TestWorkspace, hash = '#/performance') {
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(workspace.bridge.url + hash);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** What Excel puts on the clipboard when a column of cells is copied: one per line, CRLF. */
async function pasteInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('add a local indicator, paste 24 monthly values, see its RAG and chart', async ({ page, workspace, browserErrors }) => {
  void browserErrors;
  await open(page, workspace);
  await expect(page.getByRole('heading', { level: 1, name: 'Performance' })).toBeVisible();
  await expect(page.getByText('No indicators yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add theme' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a theme' });
  await dialog.getByLabel('Name', { exact: true }).fill('Local priorities');
  await dialog.getByLabel('Kind').selectOption({ label: 'Local priority' });
  await dialog.getByRole('button', { name: 'Add theme' }).click();
  await expect(dialog).toBeHidden();

  // A target with no baseline is refused, the message by the baseline value.
  await page.getByRole('button', { name: 'Add indicator' }).click();
  dialog = page.getByRole('dialog', { name: 'Add an indicator' });
  await dialog.getByLabel('Code').fill('LOC-9');
  await dialog.getByLabel('Name', { exact: true }).fill('Knife crime with injury, victim under 25');
  await dialog.getByLabel('Kind').selectOption({ label: 'A % change on the baseline' });
  await dialog.getByLabel('Change (%)').fill('-10');
  await dialog.getByLabel('By').fill('2021-03-31');
  await dialog.getByRole('button', { name: 'Add indicator' }).click();
  const baselineValue = dialog.getByLabel('Value', { exact: true });
  await expect(baselineValue).toHaveAttribute('aria-invalid', 'true');
  await expect(baselineValue).toHaveAccessibleDescription(/Baseline value is required when a target is set/);
  await expect(baselineValue).toBeFocused();
  await screenshot(page, 'performance-01-target-without-baseline');
  await dialog.getByLabel('Period', { exact: true }).fill('2018/19');
  await baselineValue.fill('420');
  await dialog.getByRole('button', { name: 'Add indicator' }).click();
  await expect(dialog).toBeHidden();

  // The indicator opens; its grid shows 2018/19 and 2019/20. Paste a column from Excel.
  await expect(page.getByRole('heading', { name: 'LOC-9 Knife crime with injury, victim under 25' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('Not rated no value has been recorded for a period ending by the as-at date');
  const column = [...Array(12).fill('35'), ...Array(12).fill('33')].join('\r\n') + '\r\n';
  await page.getByLabel('Value for April 2018').focus();
  await pasteInto(page, 'Value for April 2018', column);
  await expect(page.getByRole('status').filter({ hasText: 'Pasted 24 values, April 2018 to March 2020' })).toBeVisible();
  await expect(page.getByLabel('Value for March 2020')).toHaveValue('33');
  await expect(page.getByLabel('Value for March 2020')).toBeFocused();
  // Keyboard: up from March 2020 lands on February 2020.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Value for February 2020')).toBeFocused();
  await page.getByRole('button', { name: 'Save 24 values' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 24 new, 0 changed.' })).toBeVisible();

  // As at 31 March 2020 the rolling year is 396 against a target of 378: amber, with the rule.
  await page.getByLabel('As at').fill('2020-03-31');
  const status = page.getByRole('group', { name: 'Status' });
  await expect(status).toContainText('Amber');
  await expect(status).toContainText('396 is above the target of 378 but within the 5% tolerance, up to 396.9 (lower is better)');
  await expect(status).toContainText('Down 24 (5.7%) on the 12 months to March 2019 (420): improving');
  const chart = page.getByRole('img', { name: /^Line chart of Knife crime with injury/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-line path.recharts-curve')).toHaveCount(1);
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(2);
  await expect(chart).toContainText('Target 378');
  await screenshot(page, 'performance-02-indicator-detail');

  // The scorecard says the same, with its trend and sparkline.
  await page.getByRole('button', { name: 'Back to the scorecard' }).click();
  const row = page.locator('tr[data-code="LOC-9"]');
  await expect(row).toContainText('396 (Rolling 12-month total, April 2019 to March 2020)');
  await expect(row).toContainText('Amber');
  await expect(row.locator('svg.sparkline path')).toHaveCount(1);
  await screenshot(page, 'performance-03-scorecard');

  // A month earlier the rolling year was 398: red, so it is an exception.
  await page.getByLabel('As at').fill('2020-02-29');
  await page.getByRole('tab', { name: 'Exceptions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 indicator is red or worse than a year before' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Red: 398 is above the target of 378 by more than the 5% tolerance, beyond 396.9 (lower is better)' })).toBeVisible();
  await screenshot(page, 'performance-05-exceptions');

  // The report and the dataset as at that date, written beside the workspace.
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export as at 29 February 2020' })).toBeVisible();
  const fileName = page.locator('.export-file-name');
  const saved = page.getByRole('status').filter({ hasText: /^Downloaded / });
  await expect(page.getByRole('radio', { name: 'Performance report (Word, .docx)' })).toBeChecked();
  await expect(fileName).toHaveText('Performance report 2020-02-29.docx');
  const report = await download(page, page.getByRole('button', { name: 'Export report' }), workspace.dir);
  await expect(saved).toHaveText(/^Downloaded Performance report 2020-02-29\.docx \(\d+ KB\)\. 1 indicator, 1 chart\.$/);
  await page.getByRole('radio', { name: 'Performance dataset (Excel, .xlsx)' }).check();
  await expect(fileName).toHaveText('Performance dataset 2020-02-29.xlsx');
  const datasetFile = await download(page, page.getByRole('button', { name: 'Export dataset' }), workspace.dir);
  await expect(saved).toHaveText(/^Downloaded Performance dataset 2020-02-29\.xlsx \(\d+ KB\)\. 23 rows of values\.$/);
  await screenshot(page, 'performance-06-exported');
  expect([report.name, datasetFile.name]).toEqual(['Performance report 2020-02-29.docx', 'Performance dataset 2020-02-29.xlsx']);
  const dataset = new ExcelJS.Workbook();
  await dataset.xlsx.readFile(datasetFile.path);
  expect(dataset.worksheets.length).toBe(2);
  expect((await JSZip.loadAsync(readFileSync(report.path))).file('word/document.xml')).not.toBeNull();
});

test('import a spreadsheet with one bad row: the preview rejects just that row', async ({ page, workspace, browserErrors }) => {
  void browserErrors;
  await open(page, workspace, '#/dashboard');
  const theme = await apiCall(page, workspace, 'frameworkTheme.create', { name: 'Local priorities', kind: 'local' });
  await apiCall(page, workspace, 'indicator.create', {
    themeId: theme.id, code: 'LOC-9', name: 'Knife crime with injury, victim under 25', unit: 'count', polarity: 'lower_is_better', frequency: 'monthly',
  });
  await apiCall(page, workspace, 'indicatorValue.record', { indicatorId: 1, period: '2019-04', value: 30, wasValueId: null });

  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Knife crime');
  sheet.addRow(['Indicator code', 'Month', 'Value', 'Note']);
  sheet.addRow(['LOC-9', new Date(Date.UTC(2019, 3, 1)), 31, 'Revised after audit']);
  sheet.addRow(['LOC-9', new Date(Date.UTC(2019, 4, 1)), 29, '']);
  sheet.addRow(['LOC-9', new Date(Date.UTC(2019, 5, 1)), 'thirty', '']);
  sheet.addRow(['LOC-9', new Date(Date.UTC(2019, 6, 1)), 33, '']);
  const file = join(workspace.dir, 'knife-crime.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Performance' }).click();
  await page.getByRole('tab', { name: 'Import values' }).click();
  await page.getByLabel('Spreadsheet').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'knife-crime.xlsx: 2 new, 1 changed, 0 unchanged, 1 rejected' })).toBeVisible();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('1');
  const preview = page.getByRole('table', { name: /What importing knife-crime.xlsx would do/ });
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  await expect(preview.locator('tr.fate-rejected')).toHaveCount(1);
  await expect(preview.locator('tr[data-row="4"]')).toContainText('Rejected');
  await expect(preview.locator('tr[data-row="4"]')).toContainText('Value "thirty" is not a number');
  await expect(preview.locator('tr[data-row="2"]')).toContainText('Changed');
  await expect(preview.locator('tr[data-row="2"]')).toContainText('was 30 (provisional, received 16/03/2020)');
  await screenshot(page, 'performance-04-import-preview');

  await page.getByRole('button', { name: 'Import 3 values' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new, 1 changed; 0 unchanged and 1 rejected rows were left out.' })).toBeVisible();
  const values = await apiCall(page, workspace, 'indicatorValue.list', { indicatorId: 1 });
  expect(values.map((v) => [v.period, v.value, v.revisions.length])).toEqual([
    ['2019-04', 31, 1],
    ['2019-05', 29, 0],
    ['2019-07', 33, 0],
  ]);
});
