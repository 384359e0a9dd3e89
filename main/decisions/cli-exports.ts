import { sql } from '../db/statements';
import { UsageError } from '../cli/io';
import type { Verb } from '../cli/verb';
import { kilobytes } from '../cli/format';
import { docxOrXlsx, outOption, withOperations, WORKSPACE_OPTION } from '../cli/operations';
import { boardIdOfCode, dateOptions, registerFilterOptions } from '../cli/register-filter-options';
import type { ExportResult } from '../documents/export-result';
import { runAcknowledgedExport } from '../papers/cli-exports';
import { DomainError } from '../shared/errors';
import { DECISION_STATUSES } from './decision-rules';

/**
 * `export decisions --db FILE [--board CODE] [--from DATE] [--to DATE] [--status S]
 * [--open-only] --out FILE`: the decisions log, as the Decisions screen's export writes it.
 */
export const exportDecisionsVerb: Verb = {
  name: 'export decisions',
  summary: 'Write the decisions log as a Word table or an Excel sheet.',
  options: {
    db: WORKSPACE_OPTION,
    format: { type: 'string', value: 'docx|xlsx', help: 'docx or xlsx (default: from the file name)' },
    ...registerFilterOptions({
      dated: 'decided (the decision’s date, else its meeting’s)',
      statuses: `only decisions with this status: ${DECISION_STATUSES.join(', ')}`,
      open: 'only decisions still to be decided (proposed or deferred)',
    }),
    'with-undated': { type: 'boolean', help: 'with --from/--to: the decisions not dated yet as well (no date and no meeting), as the log on screen shows them' },
    out: outOption('FILE', 'the file to write, ending .docx or .xlsx (replaced if it exists)'),
  },
  async run({ values }, cli) {
    const usage = 'export decisions --db FILE [--format docx|xlsx] [--board CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status STATUS] [--open-only] [--with-undated] --out FILE';
    const out = values.out as string;
    const format = docxOrXlsx((values.format as string | undefined) ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx'), usage);
    if (!out.toLowerCase().endsWith(`.${format}`)) throw new UsageError(`--out must end in .${format} for --format ${format}`, usage);
    const r = await withOperations(cli, values.db as string, async (call) =>
      call<ExportResult>('decision.exportLog', {
        boardId: await boardIdOfCode(call, values.board as string | undefined, usage),
        ...dateOptions(values),
        status: typeof values.status === 'string' ? values.status.trim() : null,
        openOnly: values['open-only'] === true,
        withUndated: values['with-undated'] === true,
        format,
        out,
      }),
    );
    cli.say(`Wrote ${r.path}: ${r.rows ?? 0} decision${r.rows === 1 ? '' : 's'} (${kilobytes(r.bytes)}).`);
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
