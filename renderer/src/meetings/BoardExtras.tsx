import { useEffect, useState, type FormEvent } from 'react';
import type { AttendanceStatistics, Board, ForwardPlanItem } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import { financialYearOf } from '../../../main/shared/financial-year';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { meetingHref } from './route';
import { personLabel, useMeetings } from './store';
import { longDate } from './text';

/** A board's forward plan: items planned for its future meetings, pulled into the agenda when a meeting is scheduled. */
export function ForwardPlan({ board }: { board: Board }) {
  const people = useMeetings((s) => s.people);
  const [items, setItems] = useState<ForwardPlanItem[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('decision');
  const [lead, setLead] = useState('');
  const [plannedFor, setPlannedFor] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  useEffect(() => {
    let live = true;
    call(api().forwardPlan.list({ boardId: board.id })).then(
      (list) => live && setItems(list),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, version]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call(api().forwardPlan.add({ boardId: board.id, title, purpose, leadPersonId: lead ? Number(lead) : null, plannedFor }));
      setTitle('');
      setErrors(NO_ERRORS);
      setVersion((v) => v + 1);
    } catch (err) {
      setErrors(errorsFromApi(err, ['title', 'plannedFor', 'leadPersonId']));
    }
  }

  return (
    <section className="section" aria-labelledby="forward-plan-title">
      <h2 id="forward-plan-title">{`Forward plan of ${board.name}`}</h2>
      {error && <ErrorSummary message={error} />}
      {items.length === 0 ? (
        <p>Nothing is planned yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Forward plan</caption>
          <thead>
            <tr>
              <th scope="col">Planned for</th>
              <th scope="col">Item</th>
              <th scope="col">Purpose</th>
              <th scope="col">Lead</th>
              <th scope="col">On an agenda</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.id}>
                <td>{f.plannedFor.length === 10 ? longDate(f.plannedFor) : f.plannedFor}</td>
                <th scope="row">{f.title}</th>
                <td>{PURPOSE_LABELS[f.purpose]}</td>
                <td>{f.leadName ?? ''}</td>
                <td>{f.meetingId !== null ? <a href={meetingHref(f.meetingId)}>Yes, open the meeting</a> : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-add-title">
        <h3 id="plan-add-title">Plan an item</h3>
        {errors.form && <ErrorSummary message={errors.form} />}
        <TextField name="plan-title" label="Item" value={title} onChange={setTitle} error={errors.fields.title} />
        <div className="field-row">
          <SelectField name="plan-purpose" label="Purpose" value={purpose} onChange={(v) => setPurpose(v as Purpose)} options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} />
          <SelectField name="plan-lead" label="Lead" value={lead} onChange={setLead} options={[{ value: '', label: 'No lead' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} />
          <TextField name="plan-for" label="Planned for" hint="A date (2020-06-18) or a month (2020-06)" value={plannedFor} onChange={setPlannedFor} error={errors.fields.plannedFor} width="medium" />
        </div>
        <button type="submit" className="button button-secondary">
          Add to the forward plan
        </button>
      </form>
    </section>
  );
}

/** Attendance per member and organisation over a financial year (meetings held only). */
export function AttendanceStats({ board }: { board: Board }) {
  const meetings = useMeetings((s) => s.meetings);
  const years = [...new Set(meetings.filter((m) => m.boardId === board.id).map((m) => financialYearOf(m.startsAt.slice(0, 10))))].sort().reverse();
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen && years.includes(chosen) ? chosen : (years[0] ?? null);
  const [stats, setStats] = useState<AttendanceStatistics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!year) return;
    let live = true;
    call(api().attendance.statistics({ boardId: board.id, financialYear: year })).then(
      (s) => live && setStats(s),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, year]);

  if (!year) return null;
  const shown = stats && stats.boardId === board.id && stats.financialYear === year ? stats : null;
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  return (
    <section className="section" aria-labelledby="stats-title">
      <h2 id="stats-title">Attendance</h2>
      {error && <ErrorSummary message={error} />}
      <SelectField name="stats-year" label="Financial year" value={year} onChange={setChosen} options={years.map((y) => ({ value: y, label: y }))} />
      {shown && (
        <>
          <p>{`${shown.meetingsHeld} ${shown.meetingsHeld === 1 ? 'meeting' : 'meetings'} held in ${year}.`}</p>
          <table className="table">
            <caption>By member</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="numeric">Expected</th>
                <th scope="col" className="numeric">Attended</th>
                <th scope="col" className="numeric">Substitute sent</th>
                <th scope="col" className="numeric">Apologies</th>
                <th scope="col" className="numeric">Absent</th>
                <th scope="col" className="numeric">Rate</th>
              </tr>
            </thead>
            <tbody>
              {shown.members.map((m) => (
                <tr key={m.personId}>
                  <th scope="row">{`${m.name}${m.organisationName ? ` (${m.organisationName})` : ''}`}</th>
                  <td className="numeric">{m.expected}</td>
                  <td className="numeric">{m.attended}</td>
                  <td className="numeric">{m.substituted}</td>
                  <td className="numeric">{m.apologies}</td>
                  <td className="numeric">{m.absent}</td>
                  <td className="numeric">{pct(m.ratePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table">
            <caption>By organisation</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" className="numeric">Expected</th>
                <th scope="col" className="numeric">Represented</th>
                <th scope="col" className="numeric">Rate</th>
              </tr>
            </thead>
            <tbody>
              {shown.organisations.map((o) => (
                <tr key={o.organisationId}>
                  <th scope="row">{o.name}</th>
                  <td className="numeric">{o.expected}</td>
                  <td className="numeric">{o.represented}</td>
                  <td className="numeric">{pct(o.ratePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
