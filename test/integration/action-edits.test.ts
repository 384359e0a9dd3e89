import Database from 'better-sqlite3';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { externalLinkDecision } from '../../main/electron/external-links';
import { libreOfficeAvailable, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

/**
 * Issue 15, point 4: an action is editable as a whole (wording, owner, due date, status), a
 * revised due date keeps the original and the reason (shown in the log's exports), every
 * change is in the audit trail, and Chase prepares an email for an action due or overdue.
 * The workspace's "today" is 2 March 2020 (tempWorkspace).
 */
async function withAction(ws: TestWorkspace) {
  const f = await strategicBoard(ws);
  const d = await ws.call('meeting.create', { boardId: f.board.id, startsAt: '2020-02-10T14:00', standingItems: false });
  const action = await ws.call('action.create', { meetingId: d.meeting.id, description: 'Share knife crime data with the analysts', ownerPersonId: f.people.police, dueOn: '2020-03-31' });
  return { ...f, meetingId: d.meeting.id, action };
}

const auditRows = (ws: TestWorkspace, entity: string, id: number) =>
  ws.query<{ action: string; operation: string; after_json: string }>(`SELECT action, operation, after_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id);

describe('actions fully editable', () => {
  it('changes wording, owner (person, then organisation), status; each change in the audit trail', async () => {
    const ws = await tempWorkspace();
    const { action, orgs, people } = await withAction(ws);
    let a = await ws.call('action.update', { id: action.id, version: action.version, description: 'Share knife crime and robbery data with the analysts', ownerPersonId: people.kcc });
    expect(a).toMatchObject({ description: 'Share knife crime and robbery data with the analysts', ownerPersonId: people.kcc, ownerName: 'Sarah Hammond (KCC)', version: action.version + 1 });
    a = await ws.call('action.update', { id: a.id, version: a.version, ownerPersonId: null, ownerOrganisationId: orgs.medway });
    expect(a).toMatchObject({ ownerPersonId: null, ownerOrganisationId: orgs.medway, ownerName: 'Medway Council' });
    a = await ws.call('action.update', { id: a.id, version: a.version, status: 'done' });
    expect(a).toMatchObject({ status: 'done', completedOn: '2020-03-02' });
    const trail = await auditRows(ws, 'action', a.id);
    expect(trail.map((r) => [r.action, r.operation])).toEqual([
      ['create', 'action.create'],
      ['update', 'action.update'],
      ['update', 'action.update'],
      ['update', 'action.update'],
    ]);
    expect(JSON.parse(trail[1]!.after_json)).toMatchObject({ description: 'Share knife crime and robbery data with the analysts', owner_person_id: people.kcc });
    // An edit sent with the version read before the last change is refused, naming who changed it.
    const stale = await ws.fails('action.update', { id: a.id, version: action.version, description: 'Late edit' });
    expect(stale.code).toBe('stale');
    expect((await ws.call('action.get', { id: a.id })).description).toBe('Share knife crime and robbery data with the analysts');
  });

  it('a revised due date keeps the original and each reason; the first due date needs none', async () => {
    const ws = await tempWorkspace();
    const { action, people, board } = await withAction(ws);
    let a = await ws.call('action.update', { id: action.id, version: action.version, dueOn: '2020-04-30', dueReason: 'The data sharing agreement is not yet signed' });
    a = await ws.call('action.update', { id: a.id, version: a.version, dueOn: '2020-05-29', dueReason: 'Information governance review in May' });
    expect(a).toMatchObject({ dueOn: '2020-05-29', originalDueOn: '2020-03-31', dueRevisionCount: 2, latestDueReason: 'Information governance review in May' });
    expect(a.dueRevisions.map((r) => [r.previousDueOn, r.dueOn, r.reason, r.revisedOn])).toEqual([
      ['2020-03-31', '2020-04-30', 'The data sharing agreement is not yet signed', '2020-03-02'],
      ['2020-04-30', '2020-05-29', 'Information governance review in May', '2020-03-02'],
    ]);
    // In the list (the screen's log) too.
    const page = await ws.call('action.list', { boardId: board.id });
    expect(page.rows.find((r) => r.id === a.id)).toMatchObject({ originalDueOn: '2020-03-31', dueRevisionCount: 2, latestDueReason: 'Information governance review in May' });
    // The revisions are in the audit trail as well as the action's own change.
    const revisionTrail = await ws.query<{ action: string; after_json: string }>(`SELECT action, after_json FROM audit_log WHERE entity = 'action_due_revision' ORDER BY id`);
    expect(revisionTrail.map((r) => JSON.parse(r.after_json).reason)).toEqual(['The data sharing agreement is not yet signed', 'Information governance review in May']);

    // An action with no due date gets its first one without a reason: nothing was agreed before.
    const undated = await ws.call('action.create', { boardId: board.id, description: 'Plan the summer campaign', ownerPersonId: people.fire, dueOn: null });
    const dated = await ws.call('action.update', { id: undated.id, version: undated.version, dueOn: '2020-06-30' });
    expect(dated).toMatchObject({ dueOn: '2020-06-30', originalDueOn: null, dueRevisionCount: 0, dueRevisions: [] });
  });

  it('bad input: each refused naming its field, nothing half-saved', async () => {
    const ws = await tempWorkspace();
    const { action } = await withAction(ws);
    const before = await ws.call('action.get', { id: action.id });
    const trailBefore = (await auditRows(ws, 'action', action.id)).length;

    // A revised due date without a reason, even with other changes in the same edit.
    const noReason = await ws.fails('action.update', { id: action.id, version: action.version, description: 'New wording', dueOn: '2020-04-30' });
    expect(noReason).toMatchObject({ code: 'action.dueReasonRequired', field: 'dueReason' });
    expect(noReason.message).toMatch(/^Reason for the new due date is required: the action was due 31 March 2020/);
    const blankReason = await ws.fails('action.update', { id: action.id, version: action.version, dueOn: '2020-04-30', dueReason: '   ' });
    expect(blankReason).toMatchObject({ field: 'dueReason', message: 'Reason for the new due date is required' });
    // A reason with no change of date.
    expect(await ws.fails('action.update', { id: action.id, version: action.version, dueReason: 'Slipped' })).toMatchObject({ code: 'action.reasonWithoutRevision', field: 'dueReason' });
    // An owner that does not exist (person and organisation).
    expect(await ws.fails('action.update', { id: action.id, version: action.version, description: 'New wording', ownerPersonId: 99999 })).toMatchObject({ field: 'ownerPersonId' });
    expect(await ws.fails('action.update', { id: action.id, version: action.version, ownerPersonId: null, ownerOrganisationId: 99999 })).toMatchObject({ field: 'ownerOrganisationId' });
    // No owner at all.
    expect(await ws.fails('action.update', { id: action.id, version: action.version, ownerPersonId: null })).toMatchObject({ code: 'action.noOwner', field: 'ownerPersonId' });
    // Empty wording.
    expect(await ws.fails('action.update', { id: action.id, version: action.version, description: '  ', dueOn: '2020-04-30', dueReason: 'Slipped' })).toMatchObject({ field: 'description', message: 'Description is required' });
    // A due date before the meeting that agreed it, with its reason.
    expect(await ws.fails('action.update', { id: action.id, version: action.version, dueOn: '2020-01-31', dueReason: 'Done early' })).toMatchObject({ code: 'action.dueBeforeMeeting', field: 'dueOn' });

    const after = await ws.call('action.get', { id: action.id });
    expect(after).toEqual(before);
    expect((await auditRows(ws, 'action', action.id)).length).toBe(trailBefore);
    expect(await ws.query(`SELECT * FROM action_due_revision`)).toEqual([]);
  });

  it('Chase: a mailto: for an owner whose action is due this week or overdue; an organisation’s contact email, or says there is none', async () => {
    const ws = await tempWorkspace();
    const { action, orgs, people, board } = await withAction(ws);
    await ws.call('person.update', { id: people.police, givenName: 'Alan', familyName: 'Pughsley', organisationId: orgs.police, jobTitle: 'Chief Constable', email: 'alan.pughsley@kent.police.uk' });
    // Due 31 March: not this week (2 March 2020 is a Monday; the week ends on the 8th).
    expect(await ws.fails('action.chase', { id: action.id })).toMatchObject({ code: 'action.notDue', field: 'id', message: expect.stringContaining('it is not due until 31 March 2020') });

    const overdue = await ws.call('action.create', { boardId: board.id, description: 'Return the monitoring form & the data', ownerPersonId: people.police, dueOn: '2020-02-28' });
    const c = await ws.call('action.chase', { id: overdue.id });
    expect(c).toMatchObject({ to: 'alan.pughsley@kent.police.uk', subject: `Action A${overdue.id}: overdue since 28 February 2020`, noEmail: null });
    expect(c.body).toContain('Return the monitoring form & the data');
    expect(c.body).toContain('It was due on 28 February 2020 and is still open.');
    const href = new URL(c.href!);
    expect(href.protocol).toBe('mailto:');
    expect(href.pathname).toBe('alan.pughsley@kent.police.uk');
    const params = new URLSearchParams(href.search);
    expect(params.get('subject')).toBe(c.subject);
    expect(params.get('body')).toBe(c.body.replace(/\n/g, '\r\n'));
    // The desktop app opens it: the external-link allow-list takes it as it is.
    expect(externalLinkDecision(c.href)).toEqual({ open: true, url: c.href });
    // A long action is shortened in the email so the link stays within what the app opens.
    const long = await ws.call('action.create', { boardId: board.id, description: 'Review every funded project’s monitoring return & outcomes. '.repeat(30).trim(), ownerPersonId: people.police, dueOn: '2020-03-02' });
    const longChase = await ws.call('action.chase', { id: long.id });
    expect(longChase.href!.length).toBeLessThanOrEqual(2048);
    expect(externalLinkDecision(longChase.href).open).toBe(true);
    expect(longChase.body).toContain('…');
    expect(longChase.subject).toBe(`Action A${long.id}: due 2 March 2020`);

    // Due this week (Friday the 6th), owned by an organisation with no contact email, then with one.
    const orgAction = await ws.call('action.create', { boardId: board.id, description: 'Nominate a lead for the schools programme', ownerOrganisationId: orgs.medway, dueOn: '2020-03-06' });
    const none = await ws.call('action.chase', { id: orgAction.id });
    expect(none).toMatchObject({ to: null, href: null, subject: `Action A${orgAction.id}: due 6 March 2020` });
    expect(none.noEmail).toBe('Medway Council has no email address recorded: add one in Organisations & People, or chase them another way.');
    const org = await ws.call('organisation.get', { id: orgs.medway });
    expect(org.email).toBe('');
    await ws.call('organisation.update', { id: orgs.medway, version: org.version, email: 'community.safety@medway.gov.uk' });
    expect((await ws.call('action.chase', { id: orgAction.id })).href).toMatch(/^mailto:community\.safety@medway\.gov\.uk\?subject=Action%20A\d+%3A%20due%206%20March%202020&body=/);
    expect(await ws.fails('organisation.update', { id: orgs.medway, email: 'not an address' })).toMatchObject({ field: 'email' });

    // A done action is not chased.
    const done = await ws.call('action.update', { id: overdue.id, status: 'done' });
    expect(await ws.fails('action.chase', { id: done.id })).toMatchObject({ code: 'action.notDue', message: expect.stringContaining('it is done') });
  });

  it('the Word and Excel action logs and the minutes print the original due date and each revision with its reason', async () => {
    const ws = await tempWorkspace();
    const { action, board, meetingId } = await withAction(ws);
    await ws.call('action.update', { id: action.id, dueOn: '2020-04-30', dueReason: 'The data sharing agreement is not yet signed' });

    const docx = join(ws.dir, 'log.docx');
    await ws.call('action.exportLog', { boardId: board.id, format: 'docx', out: docx });
    const [table] = tables((await readDocx(docx)).document);
    const row = table!.find((r) => r.cells[0] === `A${action.id}`)!;
    expect(row.cells[1]).toContain('Due date revised: 31/03/2020 → 30/04/2020 (revised 02/03/2020: The data sharing agreement is not yet signed).');
    expect(row.cells[3]).toBe('30/04/2020 (originally 31/03/2020)');

    const xlsx = join(ws.dir, 'log.xlsx');
    await ws.call('action.exportLog', { boardId: board.id, format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('Action log')!;
    const headers = sheet.getRow(2).values as unknown[];
    const col = (h: string) => headers.indexOf(h);
    const dataRow = sheet.getRow(3);
    expect((dataRow.getCell(col('Due')).value as Date).toISOString().slice(0, 10)).toBe('2020-04-30');
    expect((dataRow.getCell(col('Originally due')).value as Date).toISOString().slice(0, 10)).toBe('2020-03-31');
    expect(dataRow.getCell(col('Due date revisions')).value).toBe('31/03/2020 → 30/04/2020 (revised 02/03/2020: The data sharing agreement is not yet signed)');
    // Printed: the original due date and the revision with its reason are in the print area, beside the due date.
    const printedTo = /:\$?([A-Z]+)\$?\d+$/.exec(sheet.pageSetup.printArea!)![1]!;
    expect(col('Due date revisions')).toBeLessThanOrEqual(printedTo.charCodeAt(0) - 64);
    if (libreOfficeAvailable) {
      const printed = pdfText(renderPdf(xlsx, ws.dir).pdf).replace(/\s+/g, ' ');
      expect(printed).toMatch(/Due Originally (?:due )?Due date revisions/);
      // The due date then the date first agreed, side by side; the revision's words wrap in their column.
      expect(printed).toContain('30/04/2020 31/03/2020');
      for (const words of ['(revised 02/03/2020:', 'data sharing', 'agreement', 'not yet signed)']) expect(printed).toContain(words);
    }

    // The minutes' action table shows the revised date against the original.
    const minutes = join(ws.dir, 'minutes.docx');
    await ws.call('meeting.exportMinutes', { id: meetingId, out: minutes });
    const minuteRows = tables((await readDocx(minutes)).document).flat();
    expect(minuteRows.find((r) => r.cells[0] === `A${action.id}`)?.cells).toContain('30/04/2020 (originally 31/03/2020)');
  });
});

describe('migration 009 (revised due dates, organisation email) on a SQLite workspace from the version before', () => {
  it.runIf(process.env.BOARD_TEST_ENGINE !== 'postgres')('adds the table and the column, keeping the rows there', () => {
    const raw = new Database(join(tempDir(), 'old.db'));
    try {
      const before = migrations.filter((m) => m.version < 9);
      migrate(raw, before);
      raw.prepare(`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Kent Police', '2020-01-01', '2020-01-01')`).run();
      const from = raw.pragma('user_version', { simple: true }) as number;
      expect(migrate(raw, migrations.filter((m) => m.version <= 9))).toEqual({ from, to: 9 });
      expect(raw.prepare(`SELECT name, email FROM organisation`).all()).toEqual([{ name: 'Kent Police', email: '' }]);
      expect(raw.prepare(`SELECT count(*) AS n FROM action_due_revision`).get()).toEqual({ n: 0 });
      expect(() => raw.prepare(`INSERT INTO action_due_revision (action_id, revised_on, reason) VALUES (1, '2020-01-01', ' ')`).run()).toThrow();
    } finally {
      raw.close();
    }
  });
});
