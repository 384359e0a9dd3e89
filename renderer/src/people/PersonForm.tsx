import { personInput, type Person } from '../../../main/people/contract';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { usePeople, type PersonDraft } from './store';
import { versioned } from '../components/versioned';

const FIELDS = ['honorific', 'givenName', 'familyName', 'jobTitle', 'organisationId', 'email', 'phone', 'notes'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

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
  const form = useApiForm({
    fields: FIELDS,
    initial: () => valuesOf(props.person, props.defaultOrganisationId),
    toInput: draftOf,
    schema: personInput,
    version: props.person?.version,
    submit: async (draft, version) => {
      await savePerson(draft, props.person ? versioned(props.person, version) : undefined);
      props.onClose();
    },
  });

  const options = [{ value: '', label: 'No organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))];

  return (
    <FormDialog
      title={props.person ? `Edit ${props.person.givenName} ${props.person.familyName}` : 'Add a person'}
      form={form}
      submit={props.person ? 'Save changes' : 'Add person'}
      onClose={props.onClose}
      record={props.person && { entity: 'person', id: props.person.id }}
    >
      <div className="field-row">
        <TextField label="Title (optional)" {...form.field('honorific')} />
        <TextField label="Given name" {...form.field('givenName')} />
        <TextField label="Family name" {...form.field('familyName')} />
      </div>
      <TextField label="Job title (optional)" {...form.field('jobTitle')} />
      <SelectField label="Organisation" options={options} {...form.field('organisationId')} />
      <div className="field-row">
        <TextField label="Email (optional)" type="email" {...form.field('email')} />
        <TextField label="Phone (optional)" type="tel" {...form.field('phone')} />
      </div>
      <TextAreaField label="Notes (optional)" {...form.field('notes')} />
    </FormDialog>
  );
}
