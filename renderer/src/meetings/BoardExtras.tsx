import { useEffect, useState } from 'react';
import type { AttendanceStatistics, Board, ForwardPlanItem } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import { financialYearOf } from '../../../main/shared/financial-year';
import { api, call, messageOf } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useOthersChanged } from '../changes/store';
import { useApiForm } from '../components/useApiForm';
import { meetingHref } from './route';
import { personLabel, useMeetings } from './store';
import { longDate } from './text';

/** A board's forward plan: items planned for its future meetings, pulled into the agenda when a meeting is scheduled. */
/** What the forward plan shows (an item put on an agenda says so): read again when someone else changes one of these. */
const PLAN_TABLES = ['forward_plan_item', 'agenda_item', 'person'];
/** What attendance statistics are counted from. */
const STATS_TABLES = ['attendance', 'meeting', 'membership', 'membership_substitute', 'person', 'organisation'];

export function ForwardPlan({ board }: { board: Board }) {
  const people = useMeetings((s) => s.people);
  const [items, setItems] = useState<ForwardPlanItem[]>([]);
  const [version, setVersion] = useState(0);
  const changed = useOthersChanged(PLAN_TABLES);
  const [error, setError] = useState<string | null>(null);
  const blank = { title: '', purpose: 'decision', leadPersonId: '', plannedFor: '' };
  const form = useApiForm({
    fields: ['title', 'purpose', 'leadPersonId', 'plannedFor'],
    idPrefix: 'plan-',
    initial: blank,
    toInput: (v) => ({ boardId: board.id, title: v.title, purpose: v.purpose as Purpose, leadPersonId: v.leadPersonId ? Number(v.leadPersonId) : null, plannedFor: v.plannedFor }),
    submit: async (input) => {
      await call(api().forwardPlan.add(input));
      form.reset({ ...form.values, title: '' });
      setVersion((v) => v + 1);
    },
  });

  useEffect(() => {
    let live = true;
    call(api().forwardPlan.list({ boardId: board.id })).then(
      (list) => live && setItems(list),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, version, changed]);

  return (
    <section className="section" aria-labelledby="forward-plan-title">
      <h2 id="forward-plan-title">{`Forward plan of ${board.name}`}</h2>
      {error && <ErrorSummary message={error} />}
      <DataTable
        caption="Forward plan"
        rows={items}
        rowKey={(f) => f.id}
        empty="Nothing is planned yet."
        columns={[
          { header: 'Planned for', cell: (f) => (f.plannedFor.length === 10 ? longDate(f.plannedFor) : f.plannedFor) },
          { header: 'Item', rowHeader: true, cell: (f) => f.title },
          { header: 'Purpose', cell: (f) => PURPOSE_LABELS[f.purpose] },
          { header: 'Lead', cell: (f) => f.leadName ?? '' },
          { header: 'On an agenda', cell: (f) => (f.meetingId !== null ? <a href={meetingHref(f.meetingId)}>Yes, open the meeting</a> : 'Not yet') },
        ]}
      />
      <ApiFormView form={form} className="subform" heading={{ id: 'plan-add-title', text: 'Plan an item' }} submit="Add to the forward plan" secondary>
        <TextField label="Item" {...form.field('title')} />
        <div className="field-row">
          <SelectField label="Purpose" options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} {...form.field('purpose')} />
          <SelectField label="Lead" options={[{ value: '', label: 'No lead' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} {...form.field('leadPersonId')} />
          <TextField label="Planned for" hint="A date (2020-06-18) or a month (2020-06)" width="medium" {...form.field('plannedFor')} />
        </div>
      </ApiFormView>
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
  const changed = useOthersChanged(STATS_TABLES);

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
  }, [board.id, year, changed]);

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
          <DataTable
            caption="By member"
            showCaption
            rows={shown.members}
            rowKey={(m) => m.personId}
            columns={[
              { header: 'Member', rowHeader: true, cell: (m) => `${m.name}${m.organisationName ? ` (${m.organisationName})` : ''}` },
              { header: 'Expected', numeric: true, cell: (m) => m.expected },
              { header: 'Attended', numeric: true, cell: (m) => m.attended },
              { header: 'Substitute sent', numeric: true, cell: (m) => m.substituted },
              { header: 'Apologies', numeric: true, cell: (m) => m.apologies },
              { header: 'Absent', numeric: true, cell: (m) => m.absent },
              { header: 'Rate', numeric: true, cell: (m) => pct(m.ratePercent) },
            ]}
          />
          <DataTable
            caption="By organisation"
            showCaption
            rows={shown.organisations}
            rowKey={(o) => o.organisationId}
            columns={[
              { header: 'Organisation', rowHeader: true, cell: (o) => o.name },
              { header: 'Expected', numeric: true, cell: (o) => o.expected },
              { header: 'Represented', numeric: true, cell: (o) => o.represented },
              { header: 'Rate', numeric: true, cell: (o) => pct(o.ratePercent) },
            ]}
          />
        </>
      )}
    </section>
  );
}
