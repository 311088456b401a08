/**
 * Human expiry text for tables: "2026-12-01 (in 8 days)", "expired 3 days ago", "never".
 * Expiry dates are calendar days; a token works through the end of that day in the user's
 * time zone, counted by the shared status function so the text and the STATUS column agree.
 */
import { daysUntil } from '../../../shared/domain/status';

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Expiry as shown in lists. `null` means the token never expires. `timeZone`: default the system's. */
export function describeExpiry(expiresAt: string | null, now: Date = new Date(), timeZone?: string): string {
  if (expiresAt === null) return 'never';
  const days = daysUntil(expiresAt, now, timeZone);
  if (days === null) return expiresAt;
  // The last day is still valid: a token expiring today has not expired yet.
  if (days < 0) return `expired ${rtf.format(days, 'day')}`;
  return `${expiresAt} (${rtf.format(days, 'day')})`;
}

/** A timestamp (ISO) as "2026-05-01 14:03 UTC": short, unambiguous, no locale surprises. */
export function shortTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
