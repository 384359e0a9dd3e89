import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

// The test clock: Monday 2 March 2020, 10:00.

describe('boards and memberships', () => {
  it('a board keeps its quorum rule with the organisations it requires', async () => {
    const ws = await tempWorkspace();
    const { board, orgs } = await strategicBoard(ws);
    expect(board.quorumCount).toBe(4);
    expect(board.quorumOrganisations).toEqual([{ id: orgs.police, name: 'Kent Police' }]);
    expect((await ws.call('board.get', { id: board.id })).currentMemberCount).toBe(9);
    const err = await ws.fails('board.create', { name: 'kent and medway vru strategic board', code: 'OTHER' });
    expect(err).toMatchObject({ code: 'board.duplicateName', field: 'name' });
    const bad = await ws.fails('board.create', { name: 'Tactical Group', code: 'tg' });
    expect(bad).toMatchObject({ code: 'validation', field: 'code' });
  });

  it('updating one field of a board leaves the others alone', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const changed = await ws.call('board.update', { id: board.id, papersDueWorkingDays: 7 });
    expect(changed).toMatchObject({ papersDueWorkingDays: 7, quorumCount: 4, protectiveMarking: 'OFFICIAL', name: board.name });
    expect(changed.quorumOrganisations).toHaveLength(1);
  });

  it('changing the quorum organisations writes and audits only the organisations added or taken away', async () => {
    const ws = await tempWorkspace();
    const { board, orgs } = await strategicBoard(ws);
    const before = (await ws.query<{ id: number }>('SELECT max(id) AS id FROM audit_log'))[0]!.id;
    const changed = await ws.call('board.update', { id: board.id, quorumOrganisationIds: [orgs.kcc, orgs.police] });
    expect(changed.quorumOrganisations.map((o) => o.id).sort()).toEqual([orgs.police, orgs.kcc].sort());
    await ws.call('board.update', { id: board.id, quorumOrganisationIds: [orgs.kcc] });
    const links = await ws.query(
      `SELECT action, entity_id, before_json, after_json FROM audit_log WHERE id > ? AND entity = 'board_quorum_organisation' ORDER BY id`,
      before,
    );
    expect(links).toEqual([
      { action: 'create', entity_id: board.id, before_json: null, after_json: JSON.stringify({ board_id: board.id, organisation_id: orgs.kcc }) },
      { action: 'delete', entity_id: board.id, before_json: JSON.stringify({ board_id: board.id, organisation_id: orgs.police }), after_json: null },
    ]);
    expect(await ws.query('SELECT organisation_id FROM board_quorum_organisation WHERE board_id = ?', board.id)).toEqual([{ organisation_id: orgs.kcc }]);
  });

  it('refuses overlapping memberships of the same person, naming starts on', async () => {
    const ws = await tempWorkspace();
    const { board, people, memberships } = await strategicBoard(ws);
    const err = await ws.fails('membership.create', { boardId: board.id, personId: people.fire, startsOn: '2020-01-01' });
    expect(err.code).toBe('membership.overlap');
    expect(err.field).toBe('startsOn');
    expect(err.message).toBe(
      'Starts on: Ann Millington is already a member of Kent and Medway VRU Strategic Board from 1 October 2019 with no end date. A new membership must start after that one ends (set its end date first).',
    );
    // End the first membership, then a new one after it is fine; one touching its last day is not.
    await ws.call('membership.update', { id: memberships.fire, endsOn: '2019-12-31' });
    expect((await ws.fails('membership.create', { boardId: board.id, personId: people.fire, startsOn: '2019-12-31' })).field).toBe('startsOn');
    await ws.call('membership.create', { boardId: board.id, personId: people.fire, role: 'adviser', startsOn: '2020-01-01' });
    // Moving the first membership's end past the second's start overlaps again.
    const again = await ws.fails('membership.update', { id: memberships.fire, endsOn: '2020-02-01' });
    expect(again.message).toContain('from 1 January 2020 with no end date');
    const backwards = await ws.fails('membership.update', { id: memberships.fire, endsOn: '2019-09-01' });
    expect(backwards).toMatchObject({ code: 'membership.endsBeforeStart', field: 'endsOn' });
  });

  it('answers who sat on the board on a date', async () => {
    const ws = await tempWorkspace();
    const { board, people, memberships } = await strategicBoard(ws);
    await ws.call('membership.update', { id: memberships.medway, endsOn: '2019-12-31' });
    const newcomer = (await ws.call('person.create', { givenName: 'Rebecca', familyName: 'Smith', organisationId: null })).id;
    await ws.call('membership.create', { boardId: board.id, personId: newcomer, startsOn: '2020-01-01' });
    const dec = (await ws.call('membership.list', { boardId: board.id, on: '2019-12-10' })).map((m) => m.personId);
    const mar = (await ws.call('membership.list', { boardId: board.id, on: '2020-03-10' })).map((m) => m.personId);
    expect(dec).toContain(people.medway);
    expect(dec).not.toContain(newcomer);
    expect(mar).not.toContain(people.medway);
    expect(mar).toContain(newcomer);
    expect(await ws.call('membership.list', { boardId: board.id, on: '2019-09-30' })).toEqual([]);
    const all = await ws.call('membership.list', { boardId: board.id });
    expect(all).toHaveLength(10);
    expect(all[0]).toMatchObject({ role: 'chair', name: 'Matthew Scott' });
  });

  it('named substitutes: a member cannot substitute for themselves, and nothing is half-saved', async () => {
    const ws = await tempWorkspace();
    const { board, people, memberships } = await strategicBoard(ws);
    const police = (await ws.call('membership.list', { boardId: board.id })).find((m) => m.id === memberships.police)!;
    expect(police.substitutes).toEqual([{ personId: people.policeDeputy, name: 'Tony Blaker' }]);
    const before = (await ws.call('membership.list', { boardId: board.id })).length;
    const newcomer = (await ws.call('person.create', { givenName: 'New', familyName: 'Member', organisationId: null })).id;
    const err = await ws.fails('membership.create', { boardId: board.id, personId: newcomer, startsOn: '2020-01-01', substituteIds: [newcomer] });
    expect(err).toMatchObject({ code: 'membership.selfSubstitute', field: 'substituteIds.0' });
    expect(await ws.call('membership.list', { boardId: board.id })).toHaveLength(before);
  });
});

