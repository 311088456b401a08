/**
 * The needs-attention list, from the shared rule (shared/domain/attention.ts) so the app, the
 * tray badge and the CLI agree on which tokens want something and in which order. Memoised on
 * the token list and the minute: zustand needs the same array back while nothing changed, and
 * "expires today" must still turn into "expired" when the day does.
 */
import { needsAttention, type AttentionItem } from '../../../shared/domain/attention';
import type { TokenView } from '../api/types';
import type { All } from './types';

/** One item with its token (every item's token is in the list it came from). */
export interface AttentionEntry {
  readonly item: AttentionItem;
  readonly token: TokenView;
}

const MINUTE_MS = 60_000;
let memo: { tokens: readonly TokenView[]; minute: number; entries: readonly AttentionEntry[] } | null = null;

/** Tokens needing attention, most urgent first. `now` is for tests; the app passes none. */
export function selectAttention(s: Pick<All, 'tokens'>, now: Date = new Date()): readonly AttentionEntry[] {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (memo !== null && memo.tokens === s.tokens && memo.minute === minute) return memo.entries;
  const byId = new Map(s.tokens.map((t) => [t.id, t]));
  const entries = needsAttention(s.tokens, now).flatMap((item) => {
    const token = byId.get(item.tokenId);
    return token === undefined ? [] : [{ item, token }];
  });
  memo = { tokens: s.tokens, minute, entries };
  return entries;
}

/** How many tokens need attention (the view tab's count). */
export const selectAttentionCount = (s: Pick<All, 'tokens'>): number => selectAttention(s).length;

/** Forgets the memo (tests, store reset). */
export function resetAttentionMemo(): void {
  memo = null;
}
