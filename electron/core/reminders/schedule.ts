/**
 * When a token's renewal reminders are due: pure date arithmetic in the user's time zone.
 * luxon does the zone work so a 09:00 reminder is 09:00 on the wall clock on both sides of a
 * DST change, which fixed 24-hour steps from the expiry date would get wrong.
 */
import { DateTime } from 'luxon';
import { REMINDER_LIMITS, effectiveReminderDays, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { calendarDayStart, expiryLastDay, isExpiry, isKnownTimeZone } from '../../../shared/domain/expiry';

// Days left are counted by shared/domain/expiry.ts's daysUntil (with the same zone), not here:
// one count for the status column, the badge and the notifications.

/** What the schedule needs of a token: its id, expiry and own reminder list. */
export interface ScheduleToken {
  readonly id: string;
  /**
   * A day (YYYY-MM-DD, works through it) or an instant (ISO, stops then): shared/domain/expiry.
   * Null: never expires, never reminded.
   */
  readonly expiry: string | null;
  /** The token's own days-before list; null follows the policy, [] means no reminders. */
  readonly reminderDays: readonly number[] | null;
}

/** One reminder of one token. */
export interface ScheduledReminder {
  /** `${tokenId}|${expiry}|${daysBefore}`: stable across restarts, new when the expiry changes. */
  readonly key: string;
  readonly tokenId: string;
  readonly expiry: string;
  readonly daysBefore: number;
  /** The instant it is due. */
  readonly dueAt: Date;
}

/** The fired-store key of one reminder. Ids are hex and expiries digits and `-:.TZ`, so '|' cannot be ambiguous. */
export function reminderKey(tokenId: string, expiry: string, daysBefore: number): string {
  return `${tokenId}|${expiry}|${daysBefore}`;
}

/** Splits a key made by reminderKey; null for anything else (a damaged store entry). */
export function parseReminderKey(key: string): { tokenId: string; expiry: string; daysBefore: number } | null {
  const m = /^([^|]+)\|([^|]+)\|(\d{1,3})$/.exec(key);
  if (!m || !isExpiry(m[2])) return null;
  return { tokenId: m[1]!, expiry: m[2]!, daysBefore: Number(m[3]) };
}

/**
 * The token's reminders, earliest first: for each N in its effective list, `policy.hour`:00
 * local time in `timeZone` on the calendar date N days before the last local day the token works
 * (for an instant expiry: the local day of its last millisecond). On a spring-forward day
 * when that hour does not exist, luxon moves it forward to the first instant that does (02:00
 * → 03:00); on a fall-back day an hour that occurs twice fires once (one key). No expiry, an
 * unreadable date, or an empty list → none. Throws RangeError for an unknown time zone
 * (callers fall back to UTC rather than stay silent).
 */
export function reminderSchedule(token: ScheduleToken, policy: ReminderPolicy, timeZone: string): ScheduledReminder[] {
  if (token.expiry === null) return [];
  if (!isKnownTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  const lastDay = expiryLastDay(token.expiry, timeZone);
  const expiry = lastDay === null ? null : calendarDate(lastDay);
  if (!expiry) return [];
  const days = effectiveReminderDays(policy, token.reminderDays).filter(
    // The scheduler must not trip over a stored list that predates today's validation.
    (d) => Number.isInteger(d) && d >= 0 && d <= REMINDER_LIMITS.maxDaysBefore,
  );
  const out: ScheduledReminder[] = [];
  for (const daysBefore of new Set(days)) {
    const day = expiry.minus({ days: daysBefore });
    const due = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: policy.hour }, { zone: timeZone });
    out.push({
      key: reminderKey(token.id, token.expiry, daysBefore),
      tokenId: token.id,
      expiry: token.expiry,
      daysBefore,
      dueAt: due.toJSDate(),
    });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** A YYYY-MM-DD date that exists, as a zone-free calendar date (luxon in UTC), or null. */
function calendarDate(s: string): DateTime | null {
  const start = calendarDayStart(s); // the status function's reading of a date, so both agree
  return start === null ? null : DateTime.fromMillis(start, { zone: 'utc' });
}
