/**
 * A labelled password input: the master password (first run, unlock) and a platform account
 * password (Jelastic revoke/rotate). Never echoed, never spell-checked, length-capped like the
 * IPC schema; an inline error and a help line are wired to aria-describedby.
 */
import { LIMITS } from '../../../shared/domain/limits';
import { FieldError } from './FieldError';

interface PasswordFieldProps {
  /** The input's id (callers focus it on a problem). */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: 'new-password' | 'current-password' | 'off';
  /** Inline problem; marks the input invalid. */
  readonly error?: string | null;
  readonly help?: string;
  /** Another element describing the input (a form-level alert). */
  readonly describedBy?: string | undefined;
  readonly autoFocus?: boolean;
}

/** One password field in a `.field` block. */
export function PasswordField({ id, label, value, onChange, autoComplete, error, help, describedBy, autoFocus }: PasswordFieldProps) {
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const described = [error ? errorId : null, help ? helpId : null, describedBy ?? null].filter((x) => x !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        spellCheck={false}
        value={value}
        maxLength={LIMITS.passwordMaxChars}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
        autoFocus={autoFocus}
      />
      <FieldError id={errorId} message={error} />
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
