/**
 * The manifest authenticates the vault's *set* of records, not only each record: an HMAC
 * over every item's id and envelope tags, in stored order, plus the audit log's head. A
 * record deleted, duplicated, swapped or replaced by an older copy of itself changes it,
 * as KeePassXC authenticates its whole payload. Recomputed inside every write transaction.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { ItemTagRow } from '../db/vault-repo';

/** Where the audit chain ends: its last sequence number and that entry's tag. */
export interface AuditHead {
  readonly seq: number;
  readonly tag: Buffer;
}

export const EMPTY_AUDIT_HEAD: AuditHead = { seq: 0, tag: Buffer.alloc(16) };

/** HMAC-SHA256 over the vault id, format, each item's (id, overview tag, secret tag) and the audit head. */
export function computeManifest(
  key: KeyObject,
  vaultId: Buffer,
  format: number,
  items: Iterable<ItemTagRow>,
  audit: AuditHead,
): Buffer {
  const mac = createHmac('sha256', key).update('patvault/v1/manifest\0').update(vaultId);
  const u32 = Buffer.alloc(4);
  u32.writeUInt32BE(format);
  mac.update(u32);
  let count = 0;
  for (const it of items) {
    // Fixed-size fields, length-prefixed id: no two different lists hash the same input.
    const len = Buffer.alloc(2);
    len.writeUInt16BE(it.id.length);
    mac.update(len).update(it.id).update(it.overview_tag).update(it.secret_tag);
    count++;
  }
  const tail = Buffer.alloc(12);
  tail.writeUInt32BE(count, 0);
  tail.writeBigUInt64BE(BigInt(audit.seq), 4);
  return mac.update(tail).update(audit.tag).digest();
}

/** Constant-time comparison of two manifests. */
export function manifestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
