import { useState } from 'react';
import type { AttendanceStatus, MeetingDetail, QuorumResult } from '../../../main/meetings/contract';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, ROLE_LABELS } from '../../../main/meetings/labels';
import { messageOf } from '../api';
import { DataTable } from '../components/DataTable';
import type { StaleDetail } from '../../../main/shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { staleOf } from '../components/StaleDetails';
import { SelectField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { MarkAllPresent } from './MarkAllPresent';
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
  const reload = useMeetings((s) => s.reload);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const meetingId = detail.meeting.id;
  const memberIds = new Set(detail.members.map((m) => m.personId));
  const others = detail.attendance.filter((a) => !memberIds.has(a.personId));

  async function setStatus(personId: number, status: AttendanceStatus | '') {
    setError(null);
    setStale(undefined);
    // The cell as the register shows it: refused, naming who, if someone has changed it since.
    const mark = detail.attendance.find((a) => a.personId === personId);
    const was = mark ? { status: mark.status, substituteForPersonId: mark.substituteForPersonId } : null;
    try {
      if (status === '') await change('attendance.remove', { meetingId, personId, was });
      else await change('attendance.set', { meetingId, personId, status, substituteForPersonId: null, was });
    } catch (err) {
      setError(messageOf(err));
      const st = staleOf(err);
      setStale(st);
      // Show their mark in the register: choosing again then goes on what they saved, knowingly.
      if (st) await reload();
    }
  }

  return (
    <section className="section" aria-labelledby="attendance-title">
      <h2 id="attendance-title">Attendance and quorum</h2>
      <QuorumBox quorum={detail.quorum} label="Quorum" />
      {error && <ErrorSummary message={error} stale={stale} />}
      <MarkAllPresent detail={detail} />
      <DataTable
        caption="Members on the meeting’s date and their attendance"
        rows={detail.members}
        rowKey={(m) => m.id}
        columns={[
          { header: 'Member', rowHeader: true, cell: (m) => m.name },
          { header: 'Organisation', cell: (m) => m.organisationName ?? '' },
          { header: 'Role', cell: (m) => ROLE_LABELS[m.role] },
          { header: 'Attendance', cell: (m) => <AttendanceCell detail={detail} member={m} onChange={(status) => void setStatus(m.personId, status)} /> },
        ]}
      />
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

function AttendanceCell({ detail, member, onChange }: { detail: MeetingDetail; member: MeetingDetail['members'][number]; onChange: (status: AttendanceStatus | '') => void }) {
  const mark = detail.attendance.find((a) => a.personId === member.personId);
  const sub = detail.attendance.find((a) => a.substituteForPersonId === member.personId && a.status === 'present');
  return (
    <>
      <label className="visually-hidden" htmlFor={`attendance-${member.personId}`}>{`Attendance of ${member.name}`}</label>
      <select id={`attendance-${member.personId}`} className="select" value={mark?.status ?? ''} onChange={(e) => onChange(e.target.value as AttendanceStatus | '')}>
        <option value="">Not recorded</option>
        {ATTENDANCE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ATTENDANCE_LABELS[s]}
          </option>
        ))}
      </select>
      {sub && <span className="hint">{` Represented by ${sub.name}`}</span>}
    </>
  );
}

function SubstituteForm({ detail, people }: { detail: MeetingDetail; people: ReturnType<typeof useMeetings.getState>['people'] }) {
  const change = useMeetings((s) => s.change);
  const voting = detail.members.filter((m) => m.role === 'chair' || m.role === 'vice_chair' || m.role === 'member');
  const form = useApiForm({
    fields: ['personId', 'substituteForPersonId'],
    idPrefix: 'attendee-',
    initial: { personId: '', substituteForPersonId: '' },
    check: (v) => (v.personId ? null : { personId: 'Choose who attended.' }),
    toInput: (v) => ({ meetingId: detail.meeting.id, personId: Number(v.personId), status: 'present' as const, substituteForPersonId: v.substituteForPersonId ? Number(v.substituteForPersonId) : null }),
    submit: async (input) => {
      const mark = detail.attendance.find((a) => a.personId === input.personId);
      await change('attendance.set', { ...input, was: mark ? { status: mark.status, substituteForPersonId: mark.substituteForPersonId } : null });
      form.reset({ personId: '', substituteForPersonId: '' });
    },
  });

  return (
    <ApiFormView form={form} className="subform" heading={{ id: 'substitute-title', text: 'Record a substitute or someone in attendance' }} submit="Record attendance" secondary>
      <div className="field-row">
        <SelectField label="Who attended" options={[{ value: '', label: 'Choose a person' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} {...form.field('personId')} />
        <SelectField label="Substitute for" options={[{ value: '', label: 'Nobody (in attendance only)' }, ...voting.map((m) => ({ value: String(m.personId), label: m.name }))]} {...form.field('substituteForPersonId')} />
      </div>
    </ApiFormView>
  );
}
