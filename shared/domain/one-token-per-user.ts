/**
 * One token per user (iObeya): which token a new value for a platform's user replaces. The
 * vault applies the rule on add and import; the add dialog uses the same function to say,
 * before saving, that a save will replace rather than add.
 *
 * iObeya (seed 003, center.iobeya.com "Personal Access Token for APIs"): a PAT "is intricately
 * associated with the user who initiates its generation", and the one "Personal access token"
 * menu offers to "revoke and generate a new one". That a user holds one PAT at a time is
 * (inferred) from that wording and the single menu entry; no page states a limit.
 */
import type { PlatformId } from './platform-ids';

/** Platforms where a user holds a single token: a new one supersedes the old. */
export const ONE_TOKEN_PER_USER_PLATFORMS: readonly PlatformId[] = ['iobeya'];

/** Whether a user of `platform` holds one token at a time. */
export function isOneTokenPerUser(platform: string): boolean {
  return (ONE_TOKEN_PER_USER_PLATFORMS as readonly string[]).includes(platform);
}

/** A token already held, as far as the rule needs it (a TokenView has these fields). */
export interface HeldToken {
  readonly platform: string;
  /** The account label. */
  readonly account: string;
  readonly client: string | null;
  readonly baseUrl: string | null;
  readonly username: string | null;
  readonly status: string;
}

/** Who a new token is for, as the user gives it (account label, client, base URL, username). */
export interface NewTokenOwner {
  readonly platform: string;
  readonly account: string;
  readonly client?: string | null | undefined;
  readonly baseUrl?: string | null | undefined;
  readonly username?: string | null | undefined;
}

const norm = (s: string | null | undefined): string => (s ?? '').trim().toLowerCase();
/** As the base URL schema stores it (no trailing slash); '' for none. */
const normUrl = (s: string | null | undefined): string => (s ?? '').trim().replace(/\/+$/, '');

/**
 * Whether `held` is the same user's token as `owner` would be: the same account as the vault
 * files accounts under (platform, label and client without case, base URL: vault-records.ts
 * `findOrCreateAccount`), and no different username on either side. A revoked token is no
 * longer the user's token: a new one is added beside it.
 */
export function sameUserToken(held: HeldToken, owner: NewTokenOwner): boolean {
  if (!isOneTokenPerUser(owner.platform) || held.platform !== owner.platform || held.status === 'revoked') return false;
  if (norm(held.account) !== norm(owner.account) || norm(held.client) !== norm(owner.client)) return false;
  if (normUrl(held.baseUrl) !== normUrl(owner.baseUrl)) return false;
  const a = norm(held.username);
  const b = norm(owner.username);
  return a === '' || b === '' || a === b;
}

/**
 * The one token a new value for `owner` replaces, or null: none on a one-token-per-user
 * platform, none live for that user, or more than one (a vault from before the rule may hold
 * several; which one the user meant is not ours to guess, so none is merged and the new value
 * is added beside them).
 */
export function replaceTarget<T extends HeldToken>(tokens: Iterable<T>, owner: NewTokenOwner): T | null {
  if (!isOneTokenPerUser(owner.platform)) return null;
  let found: T | null = null;
  for (const t of tokens) {
    if (!sameUserToken(t, owner)) continue;
    if (found !== null) return null;
    found = t;
  }
  return found;
}
