import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField } from '../components/fields';
import { useMeetings } from './store';
import { longDate } from './text';
import { notMetText } from './MinutesRecord';

/**
 * At the "Minutes of the last meeting" item: the previous meeting's minutes approved as a
 * correct record, on whose proposal, and the Chair who signs them (issue 15). Only those
 * recorded as present can propose or sign; once approved, those minutes no longer change.
 */
export function MinutesApproval({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const prev = detail.previousMeeting;
  const present = detail.attendance.filter((a) => a.status === 'present');
  const chair = detail.members.find((m) => m.role === 'chair');
  const [proposer, setProposer] = useState('');
  const [signer, setSigner] = useState(chair && present.some((a) => a.personId === chair.personId) ? String(chair.personId) : '');
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  if (!prev) return null;
  const when = longDate(prev.startsAt);

  if (prev.status === 'minutes_approved') {
    return (
      <p>
        {prev.approvedHere
          ? `The minutes of ${when} were approved as a correct record at this meeting${prev.approvedByName ? `, on the proposal of ${prev.approvedByName}` : ''}.`
          : `Previous meeting: ${when}, minutes approved.`}
      </p>
    );
  }
  if (prev.status !== 'minutes_draft') return <p>{`Previous meeting: ${when}, minutes not yet drafted.`}</p>;
  const notMet = notMetText(detail);
  if (notMet) return <p className="hint">{`Previous meeting: ${when}, draft minutes. ${notMet}`}</p>;

  async function approve() {
    setError(null);
    try {
      await change('minutes.approve', { id: item.id, version: item.version, proposedByPersonId: Number(proposer), chairPersonId: signer ? Number(signer) : null });
      announce(`The minutes of ${when} are approved as a correct record.`);
    } catch (err) {
      const field = err && typeof err === 'object' && 'field' in err ? ((err as { field?: string | null }).field ?? null) : null;
      setError({ message: messageOf(err), field });
    }
  }

  const people = present.map((a) => ({ value: String(a.personId), label: a.name }));
  return (
    <fieldset className="fieldset">
      <legend>{`Approve the minutes of ${when} as a correct record`}</legend>
      {error && error.field !== 'proposedByPersonId' && error.field !== 'chairPersonId' && <ErrorSummary message={error.message} />}
      {present.length === 0 && <p className="hint">Record who is present first: the minutes are approved on the proposal of someone present.</p>}
      <div className="field-row">
        <SelectField
          name={`approve-${item.id}-proposedByPersonId`}
          label="Proposed by"
          value={proposer}
          onChange={setProposer}
          options={[{ value: '', label: 'Choose who proposed it' }, ...people]}
          error={error?.field === 'proposedByPersonId' ? error.message : undefined}
        />
        <SelectField
          name={`approve-${item.id}-chairPersonId`}
          label="Signed by the Chair"
          value={signer}
          onChange={setSigner}
          options={[{ value: '', label: 'The board’s chair' }, ...people]}
          error={error?.field === 'chairPersonId' ? error.message : undefined}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={proposer === ''} onClick={() => void approve()}>
          {`Approve the minutes of ${when}`}
        </button>
      </div>
    </fieldset>
  );
}
