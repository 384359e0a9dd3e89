import { sql } from '../db/statements';
import { UsageError } from '../cli/io';
import type { Verb } from '../cli/verb';
import { runAcknowledgedExport, runOperation } from '../papers/cli-exports';
import { DomainError } from '../shared/errors';

/** `export decisions --db FILE --format docx|xlsx --out FILE`: the decisions log, as the Decisions screen writes it. */
export const exportDecisionsVerb: Verb = {
  name: 'export decisions',
  summary: 'Write the decisions log as a Word table or an Excel sheet.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    format: { type: 'string', value: 'docx|xlsx', help: 'docx or xlsx (default: from the file name)' },
    board: { type: 'string', value: 'CODE', help: 'only this board’s decisions, by its code (e.g. SB)' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the file to write, ending .docx or .xlsx (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const usage = 'export decisions --db FILE --format docx|xlsx [--board CODE] --out FILE';
    const out = values.out as string;
    const format = (values.format as string | undefined) ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx');
    if (format !== 'docx' && format !== 'xlsx') throw new UsageError(`--format must be docx or xlsx, not "${format}"`, usage);
    if (!out.toLowerCase().endsWith(`.${format}`)) throw new UsageError(`--out must end in .${format} for --format ${format}`, usage);
    const code = values.board as string | undefined;
    const r = await runOperation<{ path: string; bytes: number; rows: number }>(cli, values.db as string, out, 'decision.exportLog', async (ctx) => {
      let boardId: number | null = null;
      if (code) {
        const row = await sql<{ id: number }>(ctx, 'SELECT id FROM board WHERE code = ? COLLATE NOCASE').get(code);
        if (!row) throw new UsageError(`--board ${code}: no board has that code`, usage);
        boardId = row.id;
      }
      return { format, boardId };
    });
    cli.say(`Wrote ${r.path}: ${r.rows} decision${r.rows === 1 ? '' : 's'} (${Math.max(1, Math.round(r.bytes / 1024))} KB).`);
    return 0;
  },
};

/**
 * `export decision-notice --db FILE --decision REF --out FILE.docx`: the Record of Decision
 * for a decision the Commissioner took alone, as the Decisions screen writes it. A section
 * the log cannot fill is named first; the notice is written with --acknowledge-warnings.
 */
export const exportDecisionNoticeVerb: Verb = {
  name: 'export decision-notice',
  summary: 'Write the PCC decision notice (Record of Decision) for one decision of the Commissioner.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    decision: { type: 'string', value: 'REF', required: true, help: 'the decision’s reference in the log, e.g. PCC-D-2019-001' },
    out: { type: 'string', value: 'FILE.docx', required: true, help: 'the file to write (replaced if it exists)' },
    'acknowledge-warnings': { type: 'boolean', help: 'write it even where the log cannot fill a section (the gap is marked “To be completed.”)' },
  },
  run({ values }, cli) {
    const reference = (values.decision as string).trim();
    return runAcknowledgedExport(
      cli,
      values,
      'decision.exportNotice',
      async (ctx) => {
        const row = await sql<{ id: number }>(ctx, 'SELECT id FROM decision WHERE reference = ? COLLATE NOCASE').get(reference);
        if (!row) throw new DomainError('decision.notFound', `No decision has the reference ${reference}.`, 'decision');
        return row.id;
      },
      'write the notice with the gaps marked “To be completed”',
    );
  },
};
