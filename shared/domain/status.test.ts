import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { computeStatus, daysUntil, isKnownTimeZone, systemTimeZone } from './status';

const now = new Date('2026-11-23T12:00:00Z');
const check = (result: 'active' | 'invalid' | 'revoked' | 'expired' | 'unknown') => ({ at: '2026-11-20T00:00:00Z', result });
const token = (expiresAt: string | null) => ({ expiresAt, lastCheck: null });

test('dates: expired after the end of the expiry day, expiring within 7 days', () => {
  expect(computeStatus(token('2026-11-22'), now, 7, 'UTC')).toBe('expired');
  expect(computeStatus(token('2026-11-23'), now, 7, 'UTC')).toBe('expiring');
  expect(computeStatus(token('2026-11-30'), now, 7, 'UTC')).toBe('expiring');
  expect(computeStatus({ expiresAt: '2026-12-01', lastCheck: check('active') }, now, 7, 'UTC')).toBe('active');
  expect(computeStatus(token(null), now)).toBe('unknown');
  expect(daysUntil('2026-11-30', now, 'UTC')).toBe(7);
  expect(daysUntil('2026-11-22', now, 'UTC')).toBe(-1);
  expect(daysUntil(null, now)).toBeNull();
});

test('without a zone, the system zone counts (noon UTC is the same date from UTC−11 to UTC+11)', () => {
  expect(daysUntil('2026-11-30', now)).toBe(7);
  expect(computeStatus(token('2026-11-22'), now)).toBe('expired');
  expect(computeStatus(token('2026-11-30'), now)).toBe('expiring');
  expect(isKnownTimeZone(systemTimeZone())).toBe(true);
});

test("the platform's verdict of revoked or invalid wins over dates", () => {
  expect(computeStatus({ expiresAt: '2027-01-01', lastCheck: check('revoked') }, now)).toBe('revoked');
  expect(computeStatus({ expiresAt: '2026-01-01', lastCheck: check('invalid') }, now)).toBe('invalid');
  expect(computeStatus({ expiresAt: null, lastCheck: check('expired') }, now)).toBe('expired');
  expect(computeStatus({ expiresAt: null, lastCheck: check('unknown') }, now)).toBe('unknown');
});

describe('across time zones', () => {
  // The instant the day after 2026-12-01 starts in each zone: the token dies right then.
  const endOfDec1: Record<string, string> = {
    UTC: '2026-12-02T00:00:00Z',
    'Asia/Tokyo': '2026-12-01T15:00:00Z', // +09:00
    'America/Los_Angeles': '2026-12-02T08:00:00Z', // −08:00 (PST)
    'Pacific/Kiritimati': '2026-12-01T10:00:00Z', // +14:00, the first to see a date
    'Pacific/Pago_Pago': '2026-12-02T11:00:00Z', // −11:00, among the last
  };

  for (const [zone, end] of Object.entries(endOfDec1)) {
    test(`${zone}: works through the last millisecond of its expiry day, expired at local midnight`, () => {
      const t = Date.parse(end);
      expect(daysUntil('2026-12-01', new Date(t - 1), zone)).toBe(0);
      expect(computeStatus(token('2026-12-01'), new Date(t - 1), 7, zone)).toBe('expiring');
      expect(daysUntil('2026-12-01', new Date(t), zone)).toBe(-1);
      expect(computeStatus(token('2026-12-01'), new Date(t), 7, zone)).toBe('expired');
      // And 24 hours before the end, the day before: one day left, at the edge of a 1-day window.
      expect(daysUntil('2026-12-01', new Date(t - 86_400_000 - 1), zone)).toBe(1);
      expect(computeStatus(token('2026-12-01'), new Date(t - 86_400_000 - 1), 0, zone)).toBe('unknown');
    });
  }

  test('one instant, different dates: where the UTC count used to be a day off', () => {
    const late = new Date('2026-11-30T23:30:00Z'); // Dec 1 in Tokyo and Kiritimati, Nov 30 in the Americas
    expect(daysUntil('2026-12-01', late, 'UTC')).toBe(1);
    expect(daysUntil('2026-12-01', late, 'Asia/Tokyo')).toBe(0);
    expect(daysUntil('2026-12-01', late, 'Pacific/Kiritimati')).toBe(0);
    expect(daysUntil('2026-12-01', late, 'America/Los_Angeles')).toBe(1);
    expect(daysUntil('2026-12-01', late, 'Pacific/Pago_Pago')).toBe(1);

    const morning = new Date('2026-12-01T10:30:00Z'); // Dec 2 in Kiritimati, still Nov 30 in Pago Pago
    expect(computeStatus(token('2026-12-01'), morning, 7, 'Pacific/Kiritimati')).toBe('expired');
    expect(computeStatus(token('2026-12-01'), morning, 7, 'Pacific/Pago_Pago')).toBe('expiring');
    expect(daysUntil('2026-12-01', morning, 'Pacific/Pago_Pago')).toBe(1);
    expect(daysUntil('2026-12-01', morning, 'Pacific/Kiritimati')).toBe(-1);
  });
});

