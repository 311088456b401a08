/**
 * Add or edit a token: the dialog and the order of its fields. The value is recognised offline
 * as it changes (use-value-recognition): the platform, and for a JWT the expiry and subject, are
 * filled in, and a platform the value's format contradicts is warned about and refused until the
 * user says otherwise. Nothing is sent anywhere to do so. The state and Save live in
 * use-token-form; each group of fields in its own component.
 */
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/domain/limits';
import { Dialog } from '../../components/Dialog';
import { FormButtons } from '../../components/FormButtons';
import { DialogError } from '../../components/dialog-action';
import { useStore } from '../../store';
import { ExpiryAndReminderFields } from './ExpiryAndReminderFields';
import { PlatformSpecificFields } from './PlatformSpecificFields';
import { ReplaceNotice } from './ReplaceNotice';
import { ScopesField } from './ScopesField';
import { TextField, TokenField } from './TokenField';
import { useTokenForm } from './use-token-form';
import { ValueAndPlatformFields } from './ValueAndPlatformFields';

/** The dialog; `editId` null means adding. */
export function TokenDialog({ editId }: { editId: string | null }) {
  const closeDialog = useStore((s) => s.closeDialog);
  const customPlatformsLoaded = useStore((s) => s.customPlatformsLoaded);
  const loadCustomPlatforms = useStore((s) => s.loadCustomPlatforms);
  const state = useTokenForm(editId);
  const { values, token } = state;

  // Loaded as the dialog opens, not when "custom" is chosen, so the select has its choices at once.
  useEffect(() => {
    if (!customPlatformsLoaded) void loadCustomPlatforms();
  }, [customPlatformsLoaded, loadCustomPlatforms]);

  return (
    <Dialog title={state.isEdit ? `Edit token${token ? ` “${token.name}”` : ''}` : 'Add token'} onClose={closeDialog} className="dialog-wide">
      <form onSubmit={(e) => void state.onSubmit(e)} noValidate className="token-form">
        <ValueAndPlatformFields state={state} />
        <PlatformSpecificFields state={state} />
        <TextField state={state} name="name" label="Name" input={{ maxLength: LIMITS.nameMaxChars }} />
        <TextField state={state} name="account" label="Account" input={{ maxLength: LIMITS.labelMaxChars }} />
        <TextField state={state} name="client" label="Client" input={{ maxLength: LIMITS.labelMaxChars }} />
        <TextField state={state} name="username" label="Username" input={{ maxLength: LIMITS.labelMaxChars }} />
        <TextField
          state={state}
          name="baseUrl"
          label="Base URL"
          input={{ type: 'url', placeholder: values.platform === 'custom' ? 'https://api.example.com' : 'https://gitlab.example.com' }}
          help={
            values.platform === 'custom'
              ? 'Optional: the custom platform’s definition gives one; a base URL here overrides it for this account.'
              : 'Only for self-hosted instances.'
          }
        />
        <ScopesField state={state} />
        <ExpiryAndReminderFields state={state} />
        <TokenField state={state} name="notes" label="Notes">
          {(props) => (
            <textarea {...props} rows={3} value={values.notes} maxLength={LIMITS.notesMaxChars} onChange={(e) => state.set('notes', e.target.value)} />
          )}
        </TokenField>
        {state.replacing !== null && <ReplaceNotice target={state.replacing} />}
        <DialogError error={state.saveError} className="field-wide" />
        <FormButtons onCancel={closeDialog} busy={state.busy} wide />
      </form>
    </Dialog>
  );
}
