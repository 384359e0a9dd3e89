import type { StaleDetail } from '../../../main/shared/errors';
import { ApiError } from '../api';
import { TableScroll } from './TableScroll';

/** "jobTitle" → "Job title"; a form may name its fields as the person sees them. */
function labelOf(field: string, labels: Record<string, string> | undefined): string {
  const named = labels?.[field];
  if (named) return named;
  // A cell of a grid or register is named in words already ("Attendance of Sam Jones", "Staff, 2019-10 actual").
  if (/\s/.test(field)) return field;
  const words = field.replace(/Id$/, '').replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (typeof value === 'string' && value.startsWith('[')) return '(changed text)';
  // A choice stored as a code (in_progress, minutes_draft) reads as its words.
  if (typeof value === 'string' && /^[a-z]+(_[a-z]+)*$/.test(value)) return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
  return String(value);
}

/**
 * Someone else's change beside yours, after a save was refused as stale: each field that
 * differs, their saved value and the one you tried to save. Nothing of yours is lost: the
 * form keeps your values, so you can save again on the new version or take theirs.
 */
export function StaleDetails(props: { stale: StaleDetail; labels?: Record<string, string> }) {
  const { stale } = props;
  if (stale.deleted || stale.changes.length === 0) return null;
  return (
    <TableScroll label="Their values and yours">
      <table className="stale-table">
        <caption className="visually-hidden">Their values beside yours</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Saved by {stale.by}</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {stale.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{labelOf(c.field, props.labels)}</th>
              <td>{shown(c.theirs)}</td>
              <td>{c.yoursSent ? shown(c.yours) : '(not changed by you)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The stale detail of an error a store caught, if it is one. */
export function staleOf(err: unknown): StaleDetail | undefined {
  return err instanceof ApiError ? err.stale : undefined;
}
