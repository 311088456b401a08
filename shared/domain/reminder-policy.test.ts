import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  DEFAULT_REMINDER_POLICY,
  effectiveReminderDays,
  parseReminderPolicy,
  parseTokenReminderDays,
} from './reminder-policy';

const rejects = (f: () => unknown, message: RegExp) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_INPUT');
    expect((e as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected a BAD_INPUT error');
};

describe('reminder policy', () => {
  it('defaults to 7 and 1 days before, at 09:00', () => {
    expect(parseReminderPolicy({})).toEqual({ days: [7, 1], hour: 9 });
    expect(DEFAULT_REMINDER_POLICY).toEqual({ days: [7, 1], hour: 9 });
  });

  it('deduplicates and sorts the days descending', () => {
    expect(parseReminderPolicy({ days: [1, 7, 7, 30, 0, 1], hour: 8 })).toEqual({ days: [30, 7, 1, 0], hour: 8 });
  });

  it('takes whole days 0..365 only', () => {
    expect(parseReminderPolicy({ days: [0, 365] }).days).toEqual([365, 0]);
    rejects(() => parseReminderPolicy({ days: [-1] }), /negative/);
    rejects(() => parseReminderPolicy({ days: [366] }), /at most 365/);
    rejects(() => parseReminderPolicy({ days: [1.5] }), /whole days/);
    rejects(() => parseReminderPolicy({ days: ['7'] }), /numbers/);
    rejects(() => parseReminderPolicy({ days: 7 }), /days/);
  });

  it('allows at most 10 distinct days (repeats do not count)', () => {
    expect(parseReminderPolicy({ days: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10] }).days).toHaveLength(10);
    rejects(() => parseReminderPolicy({ days: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }), /at most 10 reminders/);
    rejects(() => parseReminderPolicy({ days: Array.from({ length: 500 }, () => 1) }), /at most 10 reminders/);
  });

  it('takes an hour 0..23 and refuses unknown fields', () => {
    expect(parseReminderPolicy({ hour: 0 }).hour).toBe(0);
    expect(parseReminderPolicy({ hour: 23 }).hour).toBe(23);
    rejects(() => parseReminderPolicy({ hour: 24 }), /0 to 23/);
    rejects(() => parseReminderPolicy({ hour: 9.5 }), /whole hour/);
    rejects(() => parseReminderPolicy({ days: [7], minute: 30 }), /minute|unrecognized/i);
  });

  it('a token list overrides the global one; [] means none; null follows the global one', () => {
    const policy = parseReminderPolicy({ days: [14, 2] });
    expect(effectiveReminderDays(policy, null)).toEqual([14, 2]);
    expect(effectiveReminderDays(policy, [3])).toEqual([3]);
    expect(effectiveReminderDays(policy, [])).toEqual([]);
    expect(parseTokenReminderDays(null)).toBeNull();
    expect(parseTokenReminderDays([])).toEqual([]);
    expect(parseTokenReminderDays([1, 3, 3])).toEqual([3, 1]);
    rejects(() => parseTokenReminderDays([400]), /at most 365/);
  });
});
