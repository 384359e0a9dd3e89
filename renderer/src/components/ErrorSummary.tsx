import type { StaleDetail } from '../../../main/shared/errors';
import { StaleDetails } from './StaleDetails';

/**
 * A message about the whole form or action, announced to screen readers when it appears.
 * A save refused because someone else changed the record since shows their values beside yours.
 */
export function ErrorSummary(props: { message: string; title?: string; stale?: StaleDetail | undefined; labels?: Record<string, string> }) {
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{props.title ?? (props.stale ? (props.stale.deleted ? 'Deleted by someone else' : 'Changed by someone else') : 'There is a problem')}</p>
      <p>{props.message}</p>
      {props.stale && <StaleDetails stale={props.stale} {...(props.labels ? { labels: props.labels } : {})} />}
    </div>
  );
}
