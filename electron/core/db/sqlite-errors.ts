/** Maps SQLite failures to AppErrors with messages a user can act on. */
import { AppError, isAppError } from '../../../shared/errors';

interface SqliteLike {
  code?: unknown;
  message?: unknown;
}

/** Any error thrown while touching the database, as an AppError. */
export function sqliteToAppError(e: unknown, path?: string): AppError {
  if (isAppError(e)) return e;
  const code = typeof (e as SqliteLike)?.code === 'string' ? ((e as SqliteLike).code as string) : '';
  const where = path ? ` (${path})` : '';
  if (code === 'SQLITE_NOTADB') {
    return new AppError('NOT_A_VAULT', `This file is not a PAT Vault vault, or it is damaged beyond reading${where}.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_FORMAT' || code === 'SQLITE_MISMATCH') {
    return new AppError('VAULT_DAMAGED', `The vault file is damaged${where}. Restore it from a backup.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('VAULT_BUSY', 'The vault is busy: another PAT Vault process is writing. Try again in a moment.');
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('VAULT_MISSING', `Cannot open the vault file${where}: check the path and its permissions.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return new AppError('BAD_INPUT', `The vault file is read-only${where}: check its permissions.`);
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('INTERNAL', 'The disk is full: the change was not saved.');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new AppError('INTERNAL', `Could not read or write the vault file${where} (I/O error). Nothing was changed.`);
  }
  if (code.startsWith('SQLITE_')) {
    // SQLITE_ERROR on our own fixed statements means the schema is not what we wrote.
    return new AppError('VAULT_DAMAGED', `The vault file is damaged or not a PAT Vault vault${where}.`);
  }
  return new AppError('INTERNAL', 'Unexpected internal error. Nothing was changed by the failed step.', { cause: e });
}
