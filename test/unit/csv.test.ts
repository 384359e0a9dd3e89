import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from '../../main/shared/csv';

describe('CSV as Excel writes it', () => {
  it('splits plain fields and both kinds of line ending', () => {
    expect(parseCsv('Period,Value\r\n2019-04,31\n2019-05,29\n')).toEqual([['Period', 'Value'], ['2019-04', '31'], ['2019-05', '29']]);
  });

  it('keeps separators, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'Period,Value,Note\n2019-04,"1,234","Revised: ""final"" figure,\nper HES"\n';
    expect(parseCsv(text)).toEqual([['Period', 'Value', 'Note'], ['2019-04', '1,234', 'Revised: "final" figure,\nper HES']]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(parseCsv('a,,c\n,,\nx,y,z')).toEqual([['a', '', 'c'], ['', '', ''], ['x', 'y', 'z']]);
  });

  it('tells semicolons and tabs from commas by the first line', () => {
    expect(detectDelimiter('Period;Value;Note\n2019-04;1,5;x')).toBe(';');
    expect(detectDelimiter('Period\tValue\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(parseCsv('Period;Value\n2019-04;31')).toEqual([['Period', 'Value'], ['2019-04', '31']]);
  });

  it('drops a byte-order mark, and reads commas only when told to', () => {
    expect(parseCsv('\ufeffDate,Amount\n2019-10-01,1')).toEqual([['Date', 'Amount'], ['2019-10-01', '1']]);
    expect(parseCsv('Note;Amount\nsee below;1\n', ',')).toEqual([['Note;Amount'], ['see below;1']]);
  });

  it('says which line opens a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvError('line 2 opens a quoted field that is never closed'));
  });
});
