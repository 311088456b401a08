/**
 * Confirmations for revoke and rotate, naming the token. When the platform needs the account
 * password for the operation, it is asked here: it lives in this dialog's state only, goes to
 * main in the one call, and is gone when the dialog closes. A guided revoke (no API) opens the
 * platform's token page, then "I revoked it" marks the token revoked. Main opens only the
 * built-in platforms' fixed pages: a custom platform's page is shown as text to copy.
 */
import { useId, useState } from 'react';
import type { PlatformInfo } from '../../api/types';
import { PasswordField } from '../../components/PasswordField';
import { FieldError } from '../../components/FieldError';
import { formatTimestamp } from '../../lib/format';
import { calendarDayStart } from '../../../../shared/domain/expiry';
import { gitlabExpiry, gitlabRotationDate } from '../../../../shared/domain/gitlab-dates';
import { Dialog } from '../../components/Dialog';
import { TokenPageField } from '../../components/TokenPageField';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { useStore } from '../../store';
import { selectCustomTokenPage, tokenPlatformLabel } from '../../store/selectors';

function usePlatform(platform: string | undefined): PlatformInfo | null {
  return useStore((s) => s.platforms.find((p) => p.id === platform) ?? null);
}

/** The "Account password" field (used once, never stored). */
function AccountPasswordField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
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

/**
 * What revoke and rotate share: the token and its platform, the one-time account password,
 * and `submit`, which asks for that password when the platform needs it, runs the operation
 * with it and forgets it.
 */
function usePlatformOp(id: string) {
  const token = useStore((s) => s.tokens.find((t) => t.id === id) ?? null);
  const platform = usePlatform(token?.platform);
  const closeDialog = useStore((s) => s.closeDialog);
  const showToast = useStore((s) => s.showToast);
  const [password, setPassword] = useState('');
  const { error, setError, busy, run } = useDialogAction();
  const submit = async (needsPassword: boolean, verb: string, op: (password: string | undefined) => Promise<string | void>) => {
    if (needsPassword && password === '') {
      setError(`Enter the account password: the platform needs it to ${verb} a token.`);
      return;
    }
    await run(async () => {
      const result = await op(needsPassword ? password : undefined);
      setPassword('');
      return result;
    });
  };
  return { token, platform, name: token?.name ?? id, closeDialog, showToast, password, setPassword, error, busy, submit };
}

/** Revoke confirmation for token `id`. */
export function RevokeDialog({ id }: { id: string }) {
  const { token, platform, name, closeDialog, showToast, password, setPassword, error, busy, submit } = usePlatformOp(id);
  const revokeToken = useStore((s) => s.revokeToken);
  const openTokenPage = useStore((s) => s.openTokenPage);
  const customPage = useStore((s) => (token === null ? null : selectCustomTokenPage(s, token)));
  const guided = platform?.revoke !== 'api';
  const needsPassword = !guided && (platform?.needsPassword.revoke ?? false);
  const custom = token?.platform === 'custom';
  const where = token ? tokenPlatformLabel(token) : '';

  const onRevoke = () =>
    submit(needsPassword, 'revoke', async (pw) => {
      const r = await revokeToken({ id, ...(pw !== undefined ? { password: pw } : {}), ...(guided ? { confirmedGuided: true } : {}) });
      if (!r.confirmed) return 'The token was not marked revoked.';
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
      {!guided ? (
        <p>PAT Vault asks {where} to revoke it now.</p>
      ) : custom && customPage === null ? (
        <p>{where} has no API to revoke tokens: revoke the token on the platform, then confirm here.</p>
      ) : (
        <p>{where} has no API to revoke tokens: open its token page, revoke the token there, then confirm here.</p>
      )}
      {guided && custom && customPage !== null && <TokenPageField url={customPage} help="Open this address in your browser (PAT Vault opens only the built-in platforms’ pages itself)." />}
      {needsPassword && <AccountPasswordField value={password} onChange={setPassword} />}
      <DialogError error={error} />
      <div className="button-row dialog-buttons">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        {guided && token && !custom && (
          <button type="button" onClick={() => void openTokenPage(token.platform)}>
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

/**
 * The new token's expiry, for platforms whose rotation takes one (GitLab): prefilled with the
 * date that keeps the current expiry (never shorter, shared/domain/gitlab-dates), which is what
 * main sends when the field is left as is; a changed date is sent as typed.
 */
function RotateExpiryField({ platformName, value, onChange, kept, error }: { platformName: string; value: string; onChange: (v: string) => void; kept: boolean; error: string | null }) {
  const id = useId();
  const stops = gitlabExpiry(value);
  return (
    <div className="field">
      <label htmlFor={id}>New token expires</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`} />
      <FieldError id={`${id}-error`} message={error} />
      <p id={`${id}-help`} className="field-help">
        {kept ? 'The current token’s expiry, kept. ' : ''}
        {platformName} stops the token at 00:00 UTC on this date{stops ? ` (${formatTimestamp(stops.at)} your time)` : ''}; a date beyond its
        maximum lifetime is capped to it.
      </p>
    </div>
  );
}

/** Rotate confirmation for token `id`. */
export function RotateDialog({ id }: { id: string }) {
  const { token, platform, name, closeDialog, showToast, password, setPassword, error, busy, submit } = usePlatformOp(id);
  const rotateToken = useStore((s) => s.rotateToken);
  const needsPassword = platform?.needsPassword.rotate ?? false;
  const takesExpiry = platform?.rotateExpiry === true && token !== null;
  // Computed once when the dialog opens: the default must not move while it is open.
  const [keptDate] = useState(() => (takesExpiry && token ? gitlabRotationDate(token, new Date()) : ''));
  const [expires, setExpires] = useState(keptDate);
  const [expiresError, setExpiresError] = useState<string | null>(null);

  const onRotate = () => {
    if (takesExpiry && calendarDayStart(expires) === null) {
      setExpiresError('Choose the date the new token expires.');
      return;
    }
    setExpiresError(null);
    return submit(needsPassword, 'rotate', async (pw) => {
      const chosen = takesExpiry && expires !== keptDate ? { expiresAt: expires } : {};
      const r = await rotateToken({ id, ...(pw !== undefined ? { password: pw } : {}), ...chosen });
      const capped = r.expiryCapped ? ` ${platform?.name ?? 'The platform'} capped its expiry at ${r.expiryCapped.sent}, its maximum (you asked ${r.expiryCapped.asked}).` : '';
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
      {takesExpiry && (
        <RotateExpiryField platformName={platform?.name ?? 'The platform'} value={expires} onChange={setExpires} kept={expires === keptDate} error={expiresError} />
      )}
      {needsPassword && <AccountPasswordField value={password} onChange={setPassword} />}
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
