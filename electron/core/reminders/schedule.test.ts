import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../../shared/domain/reminder-policy';
import { daysUntil } from '../../../shared/domain/expiry';
import { parseReminderKey, reminderKey, reminderSchedule } from './schedule';

const token = (expiry: string | null, reminderDays: readonly number[] | null = null) => ({ id: 'ab12', expiry, reminderDays });
const instants = (expiresAt: string, zone: string, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY) =>
  reminderSchedule(token(expiresAt), policy, zone).map((r) => [r.daysBefore, r.dueAt.toISOString()]);
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');

describe('reminderSchedule', () => {
  it('puts the 7- and 1-day reminders at 09:00 local on expiry − N days, earliest first, with stable keys', () => {
    const s = reminderSchedule(token('2026-12-01'), DEFAULT_REMINDER_POLICY, 'Europe/Paris');
    expect(s.map((r) => r.key)).toEqual(['ab12|2026-12-01|7', 'ab12|2026-12-01|1']);
    expect(s.map((r) => r.dueAt.toISOString())).toEqual(['2026-11-24T08:00:00.000Z', '2026-11-30T08:00:00.000Z']);
  });

  it('the same date is a different instant in Tokyo and Los Angeles', () => {
    expect(instants('2026-12-01', 'Asia/Tokyo')).toEqual([
      [7, '2026-11-24T00:00:00.000Z'],
      [1, '2026-11-30T00:00:00.000Z'],
    ]);
    expect(instants('2026-12-01', 'America/Los_Angeles')).toEqual([
      [7, '2026-11-24T17:00:00.000Z'],
      [1, '2026-11-30T17:00:00.000Z'],
    ]);
  });

  it('stays at 09:00 local across the DST changes (Paris, New York), including on the change day', () => {
    // Paris: summer time from 2026-03-29, winter time from 2026-10-25.
    expect(instants('2026-04-02', 'Europe/Paris')).toEqual([
      [7, '2026-03-26T08:00:00.000Z'],
      [1, '2026-04-01T07:00:00.000Z'],
    ]);
    expect(instants('2026-10-30', 'Europe/Paris')).toEqual([
      [7, '2026-10-23T07:00:00.000Z'],
      [1, '2026-10-29T08:00:00.000Z'],
    ]);
    // New York: summer time from 2026-03-08, winter time from 2026-11-01.
    expect(instants('2026-03-12', 'America/New_York')).toEqual([
      [7, '2026-03-05T14:00:00.000Z'],
      [1, '2026-03-11T13:00:00.000Z'],
    ]);
    expect(instants('2026-11-05', 'America/New_York')).toEqual([
      [7, '2026-10-29T13:00:00.000Z'],
      [1, '2026-11-04T14:00:00.000Z'],
    ]);
    const onChangeDays = { days: [1], hour: 9 };
    for (const [expiresAt, zone] of [
      ['2026-03-30', 'Europe/Paris'],
      ['2026-10-26', 'Europe/Paris'],
      ['2026-03-09', 'America/New_York'],
      ['2026-11-02', 'America/New_York'],
    ] as const) {
      const [r] = reminderSchedule(token(expiresAt), onChangeDays, zone);
      expect(local(r!.dueAt, zone)).toBe(`${DateTime.fromISO(expiresAt).minus({ days: 1 }).toISODate()} 09:00`);
    }
  });

  it('an hour skipped by spring-forward becomes the next valid instant', () => {
    const at2 = { days: [1], hour: 2 };
    // 02:00 does not exist on these days; 03:00 summer time is the first instant after it.
    expect(instants('2026-03-30', 'Europe/Paris', at2)).toEqual([[1, '2026-03-29T01:00:00.000Z']]);
    expect(instants('2026-03-09', 'America/New_York', at2)).toEqual([[1, '2026-03-08T07:00:00.000Z']]);
  });

  it('uses the token list over the global one; [] and no expiry mean no reminders', () => {
    const policy = { days: [7, 1], hour: 9 };
    expect(reminderSchedule(token('2026-12-01', [3]), policy, 'UTC').map((r) => r.daysBefore)).toEqual([3]);
    expect(reminderSchedule(token('2026-12-01', []), policy, 'UTC')).toEqual([]);
    expect(reminderSchedule(token(null), policy, 'UTC')).toEqual([]);
    expect(reminderSchedule(token('2026-02-30'), policy, 'UTC')).toEqual([]);
    expect(reminderSchedule(token('not a date'), policy, 'UTC')).toEqual([]);
  });

  it('0 days before is the expiry day itself; a month boundary is calendar arithmetic', () => {
    const s = reminderSchedule(token('2026-03-01', [0, 1, 30]), DEFAULT_REMINDER_POLICY, 'UTC');
    expect(s.map((r) => [r.daysBefore, r.dueAt.toISOString()])).toEqual([
      [30, '2026-01-30T09:00:00.000Z'],
      [1, '2026-02-28T09:00:00.000Z'],
      [0, '2026-03-01T09:00:00.000Z'],
    ]);
  });

  it('ignores stored days outside 0..365 rather than failing', () => {
    expect(reminderSchedule(token('2026-12-01', [7, -1, 1.5, 400]), DEFAULT_REMINDER_POLICY, 'UTC').map((r) => r.daysBefore)).toEqual([7]);
  });

  it('an instant (GitLab: 00:00 UTC on its date) reminds N days before its last LOCAL day', () => {
    // Stops Dec 1 00:00 UTC: Nov 30 is the last day in Los Angeles, Dec 1 in Tokyo.
    const gitlab = '2026-12-01T00:00:00.000Z';
    const la = reminderSchedule(token(gitlab, [1]), DEFAULT_REMINDER_POLICY, 'America/Los_Angeles');
    expect(la.map((r) => [r.key, local(r.dueAt, 'America/Los_Angeles')])).toEqual([[`ab12|${gitlab}|1`, '2026-11-29 09:00']]);
    const tokyo = reminderSchedule(token(gitlab, [1]), DEFAULT_REMINDER_POLICY, 'Asia/Tokyo');
    expect(tokyo.map((r) => local(r.dueAt, 'Asia/Tokyo'))).toEqual(['2026-11-30 09:00']);
  });

  it('refuses an unknown time zone', () => {
    expect(() => reminderSchedule(token('2026-12-01'), DEFAULT_REMINDER_POLICY, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('keys and local days', () => {
  it('round-trips keys and rejects malformed ones', () => {
    expect(parseReminderKey(reminderKey('ab12', '2026-12-01', 7))).toEqual({ tokenId: 'ab12', expiry: '2026-12-01', daysBefore: 7 });
    const instant = '2026-12-01T00:00:00.000Z';
    expect(parseReminderKey(reminderKey('ab12', instant, 1))).toEqual({ tokenId: 'ab12', expiry: instant, daysBefore: 1 });
    for (const bad of ['', 'ab12', 'ab12|2026-12-01', 'ab12|2026-13-01|7', 'ab12|2026-12-01|x', '|2026-12-01|7', 'a|b|2026-12-01|7']) {
      expect(parseReminderKey(bad)).toBeNull();
    }
  });

  it('counts local calendar days with the status function, whatever the hour and zone', () => {
    const now = new Date('2026-11-30T23:30:00Z'); // already Dec 1 in Tokyo, still Nov 30 in Los Angeles
    expect(daysUntil('2026-12-01', now, 'Asia/Tokyo')).toBe(0);
    expect(daysUntil('2026-12-01', now, 'America/Los_Angeles')).toBe(1);
    expect(daysUntil('2026-11-29', now, 'UTC')).toBe(-1);
    // Across the 25-hour day in Paris.
    expect(daysUntil('2026-10-26', new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe(1);
  });
});
