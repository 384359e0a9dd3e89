import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Reading a PDF back the way a reader meets it: its pages' text (poppler's pdftotext), its
 * document information (pdfinfo), its fonts (pdffonts), and its outline (bookmarks), read
 * from the file's own objects — poppler's command-line tools do not print outlines, and
 * the files written here (pdfkit, under pdfmake) keep their outline dictionaries as plain
 * objects, outside compressed streams.
 */

export function pdfPageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
}

export function pdfInfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Each page's text (pdftotext -layout, one page at a time), page 1 first. */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  // pdftotext ends each page with a form feed.
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/** The fonts of the PDF as pdffonts lists them: name and whether it is embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type [encoding…] emb sub uni object ID: emb is the fifth column from the end.
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
  });
}

type Objects = Map<number, string>;

function objects(raw: string): Objects {
  const out: Objects = new Map();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) out.set(Number(m[1]), m[2]!);
  return out;
}

/** A PDF literal string's bytes (escapes undone) as text: UTF-16BE with its byte-order mark, or single bytes. */
function literal(body: string): string {
  let bytes = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes += c;
      continue;
    }
    const n = body[++i]!;
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    if (map[n] !== undefined) bytes += map[n];
    else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      bytes += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    }
  }
  if (bytes.startsWith('\u00fe\u00ff')) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return s;
  }
  return bytes;
}

/** The string value of `/Key (…)` in a dictionary, balanced parentheses and escapes included. */
function stringValue(dict: string, key: string): string | null {
  const at = dict.indexOf(`/${key} (`);
  if (at < 0) return null;
  let depth = 0;
  const start = at + key.length + 3;
  for (let i = start; i < dict.length; i++) {
    const c = dict[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) return literal(dict.slice(start, i));
      depth--;
    }
  }
  return null;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

export interface OutlineEntry {
  title: string;
  /** The page it opens at, 1 first. */
  page: number;
  children: OutlineEntry[];
}

/** The document's outline (bookmarks), in order, with the page each entry opens. */
export function pdfOutline(pdf: string): OutlineEntry[] {
  const raw = readFileSync(pdf).toString('latin1');
  const objs = objects(raw);
  const catalog = [...objs.values()].find((o) => /\/Type \/Catalog/.test(o))!;
  const pagesRoot = objs.get(ref(catalog, 'Pages')!)!;
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(pagesRoot)![1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pageOf = (dict: string) => {
    const dest = /\/Dest \[(\d+) 0 R/.exec(dict);
    return dest ? kids.indexOf(Number(dest[1])) + 1 : 0;
  };
  const walk = (first: number | null): OutlineEntry[] => {
    const out: OutlineEntry[] = [];
    for (let id = first; id !== null; ) {
      const dict = objs.get(id)!;
      out.push({ title: stringValue(dict, 'Title') ?? '', page: pageOf(dict), children: walk(ref(dict, 'First')) });
      id = ref(dict, 'Next');
    }
    return out;
  };
  const outlines = ref(catalog, 'Outlines');
  return outlines === null ? [] : walk(ref(objs.get(outlines)!, 'First'));
}

/** The catalog's language (/Lang) and whether viewers are told to show the title (DisplayDocTitle). */
export function pdfCatalog(pdf: string): { lang: string | null; displayDocTitle: boolean; marked: boolean } {
  const raw = readFileSync(pdf).toString('latin1');
  const catalog = [...objects(raw).values()].find((o) => /\/Type \/Catalog/.test(o))!;
  const prefsRef = ref(catalog, 'ViewerPreferences');
  const prefs = prefsRef !== null ? objects(raw).get(prefsRef)! : catalog;
  return { lang: stringValue(catalog, 'Lang'), displayDocTitle: /\/DisplayDocTitle true/.test(prefs), marked: /\/Marked true/.test(raw) };
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
