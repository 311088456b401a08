/**
 * One token per user (iObeya, shared/domain/one-token-per-user.ts) inside a write: which live
 * token a new value for the same user supersedes, and the write that gives that token the new
 * value while its old one goes to the token's history (reason 'replaced'), so nothing is lost
 * and the list keeps one token for the user instead of a dead one beside the new.
 */
import { readJwtClaims } from '../../../shared/domain/detect';
import { isOneTokenPerUser, replaceTarget, sameUserToken, type HeldToken } from '../../../shared/domain/one-token-per-user';
import { verdictOf } from '../../../shared/domain/status';
import type { NewTokenInput } from '../../../shared/domain/token-input';
import { paramsOfInput } from './token-params';
import { tokenExpiryOf, withExpiry, withoutReports } from './token-expiry';
import { keepOldValue } from './value-history';
import { findOrCreateAccount, fingerprint, openTokenSecret, putToken, type WriteCtx } from './vault-records';
import type { AccountRec, TokenRec } from './vault-state';

/** The audit detail of a replacement (never a value). */
export const REPLACED_DETAIL = 'replaced the value: one token per user; the old value is kept in its history';

/**
 * The token `input` replaces, or null: see `replaceTarget` (same account, no other username,
 * not revoked, exactly one). A JWT names its user in `sub`: when both values carry one and
 * they differ, the new token is another user's and replaces nothing.
 */
export function replaceTargetIn(ctx: Pick<WriteCtx, 'state' | 'repo' | 'keys' | 'vaultId'>, input: NewTokenInput): TokenRec | null {
  // Most platforms hold many tokens per user: nothing to look for. An import runs this once per
  // item, so the cheap answer must not walk the 10,000 tokens.
  if (!isOneTokenPerUser(input.platform)) return null;
  // The user's accounts first (a few hundred records), then only the tokens on them.
  const accounts = new Map<string, AccountRec['data']>();
  for (const a of ctx.state.accounts.values()) {
    if (sameUserToken({ platform: a.data.platform, account: a.data.label, client: a.data.client, baseUrl: a.data.baseUrl, username: a.data.username, status: 'live' }, input)) {
      accounts.set(a.id, a.data);
    }
  }
  if (accounts.size === 0) return null;
  const held: (TokenRec & HeldToken)[] = [];
  for (const t of ctx.state.tokens.values()) {
    const a = accounts.get(t.data.accountId);
    if (a === undefined) continue;
    held.push({ ...t, platform: a.platform, account: a.label, client: a.client, baseUrl: a.baseUrl, username: a.username, status: verdictOf(t.data)?.result === 'revoked' ? 'revoked' : 'live' });
  }
  const found = replaceTarget(held, input);
  if (found === null) return null;
  const rec = ctx.state.tokens.get(found.id) as TokenRec;
  const oldSub = readJwtClaims(openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec).value)?.sub;
  const newSub = readJwtClaims(input.token)?.sub;
  return oldSub !== undefined && newSub !== undefined && oldSub !== newSub ? null : rec;
}

/**
 * Gives `rec` the value of `input`. The name always follows the input (it is required there);
 * notes and scopes when not empty, reminder days and platform specifics when given, else they
 * stay (the dialog sends empty fields for what the user left alone). The expiry is
 * the new value's: the date typed, else its JWT `exp`, else none — the old one was about the
 * old value. What platforms reported about the old value (check, verdict, an unconfirmed
 * rotation) is dropped: the new one has not been checked.
 */
export function replaceValue(ctx: WriteCtx, rec: TokenRec, input: NewTokenInput): void {
  const secret = openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
  const account = ctx.state.accounts.get(rec.data.accountId)?.data;
  // The same account (replaceTarget matched it); this records a username the user now gives.
  const accountId = account
    ? findOrCreateAccount(ctx, { platform: input.platform, label: account.label, client: account.client, baseUrl: account.baseUrl, username: input.username ?? null, customPlatformId: account.customPlatformId ?? null })
    : rec.data.accountId;
  const { params: oldParams, reminderDays: oldDays, ...rest } = withoutReports(rec.data);
  const params = paramsOfInput(input) ?? oldParams;
  const reminderDays = input.reminderDays !== undefined ? (input.reminderDays ?? undefined) : oldDays;
  const expiresAt = input.expiresAt ?? null;
  putToken(
    ctx,
    rec.id,
    withExpiry(
      {
        ...rest,
        ...(params ? { params } : {}),
        ...(reminderDays !== undefined ? { reminderDays: [...reminderDays] } : {}),
        accountId,
        name: input.name,
        scopes: input.scopes?.length ? input.scopes : rec.data.scopes,
        lastCheck: null,
        fingerprint: fingerprint(ctx.keys, input.token),
        updatedAt: ctx.now,
      },
      expiresAt,
      expiresAt === null ? tokenExpiryOf(input.token) : null,
    ),
    { value: input.token, notes: input.notes ? input.notes : secret.notes, history: keepOldValue(secret, 'replaced', ctx.now) },
  );
}
