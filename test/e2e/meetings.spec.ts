import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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


async function documentXml(path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
}
const textOf = (xml: string) => xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
const headings = (xml: string, level: number) =>
  xml
    .split('</w:p>')
    .filter((p) => p.includes(`<w:pStyle w:val="Heading${level}"/>`))
    .map((p) => textOf(p).trim());
/** Rows (cell texts) of the first table after a heading. */
function tableAfter(xml: string, heading: string): string[][] {
  const at = xml.indexOf(`>${heading}</w:t>`);
  const table = xml.slice(xml.indexOf('<w:tbl>', at), xml.indexOf('</w:tbl>', at));
  return table
    .split('</w:tr>')
    .slice(0, -1)
    .map((r) => r.split('</w:tc>').slice(0, -1).map((c) => textOf(c).trim()));
}

test('the secretariat runs a Strategic Board meeting from agenda to minutes in Word', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Thursday 19 March 2020' })).toBeVisible();
  await screenshot(page, 'meetings-01-list');

  // Schedule a meeting of the demo Strategic Board; the papers deadline shows as the date is chosen.
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a meeting' });
  await dialog.getByLabel('Board').selectOption({ label: 'Kent & Medway VRU Strategic Board' });
  await dialog.getByLabel('Date').fill('2020-06-16');
  await dialog.getByLabel('Starts at').fill('14:00');
  await dialog.getByLabel('Ends at').fill('16:00');
  await dialog.getByLabel('Place (optional)').fill('Sessions House, Maidstone');
  await expect(dialog.getByText('Papers due Tuesday 9 June 2020 (5 working days before')).toBeVisible();
  await screenshot(page, 'meetings-02-schedule');
  await dialog.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kent & Medway VRU Strategic Board: Tuesday 16 June 2020' })).toBeVisible();

  // The agenda starts with the five standing items; add a sixth.
  const items = page.locator('.agenda-item');
  await expect(items).toHaveCount(5);
  await page.getByLabel('Item title').fill('Violence Reduction Fund: monitoring of the nine projects');
  await page.getByLabel('Purpose').first().selectOption({ label: 'For decision' });
  await page.getByLabel('Lead', { exact: true }).first().selectOption({ label: 'Ben Loose (Kent Police)' });
  await page.getByLabel('Minutes', { exact: true }).first().fill('30');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(items).toHaveCount(6);
  await expect(items.nth(3)).toContainText('Violence Reduction Fund: monitoring of the nine projects');
  await expect(items.nth(4)).toContainText('Any other business');
  await expect(items.nth(5)).toContainText('Date of next meeting');
  await expect(items.nth(5)).toContainText('15:00–15:05');

  // Drag "Date of next meeting" above "Any other business": numbers and times follow.
  await page.getByTestId('agenda-item-6').dragTo(page.getByTestId('agenda-item-5'));
  await expect(items.nth(4)).toContainText('Date of next meeting');
  await expect(items.nth(4)).toContainText('14:50–14:55');
  await expect(items.nth(5)).toContainText('Any other business');
  await expect(items.nth(5)).toContainText('14:55–15:05');
  await expect(page.getByRole('status').filter({ hasText: '“Date of next meeting” is now item 5 of 6' })).toBeAttached();
  await screenshot(page, 'meetings-03-agenda-after-drag');

  // The keyboard does the same: Alt+Down moves it back, Alt+Up up again.
  await page.getByTestId('agenda-item-5').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(items.nth(5)).toContainText('Date of next meeting');
  await expect(page.getByTestId('agenda-item-6')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(items.nth(4)).toContainText('Date of next meeting');

  // Attendance: four members and the police member's apologies — not quorate …
  const attendance = (name: string) => page.getByLabel(`Attendance of ${name}`);
  await attendance('Matthew Scott').selectOption('present');
  await attendance('Rachel Ashdown').selectOption('apologies');
  await attendance('Simon Thorne').selectOption('present');
  await attendance('Gareth Lewis').selectOption('present');
  await attendance('Helen Barker').selectOption('present');
  const quorum = page.getByRole('status', { name: 'Quorum', exact: true });
  await expect(quorum).toContainText('Not quorate');
  await expect(quorum).toContainText('4 members present or represented (quorum 5); 1 member short; Kent Police not represented.');
  // … until her named substitute is recorded: he counts for her, and for Kent Police.
  await page.getByLabel('Who attended').selectOption({ label: 'Paul Greaves (Kent Police)' });
  await page.getByLabel('Substitute for').selectOption({ label: 'Rachel Ashdown' });
  await page.getByRole('button', { name: 'Record attendance' }).click();
  await expect(quorum).toContainText('Quorum met');
  await expect(quorum).toContainText('Quorate: 5 members present or represented (quorum 5), including');
  await expect(page.getByText('Represented by Paul Greaves')).toBeVisible();
  await screenshot(page, 'meetings-04-attendance-quorate');

  // Minutes of two items, with one action each.
  await page.getByLabel('Discussion for item 3').fill('The minutes of the meeting held on 23 January 2020 were agreed.\n\nMatters arising: the action log was reviewed.');
  // Minutes save themselves a moment after the typing stops.
  await expect(page.getByText('Minutes of item 3 saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Add an action to item 3' }).click();
  let form = page.getByRole('form', { name: 'New action for item 3' });
  await form.getByLabel('Action', { exact: true }).fill('Circulate the approved January minutes to partners');
  await form.getByLabel('Owner (person)').selectOption({ label: 'Lucy Hammond (Office of the Kent Police and Crime Commissioner)' });
  await form.getByLabel('Due on').fill('2020-06-23');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText(/Action A\d+: Circulate the approved January minutes to partners — Lucy Hammond/)).toBeVisible();

  await page.getByLabel('Discussion for item 4').fill('Ben Loose reported on the monitoring returns of the nine funded projects.');
  // Minutes save themselves a moment after the typing stops.
  await expect(page.getByText('Minutes of item 4 saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Add an action to item 4' }).click();
  form = page.getByRole('form', { name: 'New action for item 4' });
  await form.getByLabel('Action', { exact: true }).fill('Write to projects whose monitoring is late');
  // No owner: the workspace refuses, naming the field.
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(form.getByText('Owner is required: choose the person or the organisation who will carry out the action.')).toBeVisible();
  await form.getByLabel('Owner (person)').selectOption({ label: 'Ben Loose (Kent Police)' });
  await form.getByLabel('Due on').fill('2020-07-31');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText(/Action A\d+: Write to projects whose monitoring is late — Ben Loose/)).toBeVisible();
  await screenshot(page, 'meetings-05-minutes');

  // Export the agenda and the minutes to Word: the browser downloads each (the desktop app shows a Save dialog).
  const documents = page.getByRole('region', { name: 'Documents' });
  const fileName = documents.locator('.export-file-name');
  const saved = documents.getByRole('status');
  await expect(documents.getByRole('radio', { name: 'Agenda (.docx)' })).toBeChecked();
  await expect(fileName).toHaveText('Agenda — Kent & Medway VRU Strategic Board 16-06-2020.docx');
  await expect(documents.getByLabel('Save as')).toHaveCount(0); // the page never chooses a path
  await screenshot(page, 'meetings-06a-before-export');
  const agendaFile = await download(page, documents.getByRole('button', { name: 'Export agenda' }), workspace.dir);
  expect(agendaFile.name).toBe('Agenda — Kent & Medway VRU Strategic Board 16-06-2020.docx');
  await expect(saved).toHaveText(/^Downloaded Agenda — Kent & Medway VRU Strategic Board 16-06-2020\.docx \(\d+ KB\)\. 6 agenda items\.$/);
  // Open and Show in folder are the desktop's: a browser has no such buttons.
  await expect(documents.getByRole('button', { name: /^Open / })).toHaveCount(0);
  // Switching to the minutes changes the file's name, so the minutes never overwrite the agenda.
  await documents.getByRole('radio', { name: 'Minutes (.docx)' }).check();
  await expect(fileName).toHaveText('Minutes — Kent & Medway VRU Strategic Board 16-06-2020.docx');
  const minutesFile = await download(page, documents.getByRole('button', { name: 'Export minutes' }), workspace.dir);
  expect(minutesFile.name).toBe('Minutes — Kent & Medway VRU Strategic Board 16-06-2020.docx');
  await expect(saved).toHaveText(/^Downloaded Minutes — Kent & Medway VRU Strategic Board 16-06-2020\.docx \(\d+ KB\)\. 6 agenda items\.$/);
  await screenshot(page, 'meetings-06-exported');
  const agendaPath = agendaFile.path;
  const minutesPath = minutesFile.path;

  // The files, read back.
  const agenda = await documentXml(agendaPath);
  expect(headings(agenda, 1)).toEqual(['Agenda']);
  const agendaRows = tableAfter(agenda, 'Items');
  expect(agendaRows[0]).toEqual(['No.', 'Time', 'Item', 'Purpose', 'Lead']);
  expect(agendaRows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
    ['1', '14:00', 'Welcome, introductions and apologies'],
    ['2', '14:05', 'Declarations of interest'],
    ['3', '14:10', 'Minutes of the last meeting and matters arising (including the action log)'],
    ['4', '14:20', 'Violence Reduction Fund: monitoring of the nine projects'],
    ['5', '14:50', 'Date of next meeting'],
    ['6', '14:55', 'Any other business'],
  ]);
  expect(agendaRows[4]![4]).toBe('Ben Loose');

  const minutes = await documentXml(minutesPath);
  const text = textOf(minutes);
  expect(headings(minutes, 1)).toEqual(['Draft minutes', 'Items', 'Actions agreed']);
  expect(headings(minutes, 2)).toContain('4. Violence Reduction Fund: monitoring of the nine projects');
  expect(text).toContain('Quorate: 5 members present or represented (quorum 5)');
  expect(text).toContain('Ben Loose reported on the monitoring returns of the nine funded projects.');
  const present = tableAfter(minutes, 'Present');
  expect(present.map((r) => r[0])).toContain('Paul Greaves');
  expect(present.find((r) => r[0] === 'Paul Greaves')![2]).toBe('Substitute for Rachel Ashdown');
  const actions = tableAfter(minutes, 'Actions agreed');
  expect(actions.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual([
    ['3', 'Circulate the approved January minutes to partners', '23/06/2020'],
    ['4', 'Write to projects whose monitoring is late', '31/07/2020'],
  ]);

  // And through LibreOffice to PDF without error.
  if (existsSync('/usr/bin/soffice')) {
    const pdfDir = join(workspace.dir, 'pdf');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(workspace.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, agendaPath, minutesPath], { stdio: 'pipe', timeout: 90_000 });
    for (const name of ['Agenda — Kent & Medway VRU Strategic Board 16-06-2020.pdf', 'Minutes — Kent & Medway VRU Strategic Board 16-06-2020.pdf']) expect(readFileSync(join(pdfDir, name)).subarray(0, 5).toString()).toBe('%PDF-');
  } else {
    console.log('LibreOffice (/usr/bin/soffice) is not installed: the PDF render is skipped.');
  }
});

