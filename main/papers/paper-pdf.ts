import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import { houseStyle as hs } from '../documents/house-style';
import type { RichText } from './blocks';
import { columnWidths, type DocBlock, type PaperForDocument } from './paper-docx';
import { paragraphNumbers } from './paragraph-numbering';

/**
 * A paper as pdfmake content, the PDF counterpart of paperContent in paper-docx.ts: the
 * heading, the paper's cover details (reference, author, presenting officer, purpose and
 * the template's header block), the sections as headings, paragraphs numbered as the
 * template asks (1, 2, 3… or 1.1, 1.2), bullet and i) lists, tables whose header row
 * repeats on each page and whose rows are not split, the sign-off blocks. Used by the PDF
 * agenda pack (agenda-pack-pdf.ts).
 */

export const colour = (hex: string) => `#${hex}`;

/** Rich text as pdfmake inlines: bold, italic, links (blue, underlined). */
export function inlines(text: RichText): ContentText['text'] {
  if (typeof text === 'string') return text;
  return text.map((s) =>
    typeof s === 'string'
      ? s
      : {
          text: s.text,
          ...(s.bold ? { bold: true } : {}),
          ...(s.italic ? { italics: true } : {}),
          ...(s.link ? { link: s.link, color: colour(hs.colours.link), decoration: 'underline' as const } : {}),
        },
  );
}

/** Thin grey rules and cell padding, as the Word tables have. */
export const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => colour(hs.colours.tableBorder),
  vLineColor: () => colour(hs.colours.tableBorder),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A data table: one header row repeated on every page, rows kept whole, "None" for an empty cell. */
export function dataTable(columns: string[], rows: RichText[][], opts: { widths?: (number | string)[]; align?: ('left' | 'right')[]; fontSize?: number } = {}): Content {
  const header: TableCell[] = columns.map((c, i) => ({ text: c, bold: true, fillColor: colour(hs.colours.tableHeaderFill), alignment: opts.align?.[i] ?? 'left' }));
  const body: TableCell[][] = rows.map((r) =>
    columns.map((_, i) => {
      const v = r[i] ?? '';
      const empty = typeof v === 'string' ? v.trim() === '' : v.length === 0;
      return { text: empty ? 'None' : inlines(v), alignment: opts.align?.[i] ?? 'left' };
    }),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: opts.widths ?? columns.map(() => '*'), body: [header, ...body] },
    layout: TABLE_LAYOUT,
    ...(opts.fontSize ? { fontSize: opts.fontSize } : {}),
    margin: [0, 2, 0, hs.paragraphSpacingAfterPt],
  };
}

function blockContent(block: DocBlock, label: string | null): Content {
  const after = hs.paragraphSpacingAfterPt;
  switch (block.type) {
    case 'paragraph':
      if (!label) return { text: inlines(block.text), margin: [0, 0, 0, after] };
      // The number hangs in the margin of the text, as Word's numbering does.
      return { columns: [{ width: 30, text: label }, { width: '*', text: inlines(block.text) }], columnGap: 4, margin: [0, 0, 0, after] };
    case 'bullets':
      return { ul: block.items.map((i) => ({ text: inlines(i), margin: [0, 0, 0, 3] })), margin: [34, 0, 0, after] };
    case 'numbered':
      return {
        ol: block.items.map((i) => ({ text: inlines(i), margin: [0, 0, 0, 3] })),
        ...(block.style === 'lower-roman' ? { type: 'lower-roman' as const, separator: ')' } : {}),
        margin: [8, 0, 0, after],
      };
    case 'table': {
      const align = 'align' in block ? block.align : undefined;
      const widths = columnWidths(block.columns, block.rows).map((w) => `${w}%`);
      const out: Content[] = [];
      if (block.caption) out.push({ text: block.caption, bold: true, fontSize: hs.smallSizePt, margin: [0, 0, 0, 3] });
      out.push(dataTable(block.columns, block.rows, { widths, ...(align ? { align } : {}) }));
      if ('note' in block && block.note) out.push({ text: block.note, fontSize: hs.smallSizePt, color: colour(hs.colours.muted), margin: [0, -4, 0, after] });
      return { stack: out };
    }
    case 'notice':
      return { text: block.text, italics: true, color: colour(hs.colours.muted), margin: [0, 0, 0, after] };
  }
}

export interface PaperPdfOptions {
  /** The heading in the pack: "Item 4: Kent Violence Reduction Unit – update (SB/2020/03)". */
  headingText: string;
  /** The destination id of the heading (agenda links point to it) and its bookmark. */
  id: string;
  /** The bookmark the paper's outline entry sits under (a supplement), if any. */
  outlineParentId?: string;
}

/** A heading kept on the page of what follows it (a short first block goes with it). */
function headed(heading: Content, first: Content | undefined, firstIsShort: boolean): Content[] {
  if (!first) return [heading];
  return firstIsShort ? [{ stack: [heading, first], unbreakable: true }] : [heading, first];
}

export function paperPdfContent(doc: PaperForDocument, opts: PaperPdfOptions): Content[] {
  const out: Content[] = [];
  out.push({
    text: opts.headingText,
    style: 'h1',
    id: opts.id,
    outline: true,
    outlineText: opts.headingText,
    ...(opts.outlineParentId ? { outlineParentId: opts.outlineParentId } : {}),
  });
  if (doc.titleLines.length) {
    out.push({
      table: { widths: [130, '*'], body: doc.titleLines.map((l) => [{ text: l.label, bold: true, fillColor: colour(hs.colours.tableHeaderFill) }, { text: l.value }]) },
      layout: TABLE_LAYOUT,
      margin: [0, 0, 0, 14],
    });
  }
  const shown = doc.sections.filter((section) => section.body.length > 0 || section.required);
  const labels = paragraphNumbers(doc.numbering, shown);
  shown.forEach((section, s) => {
    const headingText = doc.numbering === 'by-section' ? `${s + 1}. ${section.heading}` : section.heading;
    const heading: Content = { text: headingText, style: 'h2' };
    const blocks: Content[] =
      section.body.length === 0
        ? [blockContent({ type: 'notice', text: 'This section has not been written yet.' }, null)]
        : section.body.map((block, b) => {
            const label = labels[s]![b] ?? null;
            return blockContent(block, label && doc.numbering === 'continuous' ? `${label}.` : label);
          });
    const firstIsShort = section.body[0]?.type !== 'table';
    out.push(...headed(heading, blocks[0], firstIsShort), ...blocks.slice(1));
  });
  if (doc.signatures.length > 0) {
    out.push({ text: 'Sign-off', style: 'h2' });
    const line = (label: string, width: number) => ({ text: [{ text: `${label}: `, bold: true }, { text: '\u2002'.repeat(width), decoration: 'underline' as const }], margin: [0, 8, 0, 4] as [number, number, number, number] });
    for (const role of doc.signatures) {
      out.push({ stack: [{ text: role, style: 'h3' }, line('Comments', 60), line('Signature', 40), line('Date', 20)], unbreakable: true });
    }
  }
  return out;
}
