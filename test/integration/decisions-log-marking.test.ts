import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/documents';
import { tempWorkspace } from '../helpers/workspace';

/** The text of the header parts' runs: the marking and the header line. */
async function headerText(path: string): Promise<string> {
  const { headers } = await readDocx(path);
  return headers.map((xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join(' | ');
}

describe('the decisions log’s protective marking', () => {
  it('is OFFICIAL-SENSITIVE when the log includes a confidential decision, and OFFICIAL when the decisions it includes are all open', async () => {
    const ws = await tempWorkspace();
    await ws.call('workspace.loadDemo');
    const demo = (await ws.call('decision.list', {})).rows;
    expect(demo.some((d) => d.confidential)).toBe(false);
    const secret = (
      await ws.call('decision.create', { boardId: 1, title: 'Settlement with a provider', type: 'approve', status: 'proposed', confidential: true, confidentialReason: 'Commercially sensitive' })
    ).decision;

    const all = join(ws.dir, 'all.docx');
    await ws.call('decision.exportLog', { format: 'docx', out: all });
    expect(await headerText(all)).toContain('OFFICIAL-SENSITIVE');

    // Filtered to the agreed decisions, the confidential (proposed) one is left out.
    const agreed = join(ws.dir, 'agreed.docx');
    const r = await ws.call('decision.exportLog', { format: 'docx', status: 'agreed', out: agreed });
    expect(r.rows).toBeGreaterThan(0);
    const text = await headerText(agreed);
    expect(text).toContain('OFFICIAL');
    expect(text).not.toContain('SENSITIVE');

    // The Excel log prints the same marking in its page header and footer.
    const sheet = join(ws.dir, 'all.xlsx');
    await ws.call('decision.exportLog', { format: 'xlsx', out: sheet });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    expect(wb.getWorksheet('Decisions')!.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE');

    // Once it is open, the whole log is OFFICIAL again.
    await ws.call('decision.update', { id: secret.id, confidential: false });
    await ws.call('decision.exportLog', { format: 'docx', out: all });
    expect(await headerText(all)).not.toContain('SENSITIVE');
  });
});
