import { useEffect, useState, type MouseEvent } from 'react';
import { MEETING_STATUS_LABELS, nextStatus } from '../../../main/meetings/meeting-status';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { AgendaBuilder } from './AgendaBuilder';
import { AttendancePanel } from './AttendancePanel';
import { DeclarationsPanel } from './DeclarationsPanel';
import { ExportPanel } from './ExportPanel';
import { MinutesPanel } from './MinutesPanel';
import { useMeetings } from './store';
import { longDate, meetingDay, timeRange } from './text';

/** In-page links that scroll without touching the hash (the hash holds the area and meeting). */
function jump(id: string) {
  return (e: MouseEvent) => {
    e.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView();
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  };
}

/** One meeting from planning to approved minutes: agenda, attendance, declarations, minutes, actions, exports. */
export function MeetingPage({ id }: { id: number }) {
  const detail = useMeetings((s) => s.detail);
  const error = useMeetings((s) => s.detailError);
  const loadMeeting = useMeetings((s) => s.loadMeeting);
  const change = useMeetings((s) => s.change);
  const announcement = useMeetings((s) => s.announcement);
  const [statusError, setStatusError] = useState<string | null>(null);

  useEffect(() => {
    void loadMeeting(id);
  }, [id, loadMeeting]);

  if (error) return <ErrorSummary title="This meeting could not be opened" message={error} />;
  if (!detail || detail.meeting.id !== id) return <p>Loading…</p>;
  const { meeting, board } = detail;
  const next = nextStatus(meeting.status);

  async function advance() {
    if (!next) return;
    setStatusError(null);
    try {
      await change('meeting.setStatus', { id, version: meeting.version, status: next });
    } catch (err) {
      setStatusError(messageOf(err));
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <a href="#/meetings">Meetings</a>
      </p>
      <h1>{`${board.name}: ${meetingDay(meeting.startsAt)}`}</h1>
      <nav aria-label="On this page" className="page-contents">
        <a href="#agenda-title" onClick={jump('agenda-title')}>Agenda</a>
        <a href="#attendance-title" onClick={jump('attendance-title')}>Attendance and quorum</a>
        <a href="#declarations-title" onClick={jump('declarations-title')}>Declarations</a>
        <a href="#minutes-title" onClick={jump('minutes-title')}>Minutes and actions</a>
        <a href="#export-title" onClick={jump('export-title')}>Documents</a>
      </nav>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <dl className="summary-list">
        <div>
          <dt>Time</dt>
          <dd>{timeRange(meeting)}</dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>{[meeting.location, meeting.onlineLink].filter(Boolean).join(' — ') || 'To be confirmed'}</dd>
        </div>
        <div>
          <dt>Papers due</dt>
          <dd>{meeting.papersDueOn ? `${longDate(meeting.papersDueOn)} (${board.papersDueWorkingDays} working days before)` : 'Not set'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className="status-tag">{MEETING_STATUS_LABELS[meeting.status]}</span>{' '}
            {next && (
              <button type="button" className="button button-secondary button-small" onClick={() => void advance()}>
                {`Mark as “${MEETING_STATUS_LABELS[next]}”`}
              </button>
            )}
          </dd>
        </div>
      </dl>
      {statusError && <ErrorSummary message={statusError} />}
      {detail.warnings.length > 0 && (
        <div className="warning-summary" role="status">
          <p className="warning-summary-title">Check before you go on</p>
          <ul>
            {detail.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {meeting.status === 'minutes_approved' ? (
        // Approved minutes are a signed record: what they say is shown, and nothing offers a change (review of issue 15, F6).
        <fieldset disabled className="record-frozen" aria-describedby="minutes-approved-title">
          <AgendaBuilder detail={detail} />
          <AttendancePanel detail={detail} />
          <DeclarationsPanel detail={detail} />
        </fieldset>
      ) : (
        <>
          <AgendaBuilder detail={detail} />
          <AttendancePanel detail={detail} />
          <DeclarationsPanel detail={detail} />
        </>
      )}
      <MinutesPanel detail={detail} />
      <ExportPanel detail={detail} />
    </>
  );
}
