import { useState, type FormEvent } from 'react';
import { TIERS, type FundingWarning } from '../../../main/funding/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { formatPence } from '../../../main/shared/money';
import { api, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { useFunding } from './store';

const TIER_LABELS: Record<string, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' };

/** The stream's funded projects: amount per year, tier, theme, monitoring, and the rules' warnings beside each. */
export function AwardsView() {
  const stream = useFunding((s) => s.stream)!;
  const awards = useFunding((s) => s.awards);
  const position = useFunding((s) => s.position);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<FundingWarning[] | null>(null);
  const warningsOf = (id: number) => position?.warnings.filter((w) => w.subject === `award:${id}`) ?? [];

  return (
    <>
      <div className="toolbar">
        <p className="result-count">
          {awards.length} funded {awards.length === 1 ? 'project' : 'projects'}
          {stream.awardCapPence !== null && `; cap ${formatPence(stream.awardCapPence)} per award per year`}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setAdding(true)}>
          Add funded project
        </button>
      </div>
      {notice && (
        <div className="warning-panel" role="status">
          <p>The project was saved{notice.length ? '. Points to note:' : '.'}</p>
          {notice.length > 0 && (
            <ul>
              {notice.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {awards.length === 0 ? (
        <p className="empty">No funded projects on this stream.</p>
      ) : (
        <table className="table funding-table">
          <caption className="visually-hidden">Funded projects of the {stream.name}</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Project</th>
              <th scope="col">Tier</th>
              <th scope="col">Dates</th>
              {stream.years.map((y) => (
                <th key={y} scope="col" className="numeric">
                  {y}
                </th>
              ))}
              <th scope="col">Monitoring met</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((a) => {
              const warnings = warningsOf(a.id);
              return (
                <tr key={a.id} className={warnings.length ? 'row-warning' : undefined}>
                  <th scope="row">{a.organisationName}</th>
                  <td>
                    {a.project}
                    {warnings.map((w, i) => (
                      <p key={i} className="inline-warning">
                        {w.message}
                      </p>
                    ))}
                  </td>
                  <td>{a.tier ? TIER_LABELS[a.tier] : '—'}</td>
                  <td>
                    {a.startsOn ? formatDateShort(a.startsOn) : '—'}
                    {a.endsOn ? ` to ${formatDateShort(a.endsOn)}` : ''}
                  </td>
                  {stream.years.map((y) => {
                    const amount = a.years.find((x) => x.financialYear === y)?.amountPence;
                    return (
                      <td key={y} className="numeric">
                        {amount === undefined ? '—' : formatPence(amount)}
                      </td>
                    );
                  })}
                  <td>{a.monitoringMet === null ? 'Not yet assessed' : a.monitoringMet ? 'Yes' : 'No'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {adding && (
        <AwardForm
          onClose={() => setAdding(false)}
          onSaved={(w) => {
            setAdding(false);
            setNotice(w);
          }}
        />
      )}
    </>
  );
}

function AwardForm(props: { onClose: () => void; onSaved: (warnings: FundingWarning[]) => void }) {
  const stream = useFunding((s) => s.stream)!;
  const organisations = useFunding((s) => s.organisations);
  const refresh = useFunding((s) => s.refresh);
  const [organisationId, setOrganisationId] = useState(String(organisations[0]?.id ?? ''));
  const [project, setProject] = useState('');
  const [description, setDescription] = useState('');
  const [tier, setTier] = useState('');
  const [theme, setTheme] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [monitoring, setMonitoring] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await call(
        api().award.create({
          streamId: stream.id,
          organisationId: Number(organisationId),
          project,
          description,
          tier: tier === '' ? null : (tier as (typeof TIERS)[number]),
          theme,
          startsOn: startsOn || null,
          endsOn: endsOn || null,
          monitoringMet: monitoring === '' ? null : monitoring === 'yes',
          years: stream.years.filter((y) => (amounts[y] ?? '').trim() !== '').map((y) => ({ financialYear: y, amount: amounts[y]! })),
        }),
      );
      await refresh();
      props.onSaved(r.warnings);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Dialog title="Add a funded project" onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorSummary message={error} />}
        <SelectField name="organisationId" label="Recipient organisation" value={organisationId} onChange={setOrganisationId} options={organisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <TextField name="project" label="Project" value={project} onChange={setProject} />
        <TextAreaField name="description" label="Description (optional)" value={description} onChange={setDescription} />
        <div className="field-row">
          <SelectField name="tier" label="Intervention tier" value={tier} onChange={setTier} options={[{ value: '', label: 'Not classified' }, ...TIERS.map((t) => ({ value: t, label: TIER_LABELS[t]! }))]} />
          <TextField name="theme" label="Theme (optional)" value={theme} onChange={setTheme} />
        </div>
        <div className="field-row">
          <TextField name="startsOn" label="Start (optional)" hint="YYYY-MM-DD" value={startsOn} onChange={setStartsOn} width="short" />
          <TextField name="endsOn" label="End (optional)" hint="YYYY-MM-DD" value={endsOn} onChange={setEndsOn} width="short" />
          <SelectField
            name="monitoringMet"
            label="Monitoring met"
            value={monitoring}
            onChange={setMonitoring}
            options={[
              { value: '', label: 'Not yet assessed' },
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Amount per year</legend>
          <div className="field-row">
            {stream.years.map((y) => (
              <TextField key={y} name={`amount-${y.replace('/', '-')}`} label={y} value={amounts[y] ?? ''} onChange={(v) => setAmounts((a) => ({ ...a, [y]: v }))} width="short" />
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button">
            Add funded project
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
