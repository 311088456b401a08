/**
 * Restore from a backup into the open vault: choose the file (main's dialog), give its
 * password, preview what a merge would do (a dry run: nothing changes), then merge. A wrong
 * password or a damaged file is shown here and the dialog stays open. Changing the file or the
 * password drops the preview: Merge is offered only for what was previewed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { PasswordField } from '../../components/PasswordField';
import { useStore } from '../../store';
import type { BackupInfo, MergeSummary } from '../../store/file-flows-slice';
import { BackupFilePicker } from './BackupFilePicker';
import { MergeSummaryView } from './MergeSummaryView';

/** The merge dialog. */
export function RestoreDialog() {
  const mergeBackup = useStore((s) => s.mergeBackup);
  const closeDialog = useStore((s) => s.closeDialog);
  const [file, setFile] = useState<BackupInfo | null>(null);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<MergeSummary | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const { error, setError, busy, run } = useDialogAction();
  const summaryTitle = useRef<HTMLHeadingElement>(null);
  const chooseId = useId();
  const passwordId = useId();

  useEffect(() => {
    if (preview !== null) summaryTitle.current?.focus();
  }, [preview]);

  const ready = (): boolean => {
    const lack = file === null ? 'Choose the backup file first.' : password === '' ? 'Enter the password the backup was made with.' : null;
    setMissing(lack);
    if (lack !== null) document.getElementById(file === null ? chooseId : passwordId)?.focus();
    return lack === null;
  };

  const onPreview = () => {
    if (!ready() || file === null) return;
    setPreview(null);
    void run(async () => {
      setPreview(await mergeBackup({ fileId: file.fileId, password, dryRun: true }));
      return ''; // stays open for Merge
    });
  };

  const onMerge = () => {
    if (preview === null || file === null) return;
    void run(async () => {
      await mergeBackup({ fileId: file.fileId, password, dryRun: false });
      setPassword('');
      closeDialog();
    });
  };

  return (
    <Dialog title="Restore from a backup" onClose={closeDialog} className="dialog-wide">
      {/* Enter in the password field previews (the safe step); Merge is always a click away. */}
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onPreview();
        }}
      >
        <p>
          Merges a PAT Vault backup into this vault. A backup token is the same as one in the vault when it has the{' '}
          <strong>same id or the same value</strong>; then <strong>the later change wins</strong>, and the losing value goes
          to the token’s history. Tokens only in the backup are added. <strong>Nothing is deleted.</strong>
        </p>
        <BackupFilePicker
          file={file}
          buttonId={chooseId}
          disabled={busy}
          error={file === null ? missing : null}
          onError={setError}
          onChosen={(f) => {
            setFile(f);
            setPreview(null);
            setError(null);
            setMissing(null);
          }}
        />
        <PasswordField
          id={passwordId}
          label="Backup password"
          autoComplete="off"
          value={password}
          onChange={(v) => {
            setPassword(v);
            setPreview(null);
          }}
          error={file !== null && password === '' ? missing : null}
        />
        {preview !== null && <MergeSummaryView ref={summaryTitle} summary={preview} />}
        <DialogError error={error} />
        <div className="button-row dialog-buttons">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            Preview
          </button>
          <button type="button" className="primary" disabled={busy || preview === null} onClick={onMerge}>
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}
