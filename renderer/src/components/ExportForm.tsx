import { useState, type FormEvent, type ReactNode } from 'react';
import { messageOf } from '../api';
import { useWorkspace } from '../workspace/store';
import { ErrorSummary } from './ErrorSummary';
import { defaultExportPath, savedText, withExtension } from './export-path';
import { TextField } from './fields';
import { errorsFromApi, focusFirstError, NO_ERRORS, type FormErrors } from './form-errors';

/** One thing the form can write: a format of the same document, or one of a meeting's documents. */
export interface ExportChoice {
  value: string;
  label: string;
  /** The suggested file name, with its extension; made safe for Windows here. */
  fileName: string;
}

export interface ExportResultLike {
  path: string;
  bytes: number;
}

/**
 * Every export in the app: what to write (where there is a choice), the file to write it
 * to — first offered in the workspace file's folder under a suggested name — and, once
 * written, "Saved <name> (NN KB) to <folder>" in a status region. An error about the file
 * (such as Word holding it open) sits by the path; any other above the form.
 */
export function ExportForm<R extends ExportResultLike>(props: {
  /** Unique on the page: the path field is field-<id>-out. */
  id: string;
  /** One file (fileName) or a choice of several (choices, with a legend). */
  fileName?: string;
  choices?: readonly ExportChoice[];
  legend?: string;
  /** Fields of this export's own (quarter, year, prepared by…), shown first. */
  children?: ReactNode;
  /** The button's words, for the choice made: "Export agenda". */
  submitLabel?: string | ((choice: ExportChoice) => string);
  /** Writes the file; the choice's value is passed for forms that have one. */
  run: (out: string, choice: string) => Promise<R>;
  /** More to say after "Saved …", e.g. the totals in a return. */
  detail?: (result: R) => string;
}) {
  const workspacePath = useWorkspace((s) => s.info?.path ?? null);
  const choices = props.choices ?? [{ value: '', label: '', fileName: props.fileName ?? 'Export' }];
  const [choiceValue, setChoiceValue] = useState(choices[0]!.value);
  const choice = choices.find((c) => c.value === choiceValue) ?? choices[0]!;
  const suggested = defaultExportPath(workspacePath, choice.fileName);
  // What was typed holds while the suggestion it replaced still stands (same quarter, same date…).
  const [typed, setTyped] = useState<{ over: string; text: string } | null>(null);
  const out = typed && typed.over === suggested ? typed.text : suggested;
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const outName = `${props.id}-out`;

  function choose(value: string) {
    const next = choices.find((c) => c.value === value) ?? choices[0]!;
    const extension = /\.[a-z0-9]+$/i.exec(next.fileName)?.[0] ?? '';
    if (typed && typed.over === suggested) setTyped({ over: defaultExportPath(workspacePath, next.fileName), text: withExtension(typed.text, extension) });
    setChoiceValue(value);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    setDone('Writing the file…');
    try {
      const result = await props.run(out.trim(), choice.value);
      const more = props.detail?.(result);
      setDone(`${savedText(result)}.${more ? ` ${more}` : ''}`);
    } catch (err) {
      const found = errorsFromApi(err, ['out']);
      setErrors(found.fields.out ? found : { fields: {}, form: found.form ?? messageOf(err) });
      setDone('');
      focusFirstError({ fields: { [outName]: found.fields.out ?? '' }, form: null }, [outName]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="export-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy || undefined}>
      {errors.form && <ErrorSummary message={errors.form} />}
      {props.children}
      {choices.length > 1 && (
        <fieldset className="fieldset export-choices">
          <legend>{props.legend ?? 'Format'}</legend>
          {choices.map((c) => (
            <label key={c.value} className="radio">
              <input type="radio" name={`${props.id}-choice`} value={c.value} checked={c.value === choice.value} onChange={() => choose(c.value)} />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <TextField
        name={outName}
        label="Save as"
        hint="The full path of the file to write; a file already there is replaced."
        value={out}
        onChange={(text) => {
          setTyped({ over: suggested, text });
          if (errors.fields.out) setErrors(NO_ERRORS);
        }}
        error={errors.fields.out}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {typeof props.submitLabel === 'function' ? props.submitLabel(choice) : (props.submitLabel ?? 'Export')}
        </button>
      </div>
      <p role="status" className="export-result">
        {done}
      </p>
    </form>
  );
}
