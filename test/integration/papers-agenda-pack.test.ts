import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaperBlock } from '../../main/papers/blocks';
import { headings, libreOfficeAvailable, paragraphs, readDocx, renderPdf } from '../helpers/documents';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';

const MARCH_BOARD = 3;
const para = (text: string): PaperBlock => ({ type: 'paragraph', text });

/** Paragraphs enough to fill about `pages` pages of a paper. */
function filler(topic: string, pages: number): PaperBlock[] {
  return Array.from({ length: pages * 6 }, (_, i) =>
    para(`${topic}, point ${i + 1}: partners across Kent and Medway reviewed the evidence on serious violence, the data-set and the response strategy, and agreed what the VRU should do next, who leads it and by when.`),
  );
}

async function addItem(ws: TestWorkspace, title: string, confidential = false): Promise<number> {
  const meeting = await ws.call('agenda.addItem', { meetingId: MARCH_BOARD, title, purpose: 'decision', minutesAllotted: 15, confidential } as never);
  const items = (meeting as unknown as { agenda: { id: number; title: string }[] }).agenda;
  return items.find((i) => i.title === title)!.id;
}

async function paperOn(ws: TestWorkspace, itemId: number, reference: string, title: string, pages: number, extra: PaperBlock[] = []): Promise<number> {
  const p = await ws.call('paper.create', { templateKey: 'board-paper', reference, title, agendaItemId: itemId, authorPersonId: 1, presenterPersonId: 1 });
  const bodies: Record<string, PaperBlock[]> = {
    introduction: [para(`This paper asks the Board to decide on ${title.toLowerCase()}.`)],
    'essential-background': filler(title, pages),
    'timescales-and-costs': [para('Within budget for 2019/20.'), ...extra],
    'decision-required': [para('A decision is sought.')],
    recommendation: [para('The Board is asked to approve the recommendation.')],
  };
  for (const [key, body] of Object.entries(bodies)) await ws.call('paper.updateSection', { paperId: p.id, key, body });
  await ws.call('paper.setStatus', { id: p.id, status: 'for_review' });
  await ws.call('paper.setStatus', { id: p.id, status: 'final' });
  return p.id;
}

/** The March Board with four papers: seed 004 and three more, one of them confidential. */
async function fourPapers(): Promise<{ ws: TestWorkspace; ids: { update: number; performance: number; caseManagement: number; media: number } }> {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const performance = await addItem(ws, 'Performance framework');
  const caseManagement = await addItem(ws, 'Case management system', true);
  const media = await addItem(ws, 'Communications and media strategy');
  const ids = {
    update: 1,
    // With the live tables of the funded projects and the scorecard, whose rows the layout must count as LibreOffice does.
    performance: await paperOn(ws, performance, 'SB/2020/04', 'Performance framework', 2, [
      { type: 'live', source: 'funding.awards', params: { stream: 'VRF', year: '2019/20' } },
      { type: 'live', source: 'performance.scorecard', params: { asAt: '2020-03-01' } },
    ]),
    caseManagement: await paperOn(ws, caseManagement, 'SB/2020/05', 'Case management system', 1),
    media: await paperOn(ws, media, 'SB/2020/06', 'Communications and media strategy', 3),
  };
  return { ws, ids };
}

/** Each PDF page's text (pdftotext -layout, page by page). */
function pdfPages(pdf: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

/** The page number a page prints in its footer ("… Page 3" / "Page iii"). */
function printedNumber(page: string): string | undefined {
  return [...page.matchAll(/Page ([ivxlc]+|\d+)\b/g)].at(-1)?.[1];
}

/** The contents list as printed: [entry text, page number], in order. */
function contentsEntries(pages: string[]): [string, string][] {
  const contentsPage = pages.find((p) => /^\s*Contents\s*$/m.test(p))!;
  return [...contentsPage.matchAll(/^\s*(.+?)\s*\.{3,}\s*(\S+)\s*$/gm)].map((m) => [m[1]!.trim(), m[2]!]);
}

const pageOf = (toc: [string, string][], entry: string) => toc.find(([e]) => e === entry)?.[1];

/** Where each heading really is: the printed number of the first page with a line that is the heading alone (contents lines have dots and a number). */
function headingPages(pages: string[], titles: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of titles) {
    const i = pages.findIndex((p) => p.split('\n').some((line) => line.trim() === t));
    if (i >= 0) out.set(t, printedNumber(pages[i]!)!);
  }
  return out;
}

