import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import type { MeetingDetail } from '../../main/meetings/contract';
import { fourPapers, MARCH_BOARD, PART_B_REASON } from '../helpers/agenda-pack-fixture';
import { readDocx, tables } from '../helpers/documents';
import { agendaClaims, pagesText, pdfOutline, pdfPages, printedRanges } from '../helpers/pdf-read';
import { tempDir, tempWorkspace, type TestWorkspace } from '../helpers/workspace';

/**
 * The register of members' interests (issue 15, point 5) on the March Board of the demo
 * (19 March 2020): entries per person, declarations that pick from it or add to it, made only
 * by those present, and the register printed in both packs; and the reason a Part B item is
 * private, printed on its pages.
 */

const count = async (ws: TestWorkspace, table: string) => Number((await ws.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

async function march(ws: TestWorkspace): Promise<MeetingDetail> {
  return ws.call('meeting.get', { id: MARCH_BOARD });
}

describe('the register of interests', () => {
  it('keeps each member’s entries with type, dates and review; lists those current on a date; refuses bad input naming the field and writes nothing', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const member = (await march(ws)).members[0]!;
    const trustee = await ws.call('interest.create', { personId: member.personId, type: 'other_registrable', description: 'Trustee of Kent Youth Trust', startsOn: '2019-04-01', endsOn: null, reviewedOn: '2019-09-24' });
    expect(trustee).toMatchObject({ personId: member.personId, name: member.name, type: 'other_registrable', description: 'Trustee of Kent Youth Trust', endsOn: null, reviewedOn: '2019-09-24', version: 1 });
    await ws.call('interest.create', { personId: member.personId, type: 'pecuniary', description: 'Shares in Medway Security Ltd', startsOn: '2018-01-01', endsOn: '2019-12-31', reviewedOn: null });
    expect((await ws.call('interest.list', { personId: member.personId, on: null })).map((i) => i.description)).toEqual(['Shares in Medway Security Ltd', 'Trustee of Kent Youth Trust']);
    expect((await ws.call('interest.list', { personId: member.personId, on: '2020-03-19' })).map((i) => i.description)).toEqual(['Trustee of Kent Youth Trust']);

    // An edit carries the version it read; a second edit on the same version is refused.
    const reviewed = await ws.call('interest.update', { id: trustee.id, version: 1, reviewedOn: '2020-03-01' });
    expect(reviewed).toMatchObject({ reviewedOn: '2020-03-01', version: 2 });
    expect((await ws.fails('interest.update', { id: trustee.id, version: 1, description: 'Chair of Kent Youth Trust' })).code).toBe('stale');

    const before = await count(ws, 'interest');
    const refusals = [
      await ws.fails('interest.create', { personId: member.personId, type: 'pecuniary', description: 'Consultancy', startsOn: '2020-01-01', endsOn: '2019-01-01', reviewedOn: null }),
      await ws.fails('interest.create', { personId: member.personId, type: 'financial', description: 'Consultancy', startsOn: '2020-01-01', endsOn: null, reviewedOn: null }),
      await ws.fails('interest.create', { personId: member.personId, type: 'pecuniary', description: '  ', startsOn: '2020-01-01', endsOn: null, reviewedOn: null }),
      await ws.fails('interest.create', { personId: 99999, type: 'pecuniary', description: 'Consultancy', startsOn: '2020-01-01', endsOn: null, reviewedOn: null }),
      await ws.fails('interest.update', { id: trustee.id, version: 2, endsOn: '2019-01-01' }),
    ];
    expect(refusals.map((e) => e.field)).toEqual(['endsOn', 'type', 'description', 'personId', 'endsOn']);
    expect(refusals[0]!.message).toContain('is before from');
    expect(await count(ws, 'interest')).toBe(before);
  });

  it('a declaration picks an entry of the register or adds one to it, records the type, and only someone present (or a substitute) may declare', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const detail = await march(ws);
    const [present, apologies, represented] = detail.members.filter((m) => m.role !== 'secretariat');
    const meetingId = MARCH_BOARD;
    const item = detail.agenda.find((a) => a.standingKind === null)!;
    await ws.call('attendance.set', { meetingId, personId: present!.personId, status: 'present' });
    await ws.call('attendance.set', { meetingId, personId: apologies!.personId, status: 'apologies' });
    const entry = await ws.call('interest.create', { personId: present!.personId, type: 'pecuniary', description: 'Director of a funded provider', startsOn: '2019-01-01', endsOn: null, reviewedOn: null });

    // From the register: its wording and type are what is declared.
    let after = await ws.call('declaration.add', { meetingId, agendaItemId: item.id, personId: present!.personId, interestId: entry.id, withdrew: true });
    expect(after.declarations.find((d) => d.interestId === entry.id)).toMatchObject({ personId: present!.personId, interestId: entry.id, interest: 'Director of a funded provider', interestType: 'pecuniary', withdrew: true });
    expect(after.interests.map((i) => i.id)).toContain(entry.id);

    // A new interest goes into the register from the meeting's date.
    after = await ws.call('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: null, interest: 'Spouse works for Kent Police', interestType: 'non_registrable' });
    const added = after.declarations.find((d) => d.interest === 'Spouse works for Kent Police')!;
    expect(added).toMatchObject({ interest: 'Spouse works for Kent Police', interestType: 'non_registrable', withdrew: false });
    expect((await ws.call('interest.list', { personId: present!.personId, on: '2020-03-19' })).map((i) => [i.description, i.type, i.startsOn])).toEqual([
      ['Director of a funded provider', 'pecuniary', '2019-01-01'],
      ['Spouse works for Kent Police', 'non_registrable', '2020-03-19'],
    ]);

    // Refused, naming the field, with nothing written (not even the new register entry).
    const interests = await count(ws, 'interest');
    const declarations = await count(ws, 'declaration');
    const refusals = [
      await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: apologies!.personId, interestId: null, interest: 'Trustee', interestType: 'other_registrable' }),
      await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: represented!.personId, interestId: null, interest: 'Trustee', interestType: 'other_registrable' }),
      await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: null, interest: 'Trustee' }),
      await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: null, interestType: 'pecuniary' }),
      await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: 999999 }),
    ];
    expect(refusals.map((e) => [e.code, e.field])).toEqual([
      ['declaration.notPresent', 'personId'],
      ['declaration.notPresent', 'personId'],
      ['validation', 'interestType'],
      ['validation', 'interestId'],
      ['declaration.notTheirInterest', 'interestId'],
    ]);
    expect(refusals[0]!.message).toContain('sent apologies');
    // Another person's entry, and one that ended before the meeting.
    const theirs = await ws.call('interest.create', { personId: apologies!.personId, type: 'pecuniary', description: 'Landlord of the VRU office', startsOn: '2019-01-01', endsOn: null, reviewedOn: null });
    const ended = await ws.call('interest.create', { personId: present!.personId, type: 'pecuniary', description: 'Former adviser', startsOn: '2018-01-01', endsOn: '2019-12-31', reviewedOn: null });
    expect((await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: theirs.id })).field).toBe('interestId');
    const late = await ws.fails('declaration.add', { meetingId, agendaItemId: null, personId: present!.personId, interestId: ended.id });
    expect([late.code, late.field]).toEqual(['declaration.interestNotCurrent', 'interestId']);
    expect(await count(ws, 'interest')).toBe(interests + 2);
    expect(await count(ws, 'declaration')).toBe(declarations);

    // A substitute present for a member may declare their own interest.
    const substitute = await ws.call('person.create', { givenName: 'Sam', familyName: 'Deputy' });
    await ws.call('attendance.set', { meetingId, personId: substitute.id, status: 'present', substituteForPersonId: represented!.personId });
    after = await ws.call('declaration.add', { meetingId, agendaItemId: null, personId: substitute.id, interestId: null, interest: 'Volunteer with a funded charity', interestType: 'other_registrable' });
    expect(after.declarations.find((d) => d.personId === substitute.id)).toMatchObject({ interest: 'Volunteer with a funded charity', interestType: 'other_registrable' });
    expect(after.interests.some((i) => i.personId === substitute.id)).toBe(true);
  });
});

