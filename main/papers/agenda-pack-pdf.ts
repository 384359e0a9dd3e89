import { createHash } from 'node:crypto';
import * as pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { writeFileAtomic } from '../documents/atomic-write';
import { houseStyle as hs } from '../documents/house-style';
import { pdfFont } from '../documents/pdf-fonts';
import type { Pack } from './agenda-pack';
import {
  agendaRows,
  changesModel,
  CHANGES_KEY,
  coverModel,
  notForPublication,
  packTitle,
  partFooterLabel,
  partHeading,
  printOrder,
  REGISTER_KEY,
  registerModel,
  type PrintedPages,
} from './pack-model';
import { colour, dataTable, paperPdfContent, TABLE_LAYOUT } from './paper-pdf';

/**
 * The agenda pack as one PDF, made in Node with pdfmake (no Word, no LibreOffice): the same
 * pack as the Word document (pack-model.ts says what is in it and in what order), laid out
 * by pdfmake's own engine, with the house font embedded.
 *
 * Page numbers. The agenda prints "(Pages 5–14)" against each item, so the pages must be
 * known before the agenda is laid out, and they depend on the papers after it. pdfmake's
 * own page references only give a first page and leave a gap where the number is shorter
 * than its placeholder, so the pack is laid out twice:
 *   1. a counting pass: the cover and agenda (page numbers as placeholders), the sheet, and
 *      every paper whose page count is not yet known. pdfmake's pageBreakBefore callback is
 *      handed every node with the pages it landed on; the pass stops there, before anything
 *      is drawn. Each paper starts a new page and the header and footer have fixed room, so
 *      a paper's page count depends on its own content only: counts are kept by content
 *      (in this process), and a paper unchanged since the last export is not counted again;
 *   2. the pack itself, with the numbers. The same callback checks that every paper starts
 *      where the agenda says; if the agenda's own length changed with its numbers, the pack
 *      is laid out again with the new front (it has not happened in the tests).
 * The header and footer of each page are drawn from the same page map: the marking, the
 * item and paper, "Page n of N", and on every page of a Part B paper NOT FOR PUBLICATION with
 * its reason.
 *
 * Accessibility. The document has its title (shown by viewers instead of the file name) and
 * language (en-GB), an outline (bookmarks) of the cover, the agenda and each item on it,
 * each paper and supplement, and the agenda's items link to their papers. pdfmake does not
 * write a structure tree (tags for headings, lists and tables), so the PDF is not tagged:
 * marking it "tagged" without one would tell a screen reader there was structure where there
 * is none. The Word pack is the accessible version (real headings and tables).
 */

// pdfmake is a CommonJS module whose API is an instance's methods: the default export at run time.
type PdfMake = typeof pdfmakeModule;
const pdfmake: PdfMake = (pdfmakeModule as unknown as { default?: PdfMake }).default ?? pdfmakeModule;

const pt = (cm: number) => (cm / 2.54) * 72;
const MARGINS: [number, number, number, number] = [pt(hs.marginsCm.left), pt(hs.marginsCm.top), pt(hs.marginsCm.right), pt(hs.marginsCm.bottom)];
const AGENDA_ID = 'pack-agenda';

/**
 * pdfmake keeps its fonts and access policies on one shared instance: they are set before
 * every pack, so nothing else in the process that uses pdfmake can take the house font away.
 */
