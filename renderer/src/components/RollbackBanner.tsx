/**
 * The vault opened older than this machine last saw it (issue 12 item 4): main's warning,
 * shown above the token view until dismissed. An alert, so screen readers announce it once.
 */
import { useStore } from '../store';

/** The rollback warning of the current unlock, if any. */
export function RollbackBanner() {
  const warning = useStore((s) => s.rollbackWarning);
  const dismiss = useStore((s) => s.dismissRollbackWarning);
  if (warning === null) return null;
  return (
    <aside className="rollback-banner" aria-label="Older vault">
      <p role="alert" className="alert alert-error">
        {warning}
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  );
}
