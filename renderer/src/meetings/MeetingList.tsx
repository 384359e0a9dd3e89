import { useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../../main/meetings/meeting-status';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { VirtualTable } from '../components/VirtualTable';
import { meetingHref } from './route';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';
import { useMeetingList, useMeetings } from './store';
import { meetingDay, timeRange } from './text';

/**
 * The meetings, newest first, a page at a time from the workspace (issue 9: ten years are 500
 * meetings), with only the rows in view in the page.
 */
export function MeetingList() {
  const boards = useMeetings((s) => s.boards);
  const boardsLoaded = useMeetings((s) => s.listLoaded);
  const directoryError = useMeetings((s) => s.listError);
  const list = useMeetingList();
  const error = directoryError ?? (list.error ? messageOf(list.error) : null);
  const [scheduling, setScheduling] = useState(false);

  return (
    <>
      <div className="toolbar">
        <p className="result-count" role="status">
          {list.loaded ? `${list.total.toLocaleString('en-GB')} ${list.total === 1 ? 'meeting' : 'meetings'}` : 'Loading…'}
        </p>
        <button type="button" className="button toolbar-end" onClick={() => setScheduling(true)} disabled={boards.length === 0}>
          Schedule a meeting
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      {boardsLoaded && boards.length === 0 && <p className="empty">Add a board first, under “Boards and groups”; then schedule its meetings here.</p>}
      {list.total > 0 && (
        <VirtualTable
          caption="Meetings, newest first"
          testId="meeting-list"
          rows={list.rows}
          total={list.total}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          loadMore={list.loadMore}
          rowKey={(m) => m.id}
          onOpen={(m) => (window.location.hash = meetingHref(m.id))}
          rowHeight={48}
          columns={[
            {
              header: 'Date',
              width: '22%',
              rowHeader: true,
              cell: (m) => (
                <a href={meetingHref(m.id)} tabIndex={-1}>
                  {meetingDay(m.startsAt)}
                </a>
              ),
            },
            { header: 'Board', width: '30%', cell: (m) => m.boardName },
            { header: 'Time', width: '12%', cell: (m) => timeRange(m) },
            { header: 'Status', width: '14%', cell: (m) => MEETING_STATUS_LABELS[m.status] },
            { header: 'Quorum', width: '13%', cell: (m) => (m.quorate === null ? 'Not recorded' : m.quorate ? 'Quorate' : 'Not quorate') },
            { header: 'Items', width: '9%', numeric: true, cell: (m) => m.agendaItemCount },
          ]}
        />
      )}
      {scheduling && <ScheduleMeetingForm onClose={() => setScheduling(false)} />}
    </>
  );
}
