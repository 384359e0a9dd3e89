import { useEffect, useState } from 'react';
import type { Board, ForwardPlanItem, MeetingChoice } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import type { StaleDetail } from '../../../main/shared/errors';
import { api, call, messageOf } from '../api';
import { useOthersChanged } from '../changes/store';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView, FormDialog } from '../components/FormParts';
import { staleOf } from '../components/StaleDetails';
import { useApiForm } from '../components/useApiForm';
import { meetingHref } from './route';
import { personLabel, useMeetings } from './store';
import { longDate, meetingDay } from './text';

/**
 * A board's forward plan (issue 15, point 6): items planned for its future meetings, by date
 * or month, pulled into a meeting's agenda when it is scheduled. Each item is edited, moved to
 * another meeting (onto that agenda) or put in order among the items planned for the same
 * date or month (Move up / Move down: the order they join the agenda).
 */

/** What the forward plan shows (an item put on an agenda says so): read again when someone else changes one of these. */
const PLAN_TABLES = ['forward_plan_item', 'agenda_item', 'meeting', 'person'];
/** A meeting that has been held takes nothing more from the plan. */
const TO_COME: readonly string[] = ['planned', 'agenda_issued'];

export function plannedForText(plannedFor: string): string {
  if (plannedFor.length === 10) return longDate(plannedFor);
  const [y, m] = plannedFor.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function ForwardPlanPanel({ board }: { board: Board }) {
  const people = useMeetings((s) => s.people);
  const allMeetings = useMeetings((s) => s.meetings);
  const loadList = useMeetings((s) => s.loadList);
  const announce = useMeetings((s) => s.announce);
  const [items, setItems] = useState<ForwardPlanItem[]>([]);
  const [reads, setReads] = useState(0);
  const changed = useOthersChanged(PLAN_TABLES);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const [editing, setEditing] = useState<ForwardPlanItem | null>(null);
  const [moving, setMoving] = useState<ForwardPlanItem | null>(null);
  const toCome = allMeetings.filter((m) => m.boardId === board.id && TO_COME.includes(m.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const blank = { title: '', purpose: 'decision', leadPersonId: '', plannedFor: '' };
  const form = useApiForm({
    fields: ['title', 'purpose', 'leadPersonId', 'plannedFor'],
    idPrefix: 'plan-',
    initial: blank,
    toInput: (v) => ({ boardId: board.id, title: v.title, purpose: v.purpose as Purpose, leadPersonId: v.leadPersonId ? Number(v.leadPersonId) : null, plannedFor: v.plannedFor }),
    submit: async (input) => {
      const added = await call(api().forwardPlan.add(input));
      form.reset({ ...form.values, title: '' });
      announce(`“${added.title}” added to the forward plan for ${plannedForText(added.plannedFor)}.`);
      setReads((v) => v + 1);
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
  }, [board.id, reads, changed]);

  /** The items planned for the same date or month, in their order: the ones Move up / Move down reorder. */
  const groupOf = (f: ForwardPlanItem) => items.filter((g) => g.plannedFor === f.plannedFor);

  async function move(item: ForwardPlanItem, by: -1 | 1) {
    setError(null);
    setStale(undefined);
    const group = groupOf(item);
    const at = group.findIndex((g) => g.id === item.id);
    const order = group.map((g) => g.id);
    order.splice(at, 1);
    order.splice(at + by, 0, item.id);
    try {
      // Each item as this screen read it: refused, naming who, if someone has changed one since.
      const list = await call(
        api().forwardPlan.reorder({ boardId: board.id, plannedFor: item.plannedFor, itemIds: order, versions: group.map((g) => ({ id: g.id, version: g.version })) }),
      );
      setItems(list);
      announce(`“${item.title}” moved to place ${at + by + 1} of ${group.length} for ${plannedForText(item.plannedFor)}.`);
    } catch (err) {
      setError(messageOf(err));
      setStale(staleOf(err));
      setReads((v) => v + 1);
    }
  }

  const meetingOn = (f: ForwardPlanItem) => allMeetings.find((m) => m.id === f.meetingId) ?? null;

  return (
    <section className="section" aria-labelledby="forward-plan-title">
      <h2 id="forward-plan-title">{`Forward plan of ${board.name}`}</h2>
      <p className="hint" id="forward-plan-hint">
        Move up and Move down put items in order among those planned for the same date or month: the order they join that meeting’s agenda. Move to meeting takes an item to
        another meeting still to come, onto its agenda.
      </p>
      {error && <ErrorSummary message={error} stale={stale} />}
      <DataTable
        caption="Forward plan"
        rows={items}
        rowKey={(f) => f.id}
        empty="Nothing is planned yet."
        columns={[
          { header: 'Planned for', cell: (f) => plannedForText(f.plannedFor) },
          { header: 'Item', rowHeader: true, cell: (f) => f.title },
          { header: 'Purpose', cell: (f) => PURPOSE_LABELS[f.purpose] },
          { header: 'Lead', cell: (f) => f.leadName ?? '' },
          {
            header: 'On an agenda',
            cell: (f) => {
              const on = meetingOn(f);
              return f.meetingId !== null ? <a href={meetingHref(f.meetingId)}>{on ? `Yes, ${meetingDay(on.startsAt)}` : 'Yes, open the meeting'}</a> : 'Not yet';
            },
          },
          {
            ...ACTIONS_COLUMN,
            cell: (f) => {
              const group = groupOf(f);
              const at = group.findIndex((g) => g.id === f.id);
              return (
                <>
                  <button type="button" className="button-link" aria-label={`Edit ${f.title}`} onClick={() => setEditing(f)}>
                    Edit
                  </button>
                  <button type="button" className="button-link" aria-label={`Move to meeting: ${f.title}`} onClick={() => setMoving(f)}>
                    Move to meeting
                  </button>
                  <button type="button" className="button-link" aria-label={`Move up ${f.title}`} disabled={at <= 0} onClick={() => void move(f, -1)}>
                    Move up
                  </button>
                  <button type="button" className="button-link" aria-label={`Move down ${f.title}`} disabled={at === group.length - 1} onClick={() => void move(f, 1)}>
                    Move down
                  </button>
                </>
              );
            },
          },
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
      {editing && (
        <EditPlanItemDialog
          item={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              announce(`“${saved.title}” saved.`);
              setReads((v) => v + 1);
            }
          }}
        />
      )}
      {moving && (
        <MovePlanItemDialog
          item={moving}
          meetings={toCome.filter((m) => m.id !== moving.meetingId)}
          onClose={(saved) => {
            setMoving(null);
            if (saved) {
              announce(`“${saved.title}” moved to the meeting of ${longDate(saved.plannedFor)}.`);
              setReads((v) => v + 1);
              void loadList();
            }
          }}
        />
      )}
    </section>
  );
}

function EditPlanItemDialog({ item, onClose }: { item: ForwardPlanItem; onClose: (saved: ForwardPlanItem | null) => void }) {
  const people = useMeetings((s) => s.people);
  const onAgenda = item.agendaItemId !== null;
  const form = useApiForm({
    fields: ['title', 'purpose', 'leadPersonId', 'plannedFor'],
    idPrefix: 'plan-edit-',
    initial: { title: item.title, purpose: item.purpose as string, leadPersonId: item.leadPersonId === null ? '' : String(item.leadPersonId), plannedFor: item.plannedFor },
    version: item.version,
    toInput: (v) => ({
      title: v.title,
      purpose: v.purpose as Purpose,
      leadPersonId: v.leadPersonId ? Number(v.leadPersonId) : null,
      // On an agenda, its date is the meeting's: it changes by Move to meeting.
      ...(onAgenda ? {} : { plannedFor: v.plannedFor }),
    }),
    submit: async (input, version) => {
      onClose(await call(api().forwardPlan.update({ id: item.id, version: version ?? item.version, ...input })));
    },
  });
  return (
    <FormDialog title={`Edit “${item.title}”`} form={form} submit="Save item" onClose={() => onClose(null)} record={{ entity: 'forward_plan_item', id: item.id }}>
      <TextField label="Item" {...form.field('title')} />
      <SelectField label="Purpose" options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} {...form.field('purpose')} />
      <SelectField label="Lead" options={[{ value: '', label: 'No lead' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} {...form.field('leadPersonId')} />
      {onAgenda ? (
        <p className="hint">{`Planned for ${plannedForText(item.plannedFor)}, and on that meeting’s agenda: its wording, purpose and lead change there too. To take it to another meeting, use Move to meeting.`}</p>
      ) : (
        <TextField label="Planned for" hint="A date (2020-06-18) or a month (2020-06)" width="medium" {...form.field('plannedFor')} />
      )}
    </FormDialog>
  );
}

function MovePlanItemDialog({ item, meetings, onClose }: { item: ForwardPlanItem; meetings: MeetingChoice[]; onClose: (saved: ForwardPlanItem | null) => void }) {
  const form = useApiForm({
    fields: ['meetingId'],
    idPrefix: 'plan-move-',
    initial: { meetingId: meetings[0] ? String(meetings[0].id) : '' },
    version: item.version,
    check: (v) => (v.meetingId ? null : { meetingId: 'Choose the meeting to move it to (schedule it first if it is not listed).' }),
    toInput: (v) => ({ meetingId: Number(v.meetingId) }),
    submit: async (input, version) => {
      onClose(await call(api().forwardPlan.move({ id: item.id, version: version ?? item.version, ...input })));
    },
  });
  return (
    <FormDialog title={`Move “${item.title}” to another meeting`} form={form} submit="Move item" onClose={() => onClose(null)} record={{ entity: 'forward_plan_item', id: item.id }}>
      <SelectField
        label="Meeting"
        hint="Meetings of this board still to come. The item goes onto that meeting’s agenda, before any other business."
        options={[{ value: '', label: meetings.length ? 'Choose a meeting' : 'No other meeting is scheduled' }, ...meetings.map((m) => ({ value: String(m.id), label: meetingDay(m.startsAt) }))]}
        {...form.field('meetingId')}
      />
    </FormDialog>
  );
}
