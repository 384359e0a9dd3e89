import { useEffect, useState, type FormEvent } from 'react';
import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES, PROTECTIVE_MARKINGS, type ExportWarning, type PaperDetail, type PaperStatus } from '../../../main/papers/contract';
import { PAPER_STATUS_LABELS } from '../../../main/papers/paper-status';
import { api, ApiError, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { ExportForm, exportPlan } from '../components/ExportForm';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { RichEditor } from './RichEditor';
import { useMeetingAgenda } from './useMeetingAgenda';
import { usePapers, type SaveState } from './store';
import { useUnsaved } from '../app/unsaved';
import { ChangedSinceOpened } from '../changes/ChangedSinceOpened';
import { dayOf } from './text';
import { VersionsPanel } from './VersionsPanel';

const MOVE_LABELS: Record<PaperStatus, string> = { draft: 'Back to draft', for_review: 'Send for review', final: 'Mark as final' };

function SaveIndicator({ save }: { save: SaveState }) {
  const text = save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? `Saved at ${save.at}` : save.kind === 'error' ? `Not saved: ${save.message}` : 'All changes saved';
  return (
    <p className={`save-state save-${save.kind}`} role="status" data-testid="save-state">
      {save.kind === 'saved' || save.kind === 'idle' ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </p>
  );
}

export function PaperEditor({ id }: { id: number }) {
  const detail = usePapers((s) => s.detail);
  const error = usePapers((s) => s.detailError);
  const save = usePapers((s) => s.save);
  // Sections save themselves (the store sends them even after the editor closes); only a
  // save that failed holds typing at risk, so only then does leaving ask first.
  const unsent = usePapers((s) => Object.keys(s.dirty).length > 0);
  useUnsaved(save.kind === 'error' && unsent, 'changes to this paper that could not be saved');
  const loadPaper = usePapers((s) => s.loadPaper);
  const editSection = usePapers((s) => s.editSection);
  const focusSection = usePapers((s) => s.focusSection);
  const revisions = usePapers((s) => s.revisions);
  const setStatus = usePapers((s) => s.setStatus);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void loadPaper(id);
  }, [id, loadPaper]);

  if (error) return <ErrorSummary message={error} />;
  if (!detail || detail.id !== id) return <p>Loading…</p>;
  const readOnly = detail.status === 'final';
  const proposable = detail.sections.some((s) => (s.key === 'decision-required' || s.key === 'recommendation') && s.body.length > 0);

  async function move(status: PaperStatus) {
    setStatusError(null);
    try {
      await setStatus(status);
      setNotice(`The paper is now ${PAPER_STATUS_LABELS[status].toLowerCase()}; a version was kept.`);
    } catch (err) {
      setStatusError(messageOf(err));
    }
  }

  async function propose() {
    try {
      const r = await call(api().decision.proposeFromPaper({ paperId: id }));
      setNotice(`Proposed decision ${r.decision.reference} recorded for the meeting. ${r.warnings.map((w) => w.message).join(' ')}`);
    } catch (err) {
      setNotice(messageOf(err));
    }
  }

  return (
    <article className="paper-editor">
      <p>
        <a href="#/papers">← All papers</a>
      </p>
      <div className="paper-heading">
        <h1>
          {detail.reference} {detail.title}
        </h1>
        <span className={`status status-${detail.status}`}>{PAPER_STATUS_LABELS[detail.status]}</span>
      </div>
      <p className="hint">
        {detail.templateName}
        {detail.boardName ? ` · ${detail.boardName}` : ''}
        {detail.meetingStartsAt ? ` · ${dayOf(detail.meetingStartsAt)}` : ''}
        {detail.agendaItemPosition ? ` · item ${detail.agendaItemPosition}` : ''} · {detail.protectiveMarking}
      </p>
      <div className="toolbar paper-actions">
        <SaveIndicator save={save} />
        {detail.allowedStatuses.map((s) => (
          <button key={s} type="button" className="button button-secondary" onClick={() => void move(s)}>
            {MOVE_LABELS[s]}
          </button>
        ))}
        <button type="button" className="button" onClick={() => setExporting(true)}>
          Export to Word
        </button>
        {proposable && (
          <button type="button" className="button button-secondary" onClick={() => void propose()}>
            Propose decision
          </button>
        )}
      </div>
      <ChangedSinceOpened key={detail.id} entity="paper" id={detail.id} what="this paper" then="sections you are not typing in show their changes; a section you are typing in keeps your text, and its save is checked against theirs" />
      {statusError && <ErrorSummary message={statusError} />}
      <p role="status" className="notice">
        {notice}
      </p>
      {detail.warnings.length > 0 && (
        <div className="paper-warnings" aria-label="Before the paper goes out">
          <p className="paper-warnings-title">Before the paper goes out</p>
          <ul>
            {detail.warnings.map((w) => (
              <li key={w.field + w.code}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {readOnly && <p className="hint">This paper is final, so its text cannot be changed. Move it back to draft to change it; the final version is kept.</p>}

      <DetailsForm detail={detail} />

      {detail.numbering === 'continuous' && <p className="hint">Paragraphs are numbered 1, 2, 3… through the whole paper when it is exported; lists are not numbered.</p>}
      {detail.sections.map((s) => (
        <section key={`${detail.id}-${s.key}`} className="paper-section" aria-labelledby={`heading-${s.key}`}>
          <h2 id={`heading-${s.key}`}>
            {s.heading}
            {s.required && <span className="required"> (required)</span>}
          </h2>
          {s.guidance && <p className="hint">{s.guidance}</p>}
          <div onFocus={() => focusSection(s.key)} onBlur={() => focusSection(null)}>
            <RichEditor
              key={revisions[s.key] ?? 0}
              id={`section-${detail.id}-${s.key}`}
              label={s.heading}
              initial={s.body}
              readOnly={readOnly}
              numberedParagraphs={detail.numbering !== 'none'}
              onChange={(blocks) => editSection(s.key, blocks)}
            />
          </div>
        </section>
      ))}

      <VersionsPanel detail={detail} />
      {exporting && <ExportDialog detail={detail} onClose={() => setExporting(false)} onDone={(t) => (setNotice(t), setExporting(false))} />}
    </article>
  );
}

const DETAIL_FIELDS = ['reference', 'title', 'boardId', 'meetingId', 'agendaItemId', 'authorPersonId', 'presenterPersonId', 'protectiveMarking', 'purpose'];

function DetailsForm({ detail }: { detail: PaperDetail }) {
  const people = usePapers((s) => s.people);
  const boards = usePapers((s) => s.boards);
  const meetings = usePapers((s) => s.meetings);
  const updateDetails = usePapers((s) => s.updateDetails);
  const str = (n: number | null) => (n === null ? '' : String(n));
  const initial = () => ({
    reference: detail.reference,
    title: detail.title,
    boardId: str(detail.boardId),
    meetingId: str(detail.meetingId),
    agendaItemId: str(detail.agendaItemId),
    authorPersonId: str(detail.authorPersonId),
    presenterPersonId: str(detail.presenterPersonId),
    protectiveMarking: detail.protectiveMarking as string,
    purpose: detail.purpose as string,
    header: Object.fromEntries(detail.headerFields.map((h) => [h.key, detail.header[h.key] ?? ''])) as Record<string, string>,
  });
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState('');
  // The paper's version when these details were filled in: someone else's change since is
  // refused, not written over (after a refusal, saving again is over theirs, knowingly).
  const [version, setVersion] = useState(detail.version);
  const agenda = useMeetingAgenda(v.meetingId);
  const set = (k: Exclude<keyof typeof v, 'header'>) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const num = (s: string) => (s ? Number(s) : null);
    try {
      const saved = await updateDetails({
        id: detail.id,
        version,
        reference: v.reference,
        title: v.title,
        boardId: num(v.boardId),
        meetingId: num(v.meetingId),
        agendaItemId: num(v.agendaItemId),
        authorPersonId: num(v.authorPersonId),
        presenterPersonId: num(v.presenterPersonId),
        ...(detail.status !== 'final' ? { protectiveMarking: v.protectiveMarking as 'OFFICIAL', purpose: v.purpose as 'decision', header: v.header } : {}),
      });
      setVersion(saved.version);
      setErrors(NO_ERRORS);
      setDone('Details saved.');
    } catch (err) {
      const next = errorsFromApi(err, DETAIL_FIELDS);
      if (next.stale?.version) setVersion(next.stale.version);
      setErrors(next);
      focusFirstError(next, DETAIL_FIELDS);
      setDone('');
    }
  }

  const personOptions = [{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))];
  return (
    <details className="panel paper-details" open={detail.headerFields.some((h) => h.required && !h.value)}>
      <summary>Details: reference, meeting, author, marking{detail.headerFields.length ? `, ${detail.headerFields.map((h) => h.label).join(' / ')}` : ''}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} stale={errors.stale} />}
        <div className="field-row">
          <TextField name="reference" label="Reference" value={v.reference} onChange={set('reference')} error={errors.fields.reference} width="medium" />
          <TextField name="title" label="Title" value={v.title} onChange={set('title')} error={errors.fields.title} />
        </div>
        <div className="field-row">
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
            options={[{ value: '', label: '—' }, ...agenda.map((a) => ({ value: String(a.id), label: `${a.number}. ${a.title}` }))]}
            error={errors.fields.agendaItemId}
          />
        </div>
        <div className="field-row">
          <SelectField name="authorPersonId" label="Author" value={v.authorPersonId} onChange={set('authorPersonId')} options={personOptions} error={errors.fields.authorPersonId} />
          <SelectField name="presenterPersonId" label="Presenting officer" value={v.presenterPersonId} onChange={set('presenterPersonId')} options={personOptions} error={errors.fields.presenterPersonId} />
          <SelectField name="protectiveMarking" label="Protective marking" value={v.protectiveMarking} onChange={set('protectiveMarking')} options={PROTECTIVE_MARKINGS.map((m) => ({ value: m, label: m }))} />
          <SelectField name="purpose" label="Purpose" value={v.purpose} onChange={set('purpose')} options={PAPER_PURPOSES.map((p) => ({ value: p, label: PAPER_PURPOSE_LABELS[p] }))} />
        </div>
        {detail.headerFields.length > 0 && (
          <fieldset className="fieldset">
            <legend>Header block</legend>
            {detail.headerFields.map((h) => (
              <TextField
                key={h.key}
                name={`header-${h.key}`}
                label={`${h.label}${h.required ? '' : ' (optional)'}`}
                hint={[h.guidance, h.derived && h.value ? `Left empty, it reads “${h.value}”.` : '', h.type === 'date' ? 'A date written YYYY-MM-DD.' : ''].filter(Boolean).join(' ')}
                value={v.header[h.key] ?? ''}
                onChange={(value) => setV((old) => ({ ...old, header: { ...old.header, [h.key]: value } }))}
              />
            ))}
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button button-secondary">
            Save details
          </button>
          <p role="status">{done}</p>
        </div>
      </form>
    </details>
  );
}

function ExportDialog(props: { detail: PaperDetail; onClose(): void; onDone(text: string): void }) {
  const flush = usePapers((s) => s.flush);
  const [warnings, setWarnings] = useState<Pick<ExportWarning, 'message'>[]>([]);
  const [acknowledged, setAcknowledged] = useState(false);

  return (
    <Dialog title="Export to Word" onClose={props.onClose}>
      <ExportForm
        id="paper-export"
        fileName={`${props.detail.reference} ${props.detail.title}.docx`}
        submitLabel={acknowledged ? 'Export anyway' : 'Export'}
        plan={async () => {
          await flush();
          // The paper's warnings are read before the Save dialog opens, so a paper with
          // warnings never asks for a file it will not write.
          const fresh = await call(api().paper.get({ id: props.detail.id }));
          if (fresh.warnings.length > 0 && !acknowledged) {
            setWarnings(fresh.warnings);
            throw new ApiError({ code: 'export.warningsNotAcknowledged', message: 'Not exported yet: read the warnings below, then tick “Export anyway” to export with them.' });
          }
          return exportPlan('paper.export', { id: props.detail.id, acknowledgeWarnings: acknowledged });
        }}
        onWritten={props.onDone}
      >
        {warnings.length > 0 && (
          <div className="paper-warnings" aria-label="Before the paper goes out">
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
            <label className="checkbox">
              <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> Export anyway, with these warnings
            </label>
          </div>
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
