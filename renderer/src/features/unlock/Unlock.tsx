/** The lock screen: master password, or quick unlock through the OS keychain when set up. */
import { useId, useState, type FormEvent } from 'react';
import { AlertRegion } from '../../components/AlertRegion';
import { DialogError } from '../../components/dialog-action';
import { PasswordField } from '../../components/PasswordField';
import { useStore } from '../../store';

/** The unlock screen. */
export function Unlock() {
  const unlock = useStore((s) => s.unlock);
  const unlockWithKeychain = useStore((s) => s.unlockWithKeychain);
  const quickUnlock = useStore((s) => s.quickUnlock);
  const busy = useStore((s) => s.busy);
  const sessionError = useStore((s) => s.sessionError);
  const [password, setPassword] = useState('');
  const pwId = useId();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (password === '') return;
    const ok = await unlock(password);
    if (!ok) {
      setPassword('');
      document.getElementById(pwId)?.focus();
    }
  };

  return (
    <main className="gate" aria-labelledby="unlock-title">
      <h1 id="unlock-title">Unlock your vault</h1>
      <form onSubmit={(e) => void onSubmit(e)} className="gate-form">
        <PasswordField
          id={pwId}
          label="Master password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          describedBy={sessionError ? `${pwId}-alert` : undefined}
          autoFocus
        />
        <DialogError id={`${pwId}-alert`} error={sessionError} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || password === ''}>
            Unlock
          </button>
          {quickUnlock && (
            <button type="button" disabled={busy} onClick={() => void unlockWithKeychain()}>
              Unlock with keychain
            </button>
          )}
        </div>
      </form>
      <AlertRegion />
    </main>
  );
}
