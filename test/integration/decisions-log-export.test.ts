import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOfficeAvailable, pdfText, readDocx, renderPdf, tables } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

describe('the decisions log in Word', () => {
  it('names a superseded decision’s replacement by its reference (not lower-cased), and splits no word across lines', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const people = await ws.call('person.list');
    const hammond = people.find((p) => p.familyName === 'Hammond')!;
    const old = (await ws.call('decision.create', { boardId: 1, title: 'Old plan', type: 'approve', status: 'agreed', decidedOn: '2020-01-23', ownerPersonId: hammond.id, financialAmountPence: 100_000_000, fundingStreamId: 2 })).decision;
    const replacement = (await ws.call('decision.create', { boardId: 1, title: 'New plan', type: 'approve', status: 'agreed', decidedOn: '2020-03-19', ownerPersonId: hammond.id })).decision;
    await ws.call('decision.setStatus', { id: old.id, status: 'superseded', supersededById: replacement.id });

    const out = join(ws.dir, 'decisions.docx');
    await ws.call('decision.exportLog', { format: 'docx', out });
    const rows = tables((await readDocx(out)).document)[0]!;
    const row = rows.find((r) => r.cells[0] === `${old.reference} 23/01/2020`)!;
    expect(row.cells[2]).toBe('Approve: superseded');
    // With non-breaking hyphens, so the reference never wraps at one inside the running text.
    expect(row.cells[1]).toContain(`Superseded by ${replacement.reference.replace(/-/g, "\u2011")}.`);
    expect(rows.find((r) => r.cells[0] === `${replacement.reference} 19/03/2020`)!.cells[2]).toBe('Approve: agreed');

    if (!libreOfficeAvailable) return;
    const text = pdfText(renderPdf(out, ws.dir).pdf);
    // A column narrower than its longest word printed "supersede d", "Hammo nd", "19/03/202 0".
    for (const word of ['superseded', 'Hammond', '£1,000,000', '19/03/2020', replacement.reference, old.reference]) expect(text).toContain(word);
  });
});

describe('the decision notice', () => {
  it('does not call an agreed decision without a date "Not yet decided": it warns and leaves the date to be completed', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const pcc = (await ws.call('decision.list', { decidedBy: 'commissioner', from: null })).rows.find((d) => d.status === 'agreed')!;
    await ws.call('decision.update', { id: pcc.id, decidedOn: null });
    const out = join(ws.dir, 'notice.docx');
    const first = await ws.fails('decision.exportNotice', { id: pcc.id, out });
    expect(first).toMatchObject({ code: 'export.warningsNotAcknowledged', field: 'acknowledgeWarnings' });
    expect(first.problems).toContainEqual(expect.objectContaining({ path: 'decidedOn', message: expect.stringContaining('has no date') }));
    expect(existsSync(out)).toBe(false);
    expect((await ws.call('decision.exportNotice', { id: pcc.id, out, acknowledgeWarnings: true })).path).toBe(out);
    const text = (await readDocx(out)).document;
    expect(text).not.toContain('Not yet decided');
    expect(text).toMatch(/Date: <\/w:t>.*To be completed\./);

    await ws.call('decision.update', { id: pcc.id, decidedOn: '2019-07-01' });
    const dated = await ws.call('decision.exportNotice', { id: pcc.id, out, acknowledgeWarnings: true });
    expect(dated.warnings.map((w) => w.code)).not.toContain('decision.noticeNoDate');
    expect((await readDocx(out)).document).toContain('1 July 2019');
  });
});
