/**
 * What every confirm dialog does with its one action: disable the button while it runs, and
 * show a failure in the dialog's own live region (the dialog stays open so the user can retry).
 */
import { useState } from 'react';
import { toUiError } from '../api/client';

/** Busy flag, error text, and `run` for a dialog's action. */
export function useDialogAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `action`; a returned string is shown as the error (the action did not complete). */
  const run = async (action: () => Promise<string | void>): Promise<void> => {
    setBusy(true);
    try {
      const problem = await action();
      if (typeof problem === 'string') {
        setBusy(false);
        setError(problem);
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
