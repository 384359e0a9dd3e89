import { useState } from 'react';
import type { MeetingDetail } from '../../../main/meetings/contract';
import { MEETING_STATUS_LABELS } from '../../../main/meetings/meeting-status';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { useMeetings } from './store';
import { longDate } from './text';

/**
 * Where the minutes stand as a record, above them (review of issue 15): approved minutes say
 * who approved them, at which meeting and who signed, that they no longer change and how a
 * correction is made (F6); draft minutes drafted before minute numbers offer "Number these
 * minutes" (F5); a meeting whose agenda has no "Minutes of the last meeting" item says where the
 * previous minutes are approved (F11c: issue 15 has them approved "as a standing item").
 */
export function MinutesRecord({ detail }: { detail: MeetingDetail }) {
  const { meeting } = detail;
  if (meeting.status === 'minutes_approved') return <ApprovedNotice detail={detail} />;
  return (
    <>
      {meeting.status === 'minutes_draft' && detail.agenda.some((i) => !i.minuteNumber) && <NumberMinutes detail={detail} />}
      <NoMinutesItem detail={detail} />
    </>
  );
}

function ApprovedNotice({ detail }: { detail: MeetingDetail }) {
  const m = detail.meeting;
  const signed = m.minutesSignedByName ? ` and signed by the Chair, ${m.minutesSignedByName}` : '';
  const proposed = m.minutesApprovedByName ? `, on the proposal of ${m.minutesApprovedByName},` : '';
  return (
    <div className="record-notice" role="note" aria-labelledby="minutes-approved-title">
      <p id="minutes-approved-title" className="record-notice-title">
        Approved minutes: read only
      </p>
      {m.minutesApprovedAtMeetingId !== null && m.minutesApprovedAtStartsAt ? (
        <>
          <p>
            {`These minutes were approved as a correct record at the meeting of `}
            <a href={`#/meetings/${m.minutesApprovedAtMeetingId}`}>{longDate(m.minutesApprovedAtStartsAt)}</a>
            {`${proposed}${signed}.`}
          </p>
          <p>They can no longer be changed. A correction is recorded in the minutes of a later meeting, under its “Minutes of the last meeting” item.</p>
        </>
      ) : (
        <p>
          These minutes were marked approved before the app recorded who approved them and at which meeting. They are shown read only; to correct them, move the meeting back to “Minutes
          draft”.
        </p>
      )}
    </div>
  );
}

function NumberMinutes({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const missing = detail.agenda.filter((i) => !i.minuteNumber).length;

  async function number() {
    setError(null);
    try {
      const d = await change('minutes.number', { id: detail.meeting.id, version: detail.meeting.version });
      const numbers = d.agenda.map((i) => i.minuteNumber).filter(Boolean);
      announce(`Minutes numbered: ${numbers[0]} to ${numbers.at(-1)}.`);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="warning-summary">
      <p className="warning-summary-title">{`${missing} ${missing === 1 ? 'item has' : 'items have'} no minute number`}</p>
      <p>These minutes were drafted before minute numbers were given. Numbering gives each item without one the next number of the board’s series, in agenda order.</p>
      {error && <ErrorSummary message={error} />}
      <button type="button" className="button button-secondary" onClick={() => void number()}>
        Number these minutes
      </button>
    </div>
  );
}

function NoMinutesItem({ detail }: { detail: MeetingDetail }) {
  const prev = detail.previousMeeting;
  if (!prev || prev.status !== 'minutes_draft' || detail.agenda.some((i) => i.standingKind === 'minutes')) return null;
  return (
    <p className="hint">
      {`The draft minutes of ${longDate(prev.startsAt)} are approved at a “Minutes of the last meeting” item, and this agenda has none. Give the board that standing item (Boards and groups) for its next meetings, or approve them at the next meeting that has it.`}
    </p>
  );
}

/** Why this meeting cannot approve the previous minutes yet: it has not met (F11b). */
export function notMetText(detail: MeetingDetail): string | null {
  const s = detail.meeting.status;
  if (s !== 'planned' && s !== 'agenda_issued') return null;
  return `This meeting is “${MEETING_STATUS_LABELS[s]}”: the previous minutes are approved once it has met. Mark it “Held” first.`;
}
