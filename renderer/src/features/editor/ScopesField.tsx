/**
 * The "Scopes" field: typed as one comma-separated line, and shown back as chips under it, so
 * the user sees how the line splits (empty pieces and stray spaces dropped) before saving.
 */
import { parseScopes } from './token-form';
import { TextField } from './TokenField';
import type { TokenFormState } from './use-token-form';

/** The input, with the parsed scopes (or how to type them) as its help. */
export function ScopesField({ state }: { state: TokenFormState }) {
  const scopes = parseScopes(state.values.scopes);
  return (
    <TextField
      state={state}
      name="scopes"
      label="Scopes"
      input={{ placeholder: 'repo, read:org' }}
      help={
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
        )
      }
    />
  );
}
