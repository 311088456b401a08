/**
 * The record changes behind adding and editing a token, inside a write: the account found or
 * created, the value sealed with its notes and history, the expiry and its reports kept
 * straight. Tokens (tokens.ts) runs them in the kernel's transaction and audits them.
 */
import { AppError } from '../../../shared/errors';
import type { NewTokenInput, TokenPatchInput } from '../../../shared/domain/token-input';
import { resolveCustomPlatform } from './custom-platform-records';
import { assertPlatformFits } from './platform-fit';
import { tokenExpiryOf, withExpiry, withoutReports } from './token-expiry';
import { paramsOfInput, patchedParams } from './token-params';
import { keepOldValue } from './value-history';
import { dropOrphanAccounts, findOrCreateAccount, fingerprint, putToken, secretIn, tokenIn, type WriteCtx } from './vault-records';

/** The keyed fingerprints of every value in the vault (duplicate detection, no secret opened). */
export function fingerprintsIn(ctx: WriteCtx): Set<string> {
  const s = new Set<string>();
  for (const t of ctx.state.tokens.values()) s.add(t.data.fingerprint);
  return s;
}

/** Refuses a value some token already holds, naming that token. */
export function rejectDuplicate(ctx: WriteCtx, value: string): void {
  const fp = fingerprint(ctx.keys, value);
  for (const t of ctx.state.tokens.values()) {
    if (t.data.fingerprint === fp) {
      throw new AppError('BAD_INPUT', `This token value is already in the vault (token ${t.id.slice(0, 8)}, "${t.data.name}").`);
    }
  }
}

/** Writes a new token `id` from checked input, in the account it names (found or created). */
export function insertToken(ctx: WriteCtx, id: string, input: NewTokenInput): void {
  const accountId = findOrCreateAccount(ctx, {
    platform: input.platform,
    label: input.account,
    client: input.client ?? null,
    username: input.username ?? null,
    baseUrl: input.baseUrl ?? null,
    customPlatformId: input.platform === 'custom' && input.customPlatform ? resolveCustomPlatform(ctx.state, input.customPlatform) : null,
  });
  const params = paramsOfInput(input);
  const expiresAt = input.expiresAt ?? null;
  putToken(
    ctx,
    id,
    withExpiry(
      {
        v: 1,
        kind: 'token',
        accountId,
        name: input.name,
        scopes: input.scopes ?? [],
        createdAt: ctx.now,
        updatedAt: ctx.now,
        lastCheck: null,
        fingerprint: fingerprint(ctx.keys, input.token),
        ...(params ? { params } : {}),
        ...(input.reminderDays ? { reminderDays: [...input.reminderDays] } : {}),
      },
      expiresAt,
      // No date given: the value's own expiry (a JWT's exp), when it states one.
      expiresAt === null ? tokenExpiryOf(input.token) : null,
    ),
    { value: input.token, notes: input.notes ?? '' },
  );
}

/** Applies a checked patch to token `id`. Absent fields stay; `null` clears optional ones. */
export function editTokenIn(ctx: WriteCtx, id: string, p: Omit<TokenPatchInput, 'platformMismatchOk'>, platformMismatchOk: boolean | undefined): void {
  const rec = tokenIn(ctx, id);
  const secret = secretIn(ctx, rec);
  const account = ctx.state.accounts.get(rec.data.accountId);
  if (!account) throw new AppError('VAULT_DAMAGED', 'The vault file is damaged (token without account).');
  const a = account.data;
  const platform = p.platform ?? (a.platform as NewTokenInput['platform']);
  // A token moved off 'custom' loses its custom platform; one named must fit the platform.
  const customPlatformId =
    p.customPlatform !== undefined && p.customPlatform !== null
      ? resolveCustomPlatform(ctx.state, p.customPlatform)
      : p.customPlatform === null || platform !== 'custom'
        ? null
        : (a.customPlatformId ?? null);
  if (customPlatformId !== null && platform !== 'custom') {
    throw new AppError('BAD_INPUT', 'customPlatform: a custom platform can only be given with platform custom');
  }
  const moves = [p.platform, p.account, p.client, p.baseUrl, p.username, p.customPlatform].some((v) => v !== undefined);
  const accountId = moves
    ? findOrCreateAccount(ctx, {
        platform,
        label: p.account ?? a.label,
        client: p.client !== undefined ? p.client : a.client,
        username: p.username !== undefined ? p.username : a.username,
        baseUrl: p.baseUrl !== undefined ? p.baseUrl : a.baseUrl,
        customPlatformId,
      })
    : rec.data.accountId;
  const params = patchedParams(rec.data.params, p, platform);
  if (p.token !== undefined && p.token !== secret.value) rejectDuplicate(ctx, p.token);
  const value = p.token ?? secret.value;
  if (p.token !== undefined || p.platform !== undefined) assertPlatformFits(value, platform, platformMismatchOk);
  const { params: _old, reminderDays: oldDays, ...rest } = rec.data;
  const reminderDays = p.reminderDays !== undefined ? (p.reminderDays ?? undefined) : oldDays;
  const newValue = p.token !== undefined && p.token !== secret.value;
  // What platforms said was about the old value: a new value starts unchecked.
  const kept = newValue ? withoutReports(rest) : rest;
  const expiresAt = p.expiresAt !== undefined ? p.expiresAt : rec.data.expiresAt;
  putToken(
    ctx,
    id,
    withExpiry(
      {
        ...kept,
        ...(params ? { params } : {}),
        ...(reminderDays !== undefined ? { reminderDays: [...reminderDays] } : {}),
        accountId,
        name: p.name ?? rec.data.name,
        scopes: p.scopes ?? rec.data.scopes,
        lastCheck: newValue ? null : rec.data.lastCheck,
        fingerprint: fingerprint(ctx.keys, value),
        updatedAt: ctx.now,
      },
      expiresAt,
      // A date typed now replaces any reported one; otherwise a new value may carry its own.
      p.expiresAt !== undefined ? null : newValue ? tokenExpiryOf(value) : rest.reportedExpiry,
    ),
    // Never lose a value: the one typed over goes to the token's history.
    { value, notes: p.notes ?? secret.notes, history: newValue ? keepOldValue(secret, 'edited', ctx.now) : secret.history },
  );
  if (moves) dropOrphanAccounts(ctx);
}
