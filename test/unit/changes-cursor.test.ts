import { describe, expect, it } from 'vitest';
import { CHANGES_LIMIT, type WorkspaceChange } from '../../main/workspace/contract';
import { ChangeCursor, GAP_WAIT_MS } from '../../renderer/src/changes/cursor';

const change = (id: number): WorkspaceChange => ({ id, at: '2020-03-16T10:42:00', actor: 'alice', entity: 'action', entityId: 1, action: 'update', operation: 'action.update', summary: '', partOf: null, own: false });
const answer = (latest: number, ids: number[], opening = 'first') => ({ opening, latest, changes: ids.map(change), connectedAs: null });
/** The ids a poll hands out. */
const ids = (taken: { fresh: WorkspaceChange[] }) => taken.fresh.map((c) => c.id);

describe('where the poller asks from next', () => {
  it('starts from the newest id, then asks after the newest it has seen', () => {
    const cursor = new ChangeCursor();
    expect(cursor.take(null, answer(7, []), 0)).toEqual({ fresh: [], restarted: false, dropped: false });
    expect(cursor.since).toBe(7);
    expect(ids(cursor.take(7, answer(9, [8, 9]), 1000))).toEqual([8, 9]);
    expect(cursor.since).toBe(9);
    expect(ids(cursor.take(9, answer(9, []), 2000))).toEqual([]);
  });

  it('waits for an id that commits after a later one (PostgreSQL), handing out each change once', () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(8, []), 0);
    // 10 committed, 9 still being written.
    expect(ids(cursor.take(8, answer(10, [10]), 1000))).toEqual([10]);
    expect(cursor.since).toBe(8);
    // Asked again from 8: 10 comes again and is not news; then 9 commits.
    expect(ids(cursor.take(8, answer(10, [10]), 3000))).toEqual([]);
    expect(ids(cursor.take(8, answer(11, [9, 10, 11]), 5000))).toEqual([9, 11]);
    expect(cursor.since).toBe(11);
  });

  it('stops waiting for an id that never comes (a write that was rolled back)', () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(8, []), 0);
    cursor.take(8, answer(10, [10]), 1000);
    expect(cursor.since).toBe(8);
    expect(ids(cursor.take(8, answer(10, [10]), 1000 + GAP_WAIT_MS + 1))).toEqual([]);
    expect(cursor.since).toBe(10);
  });

  it('starts again from now when the trail is shorter than it was (a backup restored)', () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(50, []), 0);
    expect(ids(cursor.take(50, answer(20, []), 1000))).toEqual([]);
    expect(cursor.since).toBe(20);
  });

  it('starts again from now on another opening of a workspace (Open another, Reopen), and says so', () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(5, []), 0);
    // The other workspace's trail is longer: its rows are not news from this one.
    expect(cursor.take(5, answer(900, [6, 7, 8], 'second'), 1000)).toEqual({ fresh: [], restarted: true, dropped: false });
    expect(cursor.since).toBe(900);
    expect(ids(cursor.take(900, answer(901, [901], 'second'), 2000))).toEqual([901]);
  });

  it(`after a full answer of ${CHANGES_LIMIT}, goes on from its newest without waiting for what lies below`, () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(0, []), 0);
    const full = Array.from({ length: CHANGES_LIMIT }, (_, i) => 301 + i);
    const taken = cursor.take(0, answer(500, full), 1000);
    expect(ids(taken)).toHaveLength(CHANGES_LIMIT);
    // What lay below (ids 1–300) was passed over: the poller then reads every area again.
    expect(taken.dropped).toBe(true);
    expect(cursor.since).toBe(500);
    expect(cursor.take(500, answer(501, [501]), 2000).dropped).toBe(false);
  });

  it('says older changes were passed over after a jump of ids too long to wait for, and not for a short gap', () => {
    const cursor = new ChangeCursor();
    cursor.take(null, answer(10, []), 0);
    expect(cursor.take(10, answer(13, [11, 13]), 1000).dropped).toBe(false);
    const jump = cursor.take(cursor.since, answer(5000, [5000]), 2000);
    expect(ids(jump)).toEqual([5000]);
    expect(jump.dropped).toBe(true);
    expect(cursor.since).toBe(5000);
  });
});
