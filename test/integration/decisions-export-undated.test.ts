import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, readDocx, tables } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

/**
 * The decisions log on screen opens on the current financial year and the decisions not dated
 * yet; exported as shown, the file must hold the same decisions — the undated ones too, and
 * say so — while an export with dates and no such choice keeps to its dates.
 */
describe('the decisions log exported as the screen shows it', () => {
  it('takes the decisions not dated yet with its dates when asked, says so, and leaves them out otherwise', async () => {
    const ws = await tempWorkspace({ now: () => new Date('2020-03-20T09:00:00') });
    await ws.call('workspace.loadDemo');
    const undated = (await ws.call('decision.create', { boardId: 1, title: 'Not dated yet', type: 'approve', status: 'proposed' })).decision;
    const inYear = (await ws.call('decision.create', { boardId: 1, title: 'In the year', type: 'approve', status: 'agreed', decidedOn: '2019-12-02' })).decision;
    const before = (await ws.call('decision.create', { boardId: 1, title: 'An earlier year', type: 'approve', status: 'agreed', decidedOn: '2018-06-01' })).decision;

    // The screen's first page: this financial year's and the undated.
    const screen = await ws.call('decision.list', {});
    expect(screen.withUndated).toBe(true);
    const shown = screen.rows.map((d) => d.reference);
    expect(shown).toEqual(expect.arrayContaining([undated.reference, inYear.reference]));
    expect(shown).not.toContain(before.reference);

    const refsIn = async (withUndated: boolean) => {
      const out = join(ws.dir, `log-${withUndated}.docx`);
      const r = await ws.call('decision.exportLog', { format: 'docx', from: screen.from, to: screen.to, withUndated, out });
      const doc = await readDocx(out);
      const refs = tables(doc.document)[0]!.filter((row) => !row.header).map((row) => row.cells[0]!.split(' ')[0]!);
      return { refs, rows: r.rows, text: paragraphs(doc.document).map((p) => p.text).join('\n') };
    };
    const asShown = await refsIn(true);
    expect(asShown.refs.sort()).toEqual([...shown].sort());
    expect(asShown.rows).toBe(screen.total);
    expect(asShown.text).toContain('decided from 1 April 2019 to 31 March 2020, and those not dated yet');

    const datesOnly = await refsIn(false);
    expect(datesOnly.refs).toContain(inYear.reference);
    expect(datesOnly.refs).not.toContain(undated.reference);
    expect(datesOnly.text).not.toContain('not dated yet');
  });

  it('refuses a withUndated that is not yes or no, naming it', async () => {
    const ws = await tempWorkspace();
    expect(await ws.fails('decision.exportLog', { format: 'docx', out: join(ws.dir, 'x.docx'), withUndated: 'yes' })).toMatchObject({ field: 'withUndated' });
  });
});
