import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../main/documents/xlsx';

describe('sheet column letters', () => {
  it('run A to Z, then AA, AZ, BA … and on to three letters', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
