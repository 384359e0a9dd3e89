import type { Page } from '@playwright/test';
import { apiCall, expect, otherPerson, screenshot, test, type TestWorkspace } from './fixtures';

/**
 * The last gaps of issue 14 on screen, on both engines: the open paper follows a co-author
 * section by section without touching the section being typed in; a board's members panel
 * follows others' changes; the attendance register and the decision form refuse a save over
 * someone else's change, naming them, and the decision form then saves on their version.
 */
const ALICE_NOW = new Date('2020-03-16T10:42:00');
const text = (t: string) => [{ type: 'paragraph' as const, text: t }];

/** Holds the page's look for others' changes, so a save can be made on what the screen showed before. */
async function holdChanges(page: Page): Promise<() => Promise<void>> {
  const pattern = '**/api/workspace.changes';
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // The poller waits for its answer (and asks nothing more) until released.
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  // Released, the route lets every look through (unrouting under a held request would race it).
  return async () => release();
}

async function plannedMeeting(page: Page, workspace: TestWorkspace) {
  const [board] = await apiCall(page, workspace, 'board.list', {});
  const [meeting] = (await apiCall(page, workspace, 'meeting.list', { boardId: board!.id, from: null, to: null, status: 'planned' })).rows;
  return { board: board!, meeting: meeting! };
}

test("a co-author's section appears in the open paper; the section being typed in keeps the typing and its save is refused naming her", async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const created = await apiCall(page, workspace, 'paper.create', { templateKey: 'board-paper', reference: 'SB/2020/09', title: 'Two authors' });
  await page.goto(`${workspace.bridge.url}#/papers/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'SB/2020/09 Two authors' })).toBeVisible();
  const intro = page.getByRole('textbox', { name: 'Introduction text' });
  const background = page.getByRole('textbox', { name: 'Essential Background text' });
  await intro.click();
  await page.keyboard.type('Bob writes the introduction.');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    const paper = await apiCall(page, workspace, 'paper.get', { id: created.id });
    const sectionOf = (key: string) => paper.sections.find((s) => s.key === key)!;
    await alice.call('paper.updateSection', { paperId: created.id, key: 'essential-background', body: text('Alice writes the background.'), version: sectionOf('essential-background').version });
    // Within a few seconds her section is on Bob's screen; his, with the caret in it, is as he left it.
    await expect(background).toContainText('Alice writes the background.', { timeout: 8000 });
    await expect(intro).toContainText('Bob writes the introduction.');
    await expect(intro).toBeFocused();

    // Now she changes the introduction too, while Bob is still in it: his next words are refused, naming her, and kept.
    const now = (await apiCall(page, workspace, 'paper.get', { id: created.id })).sections.find((s) => s.key === 'introduction')!;
    await alice.call('paper.updateSection', { paperId: created.id, key: 'introduction', body: text('Alice rewrites the introduction.'), version: now.version });
    await page.keyboard.type(' And more.');
    await expect(page.getByTestId('save-state')).toContainText('Not saved: Changed by alice at 10:42 on 16/03/2020 since you opened it', { timeout: 8000 });
    await expect(intro).toContainText('Bob writes the introduction. And more.');
    await screenshot(page, 'changes-panels-01-paper-section-refused');
    const after = await apiCall(page, workspace, 'paper.get', { id: created.id });
    expect(JSON.stringify(after.sections.find((s) => s.key === 'introduction')!.body)).toContain('Alice rewrites the introduction.');
  } finally {
    await alice.close();
  }
});

test("a board's members panel follows others' changes, and an attendance mark over someone else's is refused naming them", async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const { board, meeting } = await plannedMeeting(page, workspace);
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    await page.goto(`${workspace.bridge.url}#/meetings/boards`);
    const members = page.getByRole('table', { name: `Members of ${board.name}, past and present` });
    await expect(members.getByRole('row', { name: /Rachel Ashdown/ })).toBeVisible();
    const seated = new Set((await apiCall(page, workspace, 'membership.list', { boardId: board.id, on: null })).map((m) => m.personId));
    const newcomer = (await apiCall(page, workspace, 'person.list', {})).find((p) => !seated.has(p.id))!;
    await alice.call('membership.create', { boardId: board.id, personId: newcomer.id, role: 'adviser', startsOn: '2020-04-01', endsOn: null });
    await expect(members.getByRole('row', { name: new RegExp(`${newcomer.givenName} ${newcomer.familyName}`) })).toBeVisible({ timeout: 8000 });

    await page.goto(`${workspace.bridge.url}#/meetings/${meeting.id}`);
    const detail = await apiCall(page, workspace, 'meeting.get', { id: meeting.id });
    const member = detail.members.find((m) => !detail.attendance.some((a) => a.personId === m.personId))!;
    const cell = page.getByLabel(`Attendance of ${member.name}`);
    await expect(cell).toHaveValue('');
    // Bob's screen still shows "not recorded" when Alice records apologies.
    const release = await holdChanges(page);
    await alice.call('attendance.set', { meetingId: meeting.id, personId: member.personId, status: 'apologies', substituteForPersonId: null, was: null });
    await cell.selectOption('present');
    const alert = page.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it.');
    await expect(alert.getByRole('row', { name: `Attendance of ${member.name}` })).toContainText('Apologies');
    await expect(alert.getByRole('row', { name: `Attendance of ${member.name}` })).toContainText('Present');
    // The register shows her mark; nothing of his was saved.
    await expect(cell).toHaveValue('apologies');
    await screenshot(page, 'changes-panels-02-attendance-refused');
    expect((await apiCall(page, workspace, 'meeting.get', { id: meeting.id })).attendance.find((a) => a.personId === member.personId)!.status).toBe('apologies');
    // Choosing again, on what she saved, goes in.
    await cell.selectOption('present');
    await expect(alert).toBeHidden();
    await expect.poll(async () => (await apiCall(page, workspace, 'meeting.get', { id: meeting.id })).attendance.find((a) => a.personId === member.personId)!.status).toBe('present');
    await release();
  } finally {
    await alice.close();
  }
});

