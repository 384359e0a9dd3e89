import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { formatMinuteNumber, minuteFormatProblem, restartsYearly } from '../../main/meetings/minute-numbers';
import { headings, libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

/**
 * Issue 15, points 1 and 2: a decision recorded on the item while minuting, printed under it as
 * "RESOLVED that …" with its reference; minute numbers that continue across the board's
 * meetings in its house format, cited from the action and decisions logs; the next meeting's
 * approval of the minutes, printed with the Chair's signature block; and approved minutes that
 * refuse every later change, naming the field. Read back from the exported files.
 */
const para = (text: string) => ({ type: 'paragraph' as const, text });
const textOf = async (path: string) => paragraphs((await readDocx(path)).document).map((p) => p.text);

async function twoMeetings(ws: TestWorkspace) {
  const f = await strategicBoard(ws);
  const { people } = f;
  // The house format, as the board's screen sets it.
  const board = await ws.call('board.update', { id: f.board.id, version: f.board.version, minuteFormat: 'SB {n}/{yy}' });
  expect(board.minuteFormat).toBe('SB {n}/{yy}');
  const stream = await ws.call('fundingStream.create', { reference: 'VRF', name: 'Violence Reduction Fund', funder: 'Kent PCC', firstYear: '2019/20', lastYear: '2021/22', allocations: [] });

  const make = async (startsAt: string, title: string) => {
    const d0 = await ws.call('meeting.create', { boardId: board.id, startsAt, location: 'Sessions House, Maidstone' });
    const d = await ws.call('agenda.addItem', { meetingId: d0.meeting.id, title, purpose: 'decision', minutesAllotted: 30 });
    for (const p of [people.pcc, people.kcc, people.fire, people.nhs, people.police]) await ws.call('attendance.set', { meetingId: d.meeting.id, personId: p, status: 'present' });
    return { id: d.meeting.id, item: d.agenda.find((i) => i.title === title)!, minutesItem: d.agenda.find((i) => i.standingKind === 'minutes')! };
  };
  const first = await make('2019-10-15T14:00', 'Problem Profile and Response Strategy');
  const second = await make('2019-12-10T14:00', 'Communications and media strategy');
  return { ...f, board, stream, first, second };
}

describe('resolutions on the item, minute numbers and approved minutes', () => {
  it('records a decision on the item in one step, numbers the minutes across meetings, and prints both under the item', async () => {
    const ws = await tempWorkspace();
    const { people, stream, first, second } = await twoMeetings(ws);

    // While minuting the first meeting: a resolution with its money, owner and dates, and an action.
    await ws.call('agenda.updateItem', { id: first.item.id, discussion: 'The VRU Manager presented the Problem Profile.' });
    const { decision } = await ws.call('decision.create', {
      agendaItemId: first.item.id,
      title: 'Problem Profile and Response Strategy',
      text: 'The Board approves the Response Strategy and £35,000 for knife-crime education.',
      type: 'approve',
      status: 'agreed',
      financialAmountPence: 3_500_000,
      fundingStreamId: stream.id,
      ownerPersonId: people.vruManager,
      implementationDueOn: '2020-03-31',
      reviewOn: '2020-06-30',
    });
    expect(decision).toMatchObject({ reference: 'VRUSB-D-2019-001', meetingId: first.id, agendaItemId: first.item.id, decidedOn: '2019-10-15', agendaItemMinuteNumber: null });
    const action = await ws.call('action.create', { meetingId: first.id, agendaItemId: first.item.id, description: 'Publish the Response Strategy', ownerPersonId: people.vruManager, dueOn: '2019-11-30' });

    // Numbered when the minutes go to draft, in agenda order: welcome, declarations, minutes, the item, AOB, next meeting.
    for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: first.id, status: s });
    const d1 = await ws.call('meeting.get', { id: first.id });
    expect(d1.agenda.map((i) => i.minuteNumber)).toEqual(['SB 1/19', 'SB 2/19', 'SB 3/19', 'SB 4/19', 'SB 5/19', 'SB 6/19']);
    expect((await ws.call('action.get', { id: action.id })).agendaItemMinuteNumber).toBe('SB 4/19');
    expect((await ws.call('decision.get', { id: decision.id })).agendaItemMinuteNumber).toBe('SB 4/19');

    // The second meeting: a paper's recommendation proposed as a decision lands on the paper's item, and is agreed.
    const paper = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2019/07', title: 'Communications and media strategy', agendaItemId: second.item.id });
    await ws.call('paper.updateSection', { paperId: paper.id, key: 'recommendation', body: [para('The Board is asked to approve the communications and media strategy.')] });
    const proposed = (await ws.call('decision.proposeFromPaper', { paperId: paper.id })).decision;
    expect(proposed).toMatchObject({ agendaItemId: second.item.id, meetingId: second.id, status: 'proposed' });
    await ws.call('decision.setStatus', { id: proposed.id, status: 'agreed' });
    for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: second.id, status: s });
    // The series continues from the first meeting's last number.
    expect((await ws.call('meeting.get', { id: second.id })).agenda.map((i) => i.minuteNumber)).toEqual(['SB 7/19', 'SB 8/19', 'SB 9/19', 'SB 10/19', 'SB 11/19', 'SB 12/19']);

    // The Word minutes: the minute number heads the item, the resolution is under it with its reference.
    const out1 = join(ws.dir, 'minutes-1.docx');
    await ws.call('meeting.exportMinutes', { id: first.id, out: out1 });
    const x1 = await readDocx(out1);
    const h1 = headings(x1.document).filter((h) => h.level === 'Heading2').map((h) => h.text);
    expect(h1).toContain('SB 4/19 Problem Profile and Response Strategy');
    const t1 = await textOf(out1);
    const at = t1.indexOf('SB 4/19 Problem Profile and Response Strategy');
    const under = t1.slice(at, t1.indexOf('SB 5/19 Any other business'));
    expect(under).toContain('Agenda item 4 · For decision');
    expect(under).toContain('RESOLVED that the Board approves the Response Strategy and £35,000 for knife-crime education. (Decision VRUSB-D-2019-001)');
    expect(under.some((p) => p.startsWith('Action A') && p.includes('Publish the Response Strategy'))).toBe(true);
    const actionsTable = tables(x1.document).at(-1)!;
    expect(actionsTable[0]!.cells).toEqual(['Ref', 'Minute', 'Action', 'Owner', 'Due']);
    expect(actionsTable[1]!.cells[1]).toBe('SB 4/19');
    const out2 = join(ws.dir, 'minutes-2.docx');
    await ws.call('meeting.exportMinutes', { id: second.id, out: out2 });
    expect(await textOf(out2)).toContain('RESOLVED that the Board approves the communications and media strategy. (Decision VRUSB-D-2019-002)');

    // Cited from the logs.
    const log = join(ws.dir, 'actions.docx');
    await ws.call('action.exportLog', { out: log, format: 'docx', statuses: [] });
    expect((await textOf(log)).join('\n')).toContain('Publish the Response Strategy (from Kent and Medway VRU Strategic Board 15 October 2019, Minute SB 4/19)');
    const dlog = join(ws.dir, 'decisions.docx');
    await ws.call('decision.exportLog', { out: dlog, format: 'docx', from: null, to: null });
    expect((await textOf(dlog)).join('\n')).toContain('Minute SB 4/19.');
  });

  it('approves the previous minutes at the next meeting’s minutes item, prints the approval and the Chair’s signature, and then refuses changes naming the field', async () => {
    const ws = await tempWorkspace();
    const { people, first, second } = await twoMeetings(ws);
    await ws.call('decision.create', { agendaItemId: first.item.id, title: 'Response Strategy', text: 'The Board approves the Response Strategy.', type: 'approve', status: 'agreed' });
    for (const s of ['agenda_issued', 'held'] as const) await ws.call('meeting.setStatus', { id: first.id, status: s });
    await ws.call('meeting.setStatus', { id: first.id, status: 'minutes_draft' });
    await ws.call('meeting.setStatus', { id: second.id, status: 'agenda_issued' });

    // A meeting only at "Agenda issued" has not met: it approves nothing, and says what state it is in (review F11b).
    expect(await ws.fails('minutes.approve', { id: second.minutesItem.id, proposedByPersonId: people.kcc })).toMatchObject({
      code: 'minutes.notMet',
      field: 'id',
      message: expect.stringContaining('This meeting is "Agenda issued": it has not met yet'),
    });
    expect((await ws.call('meeting.get', { id: first.id })).meeting).toMatchObject({ status: 'minutes_draft', minutesApprovedAtMeetingId: null });
    await ws.call('meeting.setStatus', { id: second.id, status: 'held' });
    await ws.call('meeting.setStatus', { id: first.id, status: 'held' });

    // Not yet a draft: nothing to approve.
    expect(await ws.fails('minutes.approve', { id: second.minutesItem.id, proposedByPersonId: people.kcc })).toMatchObject({ code: 'minutes.notDrafted', field: 'id' });
    await ws.call('meeting.setStatus', { id: first.id, status: 'minutes_draft' });
    // Only at the minutes item, and proposed by someone present.
    expect(await ws.fails('minutes.approve', { id: second.item.id, proposedByPersonId: people.kcc })).toMatchObject({ code: 'minutes.notMinutesItem', field: 'id' });
    expect(await ws.fails('minutes.approve', { id: second.minutesItem.id, proposedByPersonId: people.probation })).toMatchObject({
      code: 'minutes.proposerAbsent',
      field: 'proposedByPersonId',
      message: expect.stringContaining('Sarah Chapman is not recorded as present'),
    });
    expect((await ws.call('meeting.get', { id: first.id })).meeting.status).toBe('minutes_draft');

    const agreed = await ws.call('action.create', { meetingId: first.id, agendaItemId: first.item.id, description: 'Publish the Response Strategy', ownerPersonId: people.vruManager, dueOn: '2019-11-30' });
    const d2 = await ws.call('minutes.approve', { id: second.minutesItem.id, proposedByPersonId: people.kcc });
    expect(d2.previousMeeting).toMatchObject({ id: first.id, status: 'minutes_approved', approvedHere: true, approvedByName: 'Sarah Hammond' });
    const m1 = (await ws.call('meeting.get', { id: first.id })).meeting;
    expect(m1).toMatchObject({ status: 'minutes_approved', minutesApprovedAtMeetingId: second.id, minutesApprovedByName: 'Sarah Hammond', minutesSignedByName: 'Matthew Scott' });
    expect(await ws.fails('minutes.approve', { id: second.minutesItem.id, proposedByPersonId: people.kcc })).toMatchObject({ code: 'minutes.alreadyApproved', field: 'id' });

    // Approved minutes do not change: each refusal names the field, and nothing is written.
    const before = await ws.call('meeting.get', { id: first.id });
    const decisionsBefore = (await ws.query<{ n: number }>('SELECT count(*) AS n FROM decision'))[0]!.n;
    const refused = [
      await ws.fails('agenda.updateItem', { id: first.item.id, discussion: 'A corrected summary.' }),
      await ws.fails('agenda.addItem', { meetingId: first.id, title: 'A late item' }),
      await ws.fails('decision.create', { agendaItemId: first.item.id, title: 'A late resolution', type: 'note', status: 'agreed' }),
      await ws.fails('decision.update', { id: before.agenda.find((i) => i.id === first.item.id)!.decisions[0]!.id, text: 'Changed words' }),
      await ws.fails('action.create', { meetingId: first.id, agendaItemId: first.item.id, description: 'A late action', ownerPersonId: people.nhs }),
      await ws.fails('minutes.setNumber', { id: first.item.id, minuteNumber: 'SB 99/19' }),
      await ws.fails('meeting.setStatus', { id: first.id, status: 'minutes_draft' }),
      await ws.fails('attendance.set', { meetingId: first.id, personId: people.probation, status: 'present' }),
    ];
    expect(refused.map((e) => [e.code, e.field])).toEqual([
      ['meeting.approved', 'discussion'],
      ['meeting.approved', 'meetingId'],
      ['minutes.approved', 'agendaItemId'],
      ['minutes.approved', 'text'],
      ['meeting.approved', 'agendaItemId'],
      ['minutes.approved', 'minuteNumber'],
      ['meeting.approved', 'status'],
      ['meeting.approved', 'status'],
    ]);
    expect(refused[0]!.message).toBe('The minutes of this meeting were approved as a correct record at the meeting of 10 December 2019, so its agenda can no longer change. A correction goes in the minutes of the next meeting.');
    const after = await ws.call('meeting.get', { id: first.id });
    expect(after.agenda).toEqual(before.agenda);
    expect(after.actions).toEqual(before.actions);
    expect(after.attendance).toEqual(before.attendance);
    expect((await ws.query<{ n: number }>('SELECT count(*) AS n FROM decision'))[0]!.n).toBe(decisionsBefore);
    // An action agreed there keeps its wording and owner (they are in the minutes); its progress goes on.
    expect(await ws.fails('action.update', { id: agreed.id, description: 'Reworded after approval' })).toMatchObject({ code: 'minutes.approved', field: 'description' });
    expect(await ws.fails('action.update', { id: agreed.id, ownerPersonId: people.nhs })).toMatchObject({ code: 'minutes.approved', field: 'ownerPersonId' });
    expect(await ws.call('action.update', { id: agreed.id, status: 'in_progress' })).toMatchObject({ description: agreed.description, status: 'in_progress' });

    // The approved minutes: the approval under the title and a signature block for the Chair.
    const out = join(ws.dir, 'approved.docx');
    await ws.call('meeting.exportMinutes', { id: first.id, out });
    const text = await textOf(out);
    expect(headings((await readDocx(out)).document).map((h) => h.text)).toContain('Minutes');
    expect(text).toContain('Approved as a correct record at the meeting of 10 December 2019.');
    expect(text).toContain('Approved as a correct record at the meeting of 10 December 2019, on the proposal of Sarah Hammond.');
    expect(text).toContain('Signed ……………………………………………… Chair');
    expect(text).toContain('Matthew Scott');
    expect(text).toContain('Date ……………………………………');
    // As a reader sees it: through LibreOffice, the approval and the signature block on the page.
    if (libreOfficeAvailable) {
      const { pdf } = renderPdf(out, ws.dir);
      const seen = pdfText(pdf);
      expect(seen).toContain('Approved as a correct record at the meeting of 10 December 2019.');
      expect(seen).toMatch(/Signed …+ Chair/);
      mkdirSync('test-results', { recursive: true });
      copyFileSync(pdf, `test-results/minutes-approved-${ws.engine}.pdf`);
    }
    // The approving meeting minutes it as its resolution.
    const out2 = join(ws.dir, 'second.docx');
    await ws.call('meeting.exportMinutes', { id: second.id, out: out2 });
    expect(await textOf(out2)).toContain('RESOLVED that the minutes of the meeting held on 15 October 2019 be approved as a correct record and signed by the Chair (proposed by Sarah Hammond).');
  });

  it('refuses a decision on an item of another meeting, a minute number the board has used and a bad house format, naming the field', async () => {
    const ws = await tempWorkspace();
    const { board, first, second } = await twoMeetings(ws);
    const count = async () => (await ws.query<{ n: number }>('SELECT count(*) AS n FROM decision'))[0]!.n;
    expect(await ws.fails('decision.create', { meetingId: second.id, agendaItemId: first.item.id, title: 'Wrong item', type: 'note' })).toMatchObject({
      code: 'decision.agendaItemElsewhere',
      field: 'agendaItemId',
    });
    expect(await count()).toBe(0);

    for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: first.id, status: s });
    const item2 = (await ws.call('meeting.get', { id: second.id })).agenda.find((i) => i.id === second.item.id)!;
    const dup = await ws.fails('minutes.setNumber', { id: item2.id, version: item2.version, minuteNumber: 'sb 4/19' });
    expect(dup).toMatchObject({ code: 'minutes.duplicateNumber', field: 'minuteNumber' });
    expect(dup.message).toBe('Minute sb 4/19 is already "Problem Profile and Response Strategy" at the meeting of 15 October 2019; each minute of Kent and Medway VRU Strategic Board has its own number.');
    expect((await ws.call('meeting.get', { id: second.id })).agenda.find((i) => i.id === item2.id)!.minuteNumber).toBeNull();
    // A number of its own is kept, and the series passes over it.
    await ws.call('minutes.setNumber', { id: item2.id, version: item2.version, minuteNumber: 'SB 10/19' });
    for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: second.id, status: s });
    expect((await ws.call('meeting.get', { id: second.id })).agenda.map((i) => i.minuteNumber)).toEqual(['SB 7/19', 'SB 8/19', 'SB 9/19', 'SB 10/19', 'SB 11/19', 'SB 12/19']);

    const current = await ws.call('board.get', { id: board.id });
    for (const [format, message] of [
      ['SB {n}/{n}', 'Minute number format must have one running number: {n}, {nn} or {nnn}'],
      ['SB {x}/{yy}', 'Minute number format: {x} is not a token; use {code}, {n}, {nn}, {nnn}, {yy} or {yyyy}'],
      ['SB {n', 'Minute number format: a brace must open and close a token, e.g. {n}'],
    ] as const) {
      expect(await ws.fails('board.update', { id: board.id, version: current.version, minuteFormat: format })).toMatchObject({ field: 'minuteFormat', message });
    }
    expect((await ws.call('board.get', { id: board.id })).minuteFormat).toBe('SB {n}/{yy}');
  });

  it('the command line writes the same numbered minutes, resolutions and cited action log', async () => {
    const ws = await tempWorkspace();
    const { people, first } = await twoMeetings(ws);
    await ws.call('decision.create', { agendaItemId: first.item.id, title: 'Response Strategy', text: 'RESOLVED that the Response Strategy be approved.', type: 'approve', status: 'agreed' });
    await ws.call('action.create', { agendaItemId: first.item.id, description: 'Publish the Response Strategy', ownerPersonId: people.vruManager, dueOn: '2019-11-30' });
    for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: first.id, status: s });
    await ws.store.close(); // the CLI opens the workspace itself
    const io = { stdout: () => undefined, stderr: (t: string) => console.error(t) };
    const minutes = join(ws.dir, 'cli-minutes.docx');
    expect(await runCli(['export', 'minutes', '--db', ws.path, '--meeting', String(first.id), '--out', minutes], io, { actor: 'test', now: () => new Date('2020-03-02T10:00:00') })).toBe(0);
    const text = await textOf(minutes);
    expect(text).toContain('SB 4/19 Problem Profile and Response Strategy');
    expect(text).toContain('RESOLVED that the Response Strategy be approved. (Decision VRUSB-D-2019-001)');
    const log = join(ws.dir, 'cli-actions.docx');
    expect(await runCli(['export', 'action-log', '--db', ws.path, '--meeting', String(first.id), '--out', log], io, { actor: 'test', now: () => new Date('2020-03-02T10:00:00') })).toBe(0);
    expect((await textOf(log)).join('\n')).toContain('Minute SB 4/19');
  });

  it('formats: tokens, padding, and a yearly restart only when the year is shown', () => {
    expect(formatMinuteNumber('{code} {n}/{yy}', 'SB', 12, '2020-03-10T14:00')).toBe('SB 12/20');
    expect(formatMinuteNumber('{yy}/{nnn}', 'SB', 45, '2023-06-01')).toBe('23/045');
    expect(formatMinuteNumber('{code}-{yyyy}-{nn}', 'TG', 3, '2024-01-09')).toBe('TG-2024-03');
    expect(restartsYearly('{code} {n}/{yy}')).toBe(true);
    expect(restartsYearly('Minute {n}')).toBe(false);
    expect(minuteFormatProblem('{code} {n}/{yy}')).toBeNull();
    expect(minuteFormatProblem('')).toMatch(/must not be empty/);
  });
});

