import { useRef, useState, type FormEvent } from 'react';
import { useUnsaved } from '../app/unsaved';
import type { z } from 'zod';
import { ApiError } from '../api';
import { errorsFromApi, errorsFromZod, focusFirstError, NO_ERRORS, type FormErrors } from './form-errors';

/** The keys of a form's values that hold text, which a text box or select can edit. */
type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface ApiFormOptions<V extends Record<string, unknown>, I> {
  /**
   * Every name an error can be shown against, in screen order: the first in error is
   * focused. Names are the operation's field names (an API error's `field` finds them).
   */
  fields: readonly string[];
  initial: V | (() => V);
  /** The values as the operation's input. */
  toInput: (values: V) => I;
  /** The version of the record the form edits, as it was read (an edit form only). */
  version?: number | undefined;
  /** The operation's own schema: checked before anything is sent, with the same messages. */
  schema?: z.ZodType;
  /** Other instant checks, by field name; nothing is sent while one fails. */
  check?: (values: V) => Record<string, string> | null;
  /**
   * Sends the input; an ApiError it throws is shown against its field. An edit of one record
   * sends `version` with it: the version the form was opened at, or, after a save was refused
   * because someone else changed the record, the version they saved (so saving again means
   * "mine over theirs", knowingly, with their values shown beside).
   */
  submit: (input: I, version: number | undefined) => Promise<unknown>;
  /** An operation field that this form calls by another name: { value: 'organisationName' }. */
  apiFields?: Record<string, string>;
  /** Control ids are field-<idPrefix><name>, so two forms can share a page. */
  idPrefix?: string;
  /** What a move away would lose, in the question asked then (default: "a form you have started"). */
  unsavedLabel?: string;
}

export interface ApiForm<V> {
  values: V;
  errors: FormErrors;
  busy: boolean;
  /** A setter for one value; editing a field clears its error. */
  set<K extends keyof V & string>(name: K): (value: V[K]) => void;
  /** Everything a TextField or SelectField needs for one text value: name, value, onChange, error. */
  field(name: TextKeys<V>): { name: string; value: string; onChange: (value: string) => void; error: string | undefined };
  /** Values typed and not yet saved. */
  dirty: boolean;
  /**
   * New values, shown as saved. With `read`, the record they were read from is now another
   * (or the same as read again): later saves send its version, not one left from before.
   */
  reset(values: V, read?: { version: number | undefined }): void;
  onSubmit(e: FormEvent): void;
}

/**
 * The plumbing every form here shares: values, an instant check with the operation's schema,
 * a busy state while the workspace answers, the answer's error put next to the field it
 * names (or above the form), and focus moved to the first field in error.
 */
export function useApiForm<V extends Record<string, unknown>, I>(options: ApiFormOptions<V, I>): ApiForm<V> {
  const [values, setValues] = useState<V>(options.initial);
  // The values as last shown or saved: anything else typed is unsaved, and a move away asks first.
  const [baseline, setBaseline] = useState<V>(values);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(options.version);
  // Set when the form is reset while a save is on its way (a form that empties itself after adding).
  const resetSince = useRef(0);
  const { fields, idPrefix = '' } = options;
  // While a save is on its way nothing is at risk (a form that moves on after saving must not ask).
  useUnsaved(!busy && !sameValues(values, baseline), options.unsavedLabel ?? 'a form you have started');

  const show = (found: FormErrors) => {
    setErrors(found);
    focusFirstError(found, fields, idPrefix);
  };

  const set =
    <K extends keyof V & string>(name: K) =>
    (value: V[K]) => {
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((e) => (e.fields[name] ? { ...e, fields: { ...e.fields, [name]: '' } } : e));
    };

  async function run() {
    const local = options.check?.(values);
    if (local && Object.keys(local).length > 0) return show({ fields: local, form: null });
    const input = options.toInput(values);
    if (options.schema) {
      const checked = options.schema.safeParse(input);
      if (!checked.success) return show(errorsFromZod(checked.error, fields));
    }
    setBusy(true);
    const resets = resetSince.current;
    try {
      await options.submit(input, version);
      setErrors(NO_ERRORS);
      // What was sent is saved; unless the submit emptied the form, whose blank values are then the baseline.
      if (resetSince.current === resets) setBaseline(values);
    } catch (err) {
      if (err instanceof ApiError && err.stale?.version) setVersion(err.stale.version);
      show(renamed(errorsFromApi(err, [...fields, ...Object.keys(options.apiFields ?? {})]), options.apiFields));
    } finally {
      setBusy(false);
    }
  }

  return {
    values,
    errors,
    busy,
    set,
    field: (name) => ({ name: idPrefix + name, value: values[name] as string, onChange: set(name) as (value: string) => void, error: errors.fields[name] || undefined }),
    dirty: !sameValues(values, baseline),
    reset: (next, read) => {
      resetSince.current++;
      setValues(next);
      setBaseline(next);
      setErrors(NO_ERRORS);
      if (read) setVersion(read.version);
    },
    onSubmit: (e) => {
      e.preventDefault();
      if (!busy) void run();
    },
  };
}

function renamed(errors: FormErrors, names: Record<string, string> | undefined): FormErrors {
  if (!names) return errors;
  return { ...errors, fields: Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [names[k] ?? k, v])) };
}

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
