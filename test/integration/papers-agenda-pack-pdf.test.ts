import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem, fourPapers, MARCH_BOARD, paperOn, para, PART_B_REASON } from '../helpers/agenda-pack-fixture';
import { agendaClaims, pagesText, pdfCatalog, pdfFonts, pdfInfo, pdfOutline, pdfPageCount, pdfPages, printedRanges } from '../helpers/pdf-read';

/** The raw text (reading order) of the pages before the first paper: the cover and the agenda. */
function frontText(pdf: string, pages: string[]): string {
  const firstPaper = pages.findIndex((p) => / · SB\//.test(p));
  return execFileSync('pdftotext', ['-raw', '-f', '1', '-l', String(firstPaper < 0 ? pages.length : firstPaper), pdf, '-'], { encoding: 'utf8' });
}

const PART_B = `NOT FOR PUBLICATION — Part B: ${PART_B_REASON}`;

describe('the agenda pack as one PDF', () => {
  it('has the cover, the agenda with the pages each paper is printed on, page numbers from the cover, a bookmark for every item and paper, its title and language', async () => {
    const { ws } = await fourPapers();
    const out = join(ws.dir, 'pack-full.pdf');
    const result = await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out });
    expect(existsSync(out)).toBe(true);
    const count = pdfPageCount(out);
    expect(result.pages).toBe(count);
    const pages = pdfPages(out);
    expect(pages).toHaveLength(count);

    // The cover: board, date, place, membership and quorum.
    expect(pages[0]).toContain('Kent & Medway VRU Strategic Board');
    expect(pages[0]).toMatch(/Date\s+19 March 2020/);
    expect(pages[0]).toMatch(/Place\s+\S/);
    expect(pages[0]).toContain('Membership');
    expect(pages[0]).toMatch(/Quorum: \d+ members? present or represented/);

    // Every page prints its own number; the agenda's pages are where each paper really is.
    const ranges = printedRanges(pages);
    const claims = agendaClaims(frontText(out, pages));
    expect([...claims.keys()]).toEqual(['SB/2020/03', 'SB/2020/04', 'SB/2020/05', 'SB/2020/06']);
    for (const [reference, claim] of claims) {
      const r = [...ranges.entries()].find(([label]) => label.endsWith(reference))![1];
      expect({ reference, claim }).toEqual({ reference, claim: pagesText(r) });
      // The paper's title heads the first of those pages.
      expect(pages[r.first - 1]).toMatch(/^\s*Item \d+: /m);
    }
    // After the papers, the register of interests, to the last page.
    expect(ranges.get('Register of interests')!.first).toBe(ranges.get('Item 7 · SB/2020/06')!.last + 1);
    expect(ranges.get('Register of interests')!.last).toBe(count);

    // Bookmarks: the cover, the agenda with every item under it, each paper at its first page.
    const outline = pdfOutline(out);
    expect(outline.map((e) => e.title)).toEqual([
      'Cover: date, place, membership and quorum',
      'Agenda',
      'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)',
      'Item 5: Performance framework (SB/2020/04)',
      'Item 6: Case management system (SB/2020/05)',
      'Item 7: Communications and media strategy (SB/2020/06)',
      'Register of interests',
    ]);
    const agenda = (await ws.call('meeting.get', { id: MARCH_BOARD } as never)) as unknown as { agenda: { title: string; confidential: boolean }[] };
    expect(outline[1]!.children.map((e) => e.title)).toEqual(agenda.agenda.map((a, i) => `${i + 1}. ${a.title}${a.confidential ? ' (Part B)' : ''}`));
    expect(outline[0]!.page).toBe(1);
    for (const e of outline.slice(2, -1)) {
      const reference = /\((SB\/\d{4}\/\d+)\)$/.exec(e.title)![1]!;
      expect({ title: e.title, page: e.page }).toEqual({ title: e.title, page: [...ranges.entries()].find(([label]) => label.endsWith(reference))![1].first });
    }

    // Part B: NOT FOR PUBLICATION and its reason on every page of the paper, and only there.
    const partB = ranges.get('Item 6 · SB/2020/05')!;
    pages.forEach((text, i) => {
      const inPartB = i + 1 >= partB.first && i + 1 <= partB.last;
      expect({ page: i + 1, marked: text.replace(/\s+/g, ' ').includes(PART_B) }).toEqual({ page: i + 1, marked: inPartB });
    });

    // Title (shown instead of the file name), language, embedded fonts; not claimed as tagged.
    const info = pdfInfo(out);
    expect(info.Title).toBe('Kent & Medway VRU Strategic Board — agenda pack, 19 March 2020');
    expect(info.Tagged).toBe('no');
    expect(pdfCatalog(out)).toMatchObject({ lang: 'en-GB', displayDocTitle: true });
    const fonts = pdfFonts(out);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('leaves Part B papers out of the public pack, which is marked nowhere as not for publication', async () => {
    const { ws } = await fourPapers();
    const out = join(ws.dir, 'pack-public.pdf');
    const { plan } = await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, public: true, out });
    expect(plan.parts.map((p) => p.paperReference)).toEqual(['SB/2020/03', 'SB/2020/04', 'SB/2020/06']);
    const pages = pdfPages(out);
    const all = pages.join('\n');
    expect(all).not.toContain('Case management system, point 1');
    expect(all).not.toContain('NOT FOR PUBLICATION');
    expect(frontText(out, pages).replace(/\s+/g, ' ')).toContain('SB/2020/05 (not in this pack)');
    expect(pdfInfo(out).Title).toBe('Kent & Medway VRU Strategic Board — agenda pack, 19 March 2020 (public)');
    expect(pdfOutline(out).map((e) => e.title)).not.toContain('Item 6: Case management system (SB/2020/05)');
    const ranges = printedRanges(pages);
    expect([...ranges.keys()]).toEqual(['Item 4 · SB/2020/03', 'Item 5 · SB/2020/04', 'Item 7 · SB/2020/06', 'Register of interests']);
  });

  it('after a re-issue, keeps issued papers on their pages and adds the sheet and the supplement after them, citing the PDF’s own pages', async () => {
    const { ws, ids } = await fourPapers();
    await ws.call('agendaPack.issue', { meetingId: MARCH_BOARD });
    const first = join(ws.dir, 'issue1.pdf');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: first });
    const oneRanges = printedRanges(pdfPages(first));

    await ws.call('paper.setStatus', { id: ids.performance, status: 'draft' });
    await ws.call('paper.updateSection', { paperId: ids.performance, key: 'timescales-and-costs', body: [para('Revised: £20,000 from the VRU grant, within budget for 2019/20.')] });
    const late = await addItem(ws, 'Stalking support pilot');
    await paperOn(ws, late, 'SB/2020/07', 'Stalking support pilot', 1);

    const second = join(ws.dir, 'issue2.pdf');
    await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: second });
    const pages = pdfPages(second);
    const twoRanges = printedRanges(pages);
    // The register of interests is always last: it moves, the papers do not.
    for (const [label, r] of oneRanges) if (label !== 'Register of interests') expect({ label, r: twoRanges.get(label) }).toEqual({ label, r });
    const sheet = twoRanges.get('Changed since issue')!;
    expect(sheet.first).toBe(oneRanges.get('Item 7 · SB/2020/06')!.last + 1);
    const sheetText = pages[sheet.first - 1]!.replace(/\s+/g, ' ');
    // The revised paper replaces the pages it had in the PDF as issued (the PDF's own layout).
    expect(sheetText).toContain(`replaces pages ${pagesText(oneRanges.get('Item 5 · SB/2020/04')!).replace(/^Pages? /, '')}`);
    const supplementLate = twoRanges.get('Supplement 1 · Item 8 · SB/2020/07')!;
    expect(sheetText).toContain(`Supplement 1, item 8, SB/2020/07: page ${supplementLate.first}`);
    // The agenda points at the new versions: item 5 at its revised paper in the supplement.
    const claims = agendaClaims(frontText(second, pages));
    expect(claims.get('SB/2020/04')).toBe(pagesText(twoRanges.get('Supplement 1 · Item 5 · SB/2020/04')!));
    expect(claims.get('SB/2020/07')).toBe(pagesText(supplementLate));
    const outline = pdfOutline(second);
    const supplement = outline.find((e) => e.title === 'Supplement 1')!;
    expect(supplement.children.map((e) => e.title)).toEqual(['Item 5: Performance framework (SB/2020/04, revised)', 'Item 8: Stalking support pilot (SB/2020/07, late paper)']);
    expect(outline.map((e) => e.title)).toContain('Changed since issue');
  });

  it('says so when items added after issue push the agenda onto another page, so issued papers start later', async () => {
    const { ws } = await fourPapers();
    await ws.call('agendaPack.issue', { meetingId: MARCH_BOARD });
    const before = join(ws.dir, 'before.pdf');
    expect((await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out: before })).warnings.map((w) => w.code)).not.toContain('agendaPack.pagesMoved');
    for (let i = 1; i <= 14; i++) await addItem(ws, `Standing report ${i} from the partnership’s delivery groups and their leads`);
    for (const out of [join(ws.dir, 'after.pdf'), join(ws.dir, 'after.docx')]) {
      const { warnings } = await ws.call('agendaPack.export', { meetingId: MARCH_BOARD, out });
      const moved = warnings.find((w) => w.code === 'agendaPack.pagesMoved');
      expect(moved?.message).toMatch(/^The cover and agenda have grown since issue 1, so the papers already issued start \d+ pages? later than in the pack that went out \(SB\/2020\/03 on page \d+, not \d+\)\.$/);
    }
    const moved = printedRanges(pdfPages(join(ws.dir, 'after.pdf'))).get('Item 4 · SB/2020/03')!.first;
    expect(moved).toBeGreaterThan(printedRanges(pdfPages(before)).get('Item 4 · SB/2020/03')!.first);
  });

  it('refuses a file name that is neither .docx nor .pdf, naming the field, and writes nothing', async () => {
    const { ws } = await fourPapers();
    const out = join(ws.dir, 'pack.txt');
    const err = await ws.fails('agendaPack.export', { meetingId: MARCH_BOARD, out });
    expect(err).toMatchObject({ field: 'out', message: expect.stringContaining('.docx or .pdf') });
    expect(existsSync(out)).toBe(false);
  });
});
