/** A validation message under a field, referenced by the field's aria-describedby. */

/** Renders nothing without a message. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