test('the decision form refused over a colleague’s change shows theirs beside yours, then saves on their version', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const [decision] = (await apiCall(page, workspace, 'decision.list', { from: null, to: null })).rows;
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('button', { name: decision!.reference, exact: true }).first().click();
    await page.getByRole('button', { name: 'Change details' }).click();
    const form = page.getByRole('dialog', { name: `Change ${decision!.reference}` });
    await form.getByLabel('Title').fill('Retitled by Bob');
    await alice.call('decision.update', { id: decision!.id, version: decision!.version, title: 'Retitled by Alice' });
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it.');
    await expect(alert.getByRole('row', { name: /Title/ })).toContainText('Retitled by Alice');
    await expect(form.getByLabel('Title')).toHaveValue('Retitled by Bob');
    // Saving again is "mine over theirs", knowingly: it goes in on her version.
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    const saved = (await apiCall(page, workspace, 'decision.list', { from: null, to: null })).rows.find((d) => d.id === decision!.id)!;
    expect(saved).toMatchObject({ title: 'Retitled by Bob', version: decision!.version + 2 });
  } finally {
    await alice.close();
  }
});

test('a spend import is refused when a colleague saves a figure it would change after its preview, and an allocation over theirs too', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const stream = (await apiCall(page, workspace, 'fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
  const staff = (await apiCall(page, workspace, 'budgetLine.list', { streamId: stream.id, financialYear: '2019/20' })).find((l) => l.heading === 'Staff')!;
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' }).click();
    await page.getByRole('button', { name: stream.name }).click();
    await page.getByRole('tab', { name: 'Spend' }).click();
    await page.getByLabel('File (.xlsx or .csv)').setInputFiles({ name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,Heading,Amount\r\n04/10/2019,Staff,"12,500.00"\r\n') });
    await page.getByLabel('Cost centre, heading or project').selectOption('Heading');
    await page.getByRole('button', { name: 'Preview' }).click();
    const importButton = page.getByRole('button', { name: 'Import 1 figures' });
    await expect(importButton).toBeVisible();
    // Alice saves October's Staff figure in her grid after Bob's preview.
    await alice.call('spend.setCells', { streamId: stream.id, financialYear: '2019/20', cells: [{ target: `line:${staff.id}`, month: '2019-10', kind: 'actual', amount: '£9,000', wasPence: null }] });
    await importButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'since your preview' });
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since your preview');
    await expect(alert.getByRole('row', { name: /Staff \(revenue, 2019\/20\), 2019-10 actual/ })).toContainText('£9,000');
    await expect(alert.getByRole('row', { name: /Staff \(revenue, 2019\/20\), 2019-10 actual/ })).toContainText('£12,500');
    await expect(importButton).toBeHidden();
    await screenshot(page, 'changes-panels-03-import-refused');
    const grid = await apiCall(page, workspace, 'spend.grid', { streamId: stream.id, financialYear: '2019/20' });
    expect(grid.rows.find((r) => r.key === `line:${staff.id}`)!.actual[grid.months.indexOf('2019-10')]).toBe(900_000);

    // The allocation: Bob begins typing on the figure shown; Alice sets it first; his save is refused naming her.
    await page.getByRole('tab', { name: 'Budget and virement' }).click();
    const release = await holdChanges(page);
    await page.getByLabel('New allocation for 2019/20').fill('£1.2m');
    await alice.call('fundingStream.setAllocation', { streamId: stream.id, financialYear: '2019/20', amount: '£1,100,000' });
    await page.getByRole('button', { name: 'Set allocation' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await expect(refused).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it.');
    await expect(refused.getByRole('row', { name: /Allocation for 2019\/20/ })).toContainText('£1,100,000');
    await release();
    expect((await apiCall(page, workspace, 'fundingStream.get', { id: stream.id })).allocations.find((a) => a.financialYear === '2019/20')!.amountPence).toBe(110_000_000);
    // Saving again goes on hers, knowingly.
    await page.getByRole('button', { name: 'Set allocation' }).click();
    await expect(page.getByText('The 2019/20 allocation is now recorded.')).toBeVisible();
    expect((await apiCall(page, workspace, 'fundingStream.get', { id: stream.id })).allocations.find((a) => a.financialYear === '2019/20')!.amountPence).toBe(120_000_000);
  } finally {
    await alice.close();
  }
});

test('moving an agenda item on an agenda someone else has just reordered is refused naming them, and shows their order', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const { meeting } = await plannedMeeting(page, workspace);
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    await page.goto(`${workspace.bridge.url}#/meetings/${meeting.id}`);
    const agenda = (await apiCall(page, workspace, 'meeting.get', { id: meeting.id })).agenda;
    await expect(page.getByTestId('agenda-item-1')).toContainText(agenda[0]!.title);
    const release = await holdChanges(page);
    // Alice swaps the last two items; Bob, on the agenda as he opened it, moves the first one down.
    const ids = agenda.map((i) => i.id);
    const hers = [...ids.slice(0, -2), ids[ids.length - 1]!, ids[ids.length - 2]!];
    await alice.call('agenda.reorder', { meetingId: meeting.id, itemIds: hers, versions: agenda.map((i) => ({ id: i.id, version: i.version })) });
    await page.getByRole('button', { name: 'Move down item 1' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it.');
    await expect(alert.getByRole('row', { name: /Position on the agenda/ })).toBeVisible();
    // His screen now shows her order; nothing of his was saved.
    await expect(page.getByTestId(`agenda-item-${ids.length}`)).toContainText(agenda[ids.length - 2]!.title);
    expect((await apiCall(page, workspace, 'meeting.get', { id: meeting.id })).agenda.map((i) => i.id)).toEqual(hers);
    await release();
    // Moving again, on her order, goes in.
    await page.getByRole('button', { name: 'Move down item 1' }).click();
    await expect(page.getByTestId('agenda-item-2')).toContainText(agenda[0]!.title);
    await expect(alert).toBeHidden();
  } finally {
    await alice.close();
  }
});

test('a save of Settings sends only what was changed from what the form read: a setting a colleague changed since, left as it was, stays hers', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  // The demo's settings on screen from the start (loaded behind the page's back, so read again).
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  const name = page.getByLabel('Your name');
  await expect(name).toBeVisible();
  const marking = page.getByLabel('Default protective marking');
  await expect(marking).toHaveValue('OFFICIAL');
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    // Alice renames the organisation and raises the marking while Bob has the page open; the header shows her name once the page has heard.
    const info = await apiCall(page, workspace, 'workspace.info', {});
    await alice.call('workspace.setSetting', { key: 'organisationName', value: 'Kent and Medway VRU', was: info.settings.organisationName ?? null });
    await alice.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE', was: info.settings.defaultProtectiveMarking ?? null });
    await expect(page.locator('.header-workspace')).toContainText('Kent and Medway VRU', { timeout: 8000 });
    // Bob gives his own name only: his boxes for the organisation and the marking are as he read them, so they are not sent.
    await name.fill('Bob Jones');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved.');
    const saved = (await apiCall(page, workspace, 'workspace.info', {})).settings;
    expect(saved).toMatchObject({ organisationName: 'Kent and Medway VRU', defaultProtectiveMarking: 'OFFICIAL-SENSITIVE', userName: 'Bob Jones' });
  } finally {
    await alice.close();
  }
});

