import type { Migration } from './types';

/**
 * The first schema. Only ids, the format version, KDF parameters, the keychain backend name
 * and expiry dates are in plaintext; everything else sits in sealed envelopes.
 *
 * Overviews are sealed in buckets (records grouped by the first byte of their id) rather
 * than one envelope per record: unlock opens at most 64 envelopes instead of one per token,
 * and a write re-seals only the bucket it touches. Secrets stay one envelope per token, opened
 * only on demand. WITHOUT ROWID: each table is one b-tree keyed by its id, so no separate
 * index can disagree with the data.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE header (
      id                INTEGER PRIMARY KEY CHECK (id = 1),
      vault_id          BLOB    NOT NULL,
      format            INTEGER NOT NULL,
      kdf_algorithm     TEXT    NOT NULL,
      kdf_memory_kib    INTEGER NOT NULL,
      kdf_iterations    INTEGER NOT NULL,
      kdf_parallelism   INTEGER NOT NULL,
      kdf_salt          BLOB    NOT NULL,
      password_wrap     BLOB    NOT NULL,
      keychain_wrap     BLOB,
      keychain_blob     BLOB,
      keychain_backend  TEXT,
      manifest          BLOB    NOT NULL,
      checksum          BLOB    NOT NULL
    );
    CREATE TABLE buckets (
      bucket    INTEGER PRIMARY KEY,
      overview  BLOB NOT NULL
    );
    CREATE TABLE secrets (
      id      BLOB PRIMARY KEY,
      secret  BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE expiries (
      id          BLOB PRIMARY KEY,
      expires_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE audit (
      seq    INTEGER PRIMARY KEY,
      entry  BLOB NOT NULL
    );
  `,
};
