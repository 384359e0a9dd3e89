import { useState, type FormEvent } from 'react';
import type { Claim } from '../../../main/funding/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { SelectField, TextField } from '../components/fields';
import { useWorkspace } from '../workspace/store';
import { useFunding } from './store';
import { useUnsaved } from '../app/unsaved';

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
  const userName = useWorkspace((s) => s.info?.settings.userName ?? '');
  const [quarter, setQuarter] = useState(String(position?.asOfQuarter || 1));
  const [preparedBy, setPreparedBy] = useState('');
  const [signedOffBy, setSignedOffBy] = useState('');
  const money = (p: number) => formatPence(p, { alwaysPence: true });
  // Names typed for the return's cover and not yet used in an export: a move away asks first.
  const [exported, setExported] = useState({ preparedBy: '', signedOffBy: '' });
  useUnsaved(preparedBy.trim() !== exported.preparedBy.trim() || signedOffBy.trim() !== exported.signedOffBy.trim(), 'the names typed for the spend return');

  return (
    <section className="section" aria-labelledby="return-title">
      <h2 id="return-title">Home Office spend return</h2>
      <p className="hint">An Excel workbook from the return template: cover and declaration, spend by heading with formulas for totals and variances, revenue and capital, and funded projects.</p>
      <ExportForm
        id="return"
        fileName={`${stream.reference} spend return ${year} Q${quarter}.xlsx`}
        submitLabel="Export return"
        plan={() =>
          exportPlan(
            'funding.exportReturn',
            { streamId: stream.id, financialYear: year, quarter: Number(quarter), template: '', preparedBy, signedOffBy },
            (r) => `The ${year} Q${quarter} return shows actual this quarter ${money(r.totals.actualQuarterPence)}, forecast to year end ${money(r.totals.forecastYearEndPence)}.`,
          )
        }
        onWritten={() => setExported({ preparedBy, signedOffBy })}
      >
        <div className="field-row">
          <SelectField name="return-quarter" label="Quarter" value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))} />
          <TextField
            name="return-prepared-by"
            label="Prepared by (optional)"
            hint={userName ? `Blank: the claim's preparer, or ${userName} (your name in Settings)` : "Blank: the claim's preparer"}
            value={preparedBy}
            onChange={setPreparedBy}
            width="medium"
          />
          <TextField name="return-signed-off-by" label="Chief Finance Officer (optional)" value={signedOffBy} onChange={setSignedOffBy} width="medium" />
        </div>
      </ExportForm>
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
      await call(api().claim.setStatus({ id: c.id, version: c.version, status, on: null }));
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
      <DataTable
        caption={`Claims on the ${stream.name}`}
        className="table funding-table"
        rows={claims}
        rowKey={(c) => c.id}
        empty="No claims recorded."
        columns={[
          { header: 'Period', rowHeader: true, cell: (c) => `${c.financialYear} ${c.period}` },
          { header: 'Status', cell: (c) => STATUS_LABELS[c.status] },
          { header: 'Amount', numeric: true, cell: (c) => formatPence(c.amountPence, { alwaysPence: true }) },
          { header: 'Signed off', cell: (c) => (c.signedOffOn ? formatDateShort(c.signedOffOn) : '—') },
          { header: 'Submitted', cell: (c) => (c.submittedOn ? formatDateShort(c.submittedOn) : '—') },
          { header: 'Paid', cell: (c) => (c.paidOn ? formatDateShort(c.paidOn) : '—') },
          {
            ...ACTIONS_COLUMN,
            cell: (c) =>
              c.status !== 'paid' && (
                <button type="button" className="button-link" onClick={() => void move(c, c.status === 'draft' ? 'submitted' : 'paid')}>
                  {c.status === 'draft' ? 'Mark submitted' : 'Mark paid'}
                  <span className="visually-hidden"> {c.period}</span>
                </button>
              ),
          },
        ]}
      />
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
