import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, operationNames, type OpName } from '../../main/api/contract';
import { openDatabase } from '../../main/db/connection';
import { tempWorkspace, type TestWorkspace } from '../helpers/workspace';

/**
 * Every export operation, through the dispatcher the app, the bridge and the CLI all use,
 * refuses to write over the open workspace: by its schema when the name is the workspace's
 * own (workspace.db), and by the write itself when the name looks like a document (a
 * symbolic link alias.docx to the workspace). The workspace's bytes stay the same and it
 * still opens.
 */

const exportOps = operationNames.filter((name) => contract[name].exports === true);

/** The input fields of an operation's schema (through defaults and refinements). */
function fieldsOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s && typeof s === 'object'; i++) {
    if ('shape' in s && s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
    const def = (s as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
    s = def?.innerType ?? def?.in;
  }
  return [];
}

/** A valid input (without out) for each export operation, from the demo workspace. */
async function validInputs(ws: TestWorkspace): Promise<Record<string, { input: Record<string, unknown>; ext: '.docx' | '.xlsx' }>> {
  const meeting = (await ws.call('meeting.list', {})).rows.find((m) => m.status !== 'planned') ?? (await ws.call('meeting.list', {})).rows[0]!;
  const paper = ((await ws.call('paper.list', {})).rows)[0]!;
  const notice = (await ws.call('decision.list', { decidedBy: 'commissioner', from: null })).rows[0]!;
  const stream = (await ws.call('fundingStream.list', {})).find((s) => s.reference.startsWith('VRU')) ?? (await ws.call('fundingStream.list', {}))[0]!;
  return {
    'meeting.exportAgenda': { input: { id: meeting.id }, ext: '.docx' },
    'meeting.exportMinutes': { input: { id: meeting.id }, ext: '.docx' },
    'action.exportLog': { input: { format: 'xlsx' }, ext: '.xlsx' },
    'paper.export': { input: { id: paper.id, acknowledgeWarnings: true }, ext: '.docx' },
    'agendaPack.export': { input: { meetingId: paper.meetingId ?? meeting.id }, ext: '.docx' },
    'decision.exportLog': { input: { format: 'xlsx' }, ext: '.xlsx' },
    'decision.exportNotice': { input: { id: notice.id, acknowledgeWarnings: true }, ext: '.docx' },
    'performance.exportReport': { input: { asAt: '2020-03-31' }, ext: '.docx' },
    'performance.exportDataset': { input: { asAt: '2020-03-31' }, ext: '.xlsx' },
    'funding.exportReturn': { input: { streamId: stream.id, financialYear: '2019/20', quarter: 3 }, ext: '.xlsx' },
    'funding.exportSummary': { input: { financialYear: '2019/20', format: 'xlsx' }, ext: '.xlsx' },
  };
}

function workspaceBytes(ws: TestWorkspace): string {
  const h = createHash('sha256').update(readFileSync(ws.path));
  if (existsSync(`${ws.path}-wal`)) h.update(readFileSync(`${ws.path}-wal`));
  return h.digest('hex');
}

function stillOpens(path: string): void {
  const again = openDatabase(path, { create: false });
  try {
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((again.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n).toBeGreaterThan(0);
  } finally {
    again.close();
  }
}

describe('no export can be pointed at the open workspace', () => {
  it('every operation with an out field is marked exports, and every export takes out', () => {
    for (const name of operationNames) {
      const hasOut = fieldsOf(contract[name].input).includes('out');
      expect({ name, exports: contract[name].exports === true }).toEqual({ name, exports: hasOut });
    }
    expect(exportOps.length).toBeGreaterThanOrEqual(11);
  });

  it('every export op is refused the workspace, by name and through a link, the workspace unchanged', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const inputs = await validInputs(ws);
    expect(Object.keys(inputs).sort()).toEqual([...exportOps].sort()); // a new export must be added here
    const alias = (ext: string) => join(ws.dir, `alias${ext}`);
    symlinkSync(ws.path, alias('.docx'));
    symlinkSync(ws.path, alias('.xlsx'));
    for (const name of exportOps) {
      const { input, ext } = inputs[name]!;
      // The input is good: the same export to an ordinary file is written.
      const good = join(ws.dir, `good${ext}`);
      const written = await ws.call(name as OpName, { ...input, out: good } as never);
      expect(written).toMatchObject({ path: good, warnings: expect.any(Array) });
      expect((written as { bytes: number }).bytes).toBe(readFileSync(good).length);
      rmSync(good);

      ws.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = workspaceBytes(ws);
      const byName = await ws.fails(name, { ...input, out: ws.path });
      expect(byName, name).toMatchObject({ field: 'out', message: expect.stringContaining('an export never overwrites a workspace file') });
      const byLink = await ws.fails(name, { ...input, out: alias(ext) });
      expect(byLink, name).toMatchObject({ code: 'file.isWorkspace', field: 'out', message: expect.stringContaining('is a workspace file: the workspace open now') });
      expect(workspaceBytes(ws), name).toBe(before);
    }
    stillOpens(ws.path);
  });

  it('the issue’s case: funding.exportSummary as xlsx to the open workspace.db is refused', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = workspaceBytes(ws);
    const err = await ws.fails('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: ws.path });
    expect(err).toMatchObject({ code: 'validation', field: 'out', message: 'Out must be a file name ending in .docx or .xlsx, not workspace.db: an export never overwrites a workspace file or the files beside it' });
    // Every write after it still works, and the workspace is whole.
    await ws.call('board.list', {});
    expect(workspaceBytes(ws)).toBe(before);
    stillOpens(ws.path);
  });

  it('the extension follows the format chosen in the input', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const wrong = await ws.fails('funding.exportSummary', { financialYear: '2019/20', format: 'xlsx', out: join(ws.dir, 'Funding.docx') });
    expect(wrong).toMatchObject({ code: 'validation', field: 'out', message: 'Out must end in .xlsx for an Excel workbook (the format chosen)' });
    const dataset = await ws.fails('performance.exportDataset', { asAt: '2020-03-31', out: join(ws.dir, 'Dataset.docx') });
    expect(dataset).toMatchObject({ code: 'validation', field: 'out', message: 'Out must be a file name ending in .xlsx' });
    expect(existsSync(join(ws.dir, 'Funding.docx'))).toBe(false);
  });
});
