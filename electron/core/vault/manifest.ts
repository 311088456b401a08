/**
 * The manifest authenticates the vault's *set* of records, not only each record: an HMAC
 * over every overview bucket's number and envelope tag, in stored order, plus the audit
 * log's head. Each overview in turn names its secret's tag. So a record deleted, duplicated,
 * swapped or replaced by an older copy of itself is caught, as KeePassXC authenticates its
 * whole payload. Re-sealed inside every write transaction.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/** Where the audit chain ends: its last sequence number and that entry's tag. */
export interface AuditHead {
  readonly seq: number;
  readonly tag: Buffer;
}

export const EMPTY_AUDIT_HEAD: AuditHead = { seq: 0, tag: Buffer.alloc(16) };

/** HMAC-SHA256 over vault id, format, each bucket's (number, tag) and the audit head. */
export function computeManifest(
  key: KeyObject,
  vaultId: Buffer,
  format: number,
  buckets: Iterable<{ readonly bucket: number; readonly tag: Buffer }>,
  audit: AuditHead,
): Buffer {
  const mac = createHmac('sha256', key).update('patvault/v1/manifest\0').update(vaultId);
  const u32 = Buffer.alloc(4);
  u32.writeUInt32BE(format);
  mac.update(u32);
  let count = 0;
  for (const b of buckets) {
    const head = Buffer.alloc(6);
    head.writeUInt32BE(b.bucket, 0);
    head.writeUInt16BE(b.tag.length, 4);
    mac.update(head).update(b.tag);
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
