import { useEffect, useState } from 'react';
import type { BoardStandingItems } from '../../../main/meetings/board-plan-contract';
import { STANDING_KINDS } from '../../../main/meetings/board-plan-contract';
import type { Board } from '../../../main/meetings/contract';
import { PURPOSE_LABELS, PURPOSES, type Purpose } from '../../../main/meetings/labels';
import type { StandingItem } from '../../../main/meetings/standing-items';
import type { StaleDetail } from '../../../main/shared/errors';
import { api, call, messageOf } from '../api';
import { useOthersChanged } from '../changes/store';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { ApiFormView, FormDialog } from '../components/FormParts';
import { staleOf } from '../components/StaleDetails';
import { useApiForm } from '../components/useApiForm';
import { useMeetings } from './store';

/**
 * A board's standing items (issue 15, point 6): the items every new agenda of the board
 * opens and closes with. The template's list (templates/meetings/standing-items.json) until
 * someone changes it here; then the board's own, saved whole with the board's version.
 */

const KIND_LABELS: Record<(typeof STANDING_KINDS)[number], string> = {
  welcome: 'Welcome and apologies',
  declarations: 'Declarations of interest',
  minutes: 'Minutes of the last meeting',
  aob: 'Any other business',
  next_meeting: 'Date of next meeting',
};
const kindText = (k: StandingItem['kind']) => (k === null ? 'None' : KIND_LABELS[k]);

/** Read again when someone else changes the board (its own list is part of it). */
const BOARD_TABLES = ['board'];

export function StandingItemsPanel({ board }: { board: Board }) {
  const loadList = useMeetings((s) => s.loadList);
  const announce = useMeetings((s) => s.announce);
  const [list, setList] = useState<BoardStandingItems | null>(null);
  const [reads, setReads] = useState(0);
  const changed = useOthersChanged(BOARD_TABLES);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);
  const [editing, setEditing] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    call(api().board.standingItems({ boardId: board.id })).then(
      (l) => live && setList(l),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [board.id, reads, changed]);

  /** Saves the whole list with the board's version as read; the boards list is read again (the board's version moved on). */
  async function save(items: StandingItem[], version: number): Promise<BoardStandingItems> {
    const saved = await call(api().board.setStandingItems({ boardId: board.id, version, items }));
    setList(saved);
    void loadList();
    return saved;
  }

  async function saveOrShow(items: StandingItem[], said: string) {
    if (!list) return;
    setError(null);
    setStale(undefined);
    try {
      await save(items, list.version);
      announce(said);
    } catch (err) {
      setError(messageOf(err));
      setStale(staleOf(err));
      setReads((v) => v + 1);
    }
  }

  async function reset() {
    if (!list) return;
    setError(null);
    setStale(undefined);
    try {
      setList(await call(api().board.resetStandingItems({ boardId: board.id, version: list.version })));
      void loadList();
      announce('Standing items put back to the template’s list.');
    } catch (err) {
      setError(messageOf(err));
      setStale(staleOf(err));
      setReads((v) => v + 1);
    }
  }

  if (!list || list.boardId !== board.id) return error ? <ErrorSummary message={error} /> : null;
  const items = list.items;
  const moved = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    return next;
  };

  return (
    <section className="section" aria-labelledby="standing-items-title">
      <h2 id="standing-items-title">{`Standing items of ${board.name}`}</h2>
      <p>
        {list.own
          ? 'This board’s own list: every new agenda of the board opens and closes with these items.'
          : 'The template’s list, which every new board starts with: change it here to give this board its own.'}
      </p>
      {error && <ErrorSummary message={error} stale={stale} />}
      <DataTable
        caption="Standing items"
        rows={items.map((item, index) => ({ item, index }))}
        rowKey={(r) => r.index}
        empty="No standing items: new agendas start empty."
        columns={[
          { header: 'Item', rowHeader: true, cell: (r) => r.item.title },
          { header: 'Opens or closes', cell: (r) => (r.item.placement === 'start' ? 'Opens' : 'Closes') },
          { header: 'Kind', cell: (r) => kindText(r.item.kind) },
          { header: 'Purpose', cell: (r) => PURPOSE_LABELS[r.item.purpose] },
          { header: 'Minutes', numeric: true, cell: (r) => r.item.minutesAllotted },
          { header: 'Led by', cell: (r) => (r.item.lead === 'chair' ? 'The chair' : '') },
          {
            ...ACTIONS_COLUMN,
            cell: ({ item, index }) => {
              // Opening items come before closing ones: moves stay within the item's own part.
              const samePart = (i: number) => items[i]?.placement === item.placement;
              return (
                <>
                  <button type="button" className="button-link" aria-label={`Edit ${item.title}`} onClick={() => setEditing(index)}>
                    Edit
                  </button>
                  <button type="button" className="button-link" aria-label={`Move up ${item.title}`} disabled={!samePart(index - 1)} onClick={() => void saveOrShow(moved(index, index - 1), `“${item.title}” moved up.`)}>
                    Move up
                  </button>
                  <button type="button" className="button-link" aria-label={`Move down ${item.title}`} disabled={!samePart(index + 1)} onClick={() => void saveOrShow(moved(index, index + 1), `“${item.title}” moved down.`)}>
                    Move down
                  </button>
                  <button type="button" className="button-link danger" aria-label={`Remove ${item.title}`} onClick={() => void saveOrShow(items.filter((_, i) => i !== index), `“${item.title}” removed from the standing items.`)}>
                    Remove
                  </button>
                </>
              );
            },
          },
        ]}
      />
      {list.own && (
        <button type="button" className="button secondary" onClick={() => void reset()}>
          Use the template’s list again
        </button>
      )}
      <StandingItemForm
        heading="Add a standing item"
        submitText="Add standing item"
        idPrefix="standing-new-"
        item={null}
        index={items.length}
        version={list.version}
        onSave={async (item, version) => {
          const saved = await save([...items, item], version);
          announce(`“${item.title}” added to the standing items.`);
          return saved;
        }}
      />
      {editing !== null && items[editing] && (
        <StandingItemDialog
          item={items[editing]}
          index={editing}
          version={list.version}
          onClose={() => setEditing(null)}
          onSave={async (item, version) => {
            const saved = await save(
              items.map((it, i) => (i === editing ? item : it)),
              version,
            );
            announce(`“${item.title}” saved.`);
            setEditing(null);
            return saved;
          }}
        />
      )}
    </section>
  );
}

