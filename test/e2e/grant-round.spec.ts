import { BIDS_CSV, SVS_THEMES } from '../integration/grants-fixture';
import { apiCall, expect, screenshot, test } from './fixtures';

/**
 * Issue 10, point 1 on screen: open a funding round on the Violence Reduction Fund, import the
 * five bids seed 000 names from an online form's CSV (Kent Police's £36,814 a year warned as
 * over the £35k cap, Reform Restore Respect's as late), and enter a bid on the form from a
 * new organisation, added on the way.
 */
test('opens a round, imports five bids from a CSV with the one over the cap warned, and enters a bid from a new organisation', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' }).click();
  await page.getByRole('button', { name: 'Violence Reduction Fund' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Violence Reduction Fund' })).toBeVisible();
  await page.getByRole('tab', { name: 'Rounds' }).click();
  await expect(page.getByText('No funding rounds on this stream yet.')).toBeVisible();

  // Open the round: its dates, years, who may bid, themes and weighted criteria.
  await page.getByRole('button', { name: 'Open a funding round' }).click();
  const form = page.getByRole('dialog', { name: 'Open a funding round' });
  await form.getByLabel('Name').fill('Violence Reduction Fund 2019');
  await form.getByLabel('Opens').fill('2019-04-01');
  await form.getByLabel('Closes').fill('2019-05-31');
  for (const kind of ['Police', 'Council', 'Education', 'Health', 'Charity or community group']) await form.getByRole('checkbox', { name: kind, exact: true }).check();
  await form.getByLabel('Themes (one a line; optional)').fill(SVS_THEMES.join('\n'));
  await form.getByLabel('Scoring criteria, one a line with its weight').fill('Need and evidence: 30\nOutcomes and how they are evidenced: 40\nValue for money: 30');
  await screenshot(page, 'grant-round-01-open-form');
  await form.getByRole('button', { name: 'Open the round' }).click();
  await expect(form).toBeHidden();
  const rules = page.getByRole('definition').filter({ hasText: 'weight' });
  await expect(rules).toHaveText('Need and evidence (weight 30); Outcomes and how they are evidenced (weight 40); Value for money (weight 30)');
  await expect(page.getByRole('term').filter({ hasText: 'Cap per award per year' }).locator('xpath=following-sibling::dd')).toHaveText('£35,000 (the stream’s)');

  // Import the form's export: the columns are guessed, the preview checks every row.
  await page.getByLabel('An online form’s export (.csv or .xlsx), one bid a row').setInputFiles({ name: 'vrf-bids.csv', mimeType: 'text/csv', buffer: Buffer.from(BIDS_CSV) });
  await expect(page.getByLabel('Amount asked for 2020/21')).toHaveValue('2020/21 amount');
  await expect(page.getByLabel('Received on', { exact: true })).toHaveValue('Timestamp');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('table', { name: /5 new, 0 already entered, 0 rejected/ });
  await expect(preview).toBeVisible();
  const police = preview.getByRole('row', { name: /Kent Police/ });
  await expect(police).toContainText("The bid from Kent Police asks for £36,814 in 2019/20, 2020/21 and 2021/22, above the Violence Reduction Fund 2019's £35,000 cap per award per year: the panel may recommend at most £35,000 a year.");
  await expect(preview.getByRole('row', { name: /Reform Restore Respect/ })).toContainText('after the Violence Reduction Fund 2019 closed on 31 May 2019');
  await expect(preview.getByRole('row', { name: /Rising Sun/ }).locator('.inline-warning')).toHaveCount(0);
  await screenshot(page, 'grant-round-02-import-preview');
  await page.getByRole('button', { name: 'Enter 5 bids' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entered 5 bids' })).toHaveText('Entered 5 bids; 2 with points to note; 0 already entered and 0 rejected were left out.');

  // The bids, with the warnings kept beside them for the panel.
  const bids = page.getByRole('table', { name: 'Bids to the Violence Reduction Fund 2019' });
  await expect(bids.getByRole('row')).toHaveCount(6);
  await expect(bids.getByRole('row', { name: /Kent Police/ })).toContainText('Over the cap');
  await expect(bids.getByRole('row', { name: /Reform Restore Respect/ })).toContainText('Late');
  const points = page.getByRole('region', { name: 'Points to note on the bids' });
  await expect(points.getByRole('listitem')).toHaveCount(2);
  await expect(points).toContainText('The bid from Kent Police asks for £36,814 in 2019/20, 2020/21 and 2021/22');
  await expect(bids.getByRole('row', { name: /Kent Police/ })).toContainText('£110,442');
  await expect(page.getByRole('status').filter({ hasText: 'asked for' })).toHaveText('5 bids; asked for £143,814 in 2019/20, £106,814 in 2020/21, £106,814 in 2021/22');

  // A bid on the form from an organisation not yet in Organisations (ILLUSTRATIVE).
  await page.getByRole('button', { name: 'Add a bid' }).click();
  const bid = page.getByRole('dialog', { name: 'Add a bid to the Violence Reduction Fund 2019' });
  await bid.getByLabel('Bidding organisation').selectOption({ label: 'A new organisation…' });
  await bid.getByLabel('New organisation’s name').fill('Medway Youth Trust');
  await bid.getByLabel('Kind').selectOption('charity');
  await bid.getByLabel('Project', { exact: true }).fill('Detached youth work in Chatham');
  await bid.getByLabel('2019/20').fill('£40,000');
  await bid.getByLabel('Received on').fill('2019-05-28');
  await bid.getByRole('button', { name: 'Enter the bid' }).click();
  await expect(bid).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: 'was entered' });
  await expect(notice).toContainText('The bid from Medway Youth Trust was entered. Medway Youth Trust was added to Organisations. Points to note:');
  await expect(notice).toContainText("The bid from Medway Youth Trust asks for £40,000 in 2019/20, above the Violence Reduction Fund 2019's £35,000 cap");
  await expect(bids.getByRole('row')).toHaveCount(7);
  await screenshot(page, 'grant-round-03-bids');

  // A bid from a kind of organisation the round does not invite is refused on the form, naming the rule; nothing is entered.
  const orgs = await apiCall(page, workspace, 'organisation.list', { search: 'Kent Fire' });
  expect(orgs.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Add a bid' }).click();
  await bid.getByLabel('Bidding organisation').selectOption({ label: orgs[0]!.name });
  await bid.getByLabel('Project', { exact: true }).fill('Fire cadets');
  await bid.getByLabel('2019/20').fill('£5,000');
  await bid.getByRole('button', { name: 'Enter the bid' }).click();
  // Shown against the organisation chosen, which is the field the rule names.
  await expect(bid.getByLabel('Bidding organisation')).toHaveAttribute('aria-invalid', 'true');
  await expect(bid.getByText('Kent Fire & Rescue Service is listed as fire and rescue, and the Violence Reduction Fund 2019 invites bids only from: charity or community group, council, education, health or police.')).toBeVisible();
  await bid.getByRole('button', { name: 'Cancel' }).click();
  await expect(bids.getByRole('row')).toHaveCount(7);
});

test('two panel members score the bids, one kept off the bid of a charity on his register of interests, and the ranked list shows the money left', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const vrf = (await apiCall(page, workspace, 'fundingStream.list', {})).find((s) => s.reference === 'VRF')!;
  const round = await apiCall(page, workspace, 'round.create', {
    streamId: vrf.id,
    name: 'Violence Reduction Fund 2019',
    opensOn: '2019-04-01',
    closesOn: '2019-05-31',
    firstYear: '2019/20',
    lastYear: '2021/22',
    criteria: [
      { name: 'Need and evidence', weight: 30 },
      { name: 'Outcomes', weight: 40 },
      { name: 'Value for money', weight: 30 },
    ],
  });
  const bid = (organisation: string, project: string, amount: string) =>
    apiCall(page, workspace, 'bid.create', { roundId: round.id, organisation: { name: organisation, kind: 'charity' }, project, receivedOn: '2019-05-20', years: [{ financialYear: '2019/20', amount }] });
  await bid('Rising Sun & Choices', 'Girls at risk', '£35,000');
  await bid('Kent CrimeStoppers', 'Fearless', '£20,000');
  const [first, second] = (await apiCall(page, workspace, 'person.list', { search: '', organisationId: null })).filter((p) => p.organisationId === null || !['Rising Sun & Choices', 'Kent CrimeStoppers'].includes(p.organisationName ?? ''));
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
  // ILLUSTRATIVE: the demo's registers name no bidder; this entry is the test's.
  await apiCall(page, workspace, 'interest.create', { personId: second!.id, type: 'other_registrable', description: 'Trustee of Kent CrimeStoppers', startsOn: '2018-01-01', endsOn: null, reviewedOn: null });

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Funding' }).click();
  await page.getByRole('button', { name: 'Violence Reduction Fund' }).click();
  await page.getByRole('tab', { name: 'Rounds' }).click();
  await page.getByRole('button', { name: 'Violence Reduction Fund 2019' }).click();

  const score = async (bidFrom: string, who: string, values: [string, string, string]) => {
    await page.getByRole('button', { name: `Score the bid from ${bidFrom}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Score: ${bidFrom}`) });
    await dialog.getByLabel('Panel member').selectOption({ label: who });
    for (const [i, criterion] of ['Need and evidence (weight 30)', 'Outcomes (weight 40)', 'Value for money (weight 30)'].entries()) {
      await dialog.getByRole('group', { name: criterion }).getByLabel('Score, 0 to 5').selectOption(values[i]!);
    }
    await dialog.getByRole('group', { name: 'Outcomes (weight 40)' }).getByLabel('Comment').fill(`${who} on ${bidFrom}`);
    await dialog.getByRole('button', { name: 'Save scores' }).click();
    return dialog;
  };
  await expect(await score('Rising Sun & Choices', name(first!), ['5', '5', '4'])).toBeHidden();
  await expect(await score('Rising Sun & Choices', name(second!), ['5', '4', '4'])).toBeHidden();
  await expect(await score('Kent CrimeStoppers', name(first!), ['3', '4', '3'])).toBeHidden();

  // The trustee is kept off the charity's bid: told why before scoring, refused naming the rule.
  const kept = await score('Kent CrimeStoppers', name(second!), ['5', '5', '5']);
  await expect(kept.getByRole('note')).toContainText(`${name(second!)}'s register of interests names Kent CrimeStoppers: Trustee of Kent CrimeStoppers`);
  await expect(kept.getByLabel('Panel member')).toHaveAttribute('aria-invalid', 'true');
  await expect(kept.getByText(`${name(second!)}'s register of interests names Kent CrimeStoppers: Trustee of Kent CrimeStoppers, so they may not score it.`)).toBeVisible();
  await screenshot(page, 'grant-round-04-conflict');
  await kept.getByRole('button', { name: 'Cancel' }).click();

  // Ranked: Girls at risk 150 + 180 + 120 = 450 of 500; Fearless 90 + 160 + 90 = 340. The fund is
  // the stream's £1,000,000 over its three years; the line under each bid leaves the rest.
  const ranked = page.getByRole('table', { name: 'Ranked bids to the Violence Reduction Fund 2019' });
  await expect(ranked.getByRole('row').nth(1)).toContainText('Girls at risk');
  await expect(ranked.getByRole('row').nth(1)).toContainText('450 of 500');
  await expect(ranked.getByRole('row').nth(1)).toContainText('£965,000');
  await expect(ranked.getByRole('row').nth(2)).toContainText('340 of 500');
  await expect(ranked.getByRole('row').nth(2)).toContainText(name(first!));
  await expect(ranked.getByRole('row').nth(2)).not.toContainText(name(second!));
  await expect(ranked.getByRole('row').nth(2)).toContainText('£945,000');
  await screenshot(page, 'grant-round-05-ranked');
});
