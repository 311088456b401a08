/**
 * The decrypted overview of every record, loaded at unlock and whenever another process
 * has committed since. Loading verifies everything the file holds before anything is used:
 * each bucket envelope, the plaintext expiry dates, every secret against the tag its
 * overview names, the manifest, and the whole audit chain — so what is in memory is exactly
 * what was written, or loading fails with VAULT_DAMAGED and the vault stays locked.
 *
 * Why a secret is checked by its tag, not opened (which would cost ~10,000 decryptions):
 * the overview (authenticated by GCM, bound by the manifest) names the 16-byte GCM tag of the
 * one secret envelope sealed with it. Every seal draws a fresh random nonce, so any other
 * envelope — another token's (a swap), this token's own from an earlier copy (a replay), or
 * none (a deleted row) — has another tag, except with probability 2^-128; an extra row has no
 * overview naming it. What the tag comparison alone does not prove is that the envelope's
 * other bytes (nonce, ciphertext) are intact: those are authenticated by that same tag when
 * the secret is opened (`openTokenSecret` compares the tag, then GCM verifies it), and bytes
 * altered under a kept tag cannot be made to open without the key. They hold no other valid
 * content, so nothing can be read from them: such a secret is refused when it is read, and
 * every other record stays exactly as written.
 */
import type { VaultRepo } from '../db/vault-repo';
import { verifyAudit, type AuditDigest, type AuditIndex } from './audit-log';
import { envelopeTag, open } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind, TAG_BYTES } from './format/envelope';
import { parseHeader } from './format/header';
import { computeManifest, EMPTY_AUDIT_HEAD, manifestsEqual, type AuditHead } from './manifest';
import type { AccountOverviewData, PlatformOverviewData, TokenOverviewData } from './record-codec';
import { decodeBucket } from './bucket-check';
import { damaged } from './damage';
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
   * The audit log's entries and per-token index, when the load opened every entry (no valid
   * audit seal), else null until first shown; audit-trail.ts builds and extends it.
   */
  audit: AuditIndex | null;
  /** The running digest of the verified audit rows, which writes extend and seal (audit-log.ts). */
  readonly auditDigest: AuditDigest;
  /**
   * Plaintext expiry rows of revoked tokens, written before revoked tokens stopped getting
   * reminders: accepted once (they equal the sealed expiry), then deleted by the vault.
   */
  readonly staleExpiryRows: readonly Buffer[];
}

export { damaged } from './damage';

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
  checkSecrets(repo, tokens);
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
  const { index: audit, digest: auditDigest } = verifyAudit(repo, keys, vaultId, auditHead);
  return { dataVersion: repo.dataVersion(), accounts, tokens, platforms, bucketTags, auditHead, audit, auditDigest, staleExpiryRows };
}

/**
 * Every token has exactly its own secret: one row per token, each ending in the tag the
 * token's overview names (see the module comment for why the tag is enough here).
 */
function checkSecrets(repo: VaultRepo, tokens: Map<string, TokenRec>): void {
  const { n, hex } = repo.secretTags();
  if (n > 0 && (typeof hex !== 'string' || hex.length !== n * 64)) throw damaged("a token's secret malformed");
  for (let i = 0; i < n; i++) {
    const t = tokens.get((hex as string).substr(i * 64, 32));
    if (!t) throw damaged('a secret without its token');
    if (t.secretTag.toString('hex') !== (hex as string).substr(i * 64 + 32, 32)) throw damaged("a token's secret swapped or replaced by an older copy");
  }
  // Row ids are unique (the primary key) and each names a token: equal counts mean none is missing.
  if (n !== tokens.size) throw damaged("a token's secret missing");
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
