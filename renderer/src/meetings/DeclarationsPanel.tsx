import { useState } from 'react';
import { INTEREST_TYPE_LABELS, INTEREST_TYPES, type Interest, type InterestType } from '../../../main/interests/contract';
import type { MeetingDetail } from '../../../main/meetings/contract';
import { formatDateShort } from '../../../main/shared/dates';
import { messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { QuorumBox } from './AttendancePanel';
import { useMeetings } from './store';

const NEW = 'new';

/** Who may declare: those recorded as present, members in their own right or substitutes representing one. */
function declarers(detail: MeetingDetail): { personId: number; label: string }[] {
  return detail.attendance
    .filter((a) => a.status === 'present')
    .map((a) => ({ personId: a.personId, label: a.substituteForName ? `${a.name} (substitute for ${a.substituteForName})` : a.name }));
}

function entryLabel(i: Interest): string {
  return `${INTEREST_TYPE_LABELS[i.type]}: ${i.description}`;
}

/**
 * Declarations of interest per item, beside the register of interests of those at the
 * meeting; an item's quorum is shown without those who withdrew. A declaration picks an
 * entry of the declarer's register or describes a new interest, which joins their register.
 */
export function DeclarationsPanel({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const [error, setError] = useState<string | null>(null);
  const meetingId = detail.meeting.id;
  const numberOf = new Map(detail.agenda.map((i) => [i.id, i.number]));
  const who = declarers(detail);

  const form = useApiForm({
    fields: ['personId', 'agendaItemId', 'interestId', 'interest', 'interestType', 'withdrew'],
    idPrefix: 'declaration-',
    initial: { personId: '', agendaItemId: '', interestId: NEW, interest: '', interestType: '', withdrew: true },
    check: (v) => (v.personId ? null : { personId: 'Choose who declared the interest.' }),
    toInput: (v) => {
      const fromRegister = v.interestId !== NEW && v.interestId !== '';
      return {
        meetingId,
        personId: Number(v.personId),
        agendaItemId: v.agendaItemId ? Number(v.agendaItemId) : null,
        interestId: fromRegister ? Number(v.interestId) : null,
        interest: fromRegister ? '' : v.interest,
        interestType: fromRegister || v.interestType === '' ? null : (v.interestType as InterestType),
        withdrew: v.withdrew,
      };
    },
    submit: async (input) => {
      await change('declaration.add', input);
      form.reset({ ...form.values, interestId: NEW, interest: '', interestType: '' });
    },
  });

  const chosen = form.values.personId ? Number(form.values.personId) : null;
  const theirs = chosen === null ? [] : detail.interests.filter((i) => i.personId === chosen);
  const byPerson = new Map<number, { name: string; entries: Interest[] }>();
  for (const m of detail.members) byPerson.set(m.personId, { name: m.name, entries: [] });
  for (const a of detail.attendance) if (a.status === 'present' && !byPerson.has(a.personId)) byPerson.set(a.personId, { name: a.name, entries: [] });
  for (const i of detail.interests) byPerson.get(i.personId)?.entries.push(i);
  const affected = detail.agenda.filter((i) => i.declarations.some((d) => d.withdrew));

  return (
    <section className="section" aria-labelledby="declarations-title">
      <h2 id="declarations-title">Declarations of interest</h2>
      {error && <ErrorSummary message={error} />}
      <div className="declarations-layout">
        <div>
          {detail.declarations.length === 0 ? (
            <p>No declarations recorded.</p>
          ) : (
            <ul className="plain-list">
              {detail.declarations.map((d) => (
                <li key={d.id}>
                  {`${d.name}, ${d.agendaItemId ? `item ${numberOf.get(d.agendaItemId)}` : 'general'}: ${d.interest}${d.interestType ? ` (${INTEREST_TYPE_LABELS[d.interestType]})` : ''}${d.withdrew ? ', withdrew for the item' : ''}`}{' '}
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
            {who.length === 0 && <p className="hint">Only those present can declare: record attendance first.</p>}
            <div className="field-row">
              <SelectField
                label="Who (present)"
                options={[{ value: '', label: 'Choose a person' }, ...who.map((p) => ({ value: String(p.personId), label: p.label }))]}
                {...form.field('personId')}
                onChange={(v) => {
                  form.reset({ ...form.values, personId: v, interestId: NEW });
                }}
              />
              <SelectField label="Item" options={[{ value: '', label: 'General (no item)' }, ...detail.agenda.map((i) => ({ value: String(i.id), label: `${i.number}. ${i.title}` }))]} {...form.field('agendaItemId')} />
            </div>
            <SelectField
              label="Interest"
              options={[...theirs.map((i) => ({ value: String(i.id), label: entryLabel(i) })), { value: NEW, label: 'A new interest (added to their register)' }]}
              {...form.field('interestId')}
            />
            {form.values.interestId === NEW && (
              <div className="field-row">
                <TextField label="Interest declared" {...form.field('interest')} />
                <SelectField label="Interest type" options={[{ value: '', label: 'Choose a type' }, ...INTEREST_TYPES.map((t) => ({ value: t, label: INTEREST_TYPE_LABELS[t] }))]} {...form.field('interestType')} />
              </div>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={form.values.withdrew} onChange={(e) => form.set('withdrew')(e.target.checked)} />
              Left the meeting for this item
            </label>
          </ApiFormView>
        </div>
        <aside className="register-aside" aria-labelledby="register-title">
          <h3 id="register-title">Register of interests</h3>
          <p className="hint">{`Entries current on ${formatDateShort(detail.meeting.startsAt)}, for the members and those present.`}</p>
          <ul className="plain-list">
            {[...byPerson.entries()].map(([personId, p]) => (
              <li key={personId}>
                <strong>{p.name}</strong>
                {p.entries.length === 0 ? (
                  <span>: none registered</span>
                ) : (
                  <ul>
                    {p.entries.map((i) => (
                      <li key={i.id}>{`${entryLabel(i)}${i.reviewedOn ? ` (reviewed ${formatDateShort(i.reviewedOn)})` : ''}`}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}
