/**
 * A needs-attention item in words: its reason as a short sentence (with the date it rests on)
 * and its one next action. The shared rule decides reason and action; this only phrases them.
 */
import type { AttentionAction, AttentionItem, AttentionReason } from '../../../../shared/domain/attention';
import type { TokenView } from '../../api/types';

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const dateOf = (iso: string): string => iso.slice(0, 10);

/** "Expired 3 days ago", "Expires in 5 days", "Invalid at last check", "Rotation unconfirmed"… */
export function reasonText(item: AttentionItem, token: Pick<TokenView, 'verdict'>): string {
  const d = item.daysLeft;
  switch (item.reason) {
    case 'rotation-unconfirmed':
      return 'Rotation unconfirmed';
    case 'expired':
      if (token.verdict?.result === 'expired') return 'Expired, says the platform';
      if (d === null || d >= 0) return 'Expired today';
      return d === -1 ? 'Expired yesterday' : `Expired ${days(-d)} ago`;
    case 'expiring':
      return d === 0 ? 'Expires today' : d === 1 ? 'Expires tomorrow' : `Expires in ${days(d ?? 0)}`;
    case 'invalid':
      return 'Invalid at last check';
    case 'revoked':
      return 'Revoked';
  }
}

/** The date or detail the reason rests on: "2026-11-20", "checked 2026-10-01: 401 Unauthorized". */
export function reasonDetail(item: AttentionItem, token: Pick<TokenView, 'expiresAt' | 'lastCheck' | 'rotationUnconfirmed'>): string | null {
  const check = token.lastCheck;
  switch (item.reason) {
    case 'rotation-unconfirmed':
      return token.rotationUnconfirmed === null ? null : `sent ${dateOf(token.rotationUnconfirmed.at)}: ${token.rotationUnconfirmed.reason}`;
    case 'expired':
    case 'expiring':
      return token.expiresAt ?? (check ? `checked ${dateOf(check.at)}` : null);
    case 'invalid':
    case 'revoked':
      return check ? `checked ${dateOf(check.at)}${check.reason ? `: ${check.reason}` : ''}` : null;
  }
}

/** The action's button word. */
export const ACTION_LABEL: Readonly<Record<AttentionAction, string>> = {
  rotate: 'Rotate…',
  renew: 'Renew',
  check: 'Check',
  remove: 'Remove…',
  revoke: 'Revoke…',
};

/** The action's accessible name, with the token's name so every row's button is told apart. */
export const actionName = (action: AttentionAction, tokenName: string): string => `${ACTION_LABEL[action].replace('…', '')} ${tokenName}`;

/** Urgency tone per reason (the row's stripe colour; the words carry the meaning). */
export const REASON_TONE: Readonly<Record<AttentionReason, 'bad' | 'warn' | 'neutral'>> = {
  'rotation-unconfirmed': 'bad',
  expired: 'bad',
  invalid: 'bad',
  expiring: 'warn',
  revoked: 'neutral',
};
