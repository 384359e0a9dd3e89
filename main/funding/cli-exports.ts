import { kilobytes } from '../cli/format';
import { UsageError } from '../cli/io';
import { docxOrXlsx, outOption, runExport, withOperations, WORKSPACE_OPTION } from '../cli/operations';
import type { ExportResult } from '../documents/export-result';
import type { Verb } from '../cli/verb';
import { DomainError } from '../shared/errors';
import { describeQuarter, isFinancialYear, parseQuarter } from '../shared/financial-year';
import { formatPence } from '../shared/money';
import type { FundingStreamSummary, ReturnExportResult } from './contract';

/**
 * `export return` and `export funding`: the Home Office spend return and the board's funding
 * summary, through the same operations the app calls.
 */

function financialYearArg(year: string, usage: string): string {
  if (!isFinancialYear(year)) throw new UsageError(`--year must be a financial year written like 2019/20, not "${year}"`, usage);
  return year;
}

const RETURN_USAGE = 'export return --db FILE --stream REF --year 2019/20 --quarter Q1-Q4 --out FILE.xlsx';

export const exportReturnVerb: Verb = {
  name: 'export return',
  summary: 'Write the Home Office spend return (.xlsx) for a funding stream and quarter.',
  options: {
    db: WORKSPACE_OPTION,
    stream: { type: 'string', value: 'REF', required: true, help: "the funding stream's reference, e.g. VRU-2019" },
    year: { type: 'string', value: '2019/20', required: true, help: 'the financial year' },
    quarter: { type: 'string', value: 'Q1-Q4', required: true, help: 'the quarter claimed: actuals to its end, forecasts after it' },
    out: outOption('FILE.xlsx'),
    template: { type: 'string', value: 'FILE', help: 'a return template (default: templates/funding/ho-spend-return-<year>.json)' },
    'prepared-by': { type: 'string', value: 'NAME', help: 'who prepared the return (default: the claim record or the workspace user)' },
    'signed-off-by': { type: 'string', value: 'NAME', help: 'the Chief Finance Officer (default: the claim record or the person with that job title)' },
  },
  async run({ values }, cli) {
    const year = financialYearArg(values.year as string, RETURN_USAGE);
    let quarter: number;
    try {
      quarter = parseQuarter(values.quarter as string);
    } catch (err) {
      throw new UsageError(`--quarter: ${(err as Error).message}`, RETURN_USAGE);
    }
    const out = values.out as string;
    return withOperations(cli, values.db as string, async (call) => {
      const streams = await call<FundingStreamSummary[]>('fundingStream.list', {});
      const ref = values.stream as string;
      const stream = streams.find((s) => s.reference.toLowerCase() === ref.toLowerCase());
      if (!stream) {
        throw new DomainError('funding_stream.notFound', `There is no funding stream with the reference ${ref}. The workspace has: ${streams.map((s) => s.reference).join(', ') || 'none'}.`, 'stream');
      }
      const r = await call<ReturnExportResult>('funding.exportReturn', {
        streamId: stream.id,
        financialYear: year,
        quarter,
        out,
        template: (values.template as string | undefined) ?? '',
        preparedBy: (values['prepared-by'] as string | undefined) ?? '',
        signedOffBy: (values['signed-off-by'] as string | undefined) ?? '',
      });
      cli.say(`Wrote ${r.path}: ${stream.name}, ${describeQuarter(year, quarter as 1 | 2 | 3 | 4)} (${kilobytes(r.bytes)}).`);
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
    db: WORKSPACE_OPTION,
    year: { type: 'string', value: '2019/20', required: true, help: 'the financial year' },
    format: { type: 'string', value: 'docx|xlsx', required: true, help: 'docx: the summary for the board; xlsx: streams, headings, projects and points as data' },
    out: outOption(),
  },
  async run({ values }, cli) {
    const year = financialYearArg(values.year as string, FUNDING_USAGE);
    const format = docxOrXlsx(values.format as string, FUNDING_USAGE);
    const out = values.out as string;
    const r = await runExport<ExportResult>(cli, values.db as string, out, 'funding.exportSummary', { financialYear: year, format });
    cli.say(`Wrote ${r.path}: funding summary ${year} (${kilobytes(r.bytes)}).`);
    return 0;
  },
};
