/**
 * Applies numbered migrations inside one transaction (all or nothing), recording progress
 * in SQLite's user_version. A vault from a newer build is refused before anything is written.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Migration } from './migrations/types';

/** Reads the schema version stored in the file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws VAULT_TOO_NEW when the file was written by a newer schema than `migrations`. */
export function assertNotNewer(db: Database, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of PAT Vault (schema ${current}; this version reads up to ${migrations.length}). ` +
        'Update PAT Vault to open it; the file was not changed.',
    );
  }
}

/** Brings the schema up to date. Returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  assertNotNewer(db, migrations);
  const applied: number[] = [];
  db.transaction(() => {
    for (const m of migrations.slice(schemaVersion(db))) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }
  }).immediate();
  return applied;
}
