import { useState } from 'react';
import { FILE_PROBLEM_CODES, messageOf } from '../api';
import { fileProblemOf, useWorkspace } from '../workspace/store';

const PROBLEM_TITLES: Record<string, string> = {
  'workspace.replaced': 'The workspace file was replaced',
  'workspace.missing': 'The workspace file is gone',
  'workspace.closed': 'The workspace is closed',
  'db.corrupt': 'The workspace is damaged',
};

/** Where Reopen's answer (or Open another workspace's) waits across the reload that follows it, to be shown once. */
const REOPENED_KEY = 'board-secretariat.reopened';

/**
 * Shows `message` in the banner once the page has reloaded: after the session's workspace is
 * replaced, every screen's store holds records of the old one, so the page starts afresh.
 */
export function reloadSaying(message: string): void {
  sessionStorage.setItem(REOPENED_KEY, message);
  window.location.reload();
}

/**
 * What the user must know about the open workspace file, above every screen: that another
 * program replaced or deleted it (with Reopen), that it is read-only and why (with Reopen, for
 * once it is writable again), and that it
 * lives where SQLite is not safe (a network drive, a sync folder).
 */
export function WorkspaceBanner(): React.JSX.Element | null {
  const info = useWorkspace((s) => s.info);
  const problem = useWorkspace((s) => fileProblemOf(s));
  const reopen = useWorkspace((s) => s.reopen);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reopened, setReopened] = useState<string | null>(() => sessionStorage.getItem(REOPENED_KEY));
  const location = info?.warnings.filter((w) => !FILE_PROBLEM_CODES.has(w.code)) ?? [];
  const readOnly = info?.access.readOnly ? info.access.reason : undefined;
  if (!problem && !readOnly && location.length === 0 && !reopened) return null;

  async function onReopen(): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      // Every screen's store holds records read from the old file: start them all afresh.
      reloadSaying(await reopen());
    } catch (err) {
      setFailure(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <div className="workspace-banners">
      {reopened && (
        <div className="banner banner-reopened" role="status" data-code="workspace.reopened">
          <p>{reopened}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              sessionStorage.removeItem(REOPENED_KEY);
              setReopened(null);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {problem && (
        <div className="banner banner-problem" role="alert" data-code={problem.code}>
          <p className="banner-title">{PROBLEM_TITLES[problem.code] ?? 'The workspace is closed'}</p>
          <p>{problem.message}</p>
          {failure && <p className="banner-failure">{failure}</p>}
          {/* A damaged file opened again is the same damaged file: the way out is the backup its message names. */}
          {problem.code !== 'db.corrupt' && (
            <button type="button" className="button" onClick={() => void onReopen()} disabled={busy}>
              {busy ? 'Reopening…' : 'Reopen'}
            </button>
          )}
        </div>
      )}
      {readOnly && (
        <div className="banner banner-read-only" role="status" data-code="workspace.readOnly">
          <p className="banner-title">Read-only</p>
          <p>{readOnly}</p>
          {failure && <p className="banner-failure">{failure}</p>}
          {/* Once the file is writable again, Reopen opens it for changes (the reason says to). */}
          <button type="button" className="button button-secondary" onClick={() => void onReopen()} disabled={busy}>
            {busy ? 'Reopening…' : 'Reopen'}
          </button>
        </div>
      )}
      {location.map((w) => (
        <div key={w.code} className="banner banner-location" role="status" data-code={w.code}>
          <p className="banner-title">{w.code === 'location.network' ? 'This workspace is on a network drive' : 'This workspace is in a synced folder'}</p>
          <p>{w.message}</p>
        </div>
      ))}
    </div>
  );
}