test('a setting a colleague changed since Settings was opened is refused naming her, theirs beside yours, then saves over hers knowingly', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  const name = page.getByLabel('Organisation name');
  await expect(name).toBeVisible();
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    // Settings are the whole team's: Alice renames the organisation while Bob has the page open.
    const read = (await apiCall(page, workspace, 'workspace.info', {})).settings.organisationName ?? null;
    await alice.call('workspace.setSetting', { key: 'organisationName', value: 'Kent and Medway VRU', was: read });
    await name.fill('Kent Violence Reduction Unit');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it.');
    await expect(alert.getByRole('row', { name: /Organisation name/ })).toContainText('Kent and Medway VRU');
    await expect(alert.getByRole('row', { name: /Organisation name/ })).toContainText('Kent Violence Reduction Unit');
    await expect(name).toHaveValue('Kent Violence Reduction Unit');
    expect((await apiCall(page, workspace, 'workspace.info', {})).settings.organisationName).toBe('Kent and Medway VRU');
    await screenshot(page, 'changes-panels-settings-refused');
    // Saving again goes in on what she saved.
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved.');
    expect((await apiCall(page, workspace, 'workspace.info', {})).settings.organisationName).toBe('Kent Violence Reduction Unit');
  } finally {
    await alice.close();
  }
});

