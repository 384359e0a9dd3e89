import type { ExportResult } from '../documents/export-result';
import type { ReportExportResult } from './contract';
import { kilobytes } from '../cli/format';
import { docxOrXlsx, outOption, runExport, WORKSPACE_OPTION } from '../cli/operations';
import type { Verb } from '../cli/verb';

/**
 * `export performance --db FILE --as-at 2020-03-31 --format docx|xlsx --out FILE`: the Word
 * report for the board or the .xlsx dataset, through the same operations the app calls.
 */
export const exportPerformanceVerb: Verb = {
  name: 'export performance',
  summary: 'Write the performance report (.docx) or the indicator dataset (.xlsx) as at a date.',
  options: {
    db: WORKSPACE_OPTION,
    'as-at': { type: 'string', value: 'YYYY-MM-DD', required: true, help: 'count periods that ended by this date, e.g. 2020-03-31' },
    format: { type: 'string', value: 'docx|xlsx', required: true, help: 'docx: the report for the board; xlsx: one row per indicator and period' },
    out: outOption(),
  },
  async run({ values }, cli) {
    const format = docxOrXlsx(values.format as string, 'export performance --db FILE --as-at YYYY-MM-DD --format docx|xlsx --out FILE');
    const value = await runExport<ExportResult & Partial<ReportExportResult>>(
      cli,
      values.db as string,
      values.out as string,
      format === 'docx' ? 'performance.exportReport' : 'performance.exportDataset',
      { asAt: values['as-at'] },
    );
    const what = format === 'docx' ? `${value.indicators} indicators, ${value.charts} charts` : `${value.rows} indicator-period rows`;
    cli.say(`Wrote ${value.path}: ${what} (${kilobytes(value.bytes)}).`);
    return 0;
  },
};
