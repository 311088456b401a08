/**
 * Human expiry text for tables: "2026-12-01 (in 8 days)", "expired 3 days ago", "never".
 * An expiry is a day or an instant (shared/domain/expiry): the text shows the last local day
 * the token works and counts days with the shared functions, so it agrees with the STATUS
 * column, and an instant that passed earlier today already reads "expired today".
 */
import { daysUntil, expiryLastDay, hasExpired } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * Expiry as shown in lists. Null: "never" when the platform says the token never expires
 * (`never`), else "not set" (nobody knows). `timeZone`: default the system's.
 */
export function describeExpiry(expiry: string | null, now: Date = new Date(), timeZone?: string, never = false): string {
  if (expiry === null) return never ? 'never' : 'not set';
  const days = daysUntil(expiry, now, timeZone);
  const lastDay = expiryLastDay(expiry, timeZone);
  if (days === null || lastDay === null) return expiry;
  if (hasExpired(expiry, now, timeZone)) return days >= 0 ? 'expired today' : `expired ${rtf.format(days, 'day')}`;
  // The last day is still valid: a token expiring today has not expired yet.
  return `${lastDay} (${rtf.format(days, 'day')})`;
}

/** A token's expiry as shown in lists. */
export const viewExpiry = (v: Pick<TokenView, 'expiry' | 'neverExpires'>, now: Date = new Date(), timeZone?: string): string =>
  describeExpiry(v.expiry, now, timeZone, v.neverExpires);

/** Where a token's expiry comes from, in words, or null for one typed by the user. */
export function expirySourceText(v: Pick<TokenView, 'expiry' | 'expirySource' | 'expiryRaw' | 'neverExpires'>): string | null {
  if (v.expirySource === 'platform') {
    if (v.neverExpires) return 'the platform says it never expires';
    return `reported by the platform${v.expiryRaw ? ` ("${v.expiryRaw}")` : ''}; stops working at ${v.expiry === null ? '?' : shortTimestamp(v.expiry)}`;
  }
  if (v.expirySource === 'token') return `read from the token itself${v.expiryRaw ? ` (${v.expiryRaw})` : ''}; stops working at ${v.expiry === null ? '?' : shortTimestamp(v.expiry)}`;
  return null;
}

/** A timestamp (ISO) as "2026-05-01 14:03 UTC": short, unambiguous, no locale surprises. */
export function shortTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
