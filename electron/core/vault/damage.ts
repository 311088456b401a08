/** The one error a damaged vault file raises. */
import { AppError } from '../../../shared/errors';

/** Raised for any record that fails a check. The message names what failed, never record content. */
export function damaged(detail: string): AppError {
  return new AppError('VAULT_DAMAGED', `The vault file is damaged (${detail}). Restore it from a backup.`);
}
