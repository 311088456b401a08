/**
 * Human expiry text for tables: "2026-12-01 (in 8 days)", "expired 3 days ago", "never".
 * Expiry dates are calendar days; a token expires at the end of that day in UTC (as the
 * shared status rules say), so days are counted between UTC calendar dates.
 */

const DAY_MS = 86_400_000;
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Whole days from `now`'s UTC date to `date` (YYYY-MM-DD); negative in the past. */
export function daysUntil(date: string, now: Date): number {
  const target = Date.parse(`${date}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / DAY_MS);
}

/** Expiry as shown in lists. `null` means the token never expires. */
export function describeExpiry(expiresAt: string | null, now: Date = new Date()): string {
  if (expiresAt === null) return 'never';
  const days = daysUntil(expiresAt, now);
  if (!Number.isFinite(days)) return expiresAt;
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
