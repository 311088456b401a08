/**
 * Every SQL statement the vault runs, prepared once. Knows rows and bytes, nothing of
 * crypto or meaning.
 */
import type { Database, Statement } from 'better-sqlite3';

/** The header row as stored. */
export interface HeaderRow {
  vault_id: Buffer;
  format: number;
  kdf_algorithm: string;
  kdf_memory_kib: number;
  kdf_iterations: number;
  kdf_parallelism: number;
  kdf_salt: Buffer;
  password_wrap: Buffer;
  /** Quick-unlock slots as JSON (format/header.ts), or null for none. */
  keychain_slots: string | null;
  password_check: Buffer | null;
  key_check: Buffer | null;
  manifest: Buffer;
  checksum: Buffer;
}

/** One bucket of sealed overviews. */
export interface BucketRow {
  bucket: number;
  overview: Buffer;
}

/** A plaintext expiry date (tokens only). */
export interface ExpiryRow {
  id: Buffer;
  expires_at: string;
  /** JSON array of days before expiry, or null for the global reminder policy. */
  remind_days: string | null;
}

/** The audit seal (vault/audit-log.ts): the last entry it covers and its MAC. */
export interface AuditSealRow {
  seq: unknown;
  mac: unknown;
}

/** One audit row. */
export interface AuditRow {
  seq: number;
  entry: Buffer;
}

/**
 * Every secret's id and tag (the envelope's last 16 bytes) in one string, as unlock compares
 * them: `n` rows, each 64 lowercase hex digits (id, then tag), or "xx" for a row that is not a
 * 16-byte id with an envelope long enough to end in a tag. One string, not 10,000 rows of two
 * buffers each: it is a third of the time.
 */
export interface SecretTags {
  n: number;
  hex: string | null;
}

const SQL = {
  header: 'SELECT * FROM header WHERE id = 1',
  insertHeader: `INSERT INTO header (id, vault_id, format, kdf_algorithm, kdf_memory_kib, kdf_iterations, kdf_parallelism,
       kdf_salt, password_wrap, keychain_slots, password_check, key_check, manifest, checksum)
     VALUES (1, @vault_id, @format, @kdf_algorithm, @kdf_memory_kib, @kdf_iterations, @kdf_parallelism,
       @kdf_salt, @password_wrap, @keychain_slots, @password_check, @key_check, @manifest, @checksum)`,
  updateKeys: `UPDATE header SET kdf_algorithm = @kdf_algorithm, kdf_memory_kib = @kdf_memory_kib,
       kdf_iterations = @kdf_iterations, kdf_parallelism = @kdf_parallelism, kdf_salt = @kdf_salt,
       password_wrap = @password_wrap, keychain_slots = @keychain_slots, password_check = @password_check,
       key_check = @key_check, checksum = @checksum
     WHERE id = 1`,
  updateManifest: 'UPDATE header SET manifest = ? WHERE id = 1',
  buckets: 'SELECT bucket, overview FROM buckets ORDER BY bucket',
  putBucket: 'INSERT INTO buckets (bucket, overview) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET overview = excluded.overview',
  deleteBucket: 'DELETE FROM buckets WHERE bucket = ?',
  secret: 'SELECT secret FROM secrets WHERE id = ?',
  secretCount: 'SELECT count(*) AS n FROM secrets',
  secretTags: `SELECT count(*) AS n, group_concat(CASE
       WHEN typeof(id) = 'blob' AND length(id) = 16 AND typeof(secret) = 'blob' AND length(secret) >= 16
       THEN lower(hex(id) || hex(substr(secret, -16))) ELSE 'xx' END, '') AS hex FROM secrets`,
  putSecret: 'INSERT INTO secrets (id, secret) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET secret = excluded.secret',
  deleteSecret: 'DELETE FROM secrets WHERE id = ?',
  expiries: 'SELECT id, expires_at, remind_days FROM expiries ORDER BY id',
  putExpiry:
    'INSERT INTO expiries (id, expires_at, remind_days) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, remind_days = excluded.remind_days',
  deleteExpiry: 'DELETE FROM expiries WHERE id = ?',
  auditHead: 'SELECT seq, entry FROM audit ORDER BY seq DESC LIMIT 1',
  auditAll: 'SELECT seq, entry FROM audit ORDER BY seq',
  auditAfter: 'SELECT seq, entry FROM audit WHERE seq > ? ORDER BY seq',
  insertAudit: 'INSERT INTO audit (seq, entry) VALUES (?, ?)',
  auditSeal: 'SELECT seq, mac FROM audit_seal WHERE id = 1',
  putAuditSeal: 'INSERT INTO audit_seal (id, seq, mac) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, mac = excluded.mac',
  deleteAllAudit: 'DELETE FROM audit',
  dataVersion: 'PRAGMA data_version',
} as const;

