import { Bookmark, HeadingLevel, Paragraph, TabStopType, TextRun, type Document, type FileChild } from 'docx';
import {
  AFTER_TABLE_TWIPS,
  buildDocument,
  dataTable,
  heading,
  labelled,
  Numbering,
  paragraph,
  runs,
  title as titleParagraph,
  type Column,
  type RichText as DocRichText,
} from '../documents/docx';
import type { ProtectiveMarking } from '../documents/house-style';
import type { Ctx } from '../shared/context';
import type { PaperBlock, RichText } from './blocks';
import { resolveLiveTable, unavailableText } from './live-tables';
import { paragraphNumbers, type NumberingMode } from './paragraph-numbering';

/**
 * A paper as Word paragraphs, in the shape of the seed papers: the title, the header block
 * (From / To / Subject / Date for the panel report; meeting, date and purpose for a board
 * paper), the paper's details, then the template's sections as real headings, with
 * paragraphs numbered where the template asks (1, 2, 3… continuously, or 1.1, 1.2 by
 * section), lists as Word lists, tables with a header row that repeats. Used alone (a paper
 * exported) and in the agenda pack, where the paper's title is a level-1 heading and its
 * sections level 2.
 */

/** A block ready for the document: live tables already filled in (or explained). */
export type DocBlock =
  | Exclude<PaperBlock, { type: 'live' }>
  | { type: 'table'; columns: string[]; rows: RichText[][]; caption?: string; note?: string; align?: ('left' | 'right')[] }
  | { type: 'notice'; text: string };

export interface PaperForDocument {
  reference: string;
  title: string;
  marking: ProtectiveMarking;
  authorName: string | null;
  numbering: NumberingMode;
  /** The header block and the paper's details, in order: "From: …", "Reference: …". */
  titleLines: { label: string; value: string }[];
  sections: { heading: string; body: DocBlock[]; required?: boolean }[];
  /** Sign-off blocks (the decision notice): one per role. */
  signatures: string[];
}

/** Fills in live tables from today's data; a table that cannot be filled says why. */
export async function resolveBlocks(ctx: Ctx, blocks: readonly PaperBlock[]): Promise<DocBlock[]> {
  const out: DocBlock[] = [];
  for (const b of blocks) out.push(await resolveBlock(ctx, b));
  return out;
}

async function resolveBlock(ctx: Ctx, b: PaperBlock): Promise<DocBlock> {
  {
    if (b.type !== 'live') return b;
    const result = await resolveLiveTable(ctx, b);
    if (!result.ok) return { type: 'notice', text: unavailableText(result.reason) };
    const t = result.table;
    const caption = b.caption || t.caption;
    return {
      type: 'table',
      columns: t.columns.map((c) => c.header),
      align: t.columns.map((c) => c.align ?? 'left'),
      rows: t.rows,
      ...(caption ? { caption } : {}),
      note: t.source,
    };
  }
}

function labelParagraph(label: string, text: RichText, afterTable = false): Paragraph {
  // The number hangs in the margin of the text, as Word's own numbering does.
  return new Paragraph({
    spacing: afterTable ? { before: AFTER_TABLE_TWIPS } : undefined,
    indent: { left: 680, hanging: 680 },
    tabStops: [{ type: TabStopType.LEFT, position: 680 }],
    children: [new TextRun({ text: `${label}\t` }), ...runs(text as DocRichText)],
  });
}

/**
 * Column widths (percent) for a table on an A4 page: each column at least as wide as its
 * longest word (so no word is split across lines, which Word and LibreOffice would each do
 * their own way), the rest shared in proportion to how much text the column holds.
 */
const TEXT_WIDTH_PT = 470; // A4 less 2.2 cm margins each side
const CHAR_PT = 0.6 * 12; // an average Arial character at 12 pt, bold headers included
const CELL_MARGINS_PT = 12;

