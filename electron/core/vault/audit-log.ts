/**
 * The sealed, hash-chained audit log: each entry's associated data holds its sequence
 * number and the previous entry's tag, so a removed, reordered or replayed entry breaks the
 * chain, and the manifest binds the head.
 */
import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import type { AuditEntry, AuditAction } from '../../../shared/domain/token';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open, seal } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind, TAG_BYTES } from './format/envelope';
import { EMPTY_AUDIT_HEAD, type AuditHead } from './manifest';
import { decodeAuditContent } from './audit-check';
import { damaged } from './damage';
import { encodeJson } from './record-codec';

// Unlock opens every entry: their associated-data context is built in one reused buffer
// (seal and open copy it at once), without a BigInt or a concatenation per entry.
const scratch = Buffer.alloc(8 + TAG_BYTES);

function context(seq: number, prevTag: Buffer): Buffer {
  if (prevTag.length !== TAG_BYTES) throw damaged('audit log sequence');
  scratch.writeUInt32BE(Math.floor(seq / 0x1_0000_0000), 0);
  scratch.writeUInt32BE(seq >>> 0, 4);
  prevTag.copy(scratch, 8);
  return scratch;
}

/**
 * A running SHA-256 over the audit rows (each entry's number, length and bytes) up to `head`:
 * what the audit seal's MAC covers. Kept on the loaded state and extended by each append.
 */
export class AuditDigest {
  private readonly hash: Hash = createHash('sha256');
  private readonly frame = Buffer.alloc(12); // update() copies it: one buffer for every row
  private seq = 0;
  private last: Buffer | null = null;

  /** The last row added (its number and tag). */
  get head(): AuditHead {
    return this.last === null ? EMPTY_AUDIT_HEAD : { seq: this.seq, tag: envelopeTag(this.last) };
  }

  /** The number of the last row added. */
  get headSeq(): number {
    return this.seq;
  }

  /** Adds the row after `head`. */
  add(seq: number, entry: Buffer): void {
    this.frame.writeUInt32BE(Math.floor(seq / 0x1_0000_0000), 0);
    this.frame.writeUInt32BE(seq >>> 0, 4);
    this.frame.writeUInt32BE(entry.length, 8);
    this.hash.update(this.frame).update(entry);
    this.seq = seq;
    this.last = entry;
  }

  /** The digest so far (the running hash goes on). */
  value(): Buffer {
    return this.hash.copy().digest();
  }
}

/** The seal's MAC over `digest` (entries 1..seq), under the manifest key with its own label. */
function sealMac(keys: VaultKeys, vaultId: Buffer, seq: number, digest: Buffer): Buffer {
  const n = Buffer.alloc(8);
  n.writeUInt32BE(Math.floor(seq / 0x1_0000_0000), 0);
  n.writeUInt32BE(seq >>> 0, 4);
  return createHmac('sha256', keys.manifestKey).update('patvault/v1/audit-seal\0').update(vaultId).update(n).update(digest).digest();
}

/**
 * Writes the audit seal for `digest` when it covers exactly the chain up to `head` (a chain
 * re-sealed some other way, by a re-key, leaves the old seal, which then simply fails and the
 * next unlock opens every entry). Call inside the write transaction, after its appends.
 */
export function writeAuditSeal(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, digest: AuditDigest | null, head: AuditHead): void {
  if (!digest || head.seq === 0 || digest.head.seq !== head.seq || !digest.head.tag.equals(head.tag)) return;
  repo.putAuditSeal(head.seq, sealMac(keys, vaultId, head.seq, digest.value()));
}

/** Appends one entry after `head`; returns the new head. Call inside a write transaction. */
export function appendAudit(
  repo: VaultRepo,
  keys: VaultKeys,
  vaultId: Buffer,
  head: AuditHead,
  entry: { at: string; action: AuditAction; tokenId: string | null; detail: string | null },
  digest?: AuditDigest | null,
): AuditHead {
  const seq = head.seq + 1;
  const sealed = seal(keys.recordKey, vaultId, EnvelopeKind.Audit, context(seq, head.tag), encodeJson(entry));
  repo.insertAudit(seq, sealed);
  if (digest && digest.head.seq === head.seq && digest.head.tag.equals(head.tag)) digest.add(seq, sealed);
  return { seq, tag: envelopeTag(sealed) };
}

/** What unlock verified of the audit log: the running digest, and the decrypted index when it had to open every entry. */
export interface VerifiedAudit {
  readonly digest: AuditDigest;
  /** Null when the seal vouched for the log: entries are opened when first shown. */
  readonly index: AuditIndex | null;
}

/**
 * Verifies the whole audit chain up to `head` (which the manifest binds), for unlock and every
 * reload. One pass of SHA-256 over every row checks the seal's MAC (a key derived from the
 * vault key; only a holder of it can have written it, and only over entries it had verified
 * or appended itself): the entries it covers are then exactly as written, byte for byte, so
 * a deleted, edited, moved or renumbered one fails the MAC. Entries after the seal (or all
 * of them, when the seal is missing, stale or fails) are opened and chained one by one, as
 * `extendAudit` does. Either way a break throws VAULT_DAMAGED before anything is shown.
 */
