import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../main/workspace/backups';
import { formatBytes } from '../../../main/shared/bytes';
import { formatMoment } from '../../../main/shared/dates';
import { messageOf } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ACTIONS_COLUMN, DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { useBackups } from './backups-store';
import { useWorkspace } from './store';

/** Why a listed backup cannot be restored, in words; the page offers no Restore for it. */
const UNUSABLE: Record<NonNullable<BackupEntry['unusable']>, string> = {
  newer: 'Cannot be restored: from a newer version of the app',
  damaged: 'Cannot be restored: damaged',
};

/**
 * A backup's schema version is said only where it matters: from an older version (it is
 * brought up to date when restored) or a newer one (it cannot be restored here).
 */
function versionNote(b: BackupEntry, current: number | undefined): string {
  if (b.schemaVersion === null || current === undefined || b.schemaVersion === current) return '';
  return b.schemaVersion > current
    ? `Schema ${b.schemaVersion}; this version reads up to ${current}.`
    : `From an older version (schema ${b.schemaVersion}); brought up to date when restored.`;
}

const REASONS: Record<BackupEntry['reason'], string> = {
  daily: 'Daily',
  'before-migration': 'Before an upgrade',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-reopen': 'Before a reopen (the file had been replaced)',
  manual: 'Backed up by hand',
};

/** Settings → Backups: the workspace's backups, Back up now, and Restore. */
export function Backups() {
  const list = useBackups((s) => s.list);
  const error = useBackups((s) => s.error);
  const status = useBackups((s) => s.status);
  const load = useBackups((s) => s.load);
  const backUpNow = useBackups((s) => s.backUpNow);
  const restore = useBackups((s) => s.restore);
  const currentVersion = useWorkspace((s) => s.info?.schemaVersion);
  const takeRestoredMessage = useBackups((s) => s.takeRestoredMessage);
  const [restored] = useState(takeRestoredMessage);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  async function onBackUpNow() {
    setBusy(true);
    setActionError(null);
    try {
      await backUpNow();
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const folder = list?.[0]?.path.replace(/[\\/][^\\/]*$/, '');
  return (
    <section aria-labelledby="backups-title" className="section">
      <div className="section-header">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="button" onClick={() => void onBackUpNow()} disabled={busy}>
          Back up now
        </button>
      </div>
      <p className="hint">
        The workspace is backed up once a day while the app is open, before an upgrade changes it, before a restore, before Reopen replaces
        the workspace as the app had it, and before the command line's import writes into an existing workspace file. The last 10
        backups are kept, and one a week for 8 weeks and one a month for a year; backups you make with Back up now are never deleted.
        {folder && (
          <>
            {' '}
            They are in <span className="path">{folder}</span>.
          </>
        )}
      </p>
      <span className="status" role="status">
        {restored || status}
      </span>
      {(error || actionError) && <ErrorSummary message={(actionError ?? error)!} />}
      {list && (
        <DataTable
          caption="Backups of this workspace, newest first"
          rows={list}
          rowKey={(b) => b.name}
          testId="backups"
          empty="There are no backups of this workspace yet. Back up now makes the first."
          columns={[
            { header: 'Taken', rowHeader: true, className: 'nowrap', cell: (b) => formatMoment(b.takenAt) },
            { header: 'Why', cell: (b) => REASONS[b.reason] },
            { header: 'Size', numeric: true, className: 'nowrap', cell: (b) => formatBytes(b.bytes) },
            {
              header: 'File',
              cell: (b) => (
                <>
                  <span className="path file-name">{b.name}</span>
                  {versionNote(b, currentVersion) && <span className="hint"> {versionNote(b, currentVersion)}</span>}
                </>
              ),
            },
            {
              ...ACTIONS_COLUMN,
              cell: (b) =>
                b.unusable ? (
                  <span className="backup-unusable">{UNUSABLE[b.unusable]}</span>
                ) : (
                  <button type="button" className="button-link" aria-label={`Restore the backup taken ${formatMoment(b.takenAt)}`} onClick={() => setConfirming(b)}>
                    Restore
                  </button>
                ),
            },
          ]}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          danger
          onConfirm={() => restore(confirming.name)}
          onClose={() => setConfirming(null)}
        >
          <p>
            The workspace will be put back as it was on {formatMoment(confirming.takenAt)}. Everything entered since then will be replaced.
          </p>
          <p>
            The workspace as it is now is backed up first, so this restore can itself be undone: restore the backup marked “Before a restore”.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
