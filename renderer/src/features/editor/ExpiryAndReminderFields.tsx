/**
 * When the token expires, and when to be reminded of it: the settings' default days, none, or
 * the token's own days. Reminders hang on the expiry date, so the help says when a choice has
 * nothing to fire on.
 */
import { DEFAULT_REMINDER_DAYS } from '../../../../shared/domain/reminder-policy';
import { describeReminderDays } from '../../lib/reminder-days';
import { useStore } from '../../store';
import { TextField, TokenField } from './TokenField';
import type { TokenFormState } from './use-token-form';

/** "Expires", "Reminders", and with custom reminders "Remind days before expiry". */
export function ExpiryAndReminderFields({ state }: { state: TokenFormState }) {
  const defaultDays = useStore((s) => s.settings?.reminderDays ?? DEFAULT_REMINDER_DAYS);
  const { values, set } = state;
  return (
    <>
      <TokenField state={state} name="expiresAt" label="Expires">
        {(props) => <input {...props} type="date" value={values.expiresAt} onChange={(e) => set('expiresAt', e.target.value)} />}
      </TokenField>
      <TokenField
        state={state}
        name="reminderMode"
        label="Reminders"
        help={values.expiresAt === '' && values.reminderMode !== 'none' ? 'Reminders fire only for a token with an expiry date.' : undefined}
      >
        {(props) => (
          <select {...props} value={values.reminderMode} onChange={(e) => set('reminderMode', e.target.value)}>
            <option value="default">Default ({describeReminderDays(defaultDays)})</option>
            <option value="custom">Custom days</option>
            <option value="none">No reminders</option>
          </select>
        )}
      </TokenField>
      {values.reminderMode === 'custom' && (
        <TextField
          state={state}
          name="reminderDays"
          label="Remind days before expiry"
          input={{ inputMode: 'numeric', placeholder: '14, 3' }}
          help="Whole days, separated by commas (0 = on the expiry day)."
        />
      )}
    </>
  );
}
