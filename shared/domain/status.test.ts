import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { daysUntil, hasExpired } from './expiry';
import { CHECK_RESULTS, computeStatus, verdictOf, type CheckResult, type StatusInput, type VerdictResult } from './status';

const now = new Date('2026-11-23T12:00:00Z');
const at = (iso: string) => ({ at: iso });
const check = (result: CheckResult, when = '2026-11-20T00:00:00Z') => ({ ...at(when), result });
const token = (expiry: string | null, lastCheck: StatusInput['lastCheck'] = null, verdict?: StatusInput['verdict']): StatusInput => ({ expiry, lastCheck, verdict });

describe('the truth table, row by row (shared/domain/status.ts)', () => {
  test('rows 1–3: a verdict of revoked, invalid or expired beats any date, even one far away', () => {
    for (const v of ['revoked', 'invalid', 'expired'] as const) {
      expect(computeStatus(token('2030-01-01', check(v)), now, 7, 'UTC')).toBe(v);
      expect(computeStatus(token('2026-11-25', check(v)), now, 7, 'UTC')).toBe(v); // within the window: not "expiring"
      expect(computeStatus(token('2026-11-25T00:00:00.000Z', check(v)), now, 7, 'UTC')).toBe(v);
      expect(computeStatus(token(null, check(v)), now, 7, 'UTC')).toBe(v);
    }
  });

  test('a GitLab 401 "Token is expired" on a token whose date is 3 days away shows expired', () => {
    expect(computeStatus(token('2026-11-26T00:00:00.000Z', check('expired', '2026-11-23T11:00:00Z')), now, 7, 'UTC')).toBe('expired');
  });

  test('row 4: a passed date beats an older "active" verdict', () => {
    expect(computeStatus(token('2026-11-22', check('active', '2026-11-20T00:00:00Z')), now, 7, 'UTC')).toBe('expired');
    expect(computeStatus(token('2026-11-23T06:00:00.000Z', check('active', '2026-11-23T05:00:00Z')), now, 7, 'UTC')).toBe('expired');
  });

  test('row 5: the platform said "active" after the date passed: the date is wrong, the platform right', () => {
    expect(computeStatus(token('2026-11-22', check('active', '2026-11-23T08:00:00Z')), now, 7, 'UTC')).toBe('active');
  });

  test('row 6: expiring within the window, inclusive, whatever an active verdict says', () => {
    expect(computeStatus(token('2026-11-23'), now, 7, 'UTC')).toBe('expiring');
    expect(computeStatus(token('2026-11-30', check('active')), now, 7, 'UTC')).toBe('expiring');
    expect(computeStatus(token('2026-12-01', check('active')), now, 7, 'UTC')).toBe('active');
    // An instant later today: still expiring (0 days), not expired.
    expect(computeStatus(token('2026-11-23T18:00:00.000Z'), now, 7, 'UTC')).toBe('expiring');
  });

  test('rows 7–8: active with a verdict, unknown without one', () => {
    expect(computeStatus(token(null, check('active')), now)).toBe('active');
    expect(computeStatus(token(null), now)).toBe('unknown');
    expect(computeStatus(token('2027-06-01'), now, 7, 'UTC')).toBe('unknown');
  });

  test('"unknown" is never a verdict: it neither turns a token red nor clears the last verdict', () => {
    expect(computeStatus(token('2027-06-01', check('unknown')), now, 7, 'UTC')).toBe('unknown');
    const revoked = { at: '2026-11-01T00:00:00Z', result: 'revoked' as const };
    expect(computeStatus(token('2027-06-01', check('unknown'), revoked), now, 7, 'UTC')).toBe('revoked');
    const active = { at: '2026-11-01T00:00:00Z', result: 'active' as const };
    expect(computeStatus(token('2027-06-01', check('unknown'), active), now, 7, 'UTC')).toBe('active');
    expect(verdictOf(token(null, check('unknown')))).toBeNull();
    expect(verdictOf(token(null, check('invalid', '2026-11-02T00:00:00Z')))).toEqual({ at: '2026-11-02T00:00:00Z', result: 'invalid' });
  });

  test('an unreadable expiry decides nothing; an unknown zone is a RangeError', () => {
    expect(computeStatus(token('2026-02-30', check('active')), now, 7, 'UTC')).toBe('active');
    expect(computeStatus(token('2020-01-01', check('active')), new Date(Number.NaN))).toBe('active');
    expect(() => computeStatus(token('2026-12-01'), now, 7, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

const ZONES = ['Pacific/Honolulu', 'UTC', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Pacific/Pago_Pago'];
const instant = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
/** An expiry near `now`: none, a day or an instant, within ±20 days, where the rows change. */
const expiryNear = (base: Date, zone: string) =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: -20, max: 20 }).map((d) => DateTime.fromJSDate(base, { zone }).plus({ days: d }).toISODate()!),
    fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 }).map((ms) => new Date(base.getTime() + ms).toISOString()),
  );
const someCheck = (base: Date) =>
  fc.option(
    fc.record({
      at: fc.integer({ min: -40 * 86_400_000, max: 0 }).map((ms) => new Date(base.getTime() + ms).toISOString()),
      result: fc.constantFrom(...CHECK_RESULTS),
    }),
    { nil: null },
  );

describe('properties of the truth table over random instants, zones and answers', () => {
  const scenario = instant.chain((n) =>
    fc.constantFrom(...ZONES).chain((zone) => fc.tuple(fc.constant(n), fc.constant(zone), expiryNear(n, zone), someCheck(n), fc.integer({ min: 0, max: 14 }))),
  );

  test('a red verdict always wins; a red status never comes from "unknown" answers alone', () => {
    fc.assert(
      fc.property(scenario, ([n, zone, expiry, lastCheck, window]) => {
        const status = computeStatus(token(expiry, lastCheck), n, window, zone);
        const verdict = lastCheck !== null && lastCheck.result !== 'unknown' ? (lastCheck.result as VerdictResult) : null;
        if (verdict !== null && verdict !== 'active') expect(status).toBe(verdict);
        if (verdict === null) {
          // Only the calendar speaks: never invalid or revoked, expired only by the date.
          expect(['invalid', 'revoked']).not.toContain(status);
          expect(status === 'expired').toBe(hasExpired(expiry, n, zone));
          // And an "unknown" answer changes nothing against no answer at all.
          expect(status).toBe(computeStatus(token(expiry, null), n, window, zone));
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a passed date beats an "active" verdict given before it; the window makes "expiring"', () => {
    fc.assert(
      fc.property(scenario, ([n, zone, expiry, lastCheck, window]) => {
        if (lastCheck === null || lastCheck.result !== 'active') return;
        const status = computeStatus(token(expiry, lastCheck), n, window, zone);
        const checkedAfterExpiry = hasExpired(expiry, new Date(lastCheck.at), zone);
        if (hasExpired(expiry, n, zone)) expect(status).toBe(checkedAfterExpiry ? 'active' : 'expired');
        else {
          const days = daysUntil(expiry, n, zone);
          expect(status).toBe(days !== null && days <= window ? 'expiring' : 'active');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
