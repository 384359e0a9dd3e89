/**
 * npx tsx bench/papers-exports.ts [--iterations 5] [--only-pdf]
 *
 * The agenda pack of a 12-paper meeting (about 80 pages), beside a bare docx build of the
 * same content. "The same content" is the whole pack: for each paper a section of its own
 * (a new page) with a bookmarked heading, the paper's details, its section headings,
 * paragraphs, bullet and i) lists and tables with a header row, a footer with the page
 * number, numbered from the cover; in front, the title lines, the membership table and the
 * quorum, and the agenda table with each item's first page. The bare side builds that with docx alone
 * (no house code: its own numbering, styles and tables, the same A4 page, margins and
 * Arial 12 so it takes about as many pages) and has its page references
 * worked out the way docx offers: `new Document({ pageNumbers: estimatePageNumbers })`,
 * which lays out the whole document when it is packed.
 *
 * Two comparisons, each side saying what it includes:
 *   (a) whole export with page layout —
 *       house: agendaPack.export through the dispatcher, first time (page-count cache
 *       cleared): read the meeting and papers, fill live tables, build with the house
 *       blocks, lay out the papers (one run) to count their pages, write the contents and page
 *       references, pack, write atomically;
 *       bare: build the document from the already-read content with estimatePageNumbers,
 *       pack (the estimator lays it out), write the file;
 *   (b) document building only, no layout —
 *       house: build the pack document from the plan (contents left as a field) and pack;
 *       bare: the same bare document without the estimator, packed.
 * Also timed: the export after one paper changed and with nothing changed; both rely on the
 * page-count cache this process holds in memory (after a restart the export costs the
 * first-time figure again), and the results say so. The bare side of (a) includes docx's
 * layout of the whole pack: the results also give the first-time export against the bare
 * build without layout, the floor docx itself sets.
 * The PDF pack (agenda-pack-pdf.ts) is timed the same way: the first export (page counts
 * forgotten) through the dispatcher — read, live tables, the counting pass, the pack laid out
 * and drawn by pdfmake, written atomically — against a bare pdfmake build of the same content
 * (cover, agenda table, each paper from a new page with its heading, details, sections,
 * paragraphs, lists and tables, header and footer, bookmarks, title and language, the same
 * embedded font), laid out and drawn once and written; and the export again with nothing
 * changed (page counts from this process's memory).
 * The workspace is the demo plus twelve papers made through the API in a temp folder.
 * Results go to bench/results/papers-exports.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  NumberFormat,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers, layoutDocument } from 'docx/layout';
import { dispatch, type Session } from '../main/api/dispatch';
import { openDatabase } from '../main/db/connection';
import { sqliteStore } from '../main/db/sqlite-store';
import { docxBuffer } from '../main/documents/docx';
import * as pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfFont } from '../main/documents/pdf-fonts';
import { buildPackDocument, clearPageCountCache, planAgendaPack } from '../main/papers/agenda-pack';
import { clearPdfPageCountCache } from '../main/papers/agenda-pack-pdf';
import type { PaperBlock, RichText } from '../main/papers/blocks';
import { makeCtx } from '../main/shared/context';

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1] || 5) || 5;
/** --only-pdf: time the PDF pack alone (the Word figures are left out of the results). */
const onlyPdf = process.argv.includes('--only-pdf');
const notTimed = { medianMs: NaN, minMs: NaN };

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

type Pack = Awaited<ReturnType<typeof planAgendaPack>>;

/** Text and emphasis as docx runs (links as plain underlined runs: the layout is the same). */
function bareRuns(text: RichText): ParagraphChild[] {
  if (typeof text === 'string') return [new TextRun(text)];
  return text.map((s) => (typeof s === 'string' ? new TextRun(s) : new TextRun({ text: s.text, bold: s.bold, italics: s.italic, underline: s.link ? {} : undefined })));
}

/**
 * The pack with docx alone: the same sections, headings, paragraphs, lists, tables,
 * bookmarks, page references and contents list, in docx's own terms. With `estimate`, the
 * page numbers are worked out by estimatePageNumbers when it is packed.
 */
