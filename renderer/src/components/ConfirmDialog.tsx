import { useState, type ReactNode } from 'react';
import type { StaleDetail } from '../../../main/shared/errors';
import { messageOf } from '../api';
import { staleOf } from './StaleDetails';
import { Dialog } from './Dialog';
import { ErrorSummary } from './ErrorSummary';

/**
 * Asks before something that cannot be undone. If the workspace refuses (e.g. an
 * organisation people still belong to), the refusal is shown here and the dialog stays.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleDetail | undefined>(undefined);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (err) {
      setError(messageOf(err));
      setStale(staleOf(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      {error && <ErrorSummary message={error} stale={stale} />}
      <div className="confirm-text">{props.children}</div>
      <div className="button-row">
        <button type="button" className={props.danger ? 'button button-danger' : 'button'} onClick={() => void confirm()} disabled={busy}>
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
