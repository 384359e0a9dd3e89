import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { readDocx, tables } from '../helpers/documents';
import { generatedWorkspace } from '../helpers/generated-workspace';
import type { TestWorkspace } from '../helpers/workspace';

/** Two years of the synthetic workspace (bench/generate.ts) at a tenth of its size: every board, status and date. */
const workspace = () => generatedWorkspace({ years: 2, scale: 0.1, auditTrail: false }, () => new Date('2025-03-31T09:00:00'));

/**
 * The registers' exports filtered as a clerk prints them for a pack: one board, a year, a
 * status, open only (issue 11, point 2). Each file is read back and every row checked
 * against the workspace's own rows; a bad filter is refused naming its field, writing nothing.
 */

async function sheetRows(file: string, sheetName: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(sheetName)!;
  const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] instanceof Date ? (values[i] as Date).toISOString().slice(0, 10) : values[i]])));
  }
  return rows;
}

interface DecisionRow {
  reference: string;
  board_id: number | null;
  status: string;
  filed_on: string | null;
}

async function decisionRows(ws: TestWorkspace): Promise<DecisionRow[]> {
  return ws.query<DecisionRow>(
    `SELECT d.reference, d.board_id, d.status, coalesce(d.decided_on, substr(m.starts_at, 1, 10)) AS filed_on
     FROM decision d LEFT JOIN meeting m ON m.id = d.meeting_id`,
  );
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { actor: 'test', now: () => new Date('2020-03-02T10:00:00') });
  return { code, stdout, stderr };
}

