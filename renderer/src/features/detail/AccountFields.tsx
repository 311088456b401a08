/**
 * What a platform operation may ask of the account (Jelastic): its password, and — when the token
 * itself cannot do the operation (expired, or its API set does not allow it) — its login, so
 * main signs in with both instead. They live in the dialog's state only, go to main in the one
 * call, and are gone when the dialog closes.
 */
import { useId } from 'react';
import { PasswordField } from '../../components/PasswordField';

/** The "Account password" field (used once, never stored). */
export function AccountPasswordField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <PasswordField
      id={useId()}
      label="Account password"
      autoComplete="off"
      value={value}
      onChange={onChange}
      help="The platform asks for it for this operation. Used once, never stored."
    />
  );
}

interface SignInProps {
  readonly signIn: boolean;
  readonly onSignIn: (on: boolean) => void;
  readonly login: string;
  readonly onLogin: (v: string) => void;
  /** The login input's id, so the dialog can focus it when main asks for it. */
  readonly loginId: string;
}

/** "Sign in with the account login instead of the token", and the login when it is on. */
export function SignInFields({ signIn, onSignIn, login, onLogin, loginId }: SignInProps) {
  const helpId = `${loginId}-help`;
  return (
    <>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={signIn} onChange={(e) => onSignIn(e.target.checked)} /> Sign in with the account login instead of the token
        </label>
      </div>
      {signIn && (
        <div className="field">
          <label htmlFor={loginId}>Account login</label>
          <input
            id={loginId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            value={login}
            onChange={(e) => onLogin(e.target.value)}
            aria-describedby={helpId}
          />
          <p id={helpId} className="field-help">
            For a token that has expired or may not do this itself: PAT Vault signs in with the login and password, does
            it, and signs out. Used once, never stored.
          </p>
        </div>
      )}
    </>
  );
}