export function verifyAudit(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, head: AuditHead): VerifiedAudit {
  const rows = repo.auditAll();
  const sealRow = repo.auditSeal();
  const sealSeq = sealRow && Number.isSafeInteger(sealRow.seq) && Buffer.isBuffer(sealRow.mac) ? (sealRow.seq as number) : -1;
  const digest = new AuditDigest();
  let vouched = 0;
  for (const row of rows) {
    if (row.seq !== digest.headSeq + 1) {
      throw damaged(Number.isSafeInteger(row.seq) && row.seq > digest.headSeq ? `audit entry ${digest.headSeq + 1} missing` : 'audit log sequence');
    }
    if (!Buffer.isBuffer(row.entry) || row.entry.length < TAG_BYTES) throw damaged(`audit entry ${row.seq} malformed`);
    digest.add(row.seq, row.entry);
    if (row.seq === sealSeq) {
      const mac = sealMac(keys, vaultId, row.seq, digest.value());
      const stored = sealRow!.mac as Buffer;
      if (stored.length === mac.length && timingSafeEqual(stored, mac)) vouched = row.seq;
    }
  }
  if (digest.head.seq !== head.seq || !digest.head.tag.equals(head.tag)) {
    throw damaged(digest.head.seq < head.seq ? `audit entries after ${digest.head.seq} missing` : 'audit log head');
  }
  if (vouched === 0) return { digest, index: extendAudit(repo, keys, vaultId, null, head) };
  // The sealed prefix is as written; the entries after it are opened and chained to it.
  let prevTag = envelopeTag(rows[vouched - 1]!.entry);
  for (const row of rows.slice(vouched)) {
    let plain: Buffer | null;
    try {
      plain = open(keys.recordKey, vaultId, EnvelopeKind.Audit, context(row.seq, prevTag), row.entry);
    } catch (e) {
      if (isEnvelopeFormatError(e)) throw damaged(`audit entry ${row.seq} malformed`);
      throw e;
    }
    if (!plain || !decodeAuditContent(plain)) throw damaged(`audit entry ${row.seq} altered or out of place`);
    prevTag = envelopeTag(row.entry);
  }
  return { digest, index: null };
}

/** Reads and verifies the whole chain against `head`. Throws VAULT_DAMAGED on any break. */
export function readAudit(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, head: AuditHead): AuditEntry[] {
  return [...extendAudit(repo, keys, vaultId, null, head).entries];
}

/** Entries verified up to `head`, and the same entries by token id. */
export interface AuditIndex {
  readonly head: AuditHead;
  readonly entries: readonly AuditEntry[];
  readonly byToken: ReadonlyMap<string, readonly AuditEntry[]>;
}

/**
 * `from` (entries already verified, or null for none) extended to `head`: only the entries
 * after `from.head` are read and opened, each chained to the one before, so showing one token's
 * entries after a write costs the new entries, not the whole log. Throws VAULT_DAMAGED naming
 * the entry (its number, never its content) on any break: a missing entry, one that does not
 * open under its place in the chain (edited, moved, replayed), or a chain that does not end at
 * `head` (which the manifest binds). Unlock runs it from null over the whole log
 * (vault-state.ts); the caller keeps `from` only while nothing else can have changed the file
 * (the same loaded state).
 */
export function extendAudit(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, from: AuditIndex | null, head: AuditHead): AuditIndex {
  const entries = from ? [...from.entries] : [];
  const byToken = new Map<string, AuditEntry[]>();
  if (from) for (const [id, list] of from.byToken) byToken.set(id, [...list]);
  let prev = from?.head ?? EMPTY_AUDIT_HEAD;
  for (const row of from ? repo.auditAfter(prev.seq) : repo.auditAll()) {
    if (row.seq !== prev.seq + 1) {
      throw damaged(Number.isSafeInteger(row.seq) && row.seq > prev.seq ? `audit entry ${prev.seq + 1} missing` : 'audit log sequence');
    }
    let plain: Buffer | null;
    try {
      plain = open(keys.recordKey, vaultId, EnvelopeKind.Audit, context(row.seq, prev.tag), row.entry);
    } catch (e) {
      if (isEnvelopeFormatError(e)) throw damaged(`audit entry ${row.seq} malformed`);
      throw e;
    }
    const data = plain && decodeAuditContent(plain);
    if (!data) throw damaged(`audit entry ${row.seq} altered or out of place`);
    const entry: AuditEntry = { seq: row.seq, at: data.at, action: data.action, tokenId: data.tokenId, detail: data.detail };
    entries.push(entry);
    if (entry.tokenId !== null) {
      const list = byToken.get(entry.tokenId);
      if (list) list.push(entry);
      else byToken.set(entry.tokenId, [entry]);
    }
    prev = { seq: row.seq, tag: envelopeTag(row.entry) };
  }
  if (prev.seq !== head.seq || !prev.tag.equals(head.tag)) {
    throw damaged(prev.seq < head.seq ? `audit entries after ${prev.seq} missing` : 'audit log head');
  }
  return { head: prev, entries, byToken };
}
