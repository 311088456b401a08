/** Record ids: 16 random bytes, shown as 32 lowercase hex characters. */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export const ID_BYTES = 16;

/** A fresh random id, as hex. */
export function newId(): string {
  return randomBytes(ID_BYTES).toString('hex');
}

/** Hex id → bytes. */
export function idBytes(id: string): Buffer {
  return Buffer.from(id, 'hex');
}

/**
 * Resolves a user-typed id or unique prefix among `ids`. Throws NOT_FOUND or AMBIGUOUS_ID
 * with a message that says which, and how to disambiguate.
 */
export function resolveIdPrefix(prefix: string, ids: Iterable<string>, what = 'token'): string {
  const p = prefix.trim().toLowerCase();
  if (!/^[0-9a-f]{1,32}$/.test(p)) {
    throw new AppError('BAD_INPUT', `"${prefix.slice(0, 40)}" is not a ${what} id (ids are hexadecimal, e.g. 3f9a1c).`);
  }
  const matches: string[] = [];
  for (const id of ids) if (id.startsWith(p)) matches.push(id);
  if (matches.length === 0) throw new AppError('NOT_FOUND', `No ${what} with id ${p}.`);
  if (matches.length > 1) {
    throw new AppError(
      'AMBIGUOUS_ID',
      `Id ${p} matches ${matches.length} ${what}s (${matches.slice(0, 3).map((m) => m.slice(0, 12)).join(', ')}${matches.length > 3 ? ', …' : ''}); type more characters.`,
    );
  }
  return matches[0] as string;
}
