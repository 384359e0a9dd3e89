import { apiCall, expect, test } from './fixtures';

/**
 * Figures typed into a grid, or a new paper's title, are work a move away would lose: the app
 * asks first (review of issue 15, point 3: these screens let it go unasked).
 */
test('spend typed into the grid, then another screen: the app asks, Stay keeps the figure', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Funding' }).click();
  await page.getByRole('button', { name: 'VRU grant (Serious Violence Fund)' }).click();
  await page.getByRole('tab', { name: 'Spend' }).click();
  const cell = page.getByLabel('Staff, Mar 20, actual', { exact: true });
  await cell.fill('12,345');
  await nav.getByRole('link', { name: 'Actions' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: /Stay/ }).click();
  await expect(cell).toHaveValue('12,345');
  await expect(page).toHaveURL(/#\/funding/);
});

test('a new paper with a title typed, then another screen: the app asks first', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Papers' }).click();
  await page.getByRole('link', { name: 'New paper' }).first().click();
  await page.getByLabel('Title').fill('A paper not yet made');
  await nav.getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
});
