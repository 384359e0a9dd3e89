import type { Page } from '@playwright/test';
import type { Envelope, InputOf, OpName, ResultOf } from '../../main/api/contract';
import { expect, screenshot, test, type TestWorkspace } from './fixtures';

/** Records set up through the same HTTP API the page uses, so they obey the same rules. */
async function apiCall<K extends OpName>(page: Page, workspace: TestWorkspace, name: K, input: InputOf<K>): Promise<ResultOf<K>> {
  const res = await page.request.post(`${workspace.bridge.url}api/${name}`, { data: input });
  const envelope = (await res.json()) as Envelope<ResultOf<K>>;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

test('the secretariat adds, edits, finds and deletes a person, and the audit trail shows it all', async ({ app: page, workspace }) => {
  const nav = page.getByRole('navigation', { name: 'Areas' });

  // A new workspace opens on the Dashboard with the first-run choice.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'This workspace is empty' })).toBeVisible();
  await screenshot(page, '01-dashboard-first-run');
  await page.getByRole('button', { name: 'Start with an empty workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();

  // Someone else is already in the workspace, in another organisation.
  const medway = await apiCall(page, workspace, 'organisation.create', { name: 'Medway Council', shortName: 'MC', kind: 'council' });
  await apiCall(page, workspace, 'person.create', { givenName: 'Tom', familyName: 'Jones', jobTitle: 'Head of Community Safety', organisationId: medway.id });

  await nav.getByRole('link', { name: 'Organisations & People' }).click();
  await expect(nav.getByRole('link', { name: 'Organisations & People' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations & People' })).toBeVisible();

  // Add an organisation.
  await page.getByRole('tab', { name: 'Organisations' }).click();
  await page.getByRole('button', { name: 'Add organisation' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add an organisation' });
  await dialog.getByLabel('Name', { exact: true }).fill('Kent Police');
  await dialog.getByLabel('Short name (optional)').fill('KP');
  await dialog.getByLabel('Kind').selectOption({ label: 'Police' });
  await dialog.getByRole('button', { name: 'Add organisation' }).click();
  await expect(dialog).toBeHidden();
  const kentRow = page.getByRole('row', { name: /Kent Police/ });
  await expect(kentRow).toContainText('Police');
  await expect(kentRow.getByRole('cell').nth(2)).toHaveText('0');

  // The workspace refuses a second organisation of the same name: its message sits by the Name field.
  await page.getByRole('button', { name: 'Add organisation' }).click();
  dialog = page.getByRole('dialog', { name: 'Add an organisation' });
  await dialog.getByLabel('Name', { exact: true }).fill('kent police');
  await dialog.getByRole('button', { name: 'Add organisation' }).click();
  const orgName = dialog.getByLabel('Name', { exact: true });
  await expect(orgName).toHaveAttribute('aria-invalid', 'true');
  await expect(orgName).toHaveAccessibleDescription(/An organisation called "Kent Police" already exists\./);
  await expect(orgName).toBeFocused();
  await screenshot(page, '02-organisation-duplicate-name');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await screenshot(page, '03-organisations-list');

  // Add a person, forgetting the family name first.
  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('row', { name: /Tom Jones/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Title (optional)', { exact: true }).fill('Supt');
  await dialog.getByLabel('Given name', { exact: true }).fill('Jane');
  await dialog.getByLabel('Job title (optional)').fill('Chief Inspector');
  await dialog.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Kent Police' });
  await dialog.getByLabel('Email (optional)').fill('jane.smith@kent.police.uk');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const familyName = dialog.getByLabel('Family name', { exact: true });
  await expect(familyName).toHaveAttribute('aria-invalid', 'true');
  await expect(familyName).toHaveAccessibleDescription(/Family name is required/);
  await expect(dialog.getByText('Family name is required')).toBeVisible();
  await screenshot(page, '04-person-family-name-missing');
  await familyName.fill('Smith');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  const janeRow = page.getByRole('row', { name: /Supt Jane Smith/ });
  await expect(janeRow).toContainText('Chief Inspector');
  await expect(janeRow).toContainText('Kent Police');
  await expect(janeRow).toContainText('jane.smith@kent.police.uk');

  // Edit her job title.
  await page.getByRole('button', { name: 'Edit Supt Jane Smith' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Jane Smith' });
  await expect(dialog.getByLabel('Job title (optional)')).toHaveValue('Chief Inspector');
  await dialog.getByLabel('Job title (optional)').fill('Superintendent');
  await screenshot(page, '05-person-edit');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(janeRow).toContainText('Superintendent');

  // Find her: the list filters as you type, and by organisation.
  const search = page.getByLabel('Search people');
  await search.fill('smi');
  await expect(page.getByRole('row', { name: /Tom Jones/ })).toBeHidden();
  await expect(janeRow).toBeVisible();
  await expect(page.getByText('1 person found')).toBeVisible();
  await screenshot(page, '06-people-search');
  await search.fill('nobody-called-this');
  await expect(page.getByText('Nobody matches this search.')).toBeVisible();
  await search.fill('');
  await expect(page.getByRole('row', { name: /Tom Jones/ })).toBeVisible();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Kent Police' });
  await expect(page.getByRole('row', { name: /Tom Jones/ })).toBeHidden();
  await expect(janeRow).toBeVisible();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'All organisations' });
  await expect(page.getByRole('row', { name: /Tom Jones/ })).toBeVisible();

  // Her history: created, then the job title changed.
  await page.getByRole('button', { name: 'History of Supt Jane Smith' }).click();
  dialog = page.getByRole('dialog', { name: 'History of Supt Jane Smith' });
  const history = dialog.getByTestId('audit-line');
  await expect(history).toHaveCount(2);
  // Who: on PostgreSQL the role the workspace is open as (the test cluster's superuser), on a file the app's user.
  const who = workspace.engine === 'postgres' ? 'postgres' : 'test';
  await expect(history.nth(0)).toContainText(
    new RegExp(`^16/03/2020 10:02 — ${who} — updated person \\d+ \\(Jane Smith\\): job title 'Chief Inspector' → 'Superintendent'$`),
  );
  await expect(history.nth(1)).toContainText(new RegExp(`^16/03/2020 10:02 — ${who} — created person \\d+ \\(Jane Smith\\)`));
  await screenshot(page, '07-person-history');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Delete her, after confirming.
  await page.getByRole('button', { name: 'Delete Supt Jane Smith' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete Supt Jane Smith?' });
  await expect(dialog).toContainText('Supt Jane Smith (Kent Police) will be removed from the workspace.');
  await screenshot(page, '08-person-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(dialog).toBeHidden();
  await expect(janeRow).toBeHidden();
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();

  // An organisation someone still belongs to cannot be deleted; the refusal says why.
  await page.getByRole('tab', { name: 'Organisations' }).click();
  await page.getByRole('button', { name: 'Delete Medway Council' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete Medway Council?' });
  await dialog.getByRole('button', { name: 'Delete organisation' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/Medway Council cannot be deleted: .*person.* still refer to it/);
  await screenshot(page, '09-organisation-delete-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /Medway Council/ })).toBeVisible();

  // Settings: where the workspace is, a name for the header, and the audit trail with all three of Jane's entries.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText(workspace.location, { exact: true })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText(workspace.engine === 'postgres' ? 'EnginePostgreSQL' : 'EngineSQLite file');
  const trail = page.getByTestId('audit-line');
  await expect(trail.filter({ hasText: /deleted person \d+ \(Jane Smith\)$/ })).toHaveCount(1);
  await expect(trail.filter({ hasText: /updated person \d+ \(Jane Smith\): job title 'Chief Inspector' → 'Superintendent'$/ })).toHaveCount(1);
  await expect(trail.filter({ hasText: /created person \d+ \(Jane Smith\)/ })).toHaveCount(1);
  await expect(trail.first()).toContainText('deleted person');
  await page.getByLabel('Organisation name').fill('Kent and Medway Violence Reduction Unit');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('banner')).toContainText('Kent and Medway Violence Reduction Unit');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved.');
  await expect(trail.first()).toHaveText(/created setting \d+ \(organisation name\)$/);
  await screenshot(page, '10-settings');

  // Your name and the default marking: only what changed is sent, each change in the trail.
  await expect(page.getByLabel('Default protective marking')).toHaveValue('OFFICIAL');
  await page.getByLabel('Your name').fill('Jo Bloggs');
  await page.getByLabel('Default protective marking').selectOption('OFFICIAL-SENSITIVE');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(trail.nth(0)).toHaveText(/created setting \d+ \(default protective marking\)$/);
  await expect(trail.nth(1)).toHaveText(/created setting \d+ \(user name\)$/);
  await expect(trail.nth(2)).toHaveText(/created setting \d+ \(organisation name\)$/);
  // A name cannot be emptied once set: said by the field, and nothing is sent.
  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const yourName = page.getByLabel('Your name');
  await expect(yourName).toHaveAttribute('aria-invalid', 'true');
  await expect(yourName).toHaveAccessibleDescription(/Your name is required/);
  await expect(yourName).toBeFocused();
  await screenshot(page, '10a-settings-name-required');
  await yourName.fill('Jo Smith');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(trail.nth(0)).toHaveText(/updated setting \d+ \(user name\): value 'Jo Bloggs' → 'Jo Smith'$/);
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Jo Smith');
  await expect(page.getByLabel('Default protective marking')).toHaveValue('OFFICIAL-SENSITIVE');

  // Every area is built now; the last to come, Decisions, opens on its log.
  await nav.getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();

  // Back on the Dashboard, the counts are the workspace's own.
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('definition').first()).toBeVisible();
  const count = (label: string) => page.locator('.count', { has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(count('Organisations')).toHaveText('2');
  await expect(count('People')).toHaveText('1');
  await screenshot(page, '12-dashboard-counts');
});

test('a new workspace can be filled with the demonstration data, after confirming', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Load the Kent & Medway demonstration data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load the demonstration data?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Load the demonstration data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'This workspace is empty' })).toBeHidden();
  const count = (label: string) => page.locator('.count', { has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(count('Organisations')).not.toHaveText('0');
  await expect(count('Funding streams')).not.toHaveText('0');
  await screenshot(page, '13-dashboard-demo');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Organisations & People' }).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, '14-people-demo');
});

test('the navigation and the tabs work from the keyboard alone', async ({ app: page }) => {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const target = nav.getByRole('link', { name: 'Organisations & People' });
  for (let i = 0; i < 9 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations & People' })).toBeVisible();

  // Into the tab list, then the arrow key moves to the Organisations tab.
  await page.getByRole('tab', { name: 'People' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Organisations' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Organisations' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Add organisation' })).toBeVisible();

  // A form dialog opens with the keyboard and Escape closes it, handing focus back.
  await page.getByRole('button', { name: 'Add organisation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Add an organisation' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add an organisation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add organisation' })).toBeFocused();
});
