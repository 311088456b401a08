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
 * The system's IANA zone (what Intl uses when given none), or 'UTC' when it has no name (Node
 * with an unknown TZ runs on UTC and reports none). Costs ~45 µs, so callers that need the
 * name for many tokens should call it once.
 */
export function systemTimeZone(): string {
  // The types say string; Node with an unknown TZ (e.g. TZ=Foo/Bar) gives undefined.
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

// Building a formatter costs ~35 µs, formatting ~3 µs: keep one per zone (a handful at most).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Gregorian calendar and Latin digits whatever the machine's locale, so the parts parse.
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, era: 'short', year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name this platform's Intl knows (what daysUntil accepts). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * `now`'s calendar date in `timeZone` as a UTC midnight (ms), so two such dates subtract to
 * whole days. Without a zone: the system's, read through Date's local getters — the same zone
 * Intl would resolve, without the cost of resolving its name on every call. Null for an
 * invalid `now`. Throws RangeError for an unknown zone name.
 */
function localDayStart(now: Date, timeZone: string | undefined): number | null {
  if (!Number.isFinite(now.getTime())) return null;
  if (timeZone === undefined) return utcMidnight(now.getFullYear(), now.getMonth() + 1, now.getDate());
  let year = 0;
  let month = 0;
  let day = 0;
  let bc = false;
  for (const p of formatterFor(timeZone).formatToParts(now)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
    else if (p.type === 'era') bc = p.value === 'BC';
  }
  return utcMidnight(bc ? 1 - year : year, month, day);
}

/** UTC midnight of a proleptic Gregorian date (month 1–12); Date.UTC alone maps years 0–99 to 19xx. */
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** A YYYY-MM-DD date that exists (no 2026-02-30) as its UTC midnight (ms), else null. */
export function calendarDayStart(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls some impossible days over (Feb 30 → Mar 2): read it back to be sure.
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== date) return null;
  return t;
}

/**
 * Whole calendar days from `now`'s date in `timeZone` (default: the system's zone) to
 * `expiresAt`: 0 on the expiry day itself, negative once it has passed, null for no or an
 * unreadable expiry (or an invalid `now`). Counted on dates, not hours, so a 23- or 25-hour
 * DST day still counts as one. The reminders count with this too, so the status column, the
 * badge, the attention list and the notifications agree on what "tomorrow" is.
 * Throws RangeError for an unknown zone name.
 */
export function daysUntil(expiresAt: string | null, now: Date, timeZone?: string): number | null {
  if (expiresAt === null) return null;
  const end = calendarDayStart(expiresAt);
  if (end === null) return null;
  const today = localDayStart(now, timeZone);
  if (today === null) return null;
  return Math.round((end - today) / DAY_MS);
}

/**
 * Status from expiry (YYYY-MM-DD: the token works through that day in the user's time zone,
 * `timeZone`, default the system's), the last check and `now`. A platform's verdict of
 * revoked/invalid wins over dates; a date in the past wins over an older "active" check.
 * Throws RangeError for an unknown zone name.
 */
export function computeStatus(
  token: { readonly expiresAt: string | null; readonly lastCheck: LastCheck | null },
  now: Date,
  expiringWithinDays: number = EXPIRING_WITHIN_DAYS,
  timeZone?: string,
): TokenStatus {
  const check = token.lastCheck;
  if (check?.result === 'revoked') return 'revoked';
  if (check?.result === 'invalid') return 'invalid';
  const days = daysUntil(token.expiresAt, now, timeZone);
  if (days !== null && days < 0) return 'expired';
  if (days !== null && days <= expiringWithinDays) return 'expiring';
  if (check?.result === 'expired') return 'expired';
  if (check?.result === 'active') return 'active';
  return 'unknown';
}
