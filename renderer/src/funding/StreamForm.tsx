import type { InputOf } from '../../../main/api/contract';
import { CLAIM_FREQUENCIES } from '../../../main/funding/contract';
import { isFinancialYear, yearsBetween } from '../../../main/shared/financial-year';
import { SelectField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { useFunding } from './store';

const FIELDS = ['reference', 'name', 'funder', 'agreementReference', 'firstYear', 'lastYear', 'spendBy', 'claimFrequency', 'awardCap', 'matchFundingPercent', 'minInterventionPercent', 'evaluationPercent'] as const;

const FREQUENCY_OPTIONS = CLAIM_FREQUENCIES.map((f) => ({ value: f, label: f[0]!.toUpperCase() + f.slice(1) }));

function percentOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.replace('%', ''));
}

type Values = Record<(typeof FIELDS)[number], string> & { carryOverAllowed: boolean; allocations: Record<string, string> };

/** The financial years the stream runs over, as far as the years typed so far say (at most ten). */
function yearsOf(v: Values): string[] {
  const first = v.firstYear.trim();
  const last = v.lastYear.trim() || first;
  return isFinancialYear(first) && isFinancialYear(last) && last >= first ? yearsBetween(first, last).slice(0, 10) : [];
}

/** Add a funding stream with its rules and its allocation for each year. */
export function StreamForm(props: { onClose: () => void }) {
  const createStream = useFunding((s) => s.createStream);
  const open = useFunding((s) => s.open);
  const form = useApiForm({
    fields: FIELDS,
    initial: (): Values => ({
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
      carryOverAllowed: false,
      allocations: {},
    }),
    toInput: (v): InputOf<'fundingStream.create'> => ({
      reference: v.reference,
      name: v.name,
      funder: v.funder,
      agreementReference: v.agreementReference,
      firstYear: v.firstYear.trim(),
      lastYear: v.lastYear.trim() || v.firstYear.trim(),
      spendBy: v.spendBy.trim() === '' ? null : v.spendBy.trim(),
      claimFrequency: v.claimFrequency as (typeof CLAIM_FREQUENCIES)[number],
      awardCap: v.awardCap.trim() === '' ? null : v.awardCap,
      matchFundingPercent: percentOrNull(v.matchFundingPercent),
      minInterventionPercent: percentOrNull(v.minInterventionPercent),
      evaluationPercent: percentOrNull(v.evaluationPercent),
      carryOverAllowed: v.carryOverAllowed,
      // An allocation's error names its year ("allocations.0.amount"): shown above the form.
      allocations: yearsOf(v)
        .filter((y) => (v.allocations[y] ?? '').trim() !== '')
        .map((y) => ({ financialYear: y, amount: v.allocations[y]! })),
    }),
    submit: async (input) => {
      const stream = await createStream(input);
      props.onClose();
      await open(stream.id);
    },
  });
  const { values } = form;
  const years = yearsOf(values);
  const setAllocation = (year: string) => (amount: string) => form.set('allocations')({ ...values.allocations, [year]: amount });

  return (
    <FormDialog title="Add a funding stream" form={form} submit="Add funding stream" onClose={props.onClose} wide>
      <div className="field-row">
        <TextField label="Name" hint="e.g. VRU grant (Serious Violence Fund)" {...form.field('name')} />
        <TextField label="Reference" hint="Short, for the CLI and file names, e.g. VRU-2020" {...form.field('reference')} width="medium" />
      </div>
      <div className="field-row">
        <TextField label="Funder" {...form.field('funder')} />
        <TextField label="Agreement reference (optional)" {...form.field('agreementReference')} width="medium" />
      </div>
      <div className="field-row">
        <TextField label="First financial year" hint="e.g. 2020/21" {...form.field('firstYear')} width="short" />
        <TextField label="Last financial year" hint="Blank for one year" {...form.field('lastYear')} width="short" />
        <TextField label="Spend by (optional)" hint="YYYY-MM-DD, e.g. 2021-03-31" {...form.field('spendBy')} width="short" />
        <SelectField label="Claims" options={FREQUENCY_OPTIONS} {...form.field('claimFrequency')} />
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
                value={values.allocations[y] ?? ''}
                onChange={setAllocation(y)}
                width="short"
              />
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="fieldset">
        <legend>Grant conditions (optional)</legend>
        <div className="field-row">
          <TextField label="Cap per award per year" hint="e.g. £35k" {...form.field('awardCap')} width="short" />
          <TextField label="Match funding %" {...form.field('matchFundingPercent')} width="short" />
          <TextField label="Minimum on interventions %" {...form.field('minInterventionPercent')} width="short" />
          <TextField label="Kept for evaluation %" {...form.field('evaluationPercent')} width="short" />
        </div>
        <div className="checkbox">
          <input id="field-carryOver" type="checkbox" checked={values.carryOverAllowed} onChange={(e) => form.set('carryOverAllowed')(e.target.checked)} />
          <label htmlFor="field-carryOver">Underspend may be carried over to the next year</label>
        </div>
      </fieldset>
    </FormDialog>
  );
}
