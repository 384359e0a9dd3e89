import { useEffect, useState, type FormEvent } from 'react';
import { decisionAmount } from './decision-amount';
import type { Decision, DecisionWarning } from '../../../main/decisions/contract';
import { DECIDERS, DECISION_STATUS_LABELS, DECISION_STATUSES, DECISION_TYPE_LABELS, DECISION_TYPES, type DecisionStatus } from '../../../main/decisions/decision-rules';
import { formatPence } from '../../../main/shared/money';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, call, messageOf } from '../api';
import { opKey } from '../queries';
import { Dialog } from '../components/Dialog';
import { FormButtons } from '../components/FormParts';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, RevealButtons, exportPlan, writtenText } from '../components/ExportForm';
import { saveExport } from '../files';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { RegisterFilterFields, type RegisterFilterValue } from '../components/RegisterFilterFields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { VirtualTable } from '../components/VirtualTable';
import { useDecision, useDecisionLog, useDecisions, type Filters } from './store';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
function dayOf(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return day.format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

const STATUS_MOVES: Record<DecisionStatus, string> = { proposed: 'Back to proposed', agreed: 'Agreed', deferred: 'Deferred', rejected: 'Rejected', superseded: 'Superseded…' };

function openId(): number | null {
  const m = /[?&]id=(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
}

/** The decisions log: filters, the table, a decision's page, a new decision, and the exports. */
export function DecisionLog() {
  const storeError = useDecisions((s) => s.error);
  const filters = useDecisions((s) => s.filters);
  const setFilters = useDecisions((s) => s.setFilters);
  const boards = useDecisions((s) => s.boards);
  const log = useDecisionLog(filters);
  const [open, setOpen] = useState<number | null>(openId);
  const [editing, setEditing] = useState<Decision | 'new' | null>(null);
  const [exporting, setExporting] = useState<'docx' | 'xlsx' | null>(null);
  const [done, setDone] = useState('');
  const [search, setSearch] = useState(filters.search);
  const error = storeError ?? (log.error ? messageOf(log.error) : null);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== filters.search) setFilters({ search });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, filters.search, setFilters]);

  const f = (k: keyof Filters) => (v: string) => setFilters({ [k]: v === '' ? null : k === 'boardId' ? Number(v) : v } as Partial<Filters>);
  const loadedOpen = log.rows.find((d) => d.id === open);
  const fetched = useDecision(open !== null && !loadedOpen ? open : null).data;
  const shown = loadedOpen ?? (fetched && fetched.id === open ? fetched : null);
  // The dates shown are the ones the workspace applied: this financial year's until others are chosen.
  const from = filters.from !== undefined ? filters.from : (log.applied?.from ?? null);
  const to = filters.to !== undefined ? filters.to : (log.applied?.to ?? null);
  // Exported as shown: the same filters with the dates the log applied.
  const exported = { ...filters, from, to, withUndated: log.applied?.withUndated ?? false };

  return (
    <>
      <form className="filters" aria-label="Filter the decisions" onSubmit={(e) => e.preventDefault()}>
        <SelectField name="filterBoard" label="Board" value={filters.boardId === null ? '' : String(filters.boardId)} onChange={f('boardId')} options={[{ value: '', label: 'All' }, ...boards.map((b) => ({ value: String(b.id), label: b.name }))]} />
        <SelectField name="filterStatus" label="Status" value={filters.status ?? ''} onChange={f('status')} options={[{ value: '', label: 'All' }, ...DECISION_STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))]} />
        <SelectField name="filterType" label="Type" value={filters.type ?? ''} onChange={f('type')} options={[{ value: '', label: 'All' }, ...DECISION_TYPES.map((t) => ({ value: t, label: DECISION_TYPE_LABELS[t] }))]} />
        <SelectField name="filterBy" label="Decided by" value={filters.decidedBy ?? ''} onChange={f('decidedBy')} options={[{ value: '', label: 'Anyone' }, { value: 'board', label: 'A board' }, { value: 'commissioner', label: 'The Commissioner alone' }]} />
        <DateFilter name="filterFrom" label="From" value={from} onChange={(v) => setFilters({ from: v, to })} />
        <DateFilter name="filterTo" label="To" value={to} onChange={(v) => setFilters({ from, to: v })} />
        <div className="field">
          <label htmlFor="filter-text">Words</label>
          <input id="filter-text" className="input input-medium" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
        {(from !== null || to !== null) && (
          <button type="button" className="button button-secondary" onClick={() => setFilters({ from: null, to: null })}>
            All years
          </button>
        )}
      </form>
      {log.applied?.withUndated && <p className="hint">This financial year’s decisions, and those not dated yet. Choose dates or All years for others.</p>}
      <div className="toolbar">
        <p className="result-count" role="status">
          {log.loaded ? `${log.total} ${log.total === 1 ? 'decision' : 'decisions'}` : 'Loading…'}
        </p>
        <button type="button" className="button button-secondary" onClick={() => setExporting('docx')}>
          Export (.docx)
        </button>
        <button type="button" className="button button-secondary" onClick={() => setExporting('xlsx')}>
          Export (.xlsx)
        </button>
        <button type="button" className="button toolbar-end" onClick={() => setEditing('new')}>
          Record a decision
        </button>
      </div>
      {error && <ErrorSummary message={error} />}
      <p role="status">{done}</p>
      <VirtualTable
        caption="Decisions, newest first"
        testId="decision-log"
        rows={log.rows}
        total={log.total}
        hasMore={log.hasMore}
        loadingMore={log.loadingMore}
        loadMore={log.loadMore}
        rowKey={(d) => d.id}
        onOpen={(d) => setOpen(d.id)}
        rowHeight={56}
        columns={[
          {
            header: 'Reference',
            width: '14%',
            rowHeader: true,
            cell: (d) => (
              <button type="button" className="button-link" tabIndex={-1} onClick={() => setOpen(d.id)}>
                {d.reference}
              </button>
            ),
          },
          { header: 'Decided', width: '13%', cell: (d) => (d.decidedOn ? dayOf(d.decidedOn) : d.meetingStartsAt ? `(meeting ${dayOf(d.meetingStartsAt)})` : '—') },
          { header: 'Decision', width: '30%', cell: (d) => d.title },
          { header: 'By', width: '13%', cell: (d) => (d.decidedBy === 'commissioner' ? 'Commissioner' : (d.boardName ?? '—')) },
          { header: 'Type', width: '9%', cell: (d) => DECISION_TYPE_LABELS[d.type] },
          {
            header: 'Status',
            width: '11%',
            cell: (d) => <span className={`status decision-${d.status}`}>{d.status === 'superseded' && d.supersededByReference ? `Superseded by ${d.supersededByReference}` : DECISION_STATUS_LABELS[d.status]}</span>,
          },
          { header: 'Amount', width: '10%', numeric: true, cell: (d) => (d.financialAmountPence === null ? '—' : formatPence(d.financialAmountPence)) },
        ]}
      />
      {shown && <DecisionDialog decision={shown} others={log.rows} onClose={() => setOpen(null)} onEdit={() => (setEditing(shown), setOpen(null))} />}
      {editing && <DecisionForm decision={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={(t) => (setDone(t), setEditing(null))} />}
      {exporting && <ExportDialog format={exporting} filters={exported} boards={boards} onClose={() => setExporting(null)} onDone={(t) => (setDone(t), setExporting(null))} />}
    </>
  );
}

