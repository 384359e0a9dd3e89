import type { PaperBlock } from '../../main/papers/blocks';
import { tempWorkspace, type TestWorkspace } from './workspace';

/**
 * The March Board of the demo with four papers on its agenda — seed 004 and three more,
 * one of them on a confidential (Part B) item — for the agenda pack tests (Word and PDF).
 */
export const MARCH_BOARD = 3;
export const para = (text: string): PaperBlock => ({ type: 'paragraph', text });

/** Paragraphs enough to fill about `pages` pages of a paper. */
function filler(topic: string, pages: number): PaperBlock[] {
  return Array.from({ length: pages * 6 }, (_, i) =>
    para(`${topic}, point ${i + 1}: partners across Kent and Medway reviewed the evidence on serious violence, the data-set and the response strategy, and agreed what the VRU should do next, who leads it and by when.`),
  );
}

export async function addItem(ws: TestWorkspace, title: string, confidential = false): Promise<number> {
  const meeting = await ws.call('agenda.addItem', { meetingId: MARCH_BOARD, title, purpose: 'decision', minutesAllotted: 15, confidential } as never);
  const items = (meeting as unknown as { agenda: { id: number; title: string }[] }).agenda;
  return items.find((i) => i.title === title)!.id;
}

export async function paperOn(ws: TestWorkspace, itemId: number, reference: string, title: string, pages: number, extra: PaperBlock[] = []): Promise<number> {
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
export async function fourPapers(): Promise<{ ws: TestWorkspace; ids: { update: number; performance: number; caseManagement: number; media: number } }> {
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


/**
 * Where each paper really is in a printed pack: the pages whose footer carries its label
 * ("Item 4 · SB/2020/03 — Page 3 of 15"; "Supplement 1 · Item 5 · …" in a supplement).
 * Also checks that every page prints its own number, straight through from the cover.
 */
export function printedRanges(pages: string[]): Map<string, { first: number; last: number }> {
  const out = new Map<string, { first: number; last: number }>();
  pages.forEach((text, i) => {
    const n = i + 1;
    const footer = [...text.matchAll(/^\s*(?:(.+?) — )?Page (\d+) of (\d+)\s*$/gm)].at(-1);
    if (!footer || Number(footer[2]) !== n || Number(footer[3]) !== pages.length) throw new Error(`Page ${n} prints ${footer ? `"${footer[0].trim()}"` : 'no page number'}`);
    const label = footer[1]?.trim();
    if (!label) return;
    const r = out.get(label);
    if (r) r.last = n;
    else out.set(label, { first: n, last: n });
  });
  return out;
}

/** What the agenda says of each paper's pages: "SB/2020/03" → "Pages 3–6", from its raw text (reading order). */
export function agendaClaims(rawAgenda: string): Map<string, string> {
  // A line may break after the dash of a range ("Pages 10–" / "11").
  const flat = rawAgenda.replace(/\s+/g, ' ').replace(/– /g, '–');
  return new Map([...flat.matchAll(/(SB\/\d{4}\/\d+) \((Pages? [\d–, ]+)\)/g)].map((m) => [m[1]!, m[2]!]));
}

/** "Pages 3–6" for pages 3 to 6, "Page 9" for one page. */
export const pagesText = (r: { first: number; last: number }) => (r.last > r.first ? `Pages ${r.first}–${r.last}` : `Page ${r.first}`);
