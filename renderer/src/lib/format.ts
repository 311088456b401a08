/** Human wording for dates and statuses, shared by the list and the detail pane. */
import { daysUntil, hasExpired } from '../../../shared/domain/expiry';
import type { TokenStatus } from '../../../shared/domain/status';
import type { TokenView } from '../api/types';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "in 6 days", "today", "expired 3 days ago", "no expiry" for an expiry (a day, or the instant a
 * platform reported: shared/domain/expiry), counted in this machine's zone like the status.
 */
export function relativeExpiry(expiry: string | null, now: Date): string {
  const days = daysUntil(expiry, now);
  if (days === null) return 'no expiry';
  if (hasExpired(expiry, now)) return days >= 0 ? 'expired today' : days === -1 ? 'expired yesterday' : `expired ${plural(-days, 'day')} ago`;
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  if (days > 0) return `in ${plural(days, 'day')}`;
  if (days === -1) return 'expired yesterday';
  return `expired ${plural(-days, 'day')} ago`;
}

/** The expiry line: "2026-11-30 (in 7 days)", "Never (the platform says so)", "No expiry date". */
export function expiryText(t: Pick<TokenView, 'expiresAt' | 'expiry' | 'neverExpires'>, now: Date): string {
  if (t.expiresAt === null || t.expiry === null) return t.neverExpires ? 'Never (the platform says so)' : 'No expiry date';
  return `${t.expiresAt} (${relativeExpiry(t.expiry, now)})`;
}

/**
 * Where a reported expiry comes from and the moment it stops, in local time: "Reported by the
 * platform ("2026-12-01"); stops 2026-12-01 01:00". Null for a date the user typed.
 */
export function expirySourceText(t: Pick<TokenView, 'expiry' | 'expirySource' | 'expiryRaw' | 'neverExpires'>): string | null {
  if (t.expirySource === null || t.expirySource === 'user' || t.neverExpires || t.expiry === null) return null;
  const who = t.expirySource === 'platform' ? 'Reported by the platform' : 'Read from the token itself';
  return `${who}${t.expiryRaw ? ` (“${t.expiryRaw}”)` : ''}; stops working ${formatTimestamp(t.expiry)} (your time)`;
}

/** A calendar day as written (the vault stores YYYY-MM-DD, the universal order). */
export function formatDay(day: string | null): string {
  return day ?? '—';
}

/** A timestamp as local date and time, "2026-11-23 14:05". */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The words shown in each status badge (never colour alone). */
export const STATUS_LABEL: Record<TokenStatus, string> = {
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
  invalid: 'Invalid',
  unknown: 'Unchecked',
};

/** "checked 2026-11-20 10:00: active" or "never checked". */
export function describeLastCheck(check: { at: string; result: string; reason?: string | undefined } | null): string {
  if (check === null) return 'never checked';
  return `checked ${formatTimestamp(check.at)}: ${check.result}${check.reason ? ` (${check.reason})` : ''}`;
}
