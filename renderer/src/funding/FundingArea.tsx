import { useEffect, useState } from 'react';
import type { FundingStreamSummary } from '../../../main/funding/contract';
import { financialYearOf, yearsBetween } from '../../../main/shared/financial-year';
import { formatPence } from '../../../main/shared/money';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { SelectField } from '../components/fields';
import { StreamForm } from './StreamForm';
import { StreamPage } from './StreamPage';
import { useFunding } from './store';
import { todayIso } from '../today';
import './funding.css';

/** Funding: the list of funding streams; a stream opens in place of the list. */
export function FundingArea() {
  const streamId = useFunding((s) => s.streamId);
  return streamId === null ? <StreamsList /> : <StreamPage />;
}

function StreamsList() {
  const streams = useFunding((s) => s.streams);
  const error = useFunding((s) => s.error);
  const load = useFunding((s) => s.loadStreams);
  const open = useFunding((s) => s.open);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>Funding</h1>
      <div className="toolbar">
        <p className="result-count" role="status">
          {streams.length} funding {streams.length === 1 ? 'stream' : 'streams'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add funding stream
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      <DataTable
        caption="Funding streams"
        rows={streams}
        rowKey={(s) => s.id}
        empty="No funding streams yet. Add the first with “Add funding stream”, or load the demonstration workspace from the Dashboard."
        columns={[
          {
            header: 'Funding stream',
            rowHeader: true,
            cell: (s) => (
              <button type="button" className="button-link" onClick={() => void open(s.id)}>
                {s.name}
              </button>
            ),
          },
          { header: 'Reference', cell: (s) => s.reference },
          { header: 'Funder', cell: (s) => s.funder },
          { header: 'Years', cell: (s) => (s.firstYear === s.lastYear ? s.firstYear : `${s.firstYear} to ${s.lastYear}`) },
          { header: 'Allocation', numeric: true, cell: (s) => formatPence(s.totalAllocationPence) },
          { header: 'Funded projects', numeric: true, cell: (s) => s.awardCount },
        ]}
      />
      {streams.length > 0 && <SummaryExport streams={streams} />}
      {adding && <StreamForm onClose={() => setAdding(false)} />}
    </>
  );
}

/** The board's funding summary for a year, across every stream: a Word report or its figures in Excel. */
function SummaryExport({ streams }: { streams: FundingStreamSummary[] }) {
  const years = [...new Set(streams.flatMap((s) => yearsBetween(s.firstYear, s.lastYear)))].sort().reverse();
  const current = financialYearOf(todayIso());
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen ?? (years.includes(current) ? current : years[0]!);
  return (
    <section className="section" aria-labelledby="summary-export-title">
      <h2 id="summary-export-title">Funding summary for the board</h2>
      <p className="hint">Every funding stream in the year: allocation, budget, actual and forecast spend, variance and the points to note.</p>
      <ExportForm
        id="summary"
        choices={[
          { value: 'docx', label: 'Report (Word, .docx)', fileName: `Funding summary ${year}.docx` },
          { value: 'xlsx', label: 'Figures (Excel, .xlsx)', fileName: `Funding summary ${year}.xlsx` },
        ]}
        submitLabel="Export summary"
        plan={(format) => exportPlan('funding.exportSummary', { financialYear: year, format: format as 'docx' | 'xlsx' })}
      >
        <SelectField name="summary-year" label="Financial year" value={year} onChange={setChosen} options={years.map((y) => ({ value: y, label: y }))} />
      </ExportForm>
    </section>
  );
}
