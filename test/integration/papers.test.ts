import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PaperBlock } from '../../main/papers/blocks';
import { headings, libreOfficeAvailable, paragraphs, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';

const para = (text: string): PaperBlock => ({ type: 'paragraph', text });

async function demo(): Promise<TestWorkspace> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  return ws;
}

async function paperId(ws: TestWorkspace, reference: string): Promise<number> {
  return (await ws.query<{ id: number }>('SELECT id FROM paper WHERE reference = ?', reference))[0]!.id;
}

async function numberingXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file('word/numbering.xml')!.async('string');
}

/** The numbering (numId, level) of each paragraph of document.xml, with its text. */
function numberedParagraphs(xml: string): { numId: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    numId: /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"\/>/.exec(m[0])?.[1] ?? null,
    text: paragraphs(m[0])[0]?.text ?? '',
  }));
}

describe('writing a paper from a template', () => {
  it('creates the template’s sections in order, with details checked and the reference unique', async () => {
    const ws = await demo();
    const paper = await ws.call('paper.create', {
      templateKey: 'board-paper',
      reference: 'SB/2020/04',
      title: 'Communications and media strategy',
      meetingId: 3,
      authorPersonId: 1,
      purpose: 'decision',
    });
    expect(paper.sections.map((s) => s.heading)).toEqual([
      'Introduction', 'Essential Background', 'Progress to date', 'Barriers to successful implementation',
      'Timescales and costs', 'Next Steps', 'Decision Required', 'Recommendation',
    ]);
    expect(paper.status).toBe('draft');
    expect(paper.boardName).toBe('Kent & Medway VRU Strategic Board'); // the meeting fixes the board
    expect(paper.headerFields.find((h) => h.key === 'date')).toMatchObject({ value: '2020-03-19', derived: true });
    expect(paper.warnings.filter((w) => w.code === 'paper.missingSection').map((w) => w.field)).toEqual([
      'sections.introduction', 'sections.essential-background', 'sections.timescales-and-costs', 'sections.decision-required', 'sections.recommendation',
    ]);

    const clash = await ws.fails('paper.create', { templateKey: 'board-paper', reference: 'sb/2020/03', title: 'Again' });
    expect(clash).toMatchObject({ code: 'paper.duplicateReference', field: 'reference' });
    expect(clash.message).toContain('SB/2020/03');
    expect((await ws.fails('paper.create', { templateKey: 'no-such', reference: 'X/1', title: 'x' })).code).toBe('papers.noTemplate');
    expect((await ws.fails('paper.create', { templateKey: 'board-paper', reference: 'X/1', title: 'x', meetingId: 3, boardId: 3 })).code).toBe('paper.meetingElsewhere');
    expect(await ws.call('paper.nextReference', { boardId: 1, year: 2020 })).toEqual({ reference: 'SB/2020/05' });

    // Changing one detail leaves the others as they were.
    const renamed = await ws.call('paper.update', { id: paper.id, title: 'Communications strategy' });
    expect(renamed).toMatchObject({ title: 'Communications strategy', meetingId: 3, boardId: 1, authorPersonId: 1, purpose: 'decision' });
  });

  it('saves one section at a time (autosave), cleans what was pasted, and refuses to change a final paper', async () => {
    const ws = await demo();
    const { id } = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Media strategy' });
    const saved = await ws.call('paper.updateSection', {
      paperId: id,
      key: 'introduction',
      body: [para('This paper\u0007 sets out\u200b the strategy.'), para('   '), { type: 'bullets', items: ['\uf0b7 Thanet', '', 'Medway'] }],
    });
    expect(saved).toMatchObject({ changed: true, body: [para('This paper sets out the strategy.'), { type: 'bullets', items: ['Thanet', 'Medway'] }] });
    const again = await ws.call('paper.updateSection', { paperId: id, key: 'introduction', body: saved.body });
    expect(again.changed).toBe(false);
    const [audits] = await ws.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE entity = 'paper_section' AND action = 'update'`);
    expect(audits!.n).toBe(1); // an autosave with nothing new writes nothing

    expect((await ws.fails('paper.updateSection', { paperId: id, key: 'nope', body: [] })).code).toBe('paper.noSection');
    expect((await ws.fails('paper.updateSection', { paperId: id, key: 'introduction', body: [{ type: 'paragraph' }] })).code).toBe('validation');

    const final = await paperId(ws, 'SB/2020/03');
    const refused = await ws.fails('paper.updateSection', { paperId: final, key: 'introduction', body: [para('Changed after it went out')] });
    expect(refused).toMatchObject({ code: 'paper.final', field: 'status' });
  });

  it('keeps a version each time the status changes, and compares two versions section by section', async () => {
    const ws = await demo();
    const { id } = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Media strategy' });
    await ws.call('paper.updateSection', { paperId: id, key: 'timescales-and-costs', body: [para('The programme is within budget and timescale for 2019/2020.')] });
    const review = await ws.call('paper.setStatus', { id, status: 'for_review' });
    expect(review.versions.map((v) => v.status)).toEqual(['for_review']);
    await ws.call('paper.setStatus', { id, status: 'draft' });
    await ws.call('paper.updateSection', { paperId: id, key: 'timescales-and-costs', body: [para('The programme is within budget for 2019/2020.'), { type: 'bullets', items: ['No underspend is forecast.'] }] });
    await ws.call('paper.setStatus', { id, status: 'for_review' });
    const final = await ws.call('paper.setStatus', { id, status: 'final' });
    expect(final.versions.map((v) => [v.number, v.status])).toEqual([[1, 'for_review'], [2, 'draft'], [3, 'for_review'], [4, 'final']]);
    expect((await ws.fails('paper.setStatus', { id: await paperId(ws, 'SB/2020/03'), status: 'for_review' })).code).toBe('paper.statusMove');

    const diff = await ws.call('paper.compare', { id, from: final.versions[0]!.id, to: final.versions[3]!.id });
    const section = diff.sections.find((s) => s.key === 'timescales-and-costs')!;
    expect(section.change).toBe('changed');
    expect(section.lines.map((l) => [l.op, l.text])).toEqual([
      ['changed', 'The programme is within budget for 2019/2020.'],
      ['added', '• No underspend is forecast.'],
    ]);
    expect(diff.sections.filter((s) => s.change !== 'unchanged').map((s) => s.key)).toEqual(['timescales-and-costs']);
    expect(diff.from.label).toMatch(/^Version 1 \(For review, /);
  });
});

describe('the Word export of a paper', () => {
  it('writes seed 004 with its eight sections as headings, its lists as Word lists and its details', async () => {
    const ws = await demo();
    const out = join(ws.dir, 'SB-2020-03.docx');
    const result = await ws.call('paper.export', { id: await paperId(ws, 'SB/2020/03'), out });
    expect(result).toMatchObject({ path: out, warnings: [] });
    const parts = await readDocx(out);
    expect(headings(parts.document)).toEqual([
      { level: 'Title', text: 'Kent Violence Reduction Unit – update' },
      ...['Introduction', 'Essential Background', 'Progress to date', 'Barriers to successful implementation', 'Timescales and costs', 'Next Steps', 'Decision Required', 'Recommendation'].map((text) => ({
        level: 'Heading1',
        text,
      })),
    ]);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain('Reference: SB/2020/03');
    expect(texts).toContain('Presenting officer: DCI Ben Loose');
    expect(texts).toContain('Commissioned services: 18 existing services across Kent and Medway which provide support / intervention / diversion for young people involved in violence have been granted additional funding to improve scope and reach.');
    // i) … v) is a Word list in lower-roman, not typed numbers.
    const numbering = await numberingXml(out);
    expect(numbering).toMatch(/<w:numFmt w:val="lowerRoman"\/>\s*<w:lvlText w:val="%1\)"\/>/);
    expect(parts.headers.join()).toContain('OFFICIAL');
    expect(parts.footers.join()).toMatch(/NUMPAGES/);
    expect(parts.core).toContain('<dc:title>SB/2020/03 Kent Violence Reduction Unit – update</dc:title>');
    expect(parts.core).toContain('<dc:creator>Mark Powell</dc:creator>');
    expect(parts.styles).toContain('w:lang w:val="en-GB"');
  });

  it('numbers seed 000’s paragraphs 1–28 continuously across sections, and not its bullet lists', async () => {
    const ws = await demo();
    const out = join(ws.dir, 'PCP-2019-09.docx');
    await ws.call('paper.export', { id: await paperId(ws, 'PCP/2019/09'), out });
    const parts = await readDocx(out);
    const labelled = paragraphs(parts.document).map((p) => p.text);
    expect(labelled.slice(1, 5)).toEqual([
      'From: Matthew Scott, Kent Police and Crime Commissioner',
      'To: Kent and Medway Police and Crime Panel',
      'Subject: Violence reduction - update',
      'Date: 24 September 2019',
    ]);
    const numbering = await numberingXml(out);
    const all = numberedParagraphs(parts.document).filter((p) => p.numId !== null);
    // The paragraph numbering is the one numId whose level 0 is decimal "%1." and used 28 times.
    const byNum = new Map<string, string[]>();
    for (const p of all) byNum.set(p.numId!, [...(byNum.get(p.numId!) ?? []), p.text]);
    const numbered = [...byNum.values()].find((texts) => texts.length === 28)!;
    expect(numbered).toBeDefined();
    expect(numbered[0]).toMatch(/^The Government's Serious Violence Strategy set out/);
    expect(numbered[3]).toMatch(/^In April 2018/);
    expect(numbered[27]).toMatch(/^As set out above/);
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    // Bullets (4 themes, 6 projects, 2 goals, 8 governance members) are not in that numbering.
    expect(all.length - 28).toBe(4 + 6 + 2 + 8);

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: the PDF check is skipped');
    const { pdf } = renderPdf(out, ws.dir);
    const starts = pdfText(pdf)
      .split('\n')
      .map((l) => /^\s*(\d+)\.\s+\S/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    expect(starts).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });

  it('asks before writing a paper with a required section missing, naming it, and writes it once acknowledged', async () => {
    const ws = await demo();
    const { id } = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Media strategy' });
    for (const key of ['introduction', 'essential-background', 'timescales-and-costs', 'decision-required']) {
      await ws.call('paper.updateSection', { paperId: id, key, body: [para(`Text of ${key}.`)] });
    }
    const out = join(ws.dir, 'draft.docx');
    const first = await ws.fails('paper.export', { id, out });
    expect(first).toMatchObject({ code: 'export.warningsNotAcknowledged', field: 'acknowledgeWarnings' });
    expect(first.message).toBe(
      'SB/2020/04 has no Recommendation, which the template requires. Nothing was written: export it anyway only if that is intended (acknowledge the warnings).',
    );
    expect(first.problems).toContainEqual(expect.objectContaining({ message: expect.stringContaining('Recommendation') }));
    expect(existsSync(out)).toBe(false);
    const second = await ws.call('paper.export', { id, out, acknowledgeWarnings: true });
    expect(second.path).toBe(out);
    expect(second.warnings.length).toBeGreaterThan(0);
    expect(headings((await readDocx(out)).document).map((h) => h.text)).toContain('Recommendation');
  });

  it('writes a 5,000-character table cell and a right-to-left name, and no control characters', async () => {
    const ws = await demo();
    const { id } = await ws.call('paper.create', { templateKey: 'panel-report', reference: 'PCP/2020/01', title: 'Awards', header: { from: 'Matthew Scott', to: 'Panel', subject: 'Awards', date: '2020-01-30' } });
    const long = 'Knife crime awareness in east Kent schools. '.repeat(120).slice(0, 5000);
    await ws.call('paper.updateSection', {
      paperId: id,
      key: 'introduction',
      body: [
        para('Awards made:'),
        { type: 'table', columns: ['Organisation', 'Lead', 'Description'], rows: [['Uprising Youth and Community', 'محمد علي', long], ['Kent Police\u0001', 'Ben Loose', 'Mini Cadets']] },
      ],
    });
    await ws.call('paper.updateSection', { paperId: id, key: 'conclusion', body: [para('That is all.')] });
    const out = join(ws.dir, 'awards.docx');
    expect((await ws.call('paper.export', { id, out })).path).toBe(out);
    const parts = await readDocx(out);
    const [table] = tables(parts.document);
    expect(table![0]).toEqual({ header: true, cells: ['Organisation', 'Lead', 'Description'] });
    expect(table![1]!.cells[1]).toBe('محمد علي');
    expect(table![1]!.cells[2]).toHaveLength(5000);
    expect(table![2]!.cells[0]).toBe('Kent Police');
    expect(parts.document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);

    if (!libreOfficeAvailable) return;
    const { pdf, pages } = renderPdf(out, ws.dir);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pdfText(pdf)).toContain('Knife crime awareness');
  });

  it('says plainly where a live table cannot be filled', async () => {
    const ws = await demo();
    const { id } = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Funding' });
    await ws.call('paper.updateSection', { paperId: id, key: 'timescales-and-costs', body: [{ type: 'live', source: 'performance.scorecard', params: {} }] });
    const out = join(ws.dir, 'live.docx');
    await ws.call('paper.export', { id, out, acknowledgeWarnings: true });
    const texts = paragraphs((await readDocx(out)).document).map((p) => p.text);
    const live = await ws.call('paper.liveTable', { source: 'performance.scorecard', params: {} });
    if (live.ok) expect(tables((await readDocx(out)).document).length).toBeGreaterThan(0);
    else expect(texts.some((t) => t.startsWith('Live table unavailable: '))).toBe(true);
  });
});
