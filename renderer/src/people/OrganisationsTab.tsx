import { useEffect, useState } from 'react';
import { ORGANISATION_KIND_LABELS, type Organisation } from '../../../main/people/contract';
import { HistoryDialog } from '../audit/HistoryDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SearchBox } from '../components/SearchBox';
import { OrganisationForm } from './OrganisationForm';
import { usePeople } from './store';

type Open = { kind: 'add' } | { kind: 'edit' | 'delete' | 'history'; organisation: Organisation } | null;

export function OrganisationsTab() {
  const organisations = usePeople((s) => s.organisations);
  const loaded = usePeople((s) => s.organisationsLoaded);
  const error = usePeople((s) => s.organisationsError);
  const search = usePeople((s) => s.organisationSearch);
  const loadOrganisations = usePeople((s) => s.loadOrganisations);
  const setSearch = usePeople((s) => s.setOrganisationSearch);
  const deleteOrganisation = usePeople((s) => s.deleteOrganisation);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  useEffect(() => {
    void loadOrganisations();
  }, [loadOrganisations]);

  return (
    <>
      <div className="toolbar">
        <SearchBox id="organisation-search" label="Search organisations" value={search} onSearch={setSearch} />
        <button type="button" className="button toolbar-end" onClick={() => setOpen({ kind: 'add' })}>
          Add organisation
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      <p className="result-count" role="status">
        {loaded ? `${organisations.length} ${organisations.length === 1 ? 'organisation' : 'organisations'}${search ? ' found' : ''}` : 'Loading…'}
      </p>
      {loaded && organisations.length === 0 ? (
        <p className="empty">{search ? 'No organisation matches this search.' : 'No organisations yet. Add the first with "Add organisation".'}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Organisations</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Short name</th>
              <th scope="col">Kind</th>
              <th scope="col" className="numeric">
                People
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.shortName ?? ''}</td>
                <td>{ORGANISATION_KIND_LABELS[o.kind]}</td>
                <td className="numeric">{o.peopleCount}</td>
                <td className="row-actions">
                  <button type="button" className="button-link" aria-label={`Edit ${o.name}`} onClick={() => setOpen({ kind: 'edit', organisation: o })}>
                    Edit
                  </button>
                  <button type="button" className="button-link" aria-label={`History of ${o.name}`} onClick={() => setOpen({ kind: 'history', organisation: o })}>
                    History
                  </button>
                  <button type="button" className="button-link danger" aria-label={`Delete ${o.name}`} onClick={() => setOpen({ kind: 'delete', organisation: o })}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {open?.kind === 'add' && <OrganisationForm organisation={null} onClose={close} />}
      {open?.kind === 'edit' && <OrganisationForm organisation={open.organisation} onClose={close} />}
      {open?.kind === 'history' && (
        <HistoryDialog entity="organisation" entityId={open.organisation.id} name={open.organisation.name} onClose={close} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.organisation.name}?`}
          confirmLabel="Delete organisation"
          danger
          onConfirm={() => deleteOrganisation(open.organisation.id)}
          onClose={close}
        >
          <p>
            {open.organisation.name} will be removed from the workspace. An organisation that people, board members or funded projects
            still refer to cannot be deleted.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
