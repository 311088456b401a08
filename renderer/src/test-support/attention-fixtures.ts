/**
 * A vault with tokens for every needs-attention reason on 2026-11-23, plus three with no
 * problem we know of: one fine, one checked long ago, one never checked (neither of the last
 * two is listed or counted). Each token got where it is the way a user's would: added, then
 * checked, revoked or rotated through the channels on the day given, against the platform
 * double — so its status is the real core's verdict, not a fixture's word.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { Backend } from './backend';
import {
  BRASS_API,
  BRASS_UNAUTHENTICATED,
  GITHUB_API,
  GITHUB_REVOKED,
  GITLAB_API,
  githubUser,
  gitlabSelf,
} from './platform-answers';
import type { PlatformReply } from './platform-web';
import type { SeedOptions, SeedToken } from './seed';
import { mockListViewport } from './setup';

/** The day the attention tests live on: page and core share it (one process, Date pinned). */
export const ATTENTION_NOW = new Date('2026-11-23T12:00:00Z');

/**
 * Per test: a list viewport, and Date pinned to ATTENTION_NOW (only Date: timers stay real
 * for user-event). The core runs in this process, so its clock is pinned with the page's.
 */
export function useAttentionClock(): void {
  let restore: () => void;
  beforeEach(() => {
    restore = mockListViewport(640);
    vi.useFakeTimers({ now: ATTENTION_NOW, toFake: ['Date'] });
  });
  afterEach(() => restore());
}

const SELF = `${GITLAB_API}/personal_access_tokens/self`;
/** What happened to a token after it was added, and when. */
type Step = { readonly at: string } & ({ readonly check: [url: string, reply: PlatformReply] } | { readonly revoke: true } | { readonly rotateUnanswered: true });

const checked = (at: string, url: string, reply: PlatformReply): Step => ({ at: `${at}T10:00:00.000Z`, check: [url, reply] });
const GH_USER = `${GITHUB_API}/user`;
/** GitHub's expiry header for a token that works through `day` (UTC): it stops at the next midnight. */
const stopsAfter = (day: string) => `${new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)} 00:00:00 UTC`;
/** GitLab's `expires_at` for a token that works through `day`: GitLab stops it at 00:00 UTC on the date it names. */
const gitlabDate = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface AttentionToken {
  readonly token: SeedToken;
  readonly steps: readonly Step[];
}

const TOKENS: readonly AttentionToken[] = [
  { token: { name: 'Fine', platform: 'github', expiresAt: '2027-06-01' }, steps: [checked('2026-11-20', GH_USER, githubUser('octocat', { stopsAt: stopsAfter('2027-06-01') }))] },
  { token: { name: 'Stale', platform: 'gitlab' }, steps: [checked('2026-10-01', SELF, gitlabSelf())] },
  { token: { name: 'Fresh', platform: 'github' }, steps: [] },
  { token: { name: 'Dead', platform: 'github' }, steps: [{ at: '2026-11-01T10:00:00.000Z', revoke: true }] },
  { token: { name: 'Soon', platform: 'github', expiresAt: '2026-11-26' }, steps: [checked('2026-11-22', GH_USER, githubUser('octocat', { stopsAt: stopsAfter('2026-11-26') }))] },
  { token: { name: 'Rejected', platform: 'brass' }, steps: [checked('2026-11-22', `${BRASS_API}/banking/accounts`, BRASS_UNAUTHENTICATED)] },
  { token: { name: 'Old key', platform: 'github', expiresAt: '2026-11-20' }, steps: [checked('2026-11-01', GH_USER, githubUser('octocat', { stopsAt: stopsAfter('2026-11-20') }))] },
  { token: { name: 'Rolling', platform: 'gitlab', expiresAt: '2026-11-28' }, steps: [checked('2026-11-22', SELF, gitlabSelf({ expiresAt: gitlabDate('2026-11-28') }))] },
  {
    token: { name: 'Lost', platform: 'gitlab', expiresAt: '2027-02-01' },
    steps: [checked('2026-11-22', SELF, gitlabSelf({ expiresAt: gitlabDate('2027-02-01') })), { at: '2026-11-22T11:00:00.000Z', rotateUnanswered: true }],
  },
];

/** Names of every attention token, in the order they are added. */
export const ATTENTION_NAMES = TOKENS.map((t) => t.token.name);

/** Runs one token's steps at their times (Date must be faked, as useAttentionClock does). */
async function live(backend: Backend, id: string, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    vi.setSystemTime(new Date(step.at));
    if ('check' in step) {
      backend.web.answer('GET', step.check[0], step.check[1]);
      await backend.call('tokens.check', { id });
    } else if ('revoke' in step) {
      backend.web.answer('POST', `${GITHUB_API}/credentials/revoke`, GITHUB_REVOKED);
      await backend.call('tokens.revoke', { id });
    } else {
      // A gateway gave up after forwarding: GitLab may have rotated, nobody can tell.
      backend.web.answer('POST', `${SELF}/rotate`, { status: 502, text: 'Bad Gateway' });
      if ((await backend.dispatch('tokens.rotate', { id })).ok) throw new Error('the rotation was answered');
    }
  }
}

/** The attention vault, unlocked (or only the tokens named): added in September, then lived. */
export function attentionVault(names: readonly string[] = ATTENTION_NAMES): SeedOptions {
  const chosen = TOKENS.filter((t) => names.includes(t.token.name));
  return {
    unlocked: true,
    prepare: async (backend: Backend) => {
      vi.setSystemTime(new Date('2026-09-01T10:00:00.000Z'));
      for (const [i, t] of chosen.entries()) {
        const { id } = await backend.call('tokens.add', { account: 'acme', token: `attention-value-${i}`, ...t.token, platform: t.token.platform ?? 'github' });
        await live(backend, id, t.steps);
      }
      vi.setSystemTime(ATTENTION_NOW);
    },
  };
}

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
