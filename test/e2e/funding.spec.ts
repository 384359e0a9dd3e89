import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { download, expect, screenshot, test, type TestWorkspace } from './fixtures';

async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}


/** What Excel puts on the clipboard for a block of cells: rows by line, cells by tab. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  const cell = page.getByLabel(label, { exact: true });
  await cell.focus();
  await cell.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

// ILLUSTRATIVE Q4 2019/20 actuals for the VRU grant's six budget lines, January to March,
// as finance would copy them from their spreadsheet (the seeds give no spend).
const Q4_BLOCK = [
  ['120,000', '140,000.00', '£155,250.50'], // Commissioned services
  ['8,000', '15,000', '9,800.25'], // Community engagement
  ['18,500', '2,400', '6,150'], // Professional development
  ['', '48,500', '36,120'], // Preventative measures (capital)
  ['15,000', '17,500', '16,725.60'], // Media
  ['83,333.33', '83,333.33', '83,333.34'], // Staff
]
  .map((r) => r.join('\t'))
  .join('\r\n');

test('finance pastes a quarter of spend, sees the variance and the cap warning, and exports the return', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Funding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Funding' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'funding streams' })).toHaveText('4 funding streams');
  await screenshot(page, 'funding-01-streams');

  // The Violence Reduction Fund: the Kent Police award above the £35k cap is flagged, not hidden.
  await page.getByRole('button', { name: 'Violence Reduction Fund' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Violence Reduction Fund' })).toBeVisible();
  const points = page.getByRole('region', { name: 'Points to note' });
  await expect(points).toContainText("The award of £36,814 to Kent Police is above the Violence Reduction Fund's £35,000 cap for 2019/20");
  await page.getByRole('tab', { name: 'Funded projects' }).click();
  await expect(page.getByRole('row', { name: /Kent Police/ })).toContainText('above the Violence Reduction Fund');
  await screenshot(page, 'funding-02-vrf-cap-warning');

  // The VRU grant: paste Q4's actuals into January's Commissioned services cell and save.
  await page.getByRole('button', { name: '← All funding streams' }).click();
  await page.getByRole('button', { name: 'VRU grant (Serious Violence Fund)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'VRU grant (Serious Violence Fund)' })).toBeVisible();
  await page.getByRole('tab', { name: 'Spend' }).click();
  await pasteInto(page, 'Commissioned services, Jan 20, actual', Q4_BLOCK);
  await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toHaveText(
    'Pasted 18 cells (actual), Commissioned services Jan 20 to Staff Mar 20. Check them, then save.',
  );
  await expect(page.getByLabel('Staff, Mar 20, actual', { exact: true })).toHaveValue('83,333.34');
  await screenshot(page, 'funding-03-pasted');

  // A typing slip is refused with the cell named, and nothing is saved.
  await page.getByLabel('Media, Feb 20, actual', { exact: true }).fill('17,5OO');
  await page.getByRole('button', { name: /^Save \d+ changes$/ }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing was saved');
  await expect(page.getByRole('alert')).toContainText('Media, 2020-02 actual: "17,5OO" is not an amount of money');
  await expect(page.getByLabel('Media, Feb 20, actual', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Media, Feb 20, actual', { exact: true })).toBeFocused();
  await page.getByLabel('Media, Feb 20, actual', { exact: true }).fill('17,500');
  await page.getByRole('button', { name: 'Save 17 changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved: 17 figures written.');

  // The variance by heading and quarter, with the underspend at risk.
  await page.getByRole('tab', { name: 'Position' }).click();
  const byHeading = page.getByTestId('variance-by-heading');
  await expect(byHeading.getByRole('row', { name: /^Total £/ })).toContainText('£1,160,000.00£858,946.35£858,946.35£858,946.35£301,053.65');
  await expect(byHeading.getByRole('row', { name: /^Staff/ })).toContainText('£380,000.00£250,000.00£250,000.00£250,000.00£130,000.00');
  await expect(page.getByTestId('variance-by-quarter').getByRole('row', { name: /^Total/ })).toContainText('£858,946.35 actual');
  const figures = page.getByRole('definition');
  await expect(figures.nth(6)).toHaveText('£301,053.65'); // underspend at risk
  await expect(points).toContainText("On the current forecast £301,053.65 of the VRU grant (Serious Violence Fund)'s 2019/20 allocation of £1,160,000 will be unspent by 31 March 2020; it cannot be carried over");
  await screenshot(page, 'funding-04-variance');

  // Export the Q4 return.
  await page.getByRole('tab', { name: 'Claims and return' }).click();
  await page.getByLabel('Quarter').selectOption('4');
  await expect(page.locator('.export-file-name')).toHaveText('VRU-2019 spend return 2019-20 Q4.xlsx');
  const { path: out, name } = await download(page, page.getByRole('button', { name: 'Export return' }), workspace.dir);
  expect(name).toBe('VRU-2019 spend return 2019-20 Q4.xlsx');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(
    /^Downloaded VRU-2019 spend return 2019-20 Q4\.xlsx \(\d+ KB\)\. The 2019\/20 Q4 return shows actual this quarter £858,946\.35, forecast to year end £[\d,]+\.\d{2}\.$/,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const total = wb.getWorksheet('Spend by heading')!.getCell('D11').value as ExcelJS.CellFormulaValue;
  expect(total.formula).toBe('D8+D10'); // Total revenue + Total capital
  expect(Math.round((total.result as number) * 100)).toBe(85_894_635);

  // Record the claim; a second claim for the same quarter is refused.
  await page.getByLabel('Period').selectOption('Q4');
  await page.getByRole('button', { name: 'Record claim' }).click();
  await expect(page.getByRole('row', { name: /2019\/20 Q4/ })).toContainText('Draft£858,946.35');
  await page.getByRole('button', { name: 'Record claim' }).click();
  await expect(page.getByRole('alert')).toContainText('The 2019/20 Q4 claim on the VRU grant (Serious Violence Fund) already exists (draft');
  await screenshot(page, 'funding-05-return-and-claim');

  // A budget line whose amount is not money is refused by its field; the list keeps its total.
  await page.getByRole('tab', { name: 'Budget and virement' }).click();
  const addLine = page.getByRole('form', { name: 'Add a budget line' });
  await addLine.getByLabel('Allocated').fill('lots');
  await addLine.getByRole('button', { name: 'Add budget line' }).click();
  const allocated = addLine.getByLabel('Allocated');
  await expect(allocated).toHaveAttribute('aria-invalid', 'true');
  await expect(allocated).toHaveAccessibleDescription(/^e\.g\. £50k Error: Allocated/);
  await expect(allocated).toBeFocused();
  await expect(page.getByRole('row', { name: /^Total/ })).toBeVisible();
  await screenshot(page, 'funding-05a-budget-line-refused');

  // The board's funding summary for 2019/20, every stream, as Word and as Excel.
  await page.getByRole('button', { name: '← All funding streams' }).click();
  const summary = page.getByRole('region', { name: 'Funding summary for the board' });
  await summary.getByLabel('Financial year').selectOption('2019/20');
  await expect(summary.locator('.export-file-name')).toHaveText('Funding summary 2019-20.docx');
  const summaryDocx = await download(page, summary.getByRole('button', { name: 'Export summary' }), workspace.dir);
  await expect(summary.getByRole('status')).toHaveText(/^Downloaded Funding summary 2019-20\.docx \(\d+ KB\)\.$/);
  await summary.getByRole('radio', { name: 'Figures (Excel, .xlsx)' }).check();
  await expect(summary.locator('.export-file-name')).toHaveText('Funding summary 2019-20.xlsx');
  const summaryXlsx = await download(page, summary.getByRole('button', { name: 'Export summary' }), workspace.dir);
  await expect(summary.getByRole('status')).toHaveText(/^Downloaded Funding summary 2019-20\.xlsx \(\d+ KB\)\.$/);
  expect([summaryDocx.name, summaryXlsx.name]).toEqual(['Funding summary 2019-20.docx', 'Funding summary 2019-20.xlsx']);
  const summaryBook = new ExcelJS.Workbook();
  await summaryBook.xlsx.readFile(summaryXlsx.path);
  expect(summaryBook.worksheets.length).toBeGreaterThan(0);
  expect((await JSZip.loadAsync(readFileSync(summaryDocx.path))).file('word/document.xml')).not.toBeNull();
  await screenshot(page, 'funding-06-summary-exported');
});
