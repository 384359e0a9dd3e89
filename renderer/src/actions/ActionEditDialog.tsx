import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Action, ActionChase, DueRevision } from '../../../main/meetings/contract';
import { chaseableBy } from '../../../main/meetings/action-rules';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, actionRef, type ActionStatus } from '../../../main/meetings/labels';
import { api, call, messageOf } from '../api';
import { FormDialog } from '../components/FormParts';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { useApiForm } from '../components/useApiForm';
import { shortDate } from '../meetings/text';
import { opKey } from '../queries';
import { saveAction, useActionChoices } from './store';
import './actions.css';

/** An owner as the form's one choice: "p12" a person, "o3" an organisation. */
export function ownerKey(a: Pick<Action, 'ownerPersonId' | 'ownerOrganisationId'>): string {
  return a.ownerPersonId !== null ? `p${a.ownerPersonId}` : a.ownerOrganisationId !== null ? `o${a.ownerOrganisationId}` : '';
}

function ownerOf(key: string): { ownerPersonId: number | null; ownerOrganisationId: number | null } {
  const n = Number(key.slice(1));
  if (key.startsWith('p')) return { ownerPersonId: n, ownerOrganisationId: null };
  if (key.startsWith('o')) return { ownerPersonId: null, ownerOrganisationId: n };
  return { ownerPersonId: null, ownerOrganisationId: null };
}

/** "31/03/2020 → 30/04/2020, revised 02/03/2020: the data came late" */
export function revisionText(r: DueRevision): string {
  return `${r.previousDueOn ? shortDate(r.previousDueOn) : 'No date'} → ${r.dueOn ? shortDate(r.dueOn) : 'No date'}, revised ${shortDate(r.revisedOn)}: ${r.reason}`;
}

const FIELDS = ['description', 'owner', 'dueOn', 'dueReason', 'status', 'text'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/**
 * Edit an action as a whole (issue 15): its wording, owner (a person or an organisation), due
 * date (a revised date asks for the reason, and the history of revisions is shown), status and
 * a dated progress update; "Chase" prepares an email to the owner of an action due this week
 * or overdue. The edit is sent with the version the dialog opened with. `current` is the
 * action as the list has it now; what is typed stays in the form's own state.
 */
export function ActionEditDialog({ action, current, weekEnd, onClose }: { action: Action; current: Action; weekEnd: string | null; onClose: () => void }) {
  const { people } = useActionChoices();
  const organisations = useQuery({ queryKey: opKey('organisation.list', { search: '' }), queryFn: () => call(api().organisation.list({ search: '' })) });
  const detail = useQuery({ queryKey: opKey('action.get', { id: action.id }), queryFn: () => call(api().action.get({ id: action.id })) });
  const form = useApiForm({
    fields: FIELDS,
    initial: (): Values => ({ description: action.description, owner: ownerKey(action), dueOn: action.dueOn ?? '', dueReason: '', status: action.status, text: '' }),
    version: action.version,
    toInput: (v) => v,
    apiFields: { ownerPersonId: 'owner', ownerOrganisationId: 'owner', progress: 'text' },
    submit: async (v, version) => {
      // One write: the edit and the progress update are saved together, checked against the
      // version this dialog opened with, or neither is (a refusal names the field).
      const patch: Parameters<typeof saveAction>[1] = {};
      if (v.description !== action.description) patch.description = v.description;
      if (v.owner !== ownerKey(action)) Object.assign(patch, ownerOf(v.owner));
      if (v.status !== action.status) patch.status = v.status as ActionStatus;
      if (v.dueOn !== (action.dueOn ?? '')) patch.dueOn = v.dueOn === '' ? null : v.dueOn;
      if (v.dueReason.trim() !== '') patch.dueReason = v.dueReason;
      if (v.text.trim()) patch.progress = v.text;
      if (Object.keys(patch).length > 0) await saveAction({ id: action.id, version: version ?? action.version }, patch);
      onClose();
    },
    idPrefix: 'update-',
    unsavedLabel: `your changes to action ${actionRef(action.id)}`,
  });
  const revising = form.values.dueOn !== (action.dueOn ?? '') && (action.dueOn !== null || action.dueRevisionCount > 0);
  const revisions = detail.data?.dueRevisions ?? [];
  const ownerOptions = [
    ...people.map((p) => ({ value: `p${p.id}`, label: `${p.givenName} ${p.familyName}${p.organisationName ? ` (${p.organisationName})` : ''}` })),
    ...(organisations.data ?? []).map((o) => ({ value: `o${o.id}`, label: `${o.name} (the organisation)` })),
  ];
  // The owner as it is, even before the lists arrive (a select must hold its value).
  if (form.values.owner && !ownerOptions.some((o) => o.value === form.values.owner)) ownerOptions.unshift({ value: form.values.owner, label: current.ownerName });

  return (
    <FormDialog title={`Update ${actionRef(action.id)}`} form={form} submit="Save" onClose={onClose} record={{ entity: 'action', id: action.id }} wide>
      {weekEnd !== null && chaseableBy(current, weekEnd) && <Chase action={current} />}
      <TextAreaField label="Action" {...form.field('description')} />
      {current.description !== action.description && (
        // Someone changed the wording since the dialog opened: theirs is shown, what is typed stays the user's.
        <p className="hint">
          {'It now reads: '}
          <span>{current.description}</span>
        </p>
      )}
      <SelectField label="Owner" hint="A person, or an organisation as a whole" options={ownerOptions} {...form.field('owner')} />
      <TextField label="Due on" type="date" width="medium" {...form.field('dueOn')} />
      {revising && (
        <TextField
          label="Reason for the new due date"
          hint={`Kept in the action log beside the date first agreed${action.dueOn ? ` (now ${shortDate(action.dueOn)})` : ''}`}
          {...form.field('dueReason')}
        />
      )}
      {revisions.length > 0 && (
        <section aria-labelledby={`due-history-${action.id}`} className="due-history">
          <h3 id={`due-history-${action.id}`}>Due date history</h3>
          <p>{`First agreed: ${shortDate(revisions[0]!.previousDueOn)}`}</p>
          <ol className="plain-list">
            {revisions.map((r) => (
              <li key={r.id}>{revisionText(r)}</li>
            ))}
          </ol>
        </section>
      )}
      <SelectField label="Status" options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} {...form.field('status')} />
      <TextField label="Progress update (optional)" hint="Dated today" {...form.field('text')} />
    </FormDialog>
  );
}

/** "Chase": prepares the email (to, subject, text) and offers it as a mailto: link, or says the owner has no address. */
function Chase({ action }: { action: Action }) {
  const [chase, setChase] = useState<ActionChase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prepare = async () => {
    setError(null);
    try {
      setChase(await call(api().action.chase({ id: action.id })));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="chase" aria-labelledby={`chase-${action.id}`}>
      <h3 id={`chase-${action.id}`}>{action.overdue ? 'Chase: overdue' : 'Chase: due this week'}</h3>
      {chase === null ? (
        <button type="button" className="button button-secondary" onClick={() => void prepare()}>
          {`Chase ${action.ownerName}`}
        </button>
      ) : chase.href === null ? (
        <p role="status">{chase.noEmail}</p>
      ) : (
        <div role="status">
          <p>{`To ${chase.to}: “${chase.subject}”`}</p>
          <a className="button" href={chase.href}>{`Email ${chase.ownerName}`}</a>
        </div>
      )}
      {error && <p className="error-message">{error}</p>}
    </section>
  );
}
