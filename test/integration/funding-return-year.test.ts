import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

describe('the spend return is for a year the grant covers', () => {
  it('refuses a year outside the stream, naming the field, and writes nothing', async () => {
    const ws = tempWorkspace();
    await ws.call('workspace.loadDemo');
    const vru = (await ws.call('fundingStream.list', {})).find((s) => s.reference === 'VRU-2019')!;
    const out = join(ws.dir, 'vru-2021-22.xlsx');
    const err = await ws.fails('funding.exportReturn', { streamId: vru.id, financialYear: '2021/22', quarter: 1, out });
    expect(err.code).toBe('stream.yearOutside');
    expect(err.field).toBe('financialYear');
    expect(err.message).toBe("2021/22 is outside the VRU grant (Serious Violence Fund)'s years (2019/20 to 2019/20).");
    expect(existsSync(out)).toBe(false);
    // Its own year still exports.
    const ok = await ws.call('funding.exportReturn', { streamId: vru.id, financialYear: '2019/20', quarter: 1, out });
    expect(existsSync(ok.path)).toBe(true);
  });
});
