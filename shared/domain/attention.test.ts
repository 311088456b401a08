import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { attentionCount, needsAttention, type AttentionInput } from './attention';
import { CHECK_RESULTS, type CheckResult } from './status';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
const checked = (result: CheckResult, ageDays = 1) => ({ at: daysAgo(ageDays), result });
const tok = (
  id: string,
  expiry: string | null,
  lastCheck: AttentionInput['lastCheck'],
  name = `token ${id}`,
  extra: Partial<AttentionInput> = {},
): AttentionInput => ({
  id,
  name,
  platform: 'github',
  expiry,
  expiresAt: expiry === null ? null : expiry.slice(0, 10),
  lastCheck,
  verdict: null,
  rotationUnconfirmed: null,
  ...extra,
});

describe('needsAttention: real problems only, each with its reason and best action', () => {
  it('expired by date', () => {
    expect(needsAttention([tok('a', '2026-11-20', checked('active', 5))], now)).toEqual([
      { tokenId: 'a', reason: 'expired', daysLeft: -3, detail: 'expired 3 days ago (2026-11-20)', action: 'renew' },
    ]);
    expect(needsAttention([tok('a', '2026-11-22', null)], now)[0]?.detail).toBe('expired yesterday (2026-11-22)');
  });

  it('expired by the platform, whatever the date says', () => {
    expect(needsAttention([tok('a', '2026-11-26', { at: '2026-11-20T08:00:00Z', result: 'expired' })], now)).toEqual([
      { tokenId: 'a', reason: 'expired', daysLeft: 3, detail: 'the platform reported it expired (checked 2026-11-20)', action: 'renew' },
    ]);
  });

  it('invalid at the last check', () => {
    expect(needsAttention([tok('a', '2027-06-01', { at: '2026-11-21T10:00:00Z', result: 'invalid' })], now)).toEqual([
      { tokenId: 'a', reason: 'invalid', daysLeft: 190, detail: 'rejected by the platform at the last check (2026-11-21)', action: 'renew' },
    ]);
  });

  it('expiring within the window (7 days by default, inclusive)', () => {
    const items = needsAttention(
      ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-30', '2026-12-01'].map((d, i) => tok(`t${i}`, d, checked('active'))),
      now,
    );
    expect(items.map((i) => [i.tokenId, i.daysLeft, i.detail, i.action])).toEqual([
      ['t0', 0, 'expires today (2026-11-23)', 'renew'],
      ['t1', 1, 'expires tomorrow (2026-11-24)', 'renew'],
      ['t2', 3, 'expires in 3 days (2026-11-26)', 'renew'],
      ['t3', 7, 'expires in 7 days (2026-11-30)', 'renew'],
    ]);
    expect(needsAttention([tok('t8', '2026-12-01', checked('active'))], now, { expiringWithinDays: 10 })[0]?.reason).toBe('expiring');
  });

  it('revoked: dead on purpose, so the next step is to remove the record', () => {
    expect(needsAttention([tok('a', '2027-06-01', { at: '2026-11-21T10:00:00Z', result: 'revoked' })], now)).toEqual([
      { tokenId: 'a', reason: 'revoked', daysLeft: 190, detail: 'revoked (checked 2026-11-21): remove it, or add a new token if still needed', action: 'remove' },
    ]);
  });

  it('a rotation never answered comes first, and the action is a check (does the stored value still work?)', () => {
    const items = needsAttention(
      [
        tok('expired', '2026-11-01', null),
        tok('lost', '2027-06-01', checked('active'), 'x', { rotationUnconfirmed: { at: '2026-11-22T10:00:00Z', reason: 'timeout' } }),
      ],
      now,
    );
    expect(items[0]).toMatchObject({ tokenId: 'lost', reason: 'rotation-unconfirmed', action: 'check' });
    expect(items[0]?.detail).toContain('2026-11-22');
  });

  it('never checked, checked long ago, or only "unknown" answers: no problem we know of, not counted', () => {
    const quiet = [tok('new', null, null), tok('new-dated', '2027-06-01', null), tok('old', null, checked('active', 400)), tok('offline', '2027-06-01', checked('unknown'))];
    expect(needsAttention(quiet, now)).toEqual([]);
    expect(attentionCount(quiet, now)).toBe(0);
  });

  it('a fresh vault of never-checked tokens needs no attention at all', () => {
    const fresh = Array.from({ length: 50 }, (_, i) => tok(`t${i}`, i % 2 === 0 ? null : '2027-12-31', null));
    expect(attentionCount(fresh, now)).toBe(0);
  });

  it('the best action the platform allows: rotate where it can, otherwise renew on its page', () => {
    const views = [
      tok('gl-expiring', '2026-11-25', checked('active'), 'a', { platform: 'gitlab' }),
      tok('gl-expired', '2026-11-20', checked('active', 5), 'b', { platform: 'gitlab' }),
      tok('jl-expired', '2026-11-20', checked('active', 5), 'c', { platform: 'jelastic' }),
      tok('gh-expiring', '2026-11-25', checked('active'), 'd', { platform: 'github' }),
    ];
    // GitLab rotates a working token; Jelastic also an expired one (through a session).
    const canRotate = (t: AttentionInput, reason: string) => (t.platform === 'gitlab' && reason === 'expiring') || t.platform === 'jelastic';
    const actions = Object.fromEntries(needsAttention(views, now, { canRotate }).map((i) => [i.tokenId, i.action]));
    expect(actions).toEqual({ 'gl-expiring': 'rotate', 'gl-expired': 'renew', 'jl-expired': 'rotate', 'gh-expiring': 'renew' });
  });

  it('an instant expiry: expired from that instant, even on its last local day', () => {
    const lateToday = tok('later', '2026-11-23T18:00:00.000Z', checked('active'));
    const earlierToday = tok('earlier', '2026-11-23T06:00:00.000Z', checked('active'));
    const items = needsAttention([lateToday, earlierToday], now, { timeZone: 'UTC' });
    expect(items.map((i) => [i.tokenId, i.reason, i.daysLeft])).toEqual([
      ['earlier', 'expired', 0],
      ['later', 'expiring', 0],
    ]);
    expect(items[0]?.detail).toBe('expired today (2026-11-23)');
  });

  it('one item per token, its most urgent reason', () => {
    const items = needsAttention(
      [
        tok('expiring-unchecked', '2026-11-25', null),
        tok('expired-stale', '2026-11-01', checked('active', 90)),
        tok('revoked-and-expired', '2026-11-01', checked('revoked')),
        tok('invalid-and-expiring', '2026-11-25', checked('invalid')),
      ],
      now,
    );
    expect(items.map((i) => [i.tokenId, i.reason])).toEqual([
      ['expired-stale', 'expired'],
      ['invalid-and-expiring', 'invalid'],
      ['expiring-unchecked', 'expiring'],
      ['revoked-and-expired', 'revoked'],
    ]);
  });
});

