import { useState, type FormEvent } from 'react';
import { CLAIM_FREQUENCIES } from '../../../main/funding/contract';
import { isFinancialYear, yearsBetween } from '../../../main/shared/financial-year';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { ApiError } from '../api';
import { useFunding } from './store';

const FIELDS = ['reference', 'name', 'funder', 'agreementReference', 'firstYear', 'lastYear', 'spendBy', 'claimFrequency', 'awardCap', 'matchFundingPercent', 'minInterventionPercent', 'evaluationPercent'] as const;
type FieldName = (typeof FIELDS)[number];

const FREQUENCY_OPTIONS = CLAIM_FREQUENCIES.map((f) => ({ value: f, label: f[0]!.toUpperCase() + f.slice(1) }));

function percentOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.replace('%', ''));
}

/** Add a funding stream with its rules and its allocation for each year. */
export function StreamForm(props: { onClose: () => void }) {
  const createStream = useFunding((s) => s.createStream);
  const open = useFunding((s) => s.open);
  const [v, setV] = useState<Record<FieldName, string>>({
    reference: '',
    name: '',
    funder: 'Home Office',
    agreementReference: '',
    firstYear: '',
    lastYear: '',
    spendBy: '',
    claimFrequency: 'quarterly',
    awardCap: '',
    matchFundingPercent: '',
    minInterventionPercent: '',
    evaluationPercent: '',
  });
  const [carryOver, setCarryOver] = useState(false);
  const [allocations, setAllocations] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (value: string) => {
    setV((x) => ({ ...x, [name]: value }));
    if (errors.fields[name]) setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: '' } }));
  };
  const lastYear = v.lastYear.trim() || v.firstYear.trim();
  const years = isFinancialYear(v.firstYear.trim()) && isFinancialYear(lastYear) && lastYear >= v.firstYear.trim() ? yearsBetween(v.firstYear.trim(), lastYear).slice(0, 10) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const stream = await createStream({
        reference: v.reference,
        name: v.name,
        funder: v.funder,
        agreementReference: v.agreementReference,
        firstYear: v.firstYear.trim(),
        lastYear,
        spendBy: v.spendBy.trim() === '' ? null : v.spendBy.trim(),
        claimFrequency: v.claimFrequency as (typeof CLAIM_FREQUENCIES)[number],
        awardCap: v.awardCap.trim() === '' ? null : v.awardCap,
        matchFundingPercent: percentOrNull(v.matchFundingPercent),
        minInterventionPercent: percentOrNull(v.minInterventionPercent),
        evaluationPercent: percentOrNull(v.evaluationPercent),
        carryOverAllowed: carryOver,
        allocations: years.filter((y) => (allocations[y] ?? '').trim() !== '').map((y) => ({ financialYear: y, amount: allocations[y]! })),
      });
      props.onClose();
      await open(stream.id);
    } catch (err) {
      // An allocation's error names its year's field ("allocations.0.amount").
      const m = err instanceof ApiError && err.field ? /^allocations\.(\d+)\./.exec(err.field) : null;
      const found = m ? { fields: {}, form: err instanceof Error ? err.message : String(err) } : errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add a funding stream" onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <div className="field-row">
          <TextField name="name" label="Name" hint="e.g. VRU grant (Serious Violence Fund)" value={v.name} onChange={set('name')} error={errors.fields.name} />
          <TextField name="reference" label="Reference" hint="Short, for the CLI and file names, e.g. VRU-2020" value={v.reference} onChange={set('reference')} error={errors.fields.reference} width="medium" />
        </div>
        <div className="field-row">
          <TextField name="funder" label="Funder" value={v.funder} onChange={set('funder')} error={errors.fields.funder} />
          <TextField name="agreementReference" label="Agreement reference (optional)" value={v.agreementReference} onChange={set('agreementReference')} error={errors.fields.agreementReference} width="medium" />
        </div>
        <div className="field-row">
          <TextField name="firstYear" label="First financial year" hint="e.g. 2020/21" value={v.firstYear} onChange={set('firstYear')} error={errors.fields.firstYear} width="short" />
          <TextField name="lastYear" label="Last financial year" hint="Blank for one year" value={v.lastYear} onChange={set('lastYear')} error={errors.fields.lastYear} width="short" />
          <TextField name="spendBy" label="Spend by (optional)" hint="YYYY-MM-DD, e.g. 2021-03-31" value={v.spendBy} onChange={set('spendBy')} error={errors.fields.spendBy} width="short" />
          <SelectField name="claimFrequency" label="Claims" value={v.claimFrequency} onChange={set('claimFrequency')} options={FREQUENCY_OPTIONS} error={errors.fields.claimFrequency} />
        </div>
        {years.length > 0 && (
          <fieldset className="fieldset">
            <legend>Allocation per year</legend>
            <div className="field-row">
              {years.map((y) => (
                <TextField
                  key={y}
                  name={`allocation-${y.replace('/', '-')}`}
                  label={y}
                  hint="e.g. £1.16m"
                  value={allocations[y] ?? ''}
                  onChange={(value) => setAllocations((a) => ({ ...a, [y]: value }))}
                  width="short"
                />
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="fieldset">
          <legend>Grant conditions (optional)</legend>
          <div className="field-row">
            <TextField name="awardCap" label="Cap per award per year" hint="e.g. £35k" value={v.awardCap} onChange={set('awardCap')} error={errors.fields.awardCap} width="short" />
            <TextField name="matchFundingPercent" label="Match funding %" value={v.matchFundingPercent} onChange={set('matchFundingPercent')} error={errors.fields.matchFundingPercent} width="short" />
            <TextField name="minInterventionPercent" label="Minimum on interventions %" value={v.minInterventionPercent} onChange={set('minInterventionPercent')} error={errors.fields.minInterventionPercent} width="short" />
            <TextField name="evaluationPercent" label="Kept for evaluation %" value={v.evaluationPercent} onChange={set('evaluationPercent')} error={errors.fields.evaluationPercent} width="short" />
          </div>
          <div className="checkbox">
            <input id="field-carryOver" type="checkbox" checked={carryOver} onChange={(e) => setCarryOver(e.target.checked)} />
            <label htmlFor="field-carryOver">Underspend may be carried over to the next year</label>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Add funding stream
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