function bareDocument(pack: Pack, estimate: boolean): Document {
  let listInstance = 0;
  const footer = () => new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })] });
  const front: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(pack.meeting.boardName)] }),
    new Paragraph({ children: [new TextRun({ text: 'Agenda pack', bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: 'Date: ', bold: true }), new TextRun(pack.meeting.startsAt.slice(0, 10))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Membership')] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [['Name', 'Organisation', 'Role'], ...pack.members.map((m) => [m.name, m.organisation ?? 'None', m.role])].map(
        (cells, r) => new TableRow({ tableHeader: r === 0, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: r === 0, size: 18 })] })] })) }),
      ),
    }),
    new Paragraph({ children: [new TextRun({ text: 'Quorum: ', bold: true }), new TextRun(pack.quorum)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Agenda')] }),
    // Each item's papers with the page its first paper starts on (docx's page reference, which the estimator fills in).
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['No.', 'Time', 'Item', 'Lead', 'For'].map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: true })] })] })) }),
        ...pack.agenda.map((a) => {
          const first = a.papers.find((p) => p.bookmark);
          const item = [new TextRun({ text: a.title, bold: true }), new TextRun(` ${a.papers.map((p) => p.reference).join(', ')}`), ...(first ? [new TextRun(' (Page '), new PageReference(first.bookmark!), new TextRun(')')] : [])];
          return new TableRow({ children: [[new TextRun(String(a.number))], [new TextRun(a.startsAt)], item, [new TextRun(a.leadName ?? 'None')], [new TextRun(a.purpose)]].map((children) => new TableCell({ children: [new Paragraph({ children })] })) });
        }),
      ],
    }),
  ];
  const block = (b: (typeof pack.parts)[number]['document']['sections'][number]['body'][number]): FileChild[] => {
    switch (b.type) {
      case 'paragraph':
        return [new Paragraph({ children: bareRuns(b.text) })];
      case 'bullets':
        return b.items.map((i) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: bareRuns(i) }));
      case 'numbered': {
        const instance = ++listInstance;
        return b.items.map((i) => new Paragraph({ numbering: { reference: b.style === 'lower-roman' ? 'roman' : 'decimal', level: 0, instance }, children: bareRuns(i) }));
      }
      case 'table': {
        const row = (cells: RichText[], header: boolean) =>
          new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: header ? [new TextRun({ text: String(c), bold: true })] : bareRuns(c) })] })) });
        return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(b.columns, true), ...b.rows.map((r) => row(r, false))] }), new Paragraph({ children: [] })];
      }
      case 'notice':
        return [new Paragraph({ children: [new TextRun({ text: b.text, italics: true })] })];
    }
  };
  const papers = pack.parts.map((p) => ({
    properties: { page: { margin: { top: 1247, bottom: 1247, left: 1247, right: 1247 } } },
    footers: { default: footer() },
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new Bookmark({ id: p.bookmark, children: [new TextRun(`Item ${p.itemNumber}: ${p.paperTitle} (${p.paperReference})`)] })] }),
      ...p.document.titleLines.map((l) => new Paragraph({ children: [new TextRun({ text: `${l.label}: `, bold: true }), new TextRun(l.value)] })),
      ...p.document.sections.flatMap((s) => [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(s.heading)] }), ...s.body.flatMap(block)]),
    ],
  }));
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [{ level: 0, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 510, hanging: 510 } } } }];
  return new Document({
    ...(estimate ? { pageNumbers: estimatePageNumbers } : {}),
    features: { updateFields: false },
    styles: { default: { document: { run: { font: 'Arial', size: 24 }, paragraph: { spacing: { after: 160, line: 276 } } } } },
    numbering: {
      config: [
        { reference: 'bullets', levels: level(LevelFormat.BULLET, '\u2022') },
        { reference: 'decimal', levels: level(LevelFormat.DECIMAL, '%1.') },
        { reference: 'roman', levels: level(LevelFormat.LOWER_ROMAN, '%1)') },
      ],
    },
    sections: [{ properties: { page: { margin: { top: 1247, bottom: 1247, left: 1247, right: 1247 }, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } }, footers: { default: footer() }, children: front }, ...papers],
  });
}


// pdfmake's API is an instance's methods: the default export at run time (as in agenda-pack-pdf.ts).
const pdfmake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule) as typeof pdfmakeModule;

/**
 * The PDF pack with pdfmake alone: the same cover lines, agenda table (with a pages line
 * per paper), each paper from a new page with its heading (bookmarked, a link target), its
 * details table, section headings, paragraphs, bullet and i) lists, tables with a repeating
 * header row; a header with the marking and a footer with the page number on every page;
 * title and language; the same embedded font, A4 and margins. Laid out once: its page
 * numbers are whatever text it is given (it does not work them out).
 */
