import { formatPence } from '../../../main/shared/money';
import { FIGURE_LABELS } from '../../../main/funding/figures';
import { formatDateLong } from '../../../main/shared/dates';
import { ErrorSummary } from '../components/ErrorSummary';
import { Tabs } from '../components/Tabs';
import { AwardsView } from './AwardsView';
import { BudgetView } from './BudgetView';
import { ClaimsView } from './ClaimsView';
import { RoundsView } from '../grants/RoundsView';
import { PositionView } from './PositionView';
import { SpendGridView } from './SpendGridView';
import { useFunding, type Tab } from './store';

const TABS: { id: Tab; label: string }[] = [
  { id: 'position', label: 'Position' },
  { id: 'spend', label: 'Spend' },
  { id: 'budget', label: 'Budget and virement' },
  { id: 'awards', label: 'Funded projects' },
  { id: 'rounds', label: 'Rounds' },
  { id: 'claims', label: 'Claims and return' },
];

/** One funding stream in one year: its figures, the points to note, and a tab per task. */
export function StreamPage() {
  const stream = useFunding((s) => s.stream);
  const position = useFunding((s) => s.position);
  const year = useFunding((s) => s.year);
  const tab = useFunding((s) => s.tab);
  const asOf = useFunding((s) => s.asOfQuarter);
  const error = useFunding((s) => s.error);
  const open = useFunding((s) => s.open);
  const setYear = useFunding((s) => s.setYear);
  const setTab = useFunding((s) => s.setTab);
  const setAsOf = useFunding((s) => s.setAsOfQuarter);

  if (!stream) return error ? <ErrorSummary message={error} /> : <p className="result-count">Loading…</p>;

  const t = position?.totals;
  return (
    <>
      <p>
        <button type="button" className="button-link" onClick={() => void open(null)}>
          ← All funding streams
        </button>
      </p>
      <h1>{stream.name}</h1>
      <p className="stream-meta">
        {stream.funder} · {stream.reference}
        {stream.agreementReference && ` · agreement ${stream.agreementReference}`}
        {stream.awardCapPence !== null && ` · awards capped at ${formatPence(stream.awardCapPence)} a year`}
        {` · claimed ${stream.claimFrequency}`}
        {stream.carryOverAllowed ? ' · carry-over allowed' : ' · no carry-over'}
      </p>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="funding-year">Financial year</label>
          <select id="funding-year" className="select" value={year} onChange={(e) => void setYear(e.target.value)}>
            {stream.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="funding-as-of">Actuals to</label>
          <select id="funding-as-of" className="select" value={asOf === null ? '' : String(asOf)} onChange={(e) => void setAsOf(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Latest quarter with actuals{position && asOf === null ? ` (${position.asOfQuarter ? `Q${position.asOfQuarter}` : 'none yet'})` : ''}</option>
            <option value="0">None: forecast only</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                End of Q{q}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <ErrorSummary message={error} />}
      {position && t && (
        <>
          <dl className="counts funding-figures" aria-label={`${stream.name} ${year} in figures`}>
            <Figure label={FIGURE_LABELS.allocation} pence={position.allocationPence} />
            <Figure label={FIGURE_LABELS.budget} pence={t.budgetPence} />
            <Figure label={FIGURE_LABELS.unbudgeted} pence={position.unbudgetedPence} alert={position.unbudgetedPence < 0} />
            <Figure label={FIGURE_LABELS.actualToDate} pence={t.actualToDatePence} />
            <Figure label={FIGURE_LABELS.forecastYearEnd} pence={t.forecastYearEndPence} />
            <Figure label={FIGURE_LABELS.variance} pence={t.variancePence} />
            <Figure label="Underspend at risk" pence={position.underspendAtRiskPence} alert={position.underspendAtRiskPence > 0} />
            {/* The year's date from the one function the return and the summary use; carry-over is in the line above. */}
            <Figure label={FIGURE_LABELS.spendBy} text={position.spendBy ? formatDateLong(position.spendBy) : 'No date set'} />
          </dl>
          {position.warnings.length > 0 && (
            <section className="warning-panel" aria-labelledby="funding-warnings-title">
              <h2 id="funding-warnings-title">Points to note</h2>
              <ul>
                {position.warnings.map((w, i) => (
                  <li key={i} data-code={w.code}>
                    {w.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <Tabs id="funding" label="Funding stream" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'position' && <PositionView />}
        {tab === 'spend' && <SpendGridView />}
        {tab === 'budget' && <BudgetView />}
        {tab === 'awards' && <AwardsView />}
        {tab === 'rounds' && <RoundsView />}
        {tab === 'claims' && <ClaimsView />}
      </Tabs>
    </>
  );
}

function Figure(props: { label: string; alert?: boolean } & ({ pence: number; text?: undefined } | { text: string; pence?: undefined })) {
  return (
    <div className={props.alert ? 'count count-alert' : 'count'}>
      <dt>{props.label}</dt>
      <dd>{props.text ?? formatPence(props.pence!)}</dd>
    </div>
  );
}
