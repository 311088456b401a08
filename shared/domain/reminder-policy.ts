/**
 * Renewal reminder policy: how many days before a token's expiry a reminder fires, and at
 * which local hour. One global list, optionally overridden per token. Pure, so the settings
 * dialog, the CLI and the scheduler validate the same way.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { describeZodError } from './describe-zod';

/** Days before expiry reminders fire when the user has set nothing: a week ahead, then the day before. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = Object.freeze([7, 1]);

/** Local hour reminders fire at when the user has set nothing: the start of a working day. */
export const DEFAULT_REMINDER_HOUR = 9;

/** Bounds on a reminder list: a year ahead is the longest useful notice; ten is plenty. */
export const REMINDER_LIMITS = { maxDaysBefore: 365, maxEntries: 10 } as const;

// Raw input may repeat days (deduplicated below); past this it is garbage, not a typo.
const RAW_ENTRIES_MAX = 100;

/**
 * A list of days before expiry: integers 0..365 (0 = on the expiry day itself), deduplicated
 * and sorted descending (the order reminders fire in), at most 10 after deduplication.
 * An empty list is valid and means "no reminders".
 */
export const reminderDaysSchema = z
  .array(
    z
      .number({ message: 'reminder days must be numbers' })
      .int({ message: 'reminder days must be whole days' })
      .min(0, { message: 'reminder days cannot be negative' })
      .max(REMINDER_LIMITS.maxDaysBefore, { message: `reminder days must be at most ${REMINDER_LIMITS.maxDaysBefore}` }),
  )
  .max(RAW_ENTRIES_MAX, { message: `at most ${REMINDER_LIMITS.maxEntries} reminders` })
  .transform((days) => [...new Set(days)].sort((a, b) => b - a))
  .refine((days) => days.length <= REMINDER_LIMITS.maxEntries, {
    message: `at most ${REMINDER_LIMITS.maxEntries} reminders`,
  });

/** A token's own list: null follows the global policy, [] turns reminders off for that token. */
export const tokenReminderDaysSchema = reminderDaysSchema.nullable();

/** The global policy; missing fields take the defaults. */
export const reminderPolicySchema = z
  .object({
    days: reminderDaysSchema.default([...DEFAULT_REMINDER_DAYS]),
    hour: z
      .number({ message: 'reminder hour must be a number' })
      .int({ message: 'reminder hour must be a whole hour' })
      .min(0, { message: 'reminder hour must be 0 to 23' })
      .max(23, { message: 'reminder hour must be 0 to 23' })
      .default(DEFAULT_REMINDER_HOUR),
  })
  .strict();

/** The global reminder policy, validated. */
export interface ReminderPolicy {
  /** Days before expiry, distinct, descending. */
  readonly days: readonly number[];
  /** Local hour of day (0–23) reminders fire at, on the minute. */
  readonly hour: number;
}

/** The policy before the user changes anything. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  days: DEFAULT_REMINDER_DAYS,
  hour: DEFAULT_REMINDER_HOUR,
});

/** Validates a global policy (settings file, IPC, CLI); throws AppError BAD_INPUT. */
export function parseReminderPolicy(input: unknown): ReminderPolicy {
  const r = reminderPolicySchema.safeParse(input);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'reminders: '));
  return r.data;
}

/** Validates a token's own list (null = follow the global policy); throws AppError BAD_INPUT. */
export function parseTokenReminderDays(input: unknown): readonly number[] | null {
  const r = tokenReminderDaysSchema.safeParse(input);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, 'reminders: '));
  return r.data;
}

/** The days that apply to one token: its own list when it has one (even empty), else the global one. */
export function effectiveReminderDays(policy: ReminderPolicy, tokenDays: readonly number[] | null): readonly number[] {
  return tokenDays ?? policy.days;
}
