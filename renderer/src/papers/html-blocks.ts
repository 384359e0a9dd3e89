import { LIVE_SOURCES, type LiveSource, type PaperBlock, type RichText, type Span } from '../../../main/papers/blocks';

/**
 * Between the editor's HTML and a section's blocks (main/papers/blocks.ts). The editor is
 * a contenteditable element: what the user types, formats or pastes is read back into
 * blocks — paragraphs, bullet and numbered lists, tables, live tables — with bold, italic
 * and links kept and everything else (styles, classes, fonts, Word's markup) left behind.
 * The service cleans the text again; this only decides the structure.
 */

// ---------------------------------------------------------------------------------------
// Blocks → HTML (what the editor starts from)

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function richHtml(text: RichText): string {
  const spans = typeof text === 'string' ? [text] : text;
  return spans
    .map((s) => {
      const span = typeof s === 'string' ? { text: s } : s;
      let html = escape(span.text);
      if (span.bold) html = `<strong>${html}</strong>`;
      if (span.italic) html = `<em>${html}</em>`;
      if (span.link) html = `<a href="${escape(span.link)}">${html}</a>`;
      return html;
    })
    .join('');
}

export function liveAttributes(block: Extract<PaperBlock, { type: 'live' }>): string {
  return escape(JSON.stringify({ source: block.source, params: block.params, ...(block.caption ? { caption: block.caption } : {}) }));
}

