/**
 * The decrypted overview of every record, loaded at unlock and whenever another process
 * has committed since. Loading verifies each bucket envelope, the plaintext expiry dates,
 * the number of secrets and the manifest, so what is in memory is exactly what was written —
 * or loading fails with VAULT_DAMAGED.
 */
import { AppError } from '../../../shared/errors';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind, TAG_BYTES } from './format/envelope';
import { parseHeader } from './format/header';
import { computeManifest, EMPTY_AUDIT_HEAD, manifestsEqual, type AuditHead } from './manifest';
import type { AccountOverviewData, PlatformOverviewData, TokenOverviewData } from './record-codec';
import { decodeBucket } from './bucket-check';
import { ID_BYTES } from './ids';
import { effectiveExpiry, reminderExpiry } from './token-expiry';

/** Overviews are grouped into this many buckets by the first byte of the record id. */
export const BUCKETS = 64;

/** The bucket a record id (hex) belongs to. */
export function bucketOf(id: string): number {
  return parseInt(id.slice(0, 2), 16) % BUCKETS;
}

/** An account as held in memory. */
export interface AccountRec {
  readonly id: string;
  readonly data: AccountOverviewData;
}

/** A user-defined platform as held in memory. */
export interface PlatformRec {
  readonly id: string;
  readonly data: PlatformOverviewData;
}

/** A token as held in memory, with its secret envelope's tag. */
export interface TokenRec {
  readonly id: string;
  readonly data: TokenOverviewData;
  readonly secretTag: Buffer;
}

/** Everything an unlocked vault knows without opening secrets. */
export interface VaultState {
  dataVersion: number;
  readonly accounts: Map<string, AccountRec>;
  readonly tokens: Map<string, TokenRec>;
  readonly platforms: Map<string, PlatformRec>;
  /** Tag of each stored bucket envelope, by bucket number. */
  readonly bucketTags: Map<number, Buffer>;
  auditHead: AuditHead;
  /**
   * Plaintext expiry rows of revoked tokens, written before revoked tokens stopped getting
   * reminders: accepted once (they equal the sealed expiry), then deleted by the vault.
   */
  readonly staleExpiryRows: readonly Buffer[];
}

/** Raised for any record that fails a check. The message never names record content. */
export function damaged(detail: string): AppError {
  return new AppError('VAULT_DAMAGED', `The vault file is damaged (${detail}). Restore it from a backup.`);
}

/** Associated-data context of a bucket envelope. */
export function bucketContext(bucket: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(bucket);
  return b;
}

/** Bucket tags in bucket order, as the manifest binds them. */
export function orderedBucketTags(state: VaultState): { bucket: number; tag: Buffer }[] {
  return [...state.bucketTags.entries()].sort((a, b) => a[0] - b[0]).map(([bucket, tag]) => ({ bucket, tag }));
}

/** Loads and verifies all overviews. Call inside a transaction for a consistent snapshot. */
export function loadState(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer): VaultState {
  const header = parseHeader(repo.header());
  if (!header.vaultId.equals(vaultId)) throw damaged('vault id changed');
  const accounts = new Map<string, AccountRec>();
  const tokens = new Map<string, TokenRec>();
  const platforms = new Map<string, PlatformRec>();
  const bucketTags = new Map<number, Buffer>();
  const order: { bucket: number; tag: Buffer }[] = [];
  for (const row of repo.buckets()) {
    if (!Number.isInteger(row.bucket) || row.bucket < 0 || row.bucket >= BUCKETS || bucketTags.has(row.bucket)) {
      throw damaged('bucket number');
    }
    let plain: Buffer | null;
    try {
      plain = open(keys.recordKey, vaultId, EnvelopeKind.Overview, bucketContext(row.bucket), row.overview);
    } catch (e) {
      if (isEnvelopeFormatError(e)) throw damaged('overview envelope');
      throw e;
    }
    if (plain === null) throw damaged('overview authentication');
    const content = decodeBucket(plain);
    if (content === null || content.items.length === 0) throw damaged('overview content');
    for (const item of content.items) {
      if (bucketOf(item.id) !== row.bucket || accounts.has(item.id) || tokens.has(item.id) || platforms.has(item.id)) {
        throw damaged('record placement');
      }
      if (item.kind === 'account') {
        const { id, ...data } = item;
        accounts.set(id, { id, data });
      } else if (item.kind === 'platform') {
        const { id, ...data } = item;
        platforms.set(id, { id, data });
      } else {
        const { id, secretTag, ...data } = item;
        tokens.set(id, { id, data, secretTag: Buffer.from(secretTag, 'base64url') });
      }
    }
    const tag = envelopeTag(row.overview);
    bucketTags.set(row.bucket, tag);
    order.push({ bucket: row.bucket, tag });
  }
  for (const t of tokens.values()) if (!accounts.has(t.data.accountId)) throw damaged('token without account');
  for (const a of accounts.values()) {
    const cp = a.data.customPlatformId;
    if (cp !== undefined && (a.data.platform !== 'custom' || !platforms.has(cp))) throw damaged('account without its platform');
  }
  const staleExpiryRows = checkExpiries(repo, tokens);
  if (repo.secretCount() !== tokens.size) throw damaged('secrets do not match the tokens');
  let auditHead = EMPTY_AUDIT_HEAD;
  const headRow = repo.auditHead();
  if (headRow) {
    if (!Number.isSafeInteger(headRow.seq) || !Buffer.isBuffer(headRow.entry) || headRow.entry.length < TAG_BYTES) {
      throw damaged('audit log');
    }
    auditHead = { seq: headRow.seq, tag: envelopeTag(headRow.entry) };
  }
  const manifest = computeManifest(keys.manifestKey, vaultId, header.format, order, auditHead);
  if (!manifestsEqual(manifest, header.manifest)) throw damaged('record set does not match its manifest');
  return { dataVersion: repo.dataVersion(), accounts, tokens, platforms, bucketTags, auditHead, staleExpiryRows };
}

/**
 * The plaintext expiries (kept for reminders while locked) must equal the sealed ones
 * (token-expiry.ts reminderExpiry). Returns the rows of revoked tokens an older version wrote:
 * each still equal to that token's sealed expiry, so nothing was altered; they are dropped.
 */
function checkExpiries(repo: VaultRepo, tokens: Map<string, TokenRec>): Buffer[] {
  let withExpiry = 0;
  for (const t of tokens.values()) if (reminderExpiry(t.data) !== null) withExpiry++;
  const rows = repo.expiries();
  const stale: Buffer[] = [];
  for (const r of rows) {
    if (!Buffer.isBuffer(r.id) || r.id.length !== ID_BYTES) throw damaged('expiry dates');
    const t = tokens.get(r.id.toString('hex'));
    if (!t) throw damaged('expiry dates');
    const expected = reminderExpiry(t.data);
    if (expected === null && effectiveExpiry(t.data).expiry === r.expires_at) stale.push(r.id);
    else if (expected !== r.expires_at) throw damaged('expiry dates');
    if (r.remind_days !== (t.data.reminderDays === undefined ? null : JSON.stringify(t.data.reminderDays))) throw damaged('reminder days');
  }
  if (rows.length - stale.length !== withExpiry) throw damaged('expiry dates');
  return stale;
}