describe('meetings and agendas', () => {
  it('a new meeting gets its papers deadline and the standing items, led by the chair', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const d = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-04-14T14:00', location: 'Sessions House, Maidstone' });
    expect(d.meeting).toMatchObject({ status: 'planned', endsAt: '2020-04-14T16:00', papersDueOn: '2020-04-03', quorate: null });
    expect(d.agenda.map((i) => [i.number, i.startsAt, i.title, i.standingKind])).toEqual([
      [1, '14:00', 'Welcome, introductions and apologies', 'welcome'],
      [2, '14:05', 'Declarations of interest', 'declarations'],
      [3, '14:10', 'Minutes of the last meeting and matters arising (including the action log)', 'minutes'],
      [4, '14:20', 'Any other business', 'aob'],
      [5, '14:30', 'Date of next meeting', 'next_meeting'],
    ]);
    expect(d.agenda.every((i) => i.leadPersonId === people.pcc)).toBe(true);
    expect(d.members).toHaveLength(9);
    expect(d.warnings).toEqual([]);
  });

  it('new items go before any other business; reorder renumbers and retimes; overrun is a warning', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const m = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    let d = await ws.call('agenda.addItem', { meetingId: m.meeting.id, title: 'Problem Profile and Response Strategy', purpose: 'decision', leadPersonId: people.vruManager, minutesAllotted: 30 });
    d = await ws.call('agenda.addItem', { meetingId: m.meeting.id, title: 'VRU budget 2019/20', purpose: 'noting', minutesAllotted: 20 });
    expect(d.agenda.map((i) => i.title.slice(0, 12))).toEqual(['Welcome, int', 'Declarations', 'Minutes of t', 'Problem Prof', 'VRU budget 2', 'Any other bu', 'Date of next']);
    expect(d.agenda[4]).toMatchObject({ number: 5, startsAt: '14:50', endsAt: '15:10' });

    const ids = d.agenda.map((i) => i.id);
    const budgetFirst = [ids[0]!, ids[1]!, ids[2]!, ids[4]!, ids[3]!, ids[5]!, ids[6]!];
    d = await ws.call('agenda.reorder', { meetingId: m.meeting.id, itemIds: budgetFirst });
    expect(d.agenda.map((i) => [i.number, i.title.slice(0, 12), i.startsAt])).toEqual([
      [1, 'Welcome, int', '14:00'],
      [2, 'Declarations', '14:05'],
      [3, 'Minutes of t', '14:10'],
      [4, 'VRU budget 2', '14:20'],
      [5, 'Problem Prof', '14:40'],
      [6, 'Any other bu', '15:10'],
      [7, 'Date of next', '15:20'],
    ]);

    const missing = await ws.fails('agenda.reorder', { meetingId: m.meeting.id, itemIds: budgetFirst.slice(1) });
    expect(missing).toMatchObject({ code: 'agenda.badOrder', field: 'itemIds' });

    d = await ws.call('agenda.updateItem', { id: ids[3]!, minutesAllotted: 80 });
    expect(d.agenda.find((i) => i.id === ids[3])!.title).toBe('Problem Profile and Response Strategy'); // the rest unchanged
    expect(d.warnings).toEqual([
      { code: 'agenda.overrun', message: 'The agenda runs to 16:15, 15 minutes after the meeting is due to end at 16:00. Shorten items or extend the meeting.', field: 'minutesAllotted' },
    ]);

    d = await ws.call('agenda.removeItem', { id: ids[4]! });
    expect(d.agenda.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('the forward plan is pulled into the agenda of the meeting it was planned for', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    await ws.call('forwardPlan.add', { boardId: board.id, title: 'Response Strategy sign-off', purpose: 'decision', leadPersonId: people.vruManager, plannedFor: '2020-03' });
    await ws.call('forwardPlan.add', { boardId: board.id, title: 'Annual report', purpose: 'noting', plannedFor: '2020-06' });
    const d = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    expect(d.agenda.map((i) => i.title)).toContain('Response Strategy sign-off');
    expect(d.agenda.map((i) => i.title)).not.toContain('Annual report');
    const plan = await ws.call('forwardPlan.list', { boardId: board.id });
    expect(plan.find((p) => p.title === 'Response Strategy sign-off')).toMatchObject({ meetingId: d.meeting.id });
    expect(plan.find((p) => p.title === 'Annual report')).toMatchObject({ meetingId: null, agendaItemId: null });
    // Pulling again adds nothing twice.
    const again = await ws.call('agenda.pullForwardPlan', { meetingId: d.meeting.id });
    expect(again.agenda).toHaveLength(d.agenda.length);
  });

  it('status moves one step at a time; approved minutes freeze the agenda', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    expect(await ws.fails('meeting.setStatus', { id: meeting.id, status: 'held' })).toMatchObject({ code: 'meeting.statusStep', field: 'status' });
    for (const status of ['agenda_issued', 'held', 'minutes_draft', 'minutes_approved'] as const) await ws.call('meeting.setStatus', { id: meeting.id, status });
    expect(await ws.fails('agenda.addItem', { meetingId: meeting.id, title: 'Late item' })).toMatchObject({ code: 'meeting.approved' });
    expect(await ws.fails('meeting.delete', { id: meeting.id })).toMatchObject({ code: 'meeting.held' });
  });

  it('moving a meeting moves its papers deadline and keeps its length', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00', endsAt: '2020-03-10T15:30' });
    const d = await ws.call('meeting.update', { id: meeting.id, startsAt: '2020-05-12T10:00' });
    expect(d.meeting).toMatchObject({ startsAt: '2020-05-12T10:00', endsAt: '2020-05-12T11:30', papersDueOn: '2020-05-04' });
    expect(await ws.fails('meeting.update', { id: meeting.id, endsAt: '2020-05-12T09:00' })).toMatchObject({ field: 'endsAt' });
  });

  it('lists meetings newest first, by board, dates and status, each filter only when given', async () => {
    const ws = await tempWorkspace();
    const { board } = await strategicBoard(ws);
    const tactical = await ws.call('board.create', { name: 'VRU Tactical Group', code: 'TG', quorumCount: 3 });
    const at = async (boardId: number, startsAt: string) => (await ws.call('meeting.create', { boardId, startsAt, standingItems: false })).meeting.id;
    const dec = await at(board.id, '2019-12-10T14:00');
    const mar = await at(board.id, '2020-03-10T14:00');
    const jun = await at(board.id, '2020-06-09T14:00');
    const tg = await at(tactical.id, '2020-03-10T10:00');
    await ws.call('meeting.setStatus', { id: dec, status: 'agenda_issued' });
    const ids = async (filter: object) => (await ws.call('meeting.list', filter)).rows.map((m) => m.id);
    expect(await ids({})).toEqual([jun, mar, tg, dec]);
    expect(await ids({ boardId: board.id })).toEqual([jun, mar, dec]);
    // "To" is a date: a meeting on that day is in, whatever its time.
    expect(await ids({ from: '2020-01-01', to: '2020-03-10' })).toEqual([mar, tg]);
    expect(await ids({ boardId: tactical.id, from: '2020-03-11' })).toEqual([]);
    expect(await ids({ status: 'agenda_issued' })).toEqual([dec]);
    expect((await ws.call('meeting.list', { boardId: board.id, status: 'planned' })).rows.map((m) => [m.boardCode, m.agendaItemCount])).toEqual([['VRUSB', 0], ['VRUSB', 0]]);
  });
});

