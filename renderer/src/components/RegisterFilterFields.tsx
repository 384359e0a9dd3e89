import { SelectField, TextField } from './fields';

/**
 * The filters of a register's export (decisions log, action log): board, status, a date
 * range and open only. They start from the screen's filters and apply to the file alone.
 * An error the export names (e.g. a To date before the From date) sits on its field.
 */
export interface RegisterFilterValue {
  boardId: number | null;
  /** "" for any status. */
  status: string;
  from: string | null;
  to: string | null;
  openOnly: boolean;
}

export function RegisterFilterFields(props: {
  /** Unique on the page: the fields' ids are `field-<id>-board` and so on. */
  id: string;
  value: RegisterFilterValue;
  onChange(patch: Partial<RegisterFilterValue>): void;
  boards: readonly { id: number; name: string }[];
  statuses: readonly { value: string; label: string }[];
  /** What the dates are of: "the decision’s date, else its meeting’s". */
  dateHint: string;
  /** "Open only (proposed or deferred)". */
  openLabel: string;
  /** The export's refusal, when it named one of these fields. */
  error?: { field: string | undefined; message: string } | null;
}) {
  const v = props.value;
  const errorOn = (field: string) => (props.error && props.error.field === field ? props.error.message : undefined);
  return (
    <fieldset className="fieldset register-filters">
      <legend>What to include</legend>
      <SelectField
        name={`${props.id}-board`}
        label="Board"
        value={v.boardId === null ? '' : String(v.boardId)}
        onChange={(s) => props.onChange({ boardId: s === '' ? null : Number(s) })}
        options={[{ value: '', label: 'All boards' }, ...props.boards.map((b) => ({ value: String(b.id), label: b.name }))]}
        error={errorOn('boardId')}
      />
      <SelectField
        name={`${props.id}-status`}
        label="Status"
        value={v.status}
        onChange={(s) => props.onChange({ status: s })}
        options={[{ value: '', label: 'Any status' }, ...props.statuses]}
        error={errorOn('status') ?? errorOn('statuses')}
      />
      <TextField name={`${props.id}-from`} label="From" hint={props.dateHint} type="date" width="short" value={v.from ?? ''} onChange={(s) => props.onChange({ from: s || null })} error={errorOn('from')} />
      <TextField name={`${props.id}-to`} label="To" type="date" width="short" value={v.to ?? ''} onChange={(s) => props.onChange({ to: s || null })} error={errorOn('to')} />
      {errorOn('openOnly') && <p className="error-message">{errorOn('openOnly')}</p>}
      <label className="checkbox">
        <input type="checkbox" name={`${props.id}-open`} checked={v.openOnly} onChange={(e) => props.onChange({ openOnly: e.target.checked })} />
        {props.openLabel}
      </label>
    </fieldset>
  );
}
