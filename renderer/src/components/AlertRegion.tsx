/** The app-wide error message: a live region that is always present, so it is announced. */
import { useStore } from '../store';

/** Shows `ui.error` with a dismiss button. */
export function AlertRegion() {
  const error = useStore((s) => s.error);
  const clearError = useStore((s) => s.clearError);
  return (
    <div role="alert" className={error ? 'alert alert-error' : 'alert-empty'}>
      {error && (
        <>
          <span>{error}</span>
          <button type="button" className="link-button" onClick={clearError}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