describe('the agenda pack', () => {
  it('holds a cover, the agenda, contents, then each paper in agenda order on a new page; the contents are right when LibreOffice prints it', async () => {
    const { ws } = await fourPapers();
    const out = join(ws.dir, 'pack.docx');
    const result = await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out });
    expect(result.plan.parts.map((p) => [p.itemNumber, p.paperReference])).toEqual([
      [4, 'SB/2020/03'],
      [5, 'SB/2020/04'],
      [6, 'SB/2020/05'],
      [7, 'SB/2020/06'],
    ]);
    const parts = await readDocx(out);
    const h1 = headings(parts.document).filter((h) => h.level === 'Heading1').map((h) => h.text);
    expect(h1).toEqual([
      'Agenda',
      'Contents',
      'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)',
      'Item 5: Performance framework (SB/2020/04)',
      'Item 6: Case management system (SB/2020/05)',
      'Item 7: Communications and media strategy (SB/2020/06)',
    ]);
    // Each paper is a section of its own: it starts a new page, numbered on from 1.
    expect(parts.document.match(/<w:sectPr/g)!.length).toBe(5);
    expect(parts.document).toMatch(/<w:pgNumType w:start="1" w:fmt="lowerRoman"\/>/);
    expect(parts.document).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
    expect(parts.headers.join()).toContain('OFFICIAL');
    expect(paragraphs(parts.document).map((p) => p.text)).toContain('This pack includes confidential items. Do not pass it on.');

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: the printed contents are not checked');
    const { pdf, pages } = renderPdf(out, ws.dir);
    const text = pdfPages(pdf, pages);
    const toc = contentsEntries(text);
    const where = headingPages(text, toc.map(([e]) => e));
    // The contents list the papers (the front matter is numbered i, ii… and not listed).
    expect(toc.map(([e]) => e)).toEqual(h1.slice(2));
    // Every entry's page number is the page its heading is printed on.
    for (const [entry, page] of toc) expect({ entry, page: where.get(entry) }).toEqual({ entry, page });
    expect(pageOf(toc, 'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)')).toBe('1');
    // Papers run in agenda order, each from the top of a page.
    const starts = h1.slice(2).map((e) => Number(pageOf(toc, e)));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('leaves confidential items out of the public pack, and lists them on its agenda', async () => {
    const { ws } = await fourPapers();
    const out = join(ws.dir, 'public.docx');
    const { plan } = await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, public: true, out });
    expect(plan.parts.map((p) => p.paperReference)).toEqual(['SB/2020/03', 'SB/2020/04', 'SB/2020/06']);
    expect(plan.leftOut).toEqual([{ itemNumber: 6, reason: 'SB/2020/05: confidential item, left out of the public pack' }]);
    const parts = await readDocx(out);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts.join('\n')).not.toContain('Case management system, point 1');
    expect(texts).toContain('Case management system (confidential)');
    expect(texts).toContain('SB/2020/05 (not in this pack)');
  });

  it('keeps the page numbers of issued papers when a late paper and a revised paper are added in a supplement', async () => {
    const { ws, ids } = await fourPapers();
    const issue1 = await ws.call('agendaPack.issue', { meetingId: MARCH_BOARD });
    expect(issue1.issueNumber).toBe(1);
    expect(issue1.parts.map((p) => [p.paperReference, p.startPage])).toEqual([
      ['SB/2020/03', 1],
      ['SB/2020/04', expect.any(Number)],
      ['SB/2020/05', expect.any(Number)],
      ['SB/2020/06', expect.any(Number)],
    ]);
    // Each paper keeps the version that went out.
    expect((await ws.call('paper.get', { id: ids.performance })).versions.map((v) => v.label)).toEqual(['For review', 'Final', 'Issued in the agenda pack (issue 1)']);
    const first = join(ws.dir, 'issue1.docx');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: first });
    expect((await ws.fails('agendaPack.issue', { meetingId: MARCH_BOARD })).code).toBe('agendaPack.nothingNew');

    // After issue: item 5's paper is revised, and a late paper arrives for a new item.
    await ws.call('paper.setStatus', { id: ids.performance, status: 'draft' });
    await ws.call('paper.updateSection', { paperId: ids.performance, key: 'timescales-and-costs', body: [para('Revised: £20,000 from the VRU grant, within budget for 2019/20.')] });
    const late = await addItem(ws, 'Stalking support pilot');
    await paperOn(ws, late, 'SB/2020/07', 'Stalking support pilot', 1);

    const plan = await ws.call('agendaPack.plan', { meetingId: MARCH_BOARD });
    const performance = issue1.parts.find((p) => p.paperReference === 'SB/2020/04')!;
    const pages = `${performance.startPage}–${performance.startPage! + performance.pageCount! - 1}`;
    expect(plan.pendingChanges).toEqual([
      { kind: 'revised', itemNumber: 5, title: 'Performance framework', paperReference: 'SB/2020/04', supplement: 1, replacesPages: pages },
      { kind: 'late', itemNumber: 8, title: 'Stalking support pilot', paperReference: 'SB/2020/07', supplement: 1, replacesPages: null },
    ]);
    const second = join(ws.dir, 'issue2.docx');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: second });
    const parts = await readDocx(second);
    const h1 = headings(parts.document).filter((h) => h.level === 'Heading1').map((h) => h.text);
    expect(h1).toEqual([
      'Changed since issue',
      'Agenda',
      'Contents',
      'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)',
      'Item 5: Performance framework (SB/2020/04)',
      'Item 6: Case management system (SB/2020/05)',
      'Item 7: Communications and media strategy (SB/2020/06)',
      'Supplement 1',
      'Item 5: Performance framework (SB/2020/04, revised)',
      'Item 8: Stalking support pilot (SB/2020/07, late paper)',
    ]);
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain(`Revised: the new version is in Supplement 1 and replaces pages ${pages}.`);
    expect(texts).toContain('Issued late, in Supplement 1.');
    expect(texts.some((t) => /^Supplement 1, item 8, SB\/2020\/07: page \d+$/.test(t))).toBe(true);

    const issue2 = await ws.call('agendaPack.issue', { meetingId: MARCH_BOARD });
    expect(issue2).toMatchObject({ issueNumber: 2, changes: plan.pendingChanges });
    expect(issue2.parts.map((p) => [p.kind, p.paperReference, p.supplement])).toEqual([
      ['supplement', 'SB/2020/04', 1],
      ['supplement', 'SB/2020/07', 1],
    ]);

    if (!libreOfficeAvailable) return;
    // The printed pack: issued papers start on the same pages as in the first issue.
    const one = renderPdf(first, join(ws.dir));
    const oneToc = contentsEntries(pdfPages(one.pdf, one.pages));
    const two = renderPdf(second, join(ws.dir));
    const twoPages = pdfPages(two.pdf, two.pages);
    const twoToc = contentsEntries(twoPages);
    for (const [entry, page] of oneToc) if (entry.startsWith('Item')) expect({ entry, page: pageOf(twoToc, entry) }).toEqual({ entry, page });
    expect(pageOf(oneToc, 'Item 5: Performance framework (SB/2020/04)')).toBe(String(performance.startPage));
    expect(Number(pageOf(twoToc, 'Supplement 1'))).toBeGreaterThan(Number(pageOf(oneToc, 'Item 7: Communications and media strategy (SB/2020/06)')));
    expect(twoPages[0]).toContain('Issue: Issue 1');
  });
});
