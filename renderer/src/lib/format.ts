/** Human wording for dates and statuses, shared by the list and the detail pane. */
import { daysUntil, type TokenStatus } from '../../../shared/domain/status';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "in 6 days", "today", "expired 3 days ago", "no expiry". */
export function relativeExpiry(expiresAt: string | null, now: Date): string {
  const days = daysUntil(expiresAt, now);
  if (days === null) return 'no expiry';
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  if (days > 0) return `in ${plural(days, 'day')}`;
  if (days === -1) return 'expired yesterday';
  return `expired ${plural(-days, 'day')} ago`;
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
