import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headings, readDocx } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

/** Where a heading is more than one level below the one before it (a screen reader's outline skips a level). */
function levelGaps(list: { level: string; text: string }[]): string[] {
  const gaps: string[] = [];
  let previous = 0; // the Title, or the start of the document
  for (const h of list) {
    const level = h.level === 'Title' ? 0 : Number(h.level.replace('Heading', ''));
    if (level > previous + 1) gaps.push(`${h.level} "${h.text}" after level ${previous}`);
    previous = level;
  }
  return gaps;
}

describe('heading outline of the Word exports', () => {
  it('finds a skipped level (the check can fail)', () => {
    expect(levelGaps([{ level: 'Title', text: 'Record of Decision' }, { level: 'Heading1', text: 'Sign-off' }, { level: 'Heading3', text: 'Chief Finance Officer' }])).toEqual([
      'Heading3 "Chief Finance Officer" after level 1',
    ]);
  });

  it('the PCC decision notice and its sign-off blocks go Title → Heading 1 → Heading 2, with no level skipped', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const pcc = (await ws.call('decision.list', { decidedBy: 'commissioner', from: null })).rows[0]!;
    const out = join(ws.dir, 'notice.docx');
    await ws.call('decision.exportNotice', { id: pcc.id, out, acknowledgeWarnings: true });
    const list = headings((await readDocx(out)).document);
    expect(list.find((h) => h.text === 'Sign-off')?.level).toBe('Heading1');
    expect(list.filter((h) => h.level === 'Heading2').map((h) => h.text)).toEqual(['Chief Finance Officer', 'Chief Executive', 'Police and Crime Commissioner']);
    expect(levelGaps(list)).toEqual([]);
  });

  it('every paper of the demo, alone and in the agenda pack, has no level skipped', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const papers = (await ws.call('paper.list', {})).rows;
    expect(papers.length).toBeGreaterThan(1);
    for (const p of papers) {
      const out = join(ws.dir, `paper-${p.id}.docx`);
      await ws.call('paper.export', { id: p.id, out, acknowledgeWarnings: true });
      expect(levelGaps(headings((await readDocx(out)).document)), p.reference).toEqual([]);
    }
    const meetingIds = [...new Set(papers.map((p) => p.meetingId).filter((id): id is number => id !== null))];
    for (const meetingId of meetingIds) {
      const out = join(ws.dir, `pack-${meetingId}.docx`);
      await ws.call('agendaPack.export', { meetingId, out });
      expect(levelGaps(headings((await readDocx(out)).document)), `pack of meeting ${meetingId}`).toEqual([]);
    }
  });
});

/** What follows each table: a blank spacer paragraph (read out as "blank"), or another table (Word joins them). */
function afterTables(xml: string): string[] {
  const found: string[] = [];
  for (const m of xml.matchAll(/<\/w:tbl>(<w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>)/g)) {
    const next = m[1]!;
    if (next === '<w:tbl>') found.push('a table straight after a table');
    else if (!next.includes('<w:sectPr') && !/<w:t[ >]/.test(next)) found.push('an empty paragraph after a table');
  }
  return found;
}

describe('tables in the Word exports', () => {
  it('are followed by no spacer paragraph, in every demo export with a table', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const written: string[] = [];
    const write = async (name: string, op: Parameters<typeof ws.call>[0], input: Record<string, unknown>) => {
      const out = join(ws.dir, name);
      await ws.call(op, { ...input, out } as never);
      written.push(out);
    };
    const meetings = (await ws.call('meeting.list', {})).rows;
    for (const m of meetings.slice(0, 3)) {
      await write(`agenda-${m.id}.docx`, 'meeting.exportAgenda', { id: m.id });
      await write(`minutes-${m.id}.docx`, 'meeting.exportMinutes', { id: m.id });
    }
    await write('actions.docx', 'action.exportLog', { format: 'docx' });
    await write('decisions.docx', 'decision.exportLog', { format: 'docx' });
    await write('performance.docx', 'performance.exportReport', { asAt: '2020-03-31' });
    await write('funding.docx', 'funding.exportSummary', { financialYear: '2019/20', format: 'docx' });
    for (const p of (await ws.call('paper.list', {})).rows) await write(`paper-${p.id}.docx`, 'paper.export', { id: p.id, acknowledgeWarnings: true });
    let tablesSeen = 0;
    for (const file of written) {
      const xml = (await readDocx(file)).document;
      tablesSeen += (xml.match(/<\/w:tbl>/g) ?? []).length;
      expect(afterTables(xml), file).toEqual([]);
      // A 25 mm bottom margin (1,417 twips), so the footer's marking and page number stand clear of the text.
      expect(xml.match(/<w:pgMar [^>]*w:bottom="(\d+)"/)?.[1], file).toBe('1417');
    }
    expect(tablesSeen).toBeGreaterThan(10);
  });

  it('the check finds a spacer (it can fail)', () => {
    expect(afterTables('<w:tbl></w:tbl><w:p><w:pPr/></w:p><w:tbl></w:tbl><w:tbl></w:tbl><w:p><w:r><w:t>After</w:t></w:r></w:p>')).toEqual([
      'an empty paragraph after a table',
      'a table straight after a table',
    ]);
  });
});