function DateFilter(props: { name: string; label: string; value: string | null; onChange(v: string | null): void }) {
  return (
    <div className="field">
      <label htmlFor={`field-${props.name}`}>{props.label}</label>
      <input id={`field-${props.name}`} className="input input-short" type="date" value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)} />
    </div>
  );
}

/** `others`: the decisions loaded in the log, which it may be superseded by. */
function DecisionDialog(props: { decision: Decision; others: readonly Decision[]; onClose(): void; onEdit(): void }) {
  const d = props.decision;
  const decisions = props.others;
  const setStatus = useDecisions((s) => s.setStatus);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<DecisionWarning[]>([]);
  const [superseding, setSuperseding] = useState('');
  const [notice, setNotice] = useState('');
  const [noticeFile, setNoticeFile] = useState<{ token: string; name: string } | null>(null);

  async function move(status: DecisionStatus) {
    setError(null);
    try {
      const r = await setStatus({ id: d.id, version: d.version, status, supersededById: status === 'superseded' && superseding ? Number(superseding) : null });
      setWarnings(r.warnings);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function notice_(acknowledgeWarnings: boolean) {
    setNoticeFile(null);
    try {
      const saved = await saveExport('decision.exportNotice', { id: d.id, acknowledgeWarnings }, `Record of Decision ${d.reference}.docx`);
      if (saved === null) setNotice('Not written: no file was chosen.');
      else {
        setNotice(`${writtenText(saved)}.`);
        if (saved.token !== null) setNoticeFile({ token: saved.token, name: saved.name });
      }
    } catch (err) {
      // Gaps in the notice refuse it until they are acknowledged: list them, and the way on.
      setNotice(err instanceof ApiError && err.code === 'export.warningsNotAcknowledged' ? `${err.problems.map((p) => `${p.message}.`).join(' ')} Choose “Write notice anyway” to write it with those parts marked.` : messageOf(err));
    }
  }

  return (
    <Dialog title={`${d.reference} ${d.title}`} onClose={props.onClose} wide>
      {error && <ErrorSummary message={error} />}
      {warnings.map((w) => (
        <p key={w.code} className="hint">
          {w.message}
        </p>
      ))}
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>{d.status === 'superseded' && d.supersededByReference ? `Superseded by ${d.supersededByReference}` : DECISION_STATUS_LABELS[d.status]}</dd>
        <dt>Type</dt>
        <dd>{DECISION_TYPE_LABELS[d.type]}</dd>
        <dt>Decided by</dt>
        <dd>{d.decidedBy === 'commissioner' ? 'The Commissioner alone' : (d.boardName ?? '—')}</dd>
        <dt>Decided on</dt>
        <dd>{dayOf(d.decidedOn) || 'Not yet'}</dd>
        <dt>Meeting</dt>
        <dd>{d.meetingStartsAt ? `${dayOf(d.meetingStartsAt)}${d.agendaItemTitle ? `, item ${d.agendaItemPosition}: ${d.agendaItemTitle}` : ''}${d.agendaItemMinuteNumber ? ` (Minute ${d.agendaItemMinuteNumber})` : ''}` : '—'}</dd>
        <dt>Paper</dt>
        <dd>{d.paperId ? <a href={`#/papers/${d.paperId}`}>{`${d.paperReference} ${d.paperTitle}`}</a> : '—'}</dd>
        <dt>Decision</dt>
        <dd className="pre-line">{d.text || '—'}</dd>
        <dt>Owner</dt>
        <dd>{d.ownerName ?? '—'}</dd>
        <dt>Implementation due</dt>
        <dd>{dayOf(d.implementationDueOn) || '—'}</dd>
        <dt>Review</dt>
        <dd>{dayOf(d.reviewOn) || '—'}</dd>
        <dt>Money</dt>
        <dd>{d.financialAmountPence === null ? '—' : `${formatPence(d.financialAmountPence)}${d.fundingStreamName ? ` from ${d.fundingStreamName}` : ''}`}</dd>
        <dt>Indicators it should move</dt>
        <dd>{d.indicators.length ? d.indicators.map((i) => `${i.code} ${i.name}`).join('; ') : '—'}</dd>
      </dl>
      {d.allowedStatuses.includes('superseded') && (
        <SelectField
          name="supersededBy"
          label="Superseded by"
          value={superseding}
          onChange={setSuperseding}
          options={[{ value: '', label: 'Choose the later decision' }, ...decisions.filter((x) => x.id !== d.id).map((x) => ({ value: String(x.id), label: `${x.reference} ${x.title}` }))]}
        />
      )}
      <div className="button-row">
        {d.allowedStatuses.map((s) => (
          <button key={s} type="button" className="button button-secondary" onClick={() => void move(s)}>
            {STATUS_MOVES[s]}
          </button>
        ))}
        <button type="button" className="button button-secondary" onClick={props.onEdit}>
          Change details
        </button>
        {d.decidedBy === 'commissioner' && (
          <>
            <button type="button" className="button button-secondary" onClick={() => void notice_(false)}>
              Decision notice (.docx)
            </button>
            {notice.includes('anyway') && (
              <button type="button" className="button button-danger" onClick={() => void notice_(true)}>
                Write notice anyway
              </button>
            )}
          </>
        )}
      </div>
      <p role="status">{notice}</p>
      {noticeFile && <RevealButtons token={noticeFile.token} name={noticeFile.name} onError={setError} />}
    </Dialog>
  );
}

const FORM_FIELDS = ['reference', 'title', 'text', 'type', 'decidedBy', 'boardId', 'meetingId', 'agendaItemId', 'decidedOn', 'ownerPersonId', 'implementationDueOn', 'reviewOn', 'financialAmountPence', 'fundingStreamId', 'confidentialReason'];

function DecisionForm(props: { decision: Decision | null; onClose(): void; onDone(text: string): void }) {
  const d = props.decision;
  const save = useDecisions((s) => s.save);
  const boards = useDecisions((s) => s.boards);
  const meetings = useDecisions((s) => s.meetings);
  const people = useDecisions((s) => s.people);
  const streams = useDecisions((s) => s.streams);
  const indicators = useDecisions((s) => s.indicators);
  const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  const [v, setV] = useState({
    reference: d?.reference ?? '',
    title: d?.title ?? '',
    text: d?.text ?? '',
    type: d?.type ?? 'approve',
    decidedBy: d?.decidedBy ?? 'board',
    boardId: str(d?.boardId),
    meetingId: str(d?.meetingId),
    agendaItemId: str(d?.agendaItemId),
    decidedOn: d?.decidedOn ?? '',
    ownerPersonId: str(d?.ownerPersonId),
    implementationDueOn: d?.implementationDueOn ?? '',
    reviewOn: d?.reviewOn ?? '',
    amount: d?.financialAmountPence === null || d?.financialAmountPence === undefined ? '' : formatPence(d.financialAmountPence),
    fundingStreamId: str(d?.fundingStreamId),
    indicatorIds: (d?.indicators ?? []).map((i) => i.id),
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // The version the form was filled in at (as useApiForm's `version`): after a refusal because
  // someone else changed the decision, the version they saved, so saving again is "mine over theirs", knowingly.
  const [version, setVersion] = useState(d?.version);
  const set = (k: Exclude<keyof typeof v, 'indicatorIds'>) => (value: string) => setV((old) => ({ ...old, [k]: value, ...(k === 'meetingId' ? { agendaItemId: '' } : {}) }));
  const items = useAgendaOf(v.meetingId ? Number(v.meetingId) : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = decisionAmount(v.amount);
    if (!amount.ok) {
      setErrors(amount.errors);
      return focusFirstError(amount.errors, FORM_FIELDS);
    }
    const pence = amount.pence;
    const num = (s: string) => (s ? Number(s) : null);
    const body = {
      reference: v.reference.trim(),
      title: v.title,
      text: v.text,
      type: v.type as Decision['type'],
      decidedBy: v.decidedBy as Decision['decidedBy'],
      boardId: num(v.boardId),
      meetingId: num(v.meetingId),
      agendaItemId: num(v.agendaItemId),
      decidedOn: v.decidedOn || null,
      ownerPersonId: num(v.ownerPersonId),
      implementationDueOn: v.implementationDueOn || null,
      reviewOn: v.reviewOn || null,
      financialAmountPence: pence,
      fundingStreamId: num(v.fundingStreamId),
      indicatorIds: v.indicatorIds,
    };
    try {
      const r = d ? await save({ id: d.id, version: version ?? d.version, ...body, reference: body.reference || d.reference }) : await save(body);
      props.onDone(`${d ? 'Saved' : 'Recorded'} ${r.decision.reference}. ${r.warnings.map((w) => w.message).join(' ')}`);
    } catch (err) {
      if (err instanceof ApiError && err.stale?.version) setVersion(err.stale.version);
      const next = errorsFromApi(err, FORM_FIELDS);
      setErrors(next);
      focusFirstError(next, FORM_FIELDS);
    }
  }

  return (
    <Dialog title={d ? `Change ${d.reference}` : 'Record a decision'} onClose={props.onClose} wide>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} stale={errors.stale} />}
        <TextField name="title" label="Title" value={v.title} onChange={set('title')} error={errors.fields.title} />
        <TextAreaField name="text" label="The decision" value={v.text} onChange={set('text')} error={errors.fields.text} />
        <div className="field-row">
          <SelectField name="type" label="Type" value={v.type} onChange={set('type')} options={DECISION_TYPES.map((t) => ({ value: t, label: DECISION_TYPE_LABELS[t] }))} />
          <SelectField name="decidedBy" label="Decided by" value={v.decidedBy} onChange={set('decidedBy')} options={DECIDERS.map((x) => ({ value: x, label: x === 'board' ? 'A board' : 'The Commissioner alone' }))} />
          <SelectField name="boardId" label="Board" value={v.boardId} onChange={set('boardId')} options={[{ value: '', label: '—' }, ...boards.map((b) => ({ value: String(b.id), label: b.name }))]} error={errors.fields.boardId} />
          <SelectField
            name="meetingId"
            label="Meeting"
            value={v.meetingId}
            onChange={set('meetingId')}
            options={[{ value: '', label: '—' }, ...meetings.filter((m) => !v.boardId || String(m.boardId) === v.boardId).map((m) => ({ value: String(m.id), label: `${m.boardCode} ${dayOf(m.startsAt)}` }))]}
            error={errors.fields.meetingId}
          />
          <SelectField
            name="agendaItemId"
            label="Agenda item"
            value={v.agendaItemId}
            onChange={set('agendaItemId')}
            options={[{ value: '', label: v.meetingId ? '—' : 'Choose the meeting first' }, ...items.map((i) => ({ value: String(i.id), label: `${i.number}. ${i.title}${i.minuteNumber ? ` (Minute ${i.minuteNumber})` : ''}` }))]}
            error={errors.fields.agendaItemId}
          />
        </div>
        <div className="field-row">
          <TextField name="reference" label="Reference" hint="Leave empty for the next one, e.g. SB-D-2020-004" value={v.reference} onChange={set('reference')} error={errors.fields.reference} width="medium" />
          <DateInput name="decidedOn" label="Decided on" value={v.decidedOn} onChange={set('decidedOn')} error={errors.fields.decidedOn} />
          <SelectField name="ownerPersonId" label="Owner" value={v.ownerPersonId} onChange={set('ownerPersonId')} options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))]} />
        </div>
        <div className="field-row">
          <DateInput name="implementationDueOn" label="Implementation due" value={v.implementationDueOn} onChange={set('implementationDueOn')} error={errors.fields.implementationDueOn} />
          <DateInput name="reviewOn" label="Review date" value={v.reviewOn} onChange={set('reviewOn')} error={errors.fields.reviewOn} />
          <TextField name="financialAmountPence" label="Amount" hint="e.g. £35,000" value={v.amount} onChange={set('amount')} error={errors.fields.financialAmountPence} width="short" />
          <SelectField name="fundingStreamId" label="Funding stream" value={v.fundingStreamId} onChange={set('fundingStreamId')} options={[{ value: '', label: '—' }, ...streams.map((s) => ({ value: String(s.id), label: `${s.reference} ${s.name}` }))]} />
        </div>
        {indicators.length > 0 && (
          <fieldset className="fieldset">
            <legend>Indicators it is meant to move</legend>
            {indicators.map((i) => (
              <label key={i.id} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={v.indicatorIds.includes(i.id)}
                  onChange={(e) => setV((old) => ({ ...old, indicatorIds: e.target.checked ? [...old.indicatorIds, i.id] : old.indicatorIds.filter((x) => x !== i.id) }))}
                />{' '}
                {i.code} {i.name}
              </label>
            ))}
          </fieldset>
        )}
        <FormButtons submit={d ? 'Save' : 'Record decision'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

/** The agenda of the meeting chosen, for the decision's agenda item. */
function useAgendaOf(meetingId: number | null): { id: number; number: number; title: string; minuteNumber: string | null }[] {
  const q = useQuery({
    queryKey: opKey('meeting.get', { id: meetingId ?? 0 }),
    queryFn: async () => call(api().meeting.get({ id: meetingId! })),
    enabled: meetingId !== null,
  });
  return meetingId === null ? [] : (q.data?.agenda ?? []);
}

function DateInput(props: { name: string; label: string; value: string; onChange(v: string): void; error?: string | undefined }) {
  return (
    <div className={props.error ? 'field field-error' : 'field'}>
      <label htmlFor={`field-${props.name}`}>{props.label}</label>
      {props.error && <p className="error-message">{props.error}</p>}
      <input id={`field-${props.name}`} className="input input-short" type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

function ExportDialog(props: { format: 'docx' | 'xlsx'; filters: Filters & { from: string | null; to: string | null; withUndated: boolean }; boards: readonly { id: number; name: string }[]; onClose(): void; onDone(text: string): void }) {
  const f = props.filters;
  // The file's own filters, starting from the screen's; the screen's list is left as it is.
  const [v, setV] = useState<RegisterFilterValue>({ boardId: f.boardId, status: f.status ?? '', from: f.from, to: f.to, openOnly: false });
  // As on the screen: this year's decisions come with those not dated yet, unless unticked.
  const [undated, setUndated] = useState(f.withUndated);
  const dated = v.from !== null || v.to !== null;
  const also = [f.type ? `type ${DECISION_TYPE_LABELS[f.type].toLowerCase()}` : '', f.decidedBy ? (f.decidedBy === 'board' ? 'decided by a board' : 'decided by the Commissioner alone') : '', f.search ? `matching “${f.search}”` : ''].filter(Boolean);
  return (
    <Dialog title={`Export the decisions log (.${props.format})`} onClose={props.onClose}>
      <p className="hint">{`The decisions these filters keep are exported${also.length ? ` (and, as on the screen, ${also.join(', ')})` : ''}.`}</p>
      <ExportForm
        id="decisions-export"
        fileName={`Decisions log.${props.format}`}
        plan={() =>
          exportPlan(
            'decision.exportLog',
            { boardId: v.boardId, status: v.status === '' ? null : (v.status as DecisionStatus), type: f.type, decidedBy: f.decidedBy, from: v.from, to: v.to, withUndated: dated && undated, search: f.search, openOnly: v.openOnly, format: props.format },
            (r) => {
              const rows = r.rows ?? 0;
              return `${rows} ${rows === 1 ? 'decision' : 'decisions'}.`;
            },
          )
        }
        onWritten={props.onDone}
      >
        {(refusal) => (
          <>
            <RegisterFilterFields
              id="decisions-export"
              value={v}
              onChange={(patch) => setV((old) => ({ ...old, ...patch }))}
              boards={props.boards}
              statuses={DECISION_STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))}
              dateHint="The decision’s date, else its meeting’s"
              openLabel="Open only (proposed or deferred)"
              error={refusal}
            />
            {dated && (
              <label className="checkbox">
                <input type="checkbox" name="decisions-export-undated" checked={undated} onChange={(e) => setUndated(e.target.checked)} />
                Also the decisions not dated yet (no date and no meeting)
              </label>
            )}
          </>
        )}
      </ExportForm>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
