import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';
import { vruLines } from './funding-fixture';

async function demoWithCostCentres() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const { stream, lineOf } = await vruLines(ws);
  await ws.call('budgetLine.update', { id: lineOf('Staff').id, costCentre: 'VRU-STF' });
  await ws.call('budgetLine.update', { id: lineOf('Media').id, costCentre: 'VRU-MED' });
  return { ws, stream, lineOf };
}

describe("importing a finance system's export", () => {
  it('reads a .csv, previews it, writes it in one go and remembers the mapping for the source', async () => {
    const { ws, stream, lineOf } = await demoWithCostCentres();
    const csv = [
      'Posted,Cost centre,Narrative,Value',
      '04/10/2019,VRU-STF,Salaries,"12,500.00"',
      '18/10/2019,VRU-STF,Salaries,7500',
      '22/11/2019,VRU-MED,Fearless campaign,£4000',
      '22/11/2019,VRU-XXX,Unknown,1',
      '',
    ].join('\r\n');
    const read = await ws.call('spend.importRead', { streamId: stream.id, source: 'Oracle GL', fileName: 'gl-oct-nov.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(read.remembered).toBe(false);
    expect(read.table.headers).toEqual(['Posted', 'Cost centre', 'Narrative', 'Value']);
    expect(read.table.rows).toHaveLength(4);
    // "Posted" is not a name the guess knows for a date; the person maps it.
    const mapping = { ...read.mapping, date: 'Posted' };
    expect(mapping).toMatchObject({ target: 'Cost centre', amount: 'Value' });

    const spendBefore = await ws.query('SELECT count(*) AS n FROM spend');
    const preview = await ws.call('spend.importPreview', { streamId: stream.id, source: 'Oracle GL', mapping, table: read.table });
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 1 });
    expect(preview.rows.find((r) => r.outcome === 'rejected')!.reason).toMatch(/"VRU-XXX" is not a cost centre, budget heading or project/);
    // A preview writes nothing.
    expect(await ws.query('SELECT count(*) AS n FROM spend')).toEqual(spendBefore);

    const done = await ws.call('spend.importCommit', { streamId: stream.id, source: 'Oracle GL', mapping, table: read.table });
    expect(done.counts.new).toBe(2);
    const grid = await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' });
    expect(grid.rows.find((r) => r.budgetLineId === lineOf('Staff').id)!.actual[6]).toBe(2_000_000);
    expect(grid.rows.find((r) => r.budgetLineId === lineOf('Media').id)!.actual[7]).toBe(400_000);
    expect(await ws.query(`SELECT DISTINCT source FROM spend WHERE source <> 'Illustrative figures of the demonstration workspace'`)).toEqual([{ source: 'import: Oracle GL' }]);

    // Next time, the same source brings its mapping back, and the same file changes nothing.
    const again = await ws.call('spend.importRead', { streamId: stream.id, source: 'Oracle GL', fileName: 'gl-oct-nov.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(again.remembered).toBe(true);
    expect(again.mapping.date).toBe('Posted');
    const repeat = await ws.call('spend.importPreview', { streamId: stream.id, source: 'Oracle GL', mapping: again.mapping, table: again.table });
    expect(repeat.counts).toEqual({ new: 0, changed: 0, unchanged: 2, rejected: 1 });
  });

  it('reads an .xlsx with real dates and numbers, and a forecast column', async () => {
    const { ws, stream, lineOf } = await demoWithCostCentres();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Exported from the ledger';
    const sheet = wb.addWorksheet('Transactions');
    sheet.addRow(['Date', 'Cost centre', 'Type', 'Amount']);
    sheet.addRow([new Date(Date.UTC(2020, 0, 31)), 'Staff', 'Actual', 83333.33]);
    sheet.addRow([new Date(Date.UTC(2020, 1, 29)), 'VRU-STF', 'Forecast', 0.1 + 0.2]); // a float from the ledger: £0.30
    sheet.addRow([new Date(Date.UTC(2020, 1, 29)), 'VRU-STF', 'Budget', 1]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await ws.call('spend.importRead', { streamId: stream.id, source: 'Ledger xlsx', fileName: 'ledger.xlsx', contentBase64: buffer.toString('base64') });
    expect(read.table.sheetName).toBe('Transactions');
    expect(read.table.rows[0]).toEqual(['2020-01-31', 'Staff', 'Actual', '83333.33']);
    expect(read.table.rows[1]![3]).toBe('0.30');
    expect(read.mapping).toMatchObject({ date: 'Date', target: 'Cost centre', amount: 'Amount', kind: 'Type' });
    const result = await ws.call('spend.importCommit', { streamId: stream.id, source: 'Ledger xlsx', mapping: read.mapping, table: read.table });
    expect(result.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 1 });
    expect(result.rows.find((r) => r.outcome === 'rejected')!.reason).toBe('Type "Budget" is neither actual nor forecast');
    const staff = (await ws.call('spend.grid', { streamId: stream.id, financialYear: '2019/20' })).rows.find((r) => r.budgetLineId === lineOf('Staff').id)!;
    expect(staff.actual[9]).toBe(8_333_333);
    expect(staff.forecast[10]).toBe(30);
  });

  it('refuses a mapping to a column the file does not have, a file that is not a spreadsheet, and a CSV with a quote left open', async () => {
    const { ws, stream } = await demoWithCostCentres();
    const table = { fileName: 'x.csv', sheetName: '', headers: ['Date', 'Amount'], rows: [['2019-10-01', '1']] };
    const bad = await ws.fails('spend.importPreview', { streamId: stream.id, source: 'x', mapping: { date: 'Date', target: 'Cost centre', amount: 'Amount' }, table });
    expect(bad).toMatchObject({ code: 'import.mapping', field: 'mapping' });
    expect(bad.message).toMatch(/Cost centre or budget line column: "Cost centre" is not a column of the file/);
    const pdf = await ws.fails('spend.importRead', { streamId: stream.id, source: 'x', fileName: 'report.pdf', contentBase64: 'JVBERi0=' });
    expect(pdf.code).toBe('import.fileType');
    const broken = await ws.fails('spend.importRead', { streamId: stream.id, source: 'x', fileName: 'broken.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(broken.code).toBe('import.unreadable');
    // A quote left open would swallow the rest of the file into one cell: refused, naming the line.
    const csv = 'Date,Cost centre,Amount\n2019-10-01,"VRU staff,100\n2019-11-01,VRU staff,200\n';
    const open = await ws.fails('spend.importRead', { streamId: stream.id, source: 'x', fileName: 'gl.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(open).toEqual({ code: 'import.badCsv', field: 'fileName', message: 'gl.csv could not be read as CSV: line 2 opens a quoted field that is never closed.' });
  });
});
