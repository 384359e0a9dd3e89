import { useState, type FormEvent } from 'react';
import type { Indicator } from '../../../main/performance/contract';
import { PERIOD_EXAMPLE, type Frequency } from '../../../main/performance/periods';
import { POLARITY_LABELS, UNIT_LABELS, UNITS, POLARITIES, type Unit } from '../../../main/performance/units';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { usePerformance, type IndicatorDraft } from './store';

const FIELDS = [
  'themeId', 'code', 'name', 'definition', 'unit', 'polarity', 'frequency', 'dataSource', 'ownerOrganisationId',
  'baselinePeriod', 'baselineValue', 'targetKind', 'targetValue', 'targetBy',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

function valuesOf(ind: Indicator | null, themeId: number | null): Values {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    themeId: text(ind?.themeId ?? themeId),
    code: ind?.code ?? '',
    name: ind?.name ?? '',
    definition: ind?.definition ?? '',
    unit: ind?.unit ?? 'count',
    polarity: ind?.polarity ?? 'lower_is_better',
    frequency: ind?.frequency ?? 'monthly',
    dataSource: ind?.dataSource ?? '',
    ownerOrganisationId: text(ind?.ownerOrganisationId),
    baselinePeriod: ind?.baselinePeriod ?? '',
    baselineValue: text(ind?.baselineValue),
    targetKind: ind?.targetKind ?? '',
    targetValue: text(ind?.targetValue),
    targetBy: ind?.targetBy ?? '',
  };
}

/** Numbers go as numbers when they read as one; otherwise as typed, so the schema names the field. */
function numberOrText(s: string): number | null {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : (s as unknown as number);
}

function draftOf(v: Values): IndicatorDraft {
  return {
    themeId: Number(v.themeId) || 0,
    code: v.code,
    name: v.name,
    definition: v.definition,
    unit: v.unit as Unit,
    polarity: v.polarity as IndicatorDraft['polarity'],
    frequency: v.frequency as Frequency,
    dataSource: v.dataSource,
    ownerOrganisationId: v.ownerOrganisationId === '' ? null : Number(v.ownerOrganisationId),
    baselinePeriod: v.baselinePeriod.trim() === '' ? null : v.baselinePeriod.trim(),
    baselineValue: numberOrText(v.baselineValue),
    targetKind: v.targetKind === '' ? null : (v.targetKind as IndicatorDraft['targetKind']),
    targetValue: numberOrText(v.targetValue),
    targetBy: v.targetBy === '' ? null : v.targetBy,
  };
}

