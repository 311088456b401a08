/** Input checking at the vault's edge: the shared zod schemas, with one-line messages. */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/domain/token-input';

/** Parses `input` with `schema`, or throws BAD_INPUT with the first problem as one line. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, prefix));
  return r.data;
}
