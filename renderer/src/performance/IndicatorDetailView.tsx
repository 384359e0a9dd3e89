import { useState } from 'react';
import { FREQUENCY_ADVERB } from '../../../main/performance/periods';
import { POLARITY_LABELS, UNIT_LABELS } from '../../../main/performance/units';
import { ErrorSummary } from '../components/ErrorSummary';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorForm } from './IndicatorForm';
import { RagWithRule, TrendText } from './StatusParts';
import { usePerformance } from './store';
import { ValuesGrid } from './ValuesGrid';

/** One indicator: its status with the rule, trends, the chart, its definition, and the values grid. */
export function IndicatorDetailView(props: { id: number }) {
  const detail = usePerformance((s) => s.detail);
  const values = usePerformance((s) => s.values);
  const error = usePerformance((s) => s.error);
  const show = usePerformance((s) => s.show);
  const [editing, setEditing] = useState(false);

  if (error) return <ErrorSummary message={error} />;
  if (!detail || detail.indicator.id !== props.id) return <p className="result-count">Loading…</p>;
  const { indicator: ind, status } = detail;
  const measured = status.measured ?? (status.latest && { valueText: status.latest.valueText, label: status.latest.label });

  return (
    <>
      <p>
        <button type="button" className="button-link" onClick={() => show({ kind: 'scorecard' })}>
          Back to the scorecard
        </button>
      </p>
      <div className="section-header">
        <h2 className="indicator-title">
          {ind.code} {ind.name}
        </h2>
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          Edit indicator
        </button>
      </div>
      <div className="panel status-panel" role="group" aria-label="Status">
        <p className="status-line">
          <RagWithRule rag={status.rag} />
        </p>
        <dl className="summary-list">
          <div>
            <dt>Latest</dt>
            <dd>{measured ? `${measured.valueText} (${measured.label})` : 'No value yet'}</dd>
          </div>
          <div>
            <dt>Target</dt>
            <dd>{ind.target?.text ?? 'None set'}</dd>
          </div>
          <div>
            <dt>On a year before</dt>
            <dd>
              <TrendText trend={status.trendYear} />
            </dd>
          </div>
          <div>
            <dt>On the baseline</dt>
            <dd>
              <TrendText trend={status.trendBaseline} none={ind.baselineValue === null ? 'No baseline set' : 'No value to compare with the baseline yet'} />
            </dd>
          </div>
        </dl>
      </div>
      <IndicatorChart chart={detail.chart} />
      <dl className="summary-list definition">
        <div>
          <dt>Definition</dt>
          <dd>{ind.definition || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>
            {UNIT_LABELS[ind.unit]}, {POLARITY_LABELS[ind.polarity]}, reported {FREQUENCY_ADVERB[ind.frequency]}
          </dd>
        </div>
        <div>
          <dt>Data source</dt>
          <dd>{ind.dataSource || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{ind.ownerOrganisationName ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Baseline</dt>
          <dd>{detail.chart.baselineLabel?.replace(/^Baseline /, '') ?? 'None set'}</dd>
        </div>
        <div>
          <dt>Amber tolerance</dt>
          <dd>{ind.ragAmberTolerancePercent}% of the target ({ind.themeName})</dd>
        </div>
      </dl>
      <ValuesGrid key={ind.id} indicator={ind} values={values} />
      {editing && <IndicatorForm indicator={ind} onClose={() => setEditing(false)} />}
    </>
  );
}
