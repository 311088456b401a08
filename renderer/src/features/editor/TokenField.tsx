/**
 * One field of the add/edit dialog: its label, its control, an optional help line and its
 * message. The control gets its id and an aria-describedby naming the help and the message, so
 * a screen reader reads both with the field, and Save can focus the first field with a problem.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '../../components/FieldError';
import type { FormField } from './token-form';
import type { TokenFormState } from './use-token-form';

/** What a field's control must carry (spread it first; the control adds its own props). */
export interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface TokenFieldProps {
  readonly state: TokenFormState;
  readonly name: FormField;
  readonly label: string;
  /** Shown under the control; undefined shows none (and nothing is described by it). */
  readonly help?: ReactNode;
  /** Renders the control from its props. */
  readonly children: (props: FieldProps) => ReactNode;
}

/** The field wrapper; `field-NAME` lets the stylesheet lay out one field. */
export function TokenField({ state, name, label, help, children }: TokenFieldProps) {
  const id = state.fieldId(name);
  const error = state.errors[name];
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field field-${name}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface TextFieldProps extends Omit<TokenFieldProps, 'children'> {
  /** Attributes of the input beyond the defaults (length, placeholder, another type). */
  readonly input?: Partial<InputHTMLAttributes<HTMLInputElement>>;
}

/** A plain text field: no autocomplete or spell check, since these are identifiers and URLs. */
export function TextField({ state, name, input = {}, ...field }: TextFieldProps) {
  return (
    <TokenField state={state} name={name} {...field}>
      {(props) => (
        <input
          {...props}
          type="text"
          value={state.values[name]}
          onChange={(e) => state.set(name, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...input}
        />
      )}
    </TokenField>
  );
}
