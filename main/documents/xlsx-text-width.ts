/**
 * How many lines a data sheet's wrapped text takes, measured with Arial's advance widths
 * rather than counted in characters. A data sheet's Normal font is Arial 11 (xlsx.ts,
 * normalFontArial), so a column `width` wide is about 8 px a unit in Excel and LibreOffice
 * alike; text is set in Arial 11 (14.67 px an em at 96 px an inch). Counting 1.2 characters a
 * unit clipped a capitalised decision ("RESOLVED that the Performance and Finance Group …")
 * and left a lower-case one a line too tall: each cost the register rows a page.
 */

/** Arial's advance widths in thousandths of an em (Helvetica's metrics, which Arial and Liberation Sans share). */
const REGULAR: Record<string, number> = {
  ' ': 278, '!': 278, '"': 355, '#': 556, $: 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333, '*': 389, '+': 584,
  ',': 278, '-': 333, '.': 278, '/': 278, ':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556, '@': 1015,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722,
  O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556,
  o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  '£': 556, '–': 556, '—': 1000, '’': 222, '‘': 222, '“': 333, '”': 333, '→': 1000, '…': 1000,
};
/** Arial Bold is wider: about a tenth on running text (its lower case 0.611 em against 0.556). */
const BOLD_FACTOR = 1.1;
const PX_PER_EM = (11 / 72) * 96;
/** Excel's pixels for a unit of column width in a workbook whose Normal font is Arial 11 (its digit, 0.556 em, is 8 px). */
const PX_PER_UNIT = 8;
/** The cell's own margins, and a little for rounding. */
const CELL_MARGIN_PX = 7;
/** A character outside the table: as wide as a capital. */
const OTHER = 722;

function advancePx(text: string, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += /[0-9]/.test(ch) ? 556 : (REGULAR[ch] ?? OTHER);
  // A twentieth for safety: hinting at 96 px an inch rounds each glyph, mostly up.
  return (units / 1000) * PX_PER_EM * (bold ? BOLD_FACTOR : 1) * 1.05;
}

/** Lines of `text` in a column `width` units wide (Arial 11), wrapped at spaces; a word longer than a line breaks where it must. */
export function arialLines(text: string, width: number, opts: { bold?: boolean } = {}): number {
  const bold = opts.bold === true;
  const room = Math.max(PX_PER_UNIT * 2, width * PX_PER_UNIT - CELL_MARGIN_PX);
  const space = advancePx(' ', bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = advancePx(word, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}
