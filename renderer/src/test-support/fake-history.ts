/**
 * Value history in the fake `window.api`: a token's earlier values (kept when its value is
 * edited or rotated), listed in its details without values, and revealed one at a time by
 * `tokens.revealHistory` — the index and the date as listed, like main checks them.
 */
import type { HistoryReason } from '../../../shared/domain/value-history';
import type { Request, Response } from '../../../shared/ipc/contract';
import type { HistoryEntry } from '../api/types';
import { Fail, type StoredToken } from './fake-fixtures';

/** An earlier value as the fake keeps it. */
export interface FakeHistoryEntry {
  readonly value: string;
  readonly at: string;
  readonly reason: HistoryReason | null;
}

/** Keeps `t`'s current value in its history before it changes. */
export function keepOldValue(t: StoredToken, reason: HistoryReason, now: Date): void {
  t.history = [...(t.history ?? []), { value: t.value, at: now.toISOString(), reason }];
}

/** The history as `tokens.details` lists it: dates and reasons, no value. */
export function historyList(t: StoredToken): HistoryEntry[] {
  return (t.history ?? []).map(({ at, reason }) => ({ at, reason }));
}

/** `tokens.revealHistory` over the fake's tokens. */
export function revealHistoryHandler(ctx: {
  readonly find: (id: string) => StoredToken;
  readonly unlocked: () => void;
  readonly log: (action: 'reveal', tokenId: string) => void;
  readonly revealSeconds: () => number;
}): (req: Request<'tokens.revealHistory'>) => Response<'tokens.revealHistory'> {
  return ({ id, index, at }) => {
    ctx.unlocked();
    const entry = ctx.find(id).history?.[index];
    if (entry === undefined || entry.at !== at) throw new Fail('NOT_FOUND', 'That earlier value is no longer where it was in the token’s history (it changed meanwhile): reload the token and try again.');
    ctx.log('reveal', id);
    return { value: entry.value, hidesInSeconds: ctx.revealSeconds() };
  };
}
