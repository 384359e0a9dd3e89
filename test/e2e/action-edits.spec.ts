import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { apiCall, download, expect, screenshot, test } from './fixtures';

/**
 * Issue 15, point 4, clicking: an overdue action is chased (the mailto: link), then reworded
 * and its due date revised; a revision without a reason is refused against the reason's
 * field; the log shows the original date, the revised one and the reason, and so do the
 * exported Word and Excel action logs. The bridge's clock is Monday 16 March 2020.
 */
test('an action is chased, reworded and its due date revised with a reason, shown in the log and its exports', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const board = (await apiCall(page, workspace, 'board.list', {})).find((b) => b.code === 'SB')!;
  const simon = (await apiCall(page, workspace, 'person.list', { search: 'Simon Thorne' }))[0]!;
  await apiCall(page, workspace, 'person.update', {
    id: simon.id,
    version: simon.version,
    givenName: simon.givenName,
    familyName: simon.familyName,
    organisationId: simon.organisationId,
    jobTitle: simon.jobTitle,
    email: 'simon.thorne@kent.gov.uk',
  });
  const late = await apiCall(page, workspace, 'action.create', {
    boardId: board.id,
    description: 'Send the knife crime data sharing agreement to the councils',
    ownerPersonId: simon.id,
    dueOn: '2020-03-13',
  });
  const ref = `A${late.id}`;

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${ref} `) });
  await expect(row).toContainText('Overdue');
  await row.getByRole('button', { name: `Update ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Update ${ref}` });

  // Chase: offered because the action is overdue; it prepares the email as a mailto: link.
  await expect(dialog.getByRole('heading', { name: 'Chase: overdue' })).toBeVisible();
  await dialog.getByRole('button', { name: /^Chase Simon Thorne/ }).click();
  const email = dialog.getByRole('link', { name: /^Email Simon Thorne/ });
  await expect(email).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText(`To simon.thorne@kent.gov.uk: “Action ${ref}: overdue since 13 March 2020”`);
  const href = new URL((await email.getAttribute('href'))!);
  expect(href.protocol).toBe('mailto:');
  expect(href.pathname).toBe('simon.thorne@kent.gov.uk');
  expect(href.searchParams.get('subject')).toBe(`Action ${ref}: overdue since 13 March 2020`);
  expect(href.searchParams.get('body')).toContain('Send the knife crime data sharing agreement to the councils');
  expect(href.searchParams.get('body')).toContain('It was due on 13 March 2020 and is still open.');
  await screenshot(page, 'action-edits-01-chase');

  // A new wording and a revised due date, first without the reason: refused against its field, nothing saved.
  await dialog.getByLabel('Action', { exact: true }).fill('Send the signed knife crime data sharing agreement to the councils');
  await dialog.getByLabel('Due on').fill('2020-04-30');
  const reason = dialog.getByLabel('Reason for the new due date');
  await expect(reason).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(reason).toHaveAccessibleDescription(/Reason for the new due date is required: the action was due 13 March 2020/);
  await expect(reason).toBeFocused();
  await screenshot(page, 'action-edits-02-reason-refused');
  expect(await apiCall(page, workspace, 'action.get', { id: late.id })).toMatchObject({ dueOn: '2020-03-13', description: 'Send the knife crime data sharing agreement to the councils', dueRevisions: [] });

  await reason.fill('The councils’ legal teams asked for changes to the agreement');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The log: the revised date, the original and the reason.
  const revised = page.getByRole('row', { name: new RegExp(`^${ref} `) });
  await expect(revised).toContainText('Send the signed knife crime data sharing agreement to the councils');
  await expect(revised).toContainText('30/04/2020');
  await expect(revised).toContainText('originally 13/03/2020');
  await expect(revised).toContainText('Due date revised: The councils’ legal teams asked for changes to the agreement');
  await expect(revised).not.toContainText('Overdue');
  await screenshot(page, 'action-edits-03-log');

  // The history in the dialog; no Chase now (due at the end of April).
  await revised.getByRole('button', { name: `Update ${ref}` }).click();
  const again = page.getByRole('dialog', { name: `Update ${ref}` });
  const history = again.getByRole('region', { name: 'Due date history' });
  await expect(history).toContainText('First agreed: 13/03/2020');
  await expect(history).toContainText('13/03/2020 → 30/04/2020, revised 16/03/2020: The councils’ legal teams asked for changes to the agreement');
  await expect(again.getByRole('button', { name: /^Chase/ })).toHaveCount(0);
  await screenshot(page, 'action-edits-04-history');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();

  // The exported action log, Word then Excel, read back.
  const exportLog = page.getByRole('region', { name: 'Export the action log' });
  const word = await download(page, exportLog.getByRole('button', { name: 'Export action log' }), workspace.dir);
  expect(word.name).toBe('Action log.docx');
  const xml = await (await JSZip.loadAsync(readFileSync(word.path))).file('word/document.xml')!.async('string');
  const rowXml = xml.split('</w:tr>').find((r) => r.includes(`>${ref}<`))!;
  const rowText = rowXml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
  expect(rowText).toContain('30/04/2020 (originally 13/03/2020)');
  expect(rowText).toContain('Due date revised: 13/03/2020 → 30/04/2020 (revised 16/03/2020: The councils’ legal teams asked for changes to the agreement).');

  await exportLog.getByRole('radio', { name: 'Excel (.xlsx)' }).check();
  const excel = await download(page, exportLog.getByRole('button', { name: 'Export action log' }), workspace.dir);
  expect(excel.name).toBe('Action log.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(excel.path);
  const sheet = book.worksheets[0]!;
  const headers = sheet.getRow(2).values as unknown[];
  let found = false;
  sheet.eachRow((r) => {
    if (r.getCell(1).value !== ref) return;
    found = true;
    expect((r.getCell(headers.indexOf('Due')).value as Date).toISOString().slice(0, 10)).toBe('2020-04-30');
    expect((r.getCell(headers.indexOf('Originally due')).value as Date).toISOString().slice(0, 10)).toBe('2020-03-13');
    expect(r.getCell(headers.indexOf('Due date revisions')).value).toBe('13/03/2020 → 30/04/2020 (revised 16/03/2020: The councils’ legal teams asked for changes to the agreement)');
  });
  expect(found).toBe(true);
});

test('Chase on an action an organisation owns with no contact email says there is none', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const board = (await apiCall(page, workspace, 'board.list', {})).find((b) => b.code === 'SB')!;
  const org = (await apiCall(page, workspace, 'organisation.list', { search: 'Medway Council' }))[0]!;
  const action = await apiCall(page, workspace, 'action.create', { boardId: board.id, description: 'Nominate a lead for the schools programme', ownerOrganisationId: org.id, dueOn: '2020-03-20' });
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Actions' }).click();
  await page.getByRole('row', { name: new RegExp(`^A${action.id} `) }).getByRole('button', { name: `Update A${action.id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Update A${action.id}` });
  await expect(dialog.getByRole('heading', { name: 'Chase: due this week' })).toBeVisible();
  await dialog.getByRole('button', { name: `Chase ${org.name}` }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${org.name} has no email address recorded: add one in Organisations & People, or chase them another way.`);
  await expect(dialog.getByRole('link', { name: /^Email/ })).toHaveCount(0);
  // The owner can be changed to a person from the same choice.
  await dialog.getByLabel('Owner').selectOption({ label: 'Simon Thorne (Kent County Council)' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(`^A${action.id} `) })).toContainText('Simon Thorne');
});
