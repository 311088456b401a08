/**
 * Import, step 2: the account and client to file the tokens under, a platform for rows that
 * name none, and for CSV which column holds which field (main's guess filled in).
 */
import { useId } from 'react';
import { LIMITS } from '../../../../shared/domain/limits';
import { PLATFORMS } from '../../../../shared/domain/platform-ids';
import { FieldError } from '../../components/FieldError';
import type { ImportChosen, ImportFormat } from '../../store/file-flows-slice';
import { CSV_FIELDS, type CsvField, type ImportOptions, type OptionErrors } from './import-options';

interface OptionsProps {
  readonly format: ImportFormat;
  readonly file: ImportChosen;
  readonly options: ImportOptions;
  readonly errors: OptionErrors;
  readonly onChange: (o: ImportOptions) => void;
  /** Field ids, for focusing the first problem. */
  readonly idOf: (field: keyof OptionErrors) => string;
}

/** The options form (inside the wizard's form). */
export function ImportOptionsStep({ format, file, options, errors, onChange, idOf }: OptionsProps) {
  const base = useId();
  const set = (patch: Partial<ImportOptions>) => onChange({ ...options, ...patch });
  const described = (field: keyof OptionErrors, help?: string) => [errors[field] ? `${idOf(field)}-error` : '', help ?? ''].filter(Boolean).join(' ') || undefined;

  const text = (field: 'account' | 'client', label: string, help: string, required = false) => (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <input
        id={idOf(field)}
        type="text"
        value={options[field]}
        maxLength={LIMITS.labelMaxChars}
        autoComplete="off"
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={described(field, `${base}-${field}-help`)}
        onChange={(e) => set({ [field]: e.target.value })}
      />
      <p id={`${base}-${field}-help`} className="field-help">
        {help}
      </p>
      <FieldError id={`${idOf(field)}-error`} message={errors[field]} />
    </div>
  );

  return (
    <>
      {text(
        'account',
        'Account',
        format === 'env' ? 'Required: a .env file names no account, so every token is filed under this one.' : 'For rows that name no account.',
        format === 'env',
      )}
      {text('client', 'Client', 'Optional: the client every imported token is for (rows that name one keep theirs).')}
      <div className="field">
        <label htmlFor={`${base}-platform`}>Default platform</label>
        <select id={`${base}-platform`} value={options.platform} aria-describedby={`${base}-platform-help`} onChange={(e) => set({ platform: e.target.value })}>
          <option value="">— recognise from the file —</option>
          {PLATFORMS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <p id={`${base}-platform-help`} className="field-help">
          For rows whose token, name or URL does not tell the platform.
        </p>
      </div>
      {format === 'csv' && (
        <fieldset className="column-mapping">
          <legend>Columns</legend>
          <p className="field-help">Which column of “{file.fileName}” holds each field. Token and name are required.</p>
          <div className="mapping-grid">
            {CSV_FIELDS.map(({ field, label, required }) => {
              const key = `column-${field}` as const;
              return (
                <div className="field" key={field}>
                  <label htmlFor={idOf(key)}>{label} column</label>
                  <select
                    id={idOf(key)}
                    value={options.mapping[field] ?? ''}
                    aria-required={required || undefined}
                    aria-invalid={errors[key] ? true : undefined}
                    aria-describedby={described(key)}
                    onChange={(e) => set({ mapping: { ...options.mapping, [field as CsvField]: e.target.value } })}
                  >
                    <option value="">— not in the file —</option>
                    {file.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${idOf(key)}-error`} message={errors[key]} />
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
    </>
  );
}
