import { useEffect } from 'react';
import type { Board } from '../../../main/meetings/contract';
import { formatMinuteNumber } from '../../../main/meetings/minute-numbers';
import { api, call } from '../api';
import { TextField } from '../components/fields';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { useMeetings } from './store';

/**
 * A board's house format for minute numbers (issue 15), set on the board's screen: tokens
 * {code} {n} {nn} {nnn} {yy} {yyyy} (main/meetings/minute-numbers.ts), with an example of the
 * number it gives.
 */
export function MinuteFormat({ board }: { board: Board }) {
  const loadList = useMeetings((s) => s.loadList);
  const announce = useMeetings((s) => s.announce);
  const form = useApiForm({
    fields: ['minuteFormat'],
    idPrefix: `board-${board.id}-`,
    unsavedLabel: `the minute number format of ${board.name}`,
    initial: { minuteFormat: board.minuteFormat },
    version: board.version,
    toInput: (v) => ({ id: board.id, minuteFormat: v.minuteFormat }),
    submit: async (input, version) => {
      const b = await call(api().board.update({ ...input, version: version ?? board.version }));
      announce(`Minute numbers of ${b.name} now look like ${formatMinuteNumber(b.minuteFormat, b.code, 12, '2020-03-10')}.`);
      await loadList();
    },
  });
  // A colleague's change to the board (or this form's own save, read back) is shown when
  // nothing is being typed here; what is being typed is kept, and its save is checked
  // against the version the form read (refused, naming them, if the format changed since).
  const { dirty, reset } = form;
  useEffect(() => {
    if (!dirty) reset({ minuteFormat: board.minuteFormat }, { version: board.version });
    // Only a new version of the board is news; dirty and reset change with every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board.version, board.minuteFormat]);
  const example = /\{(n|nn|nnn)\}/.test(form.values.minuteFormat) ? formatMinuteNumber(form.values.minuteFormat, board.code, 12, '2020-03-10') : '';
  return (
    <section className="section" aria-labelledby={`minute-format-${board.id}`}>
      <h2 id={`minute-format-${board.id}`}>{`Minute numbers of ${board.name}`}</h2>
      <p className="hint">
        Each item of the minutes gets a number when the minutes go to draft, continuing from the board’s last meeting. Tokens: {'{code}'} the board’s code, {'{n}'} the running number
        ({'{nn}'}, {'{nnn}'} padded), {'{yy}'} or {'{yyyy}'} the meeting’s year. With the year shown, numbering starts again at 1 each year.
      </p>
      <ApiFormView form={form} className="subform" label={`Minute number format of ${board.name}`} submit="Save format">
        <TextField label="Minute number format" hint={example ? `The twelfth minute of 2020 would be ${example}` : 'e.g. {code} {n}/{yy}'} width="medium" {...form.field('minuteFormat')} />
      </ApiFormView>
    </section>
  );
}
