import type { Action } from '../../../main/meetings/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { useWeek } from '../actions/store';
import { messageOf } from '../api';
import { hrefOf } from '../app/areas';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';

function ActionRows({ actions, caption }: { actions: Action[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={actions}
      rowKey={(a) => a.id}
      columns={[
        { header: 'Action', cell: (a) => a.description },
        { header: 'Owner', cell: (a) => a.ownerName },
        { header: 'Board', cell: (a) => a.boardName ?? '—' },
        { header: 'Due', cell: (a) => formatDateShort(a.dueOn) },
      ]}
    />
  );
}

/**
 * What falls due this week and how many are already overdue, with the first few of those, so
 * the secretariat can chase them (the action log has the rest). A cached query: invalidated
 * when actions change (../queries.ts).
 */
export function DueThisWeek() {
  const { data: due, error } = useWeek();
  if (error) return <ErrorSummary message={messageOf(error)} />;
  if (!due) return null;
  const more = due.overdue.total - due.overdue.first.length;
  return (
    <section aria-labelledby="due-title" className="section">
      <h2 id="due-title">Actions this week</h2>
      <p>
        Week of {formatDateShort(due.weekStart)} to {formatDateShort(due.weekEnd)}: {due.dueThisWeek.length} due,{' '}
        {due.overdue.total} overdue. <a href={hrefOf('actions')}>Open the action log</a>
      </p>
      {due.overdue.total > 0 && (
        <>
          <h3>Overdue</h3>
          <ActionRows actions={due.overdue.first} caption={more > 0 ? `The ${due.overdue.first.length} longest overdue actions` : 'Overdue actions'} />
          {more > 0 && <p className="hint">{`and ${more} more in the action log.`}</p>}
        </>
      )}
      {due.dueThisWeek.length > 0 && (
        <>
          <h3>Due this week</h3>
          <ActionRows actions={due.dueThisWeek} caption="Actions due this week" />
        </>
      )}
    </section>
  );
}
