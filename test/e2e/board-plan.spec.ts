import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, FIXED_NOW, otherPerson, screenshot, test } from './fixtures';

/**
 * Issue 15, point 6, clicked through on the demo's Strategic Board: a forward plan item added,
 * put first among its date's items, another edited and one moved to the March meeting; a
 * standing item reworded, and both on the agenda of a meeting scheduled afterwards; then
 * "Mark all present", refused once because a colleague marked someone in the meantime.
 */

async function axe(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('forward plan and standing items on the board’s screen, then mark all present', async ({ app: page, workspace }) => {
  test.setTimeout(120_000);
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.goto(`${workspace.bridge.url}#/meetings/boards`);
  await expect(page.getByRole('heading', { name: 'Forward plan of Kent & Medway VRU Strategic Board' })).toBeVisible();
  const violations: string[] = [];
  const plan = page.getByRole('table', { name: 'Forward plan' });
  const planTitles = () => plan.locator('tbody th').allInnerTexts();

  // Add an item for 18 June 2020: it goes after the two already planned for that day.
  await page.getByLabel('Item', { exact: true }).fill('Serious violence duty: readiness');
  await page.getByLabel('Planned for').fill('2020-06-18');
  await page.getByRole('button', { name: 'Add to the forward plan' }).click();
  await expect(plan.getByRole('row', { name: /Serious violence duty: readiness/ })).toContainText('18 June 2020');
  expect(await planTitles()).toEqual([
    'Communications and media strategy',
    'Review of VRU membership and structure, and the performance framework',
    'Serious violence duty: readiness',
  ]);

  // Move up twice, by keyboard: first of the day; the first's Move up is not offered.
  const moveUp = page.getByRole('button', { name: 'Move up Serious violence duty: readiness' });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await expect(plan.locator('tbody tr').nth(1)).toContainText('Serious violence duty: readiness');
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await expect(plan.locator('tbody tr').nth(0)).toContainText('Serious violence duty: readiness');
  await expect(moveUp).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: '“Serious violence duty: readiness” moved to place 1 of 3 for 18 June 2020.' })).toBeAttached();

  // Edit another: an empty title is refused by its field, then the new wording saved.
  await page.getByRole('button', { name: 'Edit Communications and media strategy' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Communications and media strategy”' });
  violations.push(...(await axe(page, 'forward plan item, edit')));
  await edit.getByLabel('Item').fill('');
  await edit.getByRole('button', { name: 'Save item' }).click();
  await expect(edit.getByLabel('Item')).toHaveAttribute('aria-invalid', 'true');
  violations.push(...(await axe(page, 'forward plan item, edit, sent empty')));
  await edit.getByLabel('Item').fill('Communications and media strategy 2020–22');
  await edit.getByRole('button', { name: 'Save item' }).click();
  await expect(edit).toBeHidden();
  await expect(plan.getByRole('row', { name: /Communications and media strategy 2020–22/ })).toBeVisible();

  // Move the membership review to the March meeting: onto its agenda.
  await page.getByRole('button', { name: 'Move to meeting: Review of VRU membership and structure, and the performance framework' }).click();
  const move = page.getByRole('dialog', { name: /^Move “Review of VRU membership/ });
  violations.push(...(await axe(page, 'forward plan item, move')));
  await move.getByLabel('Meeting').selectOption({ label: 'Thursday 19 March 2020' });
  await move.getByRole('button', { name: 'Move item' }).click();
  await expect(move).toBeHidden();
  const review = plan.getByRole('row', { name: /Review of VRU membership/ });
  await expect(review).toContainText('19 March 2020');
  await expect(review.getByRole('link', { name: 'Yes, Thursday 19 March 2020' })).toBeVisible();
  await screenshot(page, 'board-plan-01-forward-plan');

  // Standing items: the template's, until one is reworded here.
  const standing = page.getByRole('table', { name: 'Standing items' });
  await expect(page.getByText('The template’s list, which every new board starts with')).toBeVisible();
  await page.getByRole('button', { name: 'Edit Any other business' }).click();
  const item = page.getByRole('dialog', { name: 'Edit standing item “Any other business”' });
  violations.push(...(await axe(page, 'standing item, edit')));
  await item.getByLabel('Title').fill('Any other business (notified to the chair in advance)');
  await item.getByLabel('Minutes').fill('15');
  await item.getByRole('button', { name: 'Save standing item' }).click();
  await expect(item).toBeHidden();
  await expect(page.getByText('This board’s own list')).toBeVisible();
  await expect(standing.getByRole('row', { name: /Any other business \(notified to the chair in advance\)/ })).toContainText('15');
  // Opening items move among themselves: "Declarations" above "Welcome".
  await page.getByRole('button', { name: 'Move up Declarations of interest' }).click();
  await expect(standing.locator('tbody tr').nth(0)).toContainText('Declarations of interest');
  await page.getByRole('button', { name: 'Move down Declarations of interest' }).click();
  await expect(standing.locator('tbody tr').nth(0)).toContainText('Welcome, introductions and apologies');
  await expect(page.getByRole('button', { name: 'Move down Minutes of the last meeting and matters arising (including the action log)' })).toBeDisabled();
  violations.push(...(await axe(page, 'boards, own standing items')));
  await screenshot(page, 'board-plan-02-standing-items');

  // The March agenda has the moved item; a new June meeting has the reworded standing item and the plan's order.
  const [march] = (await apiCall(page, workspace, 'meeting.list', { boardId: null, from: '2020-03-19', to: '2020-03-19', status: null })).rows;
  expect((await apiCall(page, workspace, 'meeting.get', { id: march!.id })).agenda.map((i) => i.title)).toContain(
    'Review of VRU membership and structure, and the performance framework',
  );
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  const schedule = page.getByRole('dialog', { name: 'Schedule a meeting' });
  await schedule.getByLabel('Board').selectOption({ label: 'Kent & Medway VRU Strategic Board' });
  await schedule.getByLabel('Date').fill('2020-06-18');
  await schedule.getByLabel('Starts at').fill('10:00');
  await schedule.getByLabel('Ends at').fill('12:30');
  await schedule.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kent & Medway VRU Strategic Board: Thursday 18 June 2020' })).toBeVisible();
  const items = page.locator('.agenda-item');
  await expect(items).toHaveCount(7);
  await expect(items.nth(3)).toContainText('Serious violence duty: readiness');
  await expect(items.nth(4)).toContainText('Communications and media strategy 2020–22');
  await expect(items.nth(5)).toContainText('Any other business (notified to the chair in advance)');

  // Attendance: Rachel Ashdown's apologies, then a colleague marks Simon Thorne absent on their own screen.
  const attendance = (name: string) => page.getByLabel(`Attendance of ${name}`);
  await attendance('Rachel Ashdown').selectOption('apologies');
  await expect(attendance('Rachel Ashdown')).toHaveValue('apologies');
  const june = (await apiCall(page, workspace, 'meeting.list', { boardId: null, from: '2020-06-18', to: '2020-06-18', status: null })).rows[0]!;
  const simon = (await apiCall(page, workspace, 'meeting.get', { id: june.id })).members.find((m) => m.name === 'Simon Thorne')!;
  const colleague = await otherPerson(workspace, 'alice', FIXED_NOW);
  try {
    await colleague.call('attendance.set', { meetingId: june.id, personId: simon.personId, status: 'absent', substituteForPersonId: null, was: null });
  } finally {
    await colleague.close();
  }
  // Marking all present on the register as this screen read it is refused, naming her; nothing is saved.
  const markAll = page.getByRole('button', { name: 'Mark all present' });
  await markAll.click();
  await expect(page.getByText(/Changed by alice .*since you opened it/)).toBeVisible();
  await expect(attendance('Simon Thorne')).toHaveValue('absent');
  await expect(attendance('Matthew Scott')).toHaveValue('');
  violations.push(...(await axe(page, 'meeting, mark all present refused')));
  // Again, on the register as it is now: everyone unmarked is present; apologies and the absence stay.
  await markAll.click();
  await expect(attendance('Matthew Scott')).toHaveValue('present');
  await expect(attendance('Rachel Ashdown')).toHaveValue('apologies');
  await expect(attendance('Simon Thorne')).toHaveValue('absent');
  await expect(markAll).toBeDisabled();
  await expect(page.getByText('Every member has a mark.')).toBeVisible();
  await screenshot(page, 'board-plan-03-mark-all-present');
  const audit = await apiCall(page, workspace, 'meeting.get', { id: june.id });
  expect(audit.attendance.filter((a) => a.status === 'present').length).toBeGreaterThanOrEqual(3);

  expect(violations).toEqual([]);
});
