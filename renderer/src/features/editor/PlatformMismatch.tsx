/**
 * The add/edit dialog's warning that the value's format is another platform's: it names both
 * platforms (never the value) and offers the explicit "Use it anyway" the save then carries.
 * An alert, so it is announced when it appears; focusable, so a refused Save can bring the user
 * (and a screen reader) to it.
 */
import type { Ref } from 'react';

/** The warning, with its "Use it anyway" checkbox. */
export function PlatformMismatch({
  message,
  accepted,
  onAccept,
  warningRef,
}: {
  message: string;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
  warningRef: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={warningRef} tabIndex={-1} role="alert" className="alert alert-warning field-wide platform-mismatch">
      <p>{message}</p>
      <label>
        <input type="checkbox" checked={accepted} onChange={(e) => onAccept(e.target.checked)} />
        Use it anyway
      </label>
    </div>
  );
}
