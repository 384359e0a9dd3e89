import AxeBuilder from '@axe-core/playwright';
import { apiCall, expect, screenshot, test } from './fixtures';

/**
 * Issue 15, point 5, as the secretariat does it: a member's interest added to their register
 * (People), then declared at the March Board from that register; the "who" list offers only
 * those present, not a member who sent apologies. The screens pass axe and do not scroll
 * sideways at 320 px.
 */
test('a registered interest is added to a member and declared at a meeting; a member who sent apologies cannot declare', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const march = (await apiCall(page, workspace, 'meeting.list', {})).rows.find((m) => m.startsAt.startsWith('2020-03-19'))!;
  const nav = page.getByRole('navigation', { name: 'Areas' });

  // People: Matthew Scott's register.
  await nav.getByRole('link', { name: /People/ }).click();
  await page.getByRole('button', { name: 'Interests of Matthew Scott' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register of interests: Matthew Scott' });
  await expect(dialog.getByText('No interests registered yet.')).toBeVisible();
  // Sent without a type or description: refused, naming the fields.
  await dialog.getByRole('button', { name: 'Add interest' }).click();
  await expect(dialog.getByText('Choose the type of interest.')).toBeVisible();
  await dialog.getByLabel('Type').selectOption({ label: 'Other registrable interest' });
  await dialog.getByLabel('Description').fill('Trustee of Kent Youth Trust');
  await dialog.getByLabel('From', { exact: true }).fill('2019-04-01');
  await dialog.getByLabel('Reviewed on (optional)').fill('2020-01-15');
  await dialog.getByRole('button', { name: 'Add interest' }).click();
  const row = dialog.getByRole('row', { name: /Trustee of Kent Youth Trust/ });
  await expect(row).toContainText('Other registrable interest');
  await expect(row).toContainText('01/04/2019');
  await expect(row).toContainText('Current');
  await expect(row).toContainText('15/01/2020');
  await screenshot(page, 'interests-01-register');
  const axeDialog = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axeDialog.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The March Board: Matthew Scott present, Rachel Ashdown sent apologies.
  await page.goto(`${workspace.bridge.url}#/meetings/${march.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('19 March 2020');
  await page.getByLabel('Attendance of Matthew Scott').selectOption('present');
  await page.getByLabel('Attendance of Rachel Ashdown').selectOption('apologies');
  const declarations = page.getByRole('region', { name: 'Declarations of interest' });
  const register = declarations.getByRole('complementary', { name: 'Register of interests' });
  await expect(register).toContainText('Other registrable interest: Trustee of Kent Youth Trust (reviewed 15/01/2020)');

  const who = declarations.getByLabel('Who (present)');
  await expect(who.locator('option', { hasText: 'Matthew Scott' })).toHaveCount(1);
  await expect(who.locator('option', { hasText: 'Rachel Ashdown' })).toHaveCount(0);
  await who.selectOption({ label: 'Matthew Scott' });
  await declarations.getByLabel('Interest', { exact: true }).selectOption({ label: 'Other registrable interest: Trustee of Kent Youth Trust' });
  const item = (await apiCall(page, workspace, 'meeting.get', { id: march.id })).agenda.find((a) => a.standingKind === null)!;
  await declarations.getByLabel('Item', { exact: true }).selectOption({ label: `${item.number}. ${item.title}` });
  await declarations.getByRole('button', { name: 'Record declaration' }).click();
  await expect(declarations.getByRole('listitem').filter({ hasText: `Matthew Scott, item ${item.number}: Trustee of Kent Youth Trust (Other registrable interest), withdrew for the item` })).toBeVisible();
  await screenshot(page, 'interests-02-declared');
  await declarations.screenshot({ path: test.info().outputPath('declarations.png') });

  // A new interest declared at the meeting goes into his register.
  await who.selectOption({ label: 'Matthew Scott' });
  await declarations.getByLabel('Interest', { exact: true }).selectOption({ label: 'A new interest (added to their register)' });
  await declarations.getByLabel('Interest declared').fill('Son volunteers with a funded youth club');
  await declarations.getByLabel('Interest type').selectOption({ label: 'Non-registrable interest' });
  await declarations.getByRole('button', { name: 'Record declaration' }).click();
  await expect(register).toContainText('Non-registrable interest: Son volunteers with a funded youth club');
  const detail = await apiCall(page, workspace, 'meeting.get', { id: march.id });
  expect(detail.declarations.map((d) => [d.name, d.interest, d.interestType])).toEqual([
    ['Matthew Scott', 'Trustee of Kent Youth Trust', 'other_registrable'],
    ['Matthew Scott', 'Son volunteers with a funded youth club', 'non_registrable'],
  ]);

  // The API refuses the member who sent apologies, naming the field.
  const res = await page.request.post(`${workspace.bridge.url}api/declaration.add`, {
    data: { meetingId: march.id, agendaItemId: null, personId: detail.attendance.find((a) => a.name === 'Rachel Ashdown')!.personId, interestId: null, interest: 'Landlord', interestType: 'pecuniary' },
  });
  expect(((await res.json()) as { error: { field: string } }).error.field).toBe('personId');

  const axeMeeting = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axeMeeting.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // No sideways scroll at 320 px, the register stacked under the form.
  await page.setViewportSize({ width: 320, height: 640 });
  await register.scrollIntoViewIfNeeded();
  // The declarations and the register fit the width (the page's own 320 px check is the accessibility spec's).
  expect(await declarations.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  await screenshot(page, 'interests-03-narrow');
  await declarations.screenshot({ path: test.info().outputPath('declarations-320.png') });
});
