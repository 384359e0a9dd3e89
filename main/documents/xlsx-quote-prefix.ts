import JSZip from 'jszip';

/**
 * Excel's quote prefix on text that would otherwise read as a formula. exceljs writes such
 * text as a string cell, which opens as text; but Excel and LibreOffice treat a string cell
 * that starts with = + - @ as a formula the moment someone edits it (F2, Enter), and some
 * importers do at once. Excel's own answer is the quotePrefix flag on the cell's style (the
 * ' it shows in the formula bar), which exceljs 4 can neither write nor keep. So the written
 * package is post-processed here: every text cell that starts with = + - @, a tab or a
 * carriage return (after any leading spaces, which a spreadsheet may trim on the way in)
 * gets a copy of its style with quotePrefix="1" in xl/styles.xml. Carriage returns in text
 * are written as &#13; so that they survive being read back.
 */

const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

export function needsQuotePrefix(text: string): boolean {
  return FORMULA_START.test(text);
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text as the string it stands for, with exceljs's _xHHHH_ escapes of control characters. */
function xmlText(xml: string): string {
  return xml
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m),
    )
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of an <si> or <is> element: its <t> runs joined (rich text has several). */
function runsText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += m[1]!;
  return xmlText(text);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!));
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** Rewrites the package's sheets and styles; returns the buffer unchanged when no cell needs it. */
export async function addQuotePrefixes(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const strings = sharedStrings(await zip.file('xl/sharedStrings.xml')?.async('string'));
  const stylesFile = zip.file('xl/styles.xml');
  if (!stylesFile) return buffer;
  let styles = await stylesFile.async('string');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!cellXfs) return buffer;
  const xfs = [...cellXfs[1]!.matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  const original = xfs.length;
  /** Style index → the index of its copy with the quote prefix. */
  const prefixed = new Map<number, number>();
  const prefixedStyle = (s: number): number => {
    let to = prefixed.get(s);
    if (to === undefined) {
      const xf = xfs[s] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      if (/\squotePrefix="(1|true)"/.test(xf)) to = s;
      else {
        to = xfs.length;
        xfs.push(xf.replace(/^<xf\b/, '<xf quotePrefix="1"'));
      }
      prefixed.set(s, to);
    }
    return to;
  };

  let changed = false;
  // A carriage return written as itself is read back as a line feed (XML normalises line
  // ends), so "\rtext" would come back as "\ntext": written as a character reference it stays.
  const sst = zip.file('xl/sharedStrings.xml');
  if (sst) {
    const xml = await sst.async('string');
    if (xml.includes('\r')) {
      zip.file('xl/sharedStrings.xml', xml.replace(/\r/g, '&#13;'));
      changed = true;
    }
  }
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const sheet = await zip.file(name)!.async('string');
    let sheetChanged = false;
    const out = sheet.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, body: string | undefined) => {
      const type = attr(attrs, 't');
      let text: string | undefined;
      if (type === 's') text = strings[Number(/<v>(\d+)<\/v>/.exec(body ?? '')?.[1])];
      else if (type === 'inlineStr') text = runsText(body ?? '');
      if (text === undefined || !needsQuotePrefix(text)) return whole;
      const s = Number(attr(attrs, 's') ?? 0);
      const to = prefixedStyle(s);
      if (to === s) return whole;
      sheetChanged = true;
      const newAttrs = attr(attrs, 's') === undefined ? `${attrs} s="${to}"` : attrs.replace(/\ss="\d+"/, ` s="${to}"`);
      return whole.replace(attrs, newAttrs);
    });
    if (sheetChanged) {
      zip.file(name, out);
      changed = true;
    }
  }
  if (!changed) return buffer;
  if (xfs.length !== original) {
    const body = xfs.join('');
    styles = styles.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, `<cellXfs count="${xfs.length}">${body}</cellXfs>`);
    zip.file('xl/styles.xml', styles);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
