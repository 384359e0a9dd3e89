import { useId, type ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export interface Column<T> {
  header: string;
  /** The header is for screen readers only (a column of buttons). */
  hideHeader?: boolean;
  numeric?: boolean;
  /** This column's cell names the row (a <th scope="row">). */
  rowHeader?: boolean;
  className?: string;
  cell: (row: T) => ReactNode;
}

/**
 * A list as a table: a caption (for screen readers unless shown), a header row, one row
 * per record; with no records, the `empty` sentence instead of an empty table.
 */
export function DataTable<T>(props: {
  caption: ReactNode;
  showCaption?: boolean;
  columns: readonly (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Said when there are no rows; without it nothing is shown. */
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  /** data- attributes of a row, e.g. { code: 'LOC-9' } for data-code. */
  rowData?: (row: T) => Record<string, string | number>;
  className?: string;
  /** Rows after the records, e.g. a total. */
  footer?: ReactNode;
  testId?: string;
}) {
  const columns = props.columns.filter((c): c is Column<T> => c !== false);
  const captionId = useId();
  if (props.rows.length === 0) return props.empty ? <p className="empty">{props.empty}</p> : null;
  return (
    <TableScroll labelledBy={captionId}>
      <table className={props.className ?? 'table'} data-testid={props.testId}>
        <caption id={captionId} className={props.showCaption ? undefined : 'visually-hidden'}>{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} className={props.rowClassName?.(row)} {...dataAttributes(props.rowData?.(row))}>
              {columns.map((c, i) => {
                const className = [c.numeric ? 'numeric' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
                return c.rowHeader ? (
                  <th key={i} scope="row" className={className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={className}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
          {props.footer}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The last column of a list, the row's buttons, under a header only screen readers hear: { ...ACTIONS_COLUMN, cell }. */
export const ACTIONS_COLUMN = { header: 'Actions', hideHeader: true, className: 'row-actions' } as const;

function dataAttributes(data: Record<string, string | number> | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
}

/** Edit, History and Delete for a record in a list, each named for the record it acts on. */
export function RecordActions(props: { name: string; onEdit: () => void; onHistory: () => void; onDelete: () => void }) {
  return (
    <>
      <button type="button" className="button-link" aria-label={`Edit ${props.name}`} onClick={props.onEdit}>
        Edit
      </button>
      <button type="button" className="button-link" aria-label={`History of ${props.name}`} onClick={props.onHistory}>
        History
      </button>
      <button type="button" className="button-link danger" aria-label={`Delete ${props.name}`} onClick={props.onDelete}>
        Delete
      </button>
    </>
  );
}
