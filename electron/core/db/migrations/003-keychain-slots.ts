import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * Quick unlock slots, one per keychain backend (like age's recipient stanzas), and the key
 * commitments.
 *
 * Before: one keychain wrap per vault (keychain_wrap, keychain_blob, keychain_backend), so the
 * app (safeStorage) and the CLI (Secret Service, macOS Keychain, Windows Credential Manager)
 * cancelled each other's quick unlock. After: `keychain_slots`, a JSON list of
 * `{ backend, wrap, blob, check? }` (bytes as base64), each wrap opened only by its own
 * backend's secret. The old single wrap becomes a one-slot list, unchanged (same bytes, same
 * backend name bound as associated data), so quick unlock keeps working after the upgrade.
 *
 * `password_check` and `key_check` (NULL until the next password unlock writes them) commit
 * to the password-derived key and to the vault key: with them a damaged wrap is reported as
 * damage, not as a wrong password (see vault/key-wrap.ts).
 *
 * The header checksum covers the new columns. It is recomputed only when the old one was
 * right: a header damaged before the upgrade stays damaged after it, never laundered.
 * Both checksum formulas are frozen here (released migrations never change).
 */
export const migration003: Migration = {
  version: 3,
  name: 'keychain-slots',
  up: (db: Database) => {
    db.exec(`
      ALTER TABLE header ADD COLUMN keychain_slots TEXT;
      ALTER TABLE header ADD COLUMN password_check BLOB;
      ALTER TABLE header ADD COLUMN key_check BLOB;
    `);
    const row = db.prepare('SELECT * FROM header WHERE id = 1').get() as Record<string, unknown> | undefined;
    if (row) {
      const wrap = row['keychain_wrap'];
      const blob = row['keychain_blob'];
      const backend = row['keychain_backend'];
      const slots =
        Buffer.isBuffer(wrap) && Buffer.isBuffer(blob) && typeof backend === 'string'
          ? JSON.stringify([{ backend, wrap: wrap.toString('base64'), blob: blob.toString('base64') }])
          : null;
      const oldValid = Buffer.isBuffer(row['checksum']) && schema2HeaderChecksum(row).equals(row['checksum']);
      const next = { ...row, keychain_slots: slots, password_check: null, key_check: null };
      const checksum = oldValid ? schema3HeaderChecksum(next) : row['checksum'];
      db.prepare('UPDATE header SET keychain_slots = ?, checksum = ? WHERE id = 1').run(slots, checksum);
    }
    db.exec(`
      ALTER TABLE header DROP COLUMN keychain_wrap;
      ALTER TABLE header DROP COLUMN keychain_blob;
      ALTER TABLE header DROP COLUMN keychain_backend;
    `);
  },
};

function checksumOver(row: Record<string, unknown>, fields: readonly string[]): Buffer {
  const h = createHash('sha256').update('patvault/v1/header-checksum\0');
  for (const name of fields) {
    const b = row[name] as Buffer | string | number | null | undefined;
    const bytes = b === null || b === undefined ? Buffer.alloc(0) : Buffer.isBuffer(b) ? b : Buffer.from(String(b), 'utf8');
    const len = Buffer.alloc(5);
    len.writeUInt8(b === null || b === undefined ? 0 : 1, 0);
    len.writeUInt32BE(bytes.length, 1);
    h.update(len).update(bytes);
  }
  return h.digest();
}

const BASE_FIELDS = ['vault_id', 'format', 'kdf_algorithm', 'kdf_memory_kib', 'kdf_iterations', 'kdf_parallelism', 'kdf_salt', 'password_wrap'];

/** The header checksum of schema 1 and 2 (frozen). */
export function schema2HeaderChecksum(row: Record<string, unknown>): Buffer {
  return checksumOver(row, [...BASE_FIELDS, 'keychain_wrap', 'keychain_blob', 'keychain_backend']);
}

/** The header checksum from schema 3 on (frozen; vault/format/header.ts computes the same). */
export function schema3HeaderChecksum(row: Record<string, unknown>): Buffer {
  return checksumOver(row, [...BASE_FIELDS, 'keychain_slots', 'password_check', 'key_check']);
}
