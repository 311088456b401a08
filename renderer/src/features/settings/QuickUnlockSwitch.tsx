/** Quick unlock through the OS keychain: the backend, its strength, and an on/off switch. */
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
  const id = useId();

  useEffect(() => {
    void loadKeychain();
  }, [loadKeychain]);

  if (keychain === null) return <p className="muted">Checking the OS keychain…</p>;
  const unusable = keychain.available.strength === 'none';

  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await setQuickUnlock(on);
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
      <DialogError error={error} />
    </fieldset>
  );
}
