/**
 * Back up the vault: a backup password twice, then main's save dialog. The file holds every
 * value, sealed with this password (not the master password); the password lives only in this
 * dialog's state and the one call. Cancelling the save dialog keeps the dialog open.
 */
import type { FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { FormButtons } from '../../components/FormButtons';
import { useStore } from '../../store';
import { NewPasswordFields, useNewPassword } from '../first-run/NewPasswordFields';

/** The backup dialog. */
export function BackupDialog() {
  const createBackup = useStore((s) => s.createBackup);
  const closeDialog = useStore((s) => s.closeDialog);
  const pw = useNewPassword();
  const { error, busy, run } = useDialogAction();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!pw.check()) return;
    void run(async () => {
      const r = await createBackup(pw.password);
      if (!r.saved) return ''; // cancelled in the save dialog: stay, say nothing
      pw.clear();
      closeDialog();
    });
  };

  return (
    <Dialog title="Back up the vault" onClose={closeDialog}>
      <form onSubmit={onSubmit} noValidate className="settings-form">
        <p>
          Saves one file with <strong>every token and its value</strong>, notes, history and custom platforms, encrypted with
          the backup password you choose here. Anyone with the file and this password can read your tokens; without the
          password the file is useless — it cannot be recovered.
        </p>
        <NewPasswordFields state={pw} label="Backup password" confirmLabel="Confirm backup password" help="Used only for this file; it can differ from your master password." />
        <DialogError error={error} />
        <FormButtons onCancel={closeDialog} busy={busy} submitLabel="Save…" />
      </form>
    </Dialog>
  );
}
