/**
 * Turns a current vault file back into what an older version wrote, for migration tests:
 * the layout, the header checksum and the quick-unlock wrap exactly as that version stored them.
 */
import type Database from 'better-sqlite3';
import { schema2HeaderChecksum } from '../db/migrations/003-keychain-slots';

/**
 * Schema 3 → 2: the quick-unlock slot list becomes the single keychain wrap (at most one slot,
 * as schema 2 held), the key commitments go, and the checksum is schema 2's.
 */
export function downgradeToSchema2(db: Database.Database): void {
  const row = db.prepare('SELECT * FROM header WHERE id = 1').get() as Record<string, unknown>;
  const slots = row['keychain_slots'] === null ? [] : (JSON.parse(row['keychain_slots'] as string) as { backend: string; wrap: string; blob: string }[]);
  if (slots.length > 1) throw new Error('schema 2 held one keychain wrap at most');
  const slot = slots[0];
  db.exec(`
    ALTER TABLE header ADD COLUMN keychain_wrap BLOB;
    ALTER TABLE header ADD COLUMN keychain_blob BLOB;
    ALTER TABLE header ADD COLUMN keychain_backend TEXT;
  `);
  const old = {
    ...row,
    keychain_wrap: slot ? Buffer.from(slot.wrap, 'base64') : null,
    keychain_blob: slot ? Buffer.from(slot.blob, 'base64') : null,
    keychain_backend: slot ? slot.backend : null,
  };
  db.prepare('UPDATE header SET keychain_wrap = ?, keychain_blob = ?, keychain_backend = ?, checksum = ? WHERE id = 1').run(
    old.keychain_wrap,
    old.keychain_blob,
    old.keychain_backend,
    schema2HeaderChecksum(old),
  );
  db.exec(`
    ALTER TABLE header DROP COLUMN keychain_slots;
    ALTER TABLE header DROP COLUMN password_check;
    ALTER TABLE header DROP COLUMN key_check;
  `);
  db.pragma('user_version = 2');
}
