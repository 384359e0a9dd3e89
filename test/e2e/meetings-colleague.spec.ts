import { apiCall, expect, otherPerson, test } from './fixtures';

/**
 * Two boxes on the meetings screens that a colleague's change once overwrote or wiped (review
 * of issue 14): the minute number being changed is checked against the item as it was when the
 * box was opened, and the board's minute number format keeps what is being typed when someone
 * else changes the board.
 */
test('a minute number a colleague changed while mine was being typed is refused naming her; saved again it goes over hers knowingly', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const all = (await apiCall(page, workspace, 'meeting.list', { limit: 500 })).rows;
  const jan = all.find((m) => m.boardCode === 'SB' && m.status === 'minutes_draft')!;
  const item = (await apiCall(page, workspace, 'meeting.get', { id: jan.id })).agenda.find((i) => i.minuteNumber)!;
  await page.goto(`${workspace.bridge.url}#/meetings/${jan.id}`);
  await page.getByRole('button', { name: `Change the minute number of item ${item.number}` }).click();
  const box = page.getByLabel(`Minute number of item ${item.number}`);
  await box.fill('SB 91/20');
  const alice = await otherPerson(workspace, 'alice', new Date('2020-03-16T10:42:00'));
  try {
    await alice.call('minutes.setNumber', { id: item.id, version: item.version, minuteNumber: 'SB 77/20' });
    // Her change reaches this screen, and the box keeps what is being typed.
    await expect(page.locator('.changes-notice')).toContainText('alice', { timeout: 8000 });
    await expect(page.getByText(/alice changed this item at/)).toBeVisible();
    await expect(box).toHaveValue('SB 91/20');
    await page.getByRole('button', { name: 'Save minute number' }).click();
    await expect(page.getByText(/alice/).and(page.locator('.error-message'))).toBeVisible();
    const kept = (await apiCall(page, workspace, 'meeting.get', { id: jan.id })).agenda.find((i) => i.id === item.id)!;
    expect(kept.minuteNumber).toBe('SB 77/20');
    // Saved again, knowing: it goes in over hers.
    await page.getByRole('button', { name: 'Save minute number' }).click();
    await expect(page.getByText('Minute SB 91/20', { exact: true })).toBeVisible();
    const mine = (await apiCall(page, workspace, 'meeting.get', { id: jan.id })).agenda.find((i) => i.id === item.id)!;
    expect(mine.minuteNumber).toBe('SB 91/20');
  } finally {
    await alice.close();
  }
});

test('the minute number format being typed is kept when a colleague changes the board, and shows their change when nothing is typed', async ({ app: page, workspace }) => {
  await apiCall(page, workspace, 'workspace.loadDemo', {});
  const [board] = await apiCall(page, workspace, 'board.list', {});
  await page.goto(`${workspace.bridge.url}#/meetings/boards`);
  const box = page.getByRole('textbox', { name: 'Minute number format' }).first();
  await box.fill('{code} {nnn}/{yyyy}');
  const alice = await otherPerson(workspace, 'alice', new Date('2020-03-16T10:42:00'));
  try {
    const changed = await alice.call('board.update', { id: board!.id, version: board!.version, papersDueWorkingDays: 7 } as never);
    await expect(page.locator('.changes-notice')).toContainText('alice', { timeout: 8000 });
    await expect(box).toHaveValue('{code} {nnn}/{yyyy}');
    // Nothing typed: her format appears as she saved it.
    await box.fill(board!.minuteFormat);
    await alice.call('board.update', { id: board!.id, version: (changed as { version: number }).version, minuteFormat: '{code}-{nn}-{yy}' } as never);
    await expect(box).toHaveValue('{code}-{nn}-{yy}', { timeout: 8000 });
  } finally {
    await alice.close();
  }
});
