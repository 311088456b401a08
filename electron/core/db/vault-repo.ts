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
  keychain_wrap: Buffer | null;
  keychain_blob: Buffer | null;
  keychain_backend: string | null;
  manifest: Buffer;
  checksum: Buffer;
}

/** An item row as read at unlock: the secret's tag only, not the secret. */
export interface ItemOverviewRow {
  id: Buffer;
  expires_at: string | null;
  overview: Buffer;
  secret_tag: Buffer;
}

/** The bytes the manifest binds for one item. */
export interface ItemTagRow {
  id: Buffer;
  overview_tag: Buffer;
  secret_tag: Buffer;
}

/** An item row as written. */
export interface ItemRow {
  id: Buffer;
  expires_at: string | null;
  overview: Buffer;
  secret: Buffer;
}

/** One audit row. */
export interface AuditRow {
  seq: number;
  entry: Buffer;
}

/** Prepared statements over one connection. */
export class VaultRepo {
  private readonly s: Record<string, Statement>;

  constructor(readonly db: Database) {
    this.s = {
      header: db.prepare('SELECT * FROM header WHERE id = 1'),
      insertHeader: db.prepare(
        `INSERT INTO header (id, vault_id, format, kdf_algorithm, kdf_memory_kib, kdf_iterations, kdf_parallelism,
           kdf_salt, password_wrap, keychain_wrap, keychain_blob, keychain_backend, manifest, checksum)
         VALUES (1, @vault_id, @format, @kdf_algorithm, @kdf_memory_kib, @kdf_iterations, @kdf_parallelism,
           @kdf_salt, @password_wrap, @keychain_wrap, @keychain_blob, @keychain_backend, @manifest, @checksum)`,
      ),
      updateKeys: db.prepare(
        `UPDATE header SET kdf_algorithm = @kdf_algorithm, kdf_memory_kib = @kdf_memory_kib,
           kdf_iterations = @kdf_iterations, kdf_parallelism = @kdf_parallelism, kdf_salt = @kdf_salt,
           password_wrap = @password_wrap, keychain_wrap = @keychain_wrap, keychain_blob = @keychain_blob,
           keychain_backend = @keychain_backend, checksum = @checksum
         WHERE id = 1`,
      ),
      updateManifest: db.prepare('UPDATE header SET manifest = ? WHERE id = 1'),
      overviews: db.prepare('SELECT id, expires_at, overview, substr(secret, -16) AS secret_tag FROM items ORDER BY id'),
      tags: db.prepare(
        'SELECT id, substr(overview, -16) AS overview_tag, substr(secret, -16) AS secret_tag FROM items ORDER BY id',
      ),
      secret: db.prepare('SELECT secret FROM items WHERE id = ?'),
      upsertItem: db.prepare(
        `INSERT INTO items (id, expires_at, overview, secret) VALUES (@id, @expires_at, @overview, @secret)
         ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, overview = excluded.overview, secret = excluded.secret`,
      ),
      deleteItem: db.prepare('DELETE FROM items WHERE id = ?'),
      auditHead: db.prepare('SELECT seq, entry FROM audit ORDER BY seq DESC LIMIT 1'),
      auditAll: db.prepare('SELECT seq, entry FROM audit ORDER BY seq'),
      insertAudit: db.prepare('INSERT INTO audit (seq, entry) VALUES (?, ?)'),
      dataVersion: db.prepare('PRAGMA data_version'),
    };
    for (const name of ['overviews', 'tags', 'secret']) this.s[name]?.raw(false);
  }

  private st(name: string): Statement {
    const s = this.s[name];
    if (!s) throw new Error(`no statement ${name}`);
    return s;
  }

  header(): HeaderRow | undefined {
    return this.st('header').get() as HeaderRow | undefined;
  }
  insertHeader(h: HeaderRow): void {
    this.st('insertHeader').run(h);
  }
  updateKeys(h: HeaderRow): void {
    this.st('updateKeys').run(h);
  }
  updateManifest(manifest: Buffer): void {
    this.st('updateManifest').run(manifest);
  }
  overviews(): ItemOverviewRow[] {
    return this.st('overviews').all() as ItemOverviewRow[];
  }
  tags(): ItemTagRow[] {
    return this.st('tags').all() as ItemTagRow[];
  }
  secret(id: Buffer): Buffer | undefined {
    return (this.st('secret').get(id) as { secret: Buffer } | undefined)?.secret;
  }
  upsertItem(row: ItemRow): void {
    this.st('upsertItem').run(row);
  }
  deleteItem(id: Buffer): void {
    this.st('deleteItem').run(id);
  }
  auditHead(): AuditRow | undefined {
    return this.st('auditHead').get() as AuditRow | undefined;
  }
  auditAll(): AuditRow[] {
    return this.st('auditAll').all() as AuditRow[];
  }
  insertAudit(seq: number, entry: Buffer): void {
    this.st('insertAudit').run(seq, entry);
  }
  /** Changes whenever another connection commits (SQLite's PRAGMA data_version). */
  dataVersion(): number {
    return (this.st('dataVersion').get() as { data_version: number }).data_version;
  }
}
