import type { PlatformId } from './platform-ids';
import type { LastCheck, Verdict } from './status';
import type { TokenView } from './token-view';
import { sameType } from '../same';

export type { TokenView } from './token-view';

// The status types are written by hand (status.ts); the view's schema must say the same.
sameType<NonNullable<TokenView['lastCheck']>, LastCheck>(true);
sameType<NonNullable<TokenView['verdict']>, Verdict>(true);

/** An account on a platform: who the tokens belong to. */
export interface Account {
  readonly id: string;
  readonly platform: PlatformId;
  readonly label: string;
  readonly client: string | null;
  readonly username: string | null;
  readonly baseUrl: string | null;
  /** For platform 'custom': the user-defined platform its tokens are checked with. */
  readonly customPlatformId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the secret envelope of a token holds. */
export interface TokenSecret {
  readonly value: string;
  readonly notes: string;
}

/** Actions written to the audit log. */
export const AUDIT_ACTIONS = [
  'vault-create',
  'create',
  'edit',
  'delete',
  'get',
  'copy',
  'reveal',
  'export',
  'import',
  'password-change',
  'keychain-enable',
  'keychain-disable',
  'check',
  'revoke',
  'rotate',
  'exec',
  'platform-add',
  'platform-edit',
  'platform-remove',
  'backup',
  'restore',
] as const;

/** One audit action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly tokenId: string | null;
  readonly detail: string | null;
}
