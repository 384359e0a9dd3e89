import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { INTEREST_TYPE_LABELS, INTEREST_TYPES, type Interest, type InterestType } from '../../../main/interests/contract';
import type { Person } from '../../../main/people/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { api, call, messageOf } from '../api';
import { opKey, write } from '../queries';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { fullName } from './names';

const FIELDS = ['type', 'description', 'startsOn', 'endsOn', 'reviewedOn'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function valuesOf(i: Interest | null): Values {
  return { type: i?.type ?? '', description: i?.description ?? '', startsOn: i?.startsOn ?? '', endsOn: i?.endsOn ?? '', reviewedOn: i?.reviewedOn ?? '' };
}

const orNull = (s: string) => (s === '' ? null : s);
/** What the register's writes change: its list is read again, as is a meeting's page showing it. */
const TABLES = ['interest'];

/**
 * A person's register of interests: every entry with its type, dates and last review, and a
 * form to add one or change one (sending the version it read). An entry that no longer
 * applies is ended (its "to" date), so declarations and past packs still make sense;
 * Remove is for an entry recorded by mistake.
 */
export function InterestsDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Interest | null>(null);
  const name = fullName(person);
  const input = { personId: person.id, on: null };
  const list = useQuery({ queryKey: opKey('interest.list', input), queryFn: () => call(api().interest.list(input)) });
  const entries = list.data ?? null;

  const form = useApiForm({
    fields: FIELDS,
    idPrefix: 'interest-',
    initial: () => valuesOf(null),
    check: (v) => (v.type ? null : { type: 'Choose the type of interest.' }),
    toInput: (v) => ({ type: v.type as InterestType, description: v.description, startsOn: v.startsOn, endsOn: orNull(v.endsOn), reviewedOn: orNull(v.reviewedOn) }),
    version: editing?.version,
    submit: async (input, version) => {
      if (editing) await write(api().interest.update({ id: editing.id, version: version ?? editing.version, ...input }), TABLES);
      else await write(api().interest.create({ personId: person.id, ...input }), TABLES);
      setEditing(null);
      form.reset(valuesOf(null), { version: undefined });
    },
  });

  const edit = (i: Interest) => {
    setEditing(i);
    // The version this entry was read at, not one left from another entry's refused save.
    form.reset(valuesOf(i), { version: i.version });
  };
  const remove = async (i: Interest) => {
    try {
      await write(api().interest.delete({ id: i.id, version: i.version }), TABLES);
      if (editing?.id === i.id) {
        setEditing(null);
        form.reset(valuesOf(null), { version: undefined });
      }
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Dialog title={`Register of interests: ${name}`} onClose={onClose} wide>
      {(error ?? (list.error ? messageOf(list.error) : null)) && <ErrorSummary message={error ?? messageOf(list.error)} />}
      {entries === null ? (
        <p role="status">Loading…</p>
      ) : (
        <DataTable
          caption={`Interests registered by ${name}`}
          rows={entries}
          rowKey={(i) => i.id}
          empty="No interests registered yet."
          columns={[
            { header: 'Type', cell: (i) => INTEREST_TYPE_LABELS[i.type] },
            { header: 'Interest', rowHeader: true, cell: (i) => i.description },
            { header: 'From', cell: (i) => formatDateShort(i.startsOn) },
            { header: 'To', cell: (i) => (i.endsOn ? formatDateShort(i.endsOn) : 'Current') },
            { header: 'Reviewed on', cell: (i) => (i.reviewedOn ? formatDateShort(i.reviewedOn) : 'Not yet') },
            {
              header: 'Actions',
              hideHeader: true,
              className: 'row-actions',
              cell: (i) => (
                <>
                  <button type="button" className="button-link" onClick={() => edit(i)}>
                    Edit<span className="visually-hidden">{` ${i.description}`}</span>
                  </button>{' '}
                  <button type="button" className="button-link" onClick={() => void remove(i)}>
                    Remove<span className="visually-hidden">{` ${i.description}`}</span>
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      <ApiFormView
        form={form}
        className="subform"
        heading={{ id: 'interest-form-title', text: editing ? `Change “${editing.description}”` : 'Add an interest' }}
        submit={editing ? 'Save interest' : 'Add interest'}
        {...(editing
          ? {
              onCancel: () => {
                setEditing(null);
                form.reset(valuesOf(null), { version: undefined });
              },
            }
          : {})}
      >
        <SelectField label="Type" options={[{ value: '', label: 'Choose a type' }, ...INTEREST_TYPES.map((t) => ({ value: t, label: INTEREST_TYPE_LABELS[t] }))]} {...form.field('type')} />
        <TextField label="Description" {...form.field('description')} />
        <div className="field-row">
          <TextField label="From" type="date" width="medium" {...form.field('startsOn')} />
          <TextField label="To (optional)" type="date" width="medium" {...form.field('endsOn')} />
          <TextField label="Reviewed on (optional)" type="date" width="medium" {...form.field('reviewedOn')} />
        </div>
      </ApiFormView>
    </Dialog>
  );
}
