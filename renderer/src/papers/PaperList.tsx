import { PAPER_PURPOSE_LABELS } from '../../../main/papers/contract';
import { PAPER_STATUS_LABELS, PAPER_STATUSES, type PaperStatus } from '../../../main/papers/paper-status';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { SearchBox } from '../components/SearchBox';
import { VirtualTable } from '../components/VirtualTable';
import { paperHref } from './route';
import { usePaperList, usePapers } from './store';
import { dayOf } from './text';

/**
 * The papers, most recently changed first, a page at a time from the workspace (issue 9: ten
 * years are 1,400 papers): filtered by board and status and searched by reference and title on
 * the server, with only the rows in view in the page.
 */
export function PaperList() {
  const filter = usePapers((s) => s.listFilter);
  const setFilter = usePapers((s) => s.setListFilter);
  const boards = usePapers((s) => s.boards);
  const directoryError = usePapers((s) => s.listError);
  const list = usePaperList(filter);
  const error = directoryError ?? (list.error ? messageOf(list.error) : null);
  const filtered = filter.boardId !== null || filter.status !== null || filter.search !== '';

  return (
    <>
      <form className="filters" aria-label="Filter the papers" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="paperBoard"
          label="Board"
          value={filter.boardId === null ? '' : String(filter.boardId)}
          onChange={(v) => setFilter({ boardId: v === '' ? null : Number(v) })}
          options={[{ value: '', label: 'All' }, ...boards.map((b) => ({ value: String(b.id), label: b.name }))]}
        />
        <SelectField
          name="paperStatus"
          label="Status"
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ status: v === '' ? null : (v as PaperStatus) })}
          options={[{ value: '', label: 'All' }, ...PAPER_STATUSES.map((s) => ({ value: s, label: PAPER_STATUS_LABELS[s] }))]}
        />
        <SearchBox id="paper-search" label="Find a paper" value={filter.search} onSearch={(search) => setFilter({ search: search.trim() })} />
      </form>
      <div className="toolbar">
        <p className="result-count" role="status">
          {list.loaded ? `${list.total.toLocaleString('en-GB')} ${list.total === 1 ? 'paper' : 'papers'}` : 'Loading…'}
        </p>
        <a className="button toolbar-end" href="#/papers/new">
          New paper
        </a>
      </div>
      {error && <ErrorSummary message={error} />}
      {list.loaded && list.total === 0 && (
        <p className="empty">{filtered ? 'No paper matches these filters.' : 'No papers yet. Start one from a template with “New paper”.'}</p>
      )}
      {list.total > 0 && (
        <VirtualTable
          caption="Papers, most recently changed first"
          testId="paper-list"
          rows={list.rows}
          total={list.total}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          loadMore={list.loadMore}
          rowKey={(p) => p.id}
          onOpen={(p) => (window.location.hash = paperHref(p.id))}
          rowHeight={48}
          columns={[
            {
              header: 'Reference',
              width: '15%',
              rowHeader: true,
              cell: (p) => (
                <a href={paperHref(p.id)} tabIndex={-1}>
                  {p.reference}
                </a>
              ),
            },
            { header: 'Title', width: '28%', cell: (p) => p.title },
            {
              header: 'Meeting',
              width: '22%',
              cell: (p) => (p.meetingStartsAt ? `${p.boardName ?? ''}, ${dayOf(p.meetingStartsAt)}${p.agendaItemPosition ? `, item ${p.agendaItemPosition}` : ''}` : (p.boardName ?? '')),
            },
            { header: 'Purpose', width: '13%', cell: (p) => PAPER_PURPOSE_LABELS[p.purpose] },
            { header: 'Status', width: '11%', cell: (p) => <span className={`status status-${p.status}`}>{PAPER_STATUS_LABELS[p.status]}</span> },
            { header: 'Changed', width: '11%', cell: (p) => dayOf(p.updatedAt) },
          ]}
        />
      )}
    </>
  );
}
