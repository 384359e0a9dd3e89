import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

/** A held meeting of the Strategic Board with everything the minutes show. */
async function heldMeeting(ws: TestWorkspace) {
  const f = await strategicBoard(ws);
  const { board, people } = f;
  const dec = await ws.call('meeting.create', { boardId: board.id, startsAt: '2019-12-10T14:00', location: 'Sessions House, Maidstone', standingItems: false });
  await ws.call('action.create', { meetingId: dec.meeting.id, description: 'Share police recorded knife crime data with the VRU analysts', ownerPersonId: people.police, dueOn: '2020-01-31' });
  let d = await ws.call('meeting.create', {
    boardId: board.id,
    startsAt: '2020-03-10T14:00',
    location: 'Sessions House, Maidstone',
    onlineLink: 'https://meet.example.org/vru-strategic-board',
  });
  const meetingId = d.meeting.id;
  d = await ws.call('agenda.addItem', { meetingId, title: 'Problem Profile and Response Strategy', purpose: 'decision', leadPersonId: people.vruManager, minutesAllotted: 30 });
  d = await ws.call('agenda.addItem', { meetingId, title: 'Violence Reduction Fund: 2020/21 renewals', purpose: 'decision', leadPersonId: people.pcc, minutesAllotted: 20, confidential: true, confidentialReason: 'Paragraph 3: commercially sensitive renewals' });
  const item = (title: string) => d.agenda.find((i) => i.title.startsWith(title))!;
  for (const p of [people.pcc, people.kcc, people.fire, people.nhs, people.vruManager, people.clerk]) await ws.call('attendance.set', { meetingId, personId: p, status: 'present' });
  await ws.call('attendance.set', { meetingId, personId: people.police, status: 'apologies' });
  await ws.call('attendance.set', { meetingId, personId: people.policeDeputy, status: 'present', substituteForPersonId: people.police });
  await ws.call('attendance.set', { meetingId, personId: people.medway, status: 'apologies' });
  await ws.call('declaration.add', { meetingId, agendaItemId: item('Violence Reduction Fund').id, personId: people.fire, interest: 'Kent Fire and Rescue Service is a bidder for renewal', interestType: 'other_registrable', withdrew: true });
  await ws.call('agenda.updateItem', {
    id: item('Problem Profile').id,
    discussion: 'The VRU Managers presented the Problem Profile.\n\nMembers asked for the hospital admissions data to be broken down by district.',
  });
  await ws.call('agenda.updateItem', { id: item('Violence Reduction Fund').id, discussion: 'The board considered monitoring returns from the nine funded projects.' });
  await ws.call('action.create', { meetingId, agendaItemId: item('Problem Profile').id, description: 'Break down A&E admissions for knife assault by district', ownerPersonId: people.nhs, dueOn: '2020-04-30' });
  await ws.call('action.create', { meetingId, agendaItemId: item('Violence Reduction Fund').id, description: 'Write to the nine funded projects about renewal', ownerPersonId: people.pcc, dueOn: '2020-03-31' });
  for (const s of ['agenda_issued', 'held', 'minutes_draft'] as const) await ws.call('meeting.setStatus', { id: meetingId, status: s });
  return { ...f, meetingId };
}

async function docxXml(path: string) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const document = await zip.file('word/document.xml')!.async('string');
  const header = await zip.file('word/header1.xml')!.async('string');
  const footer = await zip.file('word/footer1.xml')!.async('string');
  const core = await zip.file('docProps/core.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { document, header, footer, core, styles };
}

const textOf = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');

function headings(xml: string, level: number): string[] {
  const paragraphs = xml.split('</w:p>');
  return paragraphs.filter((p) => p.includes(`<w:pStyle w:val="Heading${level}"/>`)).map((p) => textOf(p).trim());
}

/** Each table as rows of cell texts; the first row of each is checked to be a repeating header. */
function tables(xml: string): { headerRepeats: boolean; rows: string[][] }[] {
  return xml
    .split('<w:tbl>')
    .slice(1)
    .map((t) => {
      const rows = t.split('</w:tbl>')[0]!.split('</w:tr>').slice(0, -1);
      return {
        headerRepeats: rows[0]!.includes('<w:tblHeader/>'),
        rows: rows.map((r) => r.split('</w:tc>').slice(0, -1).map((c) => textOf(c).trim())),
      };
    });
}

