import { useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import { messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { personLabel, useMeetings } from './store';

/**
 * The agenda builder. Items move by drag and drop (native HTML5), by the "Move up" and
 * "Move down" buttons, or by Alt+Arrow keys on an item; every move sends the whole new
 * order (agenda.reorder) and shows the numbers and times the workspace answers with.
 */
export function AgendaBuilder({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const dragged = useRef<number | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const items = detail.agenda;
  const meetingId = detail.meeting.id;

  async function moveTo(itemId: number, index: number) {
    const ids = items.map((i) => i.id);
    const from = ids.indexOf(itemId);
    if (from < 0 || index < 0 || index >= ids.length || from === index) return;
    ids.splice(from, 1);
    ids.splice(index, 0, itemId);
    setError(null);
    try {
      const d = await change('agenda.reorder', { meetingId, itemIds: ids });
      const moved = d.agenda.find((i) => i.id === itemId);
      if (moved) announce(`“${moved.title}” is now item ${moved.number} of ${d.agenda.length}, at ${moved.startsAt}.`);
      requestAnimationFrame(() => document.getElementById(`agenda-item-${itemId}`)?.focus());
    } catch (err) {
      setError(messageOf(err));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>, item: AgendaItem, index: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    void moveTo(item.id, index + (e.key === 'ArrowUp' ? -1 : 1));
  }

  function onDragStart(e: DragEvent<HTMLLIElement>, item: AgendaItem) {
    dragged.current = item.id;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(item.id));
  }

  function onDragOver(e: DragEvent<HTMLLIElement>, item: AgendaItem) {
    if (dragged.current === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropTarget !== item.id) setDropTarget(item.id);
  }

  function onDrop(e: DragEvent<HTMLLIElement>, index: number) {
    e.preventDefault();
    const id = dragged.current ?? Number(e.dataTransfer.getData('text/plain'));
    dragged.current = null;
    setDropTarget(null);
    if (id) void moveTo(id, index);
  }

  async function remove(item: AgendaItem) {
    setError(null);
    try {
      await change('agenda.removeItem', { id: item.id });
      announce(`“${item.title}” was taken off the agenda.`);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="section" aria-labelledby="agenda-title">
      <div className="section-header">
        <h2 id="agenda-title">Agenda</h2>
      </div>
      <p className="hint" id="agenda-help">
        Drag an item by its handle to move it, or select an item and press Alt+Up or Alt+Down, or use its Move buttons. Numbers and times follow.
      </p>
      {error && <ErrorSummary message={error} />}
      <ol className="agenda-list" aria-describedby="agenda-help">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`agenda-item-${item.id}`}
            className={`agenda-item${dropTarget === item.id ? ' agenda-item-drop' : ''}`}
            tabIndex={0}
            draggable
            aria-label={`Item ${item.number}, ${item.startsAt}: ${item.title}`}
            data-testid={`agenda-item-${item.number}`}
            onKeyDown={(e) => onKeyDown(e, item, index)}
            onDragStart={(e) => onDragStart(e, item)}
            onDragOver={(e) => onDragOver(e, item)}
            onDragLeave={() => setDropTarget((t) => (t === item.id ? null : t))}
            onDrop={(e) => onDrop(e, index)}
            onDragEnd={() => {
              dragged.current = null;
              setDropTarget(null);
            }}
          >
            <span className="agenda-handle" aria-hidden="true">
              ⠿
            </span>
            <span className="agenda-number">{item.number}</span>
            <span className="agenda-time">{`${item.startsAt}–${item.endsAt}`}</span>
            <span className="agenda-title">
              {item.title}
              {item.confidential && <span className="tag"> In private</span>}
              <span className="agenda-meta">{[PURPOSE_LABELS[item.purpose], item.leadName ? `Lead: ${item.leadName}` : '', `${item.minutesAllotted} min`].filter(Boolean).join(' · ')}</span>
            </span>
            <span className="agenda-buttons">
              <button type="button" className="button-link" aria-label={`Move item ${item.number} up`} disabled={index === 0} onClick={() => void moveTo(item.id, index - 1)}>
                Move up
              </button>
              <button type="button" className="button-link" aria-label={`Move item ${item.number} down`} disabled={index === items.length - 1} onClick={() => void moveTo(item.id, index + 1)}>
                Move down
              </button>
              <button type="button" className="button-link" aria-label={`Edit item ${item.number}`} onClick={() => setEditing(item)}>
                Edit
              </button>
              <button type="button" className="button-link danger" aria-label={`Remove item ${item.number}`} onClick={() => void remove(item)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <AddItemForm meetingId={meetingId} />
      {editing && <EditItemDialog item={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

const ITEM_FIELDS = ['title', 'purpose', 'leadPersonId', 'minutesAllotted', 'confidential'];

function ItemFields(props: {
  prefix: string;
  title: string;
  setTitle: (v: string) => void;
  purpose: Purpose;
  setPurpose: (v: Purpose) => void;
  lead: string;
  setLead: (v: string) => void;
  minutes: string;
  setMinutes: (v: string) => void;
  confidential: boolean;
  setConfidential: (v: boolean) => void;
  errors: FormErrors;
}) {
  const people = useMeetings((s) => s.people);
  return (
    <>
      <TextField name={`${props.prefix}title`} label="Item title" value={props.title} onChange={props.setTitle} error={props.errors.fields.title} />
      <div className="field-row">
        <SelectField name={`${props.prefix}purpose`} label="Purpose" value={props.purpose} onChange={(v) => props.setPurpose(v as Purpose)} options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} />
        <SelectField
          name={`${props.prefix}leadPersonId`}
          label="Lead"
          value={props.lead}
          onChange={props.setLead}
          options={[{ value: '', label: 'No lead' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]}
          error={props.errors.fields.leadPersonId}
        />
        <TextField name={`${props.prefix}minutesAllotted`} label="Minutes" value={props.minutes} onChange={props.setMinutes} error={props.errors.fields.minutesAllotted} width="short" />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={props.confidential} onChange={(e) => props.setConfidential(e.target.checked)} />
        Taken in private (confidential)
      </label>
    </>
  );
}

function AddItemForm({ meetingId }: { meetingId: number }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('discussion');
  const [lead, setLead] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [confidential, setConfidential] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const d = await change('agenda.addItem', { meetingId, title, purpose, leadPersonId: lead ? Number(lead) : null, minutesAllotted: Number(minutes), confidential });
      const added = d.agenda.find((i) => i.title === title.trim());
      announce(added ? `“${added.title}” added as item ${added.number}.` : 'Item added.');
      setTitle('');
      setErrors(NO_ERRORS);
    } catch (err) {
      const found = errorsFromApi(err, ITEM_FIELDS);
      setErrors(found);
      // The add form's controls are named new-title, new-purpose …
      focusFirstError({ fields: Object.fromEntries(Object.entries(found.fields).map(([k, v]) => [`new-${k}`, v])), form: null }, ITEM_FIELDS.map((f) => `new-${f}`));
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-item-title">
      <h3 id="add-item-title">Add an item</h3>
      {errors.form && <ErrorSummary message={errors.form} />}
      <ItemFields
        prefix="new-"
        {...{ title, setTitle, purpose, setPurpose, lead, setLead, minutes, setMinutes, confidential, setConfidential, errors }}
      />
      <button type="submit" className="button">
        Add item
      </button>
    </form>
  );
}

function EditItemDialog({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const change = useMeetings((s) => s.change);
  const [title, setTitle] = useState(item.title);
  const [purpose, setPurpose] = useState<Purpose>(item.purpose);
  const [lead, setLead] = useState(item.leadPersonId === null ? '' : String(item.leadPersonId));
  const [minutes, setMinutes] = useState(String(item.minutesAllotted));
  const [confidential, setConfidential] = useState(item.confidential);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await change('agenda.updateItem', { id: item.id, title, purpose, leadPersonId: lead ? Number(lead) : null, minutesAllotted: Number(minutes), confidential });
      onClose();
    } catch (err) {
      setErrors(errorsFromApi(err, ITEM_FIELDS));
    }
  }

  return (
    <Dialog title={`Edit item ${item.number}`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <ItemFields prefix="edit-" {...{ title, setTitle, purpose, setPurpose, lead, setLead, minutes, setMinutes, confidential, setConfidential, errors }} />
        <div className="button-row">
          <button type="submit" className="button">
            Save item
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
