import { openDatabase } from '../db/connection';
import type { Verb } from '../cli/verb';
import { UsageError, type CliContext } from '../cli/io';
import { isSqliteFile } from '../cli/workspace-file';
import { DomainError } from '../shared/errors';
import { describeQuarter, isFinancialYear, parseQuarter } from '../shared/financial-year';
import { formatPence } from '../shared/money';
import type { FundingStreamSummary, ReturnExportResult } from './contract';

/**
 * `export return` and `export funding`: the Home Office spend return and the board's funding
 * summary, through the same operations the app calls.
 */

async function withWorkspace<T>(path: string, cli: CliContext, body: (call: (name: string, input: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  // The handler map is loaded only when an export runs, so other commands start quickly.
  const { dispatch } = await import('../api/dispatch');
  const db = openDatabase(path, { create: false });
  try {
    const session = { db, actor: cli.actor, now: cli.now };
    return await body(async (name, input) => {
      const env = await dispatch(session, name, input);
      if (!env.ok) throw new DomainError(env.error.code, env.error.message, env.error.field, env.error.problems);
      return env.value;
    });
  } finally {
    db.close();
  }
}

function guardOut(out: string, extension: '.xlsx' | '.docx'): void {
  if (isSqliteFile(out)) throw new DomainError('cli.outIsWorkspace', `${out} is a workspace file; choose another name for the export so the workspace is not overwritten.`, 'out');
  if (!out.toLowerCase().endsWith(extension)) throw new DomainError('cli.outExtension', `Out must be a file name ending in ${extension}, not ${out}.`, 'out');
}

const RETURN_USAGE = 'export return --db FILE --stream REF --year 2019/20 --quarter Q1-Q4 --out FILE.xlsx';

export const exportReturnVerb: Verb = {
  name: 'export return',
  summary: 'Write the Home Office spend return (.xlsx) for a funding stream and quarter.',
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    stream: { type: 'string', value: 'REF', required: true, help: "the funding stream's reference, e.g. VRU-2019" },
    year: { type: 'string', value: '2019/20', required: true, help: 'the financial year' },
    quarter: { type: 'string', value: 'Q1-Q4', required: true, help: 'the quarter claimed: actuals to its end, forecasts after it' },
    out: { type: 'string', value: 'FILE.xlsx', required: true, help: 'the file to write (replaced if it exists)' },
    template: { type: 'string', value: 'FILE', help: 'a return template (default: templates/funding/ho-spend-return-<year>.json)' },
    'prepared-by': { type: 'string', value: 'NAME', help: 'who prepared the return (default: the claim record or the workspace user)' },
    'signed-off-by': { type: 'string', value: 'NAME', help: 'the Chief Finance Officer (default: the claim record or the person with that job title)' },
  },
  async run({ values }, cli) {
    const year = values.year as string;
    if (!isFinancialYear(year)) throw new UsageError(`--year must be a financial year written like 2019/20, not "${year}"`, RETURN_USAGE);
    let quarter: number;
    try {
      quarter = parseQuarter(values.quarter as string);
    } catch (err) {
      throw new UsageError(`--quarter: ${(err as Error).message}`, RETURN_USAGE);
    }
    const out = values.out as string;
    guardOut(out, '.xlsx');
    return withWorkspace(values.db as string, cli, async (call) => {
      const streams = (await call('fundingStream.list', {})) as FundingStreamSummary[];
      const ref = values.stream as string;
      const stream = streams.find((s) => s.reference.toLowerCase() === ref.toLowerCase());
      if (!stream) {
        throw new DomainError('funding_stream.notFound', `There is no funding stream with the reference ${ref}. The workspace has: ${streams.map((s) => s.reference).join(', ') || 'none'}.`, 'stream');
      }
      const r = (await call('funding.exportReturn', {
        streamId: stream.id,
        financialYear: year,
        quarter,
        out,
        template: (values.template as string | undefined) ?? '',
        preparedBy: (values['prepared-by'] as string | undefined) ?? '',
        signedOffBy: (values['signed-off-by'] as string | undefined) ?? '',
      })) as ReturnExportResult;
      cli.say(`Wrote ${r.path}: ${stream.name}, ${describeQuarter(year, quarter as 1 | 2 | 3 | 4)} (${Math.max(1, Math.round(r.bytes / 1024))} KB).`);
      cli.say(
        `Actual this quarter ${formatPence(r.totals.actualQuarterPence)}; actual to date ${formatPence(r.totals.actualToDatePence)}; forecast to year end ${formatPence(r.totals.forecastYearEndPence)}; variance ${formatPence(r.totals.variancePence)}.`,
      );
      cli.say(r.claim ? `Claim for Q${quarter}: ${r.claim.status}.` : `No claim is recorded for Q${quarter} yet.`);
      return 0;
    });
  },
};

const FUNDING_USAGE = 'export funding --db FILE --year 2019/20 --format docx|xlsx --out FILE';

export const exportFundingVerb: Verb = {
  name: 'export funding',
  summary: "Write the board's funding summary for a year (.docx) or its figures (.xlsx).",
  options: {
    db: { type: 'string', value: 'FILE', required: true, help: 'the workspace' },
    year: { type: 'string', value: '2019/20', required: true, help: 'the financial year' },
    format: { type: 'string', value: 'docx|xlsx', required: true, help: 'docx: the summary for the board; xlsx: streams, headings, projects and points as data' },
    out: { type: 'string', value: 'FILE', required: true, help: 'the file to write (replaced if it exists)' },
  },
  async run({ values }, cli) {
    const year = values.year as string;
    const format = values.format as string;
    if (!isFinancialYear(year)) throw new UsageError(`--year must be a financial year written like 2019/20, not "${year}"`, FUNDING_USAGE);
    if (format !== 'docx' && format !== 'xlsx') throw new UsageError(`--format must be docx or xlsx, not "${format}"`, FUNDING_USAGE);
    const out = values.out as string;
    guardOut(out, format === 'docx' ? '.docx' : '.xlsx');
    return withWorkspace(values.db as string, cli, async (call) => {
      const r = (await call('funding.exportSummary', { financialYear: year, format, out })) as { path: string; bytes: number };
      cli.say(`Wrote ${r.path}: funding summary ${year} (${Math.max(1, Math.round(r.bytes / 1024))} KB).`);
      return 0;
    });
  },
};
