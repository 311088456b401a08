/**
 * The values a token held before, inside its sealed secret (shared/domain/value-history.ts):
 * every write that replaces a value goes through `keepOldValue`, so none is ever lost, and
 * what leaves the vault without an explicit reveal is `historyViews` — dates and reasons only.
 */
import { AppError } from '../../../shared/errors';
import type { HistoryEntryView, HistoryReason } from '../../../shared/domain/value-history';
import type { HistoryEntry } from './record-codec';
import type { StoredSecret } from './vault-records';

/** The history after `secret`'s current value stops being current at `at`, for `reason`. */
export function keepOldValue(secret: StoredSecret, reason: HistoryReason, at: string): HistoryEntry[] {
  return [...(secret.history ?? []), { value: secret.value, rotatedAt: at, reason }];
}

/** The entries without their values, oldest first. */
export function historyViews(history: readonly HistoryEntry[] | undefined): HistoryEntryView[] {
  return (history ?? []).map((h) => ({ at: h.rotatedAt, reason: h.reason ?? null }));
}

/**
 * Entry `index` (oldest first), checked against the date the user saw listed: history can
 * change between listing and revealing (a merge slots an older value in), and revealing a
 * different value than the one asked for would be wrong even if audited.
 */
export function historyEntryAt(history: readonly HistoryEntry[] | undefined, index: number, at: string | undefined): HistoryEntry {
  const entry = history?.[index];
  if (entry === undefined || (at !== undefined && entry.rotatedAt !== at)) {
    throw new AppError('NOT_FOUND', 'That earlier value is no longer where it was in the token’s history (it changed meanwhile): reload the token and try again.');
  }
  return entry;
}
