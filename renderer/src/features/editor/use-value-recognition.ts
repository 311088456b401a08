/**
 * The add/edit dialog's recognition of the token value, on every change of the field — typed,
 * pasted or autofilled alike (a paste handler alone missed the other two, and a glpat- token
 * typed in was saved as GitHub's):
 * - while the user has not chosen a platform themselves, a recognised one is selected, and the
 *   hint says so; a JWT's expiry and subject fill empty fields (and follow the value while the
 *   user leaves them as filled);
 * - when the chosen platform contradicts the value (or main refuses a save for it: on edit the
 *   stored value never reaches this page), a warning names both platforms and Save is refused
 *   until the platform changes or "Use it anyway" is ticked; the save then carries the flag.
 */
import { useMemo, useRef, useState, type RefObject } from 'react';
import { detectToken } from '../../../../shared/domain/detect';
import { isPlatformId, type PlatformId } from '../../../../shared/domain/platform-ids';
import { platformName } from '../../../../shared/domain/token-format';
import type { UiError } from '../../api/client';
import { mismatchAdvice, recognise, recognitionHint } from './token-recognition';
import type { TokenForm } from './token-form';

/** What the dialog needs from the recognition. */
export interface ValueRecognition {
  /** For the value field's onChange. */
  readonly onValueChange: (value: string) => void;
  /** For the platform select's onChange (an explicit choice: no more automatic selection). */
  readonly onPlatformChange: (platform: string) => void;
  /** The hint under the value ("Recognised as …"), or null. */
  readonly hint: string | null;
  /** The warning naming both platforms, or null when the value fits the platform. */
  readonly mismatch: string | null;
  readonly accepted: boolean;
  readonly setAccepted: (accepted: boolean) => void;
  readonly warningRef: RefObject<HTMLDivElement | null>;
  /** True (and the warning focused) when Save must not go through yet. */
  readonly refuseSave: () => boolean;
  /** True when the save must carry `platformMismatchOk`. */
  readonly acceptedMismatch: boolean;
  /** Takes main's PLATFORM_MISMATCH refusal as the warning; false for any other error. */
  readonly onSaveError: (e: UiError) => boolean;
}

/**
 * Fields a JWT's claims fill, and what was filled last (so a user's own text is never replaced).
 * Not the expiry: left empty, the vault stores the JWT's `exp` as the instant it is, where a
 * date typed here would round it to a local day.
 */
type Filled = { username: string | null };

export function useValueRecognition(form: TokenForm, setForm: (f: TokenForm) => void, isEdit: boolean): ValueRecognition {
  // On edit the token's platform is already the user's choice.
  const platformChosen = useRef(isEdit);
  const filled = useRef<Filled>({ username: null });
  const [autoPlatform, setAutoPlatform] = useState<PlatformId | null>(null);
  const [serverMismatch, setServerMismatch] = useState<string | null>(null);
  const [acceptedKey, setAcceptedKey] = useState<string | null>(null);
  const warningRef = useRef<HTMLDivElement | null>(null);

  const { detection, conflict } = useMemo(() => recognise(form.token, form.platform), [form.token, form.platform]);

  const onValueChange = (value: string) => {
    const d = value.trim() === '' ? null : detectToken(value);
    const next: TokenForm = { ...form, token: value };
    if (d?.platform && !platformChosen.current) {
      next.platform = d.platform;
      setAutoPlatform(d.platform);
    }
    const refill = (field: keyof Filled, claim: string | undefined) => {
      if (next[field] !== '' && next[field] !== filled.current[field]) return;
      next[field] = claim ?? '';
      filled.current[field] = claim ?? null;
    };
    refill('username', d?.subject);
    setServerMismatch(null);
    setForm(next);
  };

  const onPlatformChange = (platform: string) => {
    platformChosen.current = true;
    setAutoPlatform(null);
    setServerMismatch(null);
    setForm({ ...form, platform });
  };

  const chosen = isPlatformId(form.platform) ? platformName(form.platform) : form.platform;
  const mismatch = conflict
    ? `${conflict.message} ${mismatchAdvice(conflict)}`
    : serverMismatch !== null
      ? `${serverMismatch} Choose the platform it belongs to, or tick “Use it anyway” to keep ${chosen}.`
      : null;
  // Ticking applies to this one contradiction: another platform or value asks again.
  const key = conflict ? `${conflict.detected}>${conflict.chosen}` : serverMismatch !== null ? `main>${form.platform}` : null;
  const accepted = key !== null && acceptedKey === key;

  const hint = detection ? recognitionHint(detection, autoPlatform !== null && autoPlatform === form.platform ? autoPlatform : null) : null;

  return {
    onValueChange,
    onPlatformChange,
    hint,
    mismatch,
    accepted,
    setAccepted: (yes) => setAcceptedKey(yes ? key : null),
    warningRef,
    refuseSave: () => {
      if (mismatch === null || accepted) return false;
      warningRef.current?.focus();
      return true;
    },
    acceptedMismatch: mismatch !== null && accepted,
    onSaveError: (e) => {
      if (e.code !== 'PLATFORM_MISMATCH') return false;
      setServerMismatch(e.message);
      // The warning renders with this state; bring focus (and the screen reader) to it then.
      setTimeout(() => warningRef.current?.focus(), 0);
      return true;
    },
  };
}