/** Prepared statements over one connection. */
export class VaultRepo {
  private readonly s: { [K in keyof typeof SQL]: Statement };

  constructor(readonly db: Database) {
    this.s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as VaultRepo['s'];
  }

  header(): HeaderRow | undefined {
    return this.s.header.get() as HeaderRow | undefined;
  }
  insertHeader(h: HeaderRow): void {
    this.s.insertHeader.run(h);
  }
  updateKeys(h: HeaderRow): void {
    this.s.updateKeys.run(h);
  }
  updateManifest(manifest: Buffer): void {
    this.s.updateManifest.run(manifest);
  }
  buckets(): BucketRow[] {
    return this.s.buckets.all() as BucketRow[];
  }
  putBucket(bucket: number, overview: Buffer): void {
    this.s.putBucket.run(bucket, overview);
  }
  deleteBucket(bucket: number): void {
    this.s.deleteBucket.run(bucket);
  }
  secret(id: Buffer): unknown {
    return (this.s.secret.get(id) as { secret: unknown } | undefined)?.secret;
  }
  secretCount(): number {
    return (this.s.secretCount.get() as { n: number }).n;
  }
  /** Every secret's id and tag (see SecretTags), without reading the envelopes whole. */
  secretTags(): SecretTags {
    return this.s.secretTags.get() as SecretTags;
  }
  putSecret(id: Buffer, secret: Buffer): void {
    this.s.putSecret.run(id, secret);
  }
  deleteSecret(id: Buffer): void {
    this.s.deleteSecret.run(id);
  }
  expiries(): ExpiryRow[] {
    return this.s.expiries.all() as ExpiryRow[];
  }
  putExpiry(id: Buffer, expiresAt: string | null, remindDays?: readonly number[]): void {
    if (expiresAt === null) this.s.deleteExpiry.run(id);
    else this.s.putExpiry.run(id, expiresAt, remindDays === undefined ? null : JSON.stringify(remindDays));
  }
  deleteExpiry(id: Buffer): void {
    this.s.deleteExpiry.run(id);
  }
  auditHead(): AuditRow | undefined {
    return this.s.auditHead.get() as AuditRow | undefined;
  }
  auditAll(): AuditRow[] {
    return this.s.auditAll.all() as AuditRow[];
  }
  /** The entries after sequence number `seq`, in order. */
  auditAfter(seq: number): AuditRow[] {
    return this.s.auditAfter.all(seq) as AuditRow[];
  }
  insertAudit(seq: number, entry: Buffer): void {
    this.s.insertAudit.run(seq, entry);
  }
  auditSeal(): AuditSealRow | undefined {
    return this.s.auditSeal.get() as AuditSealRow | undefined;
  }
  putAuditSeal(seq: number, mac: Buffer): void {
    this.s.putAuditSeal.run(seq, mac);
  }
  /** Empties the audit log (a re-key writes it again, re-sealed, in the same transaction). */
  deleteAllAudit(): void {
    this.s.deleteAllAudit.run();
  }
  /** Changes whenever another connection commits (SQLite's PRAGMA data_version). */
  dataVersion(): number {
    return (this.s.dataVersion.get() as { data_version: number }).data_version;
  }
}
