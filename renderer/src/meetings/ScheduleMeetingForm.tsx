import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { meetingHref } from './route';
import { useMeetings } from './store';
import { meetingDay } from './text';

const FIELDS = ['boardId', 'date', 'startsAt', 'endsAt', 'location', 'onlineLink'] as const;

/** Schedule a meeting: board, date, times, place. The papers deadline is shown as the date is chosen. */
export function ScheduleMeetingForm({ onClose }: { onClose: () => void }) {
  const boards = useMeetings((s) => s.boards);
  const schedule = useMeetings((s) => s.scheduleMeeting);
  const [boardId, setBoardId] = useState(String(boards[0]?.id ?? ''));
  const [date, setDate] = useState('');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('12:00');
  const [location, setLocation] = useState('');
  const [onlineLink, setOnlineLink] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // The deadline shown belongs to the board and date it was asked for, so a stale answer never shows.
  const [deadline, setDeadline] = useState<{ key: string; text: string } | null>(null);
  const key = `${boardId}|${date}`;

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !boardId) return;
    let live = true;
    call(api().meeting.papersDeadline({ boardId: Number(boardId), startsAt: `${date}T10:00` })).then(
      (r) => live && setDeadline({ key: `${boardId}|${date}`, text: `Papers due ${meetingDay(r.papersDueOn)} (${r.workingDays} working days before, skipping weekends and bank holidays).` }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [boardId, date]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!date) {
      const errs = { fields: { date: 'Date is required' }, form: null };
      setErrors(errs);
      focusFirstError(errs, FIELDS);
      return;
    }
    setBusy(true);
    try {
      const detail = await schedule({
        boardId: Number(boardId),
        startsAt: `${date}T${start}`,
        endsAt: end ? `${date}T${end}` : null,
        location,
        onlineLink,
      });
      onClose();
      window.location.hash = meetingHref(detail.meeting.id);
    } catch (err) {
      const found = errorsFromApi(err, ['boardId', 'startsAt', 'endsAt', 'location', 'onlineLink']);
      setErrors(found);
      focusFirstError(found, FIELDS);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Schedule a meeting" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <SelectField name="boardId" label="Board" value={boardId} onChange={setBoardId} options={boards.map((b) => ({ value: String(b.id), label: b.name }))} error={errors.fields.boardId} />
        <div className="field">
          <label htmlFor="field-date">Date</label>
          {errors.fields.date && (
            <p className="error-message" id="field-date-error">
              {errors.fields.date}
            </p>
          )}
          <input id="field-date" className="input input-medium" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.fields.date ? true : undefined} aria-describedby="papers-deadline" />
          <p className="hint" id="papers-deadline" role="status">
            {deadline?.key === key ? deadline.text : ''}
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-startsAt">Starts at</label>
            {errors.fields.startsAt && <p className="error-message">{errors.fields.startsAt}</p>}
            <input id="field-startsAt" className="input input-short" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="field-endsAt">Ends at</label>
            {errors.fields.endsAt && <p className="error-message">{errors.fields.endsAt}</p>}
            <input id="field-endsAt" className="input input-short" type="time" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={errors.fields.endsAt ? true : undefined} />
          </div>
        </div>
        <TextField name="location" label="Place (optional)" value={location} onChange={setLocation} error={errors.fields.location} />
        <TextField name="onlineLink" label="Online link (optional)" hint="A web address starting https://" value={onlineLink} onChange={setOnlineLink} error={errors.fields.onlineLink} />
        <p className="hint">The agenda starts with the board’s standing items and any forward plan items due by this date.</p>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Schedule meeting
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
