/**
 * A token's status, computed from its dates and its last platform check. Pure, so the app,
 * the CLI and the reminders agree.
 */
export const TOKEN_STATUSES = ['active', 'expiring', 'expired', 'revoked', 'invalid', 'unknown'] as const;

/** One of the statuses. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Results a platform check can store. */
export const CHECK_RESULTS = ['active', 'invalid', 'revoked', 'expired', 'unknown'] as const;

/** One of the check results. */
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** The last check of a token, as stored. */
export interface LastCheck {
  readonly at: string; // ISO timestamp
  readonly result: CheckResult;
  readonly reason?: string | undefined;
  /** Who the platform says owns the token (login, subject), when it tells. */
  readonly owner?: string | undefined;
}

/** Default "expiring soon" window, in days (YesWeHack reminds 7 days before). */
export const EXPIRING_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Whole calendar days from `now`'s date to `expiresAt` (both as UTC dates): 0 on the expiry
 * day itself, negative once it has passed, null for no or unreadable expiry.
 */
export function daysUntil(expiresAt: string | null, now: Date): number | null {
  if (expiresAt === null) return null;
  const end = Date.parse(`${expiresAt}T00:00:00Z`);
  if (!Number.isFinite(end)) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((end - today) / DAY_MS);
}

/**
 * Status from expiry (YYYY-MM-DD: the token works through that day, UTC), the last check and
 * `now`. A platform's verdict of revoked/invalid wins over dates; a date in the past wins
 * over an older "active" check.
 */
export function computeStatus(
  token: { readonly expiresAt: string | null; readonly lastCheck: LastCheck | null },
  now: Date,
  expiringWithinDays: number = EXPIRING_WITHIN_DAYS,
): TokenStatus {
  const check = token.lastCheck;
  if (check?.result === 'revoked') return 'revoked';
  if (check?.result === 'invalid') return 'invalid';
  const days = daysUntil(token.expiresAt, now);
  if (days !== null && days < 0) return 'expired';
  if (days !== null && days <= expiringWithinDays) return 'expiring';
  if (check?.result === 'expired') return 'expired';
  if (check?.result === 'active') return 'active';
  return 'unknown';
}
