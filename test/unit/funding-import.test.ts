import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../main/funding/contract';
import { guessMapping, kindOfText, monthOfText, previewImport, type ImportContext } from '../../main/funding/spend-import';
import { parseCsv } from '../../main/shared/csv';

describe('reading a finance export', () => {
  it('reads dates and months the ways finance systems write them', () => {
    expect(monthOfText('2019-10-15')).toBe('2019-10');
    expect(monthOfText('2019-10')).toBe('2019-10');
    expect(monthOfText('15/10/2019')).toBe('2019-10'); // UK order
    expect(monthOfText('5/1/2020')).toBe('2020-01');
    expect(monthOfText('10/2019')).toBe('2019-10');
    expect(monthOfText('Oct 2019')).toBe('2019-10');
    expect(monthOfText('October-19')).toBe('2019-10');
    for (const bad of ['31/02/2020', '2019-13', 'Octobre 2019', 'yesterday', '']) expect(monthOfText(bad), bad).toBeUndefined();
  });

  it('reads actual or forecast', () => {
    expect(kindOfText('Actual')).toBe('actual');
    expect(kindOfText('F')).toBe('forecast');
    expect(kindOfText('budget')).toBeUndefined();
  });

  it('parses CSV with quotes, commas inside quotes and CRLF', () => {
    expect(parseCsv('\ufeffDate,Cost centre,Amount\r\n2019-10-01,"VRU, staff","£1,000.50"\r\n"a ""quoted"" word",x,1\n', ',')).toEqual([
      ['Date', 'Cost centre', 'Amount'],
      ['2019-10-01', 'VRU, staff', '£1,000.50'],
      ['a "quoted" word', 'x', '1'],
    ]);
  });

  it('guesses the mapping from the headers', () => {
    expect(guessMapping(['Posting date', 'Cost Centre', 'Description', 'Net amount'])).toEqual({
      date: 'Posting date',
      target: 'Cost Centre',
      amount: 'Net amount',
      kind: '',
      defaultKind: 'actual',
    });
  });
});

describe('the import preview', () => {
  const existing = new Map([['line:1|2019-10|actual', 2_000_000]]);
  const ctx: ImportContext = {
    source: 'Oracle ledger',
    streamName: 'VRU grant',
    firstMonth: '2019-04',
    lastMonth: '2020-03',
    findTarget: (text) =>
      text === 'VRU01' ? { key: 'line:1', label: 'Staff' } : text === 'VRU02' ? { key: 'line:2', label: 'Media' } : { reason: `"${text}" is not a cost centre of the VRU grant` },
    existing: (key, month, kind) => existing.get(`${key}|${month}|${kind}`),
  };
  const mapping = { date: 'Date', target: 'Cost centre', amount: 'Amount', kind: '', defaultKind: 'actual' as const };
  const table = (rows: string[][]): ImportTable => ({ fileName: 'ledger.csv', sheetName: '', headers: ['Date', 'Cost centre', 'Amount'], rows });

  it('sums ledger lines per month and says what is new, changed, unchanged and rejected, and why', () => {
    const p = previewImport(
      table([
        ['01/10/2019', 'VRU01', '12,000'], // October staff: 12,000 + 8,000 = 20,000 = already recorded
        ['15/10/2019', 'VRU01', '8,000'],
        ['03/11/2019', 'VRU01', '£45,000'], // new
        ['20/12/2019', 'VRU02', '10000.00'], // new
        ['', '', ''], // blank line ignored
        ['31/12/2019', 'VRU99', '5'], // unknown cost centre
        ['15/04/2020', 'VRU01', '5'], // outside the stream's years
        ['Dec 2019', 'VRU02', 'abc'], // spoils December media
      ]),
      mapping,
      ctx,
    );
    expect(p.counts).toEqual({ new: 1, changed: 0, unchanged: 1, rejected: 3 });
    const by = (outcome: string) => p.rows.filter((r) => r.outcome === outcome);
    expect(by('unchanged')[0]).toMatchObject({ target: 'line:1', month: '2019-10', amountPence: 2_000_000, sourceRows: [2, 3] });
    expect(by('new')[0]).toMatchObject({ target: 'line:1', month: '2019-11', amountPence: 4_500_000, reason: '£45,000 from 1 row' });
    expect(by('rejected').map((r) => r.reason)).toEqual([
      'row 9: Amount "abc" is not an amount of money; write it like £35,000 or 1160000.00 (so the 2019-12 actual for Media is not imported)',
      '"VRU99" is not a cost centre of the VRU grant',
      "2020-04 is outside the VRU grant's years (2019-04 to 2020-03)",
    ]);
  });

  it('says changed with the old and new figures', () => {
    const p = previewImport(table([['2019-10-31', 'VRU01', '19,999.99']]), mapping, ctx);
    expect(p.rows[0]).toMatchObject({ outcome: 'changed', previousPence: 2_000_000, amountPence: 1_999_999, reason: '£20,000 → £19,999.99' });
  });
});
