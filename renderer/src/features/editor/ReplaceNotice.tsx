/**
 * The add dialog's notice that saving will replace rather than add: on iObeya a user holds one
 * token at a time (shared/domain/one-token-per-user.ts), so a new value for a user who already
 * has a live token becomes that token's value, the old one kept in its history. The rule is
 * the vault's own, applied to the list already loaded and the fields as typed; nothing is sent.
 */
import { useMemo } from 'react';
import { replaceTarget } from '../../../../shared/domain/one-token-per-user';
import { isPlatformId } from '../../../../shared/domain/platform-ids';
import { platformName } from '../../../../shared/domain/token-format';
import type { TokenView } from '../../api/types';
import { useStore } from '../../store';
import type { TokenForm } from './token-form';

/** The token a save of `form` would give its value to, or null (always null when editing). */
export function useReplaceTarget(form: TokenForm, isEdit: boolean): TokenView | null {
  const tokens = useStore((s) => s.tokens);
  const { platform, account, client, baseUrl, username } = form;
  return useMemo(
    () => (isEdit ? null : replaceTarget(tokens, { platform, account, client, baseUrl, username })),
    [tokens, isEdit, platform, account, client, baseUrl, username],
  );
}

/** The notice; a status, so it is announced when it appears. */
export function ReplaceNotice({ target }: { target: TokenView }) {
  const platform = isPlatformId(target.platform) ? platformName(target.platform) : target.platform;
  return (
    <p role="status" className="alert alert-info field-wide replace-notice">
      This {platform} user already has a token ({target.name}). Saving replaces its value; the old value stays in its history.
    </p>
  );
}
