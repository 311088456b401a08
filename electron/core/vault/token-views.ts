/**
 * Read-side helpers over the in-memory state: joining tokens with their accounts, computing
 * status, and searching. Pure functions; nothing here touches the file or a secret.
 */
import { expiryLastDay } from '../../../shared/domain/expiry';
import { computeStatus, verdictOf, type TokenStatus } from '../../../shared/domain/status';
import type { Account, TokenView } from '../../../shared/domain/token';
import type { AccountRec, PlatformRec, TokenRec } from './vault-state';
import { effectiveExpiry } from './token-expiry';
import { ywhFieldsOf } from './token-params';

/** An account record as the domain type. */
export function accountView(rec: AccountRec): Account {
  const d = rec.data;
  return {
    id: rec.id,
    platform: d.platform as Account['platform'],
    label: d.label,
    client: d.client,
    username: d.username,
    baseUrl: d.baseUrl,
    customPlatformId: d.customPlatformId ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/**
 * A token joined with its account (and custom platform), with its status as of `now`, and its
 * last working day, both in this machine's time zone (where the app and the CLI run).
 */
export function tokenView(rec: TokenRec, account: AccountRec, now: Date, platform?: PlatformRec): TokenView {
  const d = rec.data;
  const a = account.data;
  const e = effectiveExpiry(d);
  const verdict = verdictOf(d);
  return {
    id: rec.id,
    platform: a.platform as TokenView['platform'],
    account: a.label,
    accountId: account.id,
    client: a.client,
    username: a.username,
    baseUrl: a.baseUrl,
    name: d.name,
    scopes: d.scopes,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    expiresAt: expiryLastDay(e.expiry),
    expiry: e.expiry,
    expirySource: e.source,
    expiryRaw: e.raw,
    neverExpires: e.never,
    enteredExpiresAt: d.expiresAt,
    lastUsedAt: d.lastUsedAt ?? null,
    lastCheck: d.lastCheck,
    verdict,
    rotationUnconfirmed: d.rotation ? { at: d.rotation.at, reason: d.rotation.reason } : null,
    status: computeStatus({ expiry: e.expiry, lastCheck: d.lastCheck, verdict }, now),
    customPlatformId: a.customPlatformId ?? null,
    customPlatformName: platform?.data.name ?? null,
    programSlug: d.params?.programSlug ?? null,
    platformTokenId: d.params?.tokenId ?? null,
    ...ywhFieldsOf(d.params),
    reminderDays: d.reminderDays ?? null,
  };
}

/** Filters for `list`. Platform and status exact; client compared without case. */
export interface TokenFilter {
  readonly platform?: string | undefined;
  readonly client?: string | undefined;
  readonly status?: TokenStatus | undefined;
}

/** True when `v` passes every filter given. */
export function passesFilter(v: TokenView, f: TokenFilter): boolean {
  if (f.platform !== undefined && v.platform !== f.platform) return false;
  if (f.client !== undefined && (v.client ?? '').toLowerCase() !== f.client.trim().toLowerCase()) return false;
  if (f.status !== undefined && v.status !== f.status) return false;
  return true;
}

/** One field as it sorts: case and accents folded, digit runs padded so "token 2" < "token 10". */
function sortable(s: string): string {
  const folded = /[^\x00-\x7f]/.test(s) ? s.normalize('NFKD').replace(/\p{M}/gu, '') : s;
  return folded.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));
}

/**
 * Sort key for lists: client, platform, account, name, id. Computed once per token, so
 * sorting 10,000 tokens compares plain strings instead of running a collator in the sort.
 */
export function sortKey(v: TokenView): string {
  return [sortable(v.client ?? ''), v.platform, sortable(v.account), sortable(v.name), v.id].join('\u0001');
}