describe('the register and Part B reasons in the agenda pack', () => {
  async function withRegister() {
    const { ws } = await fourPapers();
    const [chair, second, third] = (await march(ws)).members;
    await ws.call('interest.create', { personId: chair!.personId, type: 'pecuniary', description: 'Shares in KSS Ltd', startsOn: '2019-05-01', endsOn: null, reviewedOn: '2020-01-15' });
    await ws.call('interest.create', { personId: chair!.personId, type: 'non_registrable', description: 'Son at a youth club', startsOn: '2019-05-01', endsOn: null, reviewedOn: null });
    await ws.call('interest.create', { personId: second!.personId, type: 'other_registrable', description: 'Trustee, Mentors', startsOn: '2017-01-01', endsOn: '2019-12-31', reviewedOn: null });
    await ws.call('interest.create', { personId: second!.personId, type: 'other_registrable', description: 'School governor', startsOn: '2020-01-01', endsOn: null, reviewedOn: '2020-02-01' });
    return { ws, chair: chair!, second: second!, third: third! };
  }

  it('the PDF pack ends with the register of the members, current entries only, which the declarations item points to; Part B pages give the item’s reason', async () => {
    const { ws, chair, second, third } = await withRegister();
    const out = join(ws.dir, 'pack.pdf');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out });
    const pages = pdfPages(out);
    const ranges = printedRanges(pages);
    const register = ranges.get('Register of interests')!;
    expect(register.last).toBe(pages.length);
    const text = pages.slice(register.first - 1).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Register of interests');
    for (const m of [chair, second, third]) expect(text).toContain(m.name);
    expect(text).toContain('Shares in KSS Ltd');
    expect(text).toContain('Disclosable');
    expect(text).toContain('Son at a youth club');
    expect(text).toContain('School governor');
    expect(text).toContain('15/01/2020');
    expect(text).not.toContain('Trustee, Mentors');
    expect(text).toContain('No interest registered');
    expect(pdfOutline(out).at(-1)).toMatchObject({ title: 'Register of interests', page: register.first });
    // The agenda's declarations item says where the register is.
    const front = pages.slice(0, ranges.get('Item 4 · SB/2020/03')!.first - 1).join('\n').replace(/\s+/g, ' ');
    expect(front).toContain(`(Register of interests: ${pagesText(register)})`);
    expect(agendaClaims(front).size).toBe(4);
    // Every page of the Part B paper gives the item's own reason.
    const partB = ranges.get('Item 6 · SB/2020/05')!;
    for (let n = partB.first; n <= partB.last; n++) expect(pages[n - 1]!.replace(/\s+/g, ' ')).toContain(`NOT FOR PUBLICATION — Part B: ${PART_B_REASON}`);
  });

  it('the Word pack prints the same register, and the public pack leaves out non-registrable interests', async () => {
    const { ws, chair } = await withRegister();
    const full = join(ws.dir, 'pack.docx');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: full });
    const parts = await readDocx(full);
    const registerTable = tables(parts.document).find((t) => t[0]!.cells.join('|') === 'Member|Type|Interest|From – to|Reviewed')!;
    expect(registerTable).toBeDefined();
    const rows = registerTable.slice(1).map((r) => r.cells);
    const chairRows = rows.filter((r) => r[0]!.startsWith(chair.name));
    expect(chairRows.map((r) => r.slice(1))).toEqual([
      ['Disclosable pecuniary interest', 'Shares in KSS Ltd', '01/05/2019 to date', '15/01/2020'],
      ['Non-registrable interest', 'Son at a youth club', '01/05/2019 to date', 'Not yet reviewed'],
    ]);
    expect(rows.flat().join()).not.toContain('Former trustee');
    expect(parts.headers.some((h) => h.includes(`NOT FOR PUBLICATION — Part B: ${PART_B_REASON}`))).toBe(true);
    expect(parts.footers.some((f) => f.includes('Register of interests'))).toBe(true);

    const open = join(ws.dir, 'public.docx');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, public: true, out: open });
    const publicDoc = (await readDocx(open)).document;
    expect(publicDoc).toContain('Shares in KSS Ltd');
    expect(publicDoc).not.toContain('Son at a youth club');
    expect(publicDoc).not.toContain(PART_B_REASON);
  });

  it('refuses a Part B item without its reason, naming the field, and changes nothing', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const items = await count(ws, 'agenda_item');
    const refused = await ws.fails('agenda.addItem', { meetingId: MARCH_BOARD, title: 'Contract award', confidential: true });
    expect([refused.code, refused.field]).toEqual(['agenda.noConfidentialReason', 'confidentialReason']);
    expect(await count(ws, 'agenda_item')).toBe(items);
    const item = (await march(ws)).agenda.find((a) => a.standingKind === null)!;
    expect((await ws.fails('agenda.updateItem', { id: item.id, version: item.version, confidential: true })).field).toBe('confidentialReason');
    const marked = await ws.call('agenda.updateItem', { id: item.id, version: item.version, confidential: true, confidentialReason: 'Paragraph 7: crime prevention' });
    const after = marked.agenda.find((a) => a.id === item.id)!;
    expect([after.confidential, after.confidentialReason]).toEqual([true, 'Paragraph 7: crime prevention']);
    expect((await ws.fails('agenda.updateItem', { id: item.id, version: after.version, confidentialReason: '' })).field).toBe('confidentialReason');
  });
});

