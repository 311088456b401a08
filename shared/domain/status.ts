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
}

/** Default "expiring soon" window, in days (YesWeHack reminds 7 days before). */
export const EXPIRING_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Status from expiry (YYYY-MM-DD, meaning the end of that day in UTC has passed when
 * expired), the last check and `now`. A platform's verdict of revoked/invalid wins over
 * dates; a date in the past wins over an older "active" check.
 */
export function computeStatus(
  token: { readonly expiresAt: string | null; readonly lastCheck: LastCheck | null },
  now: Date,
  expiringWithinDays: number = EXPIRING_WITHIN_DAYS,
): TokenStatus {
  const check = token.lastCheck;
  if (check?.result === 'revoked') return 'revoked';
  if (check?.result === 'invalid') return 'invalid';
  if (token.expiresAt !== null) {
    const endOfDay = Date.parse(`${token.expiresAt}T23:59:59.999Z`);
    if (Number.isFinite(endOfDay)) {
      if (endOfDay < now.getTime()) return 'expired';
      if (endOfDay - now.getTime() <= expiringWithinDays * DAY_MS) return 'expiring';
    }
  }
  if (check?.result === 'expired') return 'expired';
  if (check?.result === 'active') return 'active';
  return 'unknown';
}
