import { useEffect, useState } from 'react';
import type { Person } from '../../../main/people/contract';
import { HistoryDialog } from '../audit/HistoryDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SearchBox } from '../components/SearchBox';
import { fullName } from './names';
import { PersonForm } from './PersonForm';
import { usePeople } from './store';

type Open = { kind: 'add' } | { kind: 'edit' | 'delete' | 'history'; person: Person } | null;

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
        <div className="field field-inline">
          <label htmlFor="people-organisation">Organisation</label>
          <select
            id="people-organisation"
            className="select"
            value={organisationId === null ? '' : String(organisationId)}
            onChange={(e) => setOrganisation(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">All organisations</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button toolbar-end" onClick={() => setOpen({ kind: 'add' })}>
          Add person
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      <p className="result-count" role="status">
        {loaded ? `${people.length} ${people.length === 1 ? 'person' : 'people'}${filtered ? ' found' : ''}` : 'Loading…'}
      </p>
      {loaded && people.length === 0 ? (
        <p className="empty">{filtered ? 'Nobody matches this search.' : 'No people yet. Add the first with "Add person".'}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">People</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Job title</th>
              <th scope="col">Organisation</th>
              <th scope="col">Email</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const name = fullName(p);
              return (
                <tr key={p.id}>
                  <th scope="row">{name}</th>
                  <td>{p.jobTitle}</td>
                  <td>{p.organisationName ?? ''}</td>
                  <td>{p.email && <a href={`mailto:${p.email}`}>{p.email}</a>}</td>
                  <td className="row-actions">
                    <button type="button" className="button-link" aria-label={`Edit ${name}`} onClick={() => setOpen({ kind: 'edit', person: p })}>
                      Edit
                    </button>
                    <button type="button" className="button-link" aria-label={`History of ${name}`} onClick={() => setOpen({ kind: 'history', person: p })}>
                      History
                    </button>
                    <button type="button" className="button-link danger" aria-label={`Delete ${name}`} onClick={() => setOpen({ kind: 'delete', person: p })}>
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {open?.kind === 'add' && <PersonForm person={null} defaultOrganisationId={organisationId} onClose={close} />}
      {open?.kind === 'edit' && <PersonForm person={open.person} defaultOrganisationId={null} onClose={close} />}
      {open?.kind === 'history' && <HistoryDialog entity="person" entityId={open.person.id} name={fullName(open.person)} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${fullName(open.person)}?`} confirmLabel="Delete person" danger onConfirm={() => deletePerson(open.person.id)} onClose={close}>
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
