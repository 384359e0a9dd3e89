import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headings, libreOfficeAvailable, paragraphs, readDocx, renderPdf } from '../helpers/documents';
import { addItem, fourPapers, MARCH_BOARD, paperOn, para } from '../helpers/agenda-pack-fixture';
import { agendaClaims, pagesText, printedRanges } from '../helpers/pdf-read';

/** Each page's text as printed (pdftotext -layout), and the raw text (reading order) of the pages before the first paper. */
function printed(pdf: string, count: number): { pages: string[]; front: string } {
  const page = (i: number, mode: string) => execFileSync('pdftotext', [mode, '-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' });
  const pages = Array.from({ length: count }, (_, i) => page(i + 1, '-layout'));
  const firstPaper = pages.findIndex((p) => / · SB\//.test(p));
  return { pages, front: Array.from({ length: firstPaper < 0 ? count : firstPaper }, (_, i) => page(i + 1, '-raw')).join('\n') };
}

describe('the agenda pack', () => {
  it('holds a cover with the membership and quorum, the agenda with the pages of each paper, then each paper in agenda order on a new page; the pages are right when LibreOffice prints it', async () => {
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
    // One list of the papers, the agenda: no contents list or "papers in this pack" repeating it.
    expect(h1).toEqual([
      'Membership',
      'Agenda',
      'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)',
      'Item 5: Performance framework (SB/2020/04)',
      'Item 6: Case management system (SB/2020/05)',
      'Item 7: Communications and media strategy (SB/2020/06)',
      'Register of interests',
    ]);
    expect(headings(parts.document).map((h) => h.text)).not.toContain('Papers in this pack');
    expect(parts.document).not.toMatch(/TOC \\/);
    // Each paper is a section of its own (a new page), and the register after them; the pages are numbered once, from the cover.
    expect(parts.document.match(/<w:sectPr/g)!.length).toBe(6);
    expect(parts.document.match(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/g)).toHaveLength(1);
    expect(parts.document).not.toMatch(/lowerRoman/);
    expect(parts.headers.join()).toContain('OFFICIAL');
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain('Membership');
    expect(texts.some((t) => /^Quorum: \d+ members? present or represented/.test(t))).toBe(true);
    expect(texts).toContain('This pack includes confidential (Part B) items, marked NOT FOR PUBLICATION on every page of them. Do not pass it on.');
    // The Part B paper's section has the notice in its header; the others do not.
    expect(parts.headers.filter((h) => h.includes('NOT FOR PUBLICATION — Part B'))).toHaveLength(1);

    if (!libreOfficeAvailable) return console.log('LibreOffice not installed: the printed pages are not checked');
    const { pdf, pages } = renderPdf(out, ws.dir);
    const print = printed(pdf, pages);
    const ranges = printedRanges(print.pages);
    const claims = agendaClaims(print.front);
    expect([...claims.keys()]).toEqual(['SB/2020/03', 'SB/2020/04', 'SB/2020/05', 'SB/2020/06']);
    for (const [reference, claim] of claims) {
      const label = [...ranges.keys()].find((l) => l.endsWith(reference))!;
      const r = ranges.get(label)!;
      // The agenda's "(Pages x–y)" are the pages the paper is printed on, its heading on the first.
      expect({ reference, claim }).toEqual({ reference, claim: pagesText(r) });
      expect(print.pages[r.first - 1]).toMatch(new RegExp(`^\\s*Item \\d+: `, 'm'));
    }
    expect(ranges.get('Item 4 · SB/2020/03')!.first).toBeGreaterThan(2);
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
    expect(texts).toContain('Case management system (Part B: not for publication) SB/2020/05 (not in this pack)');
    expect(parts.headers.join()).not.toContain('NOT FOR PUBLICATION');
  });

  it('keeps the page numbers of issued papers when a late paper and a revised paper are added in a supplement', async () => {
    const { ws, ids } = await fourPapers();
    const issue1 = await ws.call('agendaPack.issue', { meetingId: MARCH_BOARD });
    expect(issue1.issueNumber).toBe(1);
    // Printed page numbers, counted from the cover: the first paper follows the cover and the agenda.
    expect(issue1.parts.map((p) => p.paperReference)).toEqual(['SB/2020/03', 'SB/2020/04', 'SB/2020/05', 'SB/2020/06']);
    expect(issue1.parts[0]!.startPage).toBeGreaterThan(2);
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
      { kind: 'revised', itemNumber: 5, title: 'Performance framework', paperReference: 'SB/2020/04', supplement: 1, replacesPages: pages, replacesPdfPages: expect.stringMatching(/^\d+(–\d+)?$/) },
      { kind: 'late', itemNumber: 8, title: 'Stalking support pilot', paperReference: 'SB/2020/07', supplement: 1, replacesPages: null },
    ]);
    const second = join(ws.dir, 'issue2.docx');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: second });
    const parts = await readDocx(second);
    const h1 = headings(parts.document).filter((h) => h.level === 'Heading1').map((h) => h.text);
    // The sheet and the supplement follow the papers already issued, so none of them moves.
    expect(h1).toEqual([
      'Membership',
      'Agenda',
      'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)',
      'Item 5: Performance framework (SB/2020/04)',
      'Item 6: Case management system (SB/2020/05)',
      'Item 7: Communications and media strategy (SB/2020/06)',
      'Changed since issue',
      'Supplement 1',
      'Item 5: Performance framework (SB/2020/04, revised)',
      'Item 8: Stalking support pilot (SB/2020/07, late paper)',
      'Register of interests',
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
    // The printed pack: issued papers are on the same pages as in the first issue.
    const one = renderPdf(first, ws.dir);
    const oneRanges = printedRanges(printed(one.pdf, one.pages).pages);
    const two = renderPdf(second, ws.dir);
    const twoPrint = printed(two.pdf, two.pages);
    const twoRanges = printedRanges(twoPrint.pages);
    // The register of interests is always last: it moves, the papers do not.
    for (const [label, r] of oneRanges) if (label !== 'Register of interests') expect({ label, r: twoRanges.get(label) }).toEqual({ label, r });
    expect(pagesText(oneRanges.get('Item 5 · SB/2020/04')!)).toBe(`Pages ${pages}`);
    expect(twoRanges.get('Supplement 1 · Item 8 · SB/2020/07')!.first).toBeGreaterThan(oneRanges.get('Item 7 · SB/2020/06')!.last);
    expect(twoPrint.pages[0]).toContain('Issue 1');
  });
});
