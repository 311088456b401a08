/**
 * The sealed, hash-chained audit log: each entry's associated data holds its sequence
 * number and the previous entry's tag, so a removed, reordered or replayed entry breaks the
 * chain, and the manifest binds the head.
 */
import type { AuditEntry, AuditAction } from '../../../shared/domain/token';
import type { VaultRepo } from '../db/vault-repo';
import { envelopeTag, open, seal } from './crypto/aead';
import type { VaultKeys } from './crypto/keys';
import { isEnvelopeFormatError, EnvelopeKind } from './format/envelope';
import { EMPTY_AUDIT_HEAD, type AuditHead } from './manifest';
import { auditContent, decodeJson, encodeJson } from './record-codec';
import { damaged } from './vault-state';

function context(seq: number, prevTag: Buffer): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(seq));
  return Buffer.concat([b, prevTag]);
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
 * entries after a write costs the new entries, not the whole log. Throws VAULT_DAMAGED on any
 * break, like a full read. The caller keeps `from` only while nothing else can have changed
 * the file (the same loaded state): a full read starts again from null.
 */
export function extendAudit(repo: VaultRepo, keys: VaultKeys, vaultId: Buffer, from: AuditIndex | null, head: AuditHead): AuditIndex {
  const entries = from ? [...from.entries] : [];
  const byToken = new Map<string, AuditEntry[]>();
  if (from) for (const [id, list] of from.byToken) byToken.set(id, [...list]);
  let prev = from?.head ?? EMPTY_AUDIT_HEAD;
  for (const row of from ? repo.auditAfter(prev.seq) : repo.auditAll()) {
    if (row.seq !== prev.seq + 1 || !Buffer.isBuffer(row.entry)) throw damaged('audit log sequence');
    let plain: Buffer | null;
    try {
      plain = open(keys.recordKey, vaultId, EnvelopeKind.Audit, context(row.seq, prev.tag), row.entry);
    } catch (e) {
      if (isEnvelopeFormatError(e)) throw damaged('audit entry');
      throw e;
    }
    const data = plain && decodeJson(auditContent, plain);
    if (!data) throw damaged('audit entry');
    const entry: AuditEntry = { seq: row.seq, ...data };
    entries.push(entry);
    if (entry.tokenId !== null) {
      const list = byToken.get(entry.tokenId);
      if (list) list.push(entry);
      else byToken.set(entry.tokenId, [entry]);
    }
    prev = { seq: row.seq, tag: envelopeTag(row.entry) };
  }
  if (prev.seq !== head.seq || !prev.tag.equals(head.tag)) throw damaged('audit log head');
  return { head: prev, entries, byToken };
}
