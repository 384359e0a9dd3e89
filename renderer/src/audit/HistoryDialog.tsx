import { useEffect } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorSummary } from '../components/ErrorSummary';
import { AuditTrail } from './AuditTrail';
import { useAudit } from './store';

/** One record's history from the audit trail: every create, change and delete, newest first. */
export function HistoryDialog(props: { entity: string; entityId: number; name: string; onClose: () => void }) {
  const { entity, entityId } = props;
  const history = useAudit((s) => s.history);
  const loadHistory = useAudit((s) => s.loadHistory);
  const closeHistory = useAudit((s) => s.closeHistory);

  useEffect(() => {
    void loadHistory(entity, entityId);
    return closeHistory;
  }, [entity, entityId, loadHistory, closeHistory]);

  return (
    <Dialog title={`History of ${props.name}`} onClose={props.onClose} wide>
      {history?.error && <ErrorSummary message={history.error} />}
      {!history?.entries ? (
        <p aria-live="polite">Loading the history…</p>
      ) : (
        <AuditTrail entries={history.entries} emptyText="No changes have been recorded for this record." />
      )}
    </Dialog>
  );
}
