/**
 * When a token stops working, at the precision its source gives, and the calendar facts the
 * app shows from it. An *expiry* is one string in one of two forms:
 *
 *   - a day, `YYYY-MM-DD`: what a user types; the token works through that day in the user's
 *     own time zone (so it depends on the zone);
 *   - an instant, `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC): what a platform or the token itself says;
 *     the token stops at that moment, wherever the user is. Each platform's own rule turns its
 *     answer into an instant (GitLab's `expires_at` date D → D 00:00 UTC; GitHub's header
 *     with its offset; Jelastic's UTC timestamp; a JWT's `exp`): see electron/core/platforms/PLATFORMS.md.
 *
 * From either form, in a zone: the last local day it works ("expires on"), the days left, and
 * whether it has passed. Pure (Intl only), so the app, the renderer, the CLI and the
 * reminders, locked or not, read one expiry the same way.
 */

/** Where the expiry a token shows came from. */
export const EXPIRY_SOURCES = ['user', 'platform', 'token'] as const;

/** `user`: typed; `platform`: reported by a check or rotation; `token`: read from the value (a JWT's `exp`). */
export type ExpirySource = (typeof EXPIRY_SOURCES)[number];

/** What a platform reports: the instant it stops (UTC ISO), and its own words for it. */
export interface ReportedExpiry {
  readonly at: string;
  readonly raw: string;
}

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The one instant form we store: what Date.prototype.toISOString writes. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A parsed expiry: a calendar day (its UTC midnight, ms) or an instant (ms). */
export type ParsedExpiry = { readonly kind: 'day'; readonly day: number } | { readonly kind: 'instant'; readonly at: number };

/** A YYYY-MM-DD date that exists (no 2026-02-30) as its UTC midnight (ms), else null. */
export function calendarDayStart(date: string): number | null {
  if (!DAY_RE.test(date)) return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls some impossible days over (Feb 30 → Mar 2): read it back to be sure.
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== date) return null;
  return t;
}

/** An expiry string read as a day or an instant; null when it is neither (never guessed). */
export function parseExpiry(expiry: string | null | undefined): ParsedExpiry | null {
  if (typeof expiry !== 'string') return null;
  if (expiry.length === 10) {
    const day = calendarDayStart(expiry);
    return day === null ? null : { kind: 'day', day };
  }
  if (!INSTANT_RE.test(expiry)) return null;
  const at = Date.parse(expiry);
  // Read back, so "2026-02-30T…" (rolled over by Date.parse) is refused like the day form.
  return Number.isFinite(at) && new Date(at).toISOString() === expiry ? { kind: 'instant', at } : null;
}

/** True for a well-formed expiry string (either form). */
export function isExpiry(s: unknown): s is string {
  return typeof s === 'string' && parseExpiry(s) !== null;
}

/** The stored instant form of epoch milliseconds; null when out of range (years 1970–9999 only). */
export function instantOf(ms: number): string | null {
  if (!Number.isFinite(ms) || ms < 0) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return null;
  return d.toISOString();
}

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

/** True when `zone` is an IANA zone name this platform's Intl knows (what the functions here accept). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of instant `ms` in `timeZone` as a UTC midnight (ms), so two such dates
 * subtract to whole days. Without a zone: the system's, read through Date's local getters — the
 * same zone Intl would resolve, without the cost of resolving its name on every call. Null for
 * an invalid instant. Throws RangeError for an unknown zone name.
 */
export function localDayOf(ms: number, timeZone: string | undefined): number | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  if (timeZone === undefined) return utcMidnight(d.getFullYear(), d.getMonth() + 1, d.getDate());
  let year = 0;
  let month = 0;
  let day = 0;
  let bc = false;
  for (const p of formatterFor(timeZone).formatToParts(d)) {
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

/** The last day (as a UTC midnight, ms) the token works in `timeZone`: the day itself, or the local day of the instant's last millisecond. */
function lastDayMs(p: ParsedExpiry, timeZone: string | undefined): number | null {
  return p.kind === 'day' ? p.day : localDayOf(p.at - 1, timeZone);
}

/**
 * "Expires on": the last local day (YYYY-MM-DD) the token works, in `timeZone` (default: the
 * system's). A day expiry is itself; an instant at 00:00 UTC on Dec 1 is Nov 30 from UTC−1
 * westwards and Dec 1 eastwards of UTC+0:00:01. Null for no or an unreadable expiry.
 */
export function expiryLastDay(expiry: string | null | undefined, timeZone?: string): string | null {
  const p = parseExpiry(expiry);
  if (p === null) return null;
  const ms = lastDayMs(p, timeZone);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whole calendar days from `now`'s date in `timeZone` (default: the system's) to the last day
 * the token works: 0 on that day itself, negative once it has passed, null for no or an
 * unreadable expiry (or an invalid `now`). Counted on dates, not hours, so a 23- or 25-hour
 * DST day still counts as one. Throws RangeError for an unknown zone name.
 */
export function daysUntil(expiry: string | null | undefined, now: Date, timeZone?: string): number | null {
  const p = parseExpiry(expiry);
  if (p === null) return null;
  const today = localDayOf(now.getTime(), timeZone);
  const last = lastDayMs(p, timeZone);
  if (today === null || last === null) return null;
  return Math.round((last - today) / DAY_MS);
}

/**
 * True once the token no longer works: for a day, from the local midnight after it; for an
 * instant, from that instant. False for no or an unreadable expiry, or an invalid `now`.
 */
export function hasExpired(expiry: string | null | undefined, now: Date, timeZone?: string): boolean {
  const p = parseExpiry(expiry);
  if (p === null || !Number.isFinite(now.getTime())) return false;
  if (p.kind === 'instant') return now.getTime() >= p.at;
  const today = localDayOf(now.getTime(), timeZone);
  return today !== null && today > p.day;
}

/**
 * True when instant `atMs` (a check's time) falls after the token's expiry: the platform spoke
 * about a token whose date had passed. Used so a platform that still accepts a token after the
 * user's date wins over that date.
 */
export function isAfterExpiry(expiry: string | null | undefined, atMs: number, timeZone?: string): boolean {
  return Number.isFinite(atMs) && hasExpired(expiry, new Date(atMs), timeZone);
}
