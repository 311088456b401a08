import type { PlatformId } from './platform-ids';
import type { ExpirySource } from './expiry';
import type { LastCheck, TokenStatus, Verdict } from './status';
import type { YwhAccess, YwhRole, YwhScope } from './yeswehack';

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

/** Everything about a token except its value and notes (the "overview"). */
export interface TokenOverview {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string | null; // YYYY-MM-DD
  readonly lastCheck: LastCheck | null;
}

/** A token joined with its account and computed status: what lists show. Never the value. */
export interface TokenView {
  readonly id: string;
  readonly platform: PlatformId;
  readonly account: string;
  readonly accountId: string;
  readonly client: string | null;
  readonly username: string | null;
  readonly baseUrl: string | null;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** "Expires on": the last day the token works, in this machine's time zone (YYYY-MM-DD). */
  readonly expiresAt: string | null;
  /**
   * The expiry status is computed from: a day (`YYYY-MM-DD`, works through that local day) or
   * an instant (ISO, UTC: stops then). See shared/domain/expiry.ts.
   */
  readonly expiry: string | null;
  /** Where `expiry` came from: typed, reported by the platform, or read from the value. */
  readonly expirySource: ExpirySource | null;
  /** The platform's own words for its expiry (its date, its header), when it reported one. */
  readonly expiryRaw: string | null;
  /** The platform says this token never expires. */
  readonly neverExpires: boolean;
  /** The date the user typed (kept beside a reported expiry), or null. */
  readonly enteredExpiresAt: string | null;
  /** When the platform last saw the token used (ISO); null when it never was or did not say. */
  readonly lastUsedAt: string | null;
  /** The latest check, whatever it said. */
  readonly lastCheck: LastCheck | null;
  /** The platform's last definitive answer (never an `unknown` check). */
  readonly verdict: Verdict | null;
  /** A rotation whose answer never came: the platform may have a new value we do not hold. */
  readonly rotationUnconfirmed: { readonly at: string; readonly reason: string } | null;
  readonly status: TokenStatus;
  /** For platform 'custom': the user-defined platform (id and name), null when none is assigned. */
  readonly customPlatformId: string | null;
  readonly customPlatformName: string | null;
  /** YesWeHack: the program a check reads (a PAT has no who-am-i). */
  readonly programSlug: string | null;
  /** The platform's own id of this token (Jelastic: revoke and rotate name it). */
  readonly platformTokenId: string | null;
  /** YesWeHack: the role the PAT was created with (shared/domain/yeswehack.ts); null when not set. */
  readonly ywhRole: YwhRole | null;
  /** YesWeHack: what it reaches, program(s) or a business unit. */
  readonly ywhScope: YwhScope | null;
  /** YesWeHack: its access type (names inferred: read, read-write). */
  readonly ywhAccess: YwhAccess | null;
  /** This token's reminder days before expiry; null = the global policy, [] = none. */
  readonly reminderDays: readonly number[] | null;
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
