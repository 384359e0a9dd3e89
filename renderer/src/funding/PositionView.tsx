import type { Position, PositionFigures } from '../../../main/funding/contract';
import { describeQuarter, type Quarter } from '../../../main/shared/financial-year';
import { formatPence } from '../../../main/shared/money';
import { FIGURE_LABELS, VARIANCE_EXPLAINED } from '../../../main/funding/figures';
import { DataTable } from '../components/DataTable';
import { monitoringText, useFunding } from './store';
import { TableScroll } from '../components/TableScroll';

const money = (p: number) => formatPence(p, { alwaysPence: true });
const costTypeLabel = (c: string) => (c === 'capital' ? 'Capital' : 'Revenue');

/** Allocation against actual and forecast, by heading and by quarter; award against paid per project. */
export function PositionView() {
  const position = useFunding((s) => s.position);
  if (!position) return <p className="result-count">Loading…</p>;
  if (position.lines.length === 0) {
    return <p className="empty">Nothing is budgeted for {position.financialYear} yet. Add budget lines under “Budget and virement”, or funded projects.</p>;
  }
  const q = position.asOfQuarter;
  return (
    <>
      <p className="hint">
        {q === 0
          ? 'No actual spend is counted yet: every month is forecast.'
          : `Actual spend to the end of ${describeQuarter(position.financialYear, q as Quarter)}; forecast for the months after.`}{' '}
        {VARIANCE_EXPLAINED}
      </p>
      <HeadingTable position={position} />
      <QuarterTable position={position} />
      {position.awards.length > 0 && <AwardsPaidTable position={position} />}
    </>
  );
}

function HeadingTable({ position }: { position: Position }) {
  const q = position.asOfQuarter;
  const row = (f: PositionFigures) => (
    <>
      <td className="numeric">{money(f.budgetPence)}</td>
      <td className="numeric">{q ? money(f.actualQuarterPence) : '—'}</td>
      <td className="numeric">{money(f.actualToDatePence)}</td>
      <td className="numeric">{money(f.forecastYearEndPence)}</td>
      <td className={f.variancePence < 0 ? 'numeric overspend' : 'numeric'}>{money(f.variancePence)}</td>
    </>
  );
  return (
    <section className="section" aria-labelledby="by-heading-title">
      <h2 id="by-heading-title">By heading</h2>
      <TableScroll labelledBy="by-heading-title">
        <table className="table funding-table" data-testid="variance-by-heading">
          <caption className="visually-hidden">Budget, actual, forecast and variance by heading, {position.financialYear}</caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
              <th scope="col">Revenue or capital</th>
              <th scope="col" className="numeric">
                {FIGURE_LABELS.budget}
              </th>
              <th scope="col" className="numeric">
                Actual {q ? `Q${q}` : 'this quarter'}
              </th>
              <th scope="col" className="numeric">
                {FIGURE_LABELS.actualToDate}
              </th>
              <th scope="col" className="numeric">
                {FIGURE_LABELS.forecastYearEnd}
              </th>
              <th scope="col" className="numeric">
                {/* "Variance" over "(budget less forecast)", so the column is as narrow as its figures. */}
                {FIGURE_LABELS.variance.split(' (')[0]}
                <br />({FIGURE_LABELS.variance.split(' (')[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {position.headings.map((h) => (
              <tr key={`${h.heading}-${h.costType}`}>
                <th scope="row">{h.heading}</th>
                <td>{costTypeLabel(h.costType)}</td>
                {row(h)}
              </tr>
            ))}
            {position.costTypes
              .filter((c) => c.budgetPence !== 0 || c.forecastYearEndPence !== 0)
              .map((c) => (
                <tr key={c.costType} className="subtotal">
                  <th scope="row">Total {c.costType}</th>
                  <td>{costTypeLabel(c.costType)}</td>
                  {row(c)}
                </tr>
              ))}
            <tr className="total">
              <th scope="row">Total</th>
              <td />
              {row(position.totals)}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function QuarterTable({ position }: { position: Position }) {
  const q = position.asOfQuarter;
  const cell = (f: PositionFigures, i: number) => {
    const quarter = f.quarters[i]!;
    const actual = i + 1 <= q;
    return (
      <td key={i} className="numeric">
        {money(quarter.outturnPence)}
        <span className="figure-kind">{actual ? ' actual' : ' forecast'}</span>
      </td>
    );
  };
  return (
    <section className="section" aria-labelledby="by-quarter-title">
      <h2 id="by-quarter-title">By quarter</h2>
      <TableScroll labelledBy="by-quarter-title">
        <table className="table funding-table" data-testid="variance-by-quarter">
          <caption className="visually-hidden">Spend by heading and quarter, {position.financialYear}: actual to the cut-off, forecast after it</caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
              <th scope="col" className="numeric">
                Q1 (Apr–Jun)
              </th>
              <th scope="col" className="numeric">
                Q2 (Jul–Sep)
              </th>
              <th scope="col" className="numeric">
                Q3 (Oct–Dec)
              </th>
              <th scope="col" className="numeric">
                Q4 (Jan–Mar)
              </th>
              <th scope="col" className="numeric">
                Year
              </th>
            </tr>
          </thead>
          <tbody>
            {position.headings.map((h) => (
              <tr key={`${h.heading}-${h.costType}`}>
                <th scope="row">{h.heading}</th>
                {[0, 1, 2, 3].map((i) => cell(h, i))}
                <td className="numeric">{money(h.forecastYearEndPence)}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">Total</th>
              {[0, 1, 2, 3].map((i) => cell(position.totals, i))}
              <td className="numeric">{money(position.totals.forecastYearEndPence)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function AwardsPaidTable({ position }: { position: Position }) {
  return (
    <section className="section" aria-labelledby="award-paid-title">
      <h2 id="award-paid-title">Funded projects: award and paid</h2>
      <DataTable
        caption={`Award and paid to date per funded project, ${position.financialYear}`}
        className="table funding-table"
        rows={position.awards}
        rowKey={(a) => a.awardId}
        columns={[
          { header: 'Organisation', rowHeader: true, cell: (a) => a.organisationName },
          { header: 'Project', cell: (a) => a.project },
          { header: `Award ${position.financialYear}`, numeric: true, cell: (a) => money(a.awardPence) },
          { header: 'Paid to date', numeric: true, cell: (a) => money(a.paidPence) },
          { header: 'Remaining', numeric: true, cell: (a) => money(a.remainingPence) },
          { header: 'Monitoring met', cell: (a) => monitoringText(a.monitoringMet) },
        ]}
      />
    </section>
  );
}
