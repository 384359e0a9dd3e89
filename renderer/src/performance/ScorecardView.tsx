import { useEffect, type ReactElement } from 'react';
import type { Scorecard, ScorecardRow } from '../../../main/performance/contract';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { counted } from '../components/words';
import { RagWithRule, Sparkline, TrendText } from './StatusParts';
import { usePerformance } from './store';

function latestText(r: ScorecardRow): string {
  if (r.measured && r.measured.label.startsWith('Rolling')) return `${r.measured.valueText} (${r.measured.label})`;
  if (r.latest) return `${r.latest.valueText} (${r.latest.label}${r.latest.status === 'provisional' ? ', provisional' : ''})`;
  return 'No value yet';
}

/**
 * The scorecard or the exceptions as at the date, loaded when shown: the card once it has
 * rows, else what to show instead (the error, "Loading…", or the empty sentence).
 */
function useCard(kind: 'scorecard' | 'exceptions', emptyText: string): { card: Scorecard | null; placeholder: ReactElement } {
  const card = usePerformance((s) => s[kind]);
  const error = usePerformance((s) => s.error);
  const load = usePerformance((s) => (kind === 'scorecard' ? s.loadScorecard : s.loadExceptions));

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return { card: null, placeholder: <ErrorSummary message={error} /> };
  if (!card) return { card: null, placeholder: <p className="result-count">Loading…</p> };
  if (card.rows.length === 0) return { card: null, placeholder: <p className="empty">{emptyText}</p> };
  return { card, placeholder: <></> };
}

/** Every indicator as at the date, grouped by theme: latest value, target, status with its rule, trend, sparkline. */
export function ScorecardView() {
  const show = usePerformance((s) => s.show);
  const { card, placeholder } = useCard('scorecard', 'No indicators yet. Add a theme, then the first indicator with “Add indicator”.');
  if (!card) return placeholder;

  const themes = [...new Map(card.rows.map((r) => [r.themeId, r.themeName])).entries()];
  return (
    <>
      <p className="result-count" role="status">
        {counted(card.rows.length, 'indicator')}: {card.counts.green} green, {card.counts.amber} amber, {card.counts.red} red, {card.counts.not_rated} not rated
      </p>
      {themes.map(([themeId, themeName]) => (
        <section key={themeId} className="section">
          <h2>{themeName}</h2>
          <DataTable
            caption={`${themeName}: scorecard`}
            className="table scorecard"
            rows={card.rows.filter((r) => r.themeId === themeId)}
            rowKey={(r) => r.indicatorId}
            rowData={(r) => ({ code: r.code })}
            columns={[
              {
                header: 'Indicator',
                rowHeader: true,
                cell: (r) => (
                  <button type="button" className="button-link" onClick={() => show({ kind: 'indicator', id: r.indicatorId })}>
                    {r.code} {r.name}
                  </button>
                ),
              },
              { header: 'Latest', cell: latestText },
              { header: 'Target', cell: (r) => r.target?.text ?? <span className="hint">No target set</span> },
              { header: 'Status', cell: (r) => <RagWithRule rag={r.rag} /> },
              { header: 'Trend on a year before', cell: (r) => <TrendText trend={r.trendYear} /> },
              { header: 'Recent periods', cell: (r) => <Sparkline values={r.sparkline.values} /> },
            ]}
          />
        </section>
      ))}
    </>
  );
}

/** What is red or worse than a year before, with the commentary recorded with its latest value. */
export function ExceptionsView() {
  const show = usePerformance((s) => s.show);
  const { card, placeholder } = useCard('exceptions', 'No indicator is red or worse than a year before.');
  if (!card) return placeholder;
  return (
    <>
      <p className="result-count" role="status">
        {card.rows.length} {card.rows.length === 1 ? 'indicator is' : 'indicators are'} red or worse than a year before
      </p>
      {card.rows.map((r) => (
        <section key={r.indicatorId} className="panel exception">
          <h2>
            <button type="button" className="button-link" onClick={() => show({ kind: 'indicator', id: r.indicatorId })}>
              {r.code} {r.name}
            </button>
          </h2>
          <ul>
            {r.exceptionReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p>
            <strong>Commentary: </strong>
            {r.latest?.note ? `${r.latest.note} (recorded with the ${r.latest.label} value)` : <span className="hint">none recorded with the latest value</span>}
          </p>
        </section>
      ))}
    </>
  );
}