function ensureFonts(): string {
  const font = pdfFont();
  pdfmake.addFonts({ House: { normal: font.normal, bold: font.bold, italics: font.italics, bolditalics: font.bolditalics } });
  // The pack reads nothing from the network, and from the disk only its font files.
  const allowed = new Set([font.normal, font.bold, font.italics, font.bolditalics]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  return font.family;
}

/** What one layout pass saw: the first page of each node with an id, and the pages in all. */
interface Seen {
  starts: Map<string, number>;
  total: number;
}

class StopLayout extends Error {}

// ---------------------------------------------------------------------------------------
// The content

interface Section {
  key: string;
  content: Content[];
  /** Footer label and Part B notice of its pages. */
  label: string | null;
  notice: string | null;
  /** What its pages depend on (for the page-count cache); null when it is not cached (the sheet). */
  cacheKey: string | null;
}

const PAGE_CACHE_VERSION = 1;

function coverContent(pack: Pack, status: string, pages: PrintedPages | null): Content[] {
  const cover = coverModel(pack, status, pages);
  const out: Content[] = [
    { text: cover.title, style: 'title', outline: true, outlineText: 'Cover: date, place, membership and quorum' },
    { text: cover.subtitle, bold: true, fontSize: 14, margin: [0, 0, 0, 12] },
    {
      table: {
        widths: [90, '*'],
        body: cover.lines.map((l) => [{ text: l.label, bold: true }, l.link ? { text: l.value, link: l.link, color: colour(hs.colours.link), decoration: 'underline' } : { text: l.value }]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 12],
    },
    { text: 'Membership', style: 'h2' },
  ];
  out.push(
    cover.members.length
      ? dataTable(['Name', 'Organisation', 'Role'], cover.members.map((m) => [m.name, m.organisation, m.role]), { widths: ['34%', '44%', '22%'], fontSize: hs.smallSizePt + 1 })
      : { text: 'No members are recorded for this board on the meeting’s date.', margin: [0, 0, 0, 8] },
  );
  out.push({ text: [{ text: 'Quorum: ', bold: true }, cover.quorum], margin: [0, 4, 0, 8] });
  for (const n of cover.notes) out.push({ text: n, color: colour(hs.colours.muted), margin: [0, 4, 0, 4] });
  return out;
}

function agendaContent(pack: Pack, pages: PrintedPages | null): Content[] {
  const rows = agendaRows(pack, pages);
  const header = ['No.', 'Time', 'Item', 'Lead', 'For'].map((h) => ({ text: h, bold: true, fillColor: colour(hs.colours.tableHeaderFill) }));
  const body = rows.map((r) => {
    const item: Content[] = [
      {
        text: r.title,
        bold: true,
        outline: true,
        outlineText: `${r.number}. ${r.title}${r.confidential ? ' (Part B)' : ''}`,
        outlineParentId: AGENDA_ID,
        ...(r.firstPaper ? { linkToDestination: r.firstPaper } : {}),
      },
    ];
    if (r.confidential) item.push({ text: 'Part B: not for publication', italics: true, color: colour(hs.colours.rag.red) });
    // Placeholders of a likely width in the counting pass; the numbers in the pack itself.
    const placeholder = !pages && r.firstPaper ? '(Pages 888–888)' : null;
    const pagesText = r.pages ?? placeholder;
    if (r.papers || pagesText) {
      item.push({
        text: [
          ...(r.papers ? [{ text: r.papers, fontSize: hs.smallSizePt }] : []),
          ...(pagesText ? [{ text: `${r.papers ? ' ' : ''}${pagesText}`, ...(r.firstPaper ? { linkToDestination: r.firstPaper } : {}) }] : []),
        ],
      });
    }
    const register = r.register ?? (!pages && r.declarations ? '(Register of interests: Page 888)' : null);
    if (register) item.push({ text: register, linkToDestination: REGISTER_KEY });
    return [{ text: r.number }, { text: r.time }, { stack: item }, { text: r.lead || 'None' }, { text: r.purpose }];
  });
  return [
    { text: 'Agenda', style: 'h1', id: AGENDA_ID, outline: true, outlineText: 'Agenda', outlineExpanded: true, pageBreak: 'before' },
    { table: { headerRows: 1, dontBreakRows: true, widths: [24, 36, '*', 92, 72], body: [header, ...body] }, layout: TABLE_LAYOUT },
  ];
}

function changesContent(pack: Pack, pages: PrintedPages | null): Content[] {
  const model = changesModel(pack, true)!;
  const out: Content[] = [
    { text: 'Changed since issue', style: 'h1', id: CHANGES_KEY, outline: true, outlineText: 'Changed since issue' },
    { text: model.intro, margin: [0, 0, 0, 8] },
    dataTable(['Item', 'Title', 'Paper', 'Change'], model.rows, { widths: ['9%', '33%', '17%', '41%'] }),
  ];
  if (model.where.length) {
    out.push({ text: 'Where to find them', style: 'h2' });
    for (const w of model.where) {
      const at = pages?.parts.get(w.bookmark)?.start;
      out.push({ text: `${w.text}: page ${at ?? '888'}`, linkToDestination: w.bookmark, margin: [0, 0, 0, 3] });
    }
  }
  return out;
}

function registerContent(pack: Pack): Content[] {
  const model = registerModel(pack);
  return [
    { text: 'Register of interests', style: 'h1', id: REGISTER_KEY, outline: true, outlineText: 'Register of interests' },
    { text: model.intro, margin: [0, 0, 0, 8] },
    model.rows.length
      ? dataTable(['Member', 'Type', 'Interest', 'From – to', 'Reviewed'], model.rows, { widths: ['25%', '17%', '28%', '15%', '15%'], fontSize: hs.smallSizePt })
      : { text: 'No members are recorded for this board on the meeting’s date.' },
  ];
}

function sections(pack: Pack, pages: PrintedPages | null, family: string): Section[] {
  const out: Section[] = [];
  for (const entry of printOrder(pack)) {
    if (entry.kind === 'changes') {
      out.push({ key: CHANGES_KEY, content: changesContent(pack, pages), label: 'Changed since issue', notice: null, cacheKey: null });
      continue;
    }
    if (entry.kind === 'register') {
      out.push({ key: REGISTER_KEY, content: registerContent(pack), label: 'Register of interests', notice: null, cacheKey: null });
      continue;
    }
    const p = entry.part;
    const notice = notForPublication(pack, p);
    const content: Content[] = [];
    const supplementId = `supplement-${p.supplement}`;
    if (entry.opensSupplement) {
      content.push({ text: `Supplement ${p.supplement}`, style: 'h1', id: supplementId, outline: true, outlineText: `Supplement ${p.supplement}`, outlineExpanded: true });
      content.push({ text: 'Papers that arrived or were revised after the pack was issued.', color: colour(hs.colours.muted), margin: [0, 0, 0, 8] });
    }
    if (notice) {
      content.push({
        table: { widths: ['*'], body: [[{ text: [{ text: 'NOT FOR PUBLICATION. ', bold: true }, notice], color: colour(hs.colours.rag.red), margin: [4, 4, 4, 4] }]] },
        layout: { hLineColor: () => colour(hs.colours.rag.red), vLineColor: () => colour(hs.colours.rag.red) },
        margin: [0, 0, 0, 10],
      });
    }
    content.push(...paperPdfContent(p.document, { headingText: partHeading(p), id: p.bookmark, ...(p.kind === 'supplement' ? { outlineParentId: supplementId } : {}) }));
    const cacheKey = createHash('sha1').update(JSON.stringify([PAGE_CACHE_VERSION, family, partHeading(p), entry.opensSupplement, notice, p.document])).digest('hex');
    out.push({ key: p.bookmark, content, label: partFooterLabel(p), notice, cacheKey });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Laying out

function definition(pack: Pack, status: string, pages: PrintedPages | null, body: Section[], pageOwners: ((page: number) => Section | null) | null, observe: TDocumentDefinitions['pageBreakBefore']): TDocumentDefinitions {
  const board = `${pack.meeting.boardName} — ${coverModel(pack, status, null).lines[0]!.value}`;
  const content: Content[] = [...coverContent(pack, status, pages), ...agendaContent(pack, pages)];
  // Each section from a new page: the break sits on a wrapper, so the heading inside it is
  // handed to the pageBreakBefore callback with its page (a node breaking before is not).
  for (const s of body) content.push({ stack: s.content, pageBreak: 'before' });
  const small = hs.smallSizePt;
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: packTitle(pack), subject: 'Agenda pack', author: 'Board Secretariat', creator: 'Board Secretariat', keywords: `agenda pack, ${pack.meeting.boardName}` },
    language: hs.language,
    displayTitle: true,
    tagged: false,
    version: '1.7',
    defaultStyle: { font: 'House', fontSize: hs.bodySizePt, lineHeight: 1.1, color: colour(hs.colours.text) },
    styles: {
      title: { fontSize: hs.titleSizePt, bold: true, color: colour(hs.colours.heading), margin: [0, 0, 0, 10] },
      h1: { fontSize: hs.headingSizesPt[0] ?? 16, bold: true, color: colour(hs.colours.heading), margin: [0, 0, 0, 8] },
      h2: { fontSize: hs.headingSizesPt[1] ?? 14, bold: true, color: colour(hs.colours.heading), margin: [0, 10, 0, 6] },
      h3: { fontSize: hs.headingSizesPt[2] ?? 12, bold: true, color: colour(hs.colours.heading), margin: [0, 8, 0, 4] },
    },
    // The counting pass draws no header or footer: they sit in the margins, so a page holds the same without them.
    ...(pageOwners === null ? {} : { header: (page: number) => {
      const owner = pageOwners(page);
      const second: Content = owner?.notice
        ? { text: [{ text: 'NOT FOR PUBLICATION', bold: true }, ` — ${owner.notice}`], color: colour(hs.colours.rag.red), fontSize: small - 1 }
        : { text: board, color: colour(hs.colours.muted), fontSize: small };
      return { stack: [{ text: pack.marking, bold: true, alignment: 'center', fontSize: small + 1 }, second], margin: [MARGINS[0], 18, MARGINS[2], 0] };
    },
    footer: (page: number, count: number) => {
      const owner = pageOwners(page);
      return {
        stack: [
          { text: `${owner?.label ? `${owner.label} — ` : ''}Page ${page} of ${count}`, alignment: 'center', fontSize: small },
          { text: pack.marking, bold: true, alignment: 'center', fontSize: small + 1 },
        ],
        margin: [MARGINS[0], 22, MARGINS[2], 0],
      };
    } }),
    pageBreakBefore: observe,
    content,
  };
}

/** Lays out (and, unless `stopAt` is given, draws) the document; the ids seen and on which pages. */
async function layOut(def: TDocumentDefinitions, ids: string[], stopAfterLast: boolean, check?: (seen: Seen) => void): Promise<{ seen: Seen; pdf: Buffer | null }> {
  const seen: Seen = { starts: new Map(), total: 0 };
  const wanted = new Set(ids);
  const last = ids.at(-1);
  def.pageBreakBefore = (node) => {
    seen.total = node.pages;
    const id = (node as { id?: string }).id;
    if (id && wanted.has(id) && !seen.starts.has(id)) {
      seen.starts.set(id, node.pageNumbers[0] ?? 0);
      if (id === last) {
        if (stopAfterLast) throw new StopLayout();
        check?.(seen);
      }
    }
    return false;
  };
  try {
    const pdf = await pdfmake.createPdf(def).getBuffer();
    return { seen, pdf };
  } catch (err) {
    if (err instanceof StopLayout) return { seen, pdf: null };
    throw err;
  }
}

const pageCountCache = new Map<string, number>();
const PAGE_CACHE_LIMIT = 500;

/** Forgets every page count (the bench times a first export with it). */
export function clearPdfPageCountCache(): void {
  pageCountCache.clear();
}

class FrontMoved extends Error {
  constructor(readonly front: number) {
    super('front moved');
  }
}

/** Every section's printed pages, given the front's length and each section's page count. */
function printed(front: number, body: Section[], counts: Map<string, number>): PrintedPages {
  const parts = new Map<string, { start: number; count: number }>();
  let next = front + 1;
  for (const s of body) {
    const count = counts.get(s.key)!;
    parts.set(s.key, { start: next, count });
    next += count;
  }
  return { front, parts };
}

export interface PdfPack {
  pdf: Buffer;
  pages: PrintedPages;
  total: number;
}

/** The pack as PDF bytes, with the page map it was printed with. */
export async function buildPackPdf(pack: Pack, status: string): Promise<PdfPack> {
  const family = ensureFonts();
  const draft = sections(pack, null, family);
  const counts = new Map<string, number>();
  for (const s of draft) if (s.cacheKey && pageCountCache.has(s.cacheKey)) counts.set(s.key, pageCountCache.get(s.cacheKey)!);

  // 1. Counting: the front, the sheet and the papers not counted before; nothing drawn.
  const uncounted = draft.filter((s) => !counts.has(s.key));
  const ids = [AGENDA_ID, ...uncounted.map((s) => s.key)];
  const { seen } = await layOut(definition(pack, status, null, uncounted, null, undefined), ids, true);
  const first = uncounted[0] ? seen.starts.get(uncounted[0].key)! : seen.total + 1;
  let front = first - 1;
  uncounted.forEach((s, i) => {
    const start = seen.starts.get(s.key)!;
    const end = i + 1 < uncounted.length ? seen.starts.get(uncounted[i + 1]!.key)! - 1 : seen.total;
    counts.set(s.key, end - start + 1);
    if (s.cacheKey) {
      if (pageCountCache.size >= PAGE_CACHE_LIMIT) pageCountCache.delete(pageCountCache.keys().next().value!);
      pageCountCache.set(s.cacheKey, end - start + 1);
    }
  });

  // 2. The pack, with the numbers; laid out again only if the front itself moved.
  for (let attempt = 0; ; attempt++) {
    const pages = printed(front, draft, counts);
    const body = sections(pack, pages, family);
    const owners: (Section | null)[] = [];
    for (const s of body) {
      const r = pages.parts.get(s.key)!;
      for (let n = r.start; n < r.start + r.count; n++) owners[n] = s;
    }
    const def = definition(pack, status, pages, body, (page) => owners[page] ?? null, undefined);
    const check = (seenNow: Seen) => {
      const firstSeen = body[0] ? seenNow.starts.get(body[0].key)! : seenNow.total + 1;
      if (firstSeen - 1 !== front) throw new FrontMoved(firstSeen - 1);
      for (const s of body) {
        if (seenNow.starts.get(s.key) !== pages.parts.get(s.key)!.start) throw new Error(`The PDF pack's ${s.key} did not start on page ${pages.parts.get(s.key)!.start}.`);
      }
    };
    try {
      const { pdf, seen: final } = await layOut(def, [AGENDA_ID, ...body.map((s) => s.key)], false, check);
      if (body.length === 0 && final.total !== front) throw new FrontMoved(final.total);
      return { pdf: pdf!, pages, total: final.total };
    } catch (err) {
      if (!(err instanceof FrontMoved) || attempt >= 2) throw err;
      front = err.front;
    }
  }
}

/** Writes the PDF pack atomically (temporary file, then rename), through the same guard as every export. */
export async function writePackPdf(out: string, pack: Pack, status: string): Promise<{ path: string; bytes: number; pages: number; printed: PrintedPages }> {
  const built = await buildPackPdf(pack, status);
  writeFileAtomic(out, built.pdf, '.pdf');
  return { path: out, bytes: built.pdf.length, pages: built.total, printed: built.pages };
}
