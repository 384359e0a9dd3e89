import { useState } from 'react';
import { formatTime } from '../../../main/shared/dates';
import { changeTo, useChanges } from './store';

/**
 * The quiet line in a form whose record someone else changed after it was opened: "alice
 * changed this at 10:42 — your save will be checked against it". The form keeps what was
 * typed; saving sends the version it opened, which the workspace refuses if it is stale.
 */
export function ChangedSinceOpened({ entity, id }: { entity: string; id: number }) {
  // The newest change seen when the form opened: only later ones are news to it.
  const [openedAfter] = useState(() => useChanges.getState().latest ?? 0);
  const change = useChanges((s) => changeTo(s.recent, entity, id, openedAfter));
  if (!change) return null;
  const when = formatTime(change.at);
  return (
    <p className="changed-by-others" role="status">
      {change.action === 'delete'
        ? `${change.actor} deleted this at ${when} — your save will be refused`
        : `${change.actor} changed this at ${when} — your save will be checked against it`}
    </p>
  );
}
