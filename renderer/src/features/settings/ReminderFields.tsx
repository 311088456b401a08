/**
 * Settings → Renewal reminders: the default days before expiry (a token may have its own),
 * the hour reminders fire at, and whether a notification names the token (off by default). Controlled by the settings form, which checks the days with the
 * shared schema on Save (lib/reminder-days.ts).
 */
import { useId } from 'react';
import { FieldError } from '../../components/FieldError';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourText = (h: number): string => `${String(h).padStart(2, '0')}:00`;

interface ReminderFieldsProps {
  /** The days as typed ("7, 1"). */
  readonly days: string;
  readonly hour: number;
  readonly onDays: (text: string) => void;
  readonly onHour: (hour: number) => void;
  /** "Name the token in notifications" (never while locked). */
  readonly nameTokens: boolean;
  readonly onNameTokens: (on: boolean) => void;
  readonly error?: string | null;
  /** The days input's id (the form focuses it on a problem). */
  readonly daysId: string;
}

/** The reminders fieldset. */
export function ReminderFields({ days, hour, onDays, onHour, nameTokens, onNameTokens, error, daysId }: ReminderFieldsProps) {
  const hourId = useId();
  const nameHelpId = useId();
  const helpId = `${daysId}-help`;
  return (
    <fieldset className="reminders">
      <legend>Renewal reminders</legend>
      <div className="field">
        <label htmlFor={daysId}>Remind days before expiry</label>
        <input
          id={daysId}
          type="text"
          inputMode="numeric"
          placeholder="7, 1"
          value={days}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${helpId} ${daysId}-error` : helpId}
          onChange={(e) => onDays(e.target.value)}
        />
        <p id={helpId} className="field-help">
          Whole days, separated by commas (0 = on the expiry day), at most 10. Leave empty for no reminders. A token can
          have its own days (Edit).
        </p>
        <FieldError id={`${daysId}-error`} message={error} />
      </div>
      <div className="field">
        <label htmlFor={hourId}>Remind at</label>
        <select id={hourId} value={hour} onChange={(e) => onHour(Number(e.target.value))}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {hourText(h)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={nameTokens} aria-describedby={nameHelpId} onChange={(e) => onNameTokens(e.target.checked)} /> Name the
          token in notifications
        </label>
        <p id={nameHelpId} className="field-help">
          Off: a reminder says only when a token expires (&ldquo;A token expires in 3 days&rdquo;). Your system may keep
          notifications in its history. While the vault is locked, no notification names a token.
        </p>
      </div>
    </fieldset>
  );
}
