/**
 * The JSON object for one token, as `patvault list/search/show/export --json` print it. The
 * shape is a promise to scripts: fields may be added, never renamed or removed.
 */
import type { TokenView } from '../../../shared/domain/token';

/** The JSON object for one token (list, search, show, export). */
export interface TokenJson {
  readonly id: string;
  readonly platform: string;
  readonly account: string;
  readonly accountId: string;
  readonly client: string | null;
  readonly username: string | null;
  readonly baseUrl: string | null;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly expiresAt: string | null;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastCheck: TokenView['lastCheck'];
  /** For platform 'custom': the user-defined platform, null when none is assigned. */
  readonly customPlatformId: string | null;
  readonly customPlatformName: string | null;
  /** YesWeHack: the program a check reads. */
  readonly programSlug: string | null;
  /** The platform's own id of this token (Jelastic); an id, not a secret. */
  readonly platformTokenId: string | null;
  /** This token's own reminder days before expiry; null = the global policy, [] = none. */
  readonly reminderDays: readonly number[] | null;
  /** The expiry at its own precision: YYYY-MM-DD (typed: works through that local day) or an ISO instant (reported: stops then). `expiresAt` is its last local day. */
  readonly expiry: string | null;
  /** Where `expiry` came from: user, platform or token; null without one. */
  readonly expirySource: TokenView['expirySource'];
  /** The platform's own words for its expiry (its date or header), null when none. */
  readonly expiryRaw: string | null;
  /** True when the platform says the token never expires. */
  readonly neverExpires: boolean;
  /** When the platform last saw the token used (ISO), null when never or not reported. */
  readonly lastUsedAt: string | null;
  /** The platform's last definitive answer (active, invalid, revoked, expired) and when. */
  readonly verdict: TokenView['verdict'];
  /** A rotation sent whose answer never came, with guidance; null when none. */
  readonly rotationUnconfirmed: TokenView['rotationUnconfirmed'];
  /** YesWeHack: the creator's role (business-unit-owner, business-unit-manager, program-manager), null when not set. */
  readonly ywhRole: TokenView['ywhRole'];
  /** YesWeHack: what the PAT reaches (program, business-unit), null when not set. */
  readonly ywhScope: TokenView['ywhScope'];
  /** YesWeHack: its access type (read, read-write; names inferred), null when not set. */
  readonly ywhAccess: TokenView['ywhAccess'];
}

/** A view as JSON, fields listed one by one so nothing new leaks in by accident. */
export function tokenJson(v: TokenView): TokenJson {
  return {
    id: v.id,
    platform: v.platform,
    account: v.account,
    accountId: v.accountId,
    client: v.client,
    username: v.username,
    baseUrl: v.baseUrl,
    name: v.name,
    scopes: [...v.scopes],
    expiresAt: v.expiresAt,
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    lastCheck: lastCheckJson(v.lastCheck),
    customPlatformId: v.customPlatformId,
    customPlatformName: v.customPlatformName,
    programSlug: v.programSlug,
    platformTokenId: v.platformTokenId,
    reminderDays: v.reminderDays === null ? null : [...v.reminderDays],
    expiry: v.expiry,
    expirySource: v.expirySource,
    expiryRaw: v.expiryRaw,
    neverExpires: v.neverExpires,
    lastUsedAt: v.lastUsedAt,
    verdict: v.verdict === null ? null : { at: v.verdict.at, result: v.verdict.result },
    rotationUnconfirmed: v.rotationUnconfirmed === null ? null : { at: v.rotationUnconfirmed.at, reason: v.rotationUnconfirmed.reason },
    ywhRole: v.ywhRole,
    ywhScope: v.ywhScope,
    ywhAccess: v.ywhAccess,
  };
}

/** The last check, field by field too: a check may grow fields that are not for export. */
function lastCheckJson(c: TokenView['lastCheck']): TokenView['lastCheck'] {
  if (c === null) return null;
  return {
    at: c.at,
    result: c.result,
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    ...(c.owner !== undefined ? { owner: c.owner } : {}),
  };
}

/** The whole export: a pretty-printed array and a newline, byte for byte what the CLI always printed. */
export function jsonInventory(views: readonly TokenView[]): string {
  return `${JSON.stringify(views.map(tokenJson), null, 2)}\n`;
}
