import { describe, expect, it } from 'vitest';
import { houseStyle } from '../../main/documents/house-style';

/** WCAG 2 relative luminance of a hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE L*a*b* (D65) of a hex colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

describe('RAG fills in the Word exports', () => {
  const fills = houseStyle.colours.ragFill;
  const text = houseStyle.colours.text;

  it('the helpers agree with values worked by hand', () => {
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('1D70B8', 'FBE3DF')).toBeCloseTo(4.22, 2); // the overdue-row link of issue 15
    expect(deltaE('FFFFFF', '000000')).toBeCloseTo(100, 1);
    // The fills this replaced: red F2C2BB beside amber FCD6C3 were 9.2 apart — hard to tell.
    expect(deltaE('F2C2BB', 'FCD6C3')).toBeLessThan(10);
  });

  it('black text on every fill has at least 7:1 contrast (WCAG AAA)', () => {
    for (const [status, fill] of Object.entries(fills)) expect(contrast(text, fill), status).toBeGreaterThanOrEqual(7);
  });

  it('every two fills are clearly different colours (CIE76 difference of 20 or more)', () => {
    const entries = Object.entries(fills);
    for (const [i, [a, fa]] of entries.entries()) {
      for (const [b, fb] of entries.slice(i + 1)) expect(deltaE(fa, fb), `${a} and ${b}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('red and amber also differ in lightness, so a greyscale print keeps them apart', () => {
    expect(contrast(fills.red, fills.amber)).toBeGreaterThanOrEqual(1.5);
  });
});
