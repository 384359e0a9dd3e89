import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  LevelFormat,
  NumberFormat,
  PageBreak,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IPropertiesOptions,
  type ParagraphChild,
} from 'docx';
import { writeFileAtomic } from './atomic-write';
import { houseStyle as hs, type ProtectiveMarking } from './house-style';

/**
 * Word building blocks, written once and reused by every export: headings, paragraphs with
 * bold/italic/links, bullet and numbered lists, numbered paragraphs, data tables whose header
 * row repeats on every page, the protective marking in header and footer, page x of y, and
 * document properties (title, author, language en-GB). Follows GOV.UK accessible-document
 * guidance: real heading styles, a sans-serif font at 12 pt, left aligned, tables for data only.
 */

const pt = (n: number) => Math.round(n * 2); // docx sizes are half-points
const cm = (n: number) => Math.round((n / 2.54) * 1440); // twips

// ---------------------------------------------------------------------------------------
// Text

/** A span of text: plain, or with emphasis or a link. */
export type Span = string | { text: string; bold?: boolean; italic?: boolean; link?: string };
export type RichText = Span | Span[];

function spans(text: RichText): Span[] {
  return Array.isArray(text) ? text : [text];
}

/** Control characters break Word's XML; pasted text can carry them. */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function runs(text: RichText, base: { bold?: boolean; size?: number; colour?: string } = {}): ParagraphChild[] {
  return spans(text).map((s) => {
    const span = typeof s === 'string' ? { text: s } : s;
    const run = new TextRun({
      text: cleanText(span.text),
      bold: span.bold ?? base.bold,
      italics: span.italic,
      size: base.size,
      color: span.link ? hs.colours.link : base.colour,
      underline: span.link ? {} : undefined,
    });
    return span.link && /^(https?:|mailto:)/i.test(span.link) ? new ExternalHyperlink({ link: span.link, children: [run] }) : run;
  });
}

export function plainText(text: RichText): string {
  return spans(text)
    .map((s) => (typeof s === 'string' ? s : s.text))
    .join('');
}

// ---------------------------------------------------------------------------------------
// Blocks

export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: runs(text) });
}

export function heading(text: RichText, level: 1 | 2 | 3 = 1, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
  return new Paragraph({ heading: levels[level - 1], children: runs(text), keepNext: true, pageBreakBefore: opts.pageBreakBefore });
}

/** Space above a paragraph that follows a table (tables carry no spacer paragraph after them). */
export const AFTER_TABLE_TWIPS = 160;

export function paragraph(text: RichText, opts: { bold?: boolean; small?: boolean; muted?: boolean; keepNext?: boolean; afterTable?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: runs(text, { bold: opts.bold, size: opts.small ? pt(hs.smallSizePt) : undefined, colour: opts.muted ? hs.colours.muted : undefined }),
    keepNext: opts.keepNext,
    spacing: opts.afterTable ? { before: AFTER_TABLE_TWIPS } : undefined,
  });
}

/** "From: Matthew Scott" — a label in bold then its value, for header blocks. */
export function labelled(label: string, value: RichText): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)], spacing: { after: 60 } });
}

/**
 * A picture (a chart) with its text alternative, which Word and screen readers show; the
 * alternative is required. Sized in cm at the page's width or less; kept with its caption.
 */
export function image(png: Buffer, opts: { widthCm: number; heightCm: number; altText: string; name: string }): Paragraph {
  const px = (c: number) => Math.round((c / 2.54) * 96);
  return new Paragraph({
    keepNext: true,
    // Explicit single, auto spacing: LibreOffice otherwise clips the picture to one text line.
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: px(opts.widthCm), height: px(opts.heightCm) },
        altText: { name: opts.name, title: opts.name, description: opts.altText },
      }),
    ],
  });
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

const NUMBERED_PARAGRAPHS = 'numbered-paragraphs';
const NUMBERED_LIST = 'numbered-list';
const ROMAN_LIST = 'roman-list';
const BULLET_LIST = 'bullet-list';

