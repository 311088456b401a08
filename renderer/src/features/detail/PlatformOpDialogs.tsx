/**
 * Confirmations for revoke and rotate, naming the token. When the platform needs the account
 * password (and, for a token that cannot do it itself, the login) for the operation, they are
 * asked here (AccountFields.tsx). A guided revoke — no API, or an API the account's server does
 * not have — offers the token's page (main rebuilds it from the account and opens it), then
 * "I revoked it" marks the token revoked. A custom platform's page is shown as text to copy.
 */
import { useId, useState } from 'react';
import type { PlatformInfo } from '../../api/types';
import { toUiError } from '../../api/client';
import { RotateExpiryField, useRotateExpiry } from './RotateExpiryField';
import { Dialog } from '../../components/Dialog';
import { TokenPageField } from '../../components/TokenPageField';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { useStore } from '../../store';
import { selectCustomTokenPage, selectTokenPage, tokenPlatformLabel } from '../../store/selectors';
import { AccountPasswordField, SignInFields } from './AccountFields';

function usePlatform(platform: string | undefined): PlatformInfo | null {
  return useStore((s) => s.platforms.find((p) => p.id === platform) ?? null);
}

/** What the account gives for one operation; only the keys that apply. */
type AccountInput = { password?: string; login?: string };

/**
 * What revoke and rotate share: the token and its platform, the one-time account password and
 * login, and `submit`, which asks for what the platform needs, runs the operation with it and
 * forgets it. When main answers NEEDS_SIGN_IN (the token itself cannot do it), signing in is
 * switched on and the login field focused, with main's words.
 */
function usePlatformOp(id: string, op: 'revoke' | 'rotate') {
  const token = useStore((s) => s.tokens.find((t) => t.id === id) ?? null);
  const platform = usePlatform(token?.platform);
  const closeDialog = useStore((s) => s.closeDialog);
  const showToast = useStore((s) => s.showToast);
  const canSignIn = platform?.acceptsLogin[op] ?? false;
  const [password, setPassword] = useState('');
  const [login, setLogin] = useState('');
  // An expired token cannot authenticate its own revoke or rotate: start with signing in.
  const [signIn, setSignIn] = useState(canSignIn && token?.status === 'expired');
  const loginId = useId();
  const { error, setError, busy, run } = useDialogAction();
  const submit = async (needsPassword: boolean, verb: string, action: (account: AccountInput) => Promise<string | void>) => {
    const withLogin = canSignIn && signIn;
    if (needsPassword && password === '') {
      setError(`Enter the account password: the platform needs it to ${verb} a token.`);
      return;
    }
    if (withLogin && login.trim() === '') {
      setError('Enter the account login, or untick “Sign in with the account login”.');
      return;
    }
    await run(async () => {
      try {
        const result = await action({ ...(needsPassword ? { password } : {}), ...(withLogin ? { login: login.trim() } : {}) });
        setPassword('');
        return result;
      } catch (e) {
        const ui = toUiError(e);
        if (ui.code !== 'NEEDS_SIGN_IN' || !canSignIn) throw e;
        setSignIn(true);
        // The field appears with this render: focus it once it is there.
        setTimeout(() => document.getElementById(loginId)?.focus(), 0);
        return ui.message;
      }
    });
  };
  const signInFields = canSignIn ? <SignInFields signIn={signIn} onSignIn={setSignIn} login={login} onLogin={setLogin} loginId={loginId} /> : null;
  return { token, platform, name: token?.name ?? id, closeDialog, showToast, password, setPassword, signInFields, error, busy, submit };
}

