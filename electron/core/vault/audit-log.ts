/**
 * The sealed, hash-chained audit log: each entry's associated data holds its sequence
 * number and the previous entry's tag, so a removed, reordered or replayed entry breaks the
 * chain, and the manifest binds the head.
 */
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

/** Appends one entry after `head`; returns the new head. Call inside a write transaction. */
export function appendAudit(
  repo: VaultRepo,
  keys: VaultKeys,
  vaultId: Buffer,
  head: AuditHead,
  entry: { at: string; action: AuditAction; tokenId: string | null; detail: string | null },
): AuditHead {
  const seq = head.seq + 1;
  const sealed = seal(keys.recordKey, vaultId, EnvelopeKind.Audit, context(seq, head.tag), encodeJson(entry));
  repo.insertAudit(seq, sealed);
  return { seq, tag: envelopeTag(sealed) };
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
