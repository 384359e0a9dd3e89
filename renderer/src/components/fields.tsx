import type { ChangeEvent, ReactNode } from 'react';

/**
 * Form fields that carry their own error: the message sits under the label, the control
 * is aria-invalid and described by it, so a screen reader reads "Family name is required"
 * with the field. Ids are `field-<name>` so an API error's field finds its control.
 */
interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (control: { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
    </div>
  );
}

type Change = (value: string) => void;

export function TextField(props: {
  name: string;
  label: string;
  value: string;
  onChange: Change;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'search' | 'date' | 'time' | 'password';
  autoComplete?: string;
  width?: 'short' | 'medium' | 'full';
}) {
  return (
    <Field name={props.name} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <input
          {...control}
          className={`input input-${props.width ?? 'full'}`}
          type={props.type ?? 'text'}
          name={props.name}
          value={props.value}
          autoComplete={props.autoComplete ?? 'off'}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField(props: { name: string; label: string; value: string; onChange: Change; error?: string | undefined; hint?: string }) {
  return (
    <Field name={props.name} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <textarea {...control} className="input textarea" name={props.name} rows={3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  onChange: Change;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <Field name={props.name} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <select {...control} className="select" name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Options for a SelectField from records: each by its id, with an optional first choice of none. */
export function optionsOf<T extends { id: number }>(items: readonly T[], label: (item: T) => string, none?: string): { value: string; label: string }[] {
  return [...(none === undefined ? [] : [{ value: '', label: none }]), ...items.map((item) => ({ value: String(item.id), label: label(item) }))];
}
