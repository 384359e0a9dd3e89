import type { Indicator } from '../../../main/performance/contract';
import { PERIOD_EXAMPLE, type Frequency } from '../../../main/performance/periods';
import { POLARITY_LABELS, UNIT_LABELS, UNITS, POLARITIES, type Unit } from '../../../main/performance/units';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { usePerformance, type IndicatorDraft, type ThemeDraft } from './store';

const FIELDS = [
  'themeId', 'code', 'name', 'definition', 'unit', 'polarity', 'frequency', 'dataSource', 'ownerOrganisationId',
  'baselinePeriod', 'baselineValue', 'targetKind', 'targetValue', 'targetBy',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

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
  const form = useApiForm({
    fields: FIELDS,
    initial: () => valuesOf(props.indicator, themes[0]?.id ?? null),
    toInput: draftOf,
    // The version the dialog opened with: the indicator reloading under it (someone's change) must not move it.
    version: props.indicator?.version,
    submit: async (draft, version) => {
      const saved = await saveIndicator(draft, props.indicator ? { id: props.indicator.id, version: version ?? props.indicator.version } : undefined);
      props.onSaved?.(saved);
      props.onClose();
    },
  });
  const { values } = form;

  const frequency = values.frequency as Frequency;
  const percentTarget = values.targetKind === 'percent_change';
  return (
    <FormDialog title={props.indicator ? `Edit ${props.indicator.code}` : 'Add an indicator'} form={form} submit={props.indicator ? 'Save changes' : 'Add indicator'} onClose={props.onClose} wide record={props.indicator && { entity: 'indicator', id: props.indicator.id }}>
      {themes.length === 0 && <ErrorSummary message="Add a theme first: every indicator belongs to one." />}
      <SelectField label="Theme" options={themes.map((t) => ({ value: String(t.id), label: t.name }))} {...form.field('themeId')} />
      <div className="field-row">
        <TextField label="Code" hint="Short and unique, e.g. LOC-3" width="short" {...form.field('code')} />
        <TextField label="Name" {...form.field('name')} />
      </div>
      <TextAreaField label="Definition (optional)" {...form.field('definition')} />
      <div className="field-row">
        <SelectField label="Unit" options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))} {...form.field('unit')} />
        <SelectField label="Polarity" options={POLARITIES.map((p) => ({ value: p, label: POLARITY_LABELS[p].replace(/^./, (c) => c.toUpperCase()) }))} {...form.field('polarity')} />
        <SelectField
          label="Frequency"
          options={[
            { value: 'monthly', label: 'Monthly' },
            { value: 'quarterly', label: 'Quarterly' },
            { value: 'annual', label: 'Annual (financial year)' },
          ]}
          {...form.field('frequency')}
        />
      </div>
      <div className="field-row">
        <TextField label="Data source (optional)" {...form.field('dataSource')} />
        <SelectField label="Owner" options={[{ value: '', label: 'Not recorded' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]} {...form.field('ownerOrganisationId')} />
      </div>
      <fieldset className="fieldset">
        <legend>Baseline (needed for a target)</legend>
        <div className="field-row">
          <TextField
            label="Period"
            hint={`e.g. ${PERIOD_EXAMPLE[frequency]}${values.unit === 'count' && frequency !== 'annual' ? ', or a year such as 2018/19 to judge the rolling 12-month total' : ''}`}
            width="medium"
            {...form.field('baselinePeriod')}
          />
          <TextField label="Value" width="short" {...form.field('baselineValue')} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Target</legend>
        <div className="field-row">
          <SelectField
            label="Kind"
            options={[
              { value: '', label: 'No target' },
              { value: 'absolute', label: 'A value to reach' },
              { value: 'percent_change', label: 'A % change on the baseline' },
            ]}
            {...form.field('targetKind')}
          />
          <TextField label={percentTarget ? 'Change (%)' : 'Value'} {...(percentTarget ? { hint: 'e.g. -10 for a 10% reduction' } : {})} width="short" {...form.field('targetValue')} />
          <TextField label="By" type="date" width="short" {...form.field('targetBy')} />
        </div>
      </fieldset>
    </FormDialog>
  );
}

const THEME_FIELDS = ['name', 'kind', 'ragAmberTolerancePercent'] as const;

export function ThemeForm(props: { onClose: () => void }) {
  const saveTheme = usePerformance((s) => s.saveTheme);
  const form = useApiForm({
    fields: THEME_FIELDS,
    initial: { name: '', kind: 'local', ragAmberTolerancePercent: '5' },
    toInput: (v): ThemeDraft => ({ name: v.name, kind: v.kind as ThemeDraft['kind'], ragAmberTolerancePercent: numberOrText(v.ragAmberTolerancePercent) ?? (v.ragAmberTolerancePercent as unknown as number) }),
    submit: async (draft) => {
      await saveTheme(draft);
      props.onClose();
    },
  });

  return (
    <FormDialog title="Add a theme" form={form} submit="Add theme" onClose={props.onClose}>
      <TextField label="Name" {...form.field('name')} />
      <SelectField
        label="Kind"
        options={[
          { value: 'home_office', label: 'Home Office success measure' },
          { value: 'strategy_theme', label: 'Strategy theme' },
          { value: 'local', label: 'Local priority' },
        ]}
        {...form.field('kind')}
      />
      <TextField
        label="Amber tolerance (%)"
        hint="Amber: worse than target by at most this % of the target. Beyond it: red."
        width="short"
        {...form.field('ragAmberTolerancePercent')}
      />
    </FormDialog>
  );
}
