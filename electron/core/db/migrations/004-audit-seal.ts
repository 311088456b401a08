import type { Migration } from './types';

/**
 * The audit seal (vault/audit-log.ts): one row, the number of the last audit entry it covers
 * and a MAC, under a key derived from the vault key, over every entry's bytes up to it. Unlock
 * checks the whole log with one pass of SHA-256 and this MAC instead of 10,000 decryptions;
 * entries past it (written by a version that does not keep it) are opened one by one.
 */
export const migration004: Migration = {
  version: 4,
  name: 'audit-seal',
  up: 'CREATE TABLE IF NOT EXISTS audit_seal (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, mac BLOB NOT NULL)',
};