describe('the decisions log exported for one board, a date range, a status or open only', () => {
  it('holds exactly the decisions the filter keeps, in Word and Excel, and says which', async () => {
    const ws = await workspace();
    const all = await decisionRows(ws);
    const board = (await ws.call('board.list')).find((b) => b.code === 'SB')!;
    const [from, to] = ['2024-04-01', '2024-09-30'];
    const inRange = (d: DecisionRow) => d.filed_on !== null && d.filed_on >= from && d.filed_on <= to;

    // One board, agreed, in a date range.
    const xlsx = join(ws.dir, 'agreed.xlsx');
    const r = await ws.call('decision.exportLog', { boardId: board.id, status: 'agreed', from, to, format: 'xlsx', out: xlsx });
    const want = all.filter((d) => d.board_id === board.id && d.status === 'agreed' && inRange(d)).map((d) => d.reference).sort();
    expect(want.length).toBeGreaterThan(1);
    expect(all.length).toBeGreaterThan(want.length);
    const rows = await sheetRows(xlsx, 'Decisions');
    expect(rows.map((row) => row.Reference).sort()).toEqual(want);
    expect(r.rows).toBe(want.length);
    for (const row of rows) expect(row.Status).toBe('Agreed');

    // Open only: proposed or deferred, of any board; the Word log says so under its title.
    const docx = join(ws.dir, 'open.docx');
    await ws.call('decision.exportLog', { openOnly: true, format: 'docx', out: docx });
    const open = all.filter((d) => d.status === 'proposed' || d.status === 'deferred').map((d) => d.reference).sort();
    expect(open.length).toBeGreaterThan(0);
    const xml = (await readDocx(docx)).document;
    const body = tables(xml)[0]!.filter((row) => !row.header);
    expect(body.map((row) => row.cells[0]!.split(' ')[0]).sort()).toEqual(open);
    expect(xml).toContain('open only (proposed or deferred)');

    const dated = join(ws.dir, 'dated.docx');
    await ws.call('decision.exportLog', { from, to, format: 'docx', out: dated });
    expect((await readDocx(dated)).document).toContain('decided from 1 April 2024 to 30 September 2024');
  });

  it('refuses a From date after the To date, naming the field, and writes nothing', async () => {
    const ws = await workspace();
    const out = join(ws.dir, 'log.docx');
    const e = await ws.fails('decision.exportLog', { from: '2020-04-01', to: '2020-03-31', format: 'docx', out });
    expect(e).toMatchObject({ code: 'validation', field: 'to' });
    expect(e.message).toContain('To (31 March 2020) is before From (1 April 2020)');
    expect(existsSync(out)).toBe(false);

    const both = await ws.fails('decision.exportLog', { openOnly: true, status: 'rejected', format: 'docx', out });
    expect(both).toMatchObject({ code: 'validation', field: 'openOnly' });
    expect((await ws.fails('decision.exportLog', { from: '31/03/2020', format: 'docx', out })).field).toBe('from');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the action log exported for one board, a date range, a status or open only', () => {
  it('holds exactly the actions the filter keeps', async () => {
    const ws = await workspace();
    const all = await ws.query<{ id: number; board_id: number; status: string; agreed_on: string }>(
      `SELECT ac.id, ac.board_id, ac.status, coalesce(substr(m.starts_at, 1, 10), substr(ac.created_at, 1, 10)) AS agreed_on
       FROM action ac LEFT JOIN meeting m ON m.id = ac.meeting_id`,
    );
    const board = (await ws.call('board.list')).find((b) => b.code === 'SB')!;
    const [from, to] = ['2024-04-01', '2024-12-31'];

    const out = join(ws.dir, 'actions.xlsx');
    const r = await ws.call('action.exportLog', { boardId: board.id, from, to, openOnly: true, format: 'xlsx', out });
    const want = all.filter((a) => a.board_id === board.id && a.agreed_on >= from && a.agreed_on <= to && (a.status === 'open' || a.status === 'in_progress')).map((a) => `A${a.id}`).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(all.filter((a) => a.board_id === board.id).length).toBeGreaterThan(want.length);
    const rows = await sheetRows(out, 'Action log');
    expect(rows.map((row) => row.Ref).sort()).toEqual(want);
    expect(r.rows).toBe(want.length);

    const done = join(ws.dir, 'done.docx');
    await ws.call('action.exportLog', { statuses: ['done'], format: 'docx', out: done });
    const body = tables((await readDocx(done)).document)[0]!.filter((row) => !row.header);
    expect(body.map((row) => row.cells[0]).sort()).toEqual(all.filter((a) => a.status === 'done').map((a) => `A${a.id}`).sort());

    expect(await ws.fails('action.exportLog', { from: '2020-02-01', to: '2020-01-01', format: 'docx', out: done })).toMatchObject({ code: 'validation', field: 'to' });
    expect(await ws.fails('action.exportLog', { openOnly: true, statuses: ['done'], format: 'docx', out: done })).toMatchObject({ code: 'validation', field: 'openOnly' });
  });
});

describe('the registers’ filters on the command line', () => {
  it('export decisions and export action-log take --board, --from, --to, --status and --open-only', async () => {
    const ws = await workspace();
    const decisions = await decisionRows(ws);
    const actions = await ws.query<{ id: number; status: string; code: string }>(`SELECT ac.id, ac.status, b.code FROM action ac JOIN board b ON b.id = ac.board_id`);
    await ws.store.close(); // the command line opens the workspace itself

    const log = join(ws.dir, 'sb.xlsx');
    const d = await cli('export', 'decisions', '--db', ws.path, '--board', 'sb', '--from', '2024-04-01', '--to', '2024-09-30', '--status', 'agreed', '--out', log);
    expect(d).toMatchObject({ code: 0, stderr: '' });
    const sb = (await sheetRows(log, 'Decisions')).map((row) => row.Reference);
    const board = decisions.find((x) => x.reference.startsWith('SB-'))!.board_id;
    const want = decisions.filter((x) => x.board_id === board && x.status === 'agreed' && x.filed_on !== null && x.filed_on >= '2024-04-01' && x.filed_on <= '2024-09-30');
    expect(sb.sort()).toEqual(want.map((x) => x.reference).sort());
    expect(d.stdout).toContain(`: ${want.length} decision`);

    const open = join(ws.dir, 'open.xlsx');
    expect((await cli('export', 'action-log', '--db', ws.path, '--board', 'SB', '--open-only', '--out', open)).code).toBe(0);
    expect((await sheetRows(open, 'Action log')).map((row) => row.Ref).sort()).toEqual(
      actions.filter((a) => a.code === 'SB' && (a.status === 'open' || a.status === 'in_progress')).map((a) => `A${a.id}`).sort(),
    );

    const statuses = join(ws.dir, 'closed.xlsx');
    expect((await cli('export', 'action-log', '--db', ws.path, '--status', 'done,dropped', '--out', statuses)).code).toBe(0);
    expect((await sheetRows(statuses, 'Action log')).length).toBe(actions.filter((a) => a.status === 'done' || a.status === 'dropped').length);

    const backwards = await cli('export', 'decisions', '--db', ws.path, '--from', '2020-04-01', '--to', '2020-03-31', '--out', join(ws.dir, 'no.docx'));
    expect(backwards.code).not.toBe(0);
    expect(backwards.stderr).toContain('To (31 March 2020) is before From (1 April 2020)');
    expect(existsSync(join(ws.dir, 'no.docx'))).toBe(false);
    const unknown = await cli('export', 'action-log', '--db', ws.path, '--board', 'XX', '--out', join(ws.dir, 'no.docx'));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('--board XX: no board has that code');
  });
});
