/**
 * A token's value history: every value it held before the current one, kept sealed with its
 * secret so no value is ever lost — a rotation, a backup merge, a one-token-per-user
 * replacement and a value edited by hand all keep the old one. What the app and the CLI show of
 * it: when and why each was kept, never the value unless the user reveals that one entry.
 */

/** Why an earlier value was kept. */
export const HISTORY_REASONS = [
  /** The platform rotated the token (GitLab, Jelastic): the old value died at once. */
  'rotated',
  /** A backup merge kept the other copy's value: this one lost. */
  'merged',
  /** One token per user (iObeya): a new value added for the account replaced this one. */
  'replaced',
  /** The user typed a new value in the edit dialog or `patvault edit --value-stdin`. */
  'edited',
] as const;

/** One reason. */
export type HistoryReason = (typeof HISTORY_REASONS)[number];

/**
 * An entry as lists show it: when the value stopped being current, and why (null for entries
 * kept before reasons were recorded: "earlier value"). Never the value.
 */
export interface HistoryEntryView {
  readonly at: string;
  readonly reason: HistoryReason | null;
}

/** The reason in words, for the app and the CLI's table. */
export function historyReasonText(reason: HistoryReason | null): string {
  switch (reason) {
    case 'rotated':
      return 'rotated';
    case 'merged':
      return 'replaced by a backup merge';
    case 'replaced':
      return 'replaced by a new value (one token per user)';
    case 'edited':
      return 'edited by hand';
    case null:
      return 'earlier value';
  }
}