test("an indicator's value a colleague recorded since the values grid was opened is refused naming her, theirs beside yours; saved again it goes in over hers knowingly", async ({ app: page, workspace }) => {
  await page.clock.setFixedTime(new Date('2020-03-16T10:02:00'));
  const theme = await apiCall(page, workspace, 'frameworkTheme.create', { name: 'Local priorities', kind: 'local' });
  const indicator = await apiCall(page, workspace, 'indicator.create', {
    themeId: theme.id, code: 'LOC-7', name: 'Knife crime with injury, victim under 25', unit: 'count', polarity: 'lower_is_better', frequency: 'monthly',
  });
  const first = await apiCall(page, workspace, 'indicatorValue.record', { indicatorId: indicator.id, period: '2019-04', value: 30, wasValueId: null });
  await page.goto(`${workspace.bridge.url}#/performance`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'LOC-7 Knife crime with injury, victim under 25' }).click();
  const april = page.getByLabel('Value for April 2019');
  await expect(april).toHaveValue('30');
  // Bob corrects April to 35; before he saves, Alice records 33 for it.
  await april.fill('35');
  const alice = await otherPerson(workspace, 'alice', ALICE_NOW);
  try {
    await alice.call('indicatorValue.record', { indicatorId: indicator.id, period: '2019-04', value: 33, wasValueId: first.value.id });
    await page.getByRole('button', { name: /^Save 1 value/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await expect(alert).toContainText('Changed by alice at 10:42 on 16/03/2020 since you opened it: a value you changed was recorded by them first (LOC-7 April 2019). Nothing was saved');
    await expect(alert.getByRole('row', { name: /LOC-7 April 2019/ })).toContainText('33 (provisional)');
    await expect(alert.getByRole('row', { name: /LOC-7 April 2019/ })).toContainText('35 (provisional)');
    await expect(april).toHaveValue('35');
    expect((await apiCall(page, workspace, 'indicatorValue.list', { indicatorId: indicator.id })).map((v) => v.value)).toEqual([33]);
    await screenshot(page, 'changes-panels-indicator-value-refused');
    // Saving again goes in on what she recorded (hers kept as a revision).
    await page.getByRole('button', { name: /^Save 1 value/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: 0 new, 1 changed.' })).toBeVisible();
    const [now] = await apiCall(page, workspace, 'indicatorValue.list', { indicatorId: indicator.id });
    expect(now).toMatchObject({ value: 35, revisions: [{ value: 33 }, { value: 30 }] });
  } finally {
    await alice.close();
  }
});
