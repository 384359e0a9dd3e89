import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { OpName } from '../../main/api/contract';
import { teamMember, tempWorkspace, type TestWorkspace } from '../helpers/workspace';

const NOW = () => new Date('2020-03-10T10:00:00');

async function asPerson(ws: TestWorkspace, actor: string) {
  const session = { ...(await teamMember(ws, actor)), now: NOW };
  return (op: OpName, input: unknown) => dispatch(session, op, input);
}

/**
 * A board's forward plan items go on one agenda only (review of issue 14): two meetings
 * scheduled at the same moment, or the plan pulled twice at once into one meeting, once both
 * read the same items as due on PostgreSQL and each put them on its agenda.
 */
describe('the forward plan taken by meetings scheduled at once', () => {
  it('puts each due item on one agenda, never two, and pulling twice at once adds each once', async () => {
    const ws = await tempWorkspace({ now: NOW });
    await ws.call('workspace.loadDemo', {});
    const [board] = await ws.call('board.list', {});
    for (let i = 0; i < 3; i++) await ws.call('forwardPlan.add', { boardId: board!.id, title: `Plan ${i}`, purpose: 'noting', leadPersonId: null, plannedFor: '2020-11' } as never);
    const alice = await asPerson(ws, 'alice');
    const bob = await asPerson(ws, 'bob');
    const [a, b] = await Promise.all([
      alice('meeting.create', { boardId: board!.id, startsAt: '2020-12-11T10:00', endsAt: null, location: 'A' }),
      bob('meeting.create', { boardId: board!.id, startsAt: '2020-12-12T10:00', endsAt: null, location: 'B' }),
    ]);
    expect(a.ok && b.ok, JSON.stringify([a, b].map((r) => (r.ok ? 'ok' : r.error)))).toBe(true);
    const planOn = (r: typeof a) => (r.ok ? (r.value as { agenda: { title: string }[] }).agenda.map((i) => i.title).filter((t) => t.startsWith('Plan ')) : []);
    const onBoth = [...planOn(a), ...planOn(b)].sort();
    expect(onBoth).toEqual(['Plan 0', 'Plan 1', 'Plan 2']);

    // The plan pulled into one meeting by two people at once: each item once.
    const empty = await ws.call('meeting.create', { boardId: board!.id, startsAt: '2021-01-20T10:00', endsAt: null, location: 'C', standingItems: false, pullForwardPlan: false } as never);
    for (let i = 3; i < 6; i++) await ws.call('forwardPlan.add', { boardId: board!.id, title: `Plan ${i}`, purpose: 'noting', leadPersonId: null, plannedFor: '2021-01' } as never);
    await Promise.all([alice('agenda.pullForwardPlan', { meetingId: empty.meeting.id }), bob('agenda.pullForwardPlan', { meetingId: empty.meeting.id })]);
    const titles = (await ws.call('meeting.get', { id: empty.meeting.id })).agenda.map((i) => i.title).filter((t) => t.startsWith('Plan '));
    expect(titles.sort()).toEqual(['Plan 3', 'Plan 4', 'Plan 5']);
  });
});
