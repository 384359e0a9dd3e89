import { describe, expect, it } from 'vitest';
import { generatedWorkspace } from '../helpers/generated-workspace';

/**
 * On the synthetic ten-year workspace (bench/generate.ts, at a small scale so the test stays
 * fast): for every stream and year, the position's totals equal the sum of its lines, of its
 * headings, of its cost types and of its quarters, and a straight SQL sum of the spend table.
 */
describe('funding totals reconcile on the ten-year workspace', () => {
  it('for every stream and year, to the penny', { timeout: 60_000 }, async () => {
    const ws = await generatedWorkspace({ years: 10, scale: 0.05, auditTrail: false }, () => new Date('2025-03-31T09:00:00'));
    const sumSql = async (params: Record<string, unknown>) =>
      (
        await ws.query<{ n: number }>(
          `SELECT coalesce((SELECT sum(s.amount_pence) FROM budget_line b JOIN spend s ON s.budget_line_id = b.id
                             WHERE b.stream_id = @stream AND b.financial_year = @fy AND s.kind = @kind), 0)
                + coalesce((SELECT sum(s.amount_pence) FROM award a JOIN spend s ON s.award_id = a.id
                             WHERE a.stream_id = @stream AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0) AS n`,
          params,
        )
      )[0]!.n;
    const streams = await ws.call('fundingStream.list', {});
    expect(streams.length).toBeGreaterThan(0);
    let checked = 0;
    let withSpend = 0;
    for (const s of streams) {
      for (const fy of s.years) {
        const start = Number(fy.slice(0, 4));
        const span = { stream: s.id, fy, first: `${start}-04`, last: `${start + 1}-03` };
        const all = await ws.call('funding.position', { streamId: s.id, financialYear: fy, asOfQuarter: 4 });
        const none = await ws.call('funding.position', { streamId: s.id, financialYear: fy, asOfQuarter: 0 });
        const actual = await sumSql({ ...span, kind: 'actual' });
        const forecast = await sumSql({ ...span, kind: 'forecast' });
        // Integer pence from both engines (PostgreSQL's sum of bigint is numeric, read as a number).
        expect(Number.isSafeInteger(actual), `${s.reference} ${fy} sum`).toBe(true);
        expect(all.totals.actualToDatePence, `${s.reference} ${fy} actual`).toBe(actual);
        expect(none.totals.forecastYearEndPence, `${s.reference} ${fy} forecast`).toBe(forecast);
        for (const p of [all, none]) {
          for (const rows of [p.lines, p.headings, p.costTypes]) {
            expect(rows.reduce((t, r) => t + r.budgetPence, 0)).toBe(p.totals.budgetPence);
            expect(rows.reduce((t, r) => t + r.forecastYearEndPence, 0)).toBe(p.totals.forecastYearEndPence);
            expect(rows.reduce((t, r) => t + r.variancePence, 0)).toBe(p.totals.variancePence);
          }
          expect(p.totals.quarters.reduce((t, q) => t + q.outturnPence, 0)).toBe(p.totals.forecastYearEndPence);
          expect(p.totals.budgetPence - p.totals.forecastYearEndPence).toBe(p.totals.variancePence);
        }
        if (actual !== 0) withSpend++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(withSpend).toBeGreaterThan(5);
  });
});
