import { useState, type FormEvent } from 'react';
import type { AttendanceStatus, MeetingDetail, QuorumResult } from '../../../main/meetings/contract';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, ROLE_LABELS } from '../../../main/meetings/labels';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { personLabel, useMeetings } from './store';

export function QuorumBox({ quorum, label }: { quorum: QuorumResult | null; label: string }) {
  return (
    <div className={`quorum ${quorum === null ? 'quorum-none' : quorum.met ? 'quorum-met' : 'quorum-not-met'}`} role="status" aria-label={label}>
      <p className="quorum-title">{quorum === null ? 'Quorum: attendance not recorded yet' : quorum.met ? 'Quorum met' : 'Not quorate'}</p>
      {quorum && <p>{quorum.statement}</p>}
    </div>
  );
}

/** Who came: members' attendance, substitutes (who count for the member they replace), others in attendance; quorum live. */
export function AttendancePanel({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const people = useMeetings((s) => s.people);
  const [error, setError] = useState<string | null>(null);
  const meetingId = detail.meeting.id;
  const markOf = (personId: number) => detail.attendance.find((a) => a.personId === personId);
  const memberIds = new Set(detail.members.map((m) => m.personId));
  const others = detail.attendance.filter((a) => !memberIds.has(a.personId));

  async function setStatus(personId: number, status: AttendanceStatus | '') {
    setError(null);
    try {
      if (status === '') await change('attendance.remove', { meetingId, personId });
      else await change('attendance.set', { meetingId, personId, status, substituteForPersonId: null });
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="attendance-title">
      <h2 id="attendance-title">Attendance and quorum</h2>
      <QuorumBox quorum={detail.quorum} label="Quorum" />
      {error && <ErrorSummary message={error} />}
      <table className="table">
        <caption className="visually-hidden">Members on the meeting’s date and their attendance</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Organisation</th>
            <th scope="col">Role</th>
            <th scope="col">Attendance</th>
          </tr>
        </thead>
        <tbody>
          {detail.members.map((m) => {
            const mark = markOf(m.personId);
            const sub = detail.attendance.find((a) => a.substituteForPersonId === m.personId && a.status === 'present');
            return (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.organisationName ?? ''}</td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`attendance-${m.personId}`}>{`Attendance of ${m.name}`}</label>
                  <select id={`attendance-${m.personId}`} className="select" value={mark?.status ?? ''} onChange={(e) => void setStatus(m.personId, e.target.value as AttendanceStatus | '')}>
                    <option value="">Not recorded</option>
                    {ATTENDANCE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ATTENDANCE_LABELS[s]}
                      </option>
                    ))}
                  </select>
                  {sub && <span className="hint">{` Represented by ${sub.name}`}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length > 0 && (
        <>
          <h3>Substitutes and others in attendance</h3>
          <ul className="plain-list">
            {others.map((a) => (
              <li key={a.id}>
                {`${a.name}${a.organisationName ? ` (${a.organisationName})` : ''}: ${a.substituteForName ? `substitute for ${a.substituteForName}` : ATTENDANCE_LABELS[a.status].toLowerCase()}`}{' '}
                <button type="button" className="button-link" aria-label={`Clear attendance of ${a.name}`} onClick={() => void setStatus(a.personId, '')}>
                  Clear
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <SubstituteForm detail={detail} people={people.filter((p) => !memberIds.has(p.id))} />
    </section>
  );
}

function SubstituteForm({ detail, people }: { detail: MeetingDetail; people: ReturnType<typeof useMeetings.getState>['people'] }) {
  const change = useMeetings((s) => s.change);
  const [personId, setPersonId] = useState('');
  const [forId, setForId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const voting = detail.members.filter((m) => m.role === 'chair' || m.role === 'vice_chair' || m.role === 'member');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!personId) {
      setError('Choose who attended.');
      return;
    }
    setError(null);
    try {
      await change('attendance.set', { meetingId: detail.meeting.id, personId: Number(personId), status: 'present', substituteForPersonId: forId ? Number(forId) : null });
      setPersonId('');
      setForId('');
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="substitute-title">
      <h3 id="substitute-title">Record a substitute or someone in attendance</h3>
      {error && <ErrorSummary message={error} />}
      <div className="field-row">
        <SelectField name="attendeeId" label="Who attended" value={personId} onChange={setPersonId} options={[{ value: '', label: 'Choose a person' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} />
        <SelectField
          name="substituteFor"
          label="Substitute for"
          value={forId}
          onChange={setForId}
          options={[{ value: '', label: 'Nobody (in attendance only)' }, ...voting.map((m) => ({ value: String(m.personId), label: m.name }))]}
        />
      </div>
      <button type="submit" className="button button-secondary">
        Record attendance
      </button>
    </form>
  );
}