describe('attendance, quorum and declarations', () => {
  it('a substitute counts towards quorum for the member they replace', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const set = (personId: number, status: 'present' | 'apologies' | 'absent', substituteForPersonId: number | null = null) =>
      ws.call('attendance.set', { meetingId: meeting.id, personId, status, substituteForPersonId });
    await set(people.pcc, 'present');
    await set(people.kcc, 'present');
    await set(people.fire, 'present');
    let d = await set(people.police, 'apologies');
    expect(d.quorum).toMatchObject({ met: false, present: 3 });
    expect(d.quorum!.statement).toBe('Not quorate: 3 members present or represented (quorum 4); 1 member short; Kent Police not represented.');
    expect(d.meeting.quorate).toBe(false);

    d = await set(people.policeDeputy, 'present', people.police);
    expect(d.quorum).toMatchObject({ met: true, present: 4 });
    expect(d.meeting.quorate).toBe(true);
    expect(d.quorum!.counted.find((c) => c.personId === people.police)!.substitute!.name).toBe('Tony Blaker');
    expect(d.warnings).toEqual([]); // Tony Blaker is a named substitute

    // The member cannot now be marked present too, nor can a second substitute stand in.
    expect(await ws.fails('attendance.set', { meetingId: meeting.id, personId: people.police, status: 'present' })).toMatchObject({ code: 'attendance.alreadyRepresented' });
    const other = (await ws.call('person.create', { givenName: 'Other', familyName: 'Officer', organisationId: null })).id;
    expect(await ws.fails('attendance.set', { meetingId: meeting.id, personId: other, status: 'present', substituteForPersonId: people.police })).toMatchObject({
      code: 'attendance.twoSubstitutes',
      field: 'substituteForPersonId',
    });
    // A substitute for someone who is not a member is refused.
    expect(await ws.fails('attendance.set', { meetingId: meeting.id, personId: other, status: 'present', substituteForPersonId: people.policeDeputy })).toMatchObject({
      code: 'attendance.notAMember',
    });
  });

  it('an unnamed substitute is a warning, not an error', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const other = (await ws.call('person.create', { givenName: 'Dee', familyName: 'Puty', organisationId: null })).id;
    const d = await ws.call('attendance.set', { meetingId: meeting.id, personId: other, status: 'present', substituteForPersonId: people.fire });
    expect(d.warnings.map((w) => w.code)).toEqual(['attendance.unnamedSubstitute']);
    expect(d.warnings[0]!.message).toBe('Dee Puty is not a named substitute for Ann Millington; they count towards quorum only if the chair accepts them.');
  });

  it('an item is inquorate when members who declared an interest withdraw', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const m = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const d0 = await ws.call('agenda.addItem', { meetingId: m.meeting.id, title: 'Violence Reduction Fund awards', purpose: 'decision' });
    const item = d0.agenda.find((i) => i.title === 'Violence Reduction Fund awards')!;
    for (const p of [people.pcc, people.police, people.kcc, people.fire]) await ws.call('attendance.set', { meetingId: m.meeting.id, personId: p, status: 'present' });
    const d = await ws.call('declaration.add', { meetingId: m.meeting.id, agendaItemId: item.id, personId: people.fire, interest: 'Kent Fire and Rescue Service bid for an award', interestType: 'other_registrable', withdrew: true });
    expect(d.quorum!.met).toBe(true);
    const after = d.agenda.find((i) => i.id === item.id)!;
    expect(after.quorum).toMatchObject({ met: false, present: 3 });
    expect(after.declarations).toHaveLength(1);
    expect(d.agenda.find((i) => i.standingKind === 'welcome')!.quorum!.met).toBe(true);
    expect(d.warnings.map((w) => w.code)).toContain('agenda.itemInquorate');
    // A declaration against another meeting's item is refused.
    const other = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-06-09T14:00' });
    expect(await ws.fails('declaration.add', { meetingId: other.meeting.id, agendaItemId: item.id, personId: people.fire, interest: 'x', interestType: 'pecuniary' })).toMatchObject({ field: 'agendaItemId' });
  });

  it('attendance statistics over the financial year', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    for (const [startsAt, present] of [
      ['2019-10-15T14:00', [people.pcc, people.police, people.kcc]],
      ['2020-01-14T14:00', [people.pcc, people.kcc]],
    ] as const) {
      const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt, standingItems: false });
      for (const p of present) await ws.call('attendance.set', { meetingId: meeting.id, personId: p, status: 'present' });
      for (const s of ['agenda_issued', 'held'] as const) await ws.call('meeting.setStatus', { id: meeting.id, status: s });
    }
    // A planned meeting does not count.
    await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const stats = await ws.call('attendance.statistics', { boardId: board.id, financialYear: '2019/20' });
    expect(stats.meetingsHeld).toBe(2);
    expect(stats.members.find((m) => m.personId === people.police)).toMatchObject({ expected: 2, attended: 1, absent: 1, ratePercent: 50 });
    expect(stats.organisations.find((o) => o.name === 'Kent County Council')).toMatchObject({ expected: 2, represented: 2, ratePercent: 100 });
  });
});

