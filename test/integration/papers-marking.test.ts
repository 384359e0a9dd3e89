import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace';

describe('a new paper’s protective marking', () => {
  it('is the workspace’s default marking when the paper does not give one, and the one given otherwise', async () => {
    const ws = await tempWorkspace();
    const official = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/10', title: 'Before the setting' });
    expect(official.protectiveMarking).toBe('OFFICIAL');

    await ws.call('workspace.setSetting', { key: 'defaultProtectiveMarking', value: 'OFFICIAL-SENSITIVE' });
    const sensitive = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/11', title: 'After the setting' });
    expect(sensitive.protectiveMarking).toBe('OFFICIAL-SENSITIVE');
    expect((await ws.call('paper.get', { id: sensitive.id })).protectiveMarking).toBe('OFFICIAL-SENSITIVE');

    const given = await ws.call('paper.create', { templateKey: 'board-paper', reference: 'SB/2020/12', title: 'Marked by hand', protectiveMarking: 'OFFICIAL' });
    expect(given.protectiveMarking).toBe('OFFICIAL');
    // Updating other details leaves the marking alone.
    const renamed = await ws.call('paper.update', { id: sensitive.id, title: 'Renamed' });
    expect(renamed.protectiveMarking).toBe('OFFICIAL-SENSITIVE');
  });
});
