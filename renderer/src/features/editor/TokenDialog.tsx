/**
 * Add or edit a token. The value is recognised offline as it changes (use-value-recognition):
 * the platform, and for a JWT the expiry and subject, are filled in, and a platform the value's
 * format contradicts is warned about and refused until the user says otherwise. Nothing is sent
 * anywhere to do so. The value lives only in this form's local state until saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../../../shared/domain/limits';
import { PLATFORMS } from '../../../../shared/domain/platform-ids';
import { DEFAULT_REMINDER_DAYS } from '../../../../shared/domain/reminder-policy';
import { toUiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { FormButtons } from '../../components/FormButtons';
import { DialogError } from '../../components/dialog-action';
import { describeReminderDays } from '../../lib/reminder-days';
import { useStore } from '../../store';
import { CustomPlatformSelect } from './CustomPlatformSelect';
import { PlatformMismatch } from './PlatformMismatch';
import { ReplaceNotice, useReplaceTarget } from './ReplaceNotice';
import { EMPTY_FORM, formFromToken, parseScopes, toNewToken, toPatch, type FieldErrors, type FormField, type TokenForm } from './token-form';
import { useValueRecognition } from './use-value-recognition';
import { YWH_ACCESS, YWH_ACCESS_LABEL, YWH_ROLES, YWH_ROLE_LABEL, YWH_SCOPES, YWH_SCOPE_LABEL } from '../../../../shared/domain/yeswehack';

/** The dialog; `editId` null means adding. */
export function TokenDialog({ editId }: { editId: string | null }) {
  const token = useStore((s) => (editId === null ? null : (s.tokens.find((t) => t.id === editId) ?? null)));
  const details = useStore((s) => (editId !== null && s.details?.id === editId ? s.details : null));
  const addToken = useStore((s) => s.addToken);
  const editToken = useStore((s) => s.editToken);
  const closeDialog = useStore((s) => s.closeDialog);
  const openDialog = useStore((s) => s.openDialog);
  const showToast = useStore((s) => s.showToast);
  const customPlatforms = useStore((s) => s.customPlatforms);
  const customPlatformsLoaded = useStore((s) => s.customPlatformsLoaded);
  const loadCustomPlatforms = useStore((s) => s.loadCustomPlatforms);
  const defaultDays = useStore((s) => s.settings?.reminderDays ?? DEFAULT_REMINDER_DAYS);

  const initial = useRef<TokenForm>(token ? formFromToken(token, details?.notes ?? '') : EMPTY_FORM);
  const [form, setForm] = useState<TokenForm>(initial.current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notesTouched = useRef(false);
  const base = useId();
  const isEdit = editId !== null;
  const recognition = useValueRecognition(form, setForm, isEdit);
  const replacing = useReplaceTarget(form, isEdit);

  // Notes arrive with the details: fill them in if the user has not typed any yet.
  useEffect(() => {
    if (details && !notesTouched.current && initial.current.notes !== details.notes) {
      initial.current = { ...initial.current, notes: details.notes };
      setForm((f) => ({ ...f, notes: details.notes }));
    }
  }, [details]);

  useEffect(() => {
    if (!customPlatformsLoaded) void loadCustomPlatforms();
  }, [customPlatformsLoaded, loadCustomPlatforms]);

  const set = (field: FormField, value: string) => {
    if (field === 'notes') notesTouched.current = true;
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const result = isEdit ? toPatch(initial.current, form) : toNewToken(form);
    // The platform question first: its answer may change what the other fields should hold.
    if (recognition.refuseSave()) {
      setErrors(result.ok ? {} : result.errors);
      return;
    }
    if (!result.ok) {
      setErrors(result.errors);
      const first = FIELD_ORDER.find((f) => result.errors[f] !== undefined);
      if (first) document.getElementById(`${base}-${first}`)?.focus();
      return;
    }
    const accept = recognition.acceptedMismatch ? { platformMismatchOk: true } : {};
    setBusy(true);
    try {
      if (isEdit) {
        if (Object.keys(result.value).length > 0) await editToken(editId, { ...(result.value as Parameters<typeof editToken>[1]), ...accept });
        showToast('Token saved');
      } else {
        const added = await addToken({ ...(result.value as Parameters<typeof addToken>[0]), ...accept });
        showToast(added.replaced ? `Replaced the value of “${added.token.name}”` : 'Token added');
      }
      closeDialog();
    } catch (err) {
      setBusy(false);
      const e = toUiError(err);
      if (!recognition.onSaveError(e)) setSaveError(e.message);
    }
  };

  const field = (name: FormField, label: string, input: (props: FieldProps) => ReactNode, help?: ReactNode) => {
    const id = `${base}-${name}`;
    const describedBy = [errors[name] ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={id}>{label}</label>
        {input({
          id,
          'aria-invalid': errors[name] ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
        {help && (
          <p id={`${id}-help`} className="field-help">
            {help}
          </p>
        )}
        <FieldError id={`${id}-error`} message={errors[name]} />
      </div>
    );
  };
  const text = (name: FormField, extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (props: FieldProps) => (
    <input {...props} type="text" value={form[name]} onChange={(e) => set(name, e.target.value)} autoComplete="off" spellCheck={false} {...extra} />
  );
  /** A select over a fixed list of ids, shown by their labels; "Not set" first. */
  const choice =
    <K extends string>(name: 'ywhRole' | 'ywhScope' | 'ywhAccess', ids: readonly K[], labels: Readonly<Record<K, string>>) =>
    (props: FieldProps) => (
      <select {...props} value={form[name]} onChange={(e) => set(name, e.target.value)}>
        <option value="">Not set</option>
        {ids.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    );
  const scopes = parseScopes(form.scopes);

  return (
    <Dialog title={isEdit ? `Edit token${token ? ` “${token.name}”` : ''}` : 'Add token'} onClose={closeDialog} className="dialog-wide">
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="token-form">
        {field(
          'token',
          'Token value',
          (props) => (
            <input
              {...props}
              type="password"
              className="mono"
              value={form.token}
              // The input's own value, so typing and autofill are recognised like a paste.
              onChange={(e) => {
                recognition.onValueChange(e.target.value);
                setErrors((er) => ({ ...er, token: undefined }));
              }}
              autoComplete="off"
              spellCheck={false}
            />
          ),
          <>
            {isEdit ? 'Leave empty to keep the current value. ' : 'Paste or type it: its platform (and a JWT’s expiry) are recognised on this computer. '}
            <span aria-live="polite">{recognition.hint}</span>
          </>,
        )}
        {field('platform', 'Platform', (props) => (
          <select
            {...props}
            value={form.platform}
            onChange={(e) => {
              recognition.onPlatformChange(e.target.value);
              setErrors((er) => ({ ...er, platform: undefined }));
            }}
          >
            {PLATFORMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ))}
        {recognition.mismatch !== null && (
          <PlatformMismatch
            message={recognition.mismatch}
            accepted={recognition.accepted}
            onAccept={recognition.setAccepted}
            warningRef={recognition.warningRef}
          />
        )}
        {form.platform === 'custom' &&
          field(
            'customPlatform',
            'Custom platform',
            (props) => (
              <CustomPlatformSelect
                {...props}
                value={form.customPlatform}
                platforms={customPlatforms}
                current={token?.customPlatformId ? { id: token.customPlatformId, name: token.customPlatformName ?? token.customPlatformId } : null}
                onChange={(v) => set('customPlatform', v)}
              />
            ),
            customPlatformsLoaded && customPlatforms.length === 0 ? (
              <>
                No custom platform is defined yet.{' '}
                <button type="button" className="link-button" onClick={() => openDialog({ kind: 'settings' })}>
                  Define one in Settings
                </button>{' '}
                (this form closes).
              </>
            ) : (
              'Its definition says where the token goes and how it is checked (Settings → Custom platforms).'
            ),
          )}
        {form.platform === 'yeswehack' &&
          field('programSlug', 'Program slug', text('programSlug', { maxLength: 200, placeholder: 'my-program' }), 'The check reads this program: a YesWeHack PAT has no “who am I” endpoint.')}
        {form.platform === 'yeswehack' && (
          <>
            {field('ywhRole', 'Role', choice('ywhRole', YWH_ROLES, YWH_ROLE_LABEL), 'The role you created it with: it decides what the API lets it do.')}
            {field('ywhScope', 'Reaches', choice('ywhScope', YWH_SCOPES, YWH_SCOPE_LABEL))}
            {field('ywhAccess', 'Access type', choice('ywhAccess', YWH_ACCESS, YWH_ACCESS_LABEL), 'As chosen in YesWeHack’s form: read only, or read and modify.')}
          </>
        )}
        {form.platform === 'jelastic' &&
          field('platformTokenId', 'Platform token id', text('platformTokenId', { maxLength: 200 }), 'Jelastic’s own id of this token: revoke and rotate name it.')}
        {field('name', 'Name', text('name', { maxLength: LIMITS.nameMaxChars }))}
        {field('account', 'Account', text('account', { maxLength: LIMITS.labelMaxChars }))}
        {field('client', 'Client', text('client', { maxLength: LIMITS.labelMaxChars }))}
        {field('username', 'Username', text('username', { maxLength: LIMITS.labelMaxChars }))}
        {field(
          'baseUrl',
          'Base URL',
          text('baseUrl', { type: 'url', placeholder: form.platform === 'custom' ? 'https://api.example.com' : 'https://gitlab.example.com' }),
          form.platform === 'custom'
            ? 'Optional: the custom platform’s definition gives one; a base URL here overrides it for this account.'
            : 'Only for self-hosted instances.',
        )}
        {field(
          'scopes',
          'Scopes',
          text('scopes', { placeholder: 'repo, read:org' }),
          scopes.length > 0 ? (
            <span className="chips chips-wrap">
              {scopes.map((s) => (
                <span key={s} className="chip">
                  {s}
                </span>
              ))}
            </span>
          ) : (
            'Separate scopes with commas.'
          ),
        )}
        {field('expiresAt', 'Expires', (props) => (
          <input {...props} type="date" value={form.expiresAt} onChange={(e) => set('expiresAt', e.target.value)} />
        ))}
        {field(
          'reminderMode',
          'Reminders',
          (props) => (
            <select {...props} value={form.reminderMode} onChange={(e) => set('reminderMode', e.target.value)}>
              <option value="default">Default ({describeReminderDays(defaultDays)})</option>
              <option value="custom">Custom days</option>
              <option value="none">No reminders</option>
            </select>
          ),
          form.expiresAt === '' && form.reminderMode !== 'none' ? 'Reminders fire only for a token with an expiry date.' : undefined,
        )}
        {form.reminderMode === 'custom' &&
          field(
            'reminderDays',
            'Remind days before expiry',
            text('reminderDays', { inputMode: 'numeric', placeholder: '14, 3' }),
            'Whole days, separated by commas (0 = on the expiry day).',
          )}
        {field('notes', 'Notes', (props) => (
          <textarea {...props} rows={3} value={form.notes} maxLength={LIMITS.notesMaxChars} onChange={(e) => set('notes', e.target.value)} />
        ))}
        {replacing !== null && <ReplaceNotice target={replacing} />}
        <DialogError error={saveError} className="field-wide" />
        <FormButtons onCancel={closeDialog} busy={busy} wide />
      </form>
    </Dialog>
  );
}

/** The fields in the order the form shows them (focus goes to the first problem). */
const FIELD_ORDER: readonly FormField[] = [
  'token',
  'platform',
  'customPlatform',
  'programSlug',
  'platformTokenId',
  'ywhRole',
  'ywhScope',
  'ywhAccess',
  'name',
  'account',
  'client',
  'username',
  'baseUrl',
  'scopes',
  'expiresAt',
  'reminderMode',
  'reminderDays',
  'notes',
];

interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
