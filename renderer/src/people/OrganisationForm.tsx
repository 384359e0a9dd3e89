import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, organisationInput, type Organisation } from '../../../main/people/contract';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { usePeople, type OrganisationDraft } from './store';
import { versioned } from '../components/versioned';

const FIELDS = ['name', 'shortName', 'kind', 'email', 'notes'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }));

function draftOf(v: Values): OrganisationDraft {
  return { name: v.name, shortName: v.shortName.trim() === '' ? null : v.shortName, kind: v.kind as OrganisationDraft['kind'], email: v.email, notes: v.notes };
}

/** Add or edit an organisation. */
export function OrganisationForm(props: { organisation: Organisation | null; onClose: () => void }) {
  const saveOrganisation = usePeople((s) => s.saveOrganisation);
  const o = props.organisation;
  const form = useApiForm({
    fields: FIELDS,
    initial: (): Values => ({ name: o?.name ?? '', shortName: o?.shortName ?? '', kind: o?.kind ?? 'other', email: o?.email ?? '', notes: o?.notes ?? '' }),
    toInput: draftOf,
    schema: organisationInput,
    version: o?.version,
    submit: async (draft, version) => {
      await saveOrganisation(draft, o ? versioned(o, version) : undefined);
      props.onClose();
    },
  });

  return (
    <FormDialog title={o ? `Edit ${o.name}` : 'Add an organisation'} form={form} submit={o ? 'Save changes' : 'Add organisation'} onClose={props.onClose} record={o && { entity: 'organisation', id: o.id }}>
      <TextField label="Name" hint="The full name, e.g. Kent Police." {...form.field('name')} />
      <TextField label="Short name (optional)" hint="For tables and minutes, e.g. KCC." {...form.field('shortName')} width="short" />
      <SelectField label="Kind" options={KIND_OPTIONS} {...form.field('kind')} />
      <TextField label="Contact email (optional)" hint="Where actions the organisation owns are chased, e.g. vru@kent.police.uk." type="email" {...form.field('email')} />
      <TextAreaField label="Notes (optional)" {...form.field('notes')} />
    </FormDialog>
  );
}
