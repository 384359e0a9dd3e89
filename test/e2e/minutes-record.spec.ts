import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { apiCall, download, expect, screenshot, test } from './fixtures';

/**
 * Issue 15, clicking: minute an item with a decision and an action, number the minutes, see
 * the decision in the Decisions log with its minute, and under its item in the exported Word
 * minutes with its minute number (the download read back).
 */
const paragraphsOf = async (path: string) =>
  [...((await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string')).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g))].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'")).join(''),
  );

test('a resolution and an action minuted on the item, numbered, in the decisions log and under the item in the Word minutes', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  // The demo's March Strategic Board, whose previous meeting (January) has draft minutes.
  const march = (await apiCall(page, workspace, 'meeting.list', { boardId: null, from: null, to: null, status: null })).rows.find((m) => m.boardCode === 'SB' && m.startsAt.startsWith('2020-03-19'))!;
  const d = await apiCall(page, workspace, 'agenda.addItem', { meetingId: march.id, title: 'Knife crime education programme', purpose: 'decision', minutesAllotted: 20 });
  const n = d.agenda.find((i) => i.title === 'Knife crime education programme')!.number;
  // January's draft minutes are numbered SB 1/20 … (one an item): March's continue the series.
  const january = (await apiCall(page, workspace, 'meeting.get', { id: d.previousMeeting!.id })).agenda;
  expect(january.map((i) => i.minuteNumber)).toEqual(january.map((_, i) => `SB ${i + 1}/20`));
  const minute = `SB ${january.length + n}/20`;
  const nextMinute = `SB ${january.length + n + 1}/20`;
  const chair = d.members.find((m) => m.role === 'chair')!;
  for (const m of d.members.filter((x) => x.role !== 'secretariat').slice(0, 6)) await apiCall(page, workspace, 'attendance.set', { meetingId: d.meeting.id, personId: m.personId, status: 'present', substituteForPersonId: null, was: null });
  await page.goto(`${workspace.bridge.url}#/meetings/${march.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Thursday 19 March 2020/ })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as “Agenda issued”' }).click();
  await page.getByRole('button', { name: 'Mark as “Held”' }).click();

  // Minute item ${n}: the discussion, a decision recorded in one step, and an action.
  await page.getByLabel(`Discussion for item ${n}`).fill('The VRU Manager presented the proposal for knife crime education in schools.');
  await expect(page.getByText(`Minutes of item ${n} saved.`)).toBeVisible();
  await page.getByRole('button', { name: `Record a decision on item ${n}` }).click();
  const form = page.getByRole('form', { name: `New decision on item ${n}` });
  await expect(form.getByLabel('Title')).toHaveValue('Knife crime education programme');
  await form.getByLabel('RESOLVED that …').fill('The Board approves £35,000 for knife crime education in schools in 2020/21.');
  await form.getByLabel('Amount').fill('£35,000');
  await form.getByLabel('Funding stream').selectOption({ index: 1 });
  await form.getByLabel('Owner').selectOption({ label: 'Ben Loose' });
  await form.getByLabel('Implementation due').fill('2020-09-30');
  await screenshot(page, 'minutes-record-01-resolution-form');
  await form.getByRole('button', { name: 'Record decision' }).click();
  const resolutions = page.getByRole('list', { name: `Decisions of item ${n}` });
  await expect(resolutions).toContainText('RESOLVED The Board approves £35,000 for knife crime education in schools in 2020/21.');
  const reference = (await resolutions.getByRole('link').first().textContent())!.replace(/^\(Decision (.*)\)$/, '$1');
  expect(reference).toMatch(/^SB-D-2020-\d{3}$/);
  await page.getByRole('button', { name: `Add an action to item ${n}` }).click();
  const action = page.getByRole('form', { name: `New action for item ${n}` });
  await action.getByLabel('Action', { exact: true }).fill('Commission the schools programme');
  await action.getByLabel('Owner (person)').selectOption({ label: 'Ben Loose (Kent Police)' });
  await action.getByLabel('Due on').fill('2020-06-30');
  await action.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText(/Action A\d+: Commission the schools programme — Ben Loose/)).toBeVisible();

  // The minutes go to draft: every item is numbered in the board's house format ({code} {n}/{yy}).
  await page.getByRole('button', { name: 'Mark as “Minutes draft”' }).click();
  await expect(page.getByText(`Minute ${minute}`, { exact: true })).toBeVisible();
  await screenshot(page, 'minutes-record-02-numbered');
  // A number the board has used already is refused, against the box, and nothing changes.
  await page.getByRole('button', { name: `Change the minute number of item ${n + 1}` }).click();
  await page.getByLabel(`Minute number of item ${n + 1}`).fill(minute);
  await page.getByRole('button', { name: 'Save minute number' }).click();
  await expect(page.getByText(`Minute ${minute} is already "Knife crime education programme" at the meeting of 19 March 2020`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await expect(page.getByText(`Minute ${nextMinute}`, { exact: true })).toBeVisible();

  // Approving the previous minutes (January's draft) at this meeting's minutes item.
  await page.getByLabel('Proposed by').selectOption({ index: 1 });
  await expect(page.getByLabel('Signed by the Chair')).toHaveValue(String(chair.personId));
  await page.getByRole('button', { name: /^Approve the minutes of / }).click();
  await expect(page.getByText(/were approved as a correct record at this meeting, on the proposal of /)).toBeVisible();

  // The Decisions log has it, with the minute it was taken under.
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  await page.getByRole('button', { name: reference, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `${reference} Knife crime education programme` });
  await expect(dialog).toContainText(`item ${n}: Knife crime education programme (Minute ${minute})`);
  await expect(dialog).toContainText('£35,000 from');
  await screenshot(page, 'minutes-record-03-decisions-log');
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // The Word minutes, downloaded and read back: the resolution under its numbered item.
  await page.goto(`${workspace.bridge.url}#/meetings/${march.id}`);
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('radio', { name: 'Minutes (.docx)' }).check();
  const minutes = await download(page, documents.getByRole('button', { name: 'Export minutes' }), workspace.dir);
  const text = await paragraphsOf(minutes.path);
  const at = text.indexOf(`${minute} Knife crime education programme`);
  expect(at).toBeGreaterThan(0);
  const under = text.slice(at, text.findIndex((p, i) => i > at && p.startsWith(`${nextMinute} `)));
  expect(under).toContain('The VRU Manager presented the proposal for knife crime education in schools.');
  expect(under).toContain(`RESOLVED that the Board approves £35,000 for knife crime education in schools in 2020/21. (Decision ${reference})`);
  expect(under.some((p) => /^Action A\d+: Commission the schools programme — Ben Loose/.test(p))).toBe(true);
  expect(text.some((p) => /^RESOLVED that the minutes of the meeting held on 23 January 2020 be approved as a correct record and signed by the Chair \(proposed by /.test(p))).toBe(true);
});