describe('the action log', () => {
  it('an action needs an owner and cannot fall due before its meeting', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const m = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const noOwner = await ws.fails('action.create', { meetingId: m.meeting.id, description: 'Circulate the Problem Profile' });
    expect(noOwner).toMatchObject({ code: 'action.noOwner', field: 'ownerPersonId' });
    const early = await ws.fails('action.create', { meetingId: m.meeting.id, description: 'Circulate', ownerPersonId: people.vruManager, dueOn: '2020-03-09' });
    expect(early).toMatchObject({ code: 'action.dueBeforeMeeting', field: 'dueOn' });
    expect((await ws.call('action.list')).rows).toEqual([]); // nothing half-saved
    const a = await ws.call('action.create', { meetingId: m.meeting.id, agendaItemId: m.agenda[2]!.id, description: 'Circulate', ownerOrganisationId: (await ws.call('organisation.list')).find((o) => o.name === 'Kent Police')!.id, dueOn: '2020-03-10' });
    expect(a).toMatchObject({ boardId: board.id, status: 'open', ownerName: 'Kent Police', overdue: false });
  });

  it('overdue from today, updates with dates, done sets completed; filters', async () => {
    const ws = await tempWorkspace(); // today is Monday 2 March 2020
    const { board, people, orgs } = await strategicBoard(ws);
    const jan = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-01-14T14:00' });
    const late = await ws.call('action.create', { meetingId: jan.meeting.id, description: 'Share knife crime data', ownerPersonId: people.police, dueOn: '2020-02-28' });
    const thisWeek = await ws.call('action.create', { meetingId: jan.meeting.id, description: 'Draft the Response Strategy', ownerPersonId: people.vruManager, dueOn: '2020-03-06' });
    const later = await ws.call('action.create', { boardId: board.id, description: 'Book the venue', ownerOrganisationId: orgs.opcc, dueOn: '2020-04-30' });
    expect(late.overdue).toBe(true);
    expect(late.ownerName).toBe('Alan Pughsley (Kent Police)');
    expect(thisWeek.overdue).toBe(false);

    const updated = await ws.call('action.addUpdate', { actionId: late.id, text: 'Data sharing agreement with the council lawyers' });
    expect(updated.updates).toEqual([expect.objectContaining({ updatedOn: '2020-03-02', text: 'Data sharing agreement with the council lawyers' })]);
    expect(updated.status).toBe('in_progress');
    expect(updated.latestUpdate).toEqual({ updatedOn: '2020-03-02', text: 'Data sharing agreement with the council lawyers' });
    expect(await ws.fails('action.addUpdate', { actionId: late.id, text: 'x', updatedOn: '2020-03-03' })).toMatchObject({ field: 'updatedOn' });

    const week = await ws.call('action.dueThisWeek');
    expect(week).toMatchObject({ weekStart: '2020-03-02', weekEnd: '2020-03-08' });
    expect(week.dueThisWeek.map((a) => a.id)).toEqual([thisWeek.id]);
    expect(week.overdue).toEqual({ total: 1, first: [expect.objectContaining({ id: late.id })] });

    expect((await ws.call('action.list', { overdue: true })).rows.map((a) => a.id)).toEqual([late.id]);
    expect((await ws.call('action.list', { ownerOrganisationId: orgs.police })).rows.map((a) => a.id)).toEqual([late.id, thisWeek.id]);
    expect((await ws.call('action.list', { ownerPersonId: people.vruManager })).rows.map((a) => a.id)).toEqual([thisWeek.id]);
    expect((await ws.call('action.list', { statuses: ['open'] })).rows.map((a) => a.id)).toEqual([thisWeek.id, later.id]);
    expect((await ws.call('action.list', { boardId: board.id, search: 'venue' })).rows.map((a) => a.id)).toEqual([later.id]);

    const done = await ws.call('action.update', { id: late.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', completedOn: '2020-03-02', overdue: false, description: 'Share knife crime data' });
    const reopened = await ws.call('action.update', { id: late.id, status: 'open' });
    expect(reopened).toMatchObject({ completedOn: null, overdue: true });
    expect(await ws.fails('action.update', { id: late.id, ownerPersonId: null })).toMatchObject({ code: 'action.noOwner' });
  });

  it('open actions of a board are the next meeting’s matters arising', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const jan = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-01-14T14:00' });
    const mar = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    const open = await ws.call('action.create', { meetingId: jan.meeting.id, description: 'Open one', ownerPersonId: people.kcc, dueOn: '2020-02-01' });
    const closed = await ws.call('action.create', { meetingId: jan.meeting.id, description: 'Closed one', ownerPersonId: people.kcc });
    await ws.call('action.update', { id: closed.id, status: 'done' });
    await ws.call('action.create', { meetingId: mar.meeting.id, description: 'From March itself', ownerPersonId: people.kcc });
    const d = await ws.call('meeting.get', { id: mar.meeting.id });
    expect(d.mattersArising.map((a) => a.id)).toEqual([open.id]);
    expect(d.actions.map((a) => a.description)).toEqual(['From March itself']);
    expect(d.previousMeeting).toMatchObject({ id: jan.meeting.id });
  });
});
