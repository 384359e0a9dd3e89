import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, test } from './fixtures';

/** Every screen and state a person reaches, by address or by a click from the address. */
interface Screen {
  name: string;
  hash: string;
  /** After the address: a click or two to reach the state (a tab, a dialog). */
  then?: (page: Page) => Promise<void>;
}

async function screens(page: Page, ws: Parameters<typeof apiCall>[1]): Promise<Screen[]> {
  const meetings = (await apiCall(page, ws, 'meeting.list', {})).rows;
  const papers = (await apiCall(page, ws, 'paper.list', {})).rows;
  const streams = await apiCall(page, ws, 'fundingStream.list', {});
  const list: Screen[] = [
    { name: 'dashboard', hash: '#/dashboard' },
    { name: 'meetings', hash: '#/meetings' },
    { name: 'boards', hash: '#/meetings/boards' },
    { name: 'papers', hash: '#/papers' },
    { name: 'new paper', hash: '#/papers/new' },
    { name: 'agenda packs', hash: '#/papers/packs' },
    { name: 'decisions', hash: '#/decisions' },
    { name: 'actions', hash: '#/actions' },
    { name: 'performance', hash: '#/performance' },
    { name: 'funding', hash: '#/funding' },
    { name: 'people', hash: '#/people' },
    { name: 'settings', hash: '#/settings' },
  ];
  // The action dialog (issue 15): every field of an action, the due date's reason and history, Chase.
  list.push({ name: 'actions / update dialog', hash: '#/actions', then: (p) => p.getByRole('main').getByRole('button', { name: /^Update A\d+$/ }).first().click({ timeout: 10_000 }) });
  for (const m of meetings.slice(0, 2)) list.push({ name: `meeting ${m.id}`, hash: `#/meetings/${m.id}` });
  // Issue 15: a decision recorded on an item while minuting (the form open), beside the previous minutes' approval.
  for (const m of meetings.slice(0, 1)) {
    list.push({ name: `meeting ${m.id}, a decision on item 1`, hash: `#/meetings/${m.id}`, then: (p) => p.getByRole('button', { name: 'Record a decision on item 1', exact: true }).click({ timeout: 10_000 }) });
  }
  for (const p of papers.slice(0, 2)) list.push({ name: `paper ${p.id}`, hash: `#/papers/${p.id}` });
  // A stream opens from its row in the list (the screen's state, not the address).
  for (const s of streams.slice(0, 1)) {
    list.push({ name: `stream ${s.reference}`, hash: '#/funding', then: (p) => p.getByRole('main').getByRole('button', { name: s.name, exact: true }).click({ timeout: 10_000 }) });
  }
  return list;
}

/** axe-core's WCAG 2.2 A and AA rules over the page as it is now; each violation in a line naming the screen. */
async function scan(page: Page, label: string): Promise<string[]> {
  console.log(`scan: ${label}`);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('')}`).join(' | ')}`,
  );
}

/** An action overdue at the bridge's fixed clock, so the action log's overdue row is scanned too. */
async function overdueAction(page: Page, ws: Parameters<typeof apiCall>[1]): Promise<void> {
  const [meeting] = (await apiCall(page, ws, 'meeting.list', {})).rows;
  await apiCall(page, ws, 'action.create', {
    boardId: meeting!.boardId,
    meetingId: null,
    agendaItemId: null,
    description: 'Circulate the revised terms of reference',
    ownerPersonId: null,
    ownerOrganisationId: (await apiCall(page, ws, 'organisation.list', {}))[0]!.id,
    dueOn: '2020-01-10',
  });
}

