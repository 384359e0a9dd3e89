import { useState, type FormEvent } from 'react';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, organisationInput, type Organisation } from '../../../main/people/contract';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { errorsFromApi, errorsFromZod, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { usePeople, type OrganisationDraft } from './store';

const FIELDS = ['name', 'shortName', 'kind', 'notes'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }));

function draftOf(v: Values): OrganisationDraft {
  return { name: v.name, shortName: v.shortName.trim() === '' ? null : v.shortName, kind: v.kind as OrganisationDraft['kind'], notes: v.notes };
}

/** Add or edit an organisation. */
export function OrganisationForm(props: { organisation: Organisation | null; onClose: () => void }) {
  const saveOrganisation = usePeople((s) => s.saveOrganisation);
  const o = props.organisation;
  const [values, setValues] = useState<Values>({ name: o?.name ?? '', shortName: o?.shortName ?? '', kind: o?.kind ?? 'other', notes: o?.notes ?? '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors.fields[name]) setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: '' } }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = draftOf(values);
    const checked = organisationInput.safeParse(draft);
    if (!checked.success) {
      const found = errorsFromZod(checked.error, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      return;
    }
    setBusy(true);
    try {
      await saveOrganisation(draft, o?.id);
      props.onClose();
    } catch (err) {
      const found = errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      setBusy(false);
    }
  }

  return (
    <Dialog title={o ? `Edit ${o.name}` : 'Add an organisation'} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <TextField name="name" label="Name" hint="The full name, e.g. Kent Police." value={values.name} onChange={set('name')} error={errors.fields.name} />
        <TextField name="shortName" label="Short name (optional)" hint="For tables and minutes, e.g. KCC." value={values.shortName} onChange={set('shortName')} error={errors.fields.shortName} width="short" />
        <SelectField name="kind" label="Kind" value={values.kind} onChange={set('kind')} options={KIND_OPTIONS} error={errors.fields.kind} />
        <TextAreaField name="notes" label="Notes (optional)" value={values.notes} onChange={set('notes')} error={errors.fields.notes} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {o ? 'Save changes' : 'Add organisation'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
