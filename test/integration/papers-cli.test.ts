import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { headings, readDocx, tables } from '../helpers/documents';
import { pdfPageCount, pdfPages } from '../helpers/pdf-read';
import { tempWorkspace } from '../helpers/workspace';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { actor: 'test', now: () => new Date('2020-03-16T10:00:00') });
  return { code, stdout, stderr };
}

async function demoFile() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const { id } = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/04', title: 'Unfinished', agendaItemId: 15 });
  await ws.call('paper.updateSection', { paperId: id, key: 'introduction', body: [{ type: 'paragraph', text: 'Only the introduction so far.' }] });
  await ws.store.close(); // the command line opens the workspace itself
  return ws;
}

describe('export paper, agenda-pack and decisions from the command line', () => {
  it('writes a paper by its reference, and a paper with a section missing only when told to', async () => {
    const ws = await demoFile();
    const out = join(ws.dir, 'paper.docx');
    const run = await cli('export', 'paper', '--db', ws.path, '--paper', 'SB/2020/03', '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Wrote .*paper\.docx \(\d+ KB\)\.\n$/);
    expect(headings((await readDocx(out)).document).map((h) => h.text)).toContain('Decision Required');

    const draft = join(ws.dir, 'draft.docx');
    const refused = await cli('export', 'paper', '--db', ws.path, '--paper', 'SB/2020/04', '--out', draft);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('warning: SB/2020/04 has no Essential Background, Timescales and costs, Decision Required and Recommendation, which the template requires.');
    expect(refused.stderr).toContain('Add --acknowledge-warnings');
    expect(existsSync(draft)).toBe(false);
    expect((await cli('export', 'paper', '--db', ws.path, '--paper', 'SB/2020/04', '--acknowledge-warnings', '--out', draft)).code).toBe(0);
    expect(existsSync(draft)).toBe(true);

    const missing = await cli('export', 'paper', '--db', ws.path, '--paper', 'XX/9', '--out', draft);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: No paper has the reference XX/9.\n' });
    // The workspace's own file on SQLite; on PostgreSQL a file by that name is refused all the same.
    const workspaceFile = ws.engine === 'sqlite' ? ws.path : join(ws.dir, 'workspace.db');
    const overwrite = await cli('export', 'paper', '--db', ws.path, '--paper', 'SB/2020/03', '--out', workspaceFile);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('an export never overwrites a workspace file');
  });

  it('writes the agenda pack of a meeting, and its public version, as Word or PDF', async () => {
    const ws = await demoFile();
    const out = join(ws.dir, 'pack.docx');
    const run = await cli('export', 'agenda-pack', '--db', ws.path, '--meeting', '3', '--public', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*pack\.docx: 2 papers, \d+ pages, not yet issued \(\d+ KB\)\.\n$/);
    expect(run.stderr).toContain('warning: SB/2020/04 is still a draft.');
    expect(headings((await readDocx(out)).document).filter((h) => h.level === 'Heading1').map((h) => h.text)).toEqual([
      'Membership', 'Agenda', 'Item 4: Kent Violence Reduction Unit – update (SB/2020/03)', 'Item 4: Unfinished (SB/2020/04)', 'Register of interests',
    ]);
    const pdf = join(ws.dir, 'pack.pdf');
    const asPdf = await cli('export', 'agenda-pack', '--db', ws.path, '--meeting', '3', '--format', 'pdf', '--out', pdf);
    expect(asPdf.code).toBe(0);
    const pages = Number(/, (\d+) pages,/.exec(asPdf.stdout)?.[1]);
    expect(pdfPageCount(pdf)).toBe(pages);
    expect(pdfPages(pdf).join('\n')).toContain('Item 4: Kent Violence Reduction Unit – update');
    // The format and the file name must agree; a meeting is a number.
    const mismatch = await cli('export', 'agenda-pack', '--db', ws.path, '--meeting', '3', '--format', 'pdf', '--out', out);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--out must end in .pdf for --format pdf');
    expect((await cli('export', 'agenda-pack', '--db', ws.path, '--meeting', 'March', '--out', out)).code).toBe(2);
  });

  it('writes the decisions log as Word or Excel', async () => {
    const ws = await demoFile();
    const docx = join(ws.dir, 'decisions.docx');
    const a = await cli('export', 'decisions', '--db', ws.path, '--format', 'docx', '--board', 'SB', '--out', docx);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toMatch(/^Wrote .*decisions\.docx: 2 decisions \(\d+ KB\)\.\n$/);
    expect(tables((await readDocx(docx)).document)[0]!.map((r) => r.cells[0]!.split(' ')[0])).toEqual(['Reference', 'SB-D-2020-002', 'SB-D-2020-001']);
    const xlsx = join(ws.dir, 'decisions.xlsx');
    expect((await cli('export', 'decisions', '--db', ws.path, '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('Decisions')!.getCell('A5').value).toBe('PCC-D-2019-001');
    expect((await cli('export', 'decisions', '--db', ws.path, '--format', 'pdf', '--out', xlsx)).code).toBe(2);
  });

  it('writes the PCC decision notice by the decision’s reference, naming the gaps first', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const out = join(ws.dir, 'PCC-D-2019-001 notice.docx');
    // The demo's notice is complete (its Record of Decision paper and date): written at once.
    const complete = await cli('export', 'decision-notice', '--db', ws.path, '--decision', 'pcc-d-2019-001', '--out', out);
    expect(complete).toMatchObject({ code: 0, stderr: '' });
    expect((await readDocx(out)).document).not.toContain('To be completed');
    rmSync(out);
    // Without its paper the log cannot fill the options or the recommendation.
    const [pcc] = await ws.query<{ id: number; version: number }>("SELECT id, version FROM decision WHERE reference = 'PCC-D-2019-001'");
    await ws.call('decision.update', { id: pcc!.id, version: pcc!.version, paperId: null });
    await ws.store.close();
    const first = await cli('export', 'decision-notice', '--db', ws.path, '--decision', 'pcc-d-2019-001', '--out', out);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`warning: The notice's "Options considered" is not in the decisions log; it is marked "To be completed."`);
    expect(first.stderr).toContain('Nothing was written. Add --acknowledge-warnings');
    expect(existsSync(out)).toBe(false);
    const written = await cli('export', 'decision-notice', '--db', ws.path, '--decision', 'PCC-D-2019-001', '--out', out, '--acknowledge-warnings');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^Wrote .*PCC-D-2019-001 notice\.docx \(\d+ KB\)\.\n$/);
    expect(headings((await readDocx(out)).document)[0]).toEqual({ level: 'Title', text: 'Record of Decision: Violence Reduction Fund established: £1m over three years' });
    const unknown = await cli('export', 'decision-notice', '--db', ws.path, '--decision', 'PCC-D-2031-999', '--out', out);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('No decision has the reference PCC-D-2031-999.');
    const board = await cli('export', 'decision-notice', '--db', ws.path, '--decision', 'SB-D-2020-001', '--out', out, '--acknowledge-warnings');
    expect(board.code).toBe(1);
    expect(board.stderr).toContain('a decision notice records a decision the Commissioner took alone');
  });
});
