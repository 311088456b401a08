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

/** A parsed expiry: a calendar day (its UTC midnight, ms) or an instant (ms). */
export type ParsedExpiry = { readonly kind: 'day'; readonly day: number } | { readonly kind: 'instant'; readonly at: number };

/** Two to four ASCII digits at `at` as a number, or -1. charCodeAt, not a regex: unlock reads 10,000 of these. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** UTC ms of a date that exists (no Feb 30, no month 13), else null. Years 0000–9999. */
function existingDay(y: number, mo: number, d: number): number | null {
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = utcMidnight(y, mo, d);
  const back = new Date(t);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
}

/** A YYYY-MM-DD date that exists (no 2026-02-30) as its UTC midnight (ms), else null. */
export function calendarDayStart(date: string): number | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  return existingDay(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2));
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` exactly (what Date#toISOString writes for years 0000–9999) as ms, else null. */
function instantMs(s: string): number | null {
  if (s.length !== 24 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return null;
  const day = existingDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const se = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  if (day === null || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || ms < 0) return null;
  return day + ((h * 60 + mi) * 60 + se) * 1000 + ms;
}

// The last string read and its reading: a token's view reads the same expiry three times in a row.
let lastText: string | null = null;
let lastParsed: ParsedExpiry | null = null;

/** An expiry string read as a day or an instant; null when it is neither (never guessed). */
export function parseExpiry(expiry: string | null | undefined): ParsedExpiry | null {
  if (typeof expiry !== 'string') return null;
  if (expiry === lastText) return lastParsed;
  let parsed: ParsedExpiry | null = null;
  if (expiry.length === 10) {
    const day = calendarDayStart(expiry);
    if (day !== null) parsed = { kind: 'day', day };
  } else {
    const at = instantMs(expiry);
    if (at !== null) parsed = { kind: 'instant', at };
  }
  lastText = expiry;
  lastParsed = parsed;
  return parsed;
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
  // "Today" is asked for once per token with the same `now`: remember the last answer (keyed on
  // the instant and zone name; a TZ change at run time is seen from the next `now` on).
  if (ms === lastDayQuery.ms && timeZone === lastDayQuery.zone) return lastDayQuery.day;
  const day = computeLocalDay(ms, timeZone);
  lastDayQuery = { ms, zone: timeZone, day };
  return day;
}

let lastDayQuery: { ms: number; zone: string | undefined; day: number | null } = { ms: Number.NaN, zone: undefined, day: null };

function computeLocalDay(ms: number, timeZone: string | undefined): number | null {
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
  return p.kind === 'day' ? p.day : computeLocalDay(p.at - 1, timeZone);
}

/**
 * "Expires on": the last local day (YYYY-MM-DD) the token works, in `timeZone` (default: the
 * system's). A day expiry is itself; an instant at 00:00 UTC on Dec 1 is Nov 30 from UTC−1
 * westwards and Dec 1 eastwards of UTC+0:00:01. Null for no or an unreadable expiry.
 */
export function expiryLastDay(expiry: string | null | undefined, timeZone?: string): string | null {
  const p = parseExpiry(expiry);
  if (p === null) return null;
  // A day is already its own answer, in the form parseExpiry checked digit by digit (the list
  // view reads 10,000 of these on unlock; a Date round trip each is measurable).
  if (p.kind === 'day') return expiry as string;
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
