/** The Save / Cancel row at the end of an editing form (Save submits the form). */

/**
 * Submit (disabled while busy) then Cancel. `submitLabel` names the submit button ("Save" by
 * default; "Save…" where main then asks where). `wide` spans both columns of a two-column form.
 */
export function FormButtons({
  onCancel,
  busy = false,
  wide = false,
  submitLabel = 'Save',
}: {
  onCancel: () => void;
  busy?: boolean;
  wide?: boolean;
  submitLabel?: string;
}) {
  return (
    <div className={`button-row dialog-buttons${wide ? ' field-wide' : ''}`}>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
