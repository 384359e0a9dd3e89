import { useEffect, useState } from 'react';
import type { Person } from '../../../main/people/contract';
import { HistoryDialog } from '../audit/HistoryDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable, RecordActions } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { SearchBox } from '../components/SearchBox';
import { counted } from '../components/words';
import { fullName } from './names';
import { InterestsDialog } from './InterestsDialog';
import { PersonForm } from './PersonForm';
import { usePeople } from './store';
import { versioned } from '../components/versioned';

type Open = { kind: 'add' } | { kind: 'edit' | 'delete' | 'history' | 'interests'; person: Person } | null;

export function PeopleTab() {
  const people = usePeople((s) => s.people);
  const loaded = usePeople((s) => s.peopleLoaded);
  const error = usePeople((s) => s.peopleError);
  const search = usePeople((s) => s.peopleSearch);
  const organisationId = usePeople((s) => s.peopleOrganisationId);
  const organisations = usePeople((s) => s.allOrganisations);
  const loadPeople = usePeople((s) => s.loadPeople);
  const setSearch = usePeople((s) => s.setPeopleSearch);
  const setOrganisation = usePeople((s) => s.setPeopleOrganisation);
  const deletePerson = usePeople((s) => s.deletePerson);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);

  const filtered = search !== '' || organisationId !== null;

  return (
    <>
      <div className="toolbar">
        <SearchBox id="people-search" label="Search people" value={search} onSearch={setSearch} />
        <SelectField
          name="people-organisation"
          label="Organisation"
          value={organisationId === null ? '' : String(organisationId)}
          onChange={(v) => setOrganisation(v === '' ? null : Number(v))}
          options={[{ value: '', label: 'All organisations' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <button type="button" className="button toolbar-end" onClick={() => setOpen({ kind: 'add' })}>
          Add person
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      <p className="result-count" role="status">
        {loaded ? `${counted(people.length, 'person', 'people')}${filtered ? ' found' : ''}` : 'Loading…'}
      </p>
      {loaded && (
        <DataTable
          caption="People"
          rows={people}
          rowKey={(p) => p.id}
          empty={filtered ? 'Nobody matches this search.' : 'No people yet. Add the first with "Add person".'}
          columns={[
            { header: 'Name', rowHeader: true, cell: (p) => fullName(p) },
            { header: 'Job title', cell: (p) => p.jobTitle },
            { header: 'Organisation', cell: (p) => p.organisationName ?? '' },
            { header: 'Email', cell: (p) => p.email && <a href={`mailto:${p.email}`}>{p.email}</a> },
            {
              header: 'Register of interests',
              cell: (p) => (
                <button type="button" className="button-link" onClick={() => setOpen({ kind: 'interests', person: p })}>
                  Interests<span className="visually-hidden">{` of ${fullName(p)}`}</span>
                </button>
              ),
            },
            {
              ...ACTIONS_COLUMN,
              cell: (p) => (
                <RecordActions
                  name={fullName(p)}
                  onEdit={() => setOpen({ kind: 'edit', person: p })}
                  onHistory={() => setOpen({ kind: 'history', person: p })}
                  onDelete={() => setOpen({ kind: 'delete', person: p })}
                />
              ),
            },
          ]}
        />
      )}

      {open?.kind === 'add' && <PersonForm person={null} defaultOrganisationId={organisationId} onClose={close} />}
      {open?.kind === 'edit' && <PersonForm person={open.person} defaultOrganisationId={null} onClose={close} />}
      {open?.kind === 'interests' && <InterestsDialog person={open.person} onClose={close} />}
      {open?.kind === 'history' && <HistoryDialog entity="person" entityId={open.person.id} name={fullName(open.person)} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${fullName(open.person)}?`} confirmLabel="Delete person" danger onConfirm={() => deletePerson(versioned(open.person))} onClose={close}>
          <p>
            {fullName(open.person)}
            {open.person.organisationName ? ` (${open.person.organisationName})` : ''} will be removed from the workspace. The audit trail
            keeps a record of the deletion.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
