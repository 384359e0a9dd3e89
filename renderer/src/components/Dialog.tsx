import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes it on
 * Escape and returns focus to what opened it. The parent mounts it to open it and
 * unmounts it (on onClose) to close it.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  // The latest onClose, read when Escape is pressed: the open/close effect below must not
  // depend on onClose, or a parent passing a new function each render would close and
  // reopen the dialog on every render (blurring whatever is behind it, and looping).
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // Runs once: opens the dialog on mount, closes it on unmount. A layout effect, so that on
  // unmount close() runs while the element is still in the document and the browser can
  // hand focus back to the button that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <div className="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="button-link" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="dialog-body">{props.children}</div>
    </dialog>
  );
}
