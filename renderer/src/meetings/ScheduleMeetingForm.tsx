import { useEffect, useState } from 'react';
import { api, call } from '../api';
import { Field, SelectField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { meetingHref } from './route';
import { useMeetings } from './store';
import { meetingDay } from './text';

const FIELDS = ['boardId', 'date', 'startsAt', 'endsAt', 'location', 'onlineLink'] as const;

/** Schedule a meeting: board, date, times, place. The papers deadline is shown as the date is chosen. */
export function ScheduleMeetingForm({ onClose }: { onClose: () => void }) {
  const boards = useMeetings((s) => s.boards);
  const schedule = useMeetings((s) => s.scheduleMeeting);
  const form = useApiForm({
    fields: FIELDS,
    initial: { boardId: String(boards[0]?.id ?? ''), date: '', startsAt: '10:00', endsAt: '12:00', location: '', onlineLink: '' },
    check: (v) => (v.date ? null : { date: 'Date is required' }),
    toInput: (v) => ({
      boardId: Number(v.boardId),
      startsAt: `${v.date}T${v.startsAt}`,
      endsAt: v.endsAt ? `${v.date}T${v.endsAt}` : null,
      location: v.location,
      onlineLink: v.onlineLink,
    }),
    submit: async (input) => {
      const detail = await schedule(input);
      onClose();
      window.location.hash = meetingHref(detail.meeting.id);
    },
  });
  const { boardId, date } = form.values;
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

  const dateField = form.field('date');
  return (
    <FormDialog title="Schedule a meeting" form={form} submit="Schedule meeting" onClose={onClose}>
      <SelectField label="Board" options={boards.map((b) => ({ value: String(b.id), label: b.name }))} {...form.field('boardId')} />
      <Field name={dateField.name} label="Date" error={dateField.error}>
        {(control) => (
          <>
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], 'papers-deadline'].filter(Boolean).join(' ')}
              className="input input-medium"
              type="date"
              value={date}
              onChange={(e) => dateField.onChange(e.target.value)}
            />
            <p className="hint" id="papers-deadline" role="status">
              {deadline?.key === key ? deadline.text : ''}
            </p>
          </>
        )}
      </Field>
      <div className="field-row">
        <TextField label="Starts at" type="time" width="short" {...form.field('startsAt')} />
        <TextField label="Ends at" type="time" width="short" {...form.field('endsAt')} />
      </div>
      <TextField label="Place (optional)" {...form.field('location')} />
      <TextField label="Online link (optional)" hint="A web address starting https://" {...form.field('onlineLink')} />
      <p className="hint">The agenda starts with the board’s standing items and any forward plan items due by this date.</p>
    </FormDialog>
  );
}
