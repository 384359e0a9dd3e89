import type { Page } from '@playwright/test';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { expect, test, type TestWorkspace } from './fixtures';

async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

// The toolbar's dialog tools (link, table, live table). Opening one used to freeze the page
// (the dialog closed and reopened on every render, blurring the editor, whose save rendered
// again), and a link was never made (the page behind the modal dialog is inert).
test('the editor’s Link, Table and Live table tools put a link, a table and a live table into a section', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const created = await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/06', title: 'Editor tools' });
  await page.goto(`${workspace.bridge.url}#/papers/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SB/2020/06 Editor tools' })).toBeVisible();

  const intro = page.getByRole('region', { name: /^Introduction/ });
  await intro.getByRole('textbox').click();
  await page.keyboard.type('Read the guidance');
  for (let i = 0; i < 'guidance'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await intro.getByRole('button', { name: 'Link', exact: true }).click();
  const link = page.getByRole('dialog', { name: 'Link' });
  await link.getByLabel('Web address').fill('https://www.gov.uk/guidance');
  await link.getByRole('button', { name: 'Add link' }).click();
  await expect(link).toBeHidden();
  await expect(intro.getByRole('link', { name: 'guidance' })).toHaveAttribute('href', 'https://www.gov.uk/guidance');

  const costs = page.getByRole('region', { name: /^Timescales and costs/ });
  await costs.getByRole('textbox').click();
  await page.keyboard.type('Funded projects:');
  await costs.getByRole('button', { name: 'Table', exact: true }).click();
  const table = page.getByRole('dialog', { name: 'Insert a table' });
  await table.getByLabel('Column headings').fill('Project, Organisation');
  await table.getByLabel('Rows').fill('1');
  await table.getByRole('button', { name: 'Insert table' }).click();
  await expect(table).toBeHidden();
  await costs.locator('td').first().click();
  await page.keyboard.type('Mini Cadets');
  await costs.locator('td').nth(1).click();
  await page.keyboard.type('Kent Police');

  const next = page.getByRole('region', { name: /^Next Steps/ });
  await next.getByRole('textbox').click();
  await next.getByRole('button', { name: 'Live table' }).click();
  const live = page.getByRole('dialog', { name: 'Insert a live table' });
  await live.getByRole('button', { name: 'Check' }).click();
  await expect(live.getByRole('status')).toContainText('Violence Reduction Fund: awards 2019/20');
  await live.getByRole('button', { name: 'Insert live table' }).click();
  await expect(live).toBeHidden();

  await expect(page.getByTestId('save-state')).toContainText('Saved at', { timeout: 15_000 });
  const saved = await apiCall(page, workspace, 'paper.get', { id: created.id });
  const body = (key: string) => saved.sections.find((s) => s.key === key)!.body;
  expect(body('introduction')).toEqual([{ type: 'paragraph', text: ['Read the ', { text: 'guidance', link: 'https://www.gov.uk/guidance' }] }]);
  expect(body('timescales-and-costs')).toEqual([
    { type: 'paragraph', text: 'Funded projects:' },
    { type: 'table', columns: ['Project', 'Organisation'], rows: [['Mini Cadets', 'Kent Police']] },
  ]);
  expect(body('next-steps')).toEqual([{ type: 'live', source: 'funding.awards', params: { stream: 'VRF', year: '2019/20' }, caption: 'Violence Reduction Fund: awards 2019/20' }]);
});

// A link in a paper never takes over the app: it opens in a new window (which the desktop app
// refuses and hands to the system browser through its allow-list: main/electron/security.ts,
// checked in test/integration/electron-boot.test.ts). While editing, a plain click only
// places the caret; Ctrl+click opens the link. In a final paper a plain click opens it.
test('a link in a paper opens in a new window and the app stays on the paper', async ({ app: page, workspace }) => {
  await page.context().route('https://www.gov.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>GOV.UK</title>' }));
  const created = await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/07', title: 'Links' });
  await apiCall(page, workspace, 'paper.updateSection', {
    paperId: created.id,
    key: 'introduction',
    body: [{ type: 'paragraph', text: ['Read the ', { text: 'guidance', link: 'https://www.gov.uk/guidance' }] }],
    version: created.sections.find((s) => s.key === 'introduction')!.version,
  });
  const paperUrl = `${workspace.bridge.url}#/papers/${created.id}`;
  await page.goto(paperUrl);
  const intro = page.getByRole('region', { name: /^Introduction/ });
  const link = intro.getByRole('link', { name: 'guidance' });

  let popups = 0;
  page.on('popup', () => popups++);
  await link.click();
  expect(popups).toBe(0);
  expect(page.url()).toBe(paperUrl);

  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click({ modifiers: ['ControlOrMeta'] })]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe('https://www.gov.uk/guidance');
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(paperUrl);
  await popup.close();

  // Over the bridge, as a screen would: each write says the version it read.
  const review = await apiCall(page, workspace, 'paper.setStatus', { id: created.id, status: 'for_review', version: (await apiCall(page, workspace, 'paper.get', { id: created.id })).version });
  await apiCall(page, workspace, 'paper.setStatus', { id: created.id, status: 'final', version: review.version });
  await page.reload();
  await expect(page.getByText('This paper is final')).toBeVisible();
  const [finalPopup] = await Promise.all([page.waitForEvent('popup'), intro.getByRole('link', { name: 'guidance' }).click()]);
  await finalPopup.waitForLoadState();
  expect(finalPopup.url()).toBe('https://www.gov.uk/guidance');
  expect(page.url()).toBe(paperUrl);
});