export interface ListOptions {
  /**
   * Keep the items on one page (each item is kept with the next): for a short list, so it
   * is not split across a page break. Give its lead-in paragraph keepNext as well to keep
   * the list with it. Not for a long list, which Word would then push whole to a new page.
   */
  keepTogether?: boolean;
  /** The list follows a table: its first item gets the space a spacer paragraph used to give. */
  afterTable?: boolean;
}

function listItems(items: RichText[], numbering: { reference: string; level: number; instance?: number }, opts: ListOptions): Paragraph[] {
  return items.map(
    (item, i) =>
      new Paragraph({
        numbering,
        children: runs(item),
        keepNext: opts.keepTogether && i < items.length - 1 ? true : undefined,
        spacing: opts.afterTable && i === 0 ? { before: AFTER_TABLE_TWIPS } : undefined,
      }),
  );
}

/**
 * Numbering in a document: paragraphs numbered 1, 2, 3… across sections (the Police and
 * Crime Panel report style), and lists. Each numbered list gets a fresh instance so it
 * restarts at 1 (docx ignores restarts at deeper levels); restartParagraphs() starts the
 * paragraph numbers again at 1, for the next paper of an agenda pack.
 */
export class Numbering {
  private listInstance = 0;
  private paragraphInstance = 0;

  /** A paragraph numbered continuously through the document: 1., 2., 3.… */
  numberedParagraph(text: RichText, opts: { afterTable?: boolean } = {}): Paragraph {
    return new Paragraph({
      numbering: { reference: NUMBERED_PARAGRAPHS, level: 0, instance: this.paragraphInstance },
      children: runs(text),
      spacing: opts.afterTable ? { before: AFTER_TABLE_TWIPS } : undefined,
    });
  }

  /** The next numberedParagraph is 1 again. */
  restartParagraphs(): void {
    this.paragraphInstance++;
  }

  /** A bullet list (optionally nested one level inside a numbered paragraph). */
  bullets(items: RichText[], level: 0 | 1 = 0, opts: ListOptions = {}): Paragraph[] {
    return listItems(items, { reference: BULLET_LIST, level }, opts);
  }

  /** A numbered list, restarting at 1: 1. 2. 3. (decimal) or i) ii) iii) (lower-roman). */
  numbered(items: RichText[], level: 0 | 1 = 0, style: 'decimal' | 'lower-roman' = 'decimal', opts: ListOptions = {}): Paragraph[] {
    const instance = ++this.listInstance;
    const reference = style === 'lower-roman' ? ROMAN_LIST : NUMBERED_LIST;
    return listItems(items, { reference, level, instance }, opts);
  }
}

function numberingConfig() {
  const indent = (level: number) => ({ left: cm(0.9 + level * 0.9), hanging: cm(0.9) });
  type Level = { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string };
  /** Two levels of a list: `top` at level 0, `nested` at level 1, indented `shift` steps further. */
  const twoLevels = (top: Level, nested: Level, shift = 0) =>
    [top, nested].map((l, level) => ({ level, format: l.format, text: l.text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: indent(level + shift) } } }));
  return {
    config: [
      {
        reference: NUMBERED_PARAGRAPHS,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: indent(0) } } }],
      },
      { reference: NUMBERED_LIST, levels: twoLevels({ format: LevelFormat.DECIMAL, text: '%1.' }, { format: LevelFormat.LOWER_LETTER, text: '%2)' }) },
      { reference: ROMAN_LIST, levels: twoLevels({ format: LevelFormat.LOWER_ROMAN, text: '%1)' }, { format: LevelFormat.LOWER_LETTER, text: '%2)' }) },
      // Bullets sit one step further in, under the text of a numbered paragraph.
      { reference: BULLET_LIST, levels: twoLevels({ format: LevelFormat.BULLET, text: '\u2022' }, { format: LevelFormat.BULLET, text: '\u2013' }, 1) },
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Tables

export interface Column {
  header: string;
  /** Share of the table's width, in percent; the rest is shared equally. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export type CellValue = RichText | { text: RichText; fill?: string; bold?: boolean };

const border = { style: BorderStyle.SINGLE, size: 4, color: hs.colours.tableBorder };
const borders = { top: border, bottom: border, left: border, right: border };

function alignment(a: Column['align']) {
  return a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

export interface TableOptions {
  caption?: string;
  /**
   * A register (decisions log, action log): text at the register size with single spacing,
   * so a dozen typical rows fit on an A4 landscape page, and a long row may break across
   * pages (its header row repeats) instead of leaving a third of a page blank.
   */
  register?: boolean;
}

