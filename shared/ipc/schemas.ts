/**
 * zod schemas of the data that crosses IPC. Responses are validated too (in tests and in the
 * e2e bridge), so the renderer can trust their shape. No schema here carries a token value,
 * except the reveal response the user explicitly asked for.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../domain/platform-ids';
import { AUDIT_ACTIONS } from '../domain/token';
import { ERROR_CODES } from '../errors';
import { reminderDaysSchema } from '../domain/reminder-policy';
import { HISTORY_REASONS } from '../domain/value-history';
import { isoDate } from '../domain/token-input';

const platform = z.enum(PLATFORM_IDS as unknown as [string, ...string[]]);

import { tokenViewSchema } from '../domain/token-view';

export { tokenViewSchema };

/**
 * What adding a token answers: the token, and whether the value went to a token the user
 * already had (one token per user: iObeya) instead of a new one. A token view plus one field,
 * so callers that read the view need no change.
 */
export const addedTokenSchema = tokenViewSchema.extend({ replaced: z.boolean() });

/** A user-defined platform as stored (no secret in it). */
export const customPlatformViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('header'), name: z.string(), prefix: z.string().optional() }),
    z.object({ kind: z.literal('bearer') }),
    z.object({ kind: z.literal('basic'), username: z.string() }),
    z.object({ kind: z.literal('query'), name: z.string() }),
  ]),
  checkPath: z.string().optional(),
  validStatus: z.number(),
  tokenPageUrl: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  tokens: z.number(),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  tokenId: z.string().nullable(),
  detail: z.string().nullable(),
});

/** One earlier value of a token, as the detail pane lists it: when and why it was kept, never the value. */
export const historyEntrySchema = z.object({ at: z.string(), reason: z.enum(HISTORY_REASONS).nullable() });

/** Reveal one earlier value: its place in the history (oldest first) and the date the user saw listed there. */
export const historyRevealRequest = z.strictObject({
  id: z.string().min(1).max(64),
  index: z.number().int().min(0).max(100_000),
  at: z.string().min(1).max(40),
});

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** User settings: not secret, readable before unlock (the theme must apply on the lock screen). */
export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(24 * 60),
  clipboardClearSeconds: z.number().int().min(5).max(600),
  revealSeconds: z.number().int().min(5).max(300),
  theme: themeSchema,
  /** Default reminder days before expiry (a token may have its own list). */
  reminderDays: reminderDaysSchema,
  /** Local hour of day reminders fire at. */
  reminderHour: z.number().int().min(0).max(23),
  /**
   * Whether an unlocked reminder names the token (name, platform, account, client). Off by
   * default: the OS keeps notifications in its history in plaintext. Locked ones never do.
   */
  nameTokensInNotifications: z.boolean(),
});

export const keychainInfoSchema = z.object({
  /** Whether this host's keychain has a quick-unlock slot in the vault. */
  enabled: z.boolean(),
  backend: z.string().nullable(),
  /** Every quick-unlock slot's backend (the app's, the CLI's, …). */
  slots: z.array(z.string()),
  /** Slots a re-key (keychain.disable) had to drop: their keychains cannot be reached from the app. */
  dropped: z.array(z.string()).optional(),
  available: z.object({ backend: z.string(), strength: z.enum(['strong', 'weak', 'none']), detail: z.string() }),
});

export const vaultStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  path: z.string(),
  quickUnlock: z.boolean(),
  /**
   * Set while the unlocked vault is older than this machine last saw it (an old copy put back,
   * a write-ahead log cut short): the banner's text and its numbers. Absent or null otherwise.
   */
  rollback: z.object({ lastSeenAt: z.string(), lastSeq: z.number().int(), nowSeq: z.number().int(), message: z.string() }).nullable().optional(),
});

export const errorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const idRequest = z.object({ id: z.string().min(1).max(64) });
export const passwordRequest = z.object({ password: z.string().min(1).max(1024) });
export const empty = z.object({}).strict();

/** Password for a platform operation that needs it (Jelastic): used once, never stored or logged. */
const operationPassword = z.string().min(1).max(1024);
/** The account login, for an operation that signs in instead of using the token (Jelastic): used once, never stored. */
const operationLogin = z.string().trim().min(1).max(254).regex(/^[^\s\u0000-\u001f\u007f]+$/, 'a login is one word, without spaces');

export const checkRequest = z.strictObject({
  id: z.string().min(1).max(64),
  /** YesWeHack: the program to check the token against. */
  programSlug: z.string().min(1).max(200).optional(),
  /** Platforms that check a token by its own id. */
  platformTokenId: z.string().min(1).max(200).optional(),
});

export const revokeRequest = z.strictObject({
  id: z.string().min(1).max(64),
  password: operationPassword.optional(),
  /** Sign in with this login (and the password) instead of using the token (`acceptsLogin`). */
  login: operationLogin.optional(),
  /** Guided revoke: the user says the token was revoked on the platform's page. */
  confirmedGuided: z.boolean().optional(),
});

export const revokeResponse = z.object({
  mode: z.enum(['api', 'guided']),
  token: tokenViewSchema,
  pageUrl: z.string().nullable(),
  confirmed: z.boolean(),
  /** Why a platform with a revoke API still needs a guided revoke (an older server); null otherwise. */
  reason: z.string().nullable(),
});

export const rotateRequest = z.strictObject({
  id: z.string().min(1).max(64),
  password: operationPassword.optional(),
  login: operationLogin.optional(),
  /**
   * The new token's expiry as the user chose it, in the platform's own terms (GitLab: the token
   * stops at 00:00 UTC on this date); absent = keep the old expiry. Only for platforms whose
   * rotation takes one (`rotateExpiry`).
   */
  expiresAt: isoDate.optional(),
});

/** What a rotation did: the token (never its value), and whether the platform capped the asked expiry to its maximum. */
export const rotateResponse = z.object({
  token: tokenViewSchema,
  expiryCapped: z.object({ asked: isoDate, sent: isoDate }).nullable(),
});

export const snippetRequest = z.strictObject({ id: z.string().min(1).max(64), kind: z.enum(['header', 'curl']) });

/** What a platform can do, for the UI to offer the right actions. */
export const platformInfoSchema = z.object({
  id: platform,
  name: z.string(),
  check: z.boolean(),
  revoke: z.enum(['api', 'guided']),
  rotate: z.boolean(),
  needsPassword: z.object({ revoke: z.boolean(), rotate: z.boolean() }),
  /** Whether the operation can sign in with the account login instead of using the token (Jelastic). */
  acceptsLogin: z.object({ revoke: z.boolean(), rotate: z.boolean() }),
  /** Whether a rotation lets the user choose the new token's expiry (GitLab). */
  rotateExpiry: z.boolean(),
  /** Whether an account must give its own base URL (no default). */
  needsBaseUrl: z.boolean(),
  tokenPageUrl: z.string().nullable(),
});
