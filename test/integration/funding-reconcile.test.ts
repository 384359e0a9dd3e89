import { sqliteStore } from '../../main/db/sqlite-store';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import type { FundingStreamSummary, Position } from '../../main/funding/contract';
import { openDatabase } from '../../main/db/connection';
import { generateWorkspace } from '../../bench/generate';
import { tempDir } from '../helpers/workspace';

/**
 * On the synthetic ten-year workspace (bench/generate.ts, at a small scale so the test stays
 * fast): for every stream and year, the position's totals equal the sum of its lines, of its
 * headings, of its cost types and of its quarters, and a straight SQL sum of the spend table.
 */
describe('funding totals reconcile on the ten-year workspace', () => {
  it('for every stream and year, to the penny', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'ten-years.db');
    generateWorkspace(path, { years: 10, scale: 0.05, auditTrail: false });
    const db = openDatabase(path);
    try {
      const session = { store: sqliteStore(db), actor: 'test', now: () => new Date('2025-03-31T09:00:00') };
      const call = async <R>(name: string, input: unknown): Promise<R> => {
        const env = await dispatch(session, name, input);
        if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
        return env.value as R;
      };
      const sumSql = db.prepare(`
        SELECT coalesce((SELECT sum(s.amount_pence) FROM budget_line b JOIN spend s ON s.budget_line_id = b.id
                          WHERE b.stream_id = @stream AND b.financial_year = @fy AND s.kind = @kind), 0)
             + coalesce((SELECT sum(s.amount_pence) FROM award a JOIN spend s ON s.award_id = a.id
                          WHERE a.stream_id = @stream AND s.kind = @kind AND s.month BETWEEN @first AND @last), 0) AS n`);
      const streams = await call<FundingStreamSummary[]>('fundingStream.list', {});
      expect(streams.length).toBeGreaterThan(0);
      let checked = 0;
      let withSpend = 0;
      for (const s of streams) {
        for (const fy of s.years) {
          const start = Number(fy.slice(0, 4));
          const span = { stream: s.id, fy, first: `${start}-04`, last: `${start + 1}-03` };
          const all = await call<Position>('funding.position', { streamId: s.id, financialYear: fy, asOfQuarter: 4 });
          const none = await call<Position>('funding.position', { streamId: s.id, financialYear: fy, asOfQuarter: 0 });
          const actual = (sumSql.get({ ...span, kind: 'actual' }) as { n: number }).n;
          const forecast = (sumSql.get({ ...span, kind: 'forecast' }) as { n: number }).n;
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
    } finally {
      db.close();
    }
  });
});
