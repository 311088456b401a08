/**
 * Reminder days as people type them ("7, 1") and back. Checked with the shared schema, so the
 * settings dialog and the token dialog refuse exactly what main would, with its words.
 */
import { reminderDaysSchema } from '../../../shared/domain/reminder-policy';

/** The parsed list (distinct, descending), or the message to show. */
export type ParsedDays = { readonly ok: true; readonly days: number[] } | { readonly ok: false; readonly message: string };

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "7, 1" (commas and/or spaces) → [7, 1]. Empty text is an empty list (no reminders): callers
 * that need at least one day say so themselves.
 */
export function parseReminderDays(text: string): ParsedDays {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  // Checked before Number(): "1e2", "0x10" and "3.5" are numbers to JS but not days people write.
  if (parts.some((p) => !/^\d{1,4}$/.test(p))) {
    return { ok: false, message: 'Write whole days separated by commas, e.g. 7, 1.' };
  }
  const r = reminderDaysSchema.safeParse(parts.map(Number));
  if (!r.success) return { ok: false, message: `${capitalise(r.error.issues[0]?.message ?? 'invalid reminder days')}.` };
  return { ok: true, days: r.data };
}

/** [7, 1] → "7, 1". */
export const formatReminderDays = (days: readonly number[]): string => days.join(', ');

/** [7, 1] → "7 and 1 days before expiry"; [0] → "on the expiry day"; [] → "no reminders". */
export function describeReminderDays(days: readonly number[]): string {
  if (days.length === 0) return 'no reminders';
  const before = days.filter((d) => d > 0);
  const parts: string[] = [];
  if (before.length > 0) {
    const list = before.length === 1 ? String(before[0]) : `${before.slice(0, -1).join(', ')} and ${before[before.length - 1]}`;
    parts.push(`${list} ${before.length === 1 && before[0] === 1 ? 'day' : 'days'} before expiry`);
  }
  if (days.includes(0)) parts.push('on the expiry day');
  return parts.join(' and ');
}
