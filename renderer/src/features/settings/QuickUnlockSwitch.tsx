/**
 * Quick unlock through the OS keychain: the backend, its strength, and an on/off switch.
 * Turning it off replaces the vault key, so it asks for the master password first.
 */
import { useEffect, useId, useState } from 'react';
import { toUiError } from '../../api/client';
import { DialogError } from '../../components/dialog-action';
import { useStore } from '../../store';

/** The quick-unlock part of the settings dialog. */
export function QuickUnlockSwitch() {
  const keychain = useStore((s) => s.keychain);
  const loadKeychain = useStore((s) => s.loadKeychain);
  const setQuickUnlock = useStore((s) => s.setQuickUnlock);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);
  const [password, setPassword] = useState('');
  const id = useId();

  useEffect(() => {
    void loadKeychain();
  }, [loadKeychain]);

  if (keychain === null) return <p className="muted">Checking the OS keychain…</p>;
  const unusable = keychain.available.strength === 'none';

  const toggle = async (on: boolean, pw?: string) => {
    if (!on && pw === undefined) {
      setConfirmOff(true);
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setQuickUnlock(on, pw);
      setConfirmOff(false);
      setPassword('');
    } catch (e) {
      setError(toUiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="quick-unlock">
      <legend>Quick unlock</legend>
      <div className="switch-row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={keychain.enabled}
          disabled={busy || (unusable && !keychain.enabled)}
          aria-describedby={`${id}-info`}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <label htmlFor={id}>Unlock with the OS keychain</label>
      </div>
      <p id={`${id}-info`} className="field-help">
        Keychain: {keychain.available.backend} (strength: {keychain.available.strength}). {keychain.available.detail}
        {unusable && ' This keychain cannot protect the vault key, so quick unlock is not offered; use your master password.'}
      </p>
      {confirmOff && (
        <div className="quick-unlock-off">
          <label htmlFor={`${id}-pw`}>Master password (turning quick unlock off replaces the vault key)</label>
          <input
            id={`${id}-pw`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="button" disabled={busy || password === ''} onClick={() => void toggle(false, password)}>
            Turn off
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setConfirmOff(false);
              setPassword('');
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <DialogError error={error} />
    </fieldset>
  );
}
