import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { attentionCount, needsAttention, type AttentionInput } from './attention';
import type { CheckResult } from './status';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
const checked = (result: CheckResult, ageDays = 1) => ({ at: daysAgo(ageDays), result });
const tok = (id: string, expiresAt: string | null, lastCheck: AttentionInput['lastCheck'], name = `token ${id}`): AttentionInput => ({
  id,
  name,
  expiresAt,
  lastCheck,
});

describe('needsAttention: reasons, details and the one action', () => {
  it('expired by date', () => {
    expect(needsAttention([tok('a', '2026-11-20', checked('active', 5))], now)).toEqual([
      { tokenId: 'a', reason: 'expired', daysLeft: -3, detail: 'expired 3 days ago (2026-11-20)', action: 'renew' },
    ]);
    expect(needsAttention([tok('a', '2026-11-22', null)], now)[0]?.detail).toBe('expired yesterday (2026-11-22)');
  });

  it('expired by the platform, without a date', () => {
    expect(needsAttention([tok('a', null, { at: '2026-11-20T08:00:00Z', result: 'expired' })], now)).toEqual([
      { tokenId: 'a', reason: 'expired', daysLeft: null, detail: 'the platform reported it expired (checked 2026-11-20)', action: 'renew' },
    ]);
  });

  it('invalid at the last check', () => {
    expect(needsAttention([tok('a', '2027-06-01', { at: '2026-11-21T10:00:00Z', result: 'invalid' })], now)).toEqual([
      { tokenId: 'a', reason: 'invalid', daysLeft: 190, detail: 'rejected by the platform at the last check (2026-11-21)', action: 'renew' },
    ]);
  });

  it('expiring within the window (7 days by default, inclusive)', () => {
    const items = needsAttention(
      [
        tok('t0', '2026-11-23', checked('active')),
        tok('t1', '2026-11-24', checked('active')),
        tok('t3', '2026-11-26', checked('active')),
        tok('t7', '2026-11-30', checked('active')),
        tok('t8', '2026-12-01', checked('active')),
      ],
      now,
    );
    expect(items.map((i) => [i.tokenId, i.reason, i.daysLeft, i.detail, i.action])).toEqual([
      ['t0', 'expiring', 0, 'expires today (2026-11-23)', 'renew'],
      ['t1', 'expiring', 1, 'expires tomorrow (2026-11-24)', 'renew'],
      ['t3', 'expiring', 3, 'expires in 3 days (2026-11-26)', 'renew'],
      ['t7', 'expiring', 7, 'expires in 7 days (2026-11-30)', 'renew'],
    ]);
    expect(needsAttention([tok('t8', '2026-12-01', checked('active'))], now, { expiringWithinDays: 10 })[0]?.reason).toBe('expiring');
  });

  it('revoked: the user killed it on purpose, so the next step is to remove the record', () => {
    expect(needsAttention([tok('a', '2027-06-01', { at: '2026-11-21T10:00:00Z', result: 'revoked' })], now)).toEqual([
      {
        tokenId: 'a',
        reason: 'revoked',
        daysLeft: 190,
        detail: 'revoked (checked 2026-11-21): remove it, or add a new token if still needed',
        action: 'remove',
      },
    ]);
  });

  it('never checked', () => {
    expect(needsAttention([tok('a', null, null), tok('b', '2027-06-01', null)], now)).toEqual([
      { tokenId: 'a', reason: 'never-checked', daysLeft: null, detail: 'never checked against the platform', action: 'check' },
      { tokenId: 'b', reason: 'never-checked', daysLeft: 190, detail: 'never checked against the platform', action: 'check' },
    ]);
  });

  it('stale from 30 days (inclusive) by default, or the given threshold', () => {
    const fresh = tok('fresh', null, checked('active', 29));
    const stale = tok('stale', null, checked('unknown', 30));
    expect(needsAttention([fresh, stale], now)).toEqual([
      { tokenId: 'stale', reason: 'stale-check', daysLeft: null, detail: 'last checked 30 days ago (2026-10-24)', action: 'check' },
    ]);
    expect(needsAttention([fresh, stale], now, { staleAfterDays: 10 }).map((i) => i.tokenId)).toEqual(['stale', 'fresh']);
    expect(needsAttention([tok('x', null, { at: 'yesterday-ish', result: 'active' })], now)[0]).toMatchObject({
      reason: 'stale-check',
      detail: 'last check time unreadable',
    });
  });

  it('a healthy token (recent good check, far or no expiry) needs nothing', () => {
    expect(needsAttention([tok('a', '2027-06-01', checked('active')), tok('b', null, checked('active'))], now)).toEqual([]);
  });

  it('one item per token, its most urgent reason', () => {
    const items = needsAttention(
      [
        tok('expiring-unchecked', '2026-11-25', null),
        tok('expired-stale', '2026-11-01', checked('active', 90)),
        tok('revoked-and-expired', '2026-11-01', checked('revoked')), // the platform's verdict names why
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
  it('expired, invalid, expiring (soonest first), revoked, never checked, stale (oldest first); ties by name', () => {
    const views = [
      tok('stale-40', null, checked('active', 40), 'a'),
      tok('stale-90', null, checked('active', 90), 'z'),
      tok('never-b', null, null, 'b'),
      tok('never-A', null, null, 'A'),
      tok('revoked', '2027-01-01', checked('revoked'), 'r'),
      tok('expiring-5', '2026-11-28', checked('active'), 'a'),
      tok('expiring-2', '2026-11-25', checked('active'), 'z'),
      tok('invalid', null, checked('invalid'), 'i'),
      tok('expired-long', '2025-01-01', checked('active'), 'a'),
      tok('expired-recent', '2026-11-21', checked('active'), 'z'),
      tok('healthy', '2028-01-01', checked('active'), 'h'),
    ];
    expect(needsAttention(views, now).map((i) => i.tokenId)).toEqual([
      'expired-recent', // most recently expired first: something still relies on it
      'expired-long',
      'invalid',
      'expiring-2',
      'expiring-5',
      'revoked',
      'never-A',
      'never-b',
      'stale-90',
      'stale-40',
    ]);
  });

  it('names compare without case and with numbers in numeric order; then ids', () => {
    const views = [tok('3', null, null, 'token 10'), tok('2', null, null, 'Token 2'), tok('1', null, null, 'token 2')];
    expect(needsAttention(views, now).map((i) => i.tokenId)).toEqual(['1', '2', '3']);
  });
});

describe('attentionCount', () => {
  it('counts the tokens needing attention, with the same options', () => {
    const views = [
      tok('a', '2026-11-25', checked('active')),
      tok('b', '2026-12-01', checked('active')),
      tok('c', null, checked('active', 15)),
      tok('d', null, checked('active')),
    ];
    expect(attentionCount(views, now)).toBe(1);
    expect(attentionCount(views, now, { expiringWithinDays: 8, staleAfterDays: 14 })).toBe(3);
    expect(attentionCount([], now)).toBe(0);
    expect(attentionCount(views, now)).toBe(needsAttention(views, now).length);
  });

  it('options must be whole days', () => {
    for (const opts of [{ expiringWithinDays: -1 }, { staleAfterDays: 0 }, { staleAfterDays: 1.5 }]) {
      expect(() => attentionCount([], now, opts)).toThrow(AppError);
    }
  });
});
