/**
 * What every confirm dialog does with its one action: disable the button while it runs, and
 * show a failure in the dialog's own live region (the dialog stays open so the user can retry,
 * with focus back where it was).
 */
import { useEffect, useRef, useState } from 'react';
import { toUiError } from '../api/client';

/** Busy flag, error text, and `run` for a dialog's action. */
export function useDialogAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusedAtStart = useRef<HTMLElement | null>(null);
  // Disabling the focused button while busy drops focus to the page (the focus fixup rule):
  // when the dialog stays open (an error, a cancelled file dialog), give focus back, or Escape
  // and Tab would no longer reach the dialog.
  useEffect(() => {
    if (busy) return;
    const el = focusedAtStart.current;
    focusedAtStart.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && el?.isConnected) el.focus();
  }, [busy]);
  /**
   * Runs `action`; a returned string is shown as the error (the action did not complete), an
   * empty one means "not done, nothing to say" (the user cancelled main's file dialog).
   */
  const run = async (action: () => Promise<string | void>): Promise<void> => {
    focusedAtStart.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy(true);
    try {
      const problem = await action();
      if (typeof problem === 'string') {
        setBusy(false);
        setError(problem === '' ? null : problem);
      }
    } catch (e) {
      setBusy(false);
      setError(toUiError(e).message);
    }
  };
  return { error, setError, busy, run };
}

/**
 * An error line for a dialog or form: an always-present live region, so a new message is
 * announced. `className` adds layout classes while it shows a message.
 */
export function DialogError({ error, id, className }: { error: string | null; id?: string; className?: string }) {
  return (
    <div id={id} role="alert" className={error ? `alert alert-error${className ? ` ${className}` : ''}` : 'alert-empty'}>
      {error}
    </div>
  );
}