describe('migration 008 (minute numbers), from a version-7 SQLite workspace', () => {
  it('keeps every board and item, with the default house format and no numbers yet', () => {
    const raw = new Database(join(tempDir(), 'v7.db'));
    migrate(raw, migrations.filter((m) => m.version <= 7));
    const now = '2020-01-01T00:00:00';
    raw.exec(`INSERT INTO board (id, name, code, created_at, updated_at) VALUES (1, 'Strategic Board', 'SB', '${now}', '${now}');
              INSERT INTO meeting (id, board_id, starts_at, ends_at, status, created_at, updated_at) VALUES (1, 1, '2019-12-10T14:00', '2019-12-10T16:00', 'minutes_approved', '${now}', '${now}');
              INSERT INTO agenda_item (id, meeting_id, position, title, discussion, created_at, updated_at) VALUES (1, 1, 1, 'Problem Profile', 'Presented.', '${now}', '${now}');`);
    expect(migrate(raw, migrations.filter((m) => m.version <= 8))).toEqual({ from: 7, to: 8 });
    expect(raw.prepare('SELECT code, minute_format FROM board').all()).toEqual([{ code: 'SB', minute_format: '{code} {n}/{yy}' }]);
    expect(raw.prepare('SELECT title, discussion, minute_number, minute_seq FROM agenda_item').all()).toEqual([{ title: 'Problem Profile', discussion: 'Presented.', minute_number: null, minute_seq: null }]);
    expect(raw.prepare('SELECT status, minutes_approved_at_meeting_id FROM meeting').all()).toEqual([{ status: 'minutes_approved', minutes_approved_at_meeting_id: null }]);
    raw.close();
  });
});
