import { useEffect, useState } from 'react';
import { ORGANISATION_KIND_LABELS, type Organisation } from '../../../main/people/contract';
import { HistoryDialog } from '../audit/HistoryDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable, RecordActions } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SearchBox } from '../components/SearchBox';
import { counted } from '../components/words';
import { OrganisationForm } from './OrganisationForm';
import { usePeople } from './store';
import { versioned } from '../components/versioned';

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
        {loaded ? `${counted(organisations.length, 'organisation')}${search ? ' found' : ''}` : 'Loading…'}
      </p>
      {loaded && (
        <DataTable
          caption="Organisations"
          rows={organisations}
          rowKey={(o) => o.id}
          empty={search ? 'No organisation matches this search.' : 'No organisations yet. Add the first with "Add organisation".'}
          columns={[
            { header: 'Name', rowHeader: true, cell: (o) => o.name },
            { header: 'Short name', cell: (o) => o.shortName ?? '' },
            { header: 'Kind', cell: (o) => ORGANISATION_KIND_LABELS[o.kind] },
            { header: 'People', numeric: true, cell: (o) => o.peopleCount },
            {
              ...ACTIONS_COLUMN,
              cell: (o) => (
                <RecordActions
                  name={o.name}
                  onEdit={() => setOpen({ kind: 'edit', organisation: o })}
                  onHistory={() => setOpen({ kind: 'history', organisation: o })}
                  onDelete={() => setOpen({ kind: 'delete', organisation: o })}
                />
              ),
            },
          ]}
        />
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
          onConfirm={() => deleteOrganisation(versioned(open.organisation))}
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
