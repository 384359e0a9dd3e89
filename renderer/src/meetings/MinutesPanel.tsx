import { useEffect, useRef, useState } from 'react';
import { useUnsaved } from '../app/unsaved';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { ACTION_STATUS_LABELS, actionRef } from '../../../main/meetings/labels';
import { api, call, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { personLabel, useMeetings } from './store';
import { shortDate } from './text';
import type { StaleDetail } from '../../../main/shared/errors';
import { staleOf } from '../components/StaleDetails';
import { MinuteNumber } from './MinuteNumber';
import { MinutesApproval } from './MinutesApproval';
import { MinutesRecord } from './MinutesRecord';
import { MinutesResolutions } from './MinutesResolutions';

/** The minutes, item by item: the discussion, and the actions agreed under each item. */
export function MinutesPanel({ detail }: { detail: MeetingDetail }) {
  return (
    <section className="section" aria-labelledby="minutes-title">
      <h2 id="minutes-title">Minutes and actions</h2>
      <MinutesRecord detail={detail} />
      {detail.meeting.status !== 'minutes_approved' && (
        <p className="hint">Write a summary of each item’s discussion; blank lines start new paragraphs in the Word minutes. Minutes are saved a moment after you stop typing.</p>
      )}
      {detail.agenda.map((item) =>
        detail.meeting.status === 'minutes_approved' ? <ApprovedItem key={item.id} detail={detail} item={item} /> : <MinutesItem key={item.id} detail={detail} item={item} />,
      )}
    </section>
  );
}

/** An item of approved minutes, as they stand: read only (review of issue 15, F6). */
function ApprovedItem({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const actions = detail.actions.filter((a) => a.agendaItemId === item.id);
  const paragraphs = item.discussion.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className="minutes-item minutes-item-approved">
      <h3>{`${item.number}. ${item.title}`}</h3>
      <MinuteNumber detail={detail} item={item} />
      {item.standingKind === 'minutes' && <MinutesApproval detail={detail} item={item} />}
      <section aria-label={`Minutes of item ${item.number}`}>
        {paragraphs.length > 0 ? paragraphs.map((p, i) => <p key={i}>{p}</p>) : <p className="hint">No discussion was recorded for this item.</p>}
      </section>
      {actions.length > 0 && (
        <ul className="plain-list">
          {actions.map((a) => (
            <li key={a.id}>{`Action ${actionRef(a.id)}: ${a.description} — ${a.ownerName}${a.dueOn ? `, by ${shortDate(a.dueOn)}` : ''} (${ACTION_STATUS_LABELS[a.status]})`}</li>
          ))}
        </ul>
      )}
      <MinutesResolutions detail={detail} item={item} />
    </div>
  );
}

/** How long after the last keystroke the minutes of an item save themselves. */
export const MINUTES_AUTOSAVE_MS = 1500;

type SaveState = 'idle' | 'saving' | 'saved' | 'refused';

function MinutesItem({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const change = useMeetings((s) => s.change);
  const [text, setText] = useState(item.discussion);
  // The minutes as they were when this box was filled, and the item's version then: a save
  // is checked against that version, so minutes someone else saved meanwhile are never
  // written over unseen (the meeting reloading under the box changes neither).
  const [base, setBase] = useState({ version: item.version, discussion: item.discussion });
  const [seen, setSeen] = useState(item.version);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const saving = useRef(false);
  const actions = detail.actions.filter((a) => a.agendaItemId === item.id);
  const dirty = text !== base.discussion;
  const id = `discussion-${item.id}`;
  useUnsaved(dirty, `the minutes of item ${item.number}`);
  if (item.version !== seen) {
    // Someone's change reached the screen: nothing typed here yet, so show theirs.
    setSeen(item.version);
    if (!dirty) {
      setText(item.discussion);
      setBase({ version: item.version, discussion: item.discussion });
    }
  }

  async function save() {
    if (saving.current) return;
    saving.current = true;
    setState('saving');
    setError(null);
    setStale(undefined);
    const sent = text;
    try {
      const after = await change('agenda.updateItem', { id: item.id, version: base.version, discussion: sent });
      const now = after.agenda.find((i) => i.id === item.id);
      setBase({ version: now?.version ?? base.version + 1, discussion: sent });
      setState('saved');
    } catch (err) {
      setError(messageOf(err));
      const s = staleOf(err);
      setStale(s);
      setState('refused');
      // Saving again, with their minutes shown, goes over theirs knowingly (never by itself).
      if (s?.version) setBase((b) => ({ ...b, version: s.version! }));
    } finally {
      saving.current = false;
    }
  }

  // Autosave: a moment after the typing stops. Not after a refusal: the person reads why
  // (e.g. someone else's minutes beside theirs) and saves again by the button.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!dirty || state === 'refused') return;
    const timer = setTimeout(() => void saveRef.current(), MINUTES_AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, state]);

  return (
    <div className="minutes-item">
      <h3>{`${item.number}. ${item.title}`}</h3>
      <MinuteNumber detail={detail} item={item} />
      {error && <ErrorSummary message={error} stale={stale} />}
      {item.standingKind === 'minutes' && <MinutesApproval detail={detail} item={item} />}
      {item.standingKind === 'minutes' && detail.mattersArising.length > 0 && (
        <p className="hint">{`Matters arising: ${detail.mattersArising.length} open ${detail.mattersArising.length === 1 ? 'action' : 'actions'} from earlier meetings (listed in the agenda and minutes).`}</p>
      )}
      <div className="field">
        <label htmlFor={id}>{`Discussion for item ${item.number}`}</label>
        <textarea id={id} className="input textarea" rows={4} value={text} onChange={(e) => {
            setText(e.target.value);
            // A save that failed for another reason than someone else's change: typing on saves again by itself.
            if (state === 'refused' && !stale) setState('idle');
          }} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={!dirty || state === 'saving'} onClick={() => void save()}>
          {state === 'refused' && stale ? `Save my minutes of item ${item.number} over theirs` : `Save minutes of item ${item.number}`}
        </button>
        <span role="status" className={`hint save-state save-${state}`}>
          {minutesState(item.number, state, dirty)}
        </span>
      </div>
      {actions.length > 0 && (
        <ul className="plain-list">
          {actions.map((a) => (
            <li key={a.id}>{`Action ${actionRef(a.id)}: ${a.description} — ${a.ownerName}${a.dueOn ? `, by ${shortDate(a.dueOn)}` : ''} (${ACTION_STATUS_LABELS[a.status]})`}</li>
          ))}
        </ul>
      )}
      <AddActionForm detail={detail} item={item} />
      <MinutesResolutions detail={detail} item={item} />
    </div>
  );
}

/** The line beside the button: what has happened to what is in the box. */
function minutesState(number: string | number, state: SaveState, dirty: boolean): string {
  if (state === 'saving') return 'Saving…';
  if (state === 'refused') return dirty ? `Minutes of item ${number} not saved.` : '';
  if (dirty) return 'Not saved yet: saving in a moment.';
  return state === 'saved' ? `Minutes of item ${number} saved.` : '';
}

const ACTION_FIELDS = ['description', 'ownerPersonId', 'ownerOrganisationId', 'dueOn'] as const;

function AddActionForm({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button-link" onClick={() => setOpen(true)}>
        {`Add an action to item ${item.number}`}
      </button>
    );
  }
  return <ActionForm detail={detail} item={item} onClose={() => setOpen(false)} />;
}

