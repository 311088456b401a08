/**
 * The YesWeHack fields: the program a check reads (a YesWeHack PAT has no "who am I" endpoint),
 * and the role, scope kind and access type the token was made with, which the platform never
 * reports back, so only the user can say them.
 */
import { YWH_ACCESS, YWH_ACCESS_LABEL, YWH_ROLES, YWH_ROLE_LABEL, YWH_SCOPES, YWH_SCOPE_LABEL } from '../../../../shared/domain/yeswehack';
import { TextField, TokenField, type FieldProps } from './TokenField';
import type { TokenFormState } from './use-token-form';

/** "Program slug", then the selects "Role", "Reaches" and "Access type". */
export function YesWeHackFields({ state }: { state: TokenFormState }) {
  return (
    <>
      <TextField
        state={state}
        name="programSlug"
        label="Program slug"
        input={{ maxLength: 200, placeholder: 'my-program' }}
        help="The check reads this program: a YesWeHack PAT has no “who am I” endpoint."
      />
      <TokenField state={state} name="ywhRole" label="Role" help="The role you created it with: it decides what the API lets it do.">
        {(props) => <NotSetSelect {...props} state={state} name="ywhRole" ids={YWH_ROLES} labels={YWH_ROLE_LABEL} />}
      </TokenField>
      <TokenField state={state} name="ywhScope" label="Reaches">
        {(props) => <NotSetSelect {...props} state={state} name="ywhScope" ids={YWH_SCOPES} labels={YWH_SCOPE_LABEL} />}
      </TokenField>
      <TokenField state={state} name="ywhAccess" label="Access type" help="As chosen in YesWeHack’s form: read only, or read and modify.">
        {(props) => <NotSetSelect {...props} state={state} name="ywhAccess" ids={YWH_ACCESS} labels={YWH_ACCESS_LABEL} />}
      </TokenField>
    </>
  );
}

interface NotSetSelectProps<K extends string> extends FieldProps {
  readonly state: TokenFormState;
  readonly name: 'ywhRole' | 'ywhScope' | 'ywhAccess';
  readonly ids: readonly K[];
  readonly labels: Readonly<Record<K, string>>;
}

/** A select over a fixed list of ids, shown by their labels; "Not set" ('') first, as the vault may not know. */
function NotSetSelect<K extends string>({ state, name, ids, labels, ...props }: NotSetSelectProps<K>) {
  return (
    <select {...props} value={state.values[name]} onChange={(e) => state.set(name, e.target.value)}>
      <option value="">Not set</option>
      {ids.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}
