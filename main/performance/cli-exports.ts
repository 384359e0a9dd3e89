import { openDatabase } from '../db/connection';
import type { Verb } from '../cli/verb';
import { UsageError } from '../cli/io';
import { DomainError } from '../shared/errors';

/**
 * `export performance --db FILE --as-at 2020-03-31 --format docx|xlsx --out FILE`: the Word
 * report for the board or the .xlsx dataset, through the same operations the app calls.
 */
export const exportPerformanceVerb: Verb = {
  name: 'export performance',
  summary: 'Write the performance report (.docx) or the indicator dataset (.xlsx) as at a date.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    'as-at': { type: 'string', value: 'YYYY-MM-DD', required: true, help: 'count periods that ended by this date, e.g. 2020-03-31' },
    format: { type: 'string', value: 'docx|xlsx', required: true, help: 'docx: the report for the board; xlsx: one row per indicator and period' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the file to write (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const format = values.format as string;
    if (format !== 'docx' && format !== 'xlsx') throw new UsageError(`--format must be docx or xlsx, not "${format}"`, 'export performance --db FILE --as-at YYYY-MM-DD --format docx|xlsx --out FILE');
    // The handler map is loaded only when an export runs, so other commands start quickly.
    const { dispatch } = await import('../api/dispatch');
    const db = openDatabase(values.db as string, { create: false });
    try {
      const session = { db, actor: cli.actor, now: cli.now };
      const input = { asAt: values['as-at'], out: values.out };
      const env = await dispatch(session, format === 'docx' ? 'performance.exportReport' : 'performance.exportDataset', input);
      if (!env.ok) throw new DomainError(env.error.code, env.error.message, env.error.field, env.error.problems);
      const value = env.value as { path: string; bytes: number; indicators?: number; charts?: number; rows?: number };
      const what = format === 'docx' ? `${value.indicators} indicators, ${value.charts} charts` : `${value.rows} indicator-period rows`;
      cli.say(`Wrote ${value.path}: ${what} (${Math.max(1, Math.round(value.bytes / 1024))} KB).`);
      return 0;
    } finally {
      db.close();
    }
  },
};
