import { expect, test } from 'vitest';
import { computeStatus, daysUntil } from './status';

const now = new Date('2026-11-23T12:00:00Z');
const check = (result: 'active' | 'invalid' | 'revoked' | 'expired' | 'unknown') => ({ at: '2026-11-20T00:00:00Z', result });

test('dates: expired after the end of the expiry day (UTC), expiring within 7 days', () => {
  expect(computeStatus({ expiresAt: '2026-11-22', lastCheck: null }, now)).toBe('expired');
  expect(computeStatus({ expiresAt: '2026-11-23', lastCheck: null }, now)).toBe('expiring');
  expect(computeStatus({ expiresAt: '2026-11-30', lastCheck: null }, now)).toBe('expiring');
  expect(computeStatus({ expiresAt: '2026-12-01', lastCheck: check('active') }, now)).toBe('active');
  expect(computeStatus({ expiresAt: null, lastCheck: null }, now)).toBe('unknown');
  expect(daysUntil('2026-11-30', now)).toBe(7);
  expect(daysUntil('2026-11-22', now)).toBe(-1);
  expect(daysUntil(null, now)).toBeNull();
});

test("the platform's verdict of revoked or invalid wins over dates", () => {
  expect(computeStatus({ expiresAt: '2027-01-01', lastCheck: check('revoked') }, now)).toBe('revoked');
  expect(computeStatus({ expiresAt: '2026-01-01', lastCheck: check('invalid') }, now)).toBe('invalid');
  expect(computeStatus({ expiresAt: null, lastCheck: check('expired') }, now)).toBe('expired');
  expect(computeStatus({ expiresAt: null, lastCheck: check('unknown') }, now)).toBe('unknown');
});
