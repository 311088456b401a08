/** The Save / Cancel row at the end of an editing form (Save submits the form). */

/** Save (submit, disabled while busy) then Cancel. `wide` spans both columns of a two-column form. */
export function FormButtons({ onCancel, busy = false, wide = false }: { onCancel: () => void; busy?: boolean; wide?: boolean }) {
  return (
    <div className={`button-row dialog-buttons${wide ? ' field-wide' : ''}`}>
      <button type="submit" className="primary" disabled={busy}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