test('the action log shows overdue actions, filters them, and takes a dated update', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const board = (await apiCall(page, workspace, 'board.list', {})).find((b) => b.code === 'SB')!;
  const kcc = (await apiCall(page, workspace, 'person.list', { search: 'Simon Thorne' }))[0]!;
  const late = await apiCall(page, workspace, 'action.create', {
    boardId: board.id,
    description: 'Send the knife crime data sharing agreement to the councils',
    ownerPersonId: kcc.id,
    dueOn: '2020-03-06',
  });
  const ref = `A${late.id}`;

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This week (16 March 2020 to 22 March 2020)' })).toBeVisible();
  await expect(page.getByText(/actions? fall due this week; 1 is overdue\./)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${ref} `) });
  await expect(row).toHaveClass(/overdue/);
  await expect(row).toContainText('Overdue');
  await screenshot(page, 'actions-01-log');

  await page.getByLabel('Overdue only').check();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Overdue only').uncheck();
  await page.getByLabel('Owner').selectOption({ label: 'Simon Thorne' });
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Owner').selectOption({ label: 'Anyone' });
  await page.locator('.toolbar').getByLabel('Status').selectOption({ label: 'Done' });
  for (const cell of await page.locator('tbody tr td:nth-child(5)').allTextContents()) expect(cell).toMatch(/^Done/);
  await page.locator('.toolbar').getByLabel('Status').selectOption({ label: 'Any status' });

  // A dated progress update; the action is in progress now, and still overdue.
  await row.getByRole('button', { name: `Update ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Update ${ref}` });
  await dialog.getByLabel('Progress update (optional)').fill('Agreement drafted; with the council lawyers');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Update 16/03/2020: Agreement drafted; with the council lawyers');
  await expect(row).toContainText('In progress');
  await expect(row).toContainText('Overdue');
  await screenshot(page, 'actions-02-updated');

  // Export what the filter shows (overdue only) to Excel, beside the workspace.
  await page.getByLabel('Overdue only').check();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  const exportLog = page.getByRole('region', { name: 'Export the action log' });
  await expect(exportLog.locator('.export-file-name')).toHaveText('Action log.docx');
  await exportLog.getByRole('radio', { name: 'Excel (.xlsx)' }).check();
  await expect(exportLog.locator('.export-file-name')).toHaveText('Action log.xlsx');
  const log = await download(page, exportLog.getByRole('button', { name: 'Export action log' }), workspace.dir);
  expect(log.name).toBe('Action log.xlsx');
  await expect(exportLog.getByRole('status')).toHaveText(/^Downloaded Action log\.xlsx \(\d+ KB\)\. 1 action\.$/);
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.readFile(log.path);
  expect(sheet.worksheets[0]!.getColumn(1).values).toContain(ref);
  await screenshot(page, 'actions-03-exported');
});

test('boards: quorum rule, member history, an overlapping membership refused, forward plan and attendance', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.goto(`${workspace.bridge.url}#/meetings/boards`);
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  const board = page.getByRole('row', { name: /Kent & Medway VRU Strategic Board/ });
  await expect(board).toContainText('5 members, including Kent Police and Office of the Kent Police and Crime Commissioner');
  await expect(board).toContainText('5 working days before');
  await expect(page.getByRole('heading', { name: 'Members of Kent & Medway VRU Strategic Board' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Members of Kent & Medway VRU Strategic Board, past and present' });
  await expect(members.getByRole('row', { name: /Rachel Ashdown/ })).toContainText('Paul Greaves');

  // Matthew Scott already sits on the board with no end date: a second membership is refused by its start date.
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a member to Kent & Medway VRU Strategic Board' });
  await dialog.getByLabel('Person').selectOption({ label: 'Matthew Scott (Office of the Kent Police and Crime Commissioner)' });
  await dialog.getByLabel('Starts on').fill('2020-04-01');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  const startsOn = dialog.getByLabel('Starts on');
  await expect(startsOn).toHaveAttribute('aria-invalid', 'true');
  await expect(startsOn).toHaveAccessibleDescription(/Matthew Scott is already a member of Kent & Medway VRU Strategic Board from 1 October 2019 with no end date/);
  await screenshot(page, 'meetings-07-membership-overlap');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The forward plan, and attendance in 2019/20 (the January meeting).
  await expect(page.getByRole('row', { name: /Communications and media strategy/ })).toContainText('18 June 2020');
  const stats = page.getByRole('table', { name: 'By member' });
  await expect(stats.getByRole('row', { name: /Matthew Scott/ })).toContainText('100%');
  await expect(stats.getByRole('row', { name: /Rachel Ashdown/ })).toContainText('100%'); // represented by her substitute
  await screenshot(page, 'meetings-08-boards');
});

test('minutes save themselves, and leaving a screen with unsaved input asks first', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  // The page's timers run when the test says: what is "unsaved" does not depend on the machine's speed.
  await page.clock.install();
  const [meeting] = (await apiCall(page, workspace, 'meeting.list', { boardId: null, from: '2020-03-19', to: '2020-03-19', status: null })).rows;
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: 'Thursday 19 March 2020' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kent & Medway VRU Strategic Board: Thursday 19 March 2020' })).toBeVisible();
  // An installed clock still flows; from here it stands still until runFor.
  await page.clock.pauseAt(Date.now() + 10_000);
  const discussion = async (number: number) => (await apiCall(page, workspace, 'meeting.get', { id: meeting!.id })).agenda.find((i) => i.number === number)!.discussion;

  // Typed and left alone: saved a moment later, without a click, and it says so.
  const box3 = page.getByLabel('Discussion for item 3');
  await box3.fill('The minutes of the meeting held on 23 January 2020 were agreed as a correct record.');
  await expect(page.getByText('Not saved yet: saving in a moment.')).toBeVisible();
  await page.clock.runFor(1600);
  await expect(page.getByText('Minutes of item 3 saved.')).toBeVisible();
  expect(await discussion(3)).toBe('The minutes of the meeting held on 23 January 2020 were agreed as a correct record.');

  // Typed, and straight to another screen: asked; staying keeps the text.
  await page.getByLabel('Discussion for item 4').fill('Ben Loose reported on the monitoring returns.');
  await nav.getByRole('link', { name: 'Actions' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toContainText('You have not saved the minutes of item 4.');
  await screenshot(page, 'meetings-leave-unsaved');
  await leave.getByRole('button', { name: 'Stay on this screen' }).click();
  await expect(leave).toBeHidden();
  await expect(page.getByLabel('Discussion for item 4')).toHaveValue('Ben Loose reported on the monitoring returns.');
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);

  // The back button asks too, and puts the address back while it asks.
  await page.goBack();
  await expect(leave).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);
  await leave.getByRole('button', { name: 'Stay on this screen' }).click();

  // Leaving without saving: on the next screen, and nothing of item 4 was written.
  await nav.getByRole('link', { name: 'Actions' }).click();
  await leave.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  expect(await discussion(4)).not.toContain('Ben Loose reported on the monitoring returns.');

  // A form started and left is asked about too (every form: useApiForm); cancelled, it is not.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Kent & Medway VRU Strategic Board: Thursday 19 March 2020' })).toBeVisible();
  await page.getByRole('button', { name: 'Add an action to item 3' }).click();
  const form = page.getByRole('form', { name: 'New action for item 3' });
  await form.getByLabel('Action', { exact: true }).fill('Circulate the approved minutes');
  await nav.getByRole('link', { name: 'Papers' }).click();
  await expect(leave).toContainText('You have not saved the new action for item 3.');
  await leave.getByRole('button', { name: 'Stay on this screen' }).click();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await nav.getByRole('link', { name: 'Papers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
  await expect(leave).toBeHidden();

  // Closing the window with unsaved minutes: the browser asks (the desktop window's own question is tested in electron-boot).
  await page.goto(`${workspace.bridge.url}#/meetings/${meeting!.id}`);
  await page.getByLabel('Discussion for item 5').fill('Noted.');
  const asked = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
});