/** Revoke confirmation for token `id`. */
export function RevokeDialog({ id }: { id: string }) {
  const { token, platform, name, closeDialog, showToast, password, setPassword, signInFields, error, busy, submit } = usePlatformOp(id, 'revoke');
  const revokeToken = useStore((s) => s.revokeToken);
  const openTokenPage = useStore((s) => s.openTokenPage);
  const customPage = useStore((s) => (token === null ? null : selectCustomTokenPage(s, token)));
  // Why a platform with a revoke API still needs it done by hand (a server without that API).
  const [fallback, setFallback] = useState<string | null>(null);
  const guided = platform?.revoke !== 'api' || fallback !== null;
  const needsPassword = !guided && (platform?.needsPassword.revoke ?? false);
  const custom = token?.platform === 'custom';
  const page = token === null ? null : selectTokenPage(token);
  const where = token ? tokenPlatformLabel(token) : '';

  const onRevoke = () =>
    submit(needsPassword, 'revoke', async (account) => {
      const r = await revokeToken({ id, ...account, ...(guided ? { confirmedGuided: true } : {}) });
      if (!r.confirmed) {
        if (r.mode === 'guided' && !guided) {
          setFallback(r.reason ?? `${where} could not revoke it through its API.`);
          return '';
        }
        return 'The token was not marked revoked.';
      }
      showToast(`Revoked “${name}”`);
      closeDialog();
    });

  return (
    <Dialog title="Revoke token?" onClose={closeDialog} focusButton={!needsPassword}>
      <p>
        Revoke <strong>“{name}”</strong>
        {token && ` (${where} · ${token.account})`}? Anything using it stops working. It stays in the vault, marked
        revoked.
      </p>
      {fallback !== null ? (
        <p>
          {where} could not revoke it itself: {fallback}. {page !== null ? 'Open its token page, revoke the token there, then confirm here.' : 'Revoke it on the platform, then confirm here.'}
        </p>
      ) : !guided ? (
        <p>PAT Vault asks {where} to revoke it now.</p>
      ) : page === null && customPage === null ? (
        <p>{where} has no API to revoke tokens: revoke the token on the platform, then confirm here.</p>
      ) : (
        <p>{where} has no API to revoke tokens: open its token page, revoke the token there, then confirm here.</p>
      )}
      {guided && page !== null && (
        <p className="field-help">
          Token page: <span className="mono">{page.url}</span>
          {page.where !== null && <> — then {page.where}</>}
        </p>
      )}
      {guided && custom && customPage !== null && <TokenPageField url={customPage} help="Open this address in your browser (PAT Vault opens only the built-in platforms’ pages itself)." />}
      {needsPassword && <AccountPasswordField value={password} onChange={setPassword} />}
      {!guided && signInFields}
      <DialogError error={error} />
      <div className="button-row dialog-buttons">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        {guided && token && page !== null && (
          <button type="button" onClick={() => void openTokenPage(token.id)}>
            Open token page
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={() => void onRevoke()}>
          {guided ? 'I revoked it' : 'Revoke'}
        </button>
      </div>
    </Dialog>
  );
}

/** Rotate confirmation for token `id`. */
export function RotateDialog({ id }: { id: string }) {
  const { token, platform, name, closeDialog, showToast, password, setPassword, signInFields, error, busy, submit } = usePlatformOp(id, 'rotate');
  const rotateToken = useStore((s) => s.rotateToken);
  const needsPassword = platform?.needsPassword.rotate ?? false;
  const takesExpiry = platform?.rotateExpiry === true && token !== null;
  const expiry = useRotateExpiry(token, takesExpiry);
  const platformName = platform?.name ?? 'The platform';

  const onRotate = () => {
    const chosen = expiry.chosen();
    if (chosen === null) return;
    return submit(needsPassword, 'rotate', async (account) => {
      const r = await rotateToken({ id, ...account, ...chosen });
      const capped = r.expiryCapped ? ` ${platformName} capped its expiry at ${r.expiryCapped.sent}, its maximum, instead of ${r.expiryCapped.asked}.` : '';
      showToast(`Rotated “${name}” — the new value is in the vault.${capped}`);
      closeDialog();
    });
  };

  return (
    <Dialog title="Rotate token?" onClose={closeDialog} focusButton={!needsPassword}>
      <p>
        Rotate <strong>“{name}”</strong>
        {token && ` (${tokenPlatformLabel(token)} · ${token.account})`}? The platform issues a new value, which replaces
        the old one in the vault; the old value stops working.
      </p>
      {takesExpiry && <RotateExpiryField platformName={platformName} value={expiry.value} onChange={expiry.setValue} kept={expiry.kept} error={expiry.error} />}
      {needsPassword && <AccountPasswordField value={password} onChange={setPassword} />}
      {signInFields}
      <DialogError error={error} />
      <div className="button-row dialog-buttons">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void onRotate()}>
          Rotate
        </button>
      </div>
    </Dialog>
  );
}
