/**
 * What sealed envelopes hold, as JSON with a schema: decrypted bytes are parsed and checked
 * before use, so a record that decrypts but is not what we wrote is reported as damage,
 * never used as silently different data.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../../shared/domain/token';
import { PLATFORM_IDS } from '../../../shared/domain/platform-ids';
import { isExpiry } from '../../../shared/domain/expiry';
import { CHECK_RESULTS, VERDICT_RESULTS } from '../../../shared/domain/status';
import { HISTORY_REASONS } from '../../../shared/domain/value-history';
import { YWH_ACCESS, YWH_ROLES, YWH_SCOPES } from '../../../shared/domain/yeswehack';

const id = z.string().regex(/^[0-9a-f]{32}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().min(1).max(40);
/** An instant as Date#toISOString writes it (UTC, milliseconds). */
const instant = z.string().refine((s) => s.length > 10 && isExpiry(s));

const lastCheck = z.strictObject({
  at: timestamp,
  result: z.enum(CHECK_RESULTS),
  reason: z.string().max(500).optional(),
  owner: z.string().max(200).optional(),
});

/** Overview of an account record. */
export const accountOverview = z.strictObject({
  v: z.literal(1),
  kind: z.literal('account'),
  platform: z.enum(PLATFORM_IDS as unknown as [string, ...string[]]),
  label: z.string(),
  client: z.string().nullable(),
  username: z.string().nullable(),
  baseUrl: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** For platform 'custom': the custom platform record the account's tokens are checked with. */
  customPlatformId: id.optional(),
});

/**
 * Platform specifics stored with a token (sealed with its overview): the YesWeHack program a
 * check reads and what the PAT was made with (role, business unit or program, access type:
 * shared/domain/yeswehack.ts), the Jelastic token id revoke and rotate name. Absent when
 * there are none.
 */
export const tokenParams = z.strictObject({
  programSlug: z.string().min(1).max(200).optional(),
  /**
   * The platform's own id of the token (`platformTokenId` everywhere else). Stored under this
   * name since format 1, in vaults and backups alike; token-params.ts is the one place that maps it.
   */
  tokenId: z.string().min(1).max(200).optional(),
  ywhRole: z.enum(YWH_ROLES).optional(),
  ywhScope: z.enum(YWH_SCOPES).optional(),
  ywhAccess: z.enum(YWH_ACCESS).optional(),
});

/**
 * A user-defined platform. Checked here for shape only: the rules of a definition
 * (shared/domain/custom-platform.ts) are applied when it is entered and again when a preset
 * is built from it, so a rule tightened later never makes an existing vault unreadable.
 */
export const platformOverview = z.strictObject({
  v: z.literal(1),
  kind: z.literal('platform'),
  name: z.string(),
  baseUrl: z.string(),
  auth: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('header'), name: z.string(), prefix: z.string().optional() }),
    z.strictObject({ kind: z.literal('bearer') }),
    z.strictObject({ kind: z.literal('basic'), username: z.string() }),
    z.strictObject({ kind: z.literal('query'), name: z.string() }),
  ]),
  checkPath: z.string().optional(),
  validStatus: z.number().int(),
  tokenPageUrl: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Overview of a token record (the value and notes are in its secret). */
export const tokenOverview = z.strictObject({
  v: z.literal(1),
  kind: z.literal('token'),
  accountId: id,
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  expiresAt: date.nullable(),
  lastCheck: lastCheck.nullable(),
  /** Keyed hash of the value (base64url), so duplicates are found without opening secrets. */
  fingerprint: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  params: tokenParams.optional(),
  /** Days before expiry to remind (overrides the global policy; [] = never). Absent = the policy. */
  reminderDays: z.array(z.number().int().min(0).max(365)).max(10).optional(),
  /**
   * The expiry as the platform reported it (`platform`) or the value itself says (`token`: a
   * JWT's exp), beside what the user typed (`expiresAt`). `at` null: the platform says it never
   * expires. Absent: nobody reported one. Editing the expiry by hand drops it.
   */
  reportedExpiry: z.strictObject({ at: instant.nullable(), raw: z.string().max(200), source: z.enum(['platform', 'token']) }).optional(),
  /** When the platform last saw the token used; null = never used. Absent = not reported. */
  lastUsedAt: instant.nullable().optional(),
  /** The platform's last definitive answer (a check's `unknown` never replaces it). */
  verdict: z.strictObject({ at: timestamp, result: z.enum(VERDICT_RESULTS) }).optional(),
  /** A rotation whose answer never came: the platform may hold a new value we do not have. */
  rotation: z.strictObject({ state: z.literal('unconfirmed'), at: timestamp, reason: z.string().max(500) }).optional(),
});

export type AccountOverviewData = z.infer<typeof accountOverview>;
export type TokenOverviewData = z.infer<typeof tokenOverview>;
export type PlatformOverviewData = z.infer<typeof platformOverview>;
export type TokenParams = z.infer<typeof tokenParams>;

/** A platform item as a bucket holds it (the hand-written checker delegates these to zod: they are few). */
export const platformItem = platformOverview.extend({ id });
export const accountItem = accountOverview.extend({ id });
// secretTag: the GCM tag of the token's secret envelope, so a replaced secret is caught.
export const tokenItem = tokenOverview.extend({ id, secretTag: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

/** What one sealed bucket holds: the overviews of the records whose id falls in it. */
export const bucketContent = z.strictObject({
  v: z.literal(1),
  items: z.array(
    z.discriminatedUnion('kind', [
      accountItem,
      platformItem,
      tokenItem,
    ]),
  ),
});
export type BucketContent = z.infer<typeof bucketContent>;

/**
 * A value the token held before, and when it stopped being current (`rotatedAt`, named when
 * rotation was the only way to lose one; kept for the vaults already written). `reason` is
 * absent in entries kept before reasons were recorded.
 */
export const historyEntry = z.strictObject({ value: z.string(), rotatedAt: timestamp, reason: z.enum(HISTORY_REASONS).optional() });
export type HistoryEntry = z.infer<typeof historyEntry>;

/** Secret of a token. */
export const tokenSecret = z.strictObject({
  v: z.literal(1),
  value: z.string(),
  notes: z.string(),
  /** Values this token had before (rotated, merged, replaced, edited), oldest first (kept sealed, for recovery). */
  history: z.array(historyEntry).optional(),
});

/** One audit entry's sealed content. */
export const auditContent = z.strictObject({
  at: timestamp,
  action: z.enum(AUDIT_ACTIONS),
  tokenId: id.nullable(),
  detail: z.string().nullable(),
});
export type AuditContent = z.infer<typeof auditContent>;

/** JSON → bytes. */
export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Bytes → checked value, or null when the bytes are not valid for `schema`. */
export function decodeJson<T>(schema: z.ZodType<T>, bytes: Buffer): T | null {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const r = schema.safeParse(raw);
  return r.success ? r.data : null;
}
