import type { z } from 'zod';
import type { StaleDetail } from '../../../main/shared/errors';
import { ApiError, messageOf } from '../api';
import { fieldId } from './fields';

/** What a form shows: one message per field, and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
  /** Someone else changed or deleted the record since the form was opened: who, when, their values beside yours. */
  stale?: StaleDetail;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** The first zod issue per field, for instant checks with the operation's own schema. */
export function errorsFromZod(error: z.ZodError, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  let form: string | null = null;
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (known.includes(name)) fields[name] ??= issue.message;
    else form ??= issue.message;
  }
  return { fields, form };
}

/**
 * The server's answer is the truth: its message goes next to the field it names when the
 * form has that field, and above the form otherwise.
 */
export function errorsFromApi(err: unknown, known: readonly string[]): FormErrors {
  if (err instanceof ApiError && err.stale) return { fields: {}, form: err.message, stale: err.stale };
  if (err instanceof ApiError && err.field && known.includes(err.field)) {
    return { fields: { [err.field]: err.message }, form: null };
  }
  return { fields: {}, form: messageOf(err) };
}

/**
 * Moves focus to the first field in error, so keyboard and screen-reader users land on it.
 * A form whose controls are named with a prefix (two forms on one page) gives it.
 */
export function focusFirstError(errors: FormErrors, order: readonly string[], idPrefix = ''): void {
  const first = order.find((name) => errors.fields[name]);
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(idPrefix + first))?.focus());
}