function ActionForm({ detail, item, onClose }: { detail: MeetingDetail; item: AgendaItem; onClose: () => void }) {
  const people = useMeetings((s) => s.people);
  const organisations = useMeetings((s) => s.organisations);
  const loadMeeting = useMeetings((s) => s.loadMeeting);
  const announce = useMeetings((s) => s.announce);
  const form = useApiForm({
    fields: ACTION_FIELDS,
    idPrefix: `action-${item.id}-`,
    unsavedLabel: `the new action for item ${item.number}`,
    initial: { description: '', ownerPersonId: '', ownerOrganisationId: '', dueOn: '' },
    toInput: (v) => ({
      meetingId: detail.meeting.id,
      agendaItemId: item.id,
      description: v.description,
      ownerPersonId: v.ownerPersonId ? Number(v.ownerPersonId) : null,
      ownerOrganisationId: v.ownerOrganisationId ? Number(v.ownerOrganisationId) : null,
      dueOn: v.dueOn || null,
    }),
    submit: async (input) => {
      const a = await call(api().action.create(input));
      announce(`Action ${actionRef(a.id)} added to item ${item.number}.`);
      onClose();
      await loadMeeting(detail.meeting.id);
    },
  });

  return (
    <ApiFormView form={form} className="subform" label={`New action for item ${item.number}`} submit="Add action" onCancel={onClose}>
      <TextField label="Action" {...form.field('description')} />
      <div className="field-row">
        <SelectField label="Owner (person)" options={[{ value: '', label: 'No person' }, ...people.map((x) => ({ value: String(x.id), label: personLabel(x) }))]} {...form.field('ownerPersonId')} />
        <SelectField
          label="or owner (organisation)"
          options={[{ value: '', label: 'No organisation' }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
          {...form.field('ownerOrganisationId')}
        />
        <TextField label="Due on" type="date" width="medium" {...form.field('dueOn')} />
      </div>
    </ApiFormView>
  );
}