/** What an empty cell says: a screen reader reads "None"; "—" was read aloud as "em dash". */
export const EMPTY_CELL = 'None';

function cell(value: CellValue, column: Column, widthPct: number, header: boolean, register: boolean): TableCell {
  const v = typeof value === 'object' && value !== null && !Array.isArray(value) && 'text' in value && !('link' in value) && ('fill' in value || 'bold' in value) ? value : { text: value as RichText };
  const fill = header ? hs.colours.tableHeaderFill : (v as { fill?: string }).fill;
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    children: [
      new Paragraph({
        alignment: alignment(column.align),
        // Single spacing said in full: without lineRule LibreOffice reads line 240 as exactly
        // 12 pt, which at the register's 9 pt left a quarter of every line blank.
        spacing: register ? { after: 0, line: 240, lineRule: LineRuleType.AUTO } : { after: 0 },
        children: runs((v as { text: RichText }).text, { bold: header || (v as { bold?: boolean }).bold, size: register ? pt(hs.registerSizePt) : undefined }),
      }),
    ],
  });
}

/**
 * A data table: one header row that repeats on every page, no merged or empty cells (an
 * empty value is written as "None"), rows kept whole on a page unless the table is a
 * register. Nothing follows it: a blank spacer paragraph would be read out as "blank".
 */
export function dataTable(columns: Column[], rows: CellValue[][], opts: TableOptions = {}): FileChild[] {
  const register = opts.register === true;
  const given = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const free = columns.filter((c) => c.width === undefined).length;
  const widths = columns.map((c) => c.width ?? Math.max(5, (100 - given) / Math.max(free, 1)));
  const headerRow = new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, c, widths[i]!, true, register)) });
  const bodyRows = rows.map(
    (r) =>
      new TableRow({
        cantSplit: !register,
        children: columns.map((c, i) => {
          const v = r[i];
          const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
          return cell(empty ? EMPTY_CELL : v, c, widths[i]!, false, register);
        }),
      }),
  );
  const out: FileChild[] = [];
  if (opts.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: runs(opts.caption) }));
  // Borders and cell margins are set once on the table, not on every cell: a 10,000-row
  // action log built three times faster that way (docs/meetings.md).
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...borders, insideHorizontal: border, insideVertical: border },
      margins: register ? { top: 15, bottom: 15, left: 70, right: 70 } : { top: 60, bottom: 60, left: 100, right: 100 },
      rows: [headerRow, ...bodyRows],
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------
// The document

export interface DocumentMeta {
  /** Shown as the document's title in Word and read first by screen readers. */
  title: string;
  subject?: string;
  author?: string;
  description?: string;
  keywords?: string;
  marking: ProtectiveMarking;
  /** Left of the header, e.g. the board's name. */
  headerText?: string;
  /** Right of the header, e.g. the meeting date in en-GB. */
  headerDate?: string;
}

function markingParagraph(marking: ProtectiveMarking): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true, size: pt(hs.smallSizePt + 1) })] });
}

function header(meta: DocumentMeta, section: DocSection): Header {
  const children = [markingParagraph(meta.marking)];
  if (section.notice) {
    children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: cleanText(section.notice), bold: true, size: pt(hs.smallSizePt), color: hs.colours.rag.red })] }));
  }
  const line = [meta.headerText, meta.headerDate].filter(Boolean).join(' — ');
  if (line) {
    children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, size: pt(hs.smallSizePt), color: hs.colours.muted })] }));
  }
  return new Header({ children });
}

/**
 * A section of the document with its own page numbering or footer line, e.g. an agenda
 * pack's front matter numbered i, ii, iii and its papers numbered 1, 2, 3 with the item in
 * the footer. A plain array of children is a section with the document's defaults.
 */
