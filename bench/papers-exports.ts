/**
 * npx tsx bench/papers-exports.ts [--iterations 5]
 *
 * The agenda pack of a 12-paper meeting (about 80 pages), beside the bare docx build of
 * the same content:
 *   - agendaPack.export through the dispatcher: read the meeting and papers, fill live
 *     tables, build with the house blocks, count each paper's pages with docx's layout
 *     (cached per paper content), write the contents and page references, pack and write
 *     atomically — the first time (every paper laid out), after one paper changed, and
 *     again with nothing changed;
 *   - the house build alone, without the page-number estimate (the pack already read);
 *   - a bare docx build of the same headings, paragraphs, lists and tables with the
 *     library's defaults (one section per paper), packed: the floor;
 *   - the layout of the whole pack alone (what a first export costs beyond the build).
 * The workspace is the demo plus twelve papers made through the API in a temp folder.
 * Results go to bench/results/papers-exports.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type FileChild } from 'docx';
import { layoutDocument } from 'docx/layout';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase } from '../main/db/connection';
import { docxBuffer } from '../main/documents/docx';
import { buildPackDocument, clearPageCountCache, planAgendaPack } from '../main/papers/agenda-pack';
import type { PaperBlock } from '../main/papers/blocks';
import { plainText } from '../main/papers/blocks';
import { makeCtx } from '../main/shared/context';

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1] || 5) || 5;

async function time(n: number, fn: () => Promise<unknown> | unknown): Promise<{ medianMs: number; minMs: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  return { medianMs: samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2, minMs: samples[0]! };
}

async function call<R>(session: Session, name: string, input: unknown): Promise<R> {
  const env = await dispatch(session, name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as R;
}

const para = (text: string): PaperBlock => ({ type: 'paragraph', text });

/** About six pages of a board paper: paragraphs, a bullet list, an i) list and a 12-row table. */
function body(topic: string): Record<string, PaperBlock[]> {
  const sentence = (i: number) =>
    `${topic}, point ${i}: partners across Kent and Medway reviewed the evidence on serious violence, the data-set, the response strategy and the money, and agreed what the VRU should do next, who leads it and by when.`;
  return {
    introduction: [para(`This paper asks the Board to decide on ${topic.toLowerCase()}.`), para(sentence(0))],
    'essential-background': [
      ...Array.from({ length: 24 }, (_, i) => para(sentence(i + 1))),
      { type: 'bullets', items: ['Brings together agencies & communities', 'Identifies drivers of serious violence', 'Uses evidence-based practice and OSARA problem solving'] },
    ],
    'progress-to-date': [
      ...Array.from({ length: 14 }, (_, i) => para(sentence(i + 30))),
      { type: 'numbered', style: 'lower-roman', items: ['Commissioned services', 'Community engagement', 'Professional development', 'Preventative measures', 'Media'] },
    ],
    'timescales-and-costs': [
      para('Within budget for 2019/20.'),
      { type: 'table', columns: ['Heading', 'Budget', 'Spent', 'Forecast'], rows: Array.from({ length: 12 }, (_, i) => [`Heading ${i + 1}`, '£10,000', '£6,500', '£9,750']) },
    ],
    'next-steps': Array.from({ length: 8 }, (_, i) => para(sentence(i + 50))),
    'decision-required': [para('A decision is sought on the recommendation.')],
    recommendation: [para('The Board is asked to approve the recommendation.')],
  };
}

