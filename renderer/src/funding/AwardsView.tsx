import { useState } from 'react';
import { TIERS, type Award, type FundingWarning } from '../../../main/funding/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { formatPence } from '../../../main/shared/money';
import { api, call } from '../api';
import { DataTable } from '../components/DataTable';
import { optionsOf, SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { monitoringText, useFunding } from './store';

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
      <DataTable
        caption={`Funded projects of the ${stream.name}`}
        className="table funding-table"
        rows={awards}
        rowKey={(a) => a.id}
        empty="No funded projects on this stream."
        rowClassName={(a) => (warningsOf(a.id).length ? 'row-warning' : undefined)}
        columns={[
          { header: 'Organisation', rowHeader: true, cell: (a) => a.organisationName },
          {
            header: 'Project',
            cell: (a) => (
              <>
                {a.project}
                {warningsOf(a.id).map((w, i) => (
                  <p key={i} className="inline-warning">
                    {w.message}
                  </p>
                ))}
              </>
            ),
          },
          { header: 'Tier', cell: (a) => (a.tier ? TIER_LABELS[a.tier] : '—') },
          { header: 'Dates', cell: (a) => `${a.startsOn ? formatDateShort(a.startsOn) : '—'}${a.endsOn ? ` to ${formatDateShort(a.endsOn)}` : ''}` },
          ...stream.years.map((y) => ({
            header: y,
            numeric: true,
            cell: (a: Award) => {
              const amount = a.years.find((x) => x.financialYear === y)?.amountPence;
              return amount === undefined ? '—' : formatPence(amount);
            },
          })),
          { header: 'Monitoring met', cell: (a) => monitoringText(a.monitoringMet) },
        ]}
      />
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

const AWARD_FIELDS = ['organisationId', 'project', 'description', 'tier', 'theme', 'startsOn', 'endsOn', 'monitoringMet'] as const;
type AwardValues = Record<(typeof AWARD_FIELDS)[number], string> & { amounts: Record<string, string> };

function AwardForm(props: { onClose: () => void; onSaved: (warnings: FundingWarning[]) => void }) {
  const stream = useFunding((s) => s.stream)!;
  const organisations = useFunding((s) => s.organisations);
  const refresh = useFunding((s) => s.refresh);
  const form = useApiForm({
    fields: AWARD_FIELDS,
    initial: (): AwardValues => ({ organisationId: String(organisations[0]?.id ?? ''), project: '', description: '', tier: '', theme: '', startsOn: '', endsOn: '', monitoringMet: '', amounts: {} }),
    // An amount's error names its year ("years.0.amount"): shown above the form.
    toInput: (v) => ({
      streamId: stream.id,
      organisationId: Number(v.organisationId),
      project: v.project,
      description: v.description,
      tier: v.tier === '' ? null : (v.tier as (typeof TIERS)[number]),
      theme: v.theme,
      startsOn: v.startsOn || null,
      endsOn: v.endsOn || null,
      monitoringMet: v.monitoringMet === '' ? null : v.monitoringMet === 'yes',
      years: stream.years.filter((y) => (v.amounts[y] ?? '').trim() !== '').map((y) => ({ financialYear: y, amount: v.amounts[y]! })),
    }),
    submit: async (input) => {
      const r = await call(api().award.create(input));
      await refresh();
      props.onSaved(r.warnings);
    },
  });
  const { amounts } = form.values;

  return (
    <FormDialog title="Add a funded project" form={form} submit="Add funded project" onClose={props.onClose} wide>
      <SelectField label="Recipient organisation" options={optionsOf(organisations, (o) => o.name)} {...form.field('organisationId')} />
      <TextField label="Project" {...form.field('project')} />
      <TextAreaField label="Description (optional)" {...form.field('description')} />
      <div className="field-row">
        <SelectField label="Intervention tier" options={[{ value: '', label: 'Not classified' }, ...TIERS.map((t) => ({ value: t, label: TIER_LABELS[t]! }))]} {...form.field('tier')} />
        <TextField label="Theme (optional)" {...form.field('theme')} />
      </div>
      <div className="field-row">
        <TextField label="Start (optional)" hint="YYYY-MM-DD" width="short" {...form.field('startsOn')} />
        <TextField label="End (optional)" hint="YYYY-MM-DD" width="short" {...form.field('endsOn')} />
        <SelectField
          label="Monitoring met"
          options={[
            { value: '', label: 'Not yet assessed' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          {...form.field('monitoringMet')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Amount per year</legend>
        <div className="field-row">
          {stream.years.map((y) => (
            <TextField key={y} name={`amount-${y.replace('/', '-')}`} label={y} value={amounts[y] ?? ''} onChange={(v) => form.set('amounts')({ ...amounts, [y]: v })} width="short" />
          ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}
