import { useState, type FormEvent } from 'react';
import { personInput, type Person } from '../../../main/people/contract';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { errorsFromApi, errorsFromZod, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { usePeople, type PersonDraft } from './store';

const FIELDS = ['honorific', 'givenName', 'familyName', 'jobTitle', 'organisationId', 'email', 'phone', 'notes'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

function valuesOf(person: Person | null, organisationId: number | null): Values {
  return {
    honorific: person?.honorific ?? '',
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    jobTitle: person?.jobTitle ?? '',
    organisationId: String(person ? (person.organisationId ?? '') : (organisationId ?? '')),
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    notes: person?.notes ?? '',
  };
}

function draftOf(v: Values): PersonDraft {
  return { ...v, organisationId: v.organisationId === '' ? null : Number(v.organisationId) };
}

/** Add or edit a person. Checked with the operation's own schema first; the workspace has the last word. */
export function PersonForm(props: { person: Person | null; defaultOrganisationId: number | null; onClose: () => void }) {
  const organisations = usePeople((s) => s.allOrganisations);
  const savePerson = usePeople((s) => s.savePerson);
  const [values, setValues] = useState<Values>(() => valuesOf(props.person, props.defaultOrganisationId));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors.fields[name]) setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: '' } }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = draftOf(values);
    const checked = personInput.safeParse(draft);
    if (!checked.success) {
      const found = errorsFromZod(checked.error, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      return;
    }
    setBusy(true);
    try {
      await savePerson(draft, props.person?.id);
      props.onClose();
    } catch (err) {
      const found = errorsFromApi(err, FIELDS);
      setErrors(found);
      focusFirstError(found, FIELDS);
      setBusy(false);
    }
  }

  const options = [{ value: '', label: 'No organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))];

  return (
    <Dialog title={props.person ? `Edit ${props.person.givenName} ${props.person.familyName}` : 'Add a person'} onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <div className="field-row">
          <TextField name="honorific" label="Title (optional)" value={values.honorific} onChange={set('honorific')} error={errors.fields.honorific} />
          <TextField name="givenName" label="Given name" value={values.givenName} onChange={set('givenName')} error={errors.fields.givenName} />
          <TextField name="familyName" label="Family name" value={values.familyName} onChange={set('familyName')} error={errors.fields.familyName} />
        </div>
        <TextField name="jobTitle" label="Job title (optional)" value={values.jobTitle} onChange={set('jobTitle')} error={errors.fields.jobTitle} />
        <SelectField name="organisationId" label="Organisation" value={values.organisationId} onChange={set('organisationId')} options={options} error={errors.fields.organisationId} />
        <div className="field-row">
          <TextField name="email" label="Email (optional)" type="email" value={values.email} onChange={set('email')} error={errors.fields.email} />
          <TextField name="phone" label="Phone (optional)" type="tel" value={values.phone} onChange={set('phone')} error={errors.fields.phone} />
        </div>
        <TextAreaField name="notes" label="Notes (optional)" value={values.notes} onChange={set('notes')} error={errors.fields.notes} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {props.person ? 'Save changes' : 'Add person'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
