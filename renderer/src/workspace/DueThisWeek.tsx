import { useEffect, useState } from 'react';
import type { Action } from '../../../main/meetings/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { api, call, messageOf } from '../api';
import { hrefOf } from '../app/areas';
import { ErrorSummary } from '../components/ErrorSummary';

type Due = { weekStart: string; weekEnd: string; dueThisWeek: Action[]; overdue: Action[] };

function ActionRows({ actions }: { actions: Action[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Board</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <td>{a.description}</td>
            <td>{a.ownerName}</td>
            <td>{a.boardName ?? '—'}</td>
            <td>{formatDateShort(a.dueOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
          <ActionRows actions={due.overdue} />
        </>
      )}
      {due.dueThisWeek.length > 0 && (
        <>
          <h3>Due this week</h3>
          <ActionRows actions={due.dueThisWeek} />
        </>
      )}
    </section>
  );
}
