/**
 * The fields only some platforms use, shown for the chosen platform alone. A field the platform
 * does not use counts as empty on save (token-form's platformSpecifics), so switching platform
 * away clears it rather than keeping a value nobody can see.
 */
import { CustomPlatformField } from './CustomPlatformField';
import { TextField } from './TokenField';
import type { TokenFormState } from './use-token-form';
import { YesWeHackFields } from './YesWeHackFields';

/** The chosen platform's own fields, or nothing. */
export function PlatformSpecificFields({ state }: { state: TokenFormState }) {
  switch (state.values.platform) {
    case 'custom':
      return <CustomPlatformField state={state} />;
    case 'yeswehack':
      return <YesWeHackFields state={state} />;
    case 'jelastic':
      return (
        <TextField
          state={state}
          name="platformTokenId"
          label="Platform token id"
          input={{ maxLength: 200 }}
          help="Jelastic’s own id of this token: revoke and rotate name it."
        />
      );
    default:
      return null;
  }
}