function barePdf(pack: Pack): Promise<Buffer> {
  const font = pdfFont();
  pdfmake.addFonts({ Bare: { normal: font.normal, bold: font.bold, italics: font.italics, bolditalics: font.bolditalics } });
  const inline = (t: RichText) => (typeof t === 'string' ? t : t.map((s) => (typeof s === 'string' ? s : { text: s.text, bold: s.bold, italics: s.italic })));
  const cell = (t: RichText, header = false) => ({ text: inline(t), bold: header });
  const table = (columns: string[], rows: RichText[][]): Content => ({ table: { headerRows: 1, dontBreakRows: true, widths: columns.map(() => '*'), body: [columns.map((c) => cell(c, true)), ...rows.map((r) => columns.map((_, i) => cell(r[i] ?? '')))] }, margin: [0, 0, 0, 8] });
  const content: Content[] = [
    { text: pack.meeting.boardName, fontSize: 20, bold: true, outline: true },
    { text: 'Agenda pack', bold: true },
    { text: `Date: ${pack.meeting.startsAt.slice(0, 10)}` },
    table(['Name', 'Organisation', 'Role'], pack.members.map((m) => [m.name, m.organisation ?? '', m.role])),
    { text: 'Agenda', fontSize: 16, bold: true, pageBreak: 'before', outline: true },
    table(['No.', 'Time', 'Item', 'Lead', 'For'], pack.agenda.map((a) => [String(a.number), a.startsAt, `${a.title} ${a.papers.map((p) => p.reference).join(', ')} (Pages 10–16)`, a.leadName ?? '', a.purpose])),
  ];
  for (const p of pack.parts) {
    const body: Content[] = [{ text: `Item ${p.itemNumber}: ${p.paperTitle} (${p.paperReference})`, fontSize: 16, bold: true, id: p.bookmark, outline: true }];
    body.push(table(['Detail', 'Value'], p.document.titleLines.map((l) => [l.label, l.value])));
    for (const sec of p.document.sections) {
      body.push({ text: sec.heading, fontSize: 14, bold: true, margin: [0, 8, 0, 4] });
      for (const b of sec.body) {
        if (b.type === 'paragraph') body.push({ text: inline(b.text), margin: [0, 0, 0, 8] });
        else if (b.type === 'bullets') body.push({ ul: b.items.map(inline), margin: [0, 0, 0, 8] });
        else if (b.type === 'numbered') body.push({ ol: b.items.map(inline), ...(b.style === 'lower-roman' ? { type: 'lower-roman' as const } : {}), margin: [0, 0, 0, 8] });
        else if (b.type === 'table') body.push(table(b.columns, b.rows));
        else body.push({ text: b.text, italics: true });
      }
    }
    content.push({ stack: body, pageBreak: 'before' });
  }
  const cm = (n: number) => (n / 2.54) * 72;
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [cm(2.2), cm(2.2), cm(2.2), cm(2.5)],
    info: { title: `${pack.meeting.boardName} agenda pack` },
    language: 'en-GB',
    defaultStyle: { font: 'Bare', fontSize: 12, lineHeight: 1.1 },
    header: () => ({ text: pack.marking, alignment: 'center', bold: true, fontSize: 11, margin: [0, 18, 0, 0] }),
    footer: (page: number, count: number) => ({ text: `Page ${page} of ${count}`, alignment: 'center', fontSize: 10, margin: [0, 22, 0, 0] }),
    content,
  };
  return pdfmake.createPdf(def).getBuffer();
}

