/**
 * Writing records: sealing secrets, re-sealing the overview buckets a write touched, finding
 * or creating the account a token belongs to, and keeping the in-memory state in step. Every
 * function here runs inside a write transaction opened by the Vault.
 */
import { createHmac } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { TokenSecret } from '../../../shared/domain/token';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open, seal } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind } from './format/envelope';
import { idBytes, newId } from './ids';
import {
  decodeJson,
  encodeJson,
  tokenSecret,
  type AccountOverviewData,
  type HistoryEntry,
  type PlatformOverviewData,
  type TokenOverviewData,
} from './record-codec';
import { bucketContext, bucketOf, damaged, orderedBucketTags, type TokenRec, type VaultState } from './vault-state';
import { parseHeader } from './format/header';
import { computeManifest } from './manifest';
import { reminderExpiry } from './token-expiry';

/** What a read needs: one consistent snapshot of the records, and the keys to open them. */
export interface ReadCtx {
  readonly repo: VaultRepo;
  readonly keys: VaultKeys;
  readonly vaultId: Buffer;
  readonly state: VaultState;
  readonly now: string;
}

/** What a write needs. */
export interface WriteCtx extends ReadCtx {
  /** Buckets whose overviews changed and must be re-sealed before commit. */
  readonly dirty: Set<number>;
  /** Account lookup by identity, built on first use within this write. */
  accountIndex?: Map<string, string>;
}

/** Who a token belongs to, as the user names it. */
export interface AccountSpec {
  readonly platform: PlatformId;
  readonly label: string;
  readonly client: string | null;
  readonly username: string | null;
  readonly baseUrl: string | null;
  /** For platform 'custom': which user-defined platform. */
  readonly customPlatformId?: string | null | undefined;
}

/** Writes an account record. */
export function putAccount(ctx: WriteCtx, id: string, data: AccountOverviewData): void {
  ctx.state.accounts.set(id, { id, data });
  ctx.dirty.add(bucketOf(id));
}

/** Writes a user-defined platform record. */
export function putPlatform(ctx: WriteCtx, id: string, data: PlatformOverviewData): void {
  ctx.state.platforms.set(id, { id, data });
  ctx.dirty.add(bucketOf(id));
}

/** A token's secret as stored: the value, notes, and the values it had before (value-history.ts). */
export interface StoredSecret extends TokenSecret {
  readonly history?: readonly HistoryEntry[] | undefined;
}

/** Writes a token record with its secret (one envelope per token, opened only on demand). */
export function putToken(ctx: WriteCtx, id: string, data: TokenOverviewData, secret: StoredSecret): void {
  const idb = idBytes(id);
  const content = { v: 1, value: secret.value, notes: secret.notes, ...(secret.history?.length ? { history: secret.history } : {}) };
  const sealed = seal(ctx.keys.recordKey, ctx.vaultId, EnvelopeKind.Secret, idb, padSecret(encodeJson(content)));
  ctx.repo.putSecret(idb, sealed);
  ctx.repo.putExpiry(idb, reminderExpiry(data), data.reminderDays);
  ctx.state.tokens.set(id, { id, data, secretTag: envelopeTag(sealed) });
  ctx.dirty.add(bucketOf(id));
}

/** Secrets up to this size are padded to a multiple of SECRET_STEP; larger ones to SECRET_LARGE_STEP. */
export const SECRET_STEP = 256;
export const SECRET_LARGE_STEP = 4096;
const SECRET_LARGE_FROM = 4096;

/**
 * Pads a secret's JSON with trailing spaces to a fixed step, so the sealed envelope's length
 * says which size class the content falls in, not the token's length or kind (issue 12,
 * item 7): a 20-character and a 100-character value, without notes, seal to the same length.
 * Trailing spaces are JSON whitespace, so `decodeJson` (JSON.parse) reads padded and
 * unpadded secrets alike: older vaults open unchanged, and are padded when next written.
 */
export function padSecret(json: Buffer): Buffer {
  const step = json.length < SECRET_LARGE_FROM ? SECRET_STEP : SECRET_LARGE_STEP;
  const target = Math.max(step, Math.ceil(json.length / step) * step);
  if (target === json.length) return json;
  return Buffer.concat([json, Buffer.alloc(target - json.length, 0x20)]);
}

/** Changes a token's overview only (its secret stays as it is). */
export function updateTokenOverview(ctx: WriteCtx, rec: TokenRec, data: TokenOverviewData): void {
  const expiry = reminderExpiry(data);
  if (expiry !== reminderExpiry(rec.data) || !sameDays(data.reminderDays, rec.data.reminderDays)) {
    ctx.repo.putExpiry(idBytes(rec.id), expiry, data.reminderDays);
  }
  ctx.state.tokens.set(rec.id, { ...rec, data });
  ctx.dirty.add(bucketOf(rec.id));
}

