/**
 * Tokens covering every needs-attention reason, for 2026-11-23 (the fake api's "now"), in the
 * urgency order the shared rule gives them, plus three with no problem we know of: one fine,
 * one checked long ago, one never checked (neither of the last two is listed or counted).
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { FakeApiOptions } from './fake-api';
import { mockListViewport } from './setup';

/** The fake api's clock: tests pin Date here so the renderer's "now" agrees. */
export const ATTENTION_NOW = new Date('2026-11-23T12:00:00Z');

/**
 * Per test: a list viewport, and Date pinned to ATTENTION_NOW (only Date: timers stay real
 * for user-event), so the renderer's "now" agrees with the fake api's.
 */
export function useAttentionClock(): void {
  let restore: () => void;
  beforeEach(() => {
    restore = mockListViewport(640);
    vi.useFakeTimers({ now: ATTENTION_NOW, toFake: ['Date'] });
  });
  afterEach(() => restore());
}

const ok = (at: string) => ({ at: `${at}T10:00:00.000Z`, result: 'active' as const });

export const ATTENTION_TOKENS: NonNullable<FakeApiOptions['tokens']> = [
  { name: 'Fine', platform: 'github', expiresAt: '2027-06-01', lastCheck: ok('2026-11-20'), status: 'active' },
  { name: 'Stale', platform: 'gitlab', lastCheck: ok('2026-10-01'), status: 'active' },
  { name: 'Fresh', platform: 'github', status: 'unknown' },
  { name: 'Dead', platform: 'github', lastCheck: { at: '2026-11-01T10:00:00.000Z', result: 'revoked', reason: 'revoked through the API' }, status: 'revoked' },
  { name: 'Soon', platform: 'github', expiresAt: '2026-11-26', lastCheck: ok('2026-11-22'), status: 'expiring' },
  { name: 'Rejected', platform: 'brass', lastCheck: { at: '2026-11-22T10:00:00.000Z', result: 'invalid', reason: '401 Unauthorized' }, status: 'invalid' },
  { name: 'Old key', platform: 'github', expiresAt: '2026-11-20', lastCheck: ok('2026-11-01'), status: 'expired' },
  { name: 'Rolling', platform: 'gitlab', expiresAt: '2026-11-28', lastCheck: ok('2026-11-22'), status: 'expiring' },
  {
    name: 'Lost',
    platform: 'gitlab',
    expiresAt: '2027-02-01',
    lastCheck: ok('2026-11-22'),
    status: 'active',
    rotationUnconfirmed: { at: '2026-11-22T11:00:00.000Z', reason: 'timeout: GitLab may have rotated it' },
  },
];

/** Names in the order the view lists them, with the reason and action each shows. */
export const ATTENTION_EXPECTED = [
  { name: 'Lost', reason: 'Rotation unconfirmed', action: 'Check' },
  { name: 'Old key', reason: 'Expired 3 days ago', action: 'Renew' },
  { name: 'Rejected', reason: 'Invalid at last check', action: 'Renew' },
  { name: 'Soon', reason: 'Expires in 3 days', action: 'Renew' },
  // GitLab can rotate a working token: the best action is Rotate, not a trip to its page.
  { name: 'Rolling', reason: 'Expires in 5 days', action: 'Rotate…' },
  { name: 'Dead', reason: 'Revoked', action: 'Remove…' },
] as const;
