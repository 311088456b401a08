/**
 * The add/edit dialog's state and what Save does with it, apart from the markup: the fields as
 * typed, their messages, the core's refusal, and the save itself. The conversion and checks are
 * token-form.ts's (pure, the shared schemas); the value's recognition is use-value-recognition's.
 * The token value lives only in this state until saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toUiError } from '../../api/client';
import type { TokenView } from '../../api/types';
import { useStore } from '../../store';
import { useReplaceTarget } from './ReplaceNotice';
import { EMPTY_FORM, formFromToken, toNewToken, toPatch, type FieldErrors, type FormField, type TokenForm } from './token-form';
import { useValueRecognition, type ValueRecognition } from './use-value-recognition';

/** What the dialog and its field groups read and call. */
export interface TokenFormState {
  readonly isEdit: boolean;
  /** The token being edited (null when adding, or once it is gone from the list). */
  readonly token: TokenView | null;
  readonly values: TokenForm;
  readonly errors: FieldErrors;
  /** Sets a field as typed and drops its message. */
  readonly set: (field: FormField, value: string) => void;
  /** Drops a field's message (for the fields whose change goes through the recognition). */
  readonly clearError: (field: FormField) => void;
  /** The id of a field's control; its help and error ids derive from it. */
  readonly fieldId: (field: FormField) => string;
  readonly recognition: ValueRecognition;
  /** The token a save would give its value to (one token per user), or null. */
  readonly replacing: TokenView | null;
  /** The core's refusal, for the dialog's alert. */
  readonly saveError: string | null;
  readonly busy: boolean;
  readonly onSubmit: (e: FormEvent) => Promise<void>;
}

/** The form for `editId`, or for adding when it is null. */
export function useTokenForm(editId: string | null): TokenFormState {
  const token = useStore((s) => (editId === null ? null : (s.tokens.find((t) => t.id === editId) ?? null)));
  const details = useStore((s) => (editId !== null && s.details?.id === editId ? s.details : null));
  const addToken = useStore((s) => s.addToken);
  const editToken = useStore((s) => s.editToken);
  const closeDialog = useStore((s) => s.closeDialog);
  const showToast = useStore((s) => s.showToast);

  // What the edit patch is computed against: the token as the dialog opened on it.
  const initial = useRef<TokenForm>(token ? formFromToken(token, details?.notes ?? '') : EMPTY_FORM);
  const [values, setValues] = useState<TokenForm>(initial.current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notesTouched = useRef(false);
  const base = useId();
  const isEdit = editId !== null;
  const recognition = useValueRecognition(values, setValues, isEdit);
  const replacing = useReplaceTarget(values, isEdit);
  const fieldId = (field: FormField) => `${base}-${field}`;

  // Notes arrive with the details: fill them in if the user has not typed any yet.
  useEffect(() => {
    if (details && !notesTouched.current && initial.current.notes !== details.notes) {
      initial.current = { ...initial.current, notes: details.notes };
      setValues((f) => ({ ...f, notes: details.notes }));
    }
  }, [details]);

  const clearError = (field: FormField) => setErrors((e) => ({ ...e, [field]: undefined }));

  const set = (field: FormField, value: string) => {
    if (field === 'notes') notesTouched.current = true;
    setValues((f) => ({ ...f, [field]: value }));
    clearError(field);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const result = isEdit ? toPatch(initial.current, values) : toNewToken(values);
    // The platform question first: its answer may change what the other fields should hold.
    if (recognition.refuseSave()) {
      setErrors(result.ok ? {} : result.errors);
      return;
    }
    if (!result.ok) {
      setErrors(result.errors);
      const first = FIELD_ORDER.find((f) => result.errors[f] !== undefined);
      if (first) document.getElementById(fieldId(first))?.focus();
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
      // Main's PLATFORM_MISMATCH becomes the recognition's warning; anything else the alert.
      if (!recognition.onSaveError(e)) setSaveError(e.message);
    }
  };

  return { isEdit, token, values, errors, set, clearError, fieldId, recognition, replacing, saveError, busy, onSubmit };
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
