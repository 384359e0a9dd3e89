import { describe, expect, it } from 'vitest';
import { parseClipboardBlock, placeBlock } from '../../renderer/src/funding/paste';

describe('a block pasted from a spreadsheet', () => {
  it('splits rows by line and cells by tab, as Excel copies them', () => {
    expect(parseClipboardBlock('120,000\t140,000.00\t£155,250.50\r\n8,000\t15,000\t9,800.25\r\n')).toEqual([
      ['120,000', '140,000.00', '£155,250.50'],
      ['8,000', '15,000', '9,800.25'],
    ]);
  });

  it('keeps empty cells in their place and reads quoted cells', () => {
    expect(parseClipboardBlock('\t2,400\t6,150\n"a ""big"" one\nover two lines"\t1')).toEqual([
      ['', '2,400', '6,150'],
      ['a "big" one\nover two lines', '1'],
    ]);
    expect(parseClipboardBlock('')).toEqual([]);
    expect(parseClipboardBlock('35000')).toEqual([['35000']]);
  });

  it('places the block from the focused cell and counts what falls off the grid', () => {
    const block = parseClipboardBlock('1\t2\t3\n4\t5\t6');
    expect(placeBlock(block, { row: 0, col: 10 }, 6, 12)).toEqual({
      cells: [
        { row: 0, col: 10, value: '1' },
        { row: 0, col: 11, value: '2' },
        { row: 1, col: 10, value: '4' },
        { row: 1, col: 11, value: '5' },
      ],
      outside: 2,
    });
  });
});
