/**
 * Settings: auto-lock, clipboard clearing, reveal time, theme, renewal reminders, quick
 * unlock, and custom platforms. A custom platform's form or removal opens on top of this dialog, which is inert
 * meanwhile (the two are siblings, so neither traps the other's keys).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { settingsSchema } from '../../../../shared/ipc/schemas';
import { toUiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { FormButtons } from '../../components/FormButtons';
import { DialogError } from '../../components/dialog-action';
import { formatReminderDays, parseReminderDays } from '../../lib/reminder-days';
import { useStore } from '../../store';
import type { Settings, Theme } from '../../store/settings-slice';
import { CustomPlatformDialog } from './CustomPlatformDialog';
import { CustomPlatformsSection } from './CustomPlatformsSection';
import { QuickUnlockSwitch } from './QuickUnlockSwitch';
import { ReminderFields } from './ReminderFields';
import { RemoveCustomPlatformDialog } from './RemoveCustomPlatformDialog';

/** The dialog open on top of Settings, if any. */
type SubDialog = { readonly kind: 'edit'; readonly id: string | null } | { readonly kind: 'remove'; readonly id: string } | null;

const DEFAULTS: Settings = { autoLockMinutes: 10, clipboardClearSeconds: 30, revealSeconds: 30, theme: 'system', reminderDays: [7, 1], reminderHour: 9, nameTokensInNotifications: false };

type NumberKey = 'autoLockMinutes' | 'clipboardClearSeconds' | 'revealSeconds';
const NUMBER_FIELDS: readonly { key: NumberKey; label: string; min: number; max: number }[] = [
  { key: 'autoLockMinutes', label: 'Auto-lock after (minutes)', min: 1, max: 1440 },
  { key: 'clipboardClearSeconds', label: 'Clear clipboard after (seconds)', min: 5, max: 600 },
  { key: 'revealSeconds', label: 'Hide revealed value after (seconds)', min: 5, max: 300 },
];

/** The settings dialog. */
export function SettingsDialog() {
  const settings = useStore((s) => s.settings) ?? DEFAULTS;
  const saveSettings = useStore((s) => s.saveSettings);
  const closeDialog = useStore((s) => s.closeDialog);
  const showToast = useStore((s) => s.showToast);
  const [values, setValues] = useState<Record<NumberKey, string>>({
    autoLockMinutes: String(settings.autoLockMinutes),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    revealSeconds: String(settings.revealSeconds),
  });
  const [theme, setTheme] = useState<Theme>(settings.theme);
  const [reminderDays, setReminderDays] = useState(formatReminderDays(settings.reminderDays));
  const [reminderHour, setReminderHour] = useState(settings.reminderHour);
  const [nameTokens, setNameTokens] = useState(settings.nameTokensInNotifications);
  const [errors, setErrors] = useState<Partial<Record<NumberKey | 'reminderDays', string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [sub, setSub] = useState<SubDialog>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  const base = useId();

  // After a removal the row's button is gone: give focus to "Add custom platform" instead.
  useEffect(() => {
    if (sub === null && focusAdd.current) {
      focusAdd.current = false;
      addButton.current?.focus();
    }
  }, [sub]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      autoLockMinutes: Number(values.autoLockMinutes),
      clipboardClearSeconds: Number(values.clipboardClearSeconds),
      revealSeconds: Number(values.revealSeconds),
      theme,
    };
    const found: Partial<Record<NumberKey | 'reminderDays', string>> = {};
    for (const f of NUMBER_FIELDS) {
      const r = settingsSchema.shape[f.key].safeParse(next[f.key]);
      if (values[f.key].trim() === '' || !r.success) found[f.key] = `Enter a whole number from ${f.min} to ${f.max}.`;
    }
    const days = parseReminderDays(reminderDays);
    if (!days.ok) found.reminderDays = days.message;
    setErrors(found);
    const first = [...NUMBER_FIELDS.map((f) => f.key), 'reminderDays' as const].find((k) => found[k] !== undefined);
    if (first !== undefined) {
      document.getElementById(`${base}-${first}`)?.focus();
      return;
    }
    try {
      await saveSettings({ ...next, reminderDays: days.ok ? days.days : settings.reminderDays, reminderHour, nameTokensInNotifications: nameTokens });
      showToast('Settings saved');
      closeDialog();
    } catch (err) {
      setSaveError(toUiError(err).message);
    }
  };

  return (
    <>
      <Dialog title="Settings" onClose={closeDialog} className="dialog-wide" inert={sub !== null}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="settings-form">
          {NUMBER_FIELDS.map((f) => {
            const id = `${base}-${f.key}`;
            return (
              <div className="field" key={f.key}>
                <label htmlFor={id}>{f.label}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={values[f.key]}
                  aria-invalid={errors[f.key] ? true : undefined}
                  aria-describedby={errors[f.key] ? `${id}-error` : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                />
                <FieldError id={`${id}-error`} message={errors[f.key]} />
              </div>
            );
          })}
          <div className="field">
            <label htmlFor={`${base}-theme`}>Theme</label>
            <select id={`${base}-theme`} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <ReminderFields
            daysId={`${base}-reminderDays`}
            days={reminderDays}
            hour={reminderHour}
            onDays={(t) => {
              setReminderDays(t);
              setErrors((e) => ({ ...e, reminderDays: undefined }));
            }}
            onHour={setReminderHour}
            nameTokens={nameTokens}
            onNameTokens={setNameTokens}
            error={errors.reminderDays}
          />
          <QuickUnlockSwitch />
          <CustomPlatformsSection
            addRef={addButton}
            onAdd={() => setSub({ kind: 'edit', id: null })}
            onEdit={(id) => setSub({ kind: 'edit', id })}
            onRemove={(id) => setSub({ kind: 'remove', id })}
          />
          <DialogError error={saveError} />
          <FormButtons onCancel={closeDialog} />
        </form>
      </Dialog>
      {sub?.kind === 'edit' && <CustomPlatformDialog id={sub.id} onDone={() => setSub(null)} />}
      {sub?.kind === 'remove' && (
        <RemoveCustomPlatformDialog
          id={sub.id}
          onDone={(removed) => {
            focusAdd.current = removed;
            setSub(null);
          }}
        />
      )}
    </>
  );
}
