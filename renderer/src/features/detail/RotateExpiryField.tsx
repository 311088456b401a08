/**
 * The new token's expiry in the rotate dialog, for platforms whose rotation takes one
 * (`rotateExpiry`: GitLab). Prefilled with the date that keeps the current expiry, never
 * shorter (shared/domain/gitlab-dates: the same rule main applies when none is sent); a
 * changed date is sent as typed.
 */
import { useId, useState } from 'react';
import type { TokenView } from '../../api/types';
import { FieldError } from '../../components/FieldError';
import { formatTimestamp } from '../../lib/format';
import { calendarDayStart } from '../../../../shared/domain/expiry';
import { gitlabExpiry, gitlabRotationDate } from '../../../../shared/domain/gitlab-dates';

/**
 * The field's state: the date shown (the kept expiry at first, fixed when the dialog opens so it
 * cannot move while open), and `chosen()` — what the rotation request carries: nothing when the
 * kept date is left as is, the date when changed, or null (with the field's error shown) when it
 * is not a date.
 */
export function useRotateExpiry(token: TokenView | null, takesExpiry: boolean) {
  const [kept] = useState(() => (takesExpiry && token ? gitlabRotationDate(token, new Date()) : ''));
  const [value, setValue] = useState(kept);
  const [error, setError] = useState<string | null>(null);
  const chosen = (): { expiresAt?: string } | null => {
    if (!takesExpiry) return {};
    if (calendarDayStart(value) === null) {
      setError('Choose the date the new token expires.');
      return null;
    }
    setError(null);
    return value === kept ? {} : { expiresAt: value };
  };
  return { value, setValue, kept: value === kept, error, chosen };
}

/** The date input "New token expires", with when that date stops the token in the user's time. */
export function RotateExpiryField({ platformName, value, onChange, kept, error }: { platformName: string; value: string; onChange: (v: string) => void; kept: boolean; error: string | null }) {
  const id = useId();
  const stops = gitlabExpiry(value);
  return (
    <div className="field">
      <label htmlFor={id}>New token expires</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`} />
      <FieldError id={`${id}-error`} message={error} />
      <p id={`${id}-help`} className="field-help">
        {kept ? 'The current token’s expiry, kept. ' : ''}
        {platformName} stops the token at 00:00 UTC on this date{stops ? ` (${formatTimestamp(stops.at)} your time)` : ''}; a date beyond its maximum
        lifetime is capped to it.
      </p>
    </div>
  );
}
