import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { tempWorkspace } from '../helpers/workspace';
import { strategicBoard } from './meetings-fixture';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { actor: 'test', now: () => new Date('2020-03-02T10:00:00') });
  return { code, stdout, stderr };
}

describe('export agenda, minutes and action-log from the command line', () => {
  it('writes the documents the app writes', async () => {
    const ws = await tempWorkspace();
    const { board, people } = await strategicBoard(ws);
    const d = await ws.call('meeting.create', { boardId: board.id, startsAt: '2020-03-10T14:00' });
    await ws.call('action.create', { meetingId: d.meeting.id, description: 'Circulate the Problem Profile', ownerPersonId: people.vruManager, dueOn: '2020-03-20' });
    await ws.store.close(); // the CLI opens the workspace itself

    const agenda = join(ws.dir, 'agenda.docx');
    const a = await cli('export', 'agenda', '--db', ws.path, '--meeting', String(d.meeting.id), '--out', agenda);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toMatch(/^Wrote .*agenda\.docx: agenda of 5 items \(\d+ KB\)\.\n$/);
    const xml = await (await JSZip.loadAsync(readFileSync(agenda))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Welcome, introductions and apologies');

    const minutes = join(ws.dir, 'minutes.docx');
    expect((await cli('export', 'minutes', '--db', ws.path, '--meeting', String(d.meeting.id), '--out', minutes)).code).toBe(0);
    expect(existsSync(minutes)).toBe(true);

    const log = join(ws.dir, 'log.xlsx');
    const l = await cli('export', 'action-log', '--db', ws.path, '--meeting', String(d.meeting.id), '--format', 'xlsx', '--out', log);
    expect(l.stdout).toMatch(/: 1 action \(/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(log);
    expect(wb.getWorksheet('Action log')!.getCell('D3').value).toBe('Circulate the Problem Profile');
    expect((await cli('export', 'action-log', '--db', ws.path, '--out', join(ws.dir, 'log.docx'))).code).toBe(0);
  });

  it('names what is wrong: a missing meeting, a bad id, the workspace as output', async () => {
    const ws = await tempWorkspace();
    await strategicBoard(ws);
    await ws.store.close();
    const missing = await cli('export', 'agenda', '--db', ws.path, '--meeting', '99', '--out', join(ws.dir, 'a.docx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No meeting with id 99 exists');
    const bad = await cli('export', 'minutes', '--db', ws.path, '--meeting', 'ten', '--out', join(ws.dir, 'a.docx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--meeting must be a meeting number such as 12, not "ten"');
    // A PostgreSQL workspace has no file: the name of one stands in (the refusal goes by the name).
    const workspaceFile = ws.engine === 'sqlite' ? ws.path : join(ws.dir, 'workspace.db');
    const self = await cli('export', 'agenda', '--db', ws.path, '--meeting', '1', '--out', workspaceFile);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('an export never overwrites a workspace file');
    const wrongExt = await cli('export', 'agenda', '--db', ws.path, '--meeting', '1', '--out', join(ws.dir, 'a.pdf'));
    expect(wrongExt.code).toBe(1);
    expect(wrongExt.stderr).toContain('Out must be a file name ending in .docx');
    const format = await cli('export', 'action-log', '--db', ws.path, '--format', 'pdf', '--out', join(ws.dir, 'a.pdf'));
    expect(format.code).toBe(2);
  });
});
