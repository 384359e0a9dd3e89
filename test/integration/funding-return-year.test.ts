import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

async function demoVru() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const vru = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
  return { ws, vru };
}

const OUTSIDE = "2021/22 is outside the VRU grant (Serious Violence Fund)'s years (2019/20 to 2019/20).";

describe('the spend return is for a year the grant covers', () => {
  it('refuses a year outside the stream, naming the field, and writes nothing', async () => {
    const { ws, vru } = await demoVru();
    const out = join(ws.dir, 'vru-2021-22.xlsx');
    const err = await ws.fails('funding.exportReturn', { streamId: vru.id, financialYear: '2021/22', quarter: 1, out });
    expect(err.code).toBe('stream.yearOutside');
    expect(err.field).toBe('financialYear');
    expect(err.message).toBe(OUTSIDE);
    expect(existsSync(out)).toBe(false);
    // Its own year still exports.
    const ok = await ws.call('funding.exportReturn', { streamId: vru.id, financialYear: '2019/20', quarter: 1, out });
    expect(existsSync(ok.path)).toBe(true);
  });
});

describe('a stream’s figures are read only for the years it covers', () => {
  it('refuses the position, spend grid, virement preview, budget lines and awards of a year outside the stream (they were empty pages of zeros)', async () => {
    const { ws, vru } = await demoVru();
    const lines = await ws.call('budgetLine.list', { streamId: vru.id, financialYear: '2019/20' });
    const moves = [{ from: `line:${lines[0]!.id}`, to: `line:${lines[1]!.id}`, amount: '£1' }];
    const refusals = [
      await ws.fails('funding.position', { streamId: vru.id, financialYear: '2021/22' }),
      await ws.fails('spend.grid', { streamId: vru.id, financialYear: '2021/22' }),
      await ws.fails('funding.virementPreview', { streamId: vru.id, financialYear: '2021/22', moves }),
      await ws.fails('budgetLine.list', { streamId: vru.id, financialYear: '2021/22' }),
      await ws.fails('award.list', { streamId: vru.id, financialYear: '2021/22' }),
    ];
    for (const err of refusals) expect(err).toMatchObject({ code: 'stream.yearOutside', field: 'financialYear', message: OUTSIDE });
    // A year before the stream too.
    expect(await ws.fails('funding.position', { streamId: vru.id, financialYear: '2018/19' })).toMatchObject({ code: 'stream.yearOutside', field: 'financialYear' });

    // Its own year reads as before; the awards of every year need no year.
    expect((await ws.call('funding.position', { streamId: vru.id, financialYear: '2019/20' })).allocationPence).toBe(116_000_000);
    expect((await ws.call('spend.grid', { streamId: vru.id, financialYear: '2019/20' })).months).toHaveLength(12);
    expect(lines.length).toBeGreaterThan(1);
    expect(await ws.call('funding.virementPreview', { streamId: vru.id, financialYear: '2019/20', moves })).toMatchObject({ totalMovedPence: 100 });
    expect(await ws.call('award.list', { streamId: vru.id, financialYear: null })).toEqual(await ws.call('award.list', { streamId: vru.id, financialYear: '2019/20' }));
  });

  it('a paper’s live funding table for a year the stream does not cover says so instead of showing an empty table', async () => {
    const { ws } = await demoVru();
    const live = await ws.call('paper.liveTable', { source: 'funding.awards', params: { stream: 'VRF', year: '2025/26' } });
    expect(live).toEqual({ ok: false, reason: 'the Violence Reduction Fund covers 2019/20 to 2021/22, not 2025/26' });
  });
});
