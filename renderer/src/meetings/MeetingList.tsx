import { useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../../main/meetings/meeting-status';
import { ErrorSummary } from '../components/ErrorSummary';
import { meetingHref } from './route';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';
import { useMeetings } from './store';
import { meetingDay, timeRange } from './text';

export function MeetingList() {
  const meetings = useMeetings((s) => s.meetings);
  const boards = useMeetings((s) => s.boards);
  const loaded = useMeetings((s) => s.listLoaded);
  const error = useMeetings((s) => s.listError);
  const [scheduling, setScheduling] = useState(false);

  return (
    <>
      <div className="toolbar">
        <p className="result-count" role="status">
          {loaded ? `${meetings.length} ${meetings.length === 1 ? 'meeting' : 'meetings'}` : 'Loading…'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setScheduling(true)} disabled={boards.length === 0}>
          Schedule a meeting
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      {loaded && boards.length === 0 && <p className="empty">Add a board first, under “Boards and groups”; then schedule its meetings here.</p>}
      {meetings.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Meetings, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Board</th>
              <th scope="col">Time</th>
              <th scope="col">Status</th>
              <th scope="col">Quorum</th>
              <th scope="col" className="numeric">
                Items
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <a href={meetingHref(m.id)}>{meetingDay(m.startsAt)}</a>
                </th>
                <td>{m.boardName}</td>
                <td>{timeRange(m)}</td>
                <td>{MEETING_STATUS_LABELS[m.status]}</td>
                <td>{m.quorate === null ? 'Not recorded' : m.quorate ? 'Quorate' : 'Not quorate'}</td>
                <td className="numeric">{m.agendaItemCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {scheduling && <ScheduleMeetingForm onClose={() => setScheduling(false)} />}
    </>
  );
}
