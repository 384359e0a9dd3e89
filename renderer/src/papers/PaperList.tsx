import { useMemo, useState } from 'react';
import { PAPER_PURPOSE_LABELS } from '../../../main/papers/contract';
import { PAPER_STATUS_LABELS } from '../../../main/papers/paper-status';
import { ErrorSummary } from '../components/ErrorSummary';
import { SearchBox } from '../components/SearchBox';
import { paperHref } from './route';
import { usePapers } from './store';
import { dayOf } from './text';
import { TableScroll } from '../components/TableScroll';

export function PaperList() {
  const papers = usePapers((s) => s.papers);
  const loaded = usePapers((s) => s.listLoaded);
  const error = usePapers((s) => s.listError);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? papers.filter((p) => `${p.reference} ${p.title} ${p.boardName ?? ''}`.toLowerCase().includes(q)) : papers;
  }, [papers, search]);

  return (
    <>
      <div className="toolbar">
        <SearchBox id="paper-search" label="Find a paper" value={search} onSearch={setSearch} />
        <p className="result-count" role="status">
          {loaded ? `${shown.length} ${shown.length === 1 ? 'paper' : 'papers'}` : 'Loading…'}
        </p>
        <a className="button toolbar-end" href="#/papers/new">
          New paper
        </a>
      </div>
      {error && <ErrorSummary message={error} />}
      {loaded && papers.length === 0 && <p className="empty">No papers yet. Start one from a template with “New paper”.</p>}
      {shown.length > 0 && (
        <TableScroll label="Papers">
          <table className="table">
            <caption className="visually-hidden">Papers, most recently changed first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Meeting</th>
                <th scope="col">Purpose</th>
                <th scope="col">Status</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={paperHref(p.id)}>{p.reference}</a>
                  </th>
                  <td>{p.title}</td>
                  <td>{p.meetingStartsAt ? `${p.boardName ?? ''}, ${dayOf(p.meetingStartsAt)}${p.agendaItemPosition ? `, item ${p.agendaItemPosition}` : ''}` : (p.boardName ?? '—')}</td>
                  <td>{PAPER_PURPOSE_LABELS[p.purpose]}</td>
                  <td>
                    <span className={`status status-${p.status}`}>{PAPER_STATUS_LABELS[p.status]}</span>
                  </td>
                  <td>{dayOf(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