describe('DST transition days count as one day', () => {
  // [zone, expiry (the transition day), instant the next local day starts]
  const cases: [string, string, string][] = [
    ['Europe/Paris', '2026-03-29', '2026-03-29T22:00:00Z'], // 23-hour day (02:00 → 03:00)
    ['Europe/Paris', '2026-10-25', '2026-10-25T23:00:00Z'], // 25-hour day (03:00 → 02:00)
    ['America/New_York', '2026-03-08', '2026-03-09T04:00:00Z'], // 23 hours
    ['America/New_York', '2026-11-01', '2026-11-02T05:00:00Z'], // 25 hours
  ];
  for (const [zone, day, next] of cases) {
    test(`${zone} ${day}`, () => {
      const t = Date.parse(next);
      expect(daysUntil(day, new Date(t - 1), zone)).toBe(0);
      expect(daysUntil(day, new Date(t), zone)).toBe(-1);
      // The transition day's own start, an hour shifted from its neighbours'.
      const start = DateTime.fromISO(day, { zone }).toJSDate();
      expect(daysUntil(day, start, zone)).toBe(0);
      expect(daysUntil(day, new Date(start.getTime() - 1), zone)).toBe(1);
      // A month across the change is still a whole number of days.
      const month = DateTime.fromISO(day, { zone }).minus({ months: 1 });
      expect(daysUntil(day, month.toJSDate(), zone)).toBe(Math.round(DateTime.fromISO(day).diff(DateTime.fromISO(month.toISODate()!), 'days').days));
    });
  }
});

describe('unreadable input', () => {
  test('impossible or malformed dates have no day count, so dates do not decide the status', () => {
    for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '', 'soon', '2026-01-01T00:00:00Z']) {
      expect(daysUntil(bad, now, 'UTC')).toBeNull();
      expect(computeStatus({ expiresAt: bad, lastCheck: check('active') }, now, 7, 'UTC')).toBe('active');
    }
    expect(daysUntil('2028-02-29', now, 'UTC')).toBe(463); // a leap day is a date
  });

  test('an invalid instant counts no days', () => {
    const invalid = new Date(Number.NaN);
    expect(daysUntil('2026-12-01', invalid)).toBeNull();
    expect(daysUntil('2026-12-01', invalid, 'Asia/Tokyo')).toBeNull();
    expect(computeStatus({ expiresAt: '2020-01-01', lastCheck: check('active') }, invalid)).toBe('active');
  });

  test('an unknown zone is a RangeError, never a silent guess', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(() => daysUntil('2026-12-01', now, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => computeStatus(token('2026-12-01'), now, 7, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

test('property: the day count is the calendar-day difference luxon sees in that zone', () => {
  const zones = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns'];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...zones),
      fc.integer({ min: -800, max: 800 }),
      (instant, zone, offset) => {
        const today = DateTime.fromJSDate(instant, { zone }).startOf('day');
        const expiry = today.plus({ days: offset }).toISODate()!;
        expect(daysUntil(expiry, instant, zone)).toBe(offset);
        const status = computeStatus(token(expiry), instant, 7, zone);
        expect(status).toBe(offset < 0 ? 'expired' : offset <= 7 ? 'expiring' : 'unknown');
      },
    ),
    { numRuns: 2000 },
  );
});
