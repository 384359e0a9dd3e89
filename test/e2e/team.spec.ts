import type { Browser, Page } from '@playwright/test';
import { dispatch, type Session } from '../../main/api/dispatch';
import { startBridge, type Bridge } from '../../main/api/http-bridge';
import { addressAs, ensureTeamLogin } from '../helpers/team';
import { expect, FIXED_NOW, test, type TestWorkspace } from './fixtures';

/**
 * Two people on one team workspace (issue 14, "Done means"): two bridges, as two apps on
 * two laptops, open on the same PostgreSQL database. Both open the same action; Alice saves
 * first; Bob's save on the version he opened is refused naming Alice, with her value beside
 * his, and what Bob typed is still in his form; Alice's change appears on Bob's screen by
 * itself, with a notice naming her.
 */

const staticDir = new URL('../../out/renderer', import.meta.url).pathname;

/** A person's app: a bridge connected as their own login (the team's secretariat role), as their laptop would be. */
async function person(workspace: TestWorkspace, login: string): Promise<Bridge> {
  await ensureTeamLogin(workspace.bridge.store, login);
  return startBridge({ dbPath: addressAs(workspace.dbPath, login), staticDir, port: 0, actor: login, now: () => FIXED_NOW, log: (m, e) => console.error(`bridge ${login}: ${m}`, e) });
}

/** The workspace's owner, setting the scene through the dispatcher before the people open it. */
function tablesOwner(workspace: TestWorkspace) {
  const session: Session = { store: workspace.bridge.store, actor: 'secretariat', now: () => FIXED_NOW };
  return {
    async call<R = { id: number }>(op: string, input: unknown): Promise<R> {
      const r = await dispatch(session, op, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      return r.value as R;
    },
  };
}

async function open(browser: Browser, bridge: Bridge): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  await page.goto(bridge.url);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  return page;
}

test('a stale edit of an action is refused naming the person who changed it first', async ({ workspace, browser }) => {
  const { call } = tablesOwner(workspace);
  const owner = await call('person.create', { givenName: 'Simon', familyName: 'Thorne' });
  const action = await call('action.create', { boardId: null, meetingId: null, agendaItemId: null, description: 'Refresh the problem profile', ownerPersonId: owner.id, ownerOrganisationId: null, dueOn: '2020-04-30' });
  const ref = `A${action.id}`;

  const aliceBridge = await person(workspace, 'alice');
  const bobBridge = await person(workspace, 'bob');
  try {
    const alice = await open(browser, aliceBridge);
    const bob = await open(browser, bobBridge);
    // Both look at every status (a done action leaves the log's first view, the open ones) and open the same action.
    for (const page of [alice, bob]) await page.locator('.toolbar').getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
    for (const page of [alice, bob]) await page.getByRole('row', { name: new RegExp(`^${ref} `) }).getByRole('button', { name: `Update ${ref}` }).click();
    const aliceDialog = alice.getByRole('dialog', { name: `Update ${ref}` });
    const bobDialog = bob.getByRole('dialog', { name: `Update ${ref}` });

    await aliceDialog.getByLabel('Status').selectOption({ label: 'Done' });
    await aliceDialog.getByRole('button', { name: 'Save' }).click();
    await expect(aliceDialog).toBeHidden();
    await expect(alice.getByRole('row', { name: new RegExp(`^${ref} `) })).toContainText('Done');

    // Alice's change reaches Bob's open screen by itself, with a notice naming her; his open dialog is left alone.
    await expect(bob.getByRole('row', { name: new RegExp(`^${ref} `) })).toContainText('Done', { timeout: 8000 });
    await expect(bob.locator('.changes-notice')).toContainText(`alice updated action ${ref}`);
    await expect(bobDialog).toBeVisible();

    await bobDialog.getByLabel('Status').selectOption({ label: 'Dropped' });
    await bobDialog.getByLabel('Due on').fill('2020-05-29');
    // A revised due date is saved with its reason (issue 15).
    await bobDialog.getByLabel('Reason for the new due date').fill('The councils meet at the end of May');
    await bobDialog.getByRole('button', { name: 'Save' }).click();
    const refusal = bobDialog.getByRole('alert');
    await expect(refusal).toContainText('Changed by someone else');
    await expect(refusal).toContainText('Changed by alice at 10:02 on 16/03/2020 since you opened it.');
    // Her value beside his; nothing of his is lost.
    const status = refusal.getByRole('row', { name: /^Status/ });
    await expect(status.getByRole('cell').nth(0)).toHaveText('Done');
    await expect(status.getByRole('cell').nth(1)).toHaveText('Dropped');
    await expect(bobDialog.getByLabel('Due on')).toHaveValue('2020-05-29');
    await expect(bobDialog.getByLabel('Status')).toHaveValue('dropped');
    await bob.screenshot({ path: 'test-results/screenshots/postgres/team-01-stale-refused.png', fullPage: true });

    // Nothing of Bob's was saved; Alice's change stands.
    expect(await call('action.get', { id: action.id })).toMatchObject({ status: 'done', dueOn: '2020-04-30', version: 2 });

    // Saving again goes on the version Alice made: knowingly, with her value in front of him.
    await bobDialog.getByRole('button', { name: 'Save' }).click();
    await expect(bobDialog).toBeHidden();
    expect(await call('action.get', { id: action.id })).toMatchObject({ status: 'dropped', dueOn: '2020-05-29', version: 3 });
  } finally {
    await aliceBridge.close();
    await bobBridge.close();
  }
});