const dir = mkdtempSync(join(tmpdir(), 'bench-papers-'));
try {
  const store = sqliteStore(openDatabase(join(dir, 'ws.db')));
  const session: Session = { store, actor: 'bench', now: () => new Date('2020-03-10T10:00:00') };
  await call(session, 'workspace.loadDemo', {});
  for (let i = 1; i <= 11; i++) {
    const topic = `Workstream ${i}`;
    const meeting = await call<{ agenda: { id: number; title: string }[] }>(session, 'agenda.addItem', { meetingId: 3, title: topic, purpose: 'decision', minutesAllotted: 10 });
    const itemId = meeting.agenda.find((a) => a.title === topic)!.id;
    const paper = await call<{ id: number }>(session, 'paper.create', { templateKey: 'board-paper', reference: `SB/2020/${String(i + 3).padStart(2, '0')}`, title: topic, agendaItemId: itemId });
    for (const [key, blocks] of Object.entries(body(topic))) await call(session, 'paper.updateSection', { paperId: paper.id, key, body: blocks });
  }
  const ctx = makeCtx(store, 'bench', session.now);
  const pack = await planAgendaPack(ctx, 3, false);
  const pages = onlyPdf ? NaN : layoutDocument(buildPackDocument(pack, 'Draft', { pages: null })).pages.length;
  const barePages = onlyPdf ? NaN : layoutDocument(bareDocument(pack, false)).pages.length;
  const out = join(dir, 'pack.docx');
  const bareOut = join(dir, 'bare.docx');

  // (a) The whole export, page layout included, on each side.
  const houseExport = onlyPdf ? notTimed : await time(iterations, async () => (clearPageCountCache(), await call(session, 'agendaPack.export', { meetingId: 3, out })));
  const bareExport = onlyPdf ? notTimed : await time(iterations, async () => writeFileSync(bareOut, await Packer.toBuffer(bareDocument(pack, true))));
  // (b) Building and packing only, no layout, on each side.
  const houseBuild = onlyPdf ? notTimed : await time(iterations, async () => docxBuffer(buildPackDocument(await planAgendaPack(ctx, 3, false), 'Draft', { pages: null })));
  const bareBuild = onlyPdf ? notTimed : await time(iterations, () => Packer.toBuffer(bareDocument(pack, false)));
  // The page-count cache at work: one paper changed, then nothing changed.
  let edit = 0;
  const oneChanged = onlyPdf ? notTimed : await time(iterations, async () => {
    await call(session, 'paper.updateSection', { paperId: 3, key: 'recommendation', body: [para(`The Board is asked to approve the recommendation (${++edit}).`)] });
    return call(session, 'agendaPack.export', { meetingId: 3, out });
  });
  const unchanged = onlyPdf ? notTimed : await time(iterations, () => call(session, 'agendaPack.export', { meetingId: 3, out }));

  // The PDF pack: first export (page counts forgotten) against pdfmake building the same content once.
  const pdfOut = join(dir, 'pack.pdf');
  const barePdfOut = join(dir, 'bare.pdf');
  const pdfPages = (await call<{ pages: number }>(session, 'agendaPack.export', { meetingId: 3, out: pdfOut })).pages;
  const pdfExport = await time(iterations, async () => (clearPdfPageCountCache(), await call(session, 'agendaPack.export', { meetingId: 3, out: pdfOut })));
  const barePdfBuild = await time(iterations, async () => writeFileSync(barePdfOut, await barePdf(pack)));
  const pdfUnchanged = await time(iterations, () => call(session, 'agendaPack.export', { meetingId: 3, out: pdfOut }));

  const ratio = (a: { medianMs: number }, b: { medianMs: number }) => Math.round((a.medianMs / b.medianMs) * 100) / 100;
  const results = {
    when: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    papers: pack.parts.length,
    pages,
    barePages,
    iterations,
    '(a) house: agendaPack.export, first time (read, live tables, build, lay out the papers, pack, write)': houseExport,
    '(a) bare: docx build with estimatePageNumbers, pack (lays out), write': bareExport,
    '(b) house: build the pack document and pack, no layout': houseBuild,
    '(b) bare: docx build and pack, no layout': bareBuild,
    'house: agendaPack.export after one paper changed (page counts of the other papers from the in-memory cache of this process)': oneChanged,
    'house: agendaPack.export again, nothing changed (every page count from the in-memory cache of this process; after a restart the export costs the first-time figure)': unchanged,
    pdfPages,
    'pdf house: agendaPack.export to .pdf, first time (read, live tables, counting pass, the pack laid out and drawn, write atomically)': pdfExport,
    'pdf bare: pdfmake builds the same content once (layout and drawing), write': barePdfBuild,
    'pdf house: agendaPack.export to .pdf again, nothing changed (page counts from the in-memory cache of this process: the counting pass lays out only the cover, agenda and sheet)': pdfUnchanged,
    ratioPdf_firstExportToBare: ratio(pdfExport, barePdfBuild),
    ratioA_exportWithLayout: ratio(houseExport, bareExport),
    ratioB_buildOnly: ratio(houseBuild, bareBuild),
    // The bare side of (a) includes docx's layout of the whole pack (estimatePageNumbers), which
    // is most of its time; against docx's floor without layout the export's price is this:
    ratioFirstExportToBareBuildWithoutLayout: ratio(houseExport, bareBuild),
    ratioOneChangedToBareExport: ratio(oneChanged, bareExport),
    ratioUnchangedToBareExport: ratio(unchanged, bareExport),
    note:
      'The bare side of (a) includes docx’s page layout of the whole document (estimatePageNumbers), so ratioA compares the house export with a floor that does more layout than it; ratioFirstExportToBareBuildWithoutLayout compares it with docx building and packing the same content without any layout. The "after one paper changed" and "nothing changed" figures rely on the page-count cache held in memory by this process: they are not what the first export after starting the app costs (that is the first-time figure).',
  };
  console.log(JSON.stringify(results, null, 2));
  const target = join(dirname(fileURLToPath(import.meta.url)), 'results', onlyPdf ? 'papers-exports-pdf.json' : 'papers-exports.json');
  writeFileSync(target, JSON.stringify(results, null, 2) + '\n');
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
