import type { ReactNode } from 'react';
import { ChangedSinceOpened } from '../changes/ChangedSinceOpened';
import { Dialog } from './Dialog';
import { ErrorSummary } from './ErrorSummary';
import type { ApiForm } from './useApiForm';

/** The submit button (off while the workspace answers) and, in a dialog, Cancel. */
export function FormButtons(props: { submit: string; busy?: boolean; onCancel?: () => void; secondary?: boolean; children?: ReactNode }) {
  return (
    <div className="button-row">
      <button type="submit" className={props.secondary ? 'button button-secondary' : 'button'} disabled={props.busy}>
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" className="button button-secondary" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      )}
      {props.children}
    </div>
  );
}

/**
 * A form driven by useApiForm: the error about the form as a whole at the top, the fields,
 * then the buttons. Used bare on a page, or inside FormDialog.
 */
export function ApiFormView<V>(props: {
  form: ApiForm<V>;
  submit: string;
  children: ReactNode;
  onCancel?: () => void;
  className?: string;
  heading?: { id: string; text: string };
  label?: string;
  secondary?: boolean;
  /** Shown beside the buttons, e.g. a "Saved." status. */
  after?: ReactNode;
}) {
  const { form } = props;
  return (
    <form
      className={props.className}
      onSubmit={form.onSubmit}
      noValidate
      aria-busy={form.busy || undefined}
      aria-labelledby={props.heading?.id}
      aria-label={props.heading ? undefined : props.label}
    >
      {props.heading && <h3 id={props.heading.id}>{props.heading.text}</h3>}
      {form.errors.form && <ErrorSummary message={form.errors.form} stale={form.errors.stale} />}
      {props.children}
      <FormButtons submit={props.submit} busy={form.busy} {...(props.onCancel ? { onCancel: props.onCancel } : {})} secondary={props.secondary ?? false}>
        {props.after}
      </FormButtons>
    </form>
  );
}

/**
 * A dialog holding one form: Add a person, Edit an indicator, Schedule a meeting… An edit
 * form names its `record` (table and id), and says so when someone else changes it meanwhile.
 */
export function FormDialog<V>(props: {
  title: string;
  form: ApiForm<V>;
  submit: string;
  onClose: () => void;
  wide?: boolean;
  record?: { entity: string; id: number } | null | undefined;
  children: ReactNode;
}) {
  return (
    <Dialog title={props.title} onClose={props.onClose} wide={props.wide ?? false}>
      <ApiFormView form={props.form} submit={props.submit} onCancel={props.onClose}>
        {props.record && <ChangedSinceOpened entity={props.record.entity} id={props.record.id} />}
        {props.children}
      </ApiFormView>
    </Dialog>
  );
}
