/**
 * A token's status, from its expiry (shared/domain/expiry.ts), the platform's last verdict
 * and `now`. Pure, so the app, the CLI, the attention list and the reminders agree.
 *
 * The truth table (the first row that matches decides; shared/domain/STATUS.md explains each row):
 *
 *   | # | what we know                                               | status   |
 *   |---|------------------------------------------------------------|----------|
 *   | 1 | the platform's last verdict: revoked                       | revoked  |
 *   | 2 | the platform's last verdict: invalid                       | invalid  |
 *   | 3 | the platform's last verdict: expired                       | expired  |
 *   | 4 | the expiry has passed, and no "active" verdict came after it | expired  |
 *   | 5 | the expiry has passed, the platform said "active" after it | active   |
 *   | 6 | the last working day is within the window (default 7 days) | expiring |
 *   | 7 | the platform's last verdict: active                        | active   |
 *   | 8 | anything else (never checked, or only `unknown` answers)   | unknown  |
 *
 * A verdict is a check's definitive answer (active, invalid, revoked, expired). An `unknown`
 * answer (offline, rate-limited, no access to the program…) is never a verdict: it is shown as
 * the last check, but it neither turns a token red nor clears an earlier verdict.
 */
import { daysUntil, hasExpired, isAfterExpiry } from './expiry';

export const TOKEN_STATUSES = ['active', 'expiring', 'expired', 'revoked', 'invalid', 'unknown'] as const;

/** One of the statuses. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Results a platform check can store. */
export const CHECK_RESULTS = ['active', 'invalid', 'revoked', 'expired', 'unknown'] as const;

/** One of the check results. */
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** The results that are a platform's verdict on a token (everything but `unknown`). */
export const VERDICT_RESULTS = ['active', 'invalid', 'revoked', 'expired'] as const;

/** One verdict. */
export type VerdictResult = (typeof VERDICT_RESULTS)[number];

/** The last check of a token, as stored: the latest attempt, whatever it said. */
export interface LastCheck {
  readonly at: string; // ISO timestamp
  readonly result: CheckResult;
  readonly reason?: string | undefined;
  /** Who the platform says owns the token (login, subject), when it tells. */
  readonly owner?: string | undefined;
}

/** The platform's last definitive answer about a token, and when it gave it. */
export interface Verdict {
  readonly at: string;
  readonly result: VerdictResult;
}

/** Default "expiring soon" window, in days (YesWeHack reminds 7 days before). */
export const EXPIRING_WITHIN_DAYS = 7;

/** What the status is computed from. */
export interface StatusInput {
  /** The token's expiry: a day (`YYYY-MM-DD`) or an instant (ISO, UTC); null when none. */
  readonly expiry: string | null;
  readonly lastCheck: LastCheck | null;
  /** The last verdict; absent or null: read from `lastCheck` when that one is a verdict. */
  readonly verdict?: Verdict | null | undefined;
}

/** True for a check result that is a verdict. */
export function isVerdict(result: CheckResult): result is VerdictResult {
  return result !== 'unknown';
}

/** The verdict that counts: the stored one, else the last check when it is one. */
export function verdictOf(token: Pick<StatusInput, 'lastCheck' | 'verdict'>): Verdict | null {
  if (token.verdict) return token.verdict;
  const c = token.lastCheck;
  return c !== null && isVerdict(c.result) ? { at: c.at, result: c.result } : null;
}

/**
 * The status by the truth table above, counting calendar days in `timeZone` (default: the
 * system's). Throws RangeError for an unknown zone name.
 */
export function computeStatus(
  token: StatusInput,
  now: Date,
  expiringWithinDays: number = EXPIRING_WITHIN_DAYS,
  timeZone?: string,
): TokenStatus {
  const verdict = verdictOf(token);
  if (verdict !== null && verdict.result !== 'active') return verdict.result;
  if (hasExpired(token.expiry, now, timeZone)) {
    const vouched = verdict !== null && isAfterExpiry(token.expiry, Date.parse(verdict.at), timeZone);
    return vouched ? 'active' : 'expired';
  }
  const days = daysUntil(token.expiry, now, timeZone);
  if (days !== null && days <= expiringWithinDays) return 'expiring';
  return verdict !== null ? 'active' : 'unknown';
}
