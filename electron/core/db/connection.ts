/**
 * Opens the vault's SQLite file with the settings that make concurrent use safe: WAL so the
 * app and the CLI can read while the other writes, a busy timeout instead of instant
 * failure, and synchronous=FULL so an acknowledged write survives a crash or power loss.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { sqliteToAppError } from './sqlite-errors';

/** How long a writer waits for another process's write to finish. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Opens (or, with `create`, creates) the vault database file. */
export function openDatabase(path: string, opts: { create: boolean }): Database.Database {
  if (!opts.create && !existsSync(path)) {
    throw new AppError('VAULT_MISSING', `No vault at ${path}. Create one with "patvault init".`);
  }
  if (opts.create && existsSync(path)) {
    throw new AppError('VAULT_EXISTS', `A file already exists at ${path}; not overwriting it.`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: !opts.create, timeout: BUSY_TIMEOUT_MS });
    // Reading the schema first makes a non-database file fail here, before any pragma writes.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (e) {
    db?.close();
    throw sqliteToAppError(e, path);
  }
}
