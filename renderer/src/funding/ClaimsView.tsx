import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../main/funding/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { useWorkspace } from '../workspace/store';
import { folderOf, joinPath, useFunding } from './store';

const STATUS_LABELS: Record<Claim['status'], string> = { draft: 'Draft', submitted: 'Submitted', paid: 'Paid' };

function periodsFor(frequency: string): string[] {
  if (frequency === 'monthly') return Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
  if (frequency === 'annual') return ['Year'];
  return ['Q1', 'Q2', 'Q3', 'Q4'];
}

/** The Home Office spend return for a quarter, and the claims made (each period once). */
export function ClaimsView() {
  return (
    <>
      <ReturnSection />
      <ClaimsSection />
    </>
  );
}

function ReturnSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const position = useFunding((s) => s.position);
  const info = useWorkspace((s) => s.info);
  const [quarter, setQuarter] = useState(String(position?.asOfQuarter || 1));
  const fileName = `${stream.reference} spend return ${year.replace('/', '-')} Q${quarter}.xlsx`;
  const [out, setOut] = useState<string | null>(null);
  const [preparedBy, setPreparedBy] = useState('');
  const [signedOffBy, setSignedOffBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = out ?? (info ? joinPath(folderOf(info.path), fileName) : fileName);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call(api().funding.exportReturn({ streamId: stream.id, financialYear: year, quarter: Number(quarter), out: path, template: '', preparedBy, signedOffBy }));
      setDone(
        `Saved the ${year} Q${quarter} return to ${r.path} (${Math.max(1, Math.round(r.bytes / 1024))} KB): actual this quarter ${formatPence(r.totals.actualQuarterPence, { alwaysPence: true })}, forecast to year end ${formatPence(r.totals.forecastYearEndPence, { alwaysPence: true })}.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="return-title">
      <h2 id="return-title">Home Office spend return</h2>
      <p className="hint">An Excel workbook from the return template: cover and declaration, spend by heading with formulas for totals and variances, revenue and capital, and funded projects.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorSummary message={error} />}
        <div className="field-row">
          <div className="field">
            <label htmlFor="return-quarter">Quarter</label>
            <select
              id="return-quarter"
              className="select"
              value={quarter}
              onChange={(e) => {
                setQuarter(e.target.value);
                setOut(null);
              }}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="return-prepared-by">Prepared by (optional)</label>
            <input id="return-prepared-by" className="input input-medium" value={preparedBy} onChange={(e) => setPreparedBy(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="return-signed-off-by">Chief Finance Officer (optional)</label>
            <input id="return-signed-off-by" className="input input-medium" value={signedOffBy} onChange={(e) => setSignedOffBy(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="return-out">Save as</label>
          <p className="hint">The full path of the Excel file to write; an existing file is replaced.</p>
          <input id="return-out" className="input" value={path} onChange={(e) => setOut(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Export return
          </button>
        </div>
      </form>
      <p role="status" className="export-result">
        {done}
      </p>
    </section>
  );
}

function ClaimsSection() {
  const stream = useFunding((s) => s.stream)!;
  const year = useFunding((s) => s.year);
  const claims = useFunding((s) => s.claims);
  const refresh = useFunding((s) => s.refresh);
  const periods = periodsFor(stream.claimFrequency);
  const [period, setPeriod] = useState(periods[0]!);
  const [error, setError] = useState<string | null>(null);

  async function record(e: FormEvent) {
    e.preventDefault();
    try {
      await call(api().claim.create({ streamId: stream.id, financialYear: year, period: period as Claim['period'] as never }));
      setError(null);
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function move(c: Claim, status: 'submitted' | 'paid') {
    try {
      await call(api().claim.setStatus({ id: c.id, status, on: null }));
      setError(null);
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="claims-title">
      <h2 id="claims-title">Claims</h2>
      <p className="hint">Each period is claimed once. A claim's amount is the actual spend of its period; it is fixed when the claim is submitted.</p>
      {error && <ErrorSummary message={error} />}
      {claims.length === 0 ? (
        <p className="empty">No claims recorded.</p>
      ) : (
        <table className="table funding-table">
          <caption className="visually-hidden">Claims on the {stream.name}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">Submitted</th>
              <th scope="col">Paid</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.financialYear} {c.period}
                </th>
                <td>{STATUS_LABELS[c.status]}</td>
                <td className="numeric">{formatPence(c.amountPence, { alwaysPence: true })}</td>
                <td>{c.submittedOn ? formatDateShort(c.submittedOn) : '—'}</td>
                <td>{c.paidOn ? formatDateShort(c.paidOn) : '—'}</td>
                <td className="row-actions">
                  {c.status === 'draft' && (
                    <button type="button" className="button-link" onClick={() => void move(c, 'submitted')}>
                      Mark submitted<span className="visually-hidden"> {c.period}</span>
                    </button>
                  )}
                  {c.status === 'submitted' && (
                    <button type="button" className="button-link" onClick={() => void move(c, 'paid')}>
                      Mark paid<span className="visually-hidden"> {c.period}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void record(e)} noValidate>
        <div className="field">
          <label htmlFor="claim-period">Period</label>
          <select id="claim-period" className="select" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {year} {p}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Record claim
        </button>
      </form>
    </section>
  );
}
