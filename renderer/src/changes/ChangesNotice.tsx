import { useChanges } from './store';

/**
 * The small notice of others' changes ("alice updated action A42 ‘…’"), in a polite live
 * region that is always in the page so screen readers hear each new line. It goes by itself
 * after a few seconds (./store.ts), or with Dismiss.
 */
export function ChangesNotice() {
  const notice = useChanges((s) => s.notice);
  const problem = useChanges((s) => s.problem);
  const dismiss = useChanges((s) => s.dismiss);
  const text = notice || problem || '';
  return (
    <div className={text ? 'changes-notice changes-notice-shown' : 'changes-notice'} role="status" aria-live="polite">
      {text && <span className="changes-notice-text">{text}</span>}
      {notice && (
        <button type="button" className="button-link" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