export interface DocSection {
  children: FileChild[];
  /** Restart the page numbers at `start`, in `format` (default: carry on, decimal). */
  pageNumbers?: { start?: number; format?: 'decimal' | 'lower-roman' };
  /** Written before the page number in the footer, e.g. "Item 5 · SB/2020/03". */
  footerLabel?: string;
  /** "Page 3" rather than "Page 3 of 12" (where sections number their pages apart). */
  pageOnly?: boolean;
  /** A wide table (a log or register) reads better across the page. */
  landscape?: boolean;
  /** A line in the header of every page of the section, e.g. "NOT FOR PUBLICATION — …" on a Part B paper. */
  notice?: string;
}

function footer(meta: DocumentMeta, section: DocSection): Footer {
  const page = section.pageOnly ? ['Page ', PageNumber.CURRENT] : ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES];
  const label = section.footerLabel ? [`${cleanText(section.footerLabel)} \u2014 `] : [];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [...label, ...page], size: pt(hs.smallSizePt) })],
      }),
      markingParagraph(meta.marking),
    ],
  });
}

/** A contents list from the document's headings (level 1 by default), with page numbers. */
export function contents(opts: { levels?: '1-1' | '1-2' | '1-3' } = {}): TableOfContents {
  return new TableOfContents('Contents', { hyperlink: true, headingStyleRange: opts.levels ?? '1-1' });
}

export interface BuildOptions {
  /**
   * Works out page numbers when the document is written, so a contents list and page
   * references show them without Word updating fields: pass estimatePageNumbers from
   * 'docx/layout'.
   */
  pageNumbers?: IPropertiesOptions['pageNumbers'];
}

/** One section per entry; each section starts on a new page (e.g. the papers of an agenda pack). */
export function buildDocument(meta: DocumentMeta, sections: (FileChild[] | DocSection)[], options: BuildOptions = {}): Document {
  const run = { font: hs.font, size: pt(hs.bodySizePt), color: hs.colours.text, language: { value: hs.language } };
  const headingStyle = (size: number) => ({ run: { font: hs.font, size: pt(size), bold: true, color: hs.colours.heading }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  const specs: DocSection[] = sections.map((s) => (Array.isArray(s) ? { children: s } : s));
  return new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author ?? 'Board Secretariat',
    lastModifiedBy: meta.author ?? 'Board Secretariat',
    description: meta.description,
    keywords: meta.keywords,
    features: { updateFields: false },
    pageNumbers: options.pageNumbers,
    numbering: numberingConfig(),
    styles: {
      default: {
        document: { run, paragraph: { spacing: { after: hs.paragraphSpacingAfterPt * 20, line: Math.round(240 * hs.lineSpacing), lineRule: LineRuleType.AUTO } } },
        title: { run: { font: hs.font, size: pt(hs.titleSizePt), bold: true, color: hs.colours.heading }, paragraph: { spacing: { after: 240 } } },
        heading1: headingStyle(hs.headingSizesPt[0] ?? 16),
        heading2: headingStyle(hs.headingSizesPt[1] ?? 14),
        heading3: headingStyle(hs.headingSizesPt[2] ?? 12),
        caption: { run: { font: hs.font, size: pt(hs.smallSizePt), bold: true, italics: false, color: hs.colours.text } },
      },
    },
    sections: specs.map((section) => ({
      properties: {
        page: {
          size: { width: cm(21), height: cm(29.7), orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: cm(hs.marginsCm.top), bottom: cm(hs.marginsCm.bottom), left: cm(hs.marginsCm.left), right: cm(hs.marginsCm.right) },
          pageNumbers: section.pageNumbers
            ? { start: section.pageNumbers.start, formatType: section.pageNumbers.format === 'lower-roman' ? NumberFormat.LOWER_ROMAN : NumberFormat.DECIMAL }
            : undefined,
        },
      },
      headers: { default: header(meta, section) },
      footers: { default: footer(meta, section) },
      children: section.children,
    })),
  });
}

export function docxBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** Builds and writes a .docx atomically (temporary file, then rename); returns its size. */
export async function writeDocx(path: string, doc: Document): Promise<{ path: string; bytes: number }> {
  const buffer = await docxBuffer(doc);
  writeFileAtomic(path, buffer, '.docx');
  return { path, bytes: buffer.length };
}
