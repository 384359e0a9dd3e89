import { sql } from '../db/statements';
import { makeCtx, type Ctx } from '../shared/context';
import type { OpName } from '../api/contract';
import { UsageError, type CliContext } from '../cli/io';
import { withOperations } from '../cli/operations';
import type { ExportResult } from '../documents/export-result';
import type { PackExportResult } from './contract';
import type { Verb } from '../cli/verb';
import { DomainError } from '../shared/errors';

/**
 * `export paper --db FILE --paper REF --out FILE.docx` and
 * `export agenda-pack --db FILE --meeting ID [--public] [--format docx|pdf] --out FILE`: the same
 * operations the Papers screen calls. A paper missing a required section is written only
 * with --acknowledge-warnings, after the warning has named the section.
 */
export function runOperation<R>(cli: CliContext, dbPath: string, out: string, op: OpName, input: (ctx: Ctx) => Record<string, unknown> | Promise<Record<string, unknown>>): Promise<R> {
  return withOperations(cli, dbPath, async (call, store) => call<R>(op, { ...(await input(makeCtx(store, cli.actor, cli.now))), out }));
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * An export that is refused until its warnings are acknowledged (a paper missing a required
 * section, a decision notice with gaps): finds the record, writes, and says what happened.
 * Exit 1 with each warning when they were not acknowledged; nothing is written then.
 */
export async function runAcknowledgedExport(
  cli: CliContext,
  values: Record<string, unknown>,
  op: 'paper.export' | 'decision.exportNotice',
  find: (ctx: Ctx) => Promise<number>,
  howToWrite: string,
): Promise<number> {
  let r: ExportResult;
  try {
    r = await runOperation<ExportResult>(cli, values.db as string, values.out as string, op, async (ctx) => ({ id: await find(ctx), acknowledgeWarnings: values['acknowledge-warnings'] === true }));
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'export.warningsNotAcknowledged') throw err;
    cli.warn(`warning: ${err.message}`);
    for (const p of err.problems ?? []) cli.warn(`warning: ${p.message}`);
    cli.warn(`Nothing was written. Add --acknowledge-warnings to ${howToWrite}.`);
    return 1;
  }
  for (const w of r.warnings) cli.warn(`warning: ${w.message}`);
  cli.say(`Wrote ${r.path} (${kb(r.bytes)}).`);
  return 0;
}

export const exportPaperVerb: Verb = {
  name: 'export paper',
  summary: 'Write a paper as a Word document, in its template’s shape.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    paper: { type: 'string', value: 'REF', required: true, help: 'the paper’s reference, e.g. SB/2020/03' },
    out: { type: 'string', value: 'FILE.docx', required: true, help: 'the file to write (replaced if it exists)' },
    'acknowledge-warnings': { type: 'boolean', help: 'write it even if a required section is missing (after reading the warning)' },
  },
  run({ values }, cli) {
    const reference = (values.paper as string).trim();
    return runAcknowledgedExport(
      cli,
      values,
      'paper.export',
      async (ctx) => {
        const row = await sql<{ id: number }>(ctx, 'SELECT id FROM paper WHERE reference = ? COLLATE NOCASE').get(reference);
        if (!row) throw new DomainError('paper.notFound', `No paper has the reference ${reference}.`, 'paper');
        return row.id;
      },
      'write the paper as it is',
    );
  },
};

export const exportAgendaPackVerb: Verb = {
  name: 'export agenda-pack',
  summary: 'Write a meeting’s agenda pack: cover, agenda with the pages of each paper, and every paper, as one Word document or one PDF.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    meeting: { type: 'string', value: 'ID', required: true, help: 'the meeting’s number (shown on its page in the app)' },
    public: { type: 'boolean', help: 'the public pack: confidential items left out' },
    format: { type: 'string', value: 'docx|pdf', help: 'docx or pdf (default: from the file name)' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the file to write, ending .docx or .pdf (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const usage = 'export agenda-pack --db FILE --meeting ID [--public] [--format docx|pdf] --out FILE';
    const text = values.meeting as string;
    if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--meeting must be a meeting number such as 12, not "${text}"`, usage);
    const out = values.out as string;
    const format = (values.format as string | undefined) ?? (out.trim().toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx');
    if (format !== 'docx' && format !== 'pdf') throw new UsageError(`--format must be docx or pdf, not "${format}"`, usage);
    if (!out.trim().toLowerCase().endsWith(`.${format}`)) throw new UsageError(`--out must end in .${format} for --format ${format}`, usage);
    const r = await runOperation<PackExportResult>(cli, values.db as string, out, 'agendaPack.export', () => ({ meetingId: Number(text), public: values.public === true }));
    for (const w of r.warnings) cli.warn(`warning: ${w.message}`);
    const papers = r.plan.parts.length;
    const issue = r.plan.issued === 0 ? 'not yet issued' : `issue ${r.plan.issued}${r.plan.pendingChanges.length ? `, ${r.plan.pendingChanges.length} change(s) since` : ''}`;
    const left = r.plan.leftOut.length ? `; ${r.plan.leftOut.length} confidential paper(s) left out` : '';
    const pages = r.pages !== undefined ? `, ${r.pages} page${r.pages === 1 ? '' : 's'}` : '';
    cli.say(`Wrote ${r.path}: ${papers} paper${papers === 1 ? '' : 's'}${pages}, ${issue}${left} (${kb(r.bytes)}).`);
    return 0;
  },
};
