/**
 * The token value and its platform, the two fields the recognition ties together: a value
 * typed, pasted or autofilled may pick the platform (until the user picks one), and a platform
 * the value's format contradicts brings up the warning right under them.
 */
import { PLATFORMS } from '../../../../shared/domain/platform-ids';
import { PlatformMismatch } from './PlatformMismatch';
import { TokenField } from './TokenField';
import type { TokenFormState } from './use-token-form';

/** "Token value", "Platform", and the mismatch warning when there is one. */
export function ValueAndPlatformFields({ state }: { state: TokenFormState }) {
  const { values, recognition, clearError } = state;
  return (
    <>
      <TokenField
        state={state}
        name="token"
        label="Token value"
        help={
          <>
            {state.isEdit ? 'Leave empty to keep the current value. ' : 'Paste or type it: its platform (and a JWT’s expiry) are recognised on this computer. '}
            <span aria-live="polite">{recognition.hint}</span>
          </>
        }
      >
        {(props) => (
          <input
            {...props}
            type="password"
            className="mono"
            value={values.token}
            // The input's own value, so typing and autofill are recognised like a paste.
            onChange={(e) => {
              recognition.onValueChange(e.target.value);
              clearError('token');
            }}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </TokenField>
      <TokenField state={state} name="platform" label="Platform">
        {(props) => (
          <select
            {...props}
            value={values.platform}
            onChange={(e) => {
              // An explicit choice: the recognition stops picking the platform from then on.
              recognition.onPlatformChange(e.target.value);
              clearError('platform');
            }}
          >
            {PLATFORMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </TokenField>
      {recognition.mismatch !== null && (
        <PlatformMismatch
          message={recognition.mismatch}
          accepted={recognition.accepted}
          onAccept={recognition.setAccepted}
          warningRef={recognition.warningRef}
        />
      )}
    </>
  );
}
