/**
 * Writing records: sealing overviews and secrets, finding or creating the account a token
 * belongs to, and keeping the in-memory state in step. Every function here runs inside a
 * write transaction opened by the Vault.
 */
import { createHmac } from 'node:crypto';
import type { TokenSecret } from '../../../shared/domain/token';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open, seal } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { EnvelopeFormatError, EnvelopeKind } from './format/envelope';
import { idBytes, newId } from './ids';
import {
  accountSecret,
  decodeJson,
  encodeJson,
  tokenSecret,
  type AccountOverviewData,
  type TokenOverviewData,
} from './record-codec';
import { damaged, overviewContext, type Rec, type VaultState } from './vault-state';

/** What a write needs. */
export interface WriteCtx {
  readonly repo: VaultRepo;
  readonly keys: VaultKeys;
  readonly vaultId: Buffer;
  readonly state: VaultState;
  readonly now: string;
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
}

function putItem(ctx: WriteCtx, id: string, expiresAt: string | null, overview: unknown, secret: unknown): Rec<unknown> {
  const idb = idBytes(id);
  const ov = seal(ctx.keys.recordKey, ctx.vaultId, EnvelopeKind.Overview, overviewContext(idb, expiresAt), encodeJson(overview));
  const sec = seal(ctx.keys.recordKey, ctx.vaultId, EnvelopeKind.Secret, idb, encodeJson(secret));
  ctx.repo.upsertItem({ id: idb, expires_at: expiresAt, overview: ov, secret: sec });
  return { id, data: overview, overviewTag: envelopeTag(ov), secretTag: envelopeTag(sec) };
}

/** Writes an account record. */
export function putAccount(ctx: WriteCtx, id: string, data: AccountOverviewData): void {
  const rec = putItem(ctx, id, null, data, { v: 1 });
  ctx.state.accounts.set(id, rec as Rec<AccountOverviewData>);
}

/** Writes a token record with its secret. */
export function putToken(ctx: WriteCtx, id: string, data: TokenOverviewData, secret: TokenSecret): void {
  const rec = putItem(ctx, id, data.expiresAt, data, { v: 1, value: secret.value, notes: secret.notes });
  ctx.state.tokens.set(id, rec as Rec<TokenOverviewData>);
}

/** Deletes a record. */
export function deleteRecord(ctx: WriteCtx, id: string): void {
  ctx.repo.deleteItem(idBytes(id));
  ctx.state.accounts.delete(id);
  ctx.state.tokens.delete(id);
}

/** Keyed fingerprint of a token value. */
export function fingerprint(keys: VaultKeys, value: string): string {
  return createHmac('sha256', keys.fingerprintKey).update(value, 'utf8').digest().subarray(0, 16).toString('base64url');
}

const norm = (s: string | null): string => (s ?? '').trim().toLowerCase();

function accountKey(a: { platform: string; label: string; client: string | null; baseUrl: string | null }): string {
  return JSON.stringify([a.platform, norm(a.label), norm(a.client), a.baseUrl ?? null]);
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
  });
  return id;
}

/** Removes accounts no token refers to any more (accounts exist through their tokens). */
export function dropOrphanAccounts(ctx: WriteCtx): void {
  const used = new Set<string>();
  for (const t of ctx.state.tokens.values()) used.add(t.data.accountId);
  for (const id of [...ctx.state.accounts.keys()]) if (!used.has(id)) deleteRecord(ctx, id);
}

/** Opens a token's secret, checking it is the one the manifest vouched for. */
export function openTokenSecret(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, rec: Rec<TokenOverviewData>): TokenSecret {
  const idb = idBytes(rec.id);
  const bytes = repo.secret(idb);
  if (!Buffer.isBuffer(bytes) || !envelopeTag(bytes).equals(rec.secretTag)) throw damaged('token secret missing or replaced');
  let plain: Buffer | null;
  try {
    plain = open(keys.recordKey, vaultId, EnvelopeKind.Secret, idb, bytes);
  } catch (e) {
    if (e instanceof EnvelopeFormatError) throw damaged('secret envelope');
    throw e;
  }
  const data = plain && decodeJson(tokenSecret, plain);
  if (!data) throw damaged('secret authentication');
  return { value: data.value, notes: data.notes };
}

/** Checks an account's (empty) secret envelope; used by full-vault verification. */
export function checkAccountSecret(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, rec: Rec<AccountOverviewData>): void {
  const idb = idBytes(rec.id);
  const bytes = repo.secret(idb);
  if (!Buffer.isBuffer(bytes) || !envelopeTag(bytes).equals(rec.secretTag)) throw damaged('account secret missing or replaced');
  let plain: Buffer | null = null;
  try {
    plain = open(keys.recordKey, vaultId, EnvelopeKind.Secret, idb, bytes);
  } catch (e) {
    if (!(e instanceof EnvelopeFormatError)) throw e;
  }
  if (!plain || !decodeJson(accountSecret, plain)) throw damaged('account secret');
}
