/**
 * The status function (shared/domain/status.ts) and the reminder schedule must tell the same
 * story in every zone: a reminder N days before expiry fires on the day the status says N days
 * are left, and the system zone the app defaults to is the one it names for the scheduler.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { daysUntil, systemTimeZone } from '../../../shared/domain/expiry';
import { computeStatus } from '../../../shared/domain/status';
import { reminderSchedule } from './schedule';

// Zones a day apart (+14 and −11), half- and quarter-hour offsets, DST at 02:00, 00:00 and a
// 30-minute DST (Lord Howe). Years from 2000: some Pacific zones skipped a whole date before.
const ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/Los_Angeles',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Europe/Paris',
  'America/New_York',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
];

const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

describe('status and reminder schedule agree', () => {
  it('property: each reminder fires on the local day the status counts its days-before', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...ZONES),
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 0, max: 23 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 365 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 30 }),
        (now, zone, offset, hour, days, window) => {
          const expiresAt = DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: offset }).toISODate()!;
          const schedule = reminderSchedule({ id: 'ab12', expiry: expiresAt, reminderDays: days }, { days: [7, 1], hour }, zone);
          expect(schedule.map((r) => r.daysBefore).sort((a, b) => a - b)).toEqual([...days].sort((a, b) => a - b));
          for (const r of schedule) {
            expect(daysUntil(expiresAt, r.dueAt, zone)).toBe(r.daysBefore);
            expect(computeStatus({ expiry: expiresAt, lastCheck: null }, r.dueAt, window, zone)).toBe(r.daysBefore <= window ? 'expiring' : 'unknown');
            // Due already ⇔ today is that day or later (or the same day past the hour).
            const left = daysUntil(expiresAt, now, zone)!;
            if (r.dueAt.getTime() <= now.getTime()) expect(left).toBeLessThanOrEqual(r.daysBefore);
            else expect(left).toBeGreaterThanOrEqual(r.daysBefore);
          }
          expect(daysUntil(expiresAt, now, zone)).toBe(offset);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('property: for an instant a platform reported, too (reminders count from its last local day)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: -5 * 86_400_000, max: 400 * 86_400_000 }), fc.integer({ min: 0, max: 23 }), (now, zone, ahead, hour) => {
        const expiry = new Date(now.getTime() + ahead).toISOString();
        for (const r of reminderSchedule({ id: 'ab12', expiry, reminderDays: [30, 7, 1, 0] }, { days: [], hour }, zone)) {
          expect(daysUntil(expiry, r.dueAt, zone)).toBe(r.daysBefore);
          const status = computeStatus({ expiry, lastCheck: null }, r.dueAt, 7, zone);
          // A 0-day reminder at an hour after the instant finds it already expired; else it agrees.
          if (r.dueAt.getTime() >= Date.parse(expiry)) expect(status).toBe('expired');
          else expect(status).toBe(r.daysBefore <= 7 ? 'expiring' : 'unknown');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('in Tokyo just after midnight UTC−ward: the 1-day reminder, the status and the count agree', () => {
    // 2026-11-30 09:00 in Tokyo is 00:00 UTC: the UTC count (2 days) used to disagree.
    const [oneDay] = reminderSchedule({ id: 'ab12', expiry: '2026-12-01', reminderDays: [1] }, { days: [], hour: 9 }, 'Asia/Tokyo');
    expect(oneDay!.dueAt.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(daysUntil('2026-12-01', oneDay!.dueAt, 'Asia/Tokyo')).toBe(1);
    expect(computeStatus({ expiry: '2026-12-01', lastCheck: null }, oneDay!.dueAt, 1, 'Asia/Tokyo')).toBe('expiring');
  });
});

describe('the default zone is the system zone', () => {
  const saved = process.env['TZ'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris']) {
    it(`TZ=${zone}: no zone given counts as in ${zone}`, () => {
      process.env['TZ'] = zone; // Node re-reads the zone for Date and Intl when TZ is set
      expect(systemTimeZone()).toBe(zone);
      fc.assert(
        fc.property(instant, fc.integer({ min: -3, max: 3 }), (now, offset) => {
          const expiresAt = DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: offset }).toISODate()!;
          expect(daysUntil(expiresAt, now)).toBe(offset);
          expect(daysUntil(expiresAt, now)).toBe(daysUntil(expiresAt, now, systemTimeZone()));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('an unusable TZ falls back to UTC, which the Date getters use too', () => {
    process.env['TZ'] = 'Mars/Olympus_Mons';
    expect(systemTimeZone()).toBe('UTC');
    const late = new Date('2026-11-30T23:30:00Z');
    expect(daysUntil('2026-12-01', late)).toBe(daysUntil('2026-12-01', late, 'UTC'));
  });
});
