import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headings, paragraphs, readDocx } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

async function demoCommissionerDecision() {
  const ws = await tempWorkspace();
  await ws.call('workspace.loadDemo');
  const decision = (await ws.call('decision.list', { decidedBy: 'commissioner', from: null })).rows.find((d) => d.status === 'agreed')!;
  const indicators = (await ws.call('indicator.list', {})).slice(0, 2);
  const stream = (await ws.call('fundingStream.list', {}))[0]!;
  await ws.call('decision.update', { id: decision.id, indicatorIds: indicators.map((i) => i.id), financialAmountPence: 3_500_000, fundingStreamId: stream.id });
  return { ws, decision, indicators, stream };
}

/** Paragraph texts without their section numbers ("6.1\t"). */
const linesOf = (xml: string) => paragraphs(xml).map((p) => p.text.replace(/^\d+\.\d+\t/, ''));

describe('the PCC decision notice', () => {
  it('names the indicators and the money the decisions log links to the decision', async () => {
    const { ws, decision, indicators, stream } = await demoCommissionerDecision();
    const out = join(ws.dir, 'notice.docx');
    await ws.call('decision.exportNotice', { id: decision.id, out, acknowledgeWarnings: true });
    const doc = await readDocx(out);
    const lines = linesOf(doc.document);
    expect(headings(doc.document).map((h) => h.text)).toContain('7. Performance measures');
    for (const i of indicators) expect(lines).toContain(`${i.code} ${i.name}`);
    expect(lines).toContain(`£35,000, from the ${stream.name}.`);
    expect(lines).toContain(`Decision number: ${decision.reference}`);
    expect(lines.some((l) => l.startsWith('Decisions log reference'))).toBe(false);
  });

  it('leaves Performance measures out when no indicator is linked', async () => {
    const { ws, decision } = await demoCommissionerDecision();
    await ws.call('decision.update', { id: decision.id, indicatorIds: [] });
    const out = join(ws.dir, 'notice.docx');
    await ws.call('decision.exportNotice', { id: decision.id, out, acknowledgeWarnings: true });
    const list = headings((await readDocx(out)).document).map((h) => h.text);
    expect(list).toContain('6. Financial implications');
    expect(list).toContain('7. Publication'); // numbered on from 6: no gap where the section was left out
    expect(list.filter((h) => h.includes('Performance measures'))).toEqual([]);
  });

  it('takes its number and originator from the paper’s header, and still prints the log’s reference', async () => {
    const { ws, decision, indicators, stream } = await demoCommissionerDecision();
    const paper = await ws.call('paper.create', {
      templateKey: 'decision-notice',
      reference: 'OPCC/2019/36',
      title: 'Violence Reduction Fund 2019/20 awards',
      header: { reference: 'OPCC.D.036.25', originator: 'Chief Executive, Office of the PCC' },
    });
    await ws.call('paper.updateSection', { paperId: paper.id, key: 'financial-implications', body: [{ type: 'paragraph', text: 'Met from the Violence Reduction Fund within its £1m over three years.' }] });
    await ws.call('paper.updateSection', { paperId: paper.id, key: 'performance-measures', body: [{ type: 'paragraph', text: `Expected to reduce ${indicators[0]!.code}.` }] });
    await ws.call('decision.update', { id: decision.id, paperId: paper.id });
    const out = join(ws.dir, 'notice.docx');
    await ws.call('decision.exportNotice', { id: decision.id, out, acknowledgeWarnings: true });
    const doc = await readDocx(out);
    const lines = linesOf(doc.document);
    expect(lines).toContain('Decision number: OPCC.D.036.25');
    expect(lines).toContain(`Decisions log reference: ${decision.reference}`);
    expect(lines).toContain('Originator: Chief Executive, Office of the PCC');
    expect(doc.headers.join(' ')).toContain('OPCC.D.036.25');
    // The author's words first and unchanged; what the log adds after them.
    expect(lines).toContain('Met from the Violence Reduction Fund within its £1m over three years.');
    expect(lines).toContain(`Recorded in the decisions log: £35,000, from the ${stream.name}.`);
    expect(lines).toContain(`Expected to reduce ${indicators[0]!.code}.`);
    expect(lines).toContain('Linked in the decisions log:');
    expect(lines).toContain(`${indicators[1]!.code} ${indicators[1]!.name}`);
    expect(lines).not.toContain(`${indicators[0]!.code} ${indicators[0]!.name}`);
  });
});