export function blocksToHtml(blocks: readonly PaperBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${richHtml(b.text) || '<br>'}</p>`;
        case 'bullets':
          return `<ul>${b.items.map((i) => `<li>${richHtml(i)}</li>`).join('')}</ul>`;
        case 'numbered':
          return b.style === 'lower-roman'
            ? `<ol type="i" data-style="lower-roman">${b.items.map((i) => `<li>${richHtml(i)}</li>`).join('')}</ol>`
            : `<ol>${b.items.map((i) => `<li>${richHtml(i)}</li>`).join('')}</ol>`;
        case 'table':
          return `<table>${b.caption ? `<caption>${escape(b.caption)}</caption>` : ''}<thead><tr>${b.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${richHtml(c) || '<br>'}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`;
        case 'live':
          return `<figure class="live-table" contenteditable="false" data-live="${liveAttributes(b)}"><figcaption>Live table: ${escape(b.caption ?? b.source)}</figcaption></figure>`;
      }
    })
    .join('');
}

// ---------------------------------------------------------------------------------------
// HTML → blocks (what the editor saves, and what a paste becomes)

interface Format {
  bold: boolean;
  italic: boolean;
  link: string | null;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ADDRESS', 'CENTER']);
const SKIP_TAGS = new Set(['STYLE', 'SCRIPT', 'META', 'LINK', 'TITLE', 'HEAD', 'XML', 'TEMPLATE', 'NOSCRIPT', 'O:P', 'IMG', 'SVG', 'OBJECT', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

function styleOf(el: Element): string {
  return (el.getAttribute('data-pasted-style') ?? el.getAttribute('style') ?? '').toLowerCase();
}

/**
 * Pasted HTML made inert before it is parsed: style sheets dropped and style attributes
 * renamed (the bold, italic and Word list marks in them are still read, from
 * data-pasted-style). Parsing them as they are would have the browser try to apply them,
 * which the app's Content Security Policy refuses (and reports).
 */
export function neutralise(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<(link|meta|script)\b[^>]*>/gi, '')
    .replace(/(<[a-z][^>]*?\s)style(\s*=)/gi, '$1data-pasted-style$2');
}

function formatOf(el: Element, outer: Format): Format {
  const tag = el.tagName.toUpperCase();
  const style = styleOf(el);
  let bold = outer.bold;
  let italic = outer.italic;
  if (tag === 'B' || tag === 'STRONG' || /font-weight:\s*(bold|[6-9]00)/.test(style)) bold = true;
  if (/font-weight:\s*(normal|[1-4]00)/.test(style)) bold = false;
  if (tag === 'I' || tag === 'EM' || /font-style:\s*italic/.test(style)) italic = true;
  if (/font-style:\s*normal/.test(style)) italic = false;
  const href = tag === 'A' ? el.getAttribute('href') : null;
  return { bold, italic, link: href && /^(https?:|mailto:)/i.test(href) ? href : outer.link };
}

/** Word marks the bullet or number it drew itself "mso-list: Ignore": not text. */
function isWordListMarker(el: Element): boolean {
  return /mso-list:\s*ignore/.test(styleOf(el));
}

function inlineSpans(node: Node, format: Format, out: Span[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ');
    if (text) out.push({ text, ...(format.bold ? { bold: true } : {}), ...(format.italic ? { italic: true } : {}), ...(format.link ? { link: format.link } : {}) });
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || isWordListMarker(el)) return;
  if (tag === 'BR') {
    out.push({ text: ' ' });
    return;
  }
  const f = formatOf(el, format);
  el.childNodes.forEach((c) => inlineSpans(c, f, out));
}

/** Spans as stored: plain text as a string, joined where the format is the same. */
export function toRichText(spans: Span[]): RichText {
  const merged: { text: string; bold?: boolean; italic?: boolean; link?: string }[] = [];
  for (const s of spans) {
    const span = typeof s === 'string' ? { text: s } : s;
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!span.bold && !!last.italic === !!span.italic && (last.link ?? '') === (span.link ?? '')) last.text += span.text;
    else merged.push({ ...span });
  }
  if (merged.length) {
    merged[0]!.text = merged[0]!.text.replace(/^\s+/, '');
    merged[merged.length - 1]!.text = merged[merged.length - 1]!.text.replace(/\s+$/, '');
  }
  const kept = merged.filter((s) => s.text !== '');
  if (kept.every((s) => !s.bold && !s.italic && !s.link)) return kept.map((s) => s.text).join('');
  return kept.map((s) => (!s.bold && !s.italic && !s.link ? s.text : s));
}

function richOf(node: Node, format: Format = { bold: false, italic: false, link: null }): RichText {
  const spans: Span[] = [];
  node.childNodes.forEach((c) => inlineSpans(c, format, spans));
  return toRichText(spans);
}

function isEmpty(text: RichText): boolean {
  return (typeof text === 'string' ? text : text.map((s) => (typeof s === 'string' ? s : s.text)).join('')).trim() === '';
}

const ROMAN = /^\(?[ivxlcdm]+[.)]$/i;
const NUMBER = /^\(?(\d+|[a-z])[.)]$/i;

function listStyleOf(el: Element): 'bullets' | 'decimal' | 'lower-roman' {
  if (el.tagName.toUpperCase() === 'UL') return 'bullets';
  const type = el.getAttribute('type');
  const style = styleOf(el);
  if (type === 'i' || el.getAttribute('data-style') === 'lower-roman' || /list-style-type:\s*lower-roman/.test(style)) return 'lower-roman';
  return 'decimal';
}

function listItems(list: Element): RichText[] {
  const items: RichText[] = [];
  for (const li of Array.from(list.children)) {
    if (li.tagName.toUpperCase() !== 'LI') continue;
    // A list inside an item is flattened into the items after it (lists are one level).
    const own = li.cloneNode(true) as Element;
    own.querySelectorAll('ul, ol').forEach((n) => n.remove());
    const text = richOf(own);
    if (!isEmpty(text)) items.push(text);
    li.querySelectorAll(':scope > ul, :scope > ol').forEach((nested) => items.push(...listItems(nested)));
  }
  return items;
}

function tableBlock(table: Element): PaperBlock | null {
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) => Array.from(tr.children).filter((c) => /^(TD|TH)$/i.test(c.tagName)));
  if (rows.length === 0) return null;
  const [head, ...body] = rows;
  const columns = head!.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
  const caption = table.querySelector('caption')?.textContent?.trim();
  const block: PaperBlock = { type: 'table', columns, rows: body.map((r) => columns.map((_, i) => (r[i] ? richOf(r[i]!) : ''))) };
  if (caption) block.caption = caption;
  return block;
}

function liveBlock(el: Element): PaperBlock | null {
  try {
    const v = JSON.parse(el.getAttribute('data-live') ?? '') as { source: string; params?: Record<string, string>; caption?: string };
    if (!LIVE_SOURCES.includes(v.source as LiveSource)) return null;
    const block: PaperBlock = { type: 'live', source: v.source as LiveSource, params: v.params ?? {} };
    if (v.caption) block.caption = v.caption;
    return block;
  } catch {
    return null;
  }
}

/** A Word list paragraph ("mso-list: l0 level1"): its marker says bullet, number or roman. */
function wordListKind(el: Element): 'bullets' | 'decimal' | 'lower-roman' | null {
  if (!/mso-list:\s*l\d/.test(styleOf(el)) && !/MsoListParagraph/i.test(el.getAttribute('class') ?? '')) return null;
  const marker = Array.from(el.querySelectorAll('span'))
    .find(isWordListMarker)
    ?.textContent?.replace(/[\s\u00a0]+/g, '')
    .trim();
  if (!marker) return 'bullets';
  if (ROMAN.test(marker) && !/^[cdlm][.)]$/i.test(marker)) return 'lower-roman';
  if (NUMBER.test(marker)) return 'decimal';
  return 'bullets';
}

/**
 * Reads a run of block-level nodes into blocks. Consecutive Word list paragraphs become one
 * list; a top-level run of inline nodes becomes one paragraph.
 */
export function nodesToBlocks(nodes: Iterable<Node>): PaperBlock[] {
  const out: PaperBlock[] = [];
  let inline: Node[] = [];
  let wordList: { kind: 'bullets' | 'decimal' | 'lower-roman'; items: RichText[] } | null = null;

  const flushInline = () => {
    if (inline.length === 0) return;
    const holder = document.createElement('div');
    for (const n of inline) holder.appendChild(n.cloneNode(true));
    const text = richOf(holder);
    if (!isEmpty(text)) out.push({ type: 'paragraph', text });
    inline = [];
  };
  const flushList = () => {
    if (!wordList) return;
    if (wordList.items.length) {
      out.push(
        wordList.kind === 'bullets'
          ? { type: 'bullets', items: wordList.items }
          : wordList.kind === 'lower-roman'
            ? { type: 'numbered', style: 'lower-roman', items: wordList.items }
            : { type: 'numbered', items: wordList.items },
      );
    }
    wordList = null;
  };

  for (const node of nodes) {
    if (node.nodeType === Node.COMMENT_NODE) continue;
    // Line breaks and indentation between blocks are not text.
    if (node.nodeType === Node.TEXT_NODE && inline.length === 0 && (node.textContent ?? '').trim() === '') continue;
    if (node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && !BLOCK_TAGS.has((node as Element).tagName.toUpperCase()) && !/^(UL|OL|TABLE|FIGURE|LI)$/i.test((node as Element).tagName))) {
      if (node.nodeType === Node.ELEMENT_NODE && SKIP_TAGS.has((node as Element).tagName.toUpperCase())) continue;
      flushList();
      inline.push(node);
      continue;
    }
    flushInline();
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    const listKind = wordListKind(el);
    if (listKind) {
      if (wordList && wordList.kind !== listKind) flushList();
      wordList ??= { kind: listKind, items: [] };
      const text = richOf(el);
      if (!isEmpty(text)) wordList.items.push(text);
      continue;
    }
    flushList();
    if (tag === 'UL' || tag === 'OL') {
      const items = listItems(el);
      const style = listStyleOf(el);
      if (items.length) out.push(style === 'bullets' ? { type: 'bullets', items } : style === 'lower-roman' ? { type: 'numbered', style: 'lower-roman', items } : { type: 'numbered', items });
    } else if (tag === 'LI') {
      const text = richOf(el);
      if (!isEmpty(text)) out.push({ type: 'bullets', items: [text] });
    } else if (tag === 'TABLE') {
      const t = tableBlock(el);
      if (t) out.push(t);
    } else if (tag === 'FIGURE' && el.hasAttribute('data-live')) {
      const l = liveBlock(el);
      if (l) out.push(l);
    } else if (Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName.toUpperCase()) || /^(UL|OL|TABLE|FIGURE)$/i.test(c.tagName))) {
      // A wrapper (Word's WordSection1, a div around paragraphs): read what is inside.
      out.push(...nodesToBlocks(Array.from(el.childNodes)));
    } else {
      const text = richOf(el);
      if (!isEmpty(text)) out.push({ type: 'paragraph', text });
    }
  }
  flushInline();
  flushList();
  return mergeLists(out);
}

/** Two lists of the same kind one after the other (a paste into a list) are one list. */
function mergeLists(blocks: PaperBlock[]): PaperBlock[] {
  const out: PaperBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.type === 'bullets' && b.type === 'bullets') last.items.push(...b.items);
    else if (last && last.type === 'numbered' && b.type === 'numbered' && (last.style ?? 'decimal') === (b.style ?? 'decimal')) last.items.push(...b.items);
    else out.push(b);
  }
  return out;
}

export function editorBlocks(root: Element): PaperBlock[] {
  return nodesToBlocks(Array.from(root.childNodes));
}

/** What the clipboard holds, as blocks: its HTML if any (Word, a browser), else its text. */
export function clipboardBlocks(html: string, text: string, opts: { numberedParagraphs?: boolean } = {}): PaperBlock[] {
  let blocks: PaperBlock[] = [];
  if (html.trim()) blocks = nodesToBlocks(Array.from(new DOMParser().parseFromString(neutralise(html), 'text/html').body.childNodes));
  if (blocks.length === 0) blocks = textBlocks(text);
  return opts.numberedParagraphs ? blocks.map(withoutTypedNumber) : blocks;
}

/**
 * Where the template numbers paragraphs (the panel report), a number typed at the start
 * of a pasted paragraph ("7. In July 2019…") is the template's to give: it is dropped.
 */
function withoutTypedNumber(block: PaperBlock): PaperBlock {
  if (block.type !== 'paragraph') return block;
  const strip = (t: string) => t.replace(/^\s*\d{1,3}[.)]\s+/, '');
  if (typeof block.text === 'string') return { type: 'paragraph', text: strip(block.text) };
  const [first, ...rest] = block.text;
  if (first === undefined) return block;
  return { type: 'paragraph', text: [typeof first === 'string' ? strip(first) : { ...first, text: strip(first.text) }, ...rest] };
}

/** Plain text: a blank line or a new line starts a paragraph; "•", "-", "*" lines are bullets; "i)" and "1." lines numbered items. */
export function textBlocks(text: string): PaperBlock[] {
  const out: PaperBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^[•·\-*\u2013\uf0b7o]\s+(.*)$/.exec(line);
    const roman = /^\(?([ivx]+)\)\s+(.*)$/i.exec(line);
    const number = /^(\d+)[.)]\s+(.*)$/.exec(line);
    const last = out[out.length - 1];
    if (bullet) {
      if (last?.type === 'bullets') last.items.push(bullet[1]!);
      else out.push({ type: 'bullets', items: [bullet[1]!] });
    } else if (roman) {
      if (last?.type === 'numbered' && last.style === 'lower-roman') last.items.push(roman[2]!);
      else out.push({ type: 'numbered', style: 'lower-roman', items: [roman[2]!] });
    } else if (number && last?.type === 'numbered' && last.style !== 'lower-roman') {
      last.items.push(number[2]!);
    } else {
      out.push({ type: 'paragraph', text: line });
    }
  }
  return out;
}
