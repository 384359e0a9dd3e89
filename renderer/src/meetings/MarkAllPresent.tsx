import { useState } from 'react';
import type { MeetingDetail } from '../../../main/meetings/contract';
import type { StaleDetail } from '../../../main/shared/errors';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { staleOf } from '../components/StaleDetails';
import { useMeetings } from './store';

/**
 * "Mark all present" (issue 15): every member with no mark in the register, and nobody
 * present for them as substitute, marked present in one write. Apologies and absences stay.
 * The register's cells go with it as this screen showed them: if a colleague has marked
 * someone since, nothing is saved and the refusal names them.
 */
export function MarkAllPresent({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const reload = useMeetings((s) => s.reload);
  const announce = useMeetings((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const markOf = (personId: number) => detail.attendance.find((a) => a.personId === personId);
  const represented = (personId: number) => detail.attendance.some((a) => a.substituteForPersonId === personId && a.status === 'present');
  const unmarked = detail.members.filter((m) => !markOf(m.personId) && !represented(m.personId));

  async function markAll() {
    setError(null);
    setStale(undefined);
    const cells = detail.members.map((m) => {
      const a = markOf(m.personId);
      return { personId: m.personId, was: a ? { status: a.status, substituteForPersonId: a.substituteForPersonId } : null };
    });
    try {
      await change('attendance.markAllPresent', { meetingId: detail.meeting.id, cells });
      announce(`${unmarked.length} ${unmarked.length === 1 ? 'member' : 'members'} marked present.`);
    } catch (err) {
      setError(messageOf(err));
      const st = staleOf(err);
      setStale(st);
      if (st) await reload();
    }
  }

  return (
    <div className="toolbar">
      <button type="button" className="button secondary" disabled={unmarked.length === 0} aria-describedby="mark-all-hint" onClick={() => void markAll()}>
        Mark all present
      </button>
      <p className="hint" id="mark-all-hint">
        {unmarked.length === 0
          ? 'Every member has a mark.'
          : `Marks the ${unmarked.length === 1 ? 'member' : `${unmarked.length} members`} not yet recorded as present; apologies and absences stay.`}
      </p>
      {error && <ErrorSummary message={error} stale={stale} />}
    </div>
  );
}