describe('migration 010 (register of interests), from a version-7 workspace', () => {
  it('gives items already in Part B the reason packs printed for them, and leaves earlier declarations without a register entry', () => {
    const raw = new Database(join(tempDir(), 'v7.db'));
    migrate(raw, migrations.filter((m) => m.version <= 7));
    const at = '2020-01-01T00:00:00';
    raw.exec(`
      INSERT INTO person (id, given_name, family_name, created_at, updated_at) VALUES (1, 'Ann', 'Millington', '${at}', '${at}');
      INSERT INTO board (id, name, code, created_at, updated_at) VALUES (1, 'Board', 'SB', '${at}', '${at}');
      INSERT INTO meeting (id, board_id, starts_at, ends_at, created_at, updated_at) VALUES (1, 1, '2020-03-19T10:00', '2020-03-19T12:00', '${at}', '${at}');
      INSERT INTO agenda_item (id, meeting_id, position, title, confidential, created_at, updated_at) VALUES (1, 1, 1, 'Open item', 0, '${at}', '${at}'), (2, 1, 2, 'Private item', 1, '${at}', '${at}');
      INSERT INTO declaration (id, meeting_id, agenda_item_id, person_id, interest, withdrew) VALUES (1, 1, 2, 1, 'Trustee of a funded charity', 1);`);
    expect(migrate(raw)).toMatchObject({ from: 7 });
    expect(raw.prepare(`SELECT id, confidential_reason FROM agenda_item ORDER BY id`).all()).toEqual([
      { id: 1, confidential_reason: '' },
      { id: 2, confidential_reason: 'The Board takes this item in private, so its papers are confidential.' },
    ]);
    expect(raw.prepare(`SELECT interest, interest_id, interest_type FROM declaration`).all()).toEqual([{ interest: 'Trustee of a funded charity', interest_id: null, interest_type: null }]);
    expect(() => raw.prepare(`INSERT INTO interest (person_id, type, description, starts_on, created_at, updated_at) VALUES (1, 'gift', 'x', '2020-01-01', '${at}', '${at}')`).run()).toThrow(/CHECK/);
    raw.close();
  });
});
