import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { sql } from '../../main/db/statements';
import { BUILT_IN_STANDING_ITEMS } from '../../main/meetings/standing-items';
import { apiCall, download, expect, screenshot, test } from './fixtures';

/**
 * The review of issue 15, clicking: draft minutes from before minute numbers numbered on
 * screen (F5); approved minutes shown read only with who approved them, where and how a
 * correction is made (F6); an item added on screen goes before the board's own closing
 * standing items (F7); a resolution on an inquorate item warned of and minuted so (F8); an
 * action's wording and progress saved in one write (F11a); a meeting not yet held offers no
 * approval (F11b).
 */
const paragraphsOf = async (path: string) =>
  [...((await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string')).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g))].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'")).join(''),
  );

/** axe-core's WCAG 2.2 AA rules over the new states of the page (as test/e2e/accessibility.spec.ts scans every screen). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('old draft minutes numbered on screen, an inquorate resolution warned of and minuted, approval only once met, approved minutes read only', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const meetings = (await apiCall(page, workspace, 'meeting.list', { boardId: null, from: null, to: null, status: null })).rows.filter((m) => m.boardCode === 'SB');
  const january = meetings.find((m) => m.startsAt.startsWith('2020-01-23'))!;
  const march = meetings.find((m) => m.startsAt.startsWith('2020-03-19'))!;

  // F5. January's draft as a workspace made before minute numbers has it: no numbers.
  await sql({ db: workspace.bridge.store.kysely, engine: workspace.bridge.store.engine }, 'UPDATE agenda_item SET minute_number = NULL, minute_seq = NULL WHERE meeting_id = ?').run(january.id);
  await page.goto(`${workspace.bridge.url}#/meetings/${january.id}`);
  await expect(page.getByText('6 items have no minute number')).toBeVisible();
  await screenshot(page, 'minutes-review-01-unnumbered');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Number these minutes' }).click();
  await expect(page.getByText('Minute SB 1/20', { exact: true })).toBeVisible();
  await expect(page.getByText('Minute SB 6/20', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Number these minutes' })).toHaveCount(0);

  // F11b. March's meeting, not yet held, offers no approval of January's minutes and says why.
  await page.goto(`${workspace.bridge.url}#/meetings/${march.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Thursday 19 March 2020/ })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as “Agenda issued”' }).click();
  await expect(page.getByText('Previous meeting: 23 January 2020, draft minutes. This meeting is “Agenda issued”: the previous minutes are approved once it has met. Mark it “Held” first.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve the minutes of / })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as “Held”' }).click();
  await expect(page.getByRole('button', { name: 'Approve the minutes of 23 January 2020' })).toBeVisible();

  // F8. Three members present (quorum 5, OPCC and Kent Police required): a resolution on item 4 is warned of first.
  const d = await apiCall(page, workspace, 'meeting.get', { id: march.id });
  const voting = d.members.filter((m) => m.role === 'chair' || m.role === 'vice_chair' || m.role === 'member');
  for (const m of voting.slice(0, 3)) await apiCall(page, workspace, 'attendance.set', { meetingId: march.id, personId: m.personId, status: 'present', substituteForPersonId: null, was: null });
  await page.reload();
  const item = d.agenda.find((i) => i.standingKind === null)!;
  await page.getByRole('button', { name: `Record a decision on item ${item.number}` }).click();
  const form = page.getByRole('form', { name: `New decision on item ${item.number}` });
  await expect(form.getByText(`The meeting is not quorate for item ${item.number}:`)).toBeVisible();
  await expect(form).toContainText('A decision recorded now is minuted as taken while the meeting was not quorate.');
  await screenshot(page, 'minutes-review-02-inquorate-warning');
  expect(await violations(page)).toEqual([]);
  await form.getByLabel('RESOLVED that …').fill('The Board notes the VRU update.');
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('list', { name: `Decisions of item ${item.number}` })).toContainText('RESOLVED The Board notes the VRU update.');
  await expect(page.getByText(/^This resolution was recorded while the meeting was not quorate for this item: 3 members present or represented \(quorum 5\)/)).toBeVisible();
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('radio', { name: 'Minutes (.docx)' }).check();
  const minutes = await paragraphsOf((await download(page, documents.getByRole('button', { name: 'Export minutes' }), workspace.dir)).path);
  const at = minutes.findIndex((p) => p.startsWith('RESOLVED that the Board notes the VRU update.'));
  expect(at).toBeGreaterThan(0);
  expect(minutes[at + 1]).toMatch(/^This resolution was recorded while the meeting was not quorate for this item: 3 members present or represented \(quorum 5\); 2 members short/);

  // Everyone else arrives; January's minutes are approved at this meeting's minutes item.
  for (const m of voting.slice(3)) await apiCall(page, workspace, 'attendance.set', { meetingId: march.id, personId: m.personId, status: 'present', substituteForPersonId: null, was: null });
  await page.reload();
  await page.getByLabel('Proposed by').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Approve the minutes of 23 January 2020' }).click();
  await expect(page.getByText(/were approved as a correct record at this meeting, on the proposal of /)).toBeVisible();

  // F6. January's minutes now read only: who approved them, at which meeting, and how a correction is made.
  await page.goto(`${workspace.bridge.url}#/meetings/${january.id}`);
  const notice = page.getByRole('note', { name: 'Approved minutes: read only' });
  await expect(notice).toContainText(/These minutes were approved as a correct record at the meeting of 19 March 2020, on the proposal of .+, and signed by the Chair, Matthew Scott\./);
  await expect(notice).toContainText('They can no longer be changed. A correction is recorded in the minutes of a later meeting, under its “Minutes of the last meeting” item.');
  await expect(notice.getByRole('link', { name: '19 March 2020' })).toHaveAttribute('href', `#/meetings/${march.id}`);
  await expect(page.getByRole('region', { name: 'Minutes of item 4' })).toContainText('The VRU Managers presented the VRU Problem Profile and draft Response Strategy.');
  await expect(page.getByLabel(/^Discussion for item /)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Save minutes of item / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Add an action to item / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Record a decision on item / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Change the minute number/ })).toHaveCount(0);
  // The agenda, register and declarations they record are shown, with nothing offering a change.
  await expect(page.getByRole('listitem', { name: /^Item 4, 10:20: VRU Problem Profile/ })).toBeVisible();
  for (const name of ['Add item', 'Record declaration', 'Mark all present', 'Move up item 4', 'Remove item 4']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Attendance of Matthew Scott' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Attendance of Matthew Scott' })).toHaveValue('present');
  await screenshot(page, 'minutes-review-03-approved-read-only');
  expect(await violations(page)).toEqual([]);
});

test('a meeting without the minutes item says where approval is given; an item added on screen goes before the board’s own closing items; an action’s wording and progress saved in one write', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const board = (await apiCall(page, workspace, 'board.list', {})).find((b) => b.code === 'SB')!;
  const standing = await apiCall(page, workspace, 'board.standingItems', { boardId: board.id });
  const own = [...BUILT_IN_STANDING_ITEMS, { kind: null, placement: 'end' as const, title: 'Review of the meeting', purpose: 'noting' as const, minutesAllotted: 5, lead: 'chair' as const }];
  await apiCall(page, workspace, 'board.setStandingItems', { boardId: board.id, version: standing.version, items: own });
  const june = await apiCall(page, workspace, 'meeting.create', { boardId: board.id, startsAt: '2020-06-18T10:00', location: 'Kent Police Headquarters, Maidstone' });

  // F11c. A meeting with no "Minutes of the last meeting" item says where January's draft is approved.
  const february = await apiCall(page, workspace, 'meeting.create', { boardId: board.id, startsAt: '2020-02-20T10:00', location: 'Kent Police Headquarters, Maidstone', standingItems: false });
  await page.goto(`${workspace.bridge.url}#/meetings/${february.meeting.id}`);
  await expect(page.getByText('The draft minutes of 23 January 2020 are approved at a “Minutes of the last meeting” item, and this agenda has none.', { exact: false })).toBeVisible();

  // F7.
  await page.goto(`${workspace.bridge.url}#/meetings/${june.meeting.id}`);
  const add = page.getByRole('form', { name: 'Add an item' });
  await add.getByLabel('Title').fill('Serious Violence Duty: readiness');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^\d+\. Serious Violence Duty: readiness$/ })).toBeVisible();
  const after = await apiCall(page, workspace, 'meeting.get', { id: june.meeting.id });
  expect(after.agenda.slice(-4).map((i) => i.title)).toEqual(['Serious Violence Duty: readiness', 'Any other business', 'Date of next meeting', 'Review of the meeting']);

  // F11a. One write: a revised due date without its reason saves neither the wording nor the progress update.
  const action = (await apiCall(page, workspace, 'action.list', { boardId: board.id, statuses: ['open'] })).rows.find((a) => a.dueOn !== null)!;
  const ref = `A${action.id}`;
  const before = await apiCall(page, workspace, 'action.get', { id: action.id });
  await page.goto(`${workspace.bridge.url}#/actions`);
  await page.getByRole('row', { name: new RegExp(`^${ref} `) }).getByRole('button', { name: `Update ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Update ${ref}` });
  await dialog.getByLabel('Action', { exact: true }).fill('Reworded in the dialog');
  await dialog.getByLabel('Due on').fill('2020-12-31');
  await dialog.getByLabel('Progress update (optional)').fill('Met the councils');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/Reason for the new due date is required/).first()).toBeVisible();
  const unchanged = await apiCall(page, workspace, 'action.get', { id: action.id });
  expect(unchanged).toMatchObject({ description: action.description, status: 'open', version: action.version, dueOn: action.dueOn, updates: before.updates });
  await dialog.getByLabel('Reason for the new due date').fill('The councils meet in December');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const saved = await apiCall(page, workspace, 'action.get', { id: action.id });
  expect(saved).toMatchObject({ description: 'Reworded in the dialog', status: 'in_progress', dueOn: '2020-12-31', latestDueReason: 'The councils meet in December', version: action.version + 1 });
  expect(saved.updates).toHaveLength(before.updates.length + 1);
  expect(saved.updates.find((u) => u.text === 'Met the councils')).toMatchObject({ updatedOn: '2020-03-16' });
});