/** Add or change an indicator. The workspace checks it (a target needs a baseline, periods fit the frequency…) and names the field. */
export function IndicatorForm(props: { indicator: Indicator | null; onClose: () => void; onSaved?: (ind: Indicator) => void }) {
  const themes = usePerformance((s) => s.themes);
  const organisations = usePerformance((s) => s.organisations);
  const saveIndicator = usePerformance((s) => s.saveIndicator);
  const [values, setValues] = useState<Values>(() => valuesOf(props.indicator, themes[0]?.id ?? null));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors.fields[name]) setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: '' } }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await saveIndicator(draftOf(values), props.indicator?.id);
      props.onSaved?.(saved);
      props.onClose();
    } catch (err) {
      const found = errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      setBusy(false);
    }
  }

  const frequency = values.frequency as Frequency;
  const percentTarget = values.targetKind === 'percent_change';
  return (
    <Dialog title={props.indicator ? `Edit ${props.indicator.code}` : 'Add an indicator'} onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        {themes.length === 0 && <ErrorSummary message="Add a theme first: every indicator belongs to one." />}
        <SelectField name="themeId" label="Theme" value={values.themeId} onChange={set('themeId')} options={themes.map((t) => ({ value: String(t.id), label: t.name }))} error={errors.fields.themeId} />
        <div className="field-row">
          <TextField name="code" label="Code" hint="Short and unique, e.g. LOC-3" width="short" value={values.code} onChange={set('code')} error={errors.fields.code} />
          <TextField name="name" label="Name" value={values.name} onChange={set('name')} error={errors.fields.name} />
        </div>
        <TextAreaField name="definition" label="Definition (optional)" value={values.definition} onChange={set('definition')} error={errors.fields.definition} />
        <div className="field-row">
          <SelectField name="unit" label="Unit" value={values.unit} onChange={set('unit')} options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))} error={errors.fields.unit} />
          <SelectField name="polarity" label="Polarity" value={values.polarity} onChange={set('polarity')} options={POLARITIES.map((p) => ({ value: p, label: POLARITY_LABELS[p].replace(/^./, (c) => c.toUpperCase()) }))} error={errors.fields.polarity} />
          <SelectField
            name="frequency"
            label="Frequency"
            value={values.frequency}
            onChange={set('frequency')}
            options={[
              { value: 'monthly', label: 'Monthly' },
              { value: 'quarterly', label: 'Quarterly' },
              { value: 'annual', label: 'Annual (financial year)' },
            ]}
            error={errors.fields.frequency}
          />
        </div>
        <div className="field-row">
          <TextField name="dataSource" label="Data source (optional)" value={values.dataSource} onChange={set('dataSource')} error={errors.fields.dataSource} />
          <SelectField
            name="ownerOrganisationId"
            label="Owner"
            value={values.ownerOrganisationId}
            onChange={set('ownerOrganisationId')}
            options={[{ value: '', label: 'Not recorded' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
            error={errors.fields.ownerOrganisationId}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Baseline (needed for a target)</legend>
          <div className="field-row">
            <TextField
              name="baselinePeriod"
              label="Period"
              hint={`e.g. ${PERIOD_EXAMPLE[frequency]}${values.unit === 'count' && frequency !== 'annual' ? ', or a year such as 2018/19 to judge the rolling 12-month total' : ''}`}
              width="medium"
              value={values.baselinePeriod}
              onChange={set('baselinePeriod')}
              error={errors.fields.baselinePeriod}
            />
            <TextField name="baselineValue" label="Value" width="short" value={values.baselineValue} onChange={set('baselineValue')} error={errors.fields.baselineValue} />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Target</legend>
          <div className="field-row">
            <SelectField
              name="targetKind"
              label="Kind"
              value={values.targetKind}
              onChange={set('targetKind')}
              options={[
                { value: '', label: 'No target' },
                { value: 'absolute', label: 'A value to reach' },
                { value: 'percent_change', label: 'A % change on the baseline' },
              ]}
              error={errors.fields.targetKind}
            />
            <TextField
              name="targetValue"
              label={percentTarget ? 'Change (%)' : 'Value'}
              hint={percentTarget ? 'e.g. -10 for a 10% reduction' : undefined}
              width="short"
              value={values.targetValue}
              onChange={set('targetValue')}
              error={errors.fields.targetValue}
            />
            <div className={errors.fields.targetBy ? 'field field-error' : 'field'}>
              <label htmlFor="field-targetBy">By</label>
              {errors.fields.targetBy && (
                <p className="error-message" id="field-targetBy-error">
                  <span className="visually-hidden">Error: </span>
                  {errors.fields.targetBy}
                </p>
              )}
              <input
                id="field-targetBy"
                className="input input-short"
                type="date"
                value={values.targetBy}
                aria-invalid={errors.fields.targetBy ? true : undefined}
                aria-describedby={errors.fields.targetBy ? 'field-targetBy-error' : undefined}
                onChange={(e) => set('targetBy')(e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {props.indicator ? 'Save changes' : 'Add indicator'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ThemeForm(props: { onClose: () => void }) {
  const saveTheme = usePerformance((s) => s.saveTheme);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('local');
  const [tolerance, setTolerance] = useState('5');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const fields = ['name', 'kind', 'ragAmberTolerancePercent'] as const;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const t = Number(tolerance);
      await saveTheme({ name, kind: kind as 'local', ragAmberTolerancePercent: tolerance.trim() === '' || !Number.isFinite(t) ? (tolerance as unknown as number) : t });
      props.onClose();
    } catch (err) {
      const found = errorsFromApi(err, fields);
      setErrors(found);
      focusFirstError(found, fields);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add a theme" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <TextField name="name" label="Name" value={name} onChange={setName} error={errors.fields.name} />
        <SelectField
          name="kind"
          label="Kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'home_office', label: 'Home Office success measure' },
            { value: 'strategy_theme', label: 'Strategy theme' },
            { value: 'local', label: 'Local priority' },
          ]}
          error={errors.fields.kind}
        />
        <TextField
          name="ragAmberTolerancePercent"
          label="Amber tolerance (%)"
          hint="Amber: worse than target by at most this % of the target. Beyond it: red."
          width="short"
          value={tolerance}
          onChange={setTolerance}
          error={errors.fields.ragAmberTolerancePercent}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Add theme
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
