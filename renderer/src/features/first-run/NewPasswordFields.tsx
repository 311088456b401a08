/**
 * Choosing a new password — the master password at first run or on restore, a backup's own
 * password: the password, its strength, and a confirmation. Problems show after the first
 * submit, next to their field, and `check()` focuses the first one.
 */
import { useId, useState } from 'react';
import { LIMITS } from '../../../../shared/domain/limits';
import { PasswordField } from '../../components/PasswordField';
import { StrengthMeter } from './StrengthMeter';

/** Problems with the two passwords, or nulls when they can be used. */
export function validateNewPassword(password: string, confirm: string): { password: string | null; confirm: string | null } {
  return {
    password: [...password].length < LIMITS.passwordMinChars ? `Use at least ${LIMITS.passwordMinChars} characters.` : null,
    confirm: confirm !== password ? 'The passwords do not match.' : null,
  };
}

/** State of the two fields; `check()` says whether they can be used (and shows why not). */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const ids = { password: useId(), confirm: useId() };
  const problems = validateNewPassword(password, confirm);
  const check = (): boolean => {
    setSubmitted(true);
    if (problems.password === null && problems.confirm === null) return true;
    document.getElementById(problems.password !== null ? ids.password : ids.confirm)?.focus();
    return false;
  };
  /** Forgets both (after use: the password lives no longer than needed). */
  const clear = () => {
    setPassword('');
    setConfirm('');
    setSubmitted(false);
  };
  return { password, setPassword, confirm, setConfirm, ids, shown: submitted ? problems : { password: null, confirm: null }, check, clear };
}

interface FieldsProps {
  readonly state: ReturnType<typeof useNewPassword>;
  readonly label: string;
  readonly confirmLabel: string;
  readonly help?: string;
  readonly autoFocus?: boolean;
}

/** Password, strength meter, confirmation. */
export function NewPasswordFields({ state, label, confirmLabel, help, autoFocus }: FieldsProps) {
  return (
    <>
      <PasswordField
        id={state.ids.password}
        label={label}
        autoComplete="new-password"
        value={state.password}
        onChange={state.setPassword}
        error={state.shown.password}
        help={help}
        autoFocus={autoFocus}
      />
      <StrengthMeter password={state.password} />
      <PasswordField id={state.ids.confirm} label={confirmLabel} autoComplete="new-password" value={state.confirm} onChange={state.setConfirm} error={state.shown.confirm} />
    </>
  );
}
