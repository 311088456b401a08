import { describe, expect, it } from 'vitest';
import { readExpiry, splitScopes, withClaimHints } from './field-values';

describe('splitScopes', () => {
  it.each([
    ['repo', ['repo']],
    ['repo, read:org;workflow  admin:gpg_key', ['repo', 'read:org', 'workflow', 'admin:gpg_key']],
    [' ; , ', []],
    ['a\nb\tc', ['a', 'b', 'c']],
  ])('%j', (cell, scopes) => {
    expect(splitScopes(cell)).toEqual(scopes);
  });
});

describe('readExpiry', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['2027-03-04', '2027-03-04'],
    [' 2027-03-04 ', '2027-03-04'],
    ['2027-03-04T10:00:00Z', '2027-03-04'],
    ['2027-03-04T10:00Z', '2027-03-04'],
    ['2027-03-04T23:30:00.123-02:00', '2027-03-05'],
    ['2027-03-04T01:00:00+0200', '2027-03-03'],
    ['2027-03-04T10:00:00', '2027-03-04'],
    ['2027-03-04 10:00:00', '2027-03-04'],
  ])('%j → %j', (cell, day) => {
    expect(readExpiry(cell)).toEqual({ ok: true, day });
  });

  it.each(['04/03/2027', 'next year', '2027-03-04T25:00:00Z', '2026-02-30T10:00:00Z', '1700000000'])('%j is refused', (cell) => {
    expect(readExpiry(cell)).toEqual({ ok: false, reason: 'expiresAt: must be a date written YYYY-MM-DD or an ISO 8601 timestamp' });
  });

  it('leaves impossible calendar days in plain form to the shared schema (one message for them)', () => {
    expect(readExpiry('2026-02-30')).toEqual({ ok: true, day: '2026-02-30' });
  });
});

describe('withClaimHints', () => {
  const jwt = { platform: 'iobeya' as const, kind: 'iobeya-jwt', label: 'JWT', personalAccessToken: true, subject: 'sub', scopes: ['a'], expiresAt: '2028-01-01' };

  it('fills only what the row leaves blank, and says which fields are hints', () => {
    expect(withClaimHints({ username: 'own' }, jwt)).toEqual({
      fields: { username: 'own', scopes: ['a'], expiresAt: '2028-01-01' },
      hintKeys: ['scopes', 'expiresAt'],
    });
    expect(withClaimHints({}, null)).toEqual({ fields: {}, hintKeys: [] });
  });
});