describe('needsAttention: order', () => {
  it('unconfirmed rotation, expired (most recent first), invalid, expiring (soonest first), revoked; ties by name', () => {
    const views = [
      tok('revoked', '2027-01-01', checked('revoked'), 'r'),
      tok('expiring-5', '2026-11-28', checked('active'), 'a'),
      tok('expiring-2', '2026-11-25', checked('active'), 'z'),
      tok('invalid', null, checked('invalid'), 'i'),
      tok('expired-long', '2025-01-01', checked('active', 700), 'a'),
      tok('expired-recent', '2026-11-21', checked('active', 40), 'z'),
      tok('healthy', '2028-01-01', checked('active'), 'h'),
      tok('never', null, null, 'n'),
      tok('unconfirmed', '2028-01-01', checked('active'), 'u', { rotationUnconfirmed: { at: '2026-11-22T00:00:00Z', reason: 'timeout' } }),
    ];
    expect(needsAttention(views, now).map((i) => i.tokenId)).toEqual(['unconfirmed', 'expired-recent', 'expired-long', 'invalid', 'expiring-2', 'expiring-5', 'revoked']);
  });

  it('names compare without case and with numbers in numeric order; then ids', () => {
    const views = [tok('3', '2026-11-25', null, 'token 10'), tok('2', '2026-11-25', null, 'Token 2'), tok('1', '2026-11-25', null, 'token 2')];
    expect(needsAttention(views, now).map((i) => i.tokenId)).toEqual(['1', '2', '3']);
  });
});

describe('attentionCount', () => {
  it('counts exactly the items of the list, with the same options', () => {
    const views = [tok('a', '2026-11-25', checked('active')), tok('b', '2026-12-01', checked('active')), tok('c', null, checked('active', 15))];
    expect(attentionCount(views, now)).toBe(1);
    expect(attentionCount(views, now, { expiringWithinDays: 8 })).toBe(2);
    expect(attentionCount([], now)).toBe(0);
  });

  it('property: the count is the list length, and only real problems are in it', () => {
    const result = fc.constantFrom(...CHECK_RESULTS);
    const view = fc.record({
      id: fc.stringMatching(/^[0-9a-f]{4}$/),
      expiry: fc.option(fc.integer({ min: -30, max: 30 }).map((d) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10)), { nil: null }),
      check: fc.option(result, { nil: null }),
      unconfirmed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(view, { maxLength: 20 }), (specs) => {
        const views = specs.map((s, i) =>
          // Checked 40 days ago: before every expiry here, so an "active" never vouches past a date.
          tok(`${i}-${s.id}`, s.expiry, s.check === null ? null : checked(s.check, 40), `n${i}`, s.unconfirmed ? { rotationUnconfirmed: { at: daysAgo(1), reason: 'timeout' } } : {}),
        );
        const items = needsAttention(views, now, { timeZone: 'UTC' });
        expect(attentionCount(views, now, { timeZone: 'UTC' })).toBe(items.length);
        for (const v of views) {
          const hit = items.find((i) => i.tokenId === v.id);
          const problem =
            v.rotationUnconfirmed !== null ||
            (v.lastCheck !== null && ['invalid', 'revoked', 'expired'].includes(v.lastCheck.result)) ||
            (v.expiry !== null && v.expiry <= '2026-11-30');
          expect(hit !== undefined).toBe(problem);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('options must be whole days and a known zone', () => {
    for (const opts of [{ expiringWithinDays: -1 }, { expiringWithinDays: 1.5 }, { timeZone: 'Mars/Base' }]) {
      expect(() => attentionCount([], now, opts)).toThrow(AppError);
    }
  });
});
