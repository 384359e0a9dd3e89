import { useState } from 'react';
import type { MeetingDetail } from '../../../main/meetings/contract';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { QuorumBox } from './AttendancePanel';
import { useMeetings } from './store';

/** Declarations of interest per item; an item's quorum is shown without those who withdrew. */
export function DeclarationsPanel({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const [error, setError] = useState<string | null>(null);
  const meetingId = detail.meeting.id;
  const numberOf = new Map(detail.agenda.map((i) => [i.id, i.number]));
  const names = new Map<number, string>();
  for (const m of detail.members) names.set(m.personId, m.name);
  for (const a of detail.attendance) names.set(a.personId, a.name);

  const form = useApiForm({
    fields: ['personId', 'agendaItemId', 'interest', 'withdrew'],
    idPrefix: 'declaration-',
    initial: { personId: '', agendaItemId: '', interest: '', withdrew: true },
    check: (v) => (v.personId ? null : { personId: 'Choose who declared the interest.' }),
    toInput: (v) => ({ meetingId, personId: Number(v.personId), agendaItemId: v.agendaItemId ? Number(v.agendaItemId) : null, interest: v.interest, withdrew: v.withdrew }),
    submit: async (input) => {
      await change('declaration.add', input);
      form.reset({ ...form.values, interest: '' });
    },
  });

  const affected = detail.agenda.filter((i) => i.declarations.some((d) => d.withdrew));
  return (
    <section className="section" aria-labelledby="declarations-title">
      <h2 id="declarations-title">Declarations of interest</h2>
      {error && <ErrorSummary message={error} />}
      {detail.declarations.length === 0 ? (
        <p>No declarations recorded.</p>
      ) : (
        <ul className="plain-list">
          {detail.declarations.map((d) => (
            <li key={d.id}>
              {`${d.name}, ${d.agendaItemId ? `item ${numberOf.get(d.agendaItemId)}` : 'general'}: ${d.interest}${d.withdrew ? ' (withdrew for the item)' : ''}`}{' '}
              <button type="button" className="button-link" onClick={() => void change('declaration.remove', { id: d.id, version: d.version }).catch((err) => setError(messageOf(err)))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {affected.map((i) => (
        <QuorumBox key={i.id} quorum={i.quorum} label={`Quorum for item ${i.number}`} />
      ))}
      <ApiFormView form={form} className="subform" heading={{ id: 'declare-title', text: 'Record a declaration' }} submit="Record declaration" secondary>
        <div className="field-row">
          <SelectField label="Who" options={[{ value: '', label: 'Choose a person' }, ...[...names].map(([id, name]) => ({ value: String(id), label: name }))]} {...form.field('personId')} />
          <SelectField label="Item" options={[{ value: '', label: 'General (no item)' }, ...detail.agenda.map((i) => ({ value: String(i.id), label: `${i.number}. ${i.title}` }))]} {...form.field('agendaItemId')} />
        </div>
        <TextField label="Interest declared" {...form.field('interest')} />
        <label className="checkbox">
          <input type="checkbox" checked={form.values.withdrew} onChange={(e) => form.set('withdrew')(e.target.checked)} />
          Left the meeting for this item
        </label>
      </ApiFormView>
    </section>
  );
}
