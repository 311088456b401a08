/**
 * First run, the alternative to a new vault: create it from a backup file. The backup's own
 * password opens the file; a new master password protects the vault made from it. Main
 * creates and unlocks the vault, then the app asks where it stands, as at start-up.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { PasswordField } from '../../components/PasswordField';
import { useStore } from '../../store';
import type { BackupInfo } from '../../store/file-flows-slice';
import { BackupFilePicker } from '../files/BackupFilePicker';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';

/** The restore screen; `onBack` returns to creating a new vault. */
export function RestoreVault({ onBack }: { onBack: () => void }) {
  const restoreNewVault = useStore((s) => s.restoreNewVault);
  const [file, setFile] = useState<BackupInfo | null>(null);
  const [backupPassword, setBackupPassword] = useState('');
  const [missing, setMissing] = useState<{ file: boolean; password: boolean }>({ file: false, password: false });
  const next = useNewPassword();
  const { error, setError, busy, run } = useDialogAction();
  const title = useRef<HTMLHeadingElement>(null);
  const chooseId = useId();
  const backupPwId = useId();

  // A new screen in the same place: say so by moving focus to its title.
  useEffect(() => title.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const lacks = { file: file === null, password: backupPassword === '' };
    setMissing(lacks);
    const newOk = next.check();
    if (lacks.file || lacks.password) {
      document.getElementById(lacks.file ? chooseId : backupPwId)?.focus();
      return;
    }
    if (!newOk || file === null) return;
    void run(async () => {
      await restoreNewVault({ fileId: file.fileId, password: backupPassword, newPassword: next.password });
    }).then(() => setBackupPassword(''));
  };

  return (
    <main className="gate" aria-labelledby="restore-title">
      <h1 id="restore-title" ref={title} tabIndex={-1}>
        Restore from a backup
      </h1>
      <p>
        Creates this computer’s vault from a PAT Vault backup file: every token with its value and history, and your
        custom platforms. You need the password the backup was made with, and you choose a new master password for the vault.
      </p>
      <form onSubmit={onSubmit} noValidate className="gate-form">
        <BackupFilePicker
          file={file}
          buttonId={chooseId}
          onChosen={(f) => {
            setFile(f);
            setError(null);
            setMissing((m) => ({ ...m, file: false }));
          }}
          onError={setError}
          disabled={busy}
          error={missing.file && file === null ? 'Choose the backup file first.' : null}
        />
        <PasswordField
          id={backupPwId}
          label="Backup password"
          autoComplete="off"
          value={backupPassword}
          onChange={setBackupPassword}
          error={missing.password && backupPassword === '' ? 'Enter the password the backup was made with.' : null}
        />
        <NewPasswordFields state={next} label="New master password" confirmLabel="Confirm new master password" help="It opens the restored vault from now on, and cannot be recovered." />
        <DialogError error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Restoring…' : 'Restore vault'}
          </button>
          <button type="button" onClick={onBack} disabled={busy}>
            Create a new vault instead
          </button>
        </div>
      </form>
    </main>
  );
}
