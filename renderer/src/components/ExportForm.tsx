import { useState, type FormEvent, type ReactNode } from 'react';
import type { ResultOf } from '../../../main/api/contract';
import type { ExportInput, ExportOpName, SavedExport } from '../../../main/api/files-api';
import { ApiError, call, messageOf } from '../api';
import { canRevealFiles, files, saveExport } from '../files';
import { ErrorSummary } from './ErrorSummary';
import { downloadedText, safeFileName, formatBytes } from './export-path';

/** One thing the form can write: a format of the same document, or one of a meeting's documents. */
export interface ExportChoice {
  value: string;
  label: string;
  /** The suggested file name, with its extension; made safe for Windows before it is shown or offered. */
  fileName: string;
}

/** What one export writes: the operation, its input without `out`, and what to add after "Saved …". */
export interface ExportPlan {
  op: ExportOpName;
  input: object;
  /** Runs on the result: returns more to say (the totals in a return), or throws an ApiError when nothing was written yet (warnings to acknowledge). */
  after?: (result: unknown) => string | undefined;
}

/** Builds a plan with its input and result typed for the operation. */
export function exportPlan<K extends ExportOpName>(op: K, input: ExportInput<K>, after?: (result: ResultOf<K>) => string | undefined): ExportPlan {
  return after ? { op, input, after: (r) => after(r as ResultOf<K>) } : { op, input };
}

/** "Saved SB minutes 16-06-2020.docx (12 KB) to C:\\Users\\me\\Documents" or "Downloaded … (12 KB)". */
export function writtenText(saved: Pick<SavedExport, 'name' | 'bytes' | 'folder'>): string {
  return saved.folder === null ? downloadedText(saved) : `Saved ${saved.name} (${formatBytes(saved.bytes)}) to ${saved.folder}`;
}

interface Written {
  text: string;
  token: string | null;
  name: string;
}

/**
 * Every export in the app: what to write (where there is a choice), the name of the file it
 * will be, and an Export button. In the desktop app main shows the Save dialog (starting in
 * the folder last used for this kind) and writes; in the browser the file is downloaded. The
 * page never sends a path. Once written: "Saved <name> (NN KB) to <folder>" with Open and
 * Show in folder, or "Downloaded <name> (NN KB)". A closed dialog is said quietly.
 */
export function ExportForm(props: {
  /** Unique on the page. */
  id: string;
  /** One file (fileName) or a choice of several (choices, with a legend). */
  fileName?: string;
  choices?: readonly ExportChoice[];
  legend?: string;
  /**
   * Fields of this export's own (quarter, year, prepared by…), shown first; as a function,
   * given the refusal of the last try (its field, when it named one) to show on that field.
   */
  children?: ReactNode | ((refusal: { field: string | undefined; message: string } | null) => ReactNode);
  /** The button's words, for the choice made: "Export agenda". */
  submitLabel?: string | ((choice: ExportChoice) => string);
  /** What to write for the choice made (its value is "" when there is no choice). */
  plan: (choice: string) => ExportPlan | Promise<ExportPlan>;
  /** Told what was written, e.g. to close a dialog and say it on the page. */
  onWritten?: (text: string) => void;
}) {
  const choices = props.choices ?? [{ value: '', label: '', fileName: props.fileName ?? 'Export' }];
  const [choiceValue, setChoiceValue] = useState(choices[0]!.value);
  const choice = choices.find((c) => c.value === choiceValue) ?? choices[0]!;
  const name = safeFileName(choice.fileName);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ field: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [written, setWritten] = useState<Written | null>(null);
  const desktop = canRevealFiles();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setRefusal(null);
    setWritten(null);
    setStatus(desktop ? 'Choose where to save…' : 'Writing the file…');
    try {
      const plan = await props.plan(choice.value);
      const saved = await saveExport(plan.op, plan.input as never, name);
      if (saved === null) {
        setStatus('Not exported: no file was chosen.');
        return;
      }
      const more = plan.after?.(saved.result);
      const text = `${writtenText(saved)}.${more ? ` ${more}` : ''}`;
      setStatus(text);
      setWritten({ text, token: saved.token, name: saved.name });
      props.onWritten?.(text);
    } catch (err) {
      setError(messageOf(err));
      setRefusal(err instanceof ApiError ? { field: err.field, message: err.message } : null);
      setStatus('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="export-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy || undefined}>
      {error && <ErrorSummary message={error} />}
      {typeof props.children === 'function' ? props.children(refusal) : props.children}
      {choices.length > 1 && (
        <fieldset className="fieldset export-choices">
          <legend>{props.legend ?? 'Format'}</legend>
          {choices.map((c) => (
            <label key={c.value} className="radio">
              <input type="radio" name={`${props.id}-choice`} value={c.value} checked={c.value === choice.value} onChange={() => setChoiceValue(c.value)} />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <p className="export-file" id={`${props.id}-file`}>
        <span className="export-file-label">File: </span>
        <span className="export-file-name">{name}</span>
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} aria-describedby={`${props.id}-file`}>
          {typeof props.submitLabel === 'function' ? props.submitLabel(choice) : (props.submitLabel ?? 'Export')}
        </button>
      </div>
      <p role="status" className="export-result">
        {status}
      </p>
      {written?.token && <RevealButtons token={written.token} name={written.name} onError={setError} />}
    </form>
  );
}

/** Open and Show in folder for a file main saved (desktop only: a browser shows none). */
export function RevealButtons(props: { token: string; name: string; onError: (message: string | null) => void }) {
  if (!canRevealFiles()) return null;
  async function reveal(how: 'open' | 'show') {
    props.onError(null);
    try {
      await call(how === 'open' ? files().openExported(props.token) : files().showExported(props.token));
    } catch (err) {
      props.onError(messageOf(err));
    }
  }
  return (
    <div className="button-row">
      <button type="button" className="button button-secondary" aria-label={`Open ${props.name}`} onClick={() => void reveal('open')}>
        Open
      </button>
      <button type="button" className="button button-secondary" aria-label={`Show ${props.name} in its folder`} onClick={() => void reveal('show')}>
        Show in folder
      </button>
    </div>
  );
}
