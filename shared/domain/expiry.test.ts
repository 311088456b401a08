import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { daysUntil, expiryLastDay, hasExpired, instantOf, isAfterExpiry, isExpiry, isKnownTimeZone, parseExpiry, systemTimeZone } from './expiry';

/** The zones of the matrix: UTC−10, UTC, UTC+5:45, UTC+14, and two with DST changes. */
const MATRIX = ['Pacific/Honolulu', 'UTC', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Europe/Paris', 'America/New_York'];
const ZONES = [...MATRIX, 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata'];

describe('the two forms', () => {
  test('a day and the stored instant form are expiries; near-misses are not (never guessed)', () => {
    expect(parseExpiry('2026-12-01')).toEqual({ kind: 'day', day: Date.parse('2026-12-01T00:00:00Z') });
    expect(parseExpiry('2026-12-01T00:00:00.000Z')).toEqual({ kind: 'instant', at: Date.parse('2026-12-01T00:00:00Z') });
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '', 'soon', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000+01:00', '2026-02-30T00:00:00.000Z', '2026-12-01 00:00:00 UTC']) {
      expect(parseExpiry(bad), bad).toBeNull();
      expect(isExpiry(bad)).toBe(false);
      expect(daysUntil(bad, new Date(), 'UTC')).toBeNull();
      expect(hasExpired(bad, new Date('2100-01-01T00:00:00Z'), 'UTC')).toBe(false);
    }
    expect(parseExpiry(null)).toBeNull();
    expect(instantOf(Number.NaN)).toBeNull();
    expect(instantOf(-1)).toBeNull();
    expect(instantOf(253_402_300_800_000)).toBeNull(); // year 10000
    expect(instantOf(1_796_083_200_000)).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('a GitLab expiry (stops at 00:00 UTC on its date) across the time-zone matrix', () => {
  const stop = '2026-12-01T00:00:00.000Z';
  const t = Date.parse(stop);
  // The last local day it works: the local date of its last millisecond (Nov 30 23:59:59.999 UTC).
  const lastDay: Record<string, string> = {
    'Pacific/Honolulu': '2026-11-30', // stops Nov 30 14:00 local
    UTC: '2026-11-30', // GitLab's "last usable day is the day before, in UTC"
    'Asia/Kathmandu': '2026-12-01', // stops Dec 1 05:45 local
    'Pacific/Kiritimati': '2026-12-01', // stops Dec 1 14:00 local
    'Europe/Paris': '2026-12-01', // stops Dec 1 01:00 local
    'America/New_York': '2026-11-30', // stops Nov 30 19:00 local
  };
  for (const zone of MATRIX) {
    test(`${zone}: expires on ${lastDay[zone]}, works until the instant, not a moment later`, () => {
      expect(expiryLastDay(stop, zone)).toBe(lastDay[zone]);
      expect(hasExpired(stop, new Date(t - 1), zone)).toBe(false);
      expect(hasExpired(stop, new Date(t), zone)).toBe(true);
      // On its last local day, a millisecond before it stops: 0 days left.
      expect(daysUntil(stop, new Date(t - 1), zone)).toBe(0);
    });
  }

  test('where a day cut to UTC used to be a day off: Honolulu and Kathmandu disagree about "tomorrow"', () => {
    const evening = new Date('2026-11-30T03:00:00Z'); // Nov 29 17:00 in Honolulu, Nov 30 08:45 in Kathmandu
    expect(daysUntil(stop, evening, 'Pacific/Honolulu')).toBe(1);
    expect(daysUntil(stop, evening, 'Asia/Kathmandu')).toBe(1);
    const morning = new Date('2026-11-30T20:00:00Z'); // Nov 30 10:00 in Honolulu, Dec 1 01:45 in Kathmandu: each on its last day
    expect(daysUntil(stop, morning, 'Pacific/Honolulu')).toBe(0);
    expect(daysUntil(stop, morning, 'Asia/Kathmandu')).toBe(0);
  });
});

describe('a typed day works through that local day', () => {
  const endOfDec1: Record<string, string> = {
    UTC: '2026-12-02T00:00:00Z',
    'Pacific/Honolulu': '2026-12-02T10:00:00Z',
    'Asia/Kathmandu': '2026-12-01T18:15:00Z',
    'Pacific/Kiritimati': '2026-12-01T10:00:00Z',
    'Asia/Tokyo': '2026-12-01T15:00:00Z',
    'Pacific/Pago_Pago': '2026-12-02T11:00:00Z',
  };
  for (const [zone, end] of Object.entries(endOfDec1)) {
    test(`${zone}: works through the last millisecond of Dec 1, expired at local midnight`, () => {
      const t = Date.parse(end);
      expect(daysUntil('2026-12-01', new Date(t - 1), zone)).toBe(0);
      expect(hasExpired('2026-12-01', new Date(t - 1), zone)).toBe(false);
      expect(daysUntil('2026-12-01', new Date(t), zone)).toBe(-1);
      expect(hasExpired('2026-12-01', new Date(t), zone)).toBe(true);
      expect(isAfterExpiry('2026-12-01', t, zone)).toBe(true);
      expect(isAfterExpiry('2026-12-01', t - 1, zone)).toBe(false);
      expect(expiryLastDay('2026-12-01', zone)).toBe('2026-12-01');
    });
  }

  test('without a zone, the system zone counts', () => {
    expect(isKnownTimeZone(systemTimeZone())).toBe(true);
    expect(daysUntil('2026-11-30', new Date('2026-11-23T12:00:00Z'))).toBe(7);
  });

  test('an invalid instant counts no days and has not expired', () => {
    expect(daysUntil('2026-12-01', new Date(Number.NaN))).toBeNull();
    expect(hasExpired('2020-01-01', new Date(Number.NaN))).toBe(false);
  });

  test('an unknown zone is a RangeError, never a silent guess', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => daysUntil('2026-12-01', new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => expiryLastDay('2026-12-01T00:00:00.000Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('DST change days count as one day, for both forms', () => {
  // [zone, the transition day, the instant the next local day starts]
  const cases: [string, string, string][] = [
    ['Europe/Paris', '2026-03-29', '2026-03-29T22:00:00Z'], // 23-hour day
    ['Europe/Paris', '2026-10-25', '2026-10-25T23:00:00Z'], // 25-hour day
    ['America/New_York', '2026-03-08', '2026-03-09T04:00:00Z'],
    ['America/New_York', '2026-11-01', '2026-11-02T05:00:00Z'],
  ];
  for (const [zone, day, next] of cases) {
    test(`${zone} ${day}`, () => {
      const t = Date.parse(next);
      expect(daysUntil(day, new Date(t - 1), zone)).toBe(0);
      expect(daysUntil(day, new Date(t), zone)).toBe(-1);
      // An instant at the local midnight ending the change day: its last day is that day.
      const instant = new Date(t).toISOString();
      expect(expiryLastDay(instant, zone)).toBe(day);
      expect(daysUntil(instant, new Date(t - 1), zone)).toBe(0);
      expect(hasExpired(instant, new Date(t), zone)).toBe(true);
      const start = DateTime.fromISO(day, { zone }).toJSDate();
      expect(daysUntil(day, start, zone)).toBe(0);
      expect(daysUntil(day, new Date(start.getTime() - 1), zone)).toBe(1);
    });
  }
});

const instants = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

describe('properties over random instants and zones (luxon is the oracle)', () => {
  test('an instant expiry: expired exactly from that instant; its last day is the local date of its last millisecond', () => {
    fc.assert(
      fc.property(instants, instants, fc.constantFrom(...ZONES), (stop, now, zone) => {
        const expiry = stop.toISOString();
        expect(hasExpired(expiry, now, zone)).toBe(now.getTime() >= stop.getTime());
        const last = DateTime.fromMillis(stop.getTime() - 1, { zone }).toISODate()!;
        expect(expiryLastDay(expiry, zone)).toBe(last);
        const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
        expect(daysUntil(expiry, now, zone)).toBe(Math.round(DateTime.fromISO(last).diff(DateTime.fromISO(today), 'days').days));
      }),
      { numRuns: 3000 },
    );
  });

  test('a day expiry: expired exactly from the local midnight after it, whatever the zone', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), fc.integer({ min: -800, max: 800 }), (now, zone, offset) => {
        const day = DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: offset });
        const expiry = day.toISODate()!;
        expect(daysUntil(expiry, now, zone)).toBe(offset);
        const end = day.plus({ days: 1 }).startOf('day').toMillis();
        expect(hasExpired(expiry, now, zone)).toBe(now.getTime() >= end);
        expect(hasExpired(expiry, now, zone)).toBe(offset < 0);
      }),
      { numRuns: 3000 },
    );
  });
});
