import type { AuditEntry } from '../../../main/workspace/contract';
import { describe, describeLine } from './describe';

/**
 * A list of audit entries, newest first: who did what and when, and for a change the
 * fields before → after. For a created or deleted record, the values it held.
 */
export function AuditTrail(props: { entries: AuditEntry[]; emptyText: string }) {
  if (props.entries.length === 0) return <p className="empty">{props.emptyText}</p>;
  return (
    <ol className="audit-trail">
      {props.entries.map((entry) => {
        const d = describe(entry);
        return (
          <li key={entry.id} className="audit-entry" data-testid="audit-entry">
            <p className="audit-line" data-testid="audit-line">{describeLine(entry)}</p>
            {entry.action !== 'update' && d.changes.length > 0 && (
              <details className="audit-details">
                <summary>{entry.action === 'create' ? 'Values when created' : 'Values when deleted'}</summary>
                <dl className="audit-values">
                  {d.changes.map((c) => (
                    <div key={c.field}>
                      <dt>{c.field}</dt>
                      <dd>{entry.action === 'create' ? c.after : c.before}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
