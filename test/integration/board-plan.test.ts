import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { tempDir, tempWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';
import { join } from 'node:path';

/** Issue 15, point 6: the forward plan and standing items changed on the board's screen; mark all present. */

async function planned(ws: Awaited<ReturnType<typeof tempWorkspace>>) {
  const fixture = await strategicBoard(ws);
  const { board, people } = fixture;
  const march = (await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' })).meeting;
  const june = (await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-06-18T10:00' })).meeting;
  const add = (title: string, plannedFor: string) => ws.call('forwardPlan.add', { boardId: board.id, title, purpose: 'decision', leadPersonId: people.vruManager, plannedFor });
  const a = await add('Communications strategy', '2020-09');
  const b = await add('Membership review', '2020-09');
  const c = await add('Performance framework', '2020-09');
  return { ...fixture, march, june, a, b, c };
}

describe('the forward plan on screen', () => {
  it('keeps the order items were added in, and takes a new order with every item’s version', async () => {
    const ws = await tempWorkspace();
    const { board, a, b, c } = await planned(ws);
    expect([a, b, c].map((f) => f.position)).toEqual([1, 2, 3]);
    const list = await ws.call('forwardPlan.reorder', { boardId: board.id, plannedFor: '2020-09', itemIds: [c.id, a.id, b.id], versions: [a, b, c].map((f) => ({ id: f.id, version: f.version })) });
    expect(list.filter((f) => f.plannedFor === '2020-09').map((f) => f.title)).toEqual(['Performance framework', 'Communications strategy', 'Membership review']);
    // A new order made from what someone read before is refused, naming the version; nothing moves.
    const stale = await ws.fails('forwardPlan.reorder', { boardId: board.id, plannedFor: '2020-09', itemIds: [a.id, b.id, c.id], versions: [a, b, c].map((f) => ({ id: f.id, version: f.version })) });
    expect(stale).toMatchObject({ code: 'stale', field: 'version' });
    // An order that leaves one out, or lists one planned for another month, is refused by itemIds.
    const now = await ws.call('forwardPlan.list', { boardId: board.id });
    const versions = now.map((f) => ({ id: f.id, version: f.version }));
    expect(await ws.fails('forwardPlan.reorder', { boardId: board.id, plannedFor: '2020-09', itemIds: [a.id, b.id], versions })).toMatchObject({ code: 'forwardPlan.badOrder', field: 'itemIds' });
    expect(await ws.fails('forwardPlan.reorder', { boardId: board.id, plannedFor: '2020-10', itemIds: [a.id, b.id, c.id], versions })).toMatchObject({ code: 'forwardPlan.badOrder', field: 'itemIds' });
    expect((await ws.call('forwardPlan.list', { boardId: board.id })).map((f) => f.title)).toEqual(['Performance framework', 'Communications strategy', 'Membership review']);
  });

  it('edits an item with its version; an empty title is refused by field and nothing is saved', async () => {
    const ws = await tempWorkspace();
    const { a } = await planned(ws);
    const edited = await ws.call('forwardPlan.update', { id: a.id, version: a.version, title: 'Communications and media strategy', purpose: 'discussion' });
    expect(edited).toMatchObject({ title: 'Communications and media strategy', purpose: 'discussion', version: a.version + 1 });
    expect(await ws.fails('forwardPlan.update', { id: a.id, version: edited.version, title: '   ' })).toMatchObject({ code: 'validation', field: 'title' });
    expect(await ws.fails('forwardPlan.update', { id: a.id, version: edited.version, plannedFor: '2020-13' })).toMatchObject({ code: 'validation', field: 'plannedFor' });
    expect(await ws.fails('forwardPlan.update', { id: a.id, version: a.version, title: 'Old title' })).toMatchObject({ code: 'stale' });
    expect(await ws.call('forwardPlan.list', { boardId: edited.boardId })).toContainEqual(expect.objectContaining({ id: a.id, title: 'Communications and media strategy', version: edited.version }));
  });

  it('moves an item to a meeting (onto its agenda), then to another (off the first agenda), and refuses an unknown or held meeting', async () => {
    const ws = await tempWorkspace();
    const { board, march, june, b, c } = await planned(ws);
    const moved = await ws.call('forwardPlan.move', { id: b.id, version: b.version, meetingId: june.id });
    expect(moved).toMatchObject({ plannedFor: '2020-06-18', meetingId: june.id });
    let juneAgenda = (await ws.call('meeting.get', { id: june.id })).agenda;
    // Before any other business, as every new item goes.
    expect(juneAgenda.map((i) => i.title).slice(-3)).toEqual(['Membership review', 'Any other business', 'Date of next meeting']);
    const onJune = juneAgenda.find((i) => i.title === 'Membership review')!;
    expect(onJune.id).toBe(moved.agendaItemId);

    // On to March: the same agenda item leaves June and joins March, both agendas renumbered.
    const again = await ws.call('forwardPlan.move', { id: b.id, version: moved.version, meetingId: march.id });
    expect(again).toMatchObject({ plannedFor: '2020-03-10', meetingId: march.id, agendaItemId: onJune.id });
    juneAgenda = (await ws.call('meeting.get', { id: june.id })).agenda;
    expect(juneAgenda.map((i) => i.title)).not.toContain('Membership review');
    expect(juneAgenda.map((i) => i.position)).toEqual(juneAgenda.map((_, i) => i + 1));
    const marchAgenda = (await ws.call('meeting.get', { id: march.id })).agenda;
    expect(marchAgenda.map((i) => i.title)).toContain('Membership review');
    expect(marchAgenda.map((i) => i.position)).toEqual(marchAgenda.map((_, i) => i + 1));
    // The wording follows to the agenda while the meeting is to come.
    await ws.call('forwardPlan.update', { id: b.id, version: again.version, title: 'Review of VRU membership' });
    expect((await ws.call('meeting.get', { id: march.id })).agenda.map((i) => i.title)).toContain('Review of VRU membership');

    // Bad moves, each named by the meeting field, nothing written.
    expect(await ws.fails('forwardPlan.move', { id: c.id, version: c.version, meetingId: 999999 })).toMatchObject({ code: 'forwardPlan.noMeeting', field: 'meetingId' });
    const other = await ws.call('board.create', { name: 'Tactical Group', code: 'TG' });
    const otherMeeting = (await ws.call('meeting.create', { boardId: other.id, startsAt: '2020-04-01T10:00' })).meeting;
    expect(await ws.fails('forwardPlan.move', { id: c.id, version: c.version, meetingId: otherMeeting.id })).toMatchObject({ code: 'forwardPlan.otherBoard', field: 'meetingId' });
    for (const status of ['agenda_issued', 'held'] as const) await ws.call('meeting.setStatus', { id: march.id, status });
    expect(await ws.fails('forwardPlan.move', { id: c.id, version: c.version, meetingId: march.id })).toMatchObject({ code: 'forwardPlan.meetingHeld', field: 'meetingId' });
    // Taken at a held meeting: it stays in that meeting's record.
    const current = (await ws.call('forwardPlan.list', { boardId: board.id })).find((f) => f.id === b.id)!;
    expect(await ws.fails('forwardPlan.move', { id: b.id, version: current.version, meetingId: june.id })).toMatchObject({ code: 'forwardPlan.taken', field: 'meetingId' });
    // On an agenda, its date is changed by moving it, not by typing one.
    expect(await ws.fails('forwardPlan.update', { id: b.id, version: current.version, plannedFor: '2020-09' })).toMatchObject({ code: 'forwardPlan.onAgenda', field: 'plannedFor' });
    expect((await ws.call('forwardPlan.list', { boardId: board.id })).find((f) => f.id === c.id)).toMatchObject({ plannedFor: '2020-09', agendaItemId: null, version: c.version });
  });
});

describe('a board’s own standing items', () => {
  it('start from the template, are saved as the board’s own with its version, and open a new meeting’s agenda', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const template = await ws.call('board.standingItems', { boardId: board.id });
    expect(template.own).toBe(false);
    expect(template.items.map((i) => i.kind)).toEqual(['welcome', 'declarations', 'minutes', 'aob', 'next_meeting']);
    const items = [
      ...template.items.slice(0, 3),
      { kind: null, placement: 'start' as const, title: 'Risk register', purpose: 'noting' as const, minutesAllotted: 10, lead: null },
      { ...template.items[3]!, title: 'Any other business (notified to the chair in advance)' },
      template.items[4]!,
    ];
    const own = await ws.call('board.setStandingItems', { boardId: board.id, version: template.version, items });
    expect(own.own).toBe(true);
    expect(own.version).toBe(template.version + 1);
    const { agenda } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00', pullForwardPlan: false });
    expect(agenda.map((i) => i.title)).toEqual([
      'Welcome, introductions and apologies',
      'Declarations of interest',
      'Minutes of the last meeting and matters arising (including the action log)',
      'Risk register',
      'Any other business (notified to the chair in advance)',
      'Date of next meeting',
    ]);
    expect(agenda.find((i) => i.title === 'Risk register')).toMatchObject({ standingKind: null, leadPersonId: null, minutesAllotted: 10 });
    // Audited as a change to the board.
    const audit = await ws.query<{ after_json: string }>(`SELECT after_json FROM audit_log WHERE entity = 'board' AND entity_id = ? AND action = 'update' ORDER BY id DESC LIMIT 1`, board.id);
    expect(audit[0]!.after_json).toContain('Risk register');
    // A new board still starts from the template.
    const other = await ws.call('board.create', { name: 'Tactical Group', code: 'TG' });
    expect((await ws.call('board.standingItems', { boardId: other.id })).own).toBe(false);
    // Back to the template.
    const reset = await ws.call('board.resetStandingItems', { boardId: board.id, version: own.version });
    expect(reset).toMatchObject({ own: false, version: own.version + 1 });
  });

  it('refuses an unknown kind, a kind twice, an empty title or a stale version, by field, saving nothing', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const { items, version } = await ws.call('board.standingItems', { boardId: board.id });
    const bad = items.map((i, n) => (n === 2 ? { ...i, kind: 'prayers' } : i));
    expect(await ws.fails('board.setStandingItems', { boardId: board.id, version, items: bad as never })).toMatchObject({ code: 'validation', field: 'items.2.kind' });
    const twice = [...items, { ...items[0]!, title: 'Welcome again' }];
    expect(await ws.fails('board.setStandingItems', { boardId: board.id, version, items: twice })).toMatchObject({ code: 'validation', field: 'items.5.kind' });
    const empty = items.map((i, n) => (n === 1 ? { ...i, title: ' ' } : i));
    expect(await ws.fails('board.setStandingItems', { boardId: board.id, version, items: empty })).toMatchObject({ code: 'validation', field: 'items.1.title' });
    await ws.call('board.update', { id: board.id, version, papersDueWorkingDays: 7 });
    expect(await ws.fails('board.setStandingItems', { boardId: board.id, version, items })).toMatchObject({ code: 'stale', field: 'version' });
    expect((await ws.call('board.standingItems', { boardId: board.id })).own).toBe(false);
  });
});

describe('mark all present', () => {
  it('marks every member with no mark present in one write, keeps apologies, and refuses when a colleague has marked someone since', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    await ws.call('attendance.set', { meetingId: meeting.id, personId: people.medway, status: 'apologies' });
    // Tony Blaker substitutes for the Chief Constable.
    await ws.call('attendance.set', { meetingId: meeting.id, personId: people.policeDeputy, status: 'present', substituteForPersonId: people.police });
    const read = await ws.call('meeting.get', { id: meeting.id });
    const cells = read.members.map((m) => {
      const a = read.attendance.find((x) => x.personId === m.personId);
      return { personId: m.personId, was: a ? { status: a.status, substituteForPersonId: a.substituteForPersonId } : null };
    });
    const before = (await ws.query<{ id: number }>('SELECT max(id) AS id FROM audit_log'))[0]!.id;
    const d = await ws.call('attendance.markAllPresent', { meetingId: meeting.id, cells });
    const status = (pid: number) => d.attendance.find((a) => a.personId === pid)?.status ?? null;
    expect(status(people.medway)).toBe('apologies');
    expect(status(people.pcc)).toBe('present');
    expect(status(people.clerk)).toBe('present');
    expect(status(people.police)).toBeNull(); // represented by his substitute
    expect(d.quorum?.met).toBe(true);
    const audited = await ws.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE id > ? AND entity = 'attendance' AND action = 'create'`, before);
    expect(Number(audited[0]!.n)).toBe(7);

    // A second screen read the register before; a colleague then sends the fire chief's apologies.
    const { meeting: next } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-06-18T10:00' });
    const blank = read.members.map((m) => ({ personId: m.personId, was: null }));
    await ws.call('attendance.set', { meetingId: next.id, personId: people.fire, status: 'apologies', was: null });
    const refused = await ws.fails('attendance.markAllPresent', { meetingId: next.id, cells: blank });
    expect(refused).toMatchObject({ code: 'stale', field: 'was' });
    expect(refused.message).toMatch(/since you opened it/);
    const after = await ws.call('meeting.get', { id: next.id });
    expect(after.attendance.map((a) => [a.personId, a.status])).toEqual([[people.fire, 'apologies']]);
    // Someone not a member is refused by their cell.
    const outsider = (await ws.call('person.create', { givenName: 'Guest', familyName: 'Speaker' })).id;
    expect(await ws.fails('attendance.markAllPresent', { meetingId: next.id, cells: [{ personId: outsider, was: null }] })).toMatchObject({ code: 'attendance.notAMember', field: 'cells.0.personId' });
  });
});

describe('migration 011', () => {
  it('upgrades a version 7 file: plan items keep their order, boards use the template', () => {
    if (process.env.BOARD_TEST_ENGINE === 'postgres') return;
    const db = new Database(join(tempDir(), 'old.db'));
    migrate(db, migrations.filter((m) => m.version <= 7));
    const now = '2020-01-01T00:00:00';
    db.prepare(`INSERT INTO board (id, name, code, created_at, updated_at) VALUES (1, 'Board', 'B', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO forward_plan_item (board_id, title, planned_for) VALUES (1, 'A', '2020-06')`).run();
    migrate(db);
    expect(db.prepare(`SELECT position FROM forward_plan_item`).get()).toEqual({ position: 0 });
    expect(db.prepare(`SELECT standing_items FROM board`).get()).toEqual({ standing_items: null });
    db.close();
  });
});
