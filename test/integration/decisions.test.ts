import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headings, libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';

async function demo(): Promise<TestWorkspace> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

const para = (text: string) => ({ type: 'paragraph' as const, text });

describe('the decisions log', () => {
  it('numbers references per board per year, and refuses one already used', async () => {
    const ws = await demo();
    const { decision } = await ws.call('decision.create', { boardId: 1, title: 'Communications strategy agreed', type: 'approve', status: 'agreed', decidedOn: '2020-03-19', ownerPersonId: 1 });
    expect(decision.reference).toBe('SB-D-2020-003'); // SB-D-2020-001 and -002 are the demo's
    const next2021 = await ws.call('decision.create', { boardId: 1, title: 'Next year', type: 'note', decidedOn: '2021-04-01' });
    expect(next2021.decision.reference).toBe('SB-D-2021-001');
    const pcc = await ws.call('decision.create', { decidedBy: 'commissioner', title: 'Stalking support pilot', type: 'approve', decidedOn: '2019-10-01' });
    expect(pcc.decision.reference).toBe('PCC-D-2019-002');
    expect(await ws.call('decision.nextReference', { boardId: 3, year: 2019 })).toEqual({ reference: 'PCP-D-2019-001' });

    const clash = await ws.fails('decision.create', { reference: 'sb-d-2020-003', boardId: 1, title: 'Again', type: 'note' });
    expect(clash).toMatchObject({ code: 'decision.duplicateReference', field: 'reference' });
    expect(clash.message).toContain('SB-D-2020-003');
    expect((await ws.fails('decision.create', { title: 'No board', type: 'note' })).code).toBe('decision.boardRequired');
    expect((await ws.fails('decision.create', { boardId: 1, meetingId: 1, title: 'Panel meeting', type: 'note' })).code).toBe('decision.meetingElsewhere');
  });

  it('links a decision to its money and the indicators it is meant to move, with warnings the user may go past', async () => {
    const ws = await demo();
    const { decision, warnings } = await ws.call('decision.create', {
      boardId: 1,
      meetingId: 3,
      title: 'Fund knife detection equipment',
      type: 'approve',
      status: 'agreed',
      financialAmountPence: 12_000_000,
      indicatorIds: [2, 1],
      implementationDueOn: '2020-01-31',
    });
    expect(decision).toMatchObject({ decidedOn: '2020-03-19', boardName: 'Kent & Medway VRU Strategic Board', financialAmountPence: 12_000_000 });
    expect(decision.indicators.map((i) => i.code)).toEqual(['HO-1', 'HO-2']);
    expect(warnings.map((w) => w.code)).toEqual(['decision.noStream', 'decision.dueBeforeDecided', 'decision.noOwner']);
    const updated = await ws.call('decision.update', { id: decision.id, fundingStreamId: 1, indicatorIds: [3] });
    expect(updated.decision).toMatchObject({ fundingStreamName: 'VRU grant (Serious Violence Fund)' });
    expect(updated.decision.indicators.map((i) => i.code)).toEqual(['HO-3']);
    expect((await ws.fails('decision.update', { id: decision.id, indicatorIds: [999] })).field).toBe('indicatorIds.0');
  });

  it('moves through proposed → agreed → superseded by another, and keeps agreed decisions', async () => {
    const ws = await demo();
    const first = (await ws.call('decision.create', { boardId: 1, title: 'Old plan', type: 'approve', decidedOn: '2020-01-23' })).decision;
    const agreed = (await ws.call('decision.setStatus', { id: first.id, status: 'agreed' })).decision;
    expect(agreed.status).toBe('agreed');
    const second = (await ws.call('decision.create', { boardId: 1, title: 'New plan', type: 'approve', status: 'agreed', decidedOn: '2020-03-19' })).decision;
    expect((await ws.fails('decision.setStatus', { id: first.id, status: 'superseded' })).field).toBe('supersededById');
    const superseded = (await ws.call('decision.setStatus', { id: first.id, status: 'superseded', supersededById: second.id })).decision;
    expect(superseded).toMatchObject({ status: 'superseded', supersededByReference: second.reference });
    expect((await ws.fails('decision.setStatus', { id: first.id, status: 'proposed' })).code).toBe('decision.statusMove');
    expect((await ws.fails('decision.delete', { id: second.id })).code).toBe('decision.notProposed');
  });

  it('filters by board, status, type, who decided and date range, and searches the text', async () => {
    const ws = await demo();
    await ws.call('decision.create', { boardId: 2, title: 'Tactical group noted the data-set', type: 'note', status: 'agreed', decidedOn: '2020-02-10' });
    const refs = async (f: Record<string, unknown>) => (await ws.call('decision.list', { from: null, ...f } as never)).rows.map((d) => d.reference);
    expect(await refs({})).toEqual(['SB-D-2020-002', 'TG-D-2020-001', 'SB-D-2020-001', 'PCC-D-2019-001']);
    expect(await refs({ boardId: 1 })).toEqual(['SB-D-2020-002', 'SB-D-2020-001']);
    expect(await refs({ status: 'proposed' })).toEqual(['SB-D-2020-002']);
    expect(await refs({ type: 'note' })).toEqual(['TG-D-2020-001']);
    expect(await refs({ decidedBy: 'commissioner' })).toEqual(['PCC-D-2019-001']);
    // The date filed under is the decision's date, else its meeting's (SB-D-2020-002: 19 March 2020).
    expect(await refs({ from: '2020-02-01', to: '2020-03-31' })).toEqual(['SB-D-2020-002', 'TG-D-2020-001']);
    expect(await refs({ search: 'approaches' })).toEqual(['SB-D-2020-002']);
    expect((await ws.fails('decision.list', { from: '19/03/2020' })).field).toBe('from');
    // With neither date given, the current financial year (today is 2 March 2020: 2019/20)
    // (PCC-D-2019-001 on its first day, 1 April 2019) and the undated (SB-D-2020-002, proposed);
    // a decision of 2018/19 is not in it.
    await ws.call('decision.create', { boardId: 1, title: 'Adopted the first strategy', type: 'approve', status: 'agreed', decidedOn: '2019-03-20', reference: 'SB-D-2019-009' });
    const thisYear = await ws.call('decision.list', {});
    expect(thisYear).toMatchObject({ from: '2019-04-01', to: '2020-03-31', withUndated: true, total: 4 });
    expect(thisYear.rows.map((d) => d.reference)).toEqual(['SB-D-2020-002', 'TG-D-2020-001', 'SB-D-2020-001', 'PCC-D-2019-001']);
    expect(await refs({ to: '2019-03-31' })).toEqual(['SB-D-2019-009']);
  });

  it('turns a paper’s Decision Required and Recommendation into a proposed decision on its meeting, in one step', async () => {
    const ws = await demo();
    const paper = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Communications and media strategy', agendaItemId: 15 });
    await ws.call('paper.updateSection', { paperId: paper.id, key: 'decision-required', body: [para('A decision is sought on the media strategy.'), { type: 'bullets', items: ['Thanet', 'Medway'] }] });
    await ws.call('paper.updateSection', { paperId: paper.id, key: 'recommendation', body: [para('The Board is asked to approve the communications and media strategy.')] });
    const { decision, warnings } = await ws.call('decision.proposeFromPaper', { paperId: paper.id });
    expect(decision).toMatchObject({
      reference: 'SB-D-2020-003',
      status: 'proposed',
      type: 'approve',
      title: 'Communications and media strategy',
      paperReference: 'SB/2020/04',
      meetingId: 3,
      agendaItemId: 15,
      decidedBy: 'board',
    });
    expect(decision.text).toBe('The Board is asked to approve the communications and media strategy.\n\nDecision required:\nA decision is sought on the media strategy.\n• Thanet\n• Medway');
    expect(warnings).toEqual([]);
    expect((await ws.fails('decision.proposeFromPaper', { paperId: paper.id })).code).toBe('decision.alreadyProposed');
    // Seed 004's recommendation asks the partnership "to support": an endorsement (already proposed in the demo).
    expect((await ws.fails('decision.proposeFromPaper', { paperId: 1 })).message).toBe('SB/2020/03 already has a proposed decision, SB-D-2020-002.');
  });
});

