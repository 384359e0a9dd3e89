import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STANDING_ITEMS } from '../../main/meetings/standing-items';
import { libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf } from '../helpers/documents';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

/**
 * The review of issue 15 (findings F5, F7, F8, F11): minutes drafted before minute numbers are
 * numbered on request, and the demo's are numbered; new agenda items go before a board's own
 * closing standing items; a resolution on an inquorate item is warned of and minuted so; an
 * action's edit and its progress update are one write; a meeting not yet held approves nothing.
 */
const textOf = async (path: string) => paragraphs((await readDocx(path)).document).map((p) => p.text);

async function meetingWithItem(ws: TestWorkspace, startsAt = '2019-10-15T14:00') {
  const f = await strategicBoard(ws);
  const d0 = await ws.call('meeting.create', { boardId: f.board.id, startsAt, location: 'Sessions House, Maidstone' });
  const d = await ws.call('agenda.addItem', { meetingId: d0.meeting.id, title: 'Problem Profile', purpose: 'decision', minutesAllotted: 30 });
  return { ...f, meetingId: d.meeting.id, item: d.agenda.find((i) => i.title === 'Problem Profile')! };
}

describe('review of issue 15: numbering old drafts, closing items, inquorate resolutions, one-write action edits', () => {
  it('F5: the demo’s January draft is numbered, and March continues the series', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const meetings = (await ws.call('meeting.list', { boardId: null, from: null, to: null, status: null })).rows.filter((m) => m.boardCode === 'SB');
    const january = meetings.find((m) => m.startsAt.startsWith('2020-01-23'))!;
    const march = meetings.find((m) => m.startsAt.startsWith('2020-03-19'))!;
    expect((await ws.call('meeting.get', { id: january.id })).agenda.map((i) => i.minuteNumber)).toEqual(['SB 1/20', 'SB 2/20', 'SB 3/20', 'SB 4/20', 'SB 5/20', 'SB 6/20']);
    for (const status of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: march.id, status });
    expect((await ws.call('meeting.get', { id: march.id })).agenda.map((i) => i.minuteNumber)).toEqual(['SB 7/20', 'SB 8/20', 'SB 9/20', 'SB 10/20', 'SB 11/20', 'SB 12/20']);
  });

  it('F5: minutes drafted before numbering existed are numbered by minutes.number; refused naming the meeting’s state otherwise', async () => {
    const ws = await tempWorkspace();
    const { meetingId } = await meetingWithItem(ws);
    for (const status of ['agenda_issued', 'held'] as const) await ws.call('meeting.setStatus', { id: meetingId, status });
    expect(await ws.fails('minutes.number', { id: meetingId })).toMatchObject({
      code: 'minutes.notDraft',
      field: 'id',
      message: 'Minutes are numbered once they are a draft; this meeting is "Held": mark it "Minutes draft", which numbers them.',
    });
    await ws.call('meeting.setStatus', { id: meetingId, status: 'minutes_draft' });
    // As a draft made before migration 008 left them: no numbers.
    await ws.query(`UPDATE agenda_item SET minute_number = NULL, minute_seq = NULL WHERE meeting_id = ?`, meetingId);
    const before = await ws.call('meeting.get', { id: meetingId });
    expect(before.agenda.every((i) => i.minuteNumber === null)).toBe(true);
    // Sent with the meeting's version as the screen read it; a stale one is refused, nothing numbered.
    expect(await ws.fails('minutes.number', { id: meetingId, version: before.meeting.version - 1 })).toMatchObject({ code: 'stale' });
    expect((await ws.call('meeting.get', { id: meetingId })).agenda.every((i) => i.minuteNumber === null)).toBe(true);
    const after = await ws.call('minutes.number', { id: meetingId, version: before.meeting.version });
    expect(after.agenda.map((i) => i.minuteNumber)).toEqual(['VRUSB 1/19', 'VRUSB 2/19', 'VRUSB 3/19', 'VRUSB 4/19', 'VRUSB 5/19', 'VRUSB 6/19']);
    expect(after.meeting.version).toBe(before.meeting.version + 1);
    expect(await ws.fails('minutes.number', { id: meetingId })).toMatchObject({ code: 'minutes.allNumbered', field: 'id' });
  });

  it('F7: an item added or pulled from the forward plan goes before the board’s own closing standing items', async () => {
    const ws = await tempWorkspace();
    const f = await strategicBoard(ws);
    const standing = await ws.call('board.standingItems', { boardId: f.board.id });
    const own = [
      ...BUILT_IN_STANDING_ITEMS,
      // The board's own closing item, with no kind of its own.
      { kind: null, placement: 'end' as const, title: 'Review of the meeting', purpose: 'noting' as const, minutesAllotted: 5, lead: 'chair' as const },
    ];
    await ws.call('board.setStandingItems', { boardId: f.board.id, version: standing.version, items: own });
    const d0 = await ws.call('meeting.create', { boardId: f.board.id, startsAt: '2019-10-15T14:00', location: 'Sessions House' });
    const closing = ['Any other business', 'Date of next meeting', 'Review of the meeting'];
    expect(d0.agenda.slice(-3).map((i) => i.title)).toEqual(closing);
    const d1 = await ws.call('agenda.addItem', { meetingId: d0.meeting.id, title: 'Problem Profile', purpose: 'decision', minutesAllotted: 30 });
    await ws.call('forwardPlan.add', { boardId: f.board.id, title: 'Response Strategy', purpose: 'decision', leadPersonId: null, plannedFor: '2019-10' });
    const d2 = await ws.call('agenda.pullForwardPlan', { meetingId: d0.meeting.id });
    expect(d1.agenda.slice(-4).map((i) => i.title)).toEqual(['Problem Profile', ...closing]);
    expect(d2.agenda.map((i) => i.title)).toEqual([
      'Welcome, introductions and apologies',
      'Declarations of interest',
      'Minutes of the last meeting and matters arising (including the action log)',
      'Problem Profile',
      'Response Strategy',
      ...closing,
    ]);
    // A position given by hand is kept: the rule is for the default place only.
    const d3 = await ws.call('agenda.addItem', { meetingId: d0.meeting.id, title: 'Late urgent item', purpose: 'noting', minutesAllotted: 5, position: d2.agenda.length + 1 });
    expect(d3.agenda.at(-1)!.title).toBe('Late urgent item');
  });

  it('F8: a resolution on an item while the meeting is not quorate is warned of and minuted as such', async () => {
    const ws = await tempWorkspace();
    const { people, meetingId, item } = await meetingWithItem(ws);
    // Quorum 4 including Kent Police: three members present, Kent Police absent.
    for (const p of [people.pcc, people.kcc, people.fire]) await ws.call('attendance.set', { meetingId, personId: p, status: 'present' });
    const detail = await ws.call('meeting.get', { id: meetingId });
    expect(detail.agenda.find((i) => i.id === item.id)!.quorum).toMatchObject({ met: false });
    const r = await ws.call('decision.create', { agendaItemId: item.id, title: 'Problem Profile', text: 'The Board approves the Problem Profile.', type: 'approve', status: 'agreed', ownerPersonId: people.vruManager });
    expect(r.warnings).toContainEqual({
      code: 'decision.inquorate',
      field: 'agendaItemId',
      message:
        'The meeting is not quorate for item 4: 3 members present or represented (quorum 4); 1 member short; Kent Police not represented. A decision recorded now is minuted as taken while the meeting was not quorate.',
    });
    const out = join(ws.dir, 'minutes.docx');
    await ws.call('meeting.exportMinutes', { id: meetingId, out });
    const text = await textOf(out);
    const at = text.indexOf(`RESOLVED that the Board approves the Problem Profile. (Decision ${r.decision.reference})`);
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('This resolution was recorded while the meeting was not quorate for this item: 3 members present or represented (quorum 4); 1 member short; Kent Police not represented.');

    // Quorate, the same resolution carries no such warning or line.
    await ws.call('attendance.set', { meetingId, personId: people.police, status: 'present' });
    const quorate = await ws.call('decision.create', { agendaItemId: item.id, title: 'Response Strategy', text: 'The Board approves the Response Strategy.', type: 'approve', status: 'agreed', ownerPersonId: people.vruManager });
    expect(quorate.warnings.map((w) => w.code)).not.toContain('decision.inquorate');
    await ws.call('meeting.exportMinutes', { id: meetingId, out });
    expect((await textOf(out)).some((p) => p.includes('not quorate for this item'))).toBe(false);

    // An item for which members withdrew below quorum (the meeting itself quorate): warned and minuted too.
    await ws.call('declaration.add', { meetingId, agendaItemId: item.id, personId: people.kcc, interest: 'Trustee of a bidding charity', interestType: 'other_registrable', withdrew: true });
    const withdrawn = await ws.call('decision.create', { agendaItemId: item.id, title: 'Grant', text: 'The Board awards the grant.', type: 'approve', status: 'agreed', ownerPersonId: people.vruManager });
    expect(withdrawn.warnings.find((w) => w.code === 'decision.inquorate')?.message).toContain('not counting 1 member who withdrew');
    await ws.call('meeting.exportMinutes', { id: meetingId, out });
    expect(await textOf(out)).toContain('These resolutions were recorded while the meeting was not quorate for this item: 3 members present or represented, not counting 1 member who withdrew (quorum 4); 1 member short.');
    // As a reader sees it, through LibreOffice.
    if (libreOfficeAvailable) {
      const { pdf } = renderPdf(out, ws.dir);
      expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('These resolutions were recorded while the meeting was not quorate for this item');
      mkdirSync('test-results', { recursive: true });
      copyFileSync(pdf, `test-results/minutes-inquorate-${ws.engine}.pdf`);
    }
  });

  it('F11a: an action’s new wording and its progress update are saved in one write, or neither', async () => {
    const ws = await tempWorkspace();
    const { people, meetingId, item } = await meetingWithItem(ws);
    const a = await ws.call('action.create', { meetingId, agendaItemId: item.id, description: 'Publish the Response Strategy', ownerPersonId: people.vruManager, dueOn: '2020-03-31' });
    // A revised due date without its reason: the wording and the update are not saved either.
    expect(await ws.fails('action.update', { id: a.id, version: a.version, description: 'Publish the strategy online', dueOn: '2020-04-30', progress: 'Draft with the designers' })).toMatchObject({
      code: 'action.dueReasonRequired',
      field: 'dueReason',
    });
    // An empty update is refused by its own field.
    expect(await ws.fails('action.update', { id: a.id, version: a.version, description: 'Publish the strategy online', progress: '  ' })).toMatchObject({ field: 'progress' });
    const unchanged = await ws.call('action.get', { id: a.id });
    expect(unchanged).toMatchObject({ description: 'Publish the Response Strategy', status: 'open', version: a.version, updates: [] });

    const saved = await ws.call('action.update', { id: a.id, version: a.version, description: 'Publish the strategy online', progress: 'Draft with the designers' });
    expect(saved).toMatchObject({ description: 'Publish the strategy online', status: 'in_progress', version: a.version + 1 });
    expect(saved.updates).toMatchObject([{ updatedOn: '2020-03-02', text: 'Draft with the designers' }]);
  });

  it('F11b/c: approval needs the next meeting held, and is given at its “Minutes of the last meeting” item', async () => {
    const ws = await tempWorkspace();
    const { people, board, meetingId: first } = await meetingWithItem(ws);
    for (const status of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: first, status });
    const second = await ws.call('meeting.create', { boardId: board.id, startsAt: '2019-12-10T14:00', location: 'Sessions House' });
    const minutesItem = second.agenda.find((i) => i.standingKind === 'minutes')!;
    for (const p of [people.pcc, people.kcc, people.fire, people.police]) await ws.call('attendance.set', { meetingId: second.meeting.id, personId: p, status: 'present' });
    expect(await ws.fails('minutes.approve', { id: minutesItem.id, proposedByPersonId: people.kcc })).toMatchObject({
      code: 'minutes.notMet',
      field: 'id',
      message: 'This meeting is "Planned": it has not met yet, so it cannot approve the minutes of the last meeting. Mark it "Held" once it has met.',
    });
    await ws.call('meeting.setStatus', { id: second.meeting.id, status: 'agenda_issued' });
    expect(await ws.fails('minutes.approve', { id: minutesItem.id, proposedByPersonId: people.kcc })).toMatchObject({
      code: 'minutes.notMet',
      field: 'id',
      message: expect.stringContaining('This meeting is "Agenda issued": it has not met yet'),
    });
    expect((await ws.call('meeting.get', { id: first })).meeting).toMatchObject({ status: 'minutes_draft', minutesApprovedAtMeetingId: null });
    await ws.call('meeting.setStatus', { id: second.meeting.id, status: 'held' });
    // Only at the standing item (issue 15, point 2: "approving the previous minutes as a standing item").
    const other = second.agenda.find((i) => i.standingKind === 'aob')!;
    expect(await ws.fails('minutes.approve', { id: other.id, proposedByPersonId: people.kcc })).toMatchObject({ code: 'minutes.notMinutesItem', field: 'id' });
    const approved = await ws.call('minutes.approve', { id: minutesItem.id, proposedByPersonId: people.kcc });
    expect(approved.previousMeeting).toMatchObject({ id: first, status: 'minutes_approved', approvedHere: true });
  });
});
