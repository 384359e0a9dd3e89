import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { smallFramework } from './performance-fixture';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function xlsx(rows: (string | number | Date | null)[][], opts: { percentColumn?: number } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Admissions');
  rows.forEach((r) => ws.addRow(r));
  if (opts.percentColumn) ws.getColumn(opts.percentColumn).numFmt = '0.0%';
  return b64(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('importing values from a spreadsheet', () => {
  it('previews each row of a CSV — new, changed, unchanged, rejected and why — before writing anything', async () => {
    const ws = await tempWorkspace();
    const { admissions, referrals, nhs } = await smallFramework(ws);
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 31, receivedOn: '2019-06-01' });
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-05', value: 29, receivedOn: '2019-07-01' });
    const csv = [
      'Indicator code,Month,Value,Status,Comment',
      'HO-1,Apr 2019,31,provisional,', // unchanged
      'HO-1,2019-05,30,final,"Revised by NHS, June"', // changed
      'HO-1,2019-06,"1,002",,', // new
      'HO-1,2019-07,n/a,,', // not a number
      'LOC-2,2019-07,45,,', // wrong frequency for a quarterly indicator
      'LOC-2,2019/20 Q1,101,,', // percentage above 100
      'HO-9,2019-08,3,,', // unknown indicator
      'HO-1,2019-09,12,,',
      'HO-1,Sep 2019,13,,', // duplicate period in the file
      ',,,,',
      'HO-1,2019-10,14,maybe,',
    ].join('\r\n');
    const preview = await ws.call('indicatorValue.importPreview', { fileName: 'values.csv', contentBase64: b64(csv) });
    expect(preview.headers).toEqual(['Indicator code', 'Month', 'Value', 'Status', 'Comment']);
    expect(preview.mapping).toEqual({ indicator: 0, period: 1, value: 2, status: 3, note: 4 });
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.fate, r.reason])).toEqual([
      [2, 'unchanged', 'the same as the value already recorded'],
      [3, 'changed', 'was 29 (provisional, received 01/07/2019)'],
      [4, 'new', ''],
      [5, 'rejected', 'Value "n/a" is not a number'],
      [6, 'rejected', 'Period 2019-07 is a month, but this indicator is reported quarterly: write it like 2019/20 Q1'],
      [7, 'rejected', 'Value 101% is above 100; a percentage must be between 0 and 100'],
      [8, 'rejected', 'No indicator has the code "HO-9"'],
      [9, 'rejected', 'HO-1 September 2019 appears more than once in the file (rows 9, 10); keep one'],
      [10, 'rejected', 'HO-1 September 2019 appears more than once in the file (rows 9, 10); keep one'],
      [12, 'rejected', 'Status "maybe" must be provisional or final'],
    ]);
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, rejected: 7 });
    expect(await ws.query('SELECT count(*) AS n FROM indicator_value')).toEqual([{ n: 2 }]);

    const result = await ws.call('indicatorValue.importApply', { rows: preview.rows, indicatorId: null, suppliedByOrganisationId: nhs.id, receivedOn: '2020-03-01', expect: { new: 1, changed: 1 } });
    expect(result.counts).toEqual(preview.counts);
    const values = await ws.call('indicatorValue.list', { indicatorId: admissions.id });
    expect(values.map((v) => [v.period, v.value, v.status, v.note, v.revisions.length])).toEqual([
      ['2019-04', 31, 'provisional', '', 0],
      ['2019-05', 30, 'final', 'Revised by NHS, June', 1],
      ['2019-06', 1002, 'provisional', '', 0],
    ]);
    expect(values[2]!.suppliedByOrganisationName).toBe('NHS Kent and Medway');
    expect(await ws.call('indicatorValue.list', { indicatorId: referrals.id })).toEqual([]);
  });

  it('refuses to import when the workspace changed since the preview', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    const preview = await ws.call('indicatorValue.importPreview', { fileName: 'v.csv', contentBase64: b64('Period,Value\n2019-04,31\n'), indicatorId: admissions.id });
    expect(preview.counts.new).toBe(1);
    await ws.call('indicatorValue.record', { indicatorId: admissions.id, period: '2019-04', value: 40 });
    const err = await ws.fails('indicatorValue.importApply', { rows: preview.rows, indicatorId: admissions.id, expect: { new: 1, changed: 0 } });
    expect(err.code).toBe('import.changedSincePreview');
    expect((await ws.call('indicatorValue.list', { indicatorId: admissions.id }))[0]!.value).toBe(40);
  });

  it('reads .xlsx: dates as months, numbers as numbers, % cells as percentages, with a chosen indicator and mapping', async () => {
    const ws = await tempWorkspace();
    const { admissions, referrals } = await smallFramework(ws);
    const file = await xlsx([
      ['Hospital admissions, under 25s'],
      [],
      ['Month', 'Admissions'],
      [new Date(Date.UTC(2019, 3, 1)), 31],
      [new Date(Date.UTC(2019, 4, 1)), 29],
      ['June 2019', 'thirty'],
    ]);
    // The first non-empty row is the title, so the user maps the columns by hand.
    const first = await ws.call('indicatorValue.importPreview', { fileName: 'admissions.xlsx', contentBase64: file, indicatorId: admissions.id });
    expect(first.headers).toEqual(['Hospital admissions, under 25s', 'Column B']);
    expect(first.mappingProblems).toEqual(['Choose the column that holds the period', 'Choose the column that holds the value']);
    expect(first.rows).toEqual([]);
    const mapped = await ws.call('indicatorValue.importPreview', {
      fileName: 'admissions.xlsx', contentBase64: file, indicatorId: admissions.id,
      mapping: { period: 0, value: 1, indicator: null, status: null, note: null },
    });
    expect(mapped.rows.map((r) => [r.row, r.periodKey, r.number, r.fate])).toEqual([
      [3, null, null, 'rejected'], // the header row, read as data: "Month" is not a period
      [4, '2019-04', 31, 'new'],
      [5, '2019-05', 29, 'new'],
      [6, '2019-06', null, 'rejected'],
    ]);
    expect(mapped.rows[3]!.reason).toBe('Value "thirty" is not a number');

    const pct = await xlsx([['Quarter', 'Engaged (%)'], ['2019/20 Q1', 0.455]], { percentColumn: 2 });
    const p = await ws.call('indicatorValue.importPreview', { fileName: 'engaged.xlsx', contentBase64: pct, indicatorId: referrals.id });
    expect(p.rows.map((r) => [r.periodKey, r.number, r.fate])).toEqual([['2019/20 Q1', 45.5, 'new']]);
  });

  it('tells the user plainly when the file is not a spreadsheet', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    const fail = (fileName: string, content: Buffer) => ws.fails('indicatorValue.importPreview', { fileName, contentBase64: b64(content), indicatorId: admissions.id });
    expect(await fail('report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatchObject({
      code: 'import.notSpreadsheet',
      field: 'file',
      message: 'report.pdf is a PDF, not a spreadsheet. Import an Excel workbook (.xlsx) or a CSV file (.csv).',
    });
    expect((await fail('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).message).toBe(
      'photo.png is not a spreadsheet (it is not text, nor an Excel workbook). Import an Excel workbook (.xlsx) or a CSV file (.csv).',
    );
    expect((await fail('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toMatch(/old Excel 97–2003 format/);
    expect((await fail('fake.xlsx', Buffer.from('Period,Value\n'))).message).toMatch(/^fake.xlsx is named like an Excel workbook but is not one/);
    expect((await fail('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).message).toMatch(/^broken.xlsx is a zip archive but not an Excel workbook/);
    expect((await fail('empty.csv', Buffer.alloc(0))).message).toMatch(/^empty.csv is empty/);
  });

  it('reads a CSV saved by Excel on a UK PC (Windows-1252, semicolons or tabs)', async () => {
    const ws = await tempWorkspace();
    const { admissions } = await smallFramework(ws);
    const cp1252 = Buffer.from('Period;Value;Note\r\n2019-04;31;cost \xa3250\r\n', 'latin1');
    const p = await ws.call('indicatorValue.importPreview', { fileName: 'uk.csv', contentBase64: b64(cp1252), indicatorId: admissions.id });
    expect(p.rows.map((r) => [r.periodKey, r.number, r.note, r.fate])).toEqual([['2019-04', 31, 'cost £250', 'new']]);
  });
});
