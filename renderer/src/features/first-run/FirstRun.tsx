/** First run: choose the master password and create the vault — or restore one from a backup. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AlertRegion } from '../../components/AlertRegion';
import { DialogError } from '../../components/dialog-action';
import { useStore } from '../../store';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { RestoreVault } from './RestoreVault';

/** The create-vault screen. `focusTitle`: it replaced another screen in place (focus its title). */
function CreateVault({ onRestore, focusTitle }: { onRestore: () => void; focusTitle: boolean }) {
  const createVault = useStore((s) => s.createVault);
  const busy = useStore((s) => s.busy);
  const sessionError = useStore((s) => s.sessionError);
  const pw = useNewPassword();
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusTitle) title.current?.focus();
  }, [focusTitle]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (pw.check()) void createVault(pw.password);
  };

  return (
    <main className="gate" aria-labelledby="first-run-title">
      <h1 id="first-run-title" ref={title} tabIndex={-1}>
        Create your vault
      </h1>
      <p>
        PAT Vault keeps your access tokens encrypted on this computer. Choose a master password: it is the only way
        to open the vault, and it cannot be recovered.
      </p>
      <form onSubmit={onSubmit} noValidate className="gate-form">
        <NewPasswordFields state={pw} label="Master password" confirmLabel="Confirm password" autoFocus={!focusTitle} />
        <DialogError error={sessionError} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create vault'}
        </button>
      </form>
      <p className="gate-alt">
        Moving from another computer?{' '}
        <button type="button" className="link-button" onClick={onRestore} disabled={busy}>
          Restore from a backup…
        </button>
      </p>
      <AlertRegion />
    </main>
  );
}

/** The first-run screen: create, or restore. */
export function FirstRun() {
  const [mode, setMode] = useState<'create' | 'restore' | 'create-again'>('create');
  return mode === 'restore' ? (
    <RestoreVault onBack={() => setMode('create-again')} />
  ) : (
    <CreateVault onRestore={() => setMode('restore')} focusTitle={mode === 'create-again'} />
  );
}
