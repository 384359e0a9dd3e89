import { useEffect } from 'react';
import type { ScorecardRow } from '../../../main/performance/contract';
import { ErrorSummary } from '../components/ErrorSummary';
import { RagWithRule, Sparkline, TrendText } from './StatusParts';
import { usePerformance } from './store';

function latestText(r: ScorecardRow): string {
  if (r.measured && r.measured.label.startsWith('Rolling')) return `${r.measured.valueText} (${r.measured.label})`;
  if (r.latest) return `${r.latest.valueText} (${r.latest.label}${r.latest.status === 'provisional' ? ', provisional' : ''})`;
  return 'No value yet';
}

/** Every indicator as at the date, grouped by theme: latest value, target, status with its rule, trend, sparkline. */
export function ScorecardView() {
  const card = usePerformance((s) => s.scorecard);
  const error = usePerformance((s) => s.error);
  const load = usePerformance((s) => s.loadScorecard);
  const show = usePerformance((s) => s.show);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorSummary message={error} />;
  if (!card) return <p className="result-count">Loading…</p>;
  if (card.rows.length === 0) return <p className="empty">No indicators yet. Add a theme, then the first indicator with “Add indicator”.</p>;

  const themes = [...new Map(card.rows.map((r) => [r.themeId, r.themeName])).entries()];
  return (
    <>
      <p className="result-count" role="status">
        {card.rows.length} {card.rows.length === 1 ? 'indicator' : 'indicators'}: {card.counts.green} green, {card.counts.amber} amber, {card.counts.red} red, {card.counts.not_rated} not rated
      </p>
      {themes.map(([themeId, themeName]) => (
        <section key={themeId} className="section">
          <h2>{themeName}</h2>
          <table className="table scorecard">
            <caption className="visually-hidden">{themeName}: scorecard</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Latest</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Trend on a year before</th>
                <th scope="col">Recent periods</th>
              </tr>
            </thead>
            <tbody>
              {card.rows
                .filter((r) => r.themeId === themeId)
                .map((r) => (
                  <tr key={r.indicatorId} data-code={r.code}>
                    <th scope="row">
                      <button type="button" className="button-link" onClick={() => show({ kind: 'indicator', id: r.indicatorId })}>
                        {r.code} {r.name}
                      </button>
                    </th>
                    <td>{latestText(r)}</td>
                    <td>{r.target?.text ?? <span className="hint">No target set</span>}</td>
                    <td>
                      <RagWithRule rag={r.rag} />
                    </td>
                    <td>
                      <TrendText trend={r.trendYear} />
                    </td>
                    <td>
                      <Sparkline values={r.sparkline.values} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** What is red or worse than a year before, with the commentary recorded with its latest value. */
export function ExceptionsView() {
  const card = usePerformance((s) => s.exceptions);
  const error = usePerformance((s) => s.error);
  const load = usePerformance((s) => s.loadExceptions);
  const show = usePerformance((s) => s.show);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorSummary message={error} />;
  if (!card) return <p className="result-count">Loading…</p>;
  if (card.rows.length === 0) return <p className="empty">No indicator is red or worse than a year before.</p>;
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