test('every screen passes an axe-core scan for WCAG 2.2 AA', async ({ app: page, workspace }) => {
  test.setTimeout(400_000);
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await overdueAction(page, workspace);
  const found: string[] = [];
  let scanned = 0;
  for (const s of await screens(page, workspace)) {
    const arrive = async () => {
      await page.goto(`${workspace.bridge.url}${s.hash}`);
      // The same address is no navigation: reload, so each state starts clean.
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      await page.waitForLoadState('networkidle');
      if (s.then) await s.then(page);
      await page.waitForLoadState('networkidle');
    };
    await arrive();
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    const states = count > 0 ? count : 1;
    for (let i = 0; i < states; i++) {
      if (count > 0) {
        await tabs.nth(i).click();
        await page.waitForLoadState('networkidle');
      }
      const label = count > 0 ? `${s.name} / ${(await tabs.nth(i).innerText()).trim()}` : s.name;
      found.push(...(await scan(page, label)));
      // The screen's form for a new record, empty and then sent empty (its error summary and messages).
      const opener = page.getByRole('main').getByRole('button', { name: /^(Add|Record|Schedule) / }).first();
      if (await opener.isVisible().catch(() => false)) {
        const name = (await opener.innerText()).trim();
        await opener.click({ timeout: 10_000 });
        await page.waitForLoadState('networkidle');
        found.push(...(await scan(page, `${label} / ${name}`)));
        const dialog = page.getByRole('dialog');
        const form = ((await dialog.isVisible().catch(() => false)) ? dialog : page.getByRole('main')).locator('form').first();
        const send = form.locator('button[type="submit"]').first();
        if (await send.isVisible().catch(() => false)) {
          await send.click({ timeout: 10_000 });
          await page.waitForLoadState('networkidle');
          found.push(...(await scan(page, `${label} / ${name}, sent empty`)));
        }
        await arrive();
        if (count > 0) await page.getByRole('tab').nth(i).click({ timeout: 10_000 });
      }
    }
    scanned++;
  }
  // The narrow layout: the menu folded and opened.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${workspace.bridge.url}#/meetings`);
  await page.locator('body[data-ready="true"]').waitFor();
  found.push(...(await scan(page, 'narrow, menu folded')));
  await page.getByRole('button', { name: /^Menu/ }).click();
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' })).toBeVisible();
  found.push(...(await scan(page, 'narrow, menu open')));
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' }).click();
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' })).toBeHidden();
  expect(scanned).toBeGreaterThanOrEqual(17);
  console.log(found.join('\n'));
  expect(found).toEqual([]);
});

/** What scrolls sideways: the page itself, at a phone's width (WCAG 1.4.10) and a small laptop's. */
for (const size of [
  { width: 320, height: 640 },
  { width: 1024, height: 700 },
]) {
  test(`no screen scrolls sideways at ${size.width}×${size.height}`, async ({ app: page, workspace }) => {
    test.setTimeout(180_000);
    await apiCall(page, workspace, 'workspace.loadDemo', {});
    await page.setViewportSize(size);
    const wide: string[] = [];
    for (const s of await screens(page, workspace)) {
      await page.goto(`${workspace.bridge.url}${s.hash}`);
      await page.locator('body[data-ready="true"]').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        if (doc.scrollWidth <= doc.clientWidth) return null;
        // Name the widest element sticking out, to say what to fix.
        let worst = '';
        let right = doc.clientWidth;
        const clipped = (el: Element) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
          return false;
        };
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const r = el.getBoundingClientRect();
          if (r.right > right + 1 && r.width > 0 && !clipped(el)) {
            right = r.right;
            worst = el.outerHTML.slice(0, 120);
          }
        }
        return `${doc.scrollWidth}px wide (widest: ${worst})`;
      });
      if (overflow) wide.push(`${s.name}: ${overflow}`);
    }
    console.log(wide.join('\n'));
    expect(wide).toEqual([]);
  });
}

/**
 * The action dialog's states (issue 15) on their own, so they can be scanned without the whole
 * tour: Chase prepared (a link, and an owner with no address), a revised due date refused
 * without its reason, the due date history; and at 320 px none of it scrolls sideways.
 */
test('the action dialog passes axe-core in each state, and does not scroll sideways at 320 px', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const [board] = await apiCall(page, workspace, 'board.list', {});
  const org = (await apiCall(page, workspace, 'organisation.list', { search: 'Medway Council' }))[0]!;
  const action = await apiCall(page, workspace, 'action.create', { boardId: board!.id, description: 'Nominate a lead for the schools programme', ownerOrganisationId: org.id, dueOn: '2020-03-10' });
  const revised = await apiCall(page, workspace, 'action.update', { id: action.id, version: action.version, dueOn: '2020-03-13', dueReason: 'The lead changed jobs' });
  const ref = `A${revised.id}`;
  const found: string[] = [];
  for (const size of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
    await page.setViewportSize(size);
    await page.goto(`${workspace.bridge.url}#/actions`);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: `Update ${ref}` }).click();
    const dialog = page.getByRole('dialog', { name: `Update ${ref}` });
    await expect(dialog.getByRole('region', { name: 'Due date history' })).toContainText('First agreed: 10/03/2020');
    found.push(...(await scan(page, `${size.width}px action dialog with history`)));
    await dialog.getByRole('button', { name: `Chase ${org.name}` }).click();
    await expect(dialog.getByRole('status')).toContainText('has no email address recorded');
    found.push(...(await scan(page, `${size.width}px action dialog, chase with no address`)));
    await dialog.getByLabel('Due on').fill('2020-04-30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByLabel('Reason for the new due date')).toBeFocused();
    found.push(...(await scan(page, `${size.width}px action dialog, reason refused`)));
    const wide = await page.evaluate(() => {
      const d = document.querySelector('dialog')!;
      return { page: document.documentElement.scrollWidth > document.documentElement.clientWidth, dialog: d.scrollWidth > d.clientWidth };
    });
    expect(wide, `${size.width}px`).toEqual({ page: false, dialog: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  console.log(found.join('\n'));
  expect(found).toEqual([]);
});
