import { useEffect, useState, type FormEvent } from 'react';
import { decisionAmount } from '../decisions/decision-amount';
import type { AgendaItem, MeetingDetail } from '../../../main/meetings/contract';
import { DECISION_STATUS_LABELS, DECISION_TYPE_LABELS, DECISION_TYPES, type DecisionStatus, type DecisionType } from '../../../main/decisions/decision-rules';
import { api, messageOf } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormButtons } from '../components/FormParts';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { useUnsaved } from '../app/unsaved';
import { write } from '../queries';
import { useDecisions } from '../decisions/store';
import { useMeetings } from './store';
import { inquorate, inquorateResolutionNote, inquorateWarningText } from '../../../main/meetings/inquorate';

/** What a decision write changes, for the Decisions log's cached pages. */
const DECISION_WRITES = ['decision', 'decision_indicator'];

/**
 * The resolutions of one item while minuting it (issue 15): each decision recorded on the item,
 * as the minutes print it, a proposed one (from a paper's recommendation) agreed in one click,
 * and a new resolution recorded in one step with its type, money, indicators, owner and dates.
 * Its reference comes from the decisions log.
 */
export function MinutesResolutions({ detail, item }: { detail: MeetingDetail; item: AgendaItem }) {
  const loadMeeting = useMeetings((s) => s.loadMeeting);
  const announce = useMeetings((s) => s.announce);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approved = detail.meeting.status === 'minutes_approved';

  async function move(d: AgendaItem['decisions'][number], status: DecisionStatus) {
    setError(null);
    try {
      // The version the page showed: a colleague's change since is refused as stale, not agreed unseen.
      await write(api().decision.setStatus({ id: d.id, version: d.version, status }), DECISION_WRITES);
      announce(`${d.reference} ${DECISION_STATUS_LABELS[status].toLowerCase()}.`);
      await loadMeeting(detail.meeting.id);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div className="minutes-resolutions">
      {error && <ErrorSummary message={error} />}
      {item.decisions.length > 0 && (
        <ul className="plain-list" aria-label={`Decisions of item ${item.number}`}>
          {item.decisions.map((d) => (
            <li key={d.id}>
              <strong>{d.status === 'agreed' ? 'RESOLVED' : DECISION_STATUS_LABELS[d.status as DecisionStatus]}</strong>
              {` ${d.text.trim() || d.title} `}
              <a href={`#/decisions?id=${d.id}`}>{`(Decision ${d.reference})`}</a>
              {d.status === 'proposed' && !approved && (
                <>
                  {' '}
                  <button type="button" className="button button-secondary button-small" onClick={() => void move(d, 'agreed')}>
                    {`Agreed: ${d.reference}`}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {inquorateResolutionNote(item) && <p className="hint inquorate-note">{inquorateResolutionNote(item)}</p>}
      {!approved &&
        (open ? (
          <ResolutionForm detail={detail} item={item} onClose={() => setOpen(false)} />
        ) : (
          <button type="button" className="button-link" onClick={() => setOpen(true)}>
            {`Record a decision on item ${item.number}`}
          </button>
        ))}
    </div>
  );
}

const FIELDS = ['title', 'text', 'type', 'financialAmountPence', 'fundingStreamId', 'ownerPersonId', 'decidedOn', 'implementationDueOn', 'reviewOn'] as const;

function ResolutionForm({ detail, item, onClose }: { detail: MeetingDetail; item: AgendaItem; onClose(): void }) {
  const loadMeeting = useMeetings((s) => s.loadMeeting);
  const announce = useMeetings((s) => s.announce);
  const people = useMeetings((s) => s.people);
  const streams = useDecisions((s) => s.streams);
  const indicators = useDecisions((s) => s.indicators);
  const loadDirectory = useDecisions((s) => s.loadDirectory);
  useEffect(() => {
    void loadDirectory();
  }, [loadDirectory]);
  const prefix = `resolution-${item.id}-`;
  const initial = { title: item.title, text: '', type: 'approve' as DecisionType, amount: '', fundingStreamId: '', ownerPersonId: '', decidedOn: detail.meeting.startsAt.slice(0, 10), implementationDueOn: '', reviewOn: '' };
  const [v, setV] = useState(initial);
  const [indicatorIds, setIndicatorIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const dirty = v.text !== '' || v.amount !== '' || v.ownerPersonId !== '' || indicatorIds.length > 0;
  useUnsaved(dirty, `the new decision on item ${item.number}`);
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = decisionAmount(v.amount);
    if (!amount.ok) {
      setErrors(amount.errors);
      return focusFirstError(amount.errors, FIELDS, prefix);
    }
    const pence = amount.pence;
    const num = (s: string) => (s ? Number(s) : null);
    try {
      const r = await write(
        api().decision.create({
          meetingId: detail.meeting.id,
          agendaItemId: item.id,
          title: v.title,
          text: v.text,
          type: v.type,
          status: 'agreed',
          decidedOn: v.decidedOn || null,
          ownerPersonId: num(v.ownerPersonId),
          implementationDueOn: v.implementationDueOn || null,
          reviewOn: v.reviewOn || null,
          financialAmountPence: pence,
          fundingStreamId: num(v.fundingStreamId),
          indicatorIds,
        }),
        DECISION_WRITES,
      );
      announce(`Decision ${r.decision.reference} recorded on item ${item.number}. ${r.warnings.map((w) => w.message).join(' ')}`);
      setV(initial);
      setIndicatorIds([]);
      onClose();
      await loadMeeting(detail.meeting.id);
    } catch (err) {
      const next = errorsFromApi(err, [...FIELDS]);
      setErrors(next);
      focusFirstError(next, FIELDS, prefix);
    }
  }

  const f = (k: (typeof FIELDS)[number]) => errors.fields[k];
  return (
    <form className="subform" aria-label={`New decision on item ${item.number}`} onSubmit={(e) => void submit(e)} noValidate>
      {inquorate(item.quorum) && (
        <div className="warning-summary" role="status">
          <p className="warning-summary-title">Not quorate</p>
          <p>{inquorateWarningText(item.number, item.quorum)}</p>
        </div>
      )}
      {errors.form && <ErrorSummary message={errors.form} stale={errors.stale} />}
      <TextField name={`${prefix}title`} label="Title" value={v.title} onChange={set('title')} error={f('title')} />
      <TextAreaField name={`${prefix}text`} label="RESOLVED that …" hint="The decision as the minutes print it, e.g. the Board approves the Response Strategy" value={v.text} onChange={set('text')} error={f('text')} />
      <div className="field-row">
        <SelectField name={`${prefix}type`} label="Type" value={v.type} onChange={set('type')} options={DECISION_TYPES.map((t) => ({ value: t, label: DECISION_TYPE_LABELS[t] }))} />
        <TextField name={`${prefix}financialAmountPence`} label="Amount" hint="e.g. £35,000" value={v.amount} onChange={set('amount')} error={f('financialAmountPence')} width="short" />
        <SelectField
          name={`${prefix}fundingStreamId`}
          label="Funding stream"
          value={v.fundingStreamId}
          onChange={set('fundingStreamId')}
          options={[{ value: '', label: '—' }, ...streams.map((s) => ({ value: String(s.id), label: `${s.reference} ${s.name}` }))]}
          error={f('fundingStreamId')}
        />
        <SelectField
          name={`${prefix}ownerPersonId`}
          label="Owner"
          value={v.ownerPersonId}
          onChange={set('ownerPersonId')}
          options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))]}
          error={f('ownerPersonId')}
        />
      </div>
      <div className="field-row">
        <TextField name={`${prefix}decidedOn`} label="Decided on" type="date" width="medium" value={v.decidedOn} onChange={set('decidedOn')} error={f('decidedOn')} />
        <TextField name={`${prefix}implementationDueOn`} label="Implementation due" type="date" width="medium" value={v.implementationDueOn} onChange={set('implementationDueOn')} error={f('implementationDueOn')} />
        <TextField name={`${prefix}reviewOn`} label="Review date" type="date" width="medium" value={v.reviewOn} onChange={set('reviewOn')} error={f('reviewOn')} />
      </div>
      {indicators.length > 0 && (
        <fieldset className="fieldset">
          <legend>Indicators it is meant to move</legend>
          {indicators.map((i) => (
            <label key={i.id} className="checkbox-inline">
              <input type="checkbox" checked={indicatorIds.includes(i.id)} onChange={(e) => setIndicatorIds((old) => (e.target.checked ? [...old, i.id] : old.filter((x) => x !== i.id)))} /> {i.code} {i.name}
            </label>
          ))}
        </fieldset>
      )}
      <FormButtons submit="Record decision" onCancel={onClose} />
    </form>
  );
}