/** The same content with the docx library's defaults: no house style, numbering, marking or contents. */
function bareDocument(pack: ReturnType<typeof planAgendaPack>): Document {
  const sections = pack.parts.map((p) => ({
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Item ${p.itemNumber}: ${p.paperTitle} (${p.paperReference})`)] }),
      ...p.document.sections.flatMap((s) => [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }),
        ...s.body.flatMap((b): FileChild[] => {
          if (b.type === 'paragraph') return [new Paragraph({ children: [new TextRun(plainText(b.text))] })];
          if (b.type === 'bullets' || b.type === 'numbered') return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(plainText(i))] }));
          if (b.type === 'table') {
            const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
            return [new Table({ rows: [row(b.columns), ...b.rows.map((r) => row(r.map((c) => plainText(c))))] })];
          }
          return [new Paragraph(b.text)];
        }),
      ]),
    ],
  }));
  return new Document({ sections });
}

const dir = mkdtempSync(join(tmpdir(), 'bench-papers-'));
try {
  const db = openDatabase(join(dir, 'ws.db'));
  const session: Session = { db, actor: 'bench', now: () => new Date('2020-03-10T10:00:00') };
  await call(session, 'workspace.loadDemo', {});
  for (let i = 1; i <= 11; i++) {
    const topic = `Workstream ${i}`;
    const meeting = await call<{ agenda: { id: number; title: string }[] }>(session, 'agenda.addItem', { meetingId: 3, title: topic, purpose: 'decision', minutesAllotted: 10 });
    const itemId = meeting.agenda.find((a) => a.title === topic)!.id;
    const paper = await call<{ id: number }>(session, 'paper.create', { templateKey: 'board-paper', reference: `SB/2020/${String(i + 3).padStart(2, '0')}`, title: topic, agendaItemId: itemId });
    for (const [key, blocks] of Object.entries(body(topic))) await call(session, 'paper.updateSection', { paperId: paper.id, key, body: blocks });
  }
  const ctx = makeCtx(db, 'bench', session.now);
  const pack = planAgendaPack(ctx, 3, false);
  const laidOut = layoutDocument(buildPackDocument(pack, 'Draft', { estimate: false }));
  const pages = laidOut.pages.length;
  const out = join(dir, 'pack.docx');

  // First export: every paper laid out to count its pages (the cost of a correct contents list).
  const cold = await time(iterations, () => (clearPageCountCache(), call(session, 'agendaPack.export', { meetingId: 3, out })));
  // Export again after one paper changed: only that paper is laid out again.
  let edit = 0;
  const oneChanged = await time(iterations, async () => {
    await call(session, 'paper.updateSection', { paperId: 3, key: 'recommendation', body: [para(`The Board is asked to approve the recommendation (${++edit}).`)] });
    return call(session, 'agendaPack.export', { meetingId: 3, out });
  });
  // Export again with nothing changed.
  const exported = await time(iterations, () => call(session, 'agendaPack.export', { meetingId: 3, out }));
  const house = await time(iterations, () => docxBuffer(buildPackDocument(planAgendaPack(ctx, 3, false), 'Draft', { estimate: false })));
  const bare = await time(iterations, () => Packer.toBuffer(bareDocument(pack)));
  const layout = await time(iterations, () => layoutDocument(buildPackDocument(pack, 'Draft', { estimate: false })));

  const results = {
    when: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    papers: pack.parts.length,
    pages,
    iterations,
    'agendaPack.export, first time (every paper laid out)': cold,
    'agendaPack.export after one paper changed': oneChanged,
    'agendaPack.export again, nothing changed': exported,
    'house build + pack, no page-number estimate': house,
    'bare docx build + pack of the same content': bare,
    'layout alone (what issue records, and what the estimate costs)': layout,
    ratioFirstExportToBare: Math.round((cold.medianMs / bare.medianMs) * 100) / 100,
    ratioOneChangedToBare: Math.round((oneChanged.medianMs / bare.medianMs) * 100) / 100,
    ratioExportToBare: Math.round((exported.medianMs / bare.medianMs) * 100) / 100,
    ratioHouseToBare: Math.round((house.medianMs / bare.medianMs) * 100) / 100,
  };
  console.log(JSON.stringify(results, null, 2));
  const target = join(dirname(fileURLToPath(import.meta.url)), 'results', 'papers-exports.json');
  writeFileSync(target, JSON.stringify(results, null, 2) + '\n');
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
