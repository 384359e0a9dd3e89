import { z } from 'zod';

/**
 * The body of a paper section (paper_section.body_json): a JSON array of blocks, in reading
 * order. Plain data, shared by the service (which validates and cleans it), the Word export
 * and the editor in the renderer (which turns what the user types or pastes into blocks).
 *
 *   { "type": "paragraph", "text": … }
 *       One paragraph. Where a template numbers paragraphs (the panel report numbers them
 *       1, 2, 3… continuously across sections) the number is the template's, not the text's.
 *   { "type": "bullets", "items": [ … ] }
 *       A bulleted list. Not numbered, even where the template numbers paragraphs.
 *   { "type": "numbered", "items": [ … ], "style": "lower-roman" }
 *       A numbered list; "style" is "decimal" (1. 2. 3.) by default, or "lower-roman" for
 *       the i) ii) iii) lists of seed 004.
 *   { "type": "table", "columns": ["Project", "Amount"], "rows": [[…, …], …], "caption": "…" }
 *       A data table: one header row (the columns), then its rows, one cell per column.
 *   { "type": "live", "source": "funding.awards", "params": { "stream": "VRF", "year": "2019/20" } }
 *       A table filled from the workspace's own data when the paper is exported, so the
 *       figures are those of the day the paper goes out (see ./live-tables.ts).
 *
 * Text (a paragraph's text, a list item, a table cell) is rich text: a string, or an array
 * of spans, each a string or { text, bold?, italic?, link? }. Typographic quotes and
 * dashes are kept as written.
 */
export type Span = string | { text: string; bold?: boolean; italic?: boolean; link?: string };
export type RichText = string | Span[];

export const LIVE_SOURCES = ['funding.awards', 'performance.scorecard'] as const;
export type LiveSource = (typeof LIVE_SOURCES)[number];

export const LIVE_SOURCE_LABELS: Record<LiveSource, string> = {
  'funding.awards': 'Funded projects of a funding stream (one financial year)',
  'performance.scorecard': 'Performance scorecard (latest value and status of each indicator)',
};

export type PaperBlock =
  | { type: 'paragraph'; text: RichText }
  | { type: 'bullets'; items: RichText[] }
  | { type: 'numbered'; items: RichText[]; style?: 'decimal' | 'lower-roman' }
  | { type: 'table'; columns: string[]; rows: RichText[][]; caption?: string }
  | { type: 'live'; source: LiveSource; params: Record<string, string>; caption?: string };

export type ListStyle = 'decimal' | 'lower-roman';

// ---------------------------------------------------------------------------------------
// Cleaning: what Word's clipboard and other editors leave behind

/**
 * Characters that have no place in a paper: C0/C1 controls (Word's XML refuses most of
 * them), byte-order marks and non-characters, soft hyphens, zero-width spaces, and the
 * private-use glyphs Word pastes for bullets drawn in the Symbol and Wingdings fonts.
 * Zero-width joiners stay: Arabic and Indic scripts need them.
 */
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2028\u2029\ufeff\ufffe\uffff\ue000-\uf8ff]/g;
/** Lone surrogates make the .docx unreadable. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Bullet and number glyphs typed or pasted at the start of a list item ("• ", "o ", "i) "). */
const LIST_MARK = /^\s*(?:[•·▪■◦●○‣⁃–-]|o(?=\s))\s+/;

/** Text as it may be stored: junk removed, runs of spaces, tabs and line breaks made one space. */
export function cleanString(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(JUNK, '').replace(/[\t\n\r\u00a0 ]{2,}|[\t\n\r]/g, ' ');
}

const SAFE_LINK = /^(https?:\/\/|mailto:)\S+$/i;

export function isSafeLink(link: string): boolean {
  return SAFE_LINK.test(link.trim());
}

type SpanObject = { text: string; bold?: boolean; italic?: boolean; link?: string };

function toObject(span: Span): SpanObject {
  return typeof span === 'string' ? { text: span } : span;
}

function sameFormat(a: SpanObject, b: SpanObject): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && (a.link ?? '') === (b.link ?? '');
}

/**
 * Rich text cleaned: junk characters out, spans with the same formatting joined, empty
 * spans dropped, links kept only when they are web or mail addresses, leading and trailing
 * space trimmed. Plain text comes back as a plain string.
 */
export function cleanRichText(text: RichText): RichText {
  const input = (Array.isArray(text) ? text : [text]).map(toObject);
  const out: SpanObject[] = [];
  for (const raw of input) {
    const span: SpanObject = { text: cleanString(raw.text) };
    if (raw.bold) span.bold = true;
    if (raw.italic) span.italic = true;
    if (raw.link && isSafeLink(raw.link)) span.link = raw.link.trim();
    if (span.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameFormat(last, span)) last.text += span.text;
    else out.push(span);
  }
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, '');
    out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  }
  const kept = out.filter((s) => s.text !== '');
  if (kept.length === 0) return '';
  if (kept.every((s) => !s.bold && !s.italic && !s.link)) return kept.map((s) => s.text).join('');
  return kept.map((s) => (!s.bold && !s.italic && !s.link ? s.text : s));
}

function stripListMark(text: RichText): RichText {
  if (typeof text === 'string') return text.replace(LIST_MARK, '');
  if (text.length === 0) return text;
  const [first, ...rest] = text;
  const f = toObject(first!);
  return [{ ...f, text: f.text.replace(LIST_MARK, '') }, ...rest];
}

/** True when rich text has no visible characters. */
export function isBlank(text: RichText): boolean {
  return plainText(text).trim() === '';
}

