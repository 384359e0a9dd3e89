import { useEffect, useState } from 'react';
import type { Action } from '../../../main/meetings/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { api, call, messageOf } from '../api';
import { hrefOf } from '../app/areas';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';

type Due = { weekStart: string; weekEnd: string; dueThisWeek: Action[]; overdue: Action[] };

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

/** What falls due this week and what is already overdue, so the secretariat can chase it. */
export function DueThisWeek({ refreshKey }: { refreshKey: unknown }) {
  const [due, setDue] = useState<Due | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call(api().action.dueThisWeek({}))
      .then((d) => live && setDue(d))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [refreshKey]);

  if (error) return <ErrorSummary message={error} />;
  if (!due) return null;
  return (
    <section aria-labelledby="due-title" className="section">
      <h2 id="due-title">Actions this week</h2>
      <p>
        Week of {formatDateShort(due.weekStart)} to {formatDateShort(due.weekEnd)}: {due.dueThisWeek.length} due,{' '}
        {due.overdue.length} overdue. <a href={hrefOf('actions')}>Open the action log</a>
      </p>
      {due.overdue.length > 0 && (
        <>
          <h3>Overdue</h3>
          <ActionRows actions={due.overdue} caption="Overdue actions" />
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