type Values = { title: string; kind: string; placement: string; purpose: string; minutesAllotted: string; lead: string };
const FIELDS = ['title', 'kind', 'placement', 'purpose', 'minutesAllotted', 'lead'];

function valuesOf(item: StandingItem | null): Values {
  return item
    ? { title: item.title, kind: item.kind ?? '', placement: item.placement, purpose: item.purpose, minutesAllotted: String(item.minutesAllotted), lead: item.lead ?? '' }
    : { title: '', kind: '', placement: 'start', purpose: 'noting', minutesAllotted: '10', lead: 'chair' };
}

function itemOf(v: Values): StandingItem {
  return {
    title: v.title,
    kind: (v.kind || null) as StandingItem['kind'],
    placement: v.placement as StandingItem['placement'],
    purpose: v.purpose as Purpose,
    minutesAllotted: v.minutesAllotted.trim() === '' ? Number.NaN : Number(v.minutesAllotted),
    lead: v.lead === 'chair' ? 'chair' : null,
  };
}

/** The API names a field of the list (items.3.title); the form shows it against its own. */
const apiFieldsAt = (index: number) => Object.fromEntries(FIELDS.map((f) => [`items.${index}.${f}`, f]));

function useStandingItemForm(props: { item: StandingItem | null; index: number; version: number; idPrefix: string; onSave: (item: StandingItem, version: number) => Promise<unknown> }) {
  const form = useApiForm({
    fields: FIELDS,
    idPrefix: props.idPrefix,
    initial: () => valuesOf(props.item),
    version: props.version,
    apiFields: apiFieldsAt(props.index),
    check: (v) => (Number.isInteger(Number(v.minutesAllotted)) && v.minutesAllotted.trim() !== '' ? null : { minutesAllotted: 'Minutes allotted must be a whole number' }),
    toInput: itemOf,
    submit: async (input, version) => {
      // A new item goes onto the list as it is shown now; an edit on the version its dialog opened at.
      await props.onSave(input, props.item === null ? props.version : (version ?? props.version));
      if (props.item === null) form.reset(valuesOf(null));
    },
  });
  return form;
}

function StandingItemFields({ form }: { form: ReturnType<typeof useStandingItemForm> }) {
  return (
    <>
      <TextField label="Title" {...form.field('title')} />
      <div className="field-row">
        <SelectField label="Opens or closes the agenda" options={[{ value: 'start', label: 'Opens' }, { value: 'end', label: 'Closes' }]} {...form.field('placement')} />
        <SelectField label="Kind" hint="The step of the meeting it is (none for the board’s own)" options={[{ value: '', label: 'None' }, ...STANDING_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))]} {...form.field('kind')} />
        <SelectField label="Purpose" options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))} {...form.field('purpose')} />
        <TextField label="Minutes" width="short" {...form.field('minutesAllotted')} />
        <SelectField label="Led by" options={[{ value: 'chair', label: 'The chair' }, { value: '', label: 'Nobody in particular' }]} {...form.field('lead')} />
      </div>
    </>
  );
}

function StandingItemForm(props: { heading: string; submitText: string; idPrefix: string; item: StandingItem | null; index: number; version: number; onSave: (item: StandingItem, version: number) => Promise<unknown> }) {
  const form = useStandingItemForm(props);
  return (
    <ApiFormView form={form} className="subform" heading={{ id: `${props.idPrefix}title`, text: props.heading }} submit={props.submitText} secondary>
      <StandingItemFields form={form} />
    </ApiFormView>
  );
}

function StandingItemDialog(props: { item: StandingItem; index: number; version: number; onClose: () => void; onSave: (item: StandingItem, version: number) => Promise<unknown> }) {
  const form = useStandingItemForm({ ...props, idPrefix: 'standing-edit-' });
  return (
    <FormDialog title={`Edit standing item “${props.item.title}”`} form={form} submit="Save standing item" onClose={props.onClose}>
      <StandingItemFields form={form} />
    </FormDialog>
  );
}