/**
 * A section body cleaned for storage: every text cleaned, empty paragraphs and list items
 * dropped, bullet glyphs typed at the start of list items removed, table rows padded or cut
 * to the number of columns, empty lists and tables dropped.
 */
export function cleanBlocks(blocks: PaperBlock[]): PaperBlock[] {
  const out: PaperBlock[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph': {
        const text = cleanRichText(b.text);
        if (!isBlank(text)) out.push({ type: 'paragraph', text });
        break;
      }
      case 'bullets':
      case 'numbered': {
        const items = b.items.map((i) => cleanRichText(stripListMark(cleanRichText(i)))).filter((i) => !isBlank(i));
        if (items.length === 0) break;
        if (b.type === 'bullets') out.push({ type: 'bullets', items });
        else out.push(b.style === 'lower-roman' ? { type: 'numbered', items, style: 'lower-roman' } : { type: 'numbered', items });
        break;
      }
      case 'table': {
        const columns = b.columns.map((c) => cleanString(c).trim());
        const rows = b.rows
          .map((r) => columns.map((_, i) => cleanRichText(r[i] ?? '')))
          .filter((r) => r.some((c) => !isBlank(c)));
        if (columns.length === 0) break;
        const table: PaperBlock = { type: 'table', columns: columns.map((c, i) => c || `Column ${i + 1}`), rows };
        const caption = b.caption ? cleanString(b.caption).trim() : '';
        if (caption) table.caption = caption;
        out.push(table);
        break;
      }
      case 'live': {
        const params = Object.fromEntries(Object.entries(b.params).map(([k, v]) => [k, cleanString(v).trim()]));
        const live: PaperBlock = { type: 'live', source: b.source, params };
        const caption = b.caption ? cleanString(b.caption).trim() : '';
        if (caption) live.caption = caption;
        out.push(live);
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Validation

const MAX_TEXT = 20_000;

const spanSchema = z.union([
  z.string({ error: 'must be text' }).max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
  z
    .object({
      text: z.string({ error: 'must be text' }).max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      link: z.string().max(2000, 'link must be at most 2,000 characters').optional(),
    })
    .strip(),
]);

const richTextSchema = z.union([z.string({ error: 'must be text' }).max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`), z.array(spanSchema).max(500, 'has too many formatted pieces')]);

export const blockSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('paragraph'), text: richTextSchema }).strip(),
    z.object({ type: z.literal('bullets'), items: z.array(richTextSchema).max(200, 'a list may have at most 200 items') }).strip(),
    z
      .object({
        type: z.literal('numbered'),
        items: z.array(richTextSchema).max(200, 'a list may have at most 200 items'),
        style: z.enum(['decimal', 'lower-roman'], { error: 'style must be decimal or lower-roman' }).optional(),
      })
      .strip(),
    z
      .object({
        type: z.literal('table'),
        columns: z.array(z.string().max(200, 'a column heading must be at most 200 characters')).min(1, 'a table needs at least one column').max(12, 'a table may have at most 12 columns'),
        rows: z.array(z.array(richTextSchema).max(12, 'a row may have at most 12 cells')).max(1000, 'a table may have at most 1,000 rows'),
        caption: z.string().max(500).optional(),
      })
      .strip(),
    z
      .object({
        type: z.literal('live'),
        source: z.enum(LIVE_SOURCES, { error: `source must be one of: ${LIVE_SOURCES.join(', ')}` }),
        params: z.record(z.string(), z.string().max(200)).default({}),
        caption: z.string().max(500).optional(),
      })
      .strip(),
  ],
  { error: 'each block must be a paragraph, bullets, numbered, table or live table' },
);

/** A section body as the API accepts it: validated, then cleaned. */
export const blocksSchema = z
  .array(blockSchema, { error: 'Section body must be a list of blocks' })
  .max(2000, 'Section body may have at most 2,000 blocks')
  .transform((blocks) => cleanBlocks(blocks as PaperBlock[]));

/** Reads stored body_json; a body that does not parse is shown empty rather than crashing. */
export function parseBody(json: string): PaperBlock[] {
  try {
    const parsed = blocksSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------
// Plain text

export function plainText(text: RichText): string {
  return (Array.isArray(text) ? text : [text]).map((s) => (typeof s === 'string' ? s : s.text)).join('');
}

/** Lower-case roman numerals for list markers: 1 → i, 4 → iv, 9 → ix. */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/**
 * A block as lines of plain text, the way a reader would copy it: list items with their
 * markers, table rows with cells joined by " | ". Used by version comparison and search.
 */
export function blockLines(block: PaperBlock): string[] {
  switch (block.type) {
    case 'paragraph':
      return [plainText(block.text)];
    case 'bullets':
      return block.items.map((i) => `• ${plainText(i)}`);
    case 'numbered':
      return block.items.map((i, n) => (block.style === 'lower-roman' ? `${roman(n + 1)}) ${plainText(i)}` : `${n + 1}. ${plainText(i)}`));
    case 'table':
      return [block.columns.join(' | '), ...block.rows.map((r) => r.map(plainText).join(' | '))];
    case 'live':
      return [`[Live table: ${LIVE_SOURCE_LABELS[block.source]}${Object.keys(block.params).length ? ' — ' + Object.entries(block.params).map(([k, v]) => `${k} ${v}`).join(', ') : ''}]`];
  }
}

export function bodyText(blocks: PaperBlock[]): string {
  return blocks.flatMap(blockLines).join('\n');
}

/** True when a section has something a reader would see. */
export function hasContent(blocks: PaperBlock[]): boolean {
  return blocks.some((b) => (b.type === 'live' ? true : blockLines(b).some((l) => l.replace(/^(•|[ivxlcdm]+\)|\d+\.)\s*/, '').trim() !== '')));
}
