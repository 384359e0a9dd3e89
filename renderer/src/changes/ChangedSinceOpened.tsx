import { useState } from 'react';
import { formatTime } from '../../../main/shared/dates';
import { changeTo, useChanges } from './store';

/**
 * The quiet line in a form (or editor) whose record someone else changed after it was opened:
 * "alice changed this at 10:42 — your save will be checked against it". A change to a part of
 * the record counts (an update added to the action, a section of the paper). What was typed
 * stays; saving sends the version the form opened, which the workspace refuses if it is stale.
 * `then` says what follows for the user where a save is not checked that way.
 */
export function ChangedSinceOpened({ entity, id, what = 'this', then = 'your save will be checked against it' }: { entity: string; id: number; what?: string; then?: string }) {
  // The newest change seen when the form opened: only later ones are news to it.
  const [openedAfter] = useState(() => useChanges.getState().latest ?? 0);
  const change = useChanges((s) => changeTo(s.recent, entity, id, openedAfter));
  if (!change) return null;
  const when = formatTime(change.at);
  const whole = change.entity === entity && change.entityId === id;
  return (
    <p className="changed-by-others" role="status">
      {whole && change.action === 'delete'
        ? `${change.actor} deleted ${what} at ${when} — your save will be refused`
        : `${change.actor} changed ${what} at ${when} — ${then}`}
    </p>
  );
}