export function columnWidths(columns: readonly string[], rows: readonly (readonly RichText[])[]): number[] {
  const text = (t: RichText) => (typeof t === 'string' ? t : t.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
  const cells = columns.map((header, i) => [header, ...rows.map((r) => text(r[i] ?? ''))]);
  const longest = cells.map((c) => Math.max(1, ...c.flatMap((x) => x.split(/\s+/)).map((w) => w.length)));
  const floor = longest.map((n) => ((n * CHAR_PT + CELL_MARGINS_PT) / TEXT_WIDTH_PT) * 100);
  const floorSum = floor.reduce((a, b) => a + b, 0);
  if (floorSum >= 100) return floor.map((f) => Math.round((f / floorSum) * 1000) / 10);
  const mean = cells.map((c) => c.slice(1).reduce((n, x) => n + x.length, 0) / Math.max(1, c.length - 1));
  const extra = mean.map((m, i) => Math.max(0, Math.min(m, 80) - longest[i]!) + 1);
  const extraSum = extra.reduce((a, b) => a + b, 0);
  return floor.map((f, i) => Math.round((f + ((100 - floorSum) * extra[i]!) / extraSum) * 10) / 10);
}

/**
 * A block's paragraphs. `afterTable`: the block follows a table, so its first paragraph has
 * space above it (tables have no spacer paragraph after them); a table after a table gets a
 * caption or, failing one, a small paragraph naming it, since Word joins two adjacent tables.
 */
function blockParagraphs(block: DocBlock, label: string | null, numbering: Numbering, mode: NumberingMode, afterTable = false): FileChild[] {
  switch (block.type) {
    case 'paragraph':
      if (mode === 'continuous') return [numbering.numberedParagraph(block.text as DocRichText, { afterTable })];
      if (label) return [labelParagraph(label, block.text, afterTable)];
      return [paragraph(block.text as DocRichText, { afterTable })];
    case 'bullets':
      return numbering.bullets(block.items as DocRichText[], 0, { afterTable });
    case 'numbered':
      return numbering.numbered(block.items as DocRichText[], 0, block.style ?? 'decimal', { afterTable });
    case 'table': {
      if (afterTable && !block.caption) block = { ...block, caption: 'Table continued' };
      const align = 'align' in block ? block.align : undefined;
      const widths = columnWidths(block.columns, block.rows);
      const columns: Column[] = block.columns.map((header, i) => ({ header, align: align?.[i] ?? 'left', width: widths[i] }));
      const out = dataTable(columns, block.rows as DocRichText[][], block.caption ? { caption: block.caption } : {});
      if ('note' in block && block.note) out.push(paragraph(block.note, { small: true, muted: true, afterTable: true }));
      return out;
    }
    case 'notice':
      return [paragraph({ text: block.text, italic: true }, { muted: true, afterTable })];
  }
}

/** One signatory's block, a heading level under the Sign-off heading (no gap in the outline). */
function signatureBlock(role: string, level: 2 | 3): FileChild[] {
  // Each role's block stays on one page: comments, signature and date together.
  const line = (label: string, width: number, after = 120) =>
    new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 200, after }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: '\u2002'.repeat(width), underline: {} })] });
  return [heading(role, level), line('Comments', 60), line('Signature', 40), new Paragraph({ keepLines: true, spacing: { before: 200, after: 240 }, children: [new TextRun({ text: 'Date: ', bold: true }), new TextRun({ text: '\u2002'.repeat(20), underline: {} })] })];
}

export interface ContentOptions {
  /** 'title': the paper alone (Title style, sections Heading 1); 'item': in an agenda pack (Heading 1, sections Heading 2). */
  as: 'title' | 'item';
  /** The heading text in a pack, e.g. "Item 4: Kent Violence Reduction Unit – update". */
  headingText?: string;
  /** A bookmark on the heading, for page references. */
  bookmark?: string;
}

export function paperContent(doc: PaperForDocument, numbering: Numbering, opts: ContentOptions = { as: 'title' }): FileChild[] {
  const out: FileChild[] = [];
  const headingText = opts.headingText ?? doc.title;
  if (opts.as === 'title') {
    out.push(titleParagraph(headingText));
  } else {
    const children = opts.bookmark ? [new Bookmark({ id: opts.bookmark, children: [new TextRun(headingText)] })] : [new TextRun(headingText)];
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children }));
  }
  for (const line of doc.titleLines) out.push(labelled(line.label, line.value));
  out.push(new Paragraph({ children: [], spacing: { after: 120 } }));

  numbering.restartParagraphs();
  // An optional section left empty is left out (and numbered past: no gap from 5 to 7); a
  // required one is printed and says it is missing.
  const shown = doc.sections.filter((section) => section.body.length > 0 || section.required);
  const labels = paragraphNumbers(doc.numbering, shown);
  const level = opts.as === 'title' ? 1 : 2;
  shown.forEach((section, s) => {
    const headingLabel = doc.numbering === 'by-section' ? `${s + 1}. ${section.heading}` : section.heading;
    out.push(heading(headingLabel, level as 1 | 2));
    if (section.body.length === 0) out.push(...blockParagraphs({ type: 'notice', text: 'This section has not been written yet.' }, null, numbering, doc.numbering));
    section.body.forEach((block, b) => {
      const previous = section.body[b - 1];
      // A table's note paragraph ends it; only a table that ends on its last row needs the space.
      const afterTable = previous?.type === 'table' && !('note' in previous && previous.note);
      out.push(...blockParagraphs(block, labels[s]![b] ?? null, numbering, doc.numbering, afterTable));
    });
  });
  if (doc.signatures.length > 0) {
    out.push(heading('Sign-off', level as 1 | 2));
    for (const role of doc.signatures) out.push(...signatureBlock(role, (level + 1) as 2 | 3));
  }
  return out;
}

/** The paper alone as a Word document. */
export function paperDocument(doc: PaperForDocument): Document {
  const numbering = new Numbering();
  return buildDocument(
    {
      title: `${doc.reference} ${doc.title}`,
      subject: doc.title,
      author: doc.authorName ?? undefined,
      marking: doc.marking,
      headerText: doc.reference,
    },
    [paperContent(doc, numbering, { as: 'title' })],
  );
}
