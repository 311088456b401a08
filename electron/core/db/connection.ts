/**
 * Opens the vault's SQLite file with the settings that make concurrent use safe: WAL so the
 * app and the CLI can read while the other writes, a busy timeout instead of instant
 * failure, and synchronous=FULL so an acknowledged write survives a crash or power loss.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { sqliteToAppError } from './sqlite-errors';

/** How long a writer waits for another process's write to finish. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Creates the empty vault file, readable by its owner only (SQLite gives the -wal and -shm
 * files the same permissions). Exclusive: an existing file is never overwritten.
 */
function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('VAULT_EXISTS', `A file already exists at ${path}; not overwriting it.`);
    }
    throw new AppError('BAD_INPUT', `Cannot create ${path}: check the path and its permissions.`);
  }
}

/** Opens (or, with `create`, creates) the vault database file. */
export function openDatabase(path: string, opts: { create: boolean }): Database.Database {
  if (!opts.create && !existsSync(path)) {
    throw new AppError('VAULT_MISSING', `No vault at ${path}. Create one with "patvault init".`);
  }
  if (opts.create) createPrivateFile(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    // Reading the schema first makes a non-database file fail here, before any pragma writes.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    // Deleted or overwritten content (a removed token's sealed secret, an old value) is
    // zeroed in the pages and free pages SQLite writes, not left in slack space.
    db.pragma('secure_delete = ON');
    return db;
  } catch (e) {
    db?.close();
    if (opts.create) rmSync(path, { force: true }); // we made it, empty, a moment ago
    throw sqliteToAppError(e, path);
  }
}

/** How long a checkpoint waits for other connections' readers before settling for less. */
const CHECKPOINT_WAIT_MS = 200;

/**
 * Copies the WAL into the database file and empties it, so frames holding content that a
 * write just deleted or replaced (with secure_delete, zeroed in the file) do not stay in the
 * -wal. TRUNCATE when no other connection is reading an older snapshot; else PASSIVE (copies
 * what it can, waits for nobody); best effort: a busy, read-only or closed file is left as
 * it is, and the next checkpoint (SQLite's own, at 1000 pages, or ours) catches up. Returns
 * the mode that completed, or null.
 */
export function checkpointWal(db: Database.Database): 'truncate' | 'passive' | null {
  if (!db.open) return null;
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma(`busy_timeout = ${CHECKPOINT_WAIT_MS}`);
    const busy = (mode: string): boolean => {
      const row = db.pragma(`wal_checkpoint(${mode})`) as { busy: number }[];
      return (row[0]?.busy ?? 1) !== 0;
    };
    if (!busy('TRUNCATE')) return 'truncate';
    return busy('PASSIVE') ? null : 'passive';
  } catch {
    return null;
  } finally {
    try {
      db.pragma(`busy_timeout = ${previous}`);
    } catch {
      // closed meanwhile: nothing to restore
    }
  }
}
