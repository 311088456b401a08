/**
 * Human words for the documents people read (HTML, calendar): platform names, expiry in days,
 * timestamps. English and UTC timestamps on purpose: the same export reads the same wherever it
 * is made. Days left are counted like the status column (the system's calendar day), so a page
 * never says "expired" beside an "Expiring soon" badge.
 */
import { PLATFORMS } from '../../../shared/domain/platform-ids';
import { daysUntil, hasExpired } from '../../../shared/domain/expiry';
import type { TokenStatus } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';

const platformNames = new Map<string, string>(PLATFORMS.map((p) => [p.id, p.name]));

/**
 * The platform as people call it ("GitHub"; a custom platform by the name the user gave it).
 * An id the list does not know is shown as is.
 */
export function platformLabel(v: Pick<TokenView, 'platform' | 'customPlatformName'>): string {
  if (v.platform === 'custom' && v.customPlatformName) return v.customPlatformName;
  return platformNames.get(v.platform) ?? v.platform;
}

/** Status words for headings and badges. */
export const STATUS_LABELS: Readonly<Record<TokenStatus, string>> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  invalid: 'Invalid',
  unknown: 'Unknown',
};

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * Days left as words: "today", "tomorrow", "in 8 days", "expired 3 days ago". The last day
 * itself is still valid, so 0 is "today" — unless the token stopped at an instant earlier today.
 */
export function daysLeftText(expiry: string, now: Date): string {
  const days = daysUntil(expiry, now);
  if (days === null) return 'unreadable date';
  if (hasExpired(expiry, now)) return days >= 0 ? 'expired today' : `expired ${rtf.format(days, 'day')}`;
  return rtf.format(days, 'day');
}

/** A timestamp as "2026-05-01 14:03 UTC"; anything unreadable is shown as stored. */
export function utcMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The UTC calendar day of `d`, YYYY-MM-DD. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A check's result with what the platform said: "active (owner octocat)", "invalid (401: bad credentials)". */
export function lastCheckText(c: TokenView['lastCheck']): string {
  if (c === null) return 'never checked';
  const detail = [c.reason, c.owner !== undefined ? `owner ${c.owner}` : undefined].filter((s) => s !== undefined && s !== '');
  return detail.length > 0 ? `${c.result} (${detail.join('; ')})` : c.result;
}