test('minutes someone else saves reach an untouched minutes box, and are never written over unseen', async ({ workspace, browser }) => {
  const { call } = tablesOwner(workspace);
  await call('workspace.loadDemo', {});
  const boards = await call<{ id: number; code: string }[]>('board.list', {});
  const sb = boards.find((b) => b.code === 'SB')!;
  await call('meeting.create', { boardId: sb.id, startsAt: '2020-06-16T14:00', endsAt: '2020-06-16T16:00', location: 'Sessions House' });

  const aliceBridge = await person(workspace, 'alice');
  const bobBridge = await person(workspace, 'bob');
  try {
    const meetingPage = async (bridge: Bridge, clock?: 'fake') => {
      const page = await (await browser.newContext()).newPage();
      // Bob's timers (his minutes' autosave, the changes poller) run only when the test says,
      // so who saves first is the test's choice, not the machine's load.
      if (clock) await page.clock.install();
      await page.goto(bridge.url);
      await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
      await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('link', { name: 'Tuesday 16 June 2020' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Kent & Medway VRU Strategic Board: Tuesday 16 June 2020' })).toBeVisible();
      // An installed clock still flows; from here it stands still until runFor.
      if (clock) await page.clock.pauseAt(Date.now() + 10_000);
      return page;
    };
    const alice = await meetingPage(aliceBridge);
    const bob = await meetingPage(bobBridge, 'fake');
    /** Lets Bob's clock run on (a poll every 2 s; his autosave 1.5 s after typing) until `check` passes. */
    const bobWaits = (check: () => Promise<void>) =>
      expect(async () => {
        await bob.clock.runFor(2100);
        await check();
      }).toPass({ timeout: 15_000 });

    // Alice minutes item 3; Bob has typed nothing there, so his box shows her minutes by itself.
    await alice.getByLabel('Discussion for item 3').fill('The minutes of the last meeting were agreed.');
    await expect(alice.getByText('Minutes of item 3 saved.')).toBeVisible();
    await bobWaits(() => expect(bob.getByLabel('Discussion for item 3')).toHaveValue('The minutes of the last meeting were agreed.', { timeout: 1000 }));

    // Both are minuting item 4; Bob typed first, but Alice's minutes are saved first (his
    // clock has not run, so his autosave waits). When it runs, it is refused, his text kept.
    await bob.getByLabel('Discussion for item 4').fill('Bob: the Board noted the projects.');
    await alice.getByLabel('Discussion for item 4').fill('Alice: the Board noted the nine projects and asked for the Q1 returns.');
    await expect(alice.getByText('Minutes of item 4 saved.')).toBeVisible();
    const refusal = bob.getByRole('alert').filter({ hasText: 'Changed by alice' });
    await bobWaits(() => expect(refusal).toContainText('Changed by alice at 10:02 on 16/03/2020 since you opened it.', { timeout: 1000 }));
    await expect(bob.getByLabel('Discussion for item 4')).toHaveValue('Bob: the Board noted the projects.');
    await expect(bob.getByText('Minutes of item 4 not saved.')).toBeVisible();
    // After a refusal nothing saves by itself: saving his over hers is his choice, by the button.
    await bob.clock.runFor(5000);
    await expect(bob.getByRole('button', { name: 'Save my minutes of item 4 over theirs' })).toBeEnabled();
    const [held] = (await call<{ rows: { id: number }[] }>('meeting.list', { boardId: sb.id, from: '2020-06-16', to: '2020-06-16', status: null })).rows;
    const minutes = (await call<{ agenda: { discussion: string }[] }>('meeting.get', { id: held!.id })).agenda.map((i) => i.discussion);
    expect(minutes).toContain('Alice: the Board noted the nine projects and asked for the Q1 returns.');
    expect(minutes).not.toContain('Bob: the Board noted the projects.');
  } finally {
    await aliceBridge.close();
    await bobBridge.close();
  }
});
