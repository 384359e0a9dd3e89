import { useState, type FormEvent } from 'react';
import type { MeetingDetail } from '../../../main/meetings/contract';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { QuorumBox } from './AttendancePanel';
import { useMeetings } from './store';

/** Declarations of interest per item; an item's quorum is shown without those who withdrew. */
export function DeclarationsPanel({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const [personId, setPersonId] = useState('');
  const [itemId, setItemId] = useState('');
  const [interest, setInterest] = useState('');
  const [withdrew, setWithdrew] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const meetingId = detail.meeting.id;
  const numberOf = new Map(detail.agenda.map((i) => [i.id, i.number]));
  const names = new Map<number, string>();
  for (const m of detail.members) names.set(m.personId, m.name);
  for (const a of detail.attendance) names.set(a.personId, a.name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!personId) {
      setError('Choose who declared the interest.');
      return;
    }
    try {
      await change('declaration.add', { meetingId, personId: Number(personId), agendaItemId: itemId ? Number(itemId) : null, interest, withdrew });
      setInterest('');
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const affected = detail.agenda.filter((i) => i.declarations.some((d) => d.withdrew));
  return (
    <section className="section" aria-labelledby="declarations-title">
      <h2 id="declarations-title">Declarations of interest</h2>
      {detail.declarations.length === 0 ? (
        <p>No declarations recorded.</p>
      ) : (
        <ul className="plain-list">
          {detail.declarations.map((d) => (
            <li key={d.id}>
              {`${d.name}, ${d.agendaItemId ? `item ${numberOf.get(d.agendaItemId)}` : 'general'}: ${d.interest}${d.withdrew ? ' (withdrew for the item)' : ''}`}{' '}
              <button type="button" className="button-link" onClick={() => void change('declaration.remove', { id: d.id }).catch((err) => setError(messageOf(err)))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {affected.map((i) => (
        <QuorumBox key={i.id} quorum={i.quorum} label={`Quorum for item ${i.number}`} />
      ))}
      <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="declare-title">
        <h3 id="declare-title">Record a declaration</h3>
        {error && <ErrorSummary message={error} />}
        <div className="field-row">
          <SelectField name="declarantId" label="Who" value={personId} onChange={setPersonId} options={[{ value: '', label: 'Choose a person' }, ...[...names].map(([id, name]) => ({ value: String(id), label: name }))]} />
          <SelectField name="declarationItem" label="Item" value={itemId} onChange={setItemId} options={[{ value: '', label: 'General (no item)' }, ...detail.agenda.map((i) => ({ value: String(i.id), label: `${i.number}. ${i.title}` }))]} />
        </div>
        <TextField name="interest" label="Interest declared" value={interest} onChange={setInterest} />
        <label className="checkbox">
          <input type="checkbox" checked={withdrew} onChange={(e) => setWithdrew(e.target.checked)} />
          Left the meeting for this item
        </label>
        <button type="submit" className="button button-secondary">
          Record declaration
        </button>
      </form>
    </section>
  );
}