describe('meetings exports', () => {
  it('the agenda: header, items table with number, time, purpose and lead; marking, title and language', async () => {
    const ws = await tempWorkspace();
    const { meetingId } = await heldMeeting(ws);
    const out = join(ws.dir, 'Agenda 10 March 2020.docx');
    const result = await ws.call('meeting.exportAgenda', { id: meetingId, out });
    expect(result).toMatchObject({ path: out, items: 7, warnings: [] });
    expect(result.bytes).toBe(readFileSync(out).length);

    const x = await docxXml(out);
    const text = textOf(x.document);
    expect(text).toContain('Kent and Medway VRU Strategic Board');
    expect(text).toContain('Tuesday 10 March 2020');
    expect(text).toContain('14:00 to 16:00');
    expect(text).toContain('Papers due: 3 March 2020 (5 working days before the meeting)');
    expect(headings(x.document, 1)).toEqual(['Agenda']);
    expect(headings(x.document, 2)).toEqual(['Items', 'Members invited', 'Matters arising: open actions']);
    const [items, members, arising] = tables(x.document);
    expect(items!.headerRepeats).toBe(true);
    expect(items!.rows[0]).toEqual(['No.', 'Time', 'Item', 'Purpose', 'Lead']);
    expect(items!.rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['1', '14:00'], ['2', '14:05'], ['3', '14:10'], ['4', '14:20'], ['5', '14:50'], ['6', '15:10'], ['7', '15:20'],
    ]);
    expect(items!.rows[4]).toEqual(['4', '14:20', 'Problem Profile and Response Strategy', 'For decision', 'Ben Loose']);
    expect(items!.rows[5]![2]).toBe('Violence Reduction Fund: 2020/21 renewals — taken in private');
    expect(members!.rows).toHaveLength(10);
    expect(members!.rows[1]).toEqual(['Matthew Scott', 'Office of the Kent Police and Crime Commissioner', 'Chair']);
    expect(arising!.rows[1]![1]).toBe('Share police recorded knife crime data with the VRU analysts');
    expect(arising!.rows[1]![4]).toBe('Open — overdue');

    expect(textOf(x.header)).toContain('OFFICIAL');
    expect(textOf(x.header)).toContain('Kent and Medway VRU Strategic Board — 10 March 2020');
    expect(textOf(x.footer)).toContain('OFFICIAL');
    expect(x.footer).toContain('NUMPAGES');
    expect(x.core).toContain('<dc:title>Kent and Medway VRU Strategic Board: agenda for 10 March 2020</dc:title>');
    expect(x.styles).toContain('w:lang w:val="en-GB"');
  });

  it('the minutes: attendance, apologies, quorum, declarations, items, decisions and actions', async () => {
    const ws = await tempWorkspace();
    const { meetingId } = await heldMeeting(ws);
    const out = join(ws.dir, 'minutes.docx');
    await ws.call('meeting.exportMinutes', { id: meetingId, out });
    const x = await docxXml(out);
    const text = textOf(x.document);
    expect(headings(x.document, 1)).toEqual(['Draft minutes', 'Items', 'Actions agreed']);
    expect(headings(x.document, 2)).toEqual([
      'Present',
      'In attendance',
      'Apologies',
      'Absent',
      'Quorum',
      'Declarations of interest',
      // Numbered when the minutes went to draft, in the board's house format (issue 15).
      'VRUSB 1/20 Welcome, introductions and apologies',
      'VRUSB 2/20 Declarations of interest',
      'VRUSB 3/20 Minutes of the last meeting and matters arising (including the action log)',
      'VRUSB 4/20 Problem Profile and Response Strategy',
      'VRUSB 5/20 Violence Reduction Fund: 2020/21 renewals (taken in private)',
      'VRUSB 6/20 Any other business',
      'VRUSB 7/20 Date of next meeting',
    ]);
    const t = tables(x.document);
    expect(t.every((table) => table.headerRepeats)).toBe(true);
    const [present, inAttendance, apologies, absent] = t;
    expect(present!.rows.map((r) => r[0])).toEqual(['Name', 'Matthew Scott', 'Sarah Hammond', 'Ann Millington', 'Andrew Scott-Clark', 'Tony Blaker']);
    expect(present!.rows[5]![2]).toBe('Substitute for Alan Pughsley');
    // The adviser and the secretariat are not voting members: in attendance.
    expect(inAttendance!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['Ben Loose', 'Adviser'],
      ['Jo Clerk', 'Secretariat'],
    ]);
    expect(apologies!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['Alan Pughsley', 'Represented by Tony Blaker'],
      ['Ian Sutherland', 'None'],
    ]);
    expect(absent!.rows.slice(1).map((r) => r[0])).toEqual(['Sarah Chapman']);
    expect(text).toContain('Quorate: 5 members present or represented (quorum 4), including Kent Police as the quorum rule requires.');
    expect(text).toContain('Ann Millington declared an interest and left the meeting for this item.');
    expect(text).toContain('The Chair welcomed those present. Apologies were received from Alan Pughsley (represented by Tony Blaker) and Ian Sutherland.');
    expect(text).toContain('The minutes of the meeting held on 10 December 2019 were considered.');
    expect(text).toContain('There was no other business.');
    expect(text).toContain('Members asked for the hospital admissions data to be broken down by district.');
    expect(text).toContain('Action A2: Break down A&E admissions for knife assault by district — Andrew Scott-Clark (NHS Kent and Medway), by 30 April 2020');
    const actionsTable = t[t.length - 1]!;
    expect(actionsTable.rows[0]).toEqual(['Ref', 'Minute', 'Action', 'Owner', 'Due']);
    expect(actionsTable.rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['A3', 'VRUSB 5/20', '31/03/2020'],
      ['A2', 'VRUSB 4/20', '30/04/2020'],
    ]);
    expect(x.core).toContain('<dc:title>Kent and Medway VRU Strategic Board: minutes of 10 March 2020</dc:title>');
  });

  it('minutes with nobody recorded as present say attendance was not recorded, not "Not quorate: 0 members"', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const { meeting } = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-06-16T14:00', location: 'Sessions House, Maidstone' });
    await ws.call('attendance.set', { meetingId: meeting.id, personId: people.police, status: 'apologies' });
    const detail = await ws.call('attendance.set', { meetingId: meeting.id, personId: people.medway, status: 'apologies' });
    expect(detail.quorum).toBeNull();
    expect(detail.agenda.every((i) => i.quorum === null)).toBe(true);
    const out = join(ws.dir, 'minutes.docx');
    await ws.call('meeting.exportMinutes', { id: meeting.id, out });
    const text = textOf((await docxXml(out)).document);
    expect(text).toContain('Attendance was not recorded, so quorum cannot be stated.');
    expect(text).not.toMatch(/quorate/i);
    expect(text).toContain('Ian Sutherland');
    const present = await ws.call('attendance.set', { meetingId: meeting.id, personId: people.pcc, status: 'present' });
    expect(present.quorum?.statement).toBe('Not quorate: 1 member present or represented (quorum 4); 3 members short; Kent Police not represented.');
  });

  it('the action log in Word and Excel: filters on, frozen header, dates as dates', async () => {
    const ws = await tempWorkspace();
    const { board } = await heldMeeting(ws);
    const docx = join(ws.dir, 'action-log.docx');
    const r = await ws.call('action.exportLog', { boardId: board.id, format: 'docx', out: docx });
    expect(r).toMatchObject({ path: docx, rows: 3, warnings: [] });
    const x = await docxXml(docx);
    const [table] = tables(x.document);
    expect(table!.headerRepeats).toBe(true);
    expect(table!.rows.map((row) => row[0])).toEqual(['Ref', 'A1', 'A3', 'A2']);
    expect(table!.rows[1]![4]).toBe('Open — overdue');
    expect(x.document).toContain('w:fill="F9D6D0"'); // the overdue row is shaded as well as labelled

    const xlsx = join(ws.dir, 'action-log.xlsx');
    await ws.call('action.exportLog', { boardId: board.id, format: 'xlsx', out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('Action log')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^OFFICIAL — Action log: Kent and Medway VRU Strategic Board, as at 2 March 2020/);
    // The register first (it prints, columns A–K, the due date's history with it), the detail after (on screen only).
    expect(sheet.getRow(2).values).toEqual([undefined, 'Ref', 'Board', 'Meeting', 'Action', 'Owner', 'Due', 'Originally due', 'Due date revisions', 'Status', 'Overdue', 'Latest update', 'Item', 'Completed', 'Latest update on', 'Minute']);
    expect(sheet.pageSetup.printArea).toBe('A1:K5'); // written as $A$1:$K$5, read back without the $
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    const due = sheet.getCell('F3').value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2020-01-31');
    expect(sheet.getCell('F3').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('J3').value).toBe('Yes');
    expect(sheet.rowCount).toBe(5);

    const wrong = await ws.fails('action.exportLog', { format: 'xlsx', out: join(ws.dir, 'log.docx') });
    expect(wrong).toMatchObject({ code: 'validation', field: 'out' });
  });

  it('a failed export leaves no half-written file', async () => {
    const ws = await tempWorkspace();
    const { meetingId } = await heldMeeting(ws);
    const blocker = join(ws.dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const err = await ws.fails('meeting.exportAgenda', { id: meetingId, out: join(blocker, 'agenda.docx') });
    expect(err).toMatchObject({ code: 'file.noFolder', field: 'out', message: expect.stringContaining('is a file, not a folder') });
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renders through LibreOffice to PDF without error', async (ctx) => {
    if (!existsSync('/usr/bin/soffice')) {
      console.log('Skipping the LibreOffice render: /usr/bin/soffice is not installed.');
      ctx.skip();
    }
    const ws = await tempWorkspace();
    const { meetingId, board } = await heldMeeting(ws);
    const files = [join(ws.dir, 'agenda.docx'), join(ws.dir, 'minutes.docx'), join(ws.dir, 'action-log.docx')];
    await ws.call('meeting.exportAgenda', { id: meetingId, out: files[0]! });
    await ws.call('meeting.exportMinutes', { id: meetingId, out: files[1]! });
    await ws.call('action.exportLog', { boardId: board.id, out: files[2]! });
    const pdfDir = join(ws.dir, 'pdf');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(ws.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...files], { stdio: 'pipe', timeout: 90_000 });
    for (const name of ['agenda.pdf', 'minutes.pdf', 'action-log.pdf']) {
      const pdf = readFileSync(join(pdfDir, name));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5000);
    }
    // To look at the pages: MEETINGS_RENDER_DIR=/some/folder npx vitest run this file, then pdftoppm.
    const keep = process.env.MEETINGS_RENDER_DIR;
    if (keep) for (const f of [...files, ...readdirSync(pdfDir).map((n) => join(pdfDir, n))]) copyFileSync(f, join(keep, basename(f)));
  }, 120_000);
});
