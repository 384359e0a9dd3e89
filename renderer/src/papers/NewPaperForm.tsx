import { useEffect, useState, type FormEvent } from 'react';
import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES, PROTECTIVE_MARKINGS } from '../../../main/papers/contract';
import { api, call } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { useWorkspace } from '../workspace/store';
import { paperHref } from './route';
import { usePapers } from './store';
import { dayOf } from './text';
import { useMeetingAgenda } from './useMeetingAgenda';
import { useUnsaved } from '../app/unsaved';

const FIELDS = ['templateKey', 'reference', 'title', 'boardId', 'meetingId', 'agendaItemId', 'authorPersonId', 'presenterPersonId', 'protectiveMarking', 'purpose'];

/** A new paper: its template, reference and title; the rest can be filled in later. */
export function NewPaperForm() {
  const templates = usePapers((s) => s.templates);
  const problems = usePapers((s) => s.templateProblems);
  const boards = usePapers((s) => s.boards);
  const meetings = usePapers((s) => s.meetings);
  const people = usePapers((s) => s.people);
  const create = usePapers((s) => s.create);
  // The workspace's default marking (Settings), which the user may change for this paper.
  const markingDefault = useWorkspace((s) => (s.info?.settings.defaultProtectiveMarking === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL'));
  const [v, setV] = useState({ templateKey: 'board-paper', reference: '', title: '', boardId: '', meetingId: '', agendaItemId: '', authorPersonId: '', presenterPersonId: '', protectiveMarking: markingDefault, purpose: 'decision' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const agenda = useMeetingAgenda(v.meetingId);
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const template = templates.find((t) => t.key === v.templateKey);
  // A title typed (the form's one piece of writing) and the paper not yet made: a move away asks first.
  useUnsaved(!busy && v.title.trim() !== '', 'the new paper you have started');

  // A board (and meeting) chosen: offer the next free reference of its year (SB/2020/04),
  // unless the user has typed one.
  const [offered, setOffered] = useState('');
  useEffect(() => {
    if (!v.boardId) return;
    const meeting = meetings.find((m) => String(m.id) === v.meetingId);
    const year = Number((meeting?.startsAt ?? new Date().toISOString()).slice(0, 4));
    let live = true;
    void call(api().paper.nextReference({ boardId: Number(v.boardId), year })).then(
      (r) => {
        if (!live) return;
        setV((old) => (old.reference === '' || old.reference === offered ? { ...old, reference: r.reference } : old));
        setOffered(r.reference);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [v.boardId, v.meetingId, meetings, offered]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const num = (s: string) => (s ? Number(s) : null);
    try {
      const paper = await create({
        templateKey: v.templateKey,
        reference: v.reference,
        title: v.title,
        boardId: num(v.boardId),
        meetingId: num(v.meetingId),
        agendaItemId: num(v.agendaItemId),
        authorPersonId: num(v.authorPersonId),
        presenterPersonId: num(v.presenterPersonId),
        protectiveMarking: v.protectiveMarking as 'OFFICIAL',
        purpose: v.purpose as 'decision',
      });
      window.location.hash = paperHref(paper.id);
    } catch (err) {
      const next = errorsFromApi(err, FIELDS);
      setErrors(next);
      focusFirstError(next, FIELDS);
      setBusy(false);
    }
  }

  const meetingOptions = meetings.filter((m) => !v.boardId || String(m.boardId) === v.boardId);
  return (
    <form className="panel paper-new" onSubmit={(e) => void submit(e)} noValidate>
      <h2>New paper</h2>
      {errors.form && <ErrorSummary message={errors.form} />}
      {problems.map((p) => (
        <ErrorSummary key={p.file} title="A template could not be read" message={p.message} />
      ))}
      <SelectField
        name="templateKey"
        label="Template"
        value={v.templateKey}
        onChange={set('templateKey')}
        options={templates.map((t) => ({ value: t.key, label: t.name }))}
        error={errors.fields.templateKey}
        {...(template?.description ? { hint: template.description } : {})}
      />
      {template && (
        <p className="hint">
          Sections: {template.sections.map((s) => `${s.heading}${s.required ? '' : ' (optional)'}`).join(' · ')}
        </p>
      )}
      <TextField name="title" label="Title" value={v.title} onChange={set('title')} error={errors.fields.title} />
      <div className="field-row">
        <SelectField name="boardId" label="Board" value={v.boardId} onChange={set('boardId')} options={[{ value: '', label: '—' }, ...boards.map((b) => ({ value: String(b.id), label: b.name }))]} error={errors.fields.boardId} />
        <SelectField
          name="meetingId"
          label="Meeting"
          value={v.meetingId}
          onChange={set('meetingId')}
          options={[{ value: '', label: '—' }, ...meetingOptions.map((m) => ({ value: String(m.id), label: `${m.boardCode} ${dayOf(m.startsAt)}` }))]}
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
      <TextField name="reference" label="Reference" hint="Unique, e.g. SB/2020/03; offered when a board is chosen." value={v.reference} onChange={set('reference')} error={errors.fields.reference} width="medium" />
      <div className="field-row">
        <SelectField name="authorPersonId" label="Author" value={v.authorPersonId} onChange={set('authorPersonId')} options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))]} />
        <SelectField name="presenterPersonId" label="Presenting officer" value={v.presenterPersonId} onChange={set('presenterPersonId')} options={[{ value: '', label: '—' }, ...people.map((p) => ({ value: String(p.id), label: `${p.givenName} ${p.familyName}` }))]} />
      </div>
      <div className="field-row">
        <SelectField name="protectiveMarking" label="Protective marking" value={v.protectiveMarking} onChange={set('protectiveMarking')} options={PROTECTIVE_MARKINGS.map((m) => ({ value: m, label: m }))} />
        <SelectField name="purpose" label="Purpose" value={v.purpose} onChange={set('purpose')} options={PAPER_PURPOSES.map((p) => ({ value: p, label: PAPER_PURPOSE_LABELS[p] }))} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Create paper
        </button>
        <a className="button button-secondary" href="#/papers">
          Cancel
        </a>
      </div>
    </form>
  );
}
