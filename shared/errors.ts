/**
 * Errors as values: a stable `code` scripts can match, and a human `message` the UI and CLI
 * show. Messages never contain a token value, password or key.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'AMBIGUOUS_ID',
  'WRONG_PASSWORD',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_MISSING',
  'NOT_A_VAULT',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'KDF_TOO_WEAK',
  'VAULT_BUSY',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_NOT_ENABLED',
  /**
   * A token value's format belongs to another platform than the one it is given (or stored)
   * with: refused unless the user accepted it, and never sent to the wrong platform.
   */
  'PLATFORM_MISMATCH',
  /** The platform rotated a token but the vault could not store the new value (see the message for where it is). */
  'ROTATION_NOT_SAVED',
  /**
   * The token itself cannot do this operation (expired, or not allowed to): the platform lets
   * the account sign in instead, with its login and password (Jelastic). Ask for them, try again.
   */
  'NEEDS_SIGN_IN',
  /**
   * A rotation got no answer (or the token carries such a mark): it may or may not have happened.
   * The message says what to do; rotating again with the old value is refused until a check shows it still works.
   */
  'ROTATION_UNCONFIRMED',
  'INTERNAL',
] as const;

/** One of the fixed error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape that crosses IPC and reaches the CLI. */
export interface AppErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
}

/** An expected failure with a user-facing message. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  /** Plain object for IPC / JSON. */
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** True when `e` is an AppError (also across module copies, by shape). */
export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof AppError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'AppError' &&
      typeof (e as { code?: unknown }).code === 'string')
  );
}

/**
 * Turns anything thrown into an AppError. Unknown errors become INTERNAL with a generic
 * message: their text may carry data we must not show (and a stack trace is never shown).
 */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return new AppError('INTERNAL', 'Unexpected internal error. Nothing was changed by the failed step.', { cause: e });
}
