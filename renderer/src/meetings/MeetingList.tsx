import { useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../../main/meetings/meeting-status';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { counted } from '../components/words';
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
          {loaded ? counted(meetings.length, 'meeting') : 'Loading…'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setScheduling(true)} disabled={boards.length === 0}>
          Schedule a meeting
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      {loaded && boards.length === 0 && <p className="empty">Add a board first, under “Boards and groups”; then schedule its meetings here.</p>}
      <DataTable
        caption="Meetings, newest first"
        rows={meetings}
        rowKey={(m) => m.id}
        columns={[
          { header: 'Date', rowHeader: true, cell: (m) => <a href={meetingHref(m.id)}>{meetingDay(m.startsAt)}</a> },
          { header: 'Board', cell: (m) => m.boardName },
          { header: 'Time', cell: (m) => timeRange(m) },
          { header: 'Status', cell: (m) => MEETING_STATUS_LABELS[m.status] },
          { header: 'Quorum', cell: (m) => (m.quorate === null ? 'Not recorded' : m.quorate ? 'Quorate' : 'Not quorate') },
          { header: 'Items', numeric: true, cell: (m) => m.agendaItemCount },
        ]}
      />
      {scheduling && <ScheduleMeetingForm onClose={() => setScheduling(false)} />}
    </>
  );
}
