/** First run: choose the master password and create the vault. */
import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/domain/limits';
import { AlertRegion } from '../../components/AlertRegion';
import { DialogError } from '../../components/dialog-action';
import { PasswordField } from '../../components/PasswordField';
import { useStore } from '../../store';
import { StrengthMeter } from './StrengthMeter';

/** Problems with the two passwords, or nulls when they can be used. */
export function validateNewPassword(password: string, confirm: string): { password: string | null; confirm: string | null } {
  return {
    password: [...password].length < LIMITS.passwordMinChars ? `Use at least ${LIMITS.passwordMinChars} characters.` : null,
    confirm: confirm !== password ? 'The passwords do not match.' : null,
  };
}

/** The create-vault screen. */
export function FirstRun() {
  const createVault = useStore((s) => s.createVault);
  const busy = useStore((s) => s.busy);
  const sessionError = useStore((s) => s.sessionError);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const pwId = useId();
  const confirmId = useId();
  const problems = validateNewPassword(password, confirm);
  const shown = submitted ? problems : { password: null, confirm: null };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problems.password || problems.confirm) {
      document.getElementById(problems.password ? pwId : confirmId)?.focus();
      return;
    }
    void createVault(password);
  };

  return (
    <main className="gate" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Create your vault</h1>
      <p>
        PAT Vault keeps your access tokens encrypted on this computer. Choose a master password: it is the only way
        to open the vault, and it cannot be recovered.
      </p>
      <form onSubmit={onSubmit} noValidate className="gate-form">
        <PasswordField id={pwId} label="Master password" autoComplete="new-password" value={password} onChange={setPassword} error={shown.password} autoFocus />
        <StrengthMeter password={password} />
        <PasswordField id={confirmId} label="Confirm password" autoComplete="new-password" value={confirm} onChange={setConfirm} error={shown.confirm} />
        <DialogError error={sessionError} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create vault'}
        </button>
      </form>
      <AlertRegion />
    </main>
  );
}
