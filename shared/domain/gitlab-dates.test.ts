import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryLastDay, hasExpired } from './expiry';
import { gitlabDateCovering, gitlabExpiresAt, gitlabExpiry, gitlabRotationDate, type StoredExpiry } from './gitlab-dates';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-05-01T12:00:00Z');

describe("GitLab's expires_at", () => {
  it('date D stops at D 00:00 UTC, keeping GitLab’s text; null is never; junk is not claimed', () => {
    expect(gitlabExpiresAt('2026-12-01')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabExpiresAt('2026-12-01T00:00:00.000Z')).toEqual({ at: '2026-12-01T00:00:00.000Z', raw: '2026-12-01' });
    expect(gitlabExpiresAt(null)).toBeNull();
    expect(gitlabExpiresAt(undefined)).toBeUndefined();
    expect(gitlabExpiresAt('2026-02-30')).toBeUndefined();
    expect(gitlabExpiresAt('soon')).toBeUndefined();
  });

  it('so its last working day is the day before, from UTC westwards', () => {
    const at = gitlabExpiry('2026-12-01')!.at;
    expect(expiryLastDay(at, 'UTC')).toBe('2026-11-30');
    expect(expiryLastDay(at, 'America/New_York')).toBe('2026-11-30');
    expect(expiryLastDay(at, 'Asia/Tokyo')).toBe('2026-12-01');
    expect(hasExpired(at, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(hasExpired(at, new Date('2026-12-01T00:00:00Z'))).toBe(true);
  });
});

describe('gitlabDateCovering: the earliest GitLab date that is never shorter', () => {
  it.each([
    ['2026-12-01', 'Pacific/Honolulu', '2026-12-03'], // UTC−10: D ends 2026-12-02T10:00Z
    ['2026-12-01', 'Pacific/Kiritimati', '2026-12-02'], // UTC+14: D ends 2026-12-01T10:00Z
    ['2026-12-01', 'UTC', '2026-12-02'],
    ['2026-12-01', 'Europe/Paris', '2026-12-02'], // ends 2026-12-01T23:00Z
    ['2026-03-28', 'Europe/Paris', '2026-03-29'], // the night clocks go forward
    ['2026-12-01T00:00:00.000Z', 'UTC', '2026-12-01'], // an instant at midnight is its own date
    ['2026-12-01T00:00:00.001Z', 'UTC', '2026-12-02'],
    ['2026-12-01T15:30:00.000Z', 'Pacific/Honolulu', '2026-12-02'], // instants ignore the zone
  ])('%s in %s → %s', (expiry, zone, expected) => {
    expect(gitlabDateCovering(expiry, zone)).toBe(expected);
  });

  it('unreadable → null', () => {
    expect(gitlabDateCovering('2026-13-01', 'UTC')).toBeNull();
  });

  it('for any day and zone: E 00:00 UTC is not before the end of the local day, and E − 1 would be', () => {
    const zones = ['Pacific/Honolulu', 'Pacific/Kiritimati', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/London', 'UTC', 'Etc/GMT+12'];
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 30_000 }), fc.constantFrom(...zones), (dayNumber, zone) => {
        const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
        const e = gitlabDateCovering(day, zone)!;
        const stops = Date.parse(gitlabExpiry(e)!.at);
        // When the GitLab token stops, the user's day is over (it worked all of it)…
        expect(hasExpired(day, new Date(stops), zone)).toBe(true);
        // …and one GitLab date earlier it would have stopped while the day was still running.
        expect(hasExpired(day, new Date(stops - DAY_MS), zone)).toBe(false);
      }),
    );
  });
});

describe('gitlabRotationDate: the default expiry of a rotation', () => {
  const stored = (over: Partial<StoredExpiry>): StoredExpiry => ({ expiry: null, expirySource: null, expiryRaw: null, neverExpires: false, ...over });

  it('a GitLab-reported date is sent back as GitLab wrote it', () => {
    expect(gitlabRotationDate(stored({ expiry: '2027-03-01T00:00:00.000Z', expirySource: 'platform', expiryRaw: '2027-03-01' }), NOW, 'Pacific/Honolulu')).toBe('2027-03-01');
  });

  it('a typed day is rounded up by the zone; another instant up to the next UTC midnight', () => {
    expect(gitlabRotationDate(stored({ expiry: '2026-12-01', expirySource: 'user' }), NOW, 'Pacific/Honolulu')).toBe('2026-12-03');
    expect(gitlabRotationDate(stored({ expiry: '2026-12-01T09:00:00.000Z', expirySource: 'token', expiryRaw: '1796115600' }), NOW)).toBe('2026-12-02');
  });

  it('none, or never: today (UTC) + 365 days', () => {
    expect(gitlabRotationDate(stored({}), NOW)).toBe('2027-05-01');
    expect(gitlabRotationDate(stored({ neverExpires: true }), NOW)).toBe('2027-05-01');
  });
});
