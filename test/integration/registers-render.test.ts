import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateShort } from '../../main/shared/dates';
import { formatPence } from '../../main/shared/money';
import { libreOfficeAvailable, pdfText, renderPdf } from '../helpers/documents';
import { generatedWorkspace } from '../helpers/generated-workspace';
import { brokenTokens } from '../helpers/broken-tokens';

/**
 * The registers of a year of the synthetic workspace (bench/generate.ts), printed by
 * LibreOffice, as a board member reads them: every decision reference and amount, every
 * action reference and due date whole on its line, nothing split mid-token (issue 11).
 */
describe('registers printed', () => {
  it.runIf(libreOfficeAvailable)('split no reference, date or amount across lines, and print at least 12 rows a page: decisions log, action log and funding summary', { timeout: 180_000 }, async () => {
    const ws = await generatedWorkspace({ years: 1, auditTrail: false }, () => new Date('2025-03-31T09:00:00'));
    const dir = ws.dir;
    const pages: Record<string, number> = {};
    const write = async (name: 'decision.exportLog' | 'action.exportLog' | 'funding.exportSummary', input: Record<string, unknown>) => {
      await ws.call(name, input as never);
      const pdf = renderPdf(input.out as string, dir);
      pages[name] = pdf.pages;
      return pdfText(pdf.pdf);
    };
    const decisions = await ws.query<{ reference: string; decided_on: string | null; financial_amount_pence: number | null }>('SELECT reference, decided_on, financial_amount_pence FROM decision');
    const actions = await ws.query<{ id: number; due_on: string; meeting_id: number | null }>('SELECT id, due_on, meeting_id FROM action');
    expect(decisions.length).toBeGreaterThan(200);
    expect(actions.length).toBeGreaterThan(800);

    const log = await write('decision.exportLog', { format: 'docx', out: join(dir, 'decisions.docx') });
    for (const d of decisions) {
      expect(log, d.reference).toContain(d.reference);
      if (d.decided_on) expect(log, `${d.reference} date`).toContain(formatDateShort(d.decided_on));
      if (d.financial_amount_pence !== null) expect(log, `${d.reference} amount`).toContain(formatPence(d.financial_amount_pence));
    }
    expect(brokenTokens(log)).toEqual([]);

    const actionLog = await write('action.exportLog', { format: 'docx', out: join(dir, 'actions.docx') });
    for (const a of actions) {
      expect(actionLog).toMatch(new RegExp(`\\bA${a.id}\\b`));
      expect(actionLog, `A${a.id} due`).toContain(formatDateShort(a.due_on));
    }
    expect(brokenTokens(actionLog)).toEqual([]);

    // At least 12 rows a page of A4 landscape (the first page also has the title): a reference
    // and date, a one-paragraph decision or action with its notes, owner, status, amount.
    expect(pages['decision.exportLog']).toBeLessThanOrEqual(Math.ceil(decisions.length / 12) + 1);
    expect(pages['action.exportLog']).toBeLessThanOrEqual(Math.ceil(actions.length / 12) + 1);

    // The minutes of the meeting that agreed most actions: its table of actions keeps each
    // reference and due date whole (fixed widths printed "A91" / "10" once references had four digits).
    const [busiest] = await ws.query<{ meeting_id: number }>('SELECT meeting_id FROM action WHERE meeting_id IS NOT NULL GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1');
    const minutes = pdfText(renderPdf((await ws.call('meeting.exportMinutes', { id: busiest!.meeting_id, out: join(dir, 'minutes.docx') })).path, dir).pdf);
    for (const a of actions.filter((x) => x.meeting_id === busiest!.meeting_id)) {
      expect(minutes).toMatch(new RegExp(`\\bA${a.id}\\b`));
      expect(minutes, `A${a.id} due`).toContain(formatDateShort(a.due_on));
    }
    expect(brokenTokens(minutes)).toEqual([]);

    const summary = await write('funding.exportSummary', { financialYear: '2024/25', format: 'docx', out: join(dir, 'funding.docx') });
    expect(summary).toMatch(/£\d/);
    expect(brokenTokens(summary)).toEqual([]);
  });

  it('finds a token split at a line end (the check can fail)', () => {
    expect(brokenTokens('Total £1,035,905.0\n0\nDue 19/03/202\n0\nSee SB-D-2020-\n004\nPCP/\n2019/09\nWhole: 19/03/2020 SB-D-2020-004 £142,849\n£1,035,905.00')).toEqual([
      'Total £1,035,905.0',
      'Due 19/03/202',
      'See SB-D-2020-',
      'PCP/',
    ]);
  });
});