describe('exports of the decisions log', () => {
  it('writes a Word table fit for a board pack, landscape, with a header row that repeats', async () => {
    const ws = await demo();
    const out = join(ws.dir, 'decisions.docx');
    const result = await ws.call('decision.exportLog', { format: 'docx', out, boardId: 1 });
    expect(result).toMatchObject({ path: out, rows: 2, warnings: [] });
    const parts = await readDocx(out);
    expect(headings(parts.document)).toEqual([
      { level: 'Title', text: 'Decisions log' },
      { level: 'Heading1', text: 'Decisions (2)' },
    ]);
    expect(paragraphs(parts.document).map((p) => p.text)).toContain('Showing: Kent & Medway VRU Strategic Board.');
    const [table] = tables(parts.document);
    expect(table![0]).toEqual({ header: true, cells: ['Reference and date', 'Decision', 'Type and status', 'Owner', 'Amount'] });
    expect(table![2]!.cells[0]).toBe('SB-D-2020-001 23/01/2020');
    // Codes in running text with non-breaking hyphens, so none wraps as "HO-" / "1".
    expect(table![2]!.cells[1]).toContain('Indicators: HO\u20111, HO\u20112, HO\u20113.');
    // A register: its rows may break across pages (under the repeated header), at the register size.
    expect(parts.document.match(/<w:cantSplit\/>/g)).toHaveLength(1); // the header row only
    expect(parts.document).toContain('<w:sz w:val="18"/>');
    expect(parts.document).toContain('w:orient="landscape"');
    if (!libreOfficeAvailable) return;
    const { pdf } = renderPdf(out, ws.dir);
    expect(pdfText(pdf)).toContain('SB-D-2020-002');
  });

  it('writes an Excel sheet with filters, a frozen header, dates as dates and amounts as £', async () => {
    const ws = await demo();
    const out = join(ws.dir, 'decisions.xlsx');
    expect((await ws.call('decision.exportLog', { format: 'xlsx', out })).rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Decisions')!;
    expect(sheet.getCell('A2').value).toBe('Reference');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    const row = (ref: string) => sheet.getRows(3, 3)!.find((r) => r.getCell(1).value === ref)!;
    expect((row('SB-D-2020-001').getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2020-01-23');
    expect(row('SB-D-2020-001').getCell(2).numFmt).toBe('dd/mm/yyyy');
    // The meeting's date third (printed: a proposed decision has no decided-on date yet), the amount tenth.
    expect(sheet.getCell('C2').value).toBe('Meeting');
    expect(row('PCC-D-2019-001').getCell(4).value).toBe('The Commissioner alone'); // no board: who decided, not a blank
    expect(row('SB-D-2020-001').getCell(4).value).toBe('Kent & Medway VRU Strategic Board');
    expect(row('PCC-D-2019-001').getCell(10).value).toBe(1_000_000);
    expect(row('PCC-D-2019-001').getCell(10).numFmt).toContain('£');
  });

  it('writes the demo’s PCC decision notice complete (its Record of Decision paper fills what the log cannot), and names what the log cannot fill without it', async () => {
    const ws = await demo();
    const out = join(ws.dir, 'notice.docx');
    // The demo's decision has its notice written as a paper in the decision-notice template and a date: nothing is left to complete.
    const complete = await ws.call('decision.exportNotice', { id: 3, out });
    expect(complete.warnings).toEqual([]);
    const whole = await readDocx(out);
    const wholeTexts = paragraphs(whole.document).map((p) => p.text);
    expect(whole.document).not.toContain('To be completed');
    expect(wholeTexts).toEqual(expect.arrayContaining([
      'Decision number: PCC-D-2019-001', // the log's reference: the paper's header gives no number of its own
      'Originator: Chief Executive, Office of the Police and Crime Commissioner',
      'Open or confidential: Open',
      'Date: 1 April 2019',
      '6.1\t£1,000,000, from the Violence Reduction Fund.',
      '8.1\tOpen. To be published on the Commissioner’s website.',
    ]));
    expect(wholeTexts.some((t) => t.startsWith('Decisions log reference'))).toBe(false);
    expect(wholeTexts.find((t) => t.startsWith('3.1\t'))).toMatch(/^3\.1\tThat the Commissioner creates a Violence Reduction Fund of £1m over three years/);
    expect(wholeTexts.some((t) => t.startsWith('Do nothing:'))).toBe(true);
    expect(wholeTexts.find((t) => t.startsWith('5.1\t'))).toMatch(/^5\.1\tFinancial: the Chief Finance Officer/);

    // Without the paper and the date, the log alone cannot fill the options, the recommendation or the date.
    const [pcc] = await ws.query<{ version: number }>('SELECT version FROM decision WHERE id = 3');
    await ws.call('decision.update', { id: 3, version: pcc!.version, paperId: null, decidedOn: null });
    const first = await ws.fails('decision.exportNotice', { id: 3, out: join(ws.dir, 'gaps.docx') });
    expect(first.code).toBe('export.warningsNotAcknowledged');
    expect(first.problems!.map((p) => p.path)).toEqual(['options-considered', 'recommendation', 'decidedOn']); // agreed, but no date
    expect(existsSync(join(ws.dir, 'gaps.docx'))).toBe(false);
    const second = await ws.call('decision.exportNotice', { id: 3, out, acknowledgeWarnings: true });
    expect(second.path).toBe(out);
    expect(second.warnings.map((w) => w.field)).toEqual(['options-considered', 'recommendation', 'decidedOn']);
    const parts = await readDocx(out);
    expect(headings(parts.document).map((h) => h.text)).toEqual([
      'Record of Decision: Violence Reduction Fund established: £1m over three years',
      '1. Executive summary', '2. Options considered', '3. Recommendation', '4. The decision and reasons', '5. Advice taken', '6. Financial implications', '7. Performance measures', '8. Publication',
      'Sign-off', 'Chief Finance Officer', 'Chief Executive', 'Police and Crime Commissioner',
    ]);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain('Decision number: PCC-D-2019-001');
    expect(texts).toContain('6.1\t£1,000,000, from the Violence Reduction Fund.');
    // The demo links the fund to two indicators, and the notice names them.
    expect(texts).toContain('HO-2 Police-recorded knife-related assaults, victim under 25');
    expect(texts).toContain('LOC-1 Violence against the person — recorded offences');
    expect((await ws.fails('decision.exportNotice', { id: 1, out })).code).toBe('decision.notCommissioner');
  });
});
