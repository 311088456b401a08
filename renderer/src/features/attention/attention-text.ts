/**
 * A needs-attention item in words: its reason as a short sentence (with the date it rests on)
 * and its one next action. The shared rule decides reason and action; this only phrases them.
 */
import type { AttentionAction, AttentionItem, AttentionReason } from '../../../../shared/domain/attention';
import type { TokenView } from '../../api/types';

const DAY_MS = 86_400_000;
const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const dateOf = (iso: string): string => iso.slice(0, 10);

/** "Expired 3 days ago", "Expires in 5 days", "Invalid at last check", "Not checked for 40 days"… */
export function reasonText(item: AttentionItem, token: Pick<TokenView, 'lastCheck'>, now: Date): string {
  const d = item.daysLeft;
  switch (item.reason) {
    case 'expired':
      if (d === null || d >= 0) return 'Expired, says the platform';
      return d === -1 ? 'Expired yesterday' : `Expired ${days(-d)} ago`;
    case 'expiring':
      return d === 0 ? 'Expires today' : d === 1 ? 'Expires tomorrow' : `Expires in ${days(d ?? 0)}`;
    case 'invalid':
      return 'Invalid at last check';
    case 'revoked':
      return 'Revoked';
    case 'never-checked':
      return 'Never checked';
    case 'stale-check': {
      const at = token.lastCheck === null ? Number.NaN : Date.parse(token.lastCheck.at);
      return Number.isFinite(at) ? `Not checked for ${days(Math.floor((now.getTime() - at) / DAY_MS))}` : 'Last check time unreadable';
    }
  }
}

/** The date or detail the reason rests on: "2026-11-20", "checked 2026-10-01: 401 Unauthorized". */
export function reasonDetail(item: AttentionItem, token: Pick<TokenView, 'expiresAt' | 'lastCheck'>): string | null {
  const check = token.lastCheck;
  switch (item.reason) {
    case 'expired':
    case 'expiring':
      return token.expiresAt ?? (check ? `checked ${dateOf(check.at)}` : null);
    case 'invalid':
    case 'revoked':
    case 'stale-check':
      return check ? `checked ${dateOf(check.at)}${check.reason ? `: ${check.reason}` : ''}` : null;
    case 'never-checked':
      return null;
  }
}

/** The action's button word. */
export const ACTION_LABEL: Readonly<Record<AttentionAction, string>> = {
  renew: 'Renew',
  check: 'Check',
  remove: 'Remove…',
  revoke: 'Revoke…',
};

/** The action's accessible name, with the token's name so every row's button is told apart. */
export const actionName = (action: AttentionAction, tokenName: string): string => `${ACTION_LABEL[action].replace('…', '')} ${tokenName}`;

/** Urgency tone per reason (the row's stripe colour; the words carry the meaning). */
export const REASON_TONE: Readonly<Record<AttentionReason, 'bad' | 'warn' | 'neutral'>> = {
  expired: 'bad',
  invalid: 'bad',
  expiring: 'warn',
  revoked: 'neutral',
  'never-checked': 'neutral',
  'stale-check': 'neutral',
};
