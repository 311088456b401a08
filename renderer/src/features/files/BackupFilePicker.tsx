/**
 * "Choose backup file…": main shows the system's open dialog and reads the file's header; the
 * page learns only its name, size and date, and an id to refer to it. Cancelling keeps
 * whatever was chosen before.
 */
import { useId } from 'react';
import { toUiError } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { formatTimestamp } from '../../lib/format';
import { useStore } from '../../store';
import type { BackupInfo } from '../../store/file-flows-slice';

/** "12.3 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface PickerProps {
  readonly file: BackupInfo | null;
  readonly onChosen: (file: BackupInfo) => void;
  readonly onError: (message: string) => void;
  readonly disabled?: boolean;
  /** The button's id (callers focus it when no file is chosen yet). */
  readonly buttonId?: string;
  /** A problem to show under the button ("choose a file first"). */
  readonly error?: string | null;
}

/** The button and what was chosen. */
export function BackupFilePicker({ file, onChosen, onError, disabled = false, buttonId, error }: PickerProps) {
  const chooseBackup = useStore((s) => s.chooseBackup);
  const infoId = useId();
  const choose = async () => {
    try {
      const chosen = await chooseBackup();
      if (chosen !== null) onChosen(chosen);
    } catch (e) {
      onError(toUiError(e).message);
    }
  };
  return (
    <div className="field file-picker">
      <div className="button-row">
        <button type="button" id={buttonId} disabled={disabled} onClick={() => void choose()} aria-describedby={error ? `${infoId} ${infoId}-error` : infoId}>
          {file === null ? 'Choose backup file…' : 'Choose another file…'}
        </button>
      </div>
      <p id={infoId} className="field-help" aria-live="polite">
        {file === null ? (
          'No file chosen yet.'
        ) : (
          <>
            Backup file: <strong>{file.fileName}</strong> — written {formatTimestamp(file.createdAt)}, {formatSize(file.sizeBytes)}
          </>
        )}
      </p>
      <FieldError id={`${infoId}-error`} message={error} />
    </div>
  );
}
