import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { readDocx } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';
import { enterVruSpend, VRU_EXPECTED } from './funding-fixture';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { actor: 'test', now: () => new Date('2020-04-15T10:00:00') });
  return { code, stdout, stderr };
}

describe('export return and export funding from the command line', () => {
  it('writes the Q3 return and the funding summary the app writes', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    await enterVruSpend(ws, 'Q3');
    await ws.store.close(); // the CLI opens the workspace itself

    const out = join(ws.dir, 'vru-q3.xlsx');
    const r = await cli('export', 'return', '--db', ws.path, '--stream', 'vru-2019', '--year', '2019/20', '--quarter', 'Q3', '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        `Wrote ${out}: VRU grant (Serious Violence Fund), 2019/20 Q3 (October–December 2019) (${r.stdout.match(/\((\d+) KB\)/)![1]} KB).`,
        'Actual this quarter £288,750; actual to date £288,750; forecast to year end £1,150,750; variance £9,250.',
        'No claim is recorded for Q3 yet.',
        '',
      ].join('\n'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const total = wb.getWorksheet('Spend by heading')!.getCell('D11').value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe('D8+D10'); // Total revenue + Total capital
    expect(Math.round((total.result as number) * 100)).toBe(VRU_EXPECTED.q3ActualPence);

    const docx = join(ws.dir, 'funding.docx');
    expect((await cli('export', 'funding', '--db', ws.path, '--year', '2019/20', '--format', 'docx', '--out', docx)).code).toBe(0);
    expect((await readDocx(docx)).document).toContain('Funding summary 2019/20');
    const xlsx = join(ws.dir, 'funding.xlsx');
    const x = await cli('export', 'funding', '--db', ws.path, '--year', '2019/20', '--format', 'xlsx', '--out', xlsx);
    expect(x.stdout).toMatch(/^Wrote .*funding\.xlsx: funding summary 2019\/20 \(\d+ KB\)\.\n$/);
  });

  it('names what is wrong: an unknown stream, a bad quarter or year, the workspace as output', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    await ws.store.close();
    // On PostgreSQL there is no workspace file to protect: a file named like one is refused the same.
    const workspaceFile = join(ws.dir, 'workspace.db');
    const out = join(ws.dir, 'r.xlsx');
    const unknown = await cli('export', 'return', '--db', ws.path, '--stream', 'NOPE', '--year', '2019/20', '--quarter', 'Q1', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no funding stream with the reference NOPE. The workspace has: EIYF, SURGE, VRF, VRU-2019.');
    const quarter = await cli('export', 'return', '--db', ws.path, '--stream', 'VRF', '--year', '2019/20', '--quarter', 'Q5', '--out', out);
    expect(quarter.code).toBe(2);
    expect(quarter.stderr).toContain('--quarter: "Q5" is not a quarter; write Q1, Q2, Q3 or Q4');
    const year = await cli('export', 'funding', '--db', ws.path, '--year', '2019-20', '--format', 'docx', '--out', join(ws.dir, 'f.docx'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year must be a financial year written like 2019/20, not "2019-20"');
    const self = await cli('export', 'return', '--db', ws.path, '--stream', 'VRF', '--year', '2019/20', '--quarter', 'Q1', '--out', workspaceFile);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('Out must be a file name ending in .xlsx, not workspace.db: an export never overwrites a workspace file');
    expect(existsSync(out)).toBe(false);
  });
});
