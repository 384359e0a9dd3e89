import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT_PT, rowHeightFor, wrappedLines } from '../../main/documents/xlsx';

describe('wrapped lines of a spreadsheet cell', () => {
  it('wraps the return’s longer headers in an 18-wide money column, and leaves the short ones on one line', () => {
    // 18 wide, bold: floor((18 − 1) × 1.05) = 17 characters a line.
    expect(wrappedLines('Variance (budget less forecast)', 18, { bold: true })).toBe(2); // "Variance (budget" / "less forecast)"
    expect(wrappedLines('Forecast to year end', 18, { bold: true })).toBe(2); // 20 characters
    expect(wrappedLines('Actual this quarter', 18, { bold: true })).toBe(2); // 19 characters
    expect(wrappedLines('Actual to date', 18, { bold: true })).toBe(1);
    expect(wrappedLines('Budget for the year', 20, { bold: true })).toBe(1); // 19 of 19
  });

  it('counts words, paragraphs, indents and words longer than a line', () => {
    // 44 wide, indent 1, regular: floor((44 − 1 − 2) × 1.2) = 49 a line.
    const project = 'Support for girls aged 11-16 at risk of sexual exploitation or coercive and controlling relationships';
    expect(wrappedLines(project, 44, { indent: 1 })).toBe(3); // 46 | 40 | 13
    expect(wrappedLines(project, 60)).toBe(2);
    expect(wrappedLines('one\ntwo', 40)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3); // 10 a line: 10 | 10 | 5
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('gives a row the height of its lines', () => {
    expect(rowHeightFor(1)).toBe(LINE_HEIGHT_PT + 2);
    expect(rowHeightFor(2)).toBe(31);
  });
});
