/**
 * Define or change a custom platform: name, base URL, where the token goes, an optional check
 * path with the status meaning "valid", an optional https token page. Checked here with the
 * shared schema (first message per field); main's refusals (a name already taken) show in the
 * dialog's alert region.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { FieldError } from '../../components/FieldError';
import { FormButtons } from '../../components/FormButtons';
import { useStore } from '../../store';
import {
  AUTH_KINDS,
  CUSTOM_FIELD_ORDER,
  EMPTY_CUSTOM_FORM,
  formFromCustomPlatform,
  toDefinition,
  type AuthKind,
  type CustomPlatformErrors,
  type CustomPlatformField,
  type CustomPlatformForm,
} from './custom-platform-form';

interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The form dialog; `id` null defines a new platform. `onDone` closes it. */
export function CustomPlatformDialog({ id, onDone }: { id: string | null; onDone: () => void }) {
  const existing = useStore((s) => (id === null ? null : (s.customPlatforms.find((p) => p.id === id) ?? null)));
  const saveCustomPlatform = useStore((s) => s.saveCustomPlatform);
  const showToast = useStore((s) => s.showToast);
  const initial = useRef<CustomPlatformForm>(existing ? formFromCustomPlatform(existing) : EMPTY_CUSTOM_FORM);
  const [form, setForm] = useState<CustomPlatformForm>(initial.current);
  const [errors, setErrors] = useState<CustomPlatformErrors>({});
  const { error, setError, busy, run } = useDialogAction();
  const base = useId();

  const set = (field: CustomPlatformField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = toDefinition(form);
    if (!result.ok) {
      setErrors(result.errors);
      const first = CUSTOM_FIELD_ORDER.find((f) => result.errors[f] !== undefined);
      if (first) document.getElementById(`${base}-${first}`)?.focus();
      return;
    }
    setErrors({});
    await run(async () => {
      const saved = await saveCustomPlatform(id, result.value);
      showToast(id === null ? `Custom platform “${saved.name}” added` : `Custom platform “${saved.name}” saved`);
      onDone();
    });
  };

  const field = (name: CustomPlatformField, label: string, input: (props: FieldProps) => ReactNode, help?: ReactNode) => {
    const fid = `${base}-${name}`;
    const describedBy = [errors[name] ? `${fid}-error` : '', help ? `${fid}-help` : ''].filter(Boolean).join(' ');
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={fid}>{label}</label>
        {input({ id: fid, 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': describedBy || undefined })}
        {help && (
          <p id={`${fid}-help`} className="field-help">
            {help}
          </p>
        )}
        <FieldError id={`${fid}-error`} message={errors[name]} />
      </div>
    );
  };
  const text =
    (name: CustomPlatformField, extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) =>
    (props: FieldProps) => (
      <input {...props} type="text" value={form[name]} onChange={(e) => set(name, e.target.value)} autoComplete="off" spellCheck={false} {...extra} />
    );

  const title = id === null ? 'Add custom platform' : `Edit custom platform${existing ? ` “${existing.name}”` : ''}`;
  return (
    <Dialog title={title} onClose={onDone} className="dialog-wide">
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="token-form">
        {field('name', 'Name', text('name', { maxLength: 80 }), 'How lists and the CLI name it; unique.')}
        {field('baseUrl', 'Base URL', text('baseUrl', { type: 'url', placeholder: 'https://api.example.com' }), 'https:// (http:// only for localhost). An account’s own base URL overrides it.')}
        {field('authKind', 'Token goes in', (props) => (
          <select {...props} value={form.authKind} onChange={(e) => set('authKind', e.target.value as AuthKind)}>
            {AUTH_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        ))}
        {form.authKind === 'header' && (
          <>
            {field('headerName', 'Header name', text('headerName', { placeholder: 'X-Api-Key', maxLength: 64 }))}
            {field('prefix', 'Prefix', text('prefix', { placeholder: 'token ', maxLength: 32 }), 'Optional text before the token, e.g. “token ” (mind the space).')}
          </>
        )}
        {form.authKind === 'bearer' && <p className="field-help field-wide">Sent as “Authorization: Bearer &lt;token&gt;”.</p>}
        {form.authKind === 'basic' &&
          field('basicUser', 'User name', text('basicUser', { maxLength: 128 }), 'Sent with the token as the password (“Authorization: Basic”). May be empty.')}
        {form.authKind === 'query' && field('paramName', 'Parameter name', text('paramName', { placeholder: 'api_key', maxLength: 64 }), 'Sent as ?name=<token> on every request.')}
        {field('checkPath', 'Check path', text('checkPath', { placeholder: '/api/me', maxLength: 512 }), 'Below the base URL; answers when the token works. Empty: tokens are not checked.')}
        {field('validStatus', 'Status meaning valid', text('validStatus', { type: 'number', inputMode: 'numeric', min: 200, max: 299, step: 1 }), 'A 2xx code; 200 unless the platform says otherwise.')}
        {field('tokenPageUrl', 'Token page URL', text('tokenPageUrl', { type: 'url', placeholder: 'https://example.com/settings/tokens', maxLength: 2048 }), 'Optional https page where tokens are managed (shown for guided revoke).')}
        <div className="field-wide">
          <DialogError error={error} />
        </div>
        <FormButtons onCancel={onDone} busy={busy} wide />
      </form>
    </Dialog>
  );
}
