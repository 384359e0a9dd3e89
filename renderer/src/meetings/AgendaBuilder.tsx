import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import { messageOf } from '../api';
import type { StaleDetail } from '../../../main/shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { staleOf } from '../components/StaleDetails';
import { Field, SelectField, TextField } from '../components/fields';
import { PART_B_REASONS } from '../../../main/meetings/declaration-rules';
import { ApiFormView, FormDialog } from '../components/FormParts';
import { useApiForm, type ApiForm } from '../components/useApiForm';
import { personLabel, useMeetings } from './store';

/**
 * The agenda builder. Items move by drag and drop (native HTML5), by the "Move up" and
 * "Move down" buttons, or by Alt+Arrow keys on an item; every move sends the whole new
 * order (agenda.reorder) and shows the numbers and times the workspace answers with.
 */
export function AgendaBuilder({ detail }: { detail: MeetingDetail }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const reload = useMeetings((s) => s.reload);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
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
    setStale(undefined);
    try {
      // Each item as this screen read it: refused, naming who, if someone has reordered or changed the agenda since.
      const d = await change('agenda.reorder', { meetingId, itemIds: ids, versions: items.map((i) => ({ id: i.id, version: i.version })) });
      const moved = d.agenda.find((i) => i.id === itemId);
      if (moved) announce(`“${moved.title}” is now item ${moved.number} of ${d.agenda.length}, at ${moved.startsAt}.`);
      requestAnimationFrame(() => document.getElementById(`agenda-item-${itemId}`)?.focus());
    } catch (err) {
      setError(messageOf(err));
      const st = staleOf(err);
      setStale(st);
      // Show the agenda as it now is, so the next move is made on their order.
      if (st) await reload();
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
    setStale(undefined);
    try {
      await change('agenda.removeItem', { id: item.id, version: item.version });
      announce(`“${item.title}” was taken off the agenda.`);
    } catch (err) {
      setError(messageOf(err));
      setStale(staleOf(err));
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
      {error && <ErrorSummary message={error} stale={stale} labels={{ position: 'Position on the agenda' }} />}
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
              {item.confidential && <span className="tag" title={item.confidentialReason}> In private</span>}
              <span className="agenda-meta">{[PURPOSE_LABELS[item.purpose], item.leadName ? `Lead: ${item.leadName}` : '', `${item.minutesAllotted} min`].filter(Boolean).join(' · ')}</span>
            </span>
            <span className="agenda-buttons">
              <button type="button" className="button-link" aria-label={`Move up item ${item.number}`} disabled={index === 0} onClick={() => void moveTo(item.id, index - 1)}>
                Move up
              </button>
              <button type="button" className="button-link" aria-label={`Move down item ${item.number}`} disabled={index === items.length - 1} onClick={() => void moveTo(item.id, index + 1)}>
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

const ITEM_FIELDS = ['title', 'purpose', 'leadPersonId', 'minutesAllotted', 'confidential', 'confidentialReason'] as const;
type ItemValues = { title: string; purpose: string; leadPersonId: string; minutesAllotted: string; confidential: boolean; confidentialReason: string };

function valuesOf(item: AgendaItem | null): ItemValues {
  return {
    title: item?.title ?? '',
    purpose: item?.purpose ?? 'discussion',
    leadPersonId: item?.leadPersonId == null ? '' : String(item.leadPersonId),
    minutesAllotted: String(item?.minutesAllotted ?? 15),
    confidential: item?.confidential ?? false,
    confidentialReason: item?.confidentialReason ?? '',
  };
}

function inputOf(v: ItemValues) {
  return { title: v.title, purpose: v.purpose as Purpose, leadPersonId: v.leadPersonId ? Number(v.leadPersonId) : null, minutesAllotted: Number(v.minutesAllotted), confidential: v.confidential, confidentialReason: v.confidential ? v.confidentialReason : '' };
}

/** The fields of an agenda item, shared by the add form (ids new-…) and the edit dialog (edit-…). */
function ItemFields({ form }: { form: ApiForm<ItemValues> }) {
  const people = useMeetings((s) => s.people);
  return (
    <>
      <TextField label="Item title" {...form.field('title')} />
      <div className="field-row">
        <SelectField label="Purpose" options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} {...form.field('purpose')} />
        <SelectField label="Lead" options={[{ value: '', label: 'No lead' }, ...people.map((p) => ({ value: String(p.id), label: personLabel(p) }))]} {...form.field('leadPersonId')} />
        <TextField label="Minutes" width="short" {...form.field('minutesAllotted')} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.values.confidential} onChange={(e) => form.set('confidential')(e.target.checked)} />
        Taken in private (confidential)
      </label>
      {form.values.confidential && <ReasonField form={form} />}
    </>
  );
}

/** Why a Part B item is private: printed on every page of its papers. Free text, with the Schedule 12A paragraphs offered. */
function ReasonField({ form }: { form: ApiForm<ItemValues> }) {
  const f = form.field('confidentialReason');
  const listId = `${f.name}-reasons`;
  return (
    <Field name={f.name} label="Reason it is taken in private" hint="Printed on every page of its papers: a paragraph of Schedule 12A, or the Board’s own reason." error={f.error}>
      {(control) => (
        <>
          <input {...control} className="input input-full" type="text" name={f.name} list={listId} value={f.value} autoComplete="off" onChange={(e) => f.onChange(e.target.value)} />
          <datalist id={listId}>
            {PART_B_REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

function AddItemForm({ meetingId }: { meetingId: number }) {
  const change = useMeetings((s) => s.change);
  const announce = useMeetings((s) => s.announce);
  const form = useApiForm({
    fields: ITEM_FIELDS,
    idPrefix: 'new-',
    initial: () => valuesOf(null),
    toInput: inputOf,
    submit: async (input) => {
      const d = await change('agenda.addItem', { meetingId, ...input });
      const added = d.agenda.find((i) => i.title === input.title.trim());
      announce(added ? `“${added.title}” added as item ${added.number}.` : 'Item added.');
      form.reset({ ...form.values, title: '' });
    },
  });

  return (
    <ApiFormView form={form} className="subform" heading={{ id: 'add-item-title', text: 'Add an item' }} submit="Add item">
      <ItemFields form={form} />
    </ApiFormView>
  );
}

function EditItemDialog({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const change = useMeetings((s) => s.change);
  const form = useApiForm({
    fields: ITEM_FIELDS,
    idPrefix: 'edit-',
    initial: () => valuesOf(item),
    toInput: inputOf,
    version: item.version,
    submit: async (input, version) => {
      await change('agenda.updateItem', { id: item.id, version: version ?? item.version, ...input });
      onClose();
    },
  });

  return (
    <FormDialog title={`Edit item ${item.number}`} form={form} submit="Save item" onClose={onClose} record={{ entity: 'agenda_item', id: item.id }}>
      <ItemFields form={form} />
    </FormDialog>
  );
}
