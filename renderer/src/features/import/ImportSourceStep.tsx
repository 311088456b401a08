/** Import, step 1: what kind of file, and which one (main's open dialog picks it). */
import { useId } from 'react';
import { IMPORT_FORMATS } from '../../../../shared/ipc/file-schemas';
import { FieldError } from '../../components/FieldError';
import type { ImportChosen, ImportFormat } from '../../store/file-flows-slice';
import { formatSize } from '../files/BackupFilePicker';

export const FORMAT_TEXT: Readonly<Record<ImportFormat, { label: string; help: string }>> = {
  env: { label: '.env file', help: 'KEY=value lines; every token is filed under the account you give next.' },
  csv: { label: 'CSV file', help: 'A header row, then one token per row; you match its columns to the token’s fields next.' },
  keepassxc: { label: 'KeePassXC CSV export', help: 'Database → Export → CSV file. Its TOTP column is never read.' },
};

interface SourceProps {
  readonly format: ImportFormat;
  readonly onFormat: (f: ImportFormat) => void;
  readonly file: ImportChosen | null;
  readonly onChoose: () => void;
  readonly busy: boolean;
  /** "Choose a file first." */
  readonly missing: string | null;
  readonly chooseId: string;
}

/** The format radios and the file chooser. */
export function ImportSourceStep({ format, onFormat, file, onChoose, busy, missing, chooseId }: SourceProps) {
  const base = useId();
  return (
    <>
      <fieldset className="choice-group">
        <legend>File format</legend>
        {IMPORT_FORMATS.map((f) => (
          <div className="choice" key={f}>
            <input id={`${base}-${f}`} type="radio" name={`${base}-format`} value={f} checked={format === f} onChange={() => onFormat(f)} aria-describedby={`${base}-${f}-help`} />
            <label htmlFor={`${base}-${f}`}>{FORMAT_TEXT[f].label}</label>
            <span id={`${base}-${f}-help`} className="field-help">
              {FORMAT_TEXT[f].help}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="field file-picker">
        <div className="button-row">
          <button type="button" id={chooseId} disabled={busy} onClick={onChoose} aria-describedby={`${base}-file${missing ? ` ${base}-missing` : ''}`}>
            {file === null ? 'Choose file…' : 'Choose another file…'}
          </button>
        </div>
        <p id={`${base}-file`} className="field-help" aria-live="polite">
          {file === null ? (
            'No file chosen yet.'
          ) : (
            <>
              File: <strong>{file.fileName}</strong> ({formatSize(file.sizeBytes)})
            </>
          )}
        </p>
        <FieldError id={`${base}-missing`} message={missing} />
      </div>
    </>
  );
}