/** Whether two optional reminder-day lists are equal. */
export function sameDays(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Deletes a record (and, for a token, its secret and expiry). */
export function deleteRecord(ctx: WriteCtx, id: string): void {
  const idb = idBytes(id);
  if (ctx.state.tokens.delete(id)) {
    ctx.repo.deleteSecret(idb);
    ctx.repo.deleteExpiry(idb);
  }
  ctx.state.accounts.delete(id);
  ctx.state.platforms.delete(id);
  ctx.dirty.add(bucketOf(id));
}

/** Re-seals every bucket the write touched (deleting emptied ones). Call once, before commit. */
export function flushBuckets(ctx: WriteCtx): void {
  if (ctx.dirty.size === 0) return;
  const items = new Map<number, Record<string, unknown>[]>();
  for (const b of ctx.dirty) items.set(b, []);
  for (const a of ctx.state.accounts.values()) items.get(bucketOf(a.id))?.push({ ...a.data, id: a.id });
  for (const p of ctx.state.platforms.values()) items.get(bucketOf(p.id))?.push({ ...p.data, id: p.id });
  for (const t of ctx.state.tokens.values()) {
    items.get(bucketOf(t.id))?.push({ ...t.data, id: t.id, secretTag: t.secretTag.toString('base64url') });
  }
  for (const [bucket, list] of items) {
    if (list.length === 0) {
      ctx.repo.deleteBucket(bucket);
      ctx.state.bucketTags.delete(bucket);
      continue;
    }
    list.sort((x, y) => ((x['id'] as string) < (y['id'] as string) ? -1 : 1));
    const sealed = seal(ctx.keys.recordKey, ctx.vaultId, EnvelopeKind.Overview, bucketContext(bucket), encodeJson({ v: 1, items: list }));
    ctx.repo.putBucket(bucket, sealed);
    ctx.state.bucketTags.set(bucket, envelopeTag(sealed));
  }
  ctx.dirty.clear();
}

/** Keyed fingerprint of a token value. */
export function fingerprint(keys: VaultKeys, value: string): string {
  return createHmac('sha256', keys.fingerprintKey).update(value, 'utf8').digest().subarray(0, 16).toString('base64url');
}

const norm = (s: string | null): string => (s ?? '').trim().toLowerCase();

function accountKey(a: { platform: string; label: string; client: string | null; baseUrl: string | null; customPlatformId?: string | null | undefined }): string {
  return JSON.stringify([a.platform, norm(a.label), norm(a.client), a.baseUrl ?? null, a.customPlatformId ?? null]);
}

/** The id of the account matching `spec` (label and client compared without case), created if absent. */
export function findOrCreateAccount(ctx: WriteCtx, spec: AccountSpec): string {
  if (!ctx.accountIndex) {
    ctx.accountIndex = new Map();
    for (const a of ctx.state.accounts.values()) ctx.accountIndex.set(accountKey(a.data), a.id);
  }
  const key = accountKey(spec);
  const existing = ctx.accountIndex.get(key);
  const found = existing === undefined ? undefined : ctx.state.accounts.get(existing);
  if (found) {
    if (spec.username !== null && found.data.username !== spec.username) {
      putAccount(ctx, found.id, { ...found.data, username: spec.username, updatedAt: ctx.now });
    }
    return found.id;
  }
  const id = newId();
  ctx.accountIndex.set(key, id);
  putAccount(ctx, id, {
    v: 1,
    kind: 'account',
    platform: spec.platform,
    label: spec.label,
    client: spec.client,
    username: spec.username,
    baseUrl: spec.baseUrl,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(spec.customPlatformId ? { customPlatformId: spec.customPlatformId } : {}),
  });
  return id;
}

/** Removes accounts no token refers to any more (accounts exist through their tokens). */
export function dropOrphanAccounts(ctx: WriteCtx): void {
  const used = new Set<string>();
  for (const t of ctx.state.tokens.values()) used.add(t.data.accountId);
  for (const id of [...ctx.state.accounts.keys()]) {
    if (!used.has(id)) {
      deleteRecord(ctx, id);
      ctx.accountIndex = undefined;
    }
  }
}

/** Opens a token's secret, checking it is the one its overview vouches for. */
export function openTokenSecret(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, rec: TokenRec): StoredSecret {
  const idb = idBytes(rec.id);
  const bytes = repo.secret(idb);
  if (!Buffer.isBuffer(bytes) || !envelopeTag(bytes).equals(rec.secretTag)) throw damaged('token secret missing or replaced');
  let plain: Buffer | null;
  try {
    plain = open(keys.recordKey, vaultId, EnvelopeKind.Secret, idb, bytes);
  } catch (e) {
    if (isEnvelopeFormatError(e)) throw damaged('secret envelope');
    throw e;
  }
  const data = plain && decodeJson(tokenSecret, plain);
  if (!data) throw damaged('secret authentication');
  return { value: data.value, notes: data.notes, history: data.history };
}

/** A token's record in `ctx`, or NOT_FOUND (it may have been removed by another process since the id was resolved). */
export function tokenIn(ctx: ReadCtx, id: string): TokenRec {
  const rec = ctx.state.tokens.get(id);
  if (!rec) throw new AppError('NOT_FOUND', `No token with id ${id} (it may have just been removed elsewhere).`);
  return rec;
}

/** The secret of a token record read in `ctx`. */
export function secretIn(ctx: ReadCtx, rec: TokenRec): StoredSecret {
  return openTokenSecret(ctx.repo, ctx.keys, ctx.vaultId, rec);
}

/** Re-seals the manifest over the buckets and audit head in `ctx`, under `ctx.keys` (the last step of every write). */
export function resealManifest(ctx: WriteCtx): void {
  const format = parseHeader(ctx.repo.header()).format;
  ctx.repo.updateManifest(computeManifest(ctx.keys.manifestKey, ctx.vaultId, format, orderedBucketTags(ctx.state), ctx.state.auditHead));
}
