/**
 * The needs-attention list, from the shared rule (shared/domain/attention.ts) so the app, the
 * tray badge and the CLI agree on which tokens want something and in which order. Memoised on
 * the token list and the minute: zustand needs the same array back while nothing changed, and
 * "expires today" must still turn into "expired" when the day does.
 */
import { needsAttention, type AttentionInput, type AttentionItem } from '../../../shared/domain/attention';
import type { PlatformInfo, TokenView } from '../api/types';
import type { All } from './types';

/** One item with its token (every item's token is in the list it came from). */
export interface AttentionEntry {
  readonly item: AttentionItem;
  readonly token: TokenView;
}

const MINUTE_MS = 60_000;
let memo: { tokens: readonly TokenView[]; platforms: readonly PlatformInfo[]; minute: number; entries: readonly AttentionEntry[] } | null = null;

/**
 * Whether a token can be rotated through its platform's API in the state it is in: a platform
 * that rotates, and a token that still works (an expiring one: an expired or rejected token
 * cannot authenticate its own rotation).
 */
export function rotatableBy(platforms: readonly PlatformInfo[]): (t: AttentionInput, reason: 'expired' | 'expiring' | 'invalid') => boolean {
  const rotates = new Set(platforms.filter((p) => p.rotate).map((p) => p.id));
  return (t, reason) => reason === 'expiring' && rotates.has(t.platform);
}

/** Tokens needing attention, most urgent first. `now` is for tests; the app passes none. */
export function selectAttention(s: Pick<All, 'tokens' | 'platforms'>, now: Date = new Date()): readonly AttentionEntry[] {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (memo !== null && memo.tokens === s.tokens && memo.platforms === s.platforms && memo.minute === minute) return memo.entries;
  const byId = new Map(s.tokens.map((t) => [t.id, t]));
  const entries = needsAttention(s.tokens, now, { canRotate: rotatableBy(s.platforms) }).flatMap((item) => {
    const token = byId.get(item.tokenId);
    return token === undefined ? [] : [{ item, token }];
  });
  memo = { tokens: s.tokens, platforms: s.platforms, minute, entries };
  return entries;
}

/** How many tokens need attention (the view tab's count). */
export const selectAttentionCount = (s: Pick<All, 'tokens' | 'platforms'>): number => selectAttention(s).length;

/** Forgets the memo (tests, store reset). */
export function resetAttentionMemo(): void {
  memo = null;
}
