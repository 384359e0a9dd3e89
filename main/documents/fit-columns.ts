import type { Column } from './docx';
import { houseStyle as hs } from './house-style';

/**
 * Column widths weighted to the text: each column at least as wide as its longest token (a
 * reference, a date, an amount, a word), so none is ever split across lines, and what is
 * left shared by weight (the decision's or action's text most). Used by the registers (A4
 * landscape at the register size). A token is measured with Arial's character widths (in
 * ems, bold, rounded up) plus a twentieth for safety, and the register's cell margins (3.5 pt
 * each side) and borders: a flat 0.62 em a character, as the funding tables use, gave the
 * reference column an eighth of the page for "CSP-D-2025-009".
 */
export interface FitColumn extends Omit<Column, 'width'> {
  /** Share of the width left over once every column has its floor. */
  weight: number;
  /** Whole cells that must not wrap at all (an amount), not only their words. */
  whole?: boolean;
}

/** The width of the text on an A4 page less the house margins, in points. */
export function textWidthPt(landscape: boolean): number {
  const widthCm = (landscape ? 29.7 : 21) - hs.marginsCm.left - hs.marginsCm.right;
  return (widthCm / 2.54) * 72;
}

/** Arial Bold's advance widths, in ems, by class of character (rounded up). */
function charEm(ch: string): number {
  if (/[0-9£$#]/.test(ch)) return 0.556;
  if (/[.,:;'|!ijlI\u00a0 ]/.test(ch)) return 0.278;
  if (/[-\u2011()/ftr[\]]/.test(ch)) return 0.333;
  if (/[MW]/.test(ch)) return 0.944;
  if (/[mw]/.test(ch)) return 0.889;
  if (/[A-Z]/.test(ch)) return 0.722;
  if (/[a-z]/.test(ch)) return 0.611;
  return 0.722;
}

/** The printed width of a token in points, bold, at `sizePt`, with a twentieth for safety. */
export function tokenWidthPt(token: string, sizePt: number): number {
  let em = 0;
  for (const ch of token) em += charEm(ch);
  return em * sizePt * 1.05;
}

/** What a cell's margins and borders take of its width, in points: dataTable's margins (70 twips a side in a register, 100 otherwise) and a little for the borders. */
const CELL_PADDING_PT = { register: 8, body: 11 };

export function fitColumns(columns: readonly FitColumn[], cells: readonly (readonly string[])[], opts: { landscape: boolean; sizePt: number; register?: boolean }): Column[] {
  const padding = opts.register === false ? CELL_PADDING_PT.body : CELL_PADDING_PT.register;
  const total = textWidthPt(opts.landscape);
  const floors = columns.map((c, i) => {
    const texts = [c.header, ...cells.map((r) => r[i] ?? '')];
    const tokens = texts.flatMap((t, row) => (c.whole && row > 0 ? [t] : t.split(/[ \t\n\u2060]+/)));
    const widest = Math.max(1, ...tokens.map((t) => tokenWidthPt(t, opts.sizePt)));
    return ((widest + padding) / total) * 100;
  });
  const spare = Math.max(0, 100 - floors.reduce((a, b) => a + b, 0));
  const weights = columns.reduce((a, c) => a + c.weight, 0) || 1;
  return columns.map(({ weight, whole: _whole, ...c }, i) => ({ ...c, width: Math.floor((floors[i]! + (spare * weight) / weights) * 10) / 10 }));
}
