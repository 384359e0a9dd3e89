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

/** The reason the confidential item is taken in private, printed on every page of its paper. */
export const PART_B_REASON = 'Paragraph 3: information relating to the financial or business affairs of any particular person (including the Board)';

export async function addItem(ws: TestWorkspace, title: string, confidential = false): Promise<number> {
  const meeting = await ws.call('agenda.addItem', { meetingId: MARCH_BOARD, title, purpose: 'decision', minutesAllotted: 15, confidential, confidentialReason: confidential ? PART_B_REASON : '' } as never);
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


