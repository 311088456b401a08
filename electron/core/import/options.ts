/**
 * What the caller gives a parser besides the file: the account and client to file tokens
 * under, a platform to assume. Checked with the same rules as a token's own fields, so a bad
 * default fails once, up front, instead of on every row.
 */
import { z } from 'zod';
import type { PlatformId } from '../../../shared/domain/platform-ids';
import { describeZodError, newTokenInput, platformId } from '../../../shared/domain/token-input';
import { AppError } from '../../../shared/errors';

const { account, client } = newTokenInput.shape;
/** The shared platform check, typed as the id it proves. */
const knownPlatform = platformId.transform((id) => id as PlatformId);

/** Options of `parseEnvFile`. */
export const envImportOptions = z.strictObject({
  /** Account every imported variable is filed under (a .env file names none). */
  account,
  client,
  /** Variable name → platform, for values whose format says nothing (or says something else). */
  platformFor: z.record(z.string(), knownPlatform).optional(),
});

/** Options of `parseEnvFile`, as given. */
export type EnvImportOptions = z.input<typeof envImportOptions>;

/** Fallbacks for rows whose file gives no account, platform or client. */
export const importDefaults = z.strictObject({
  account: account.optional(),
  platform: knownPlatform.optional(),
  client,
});

/** Defaults of the CSV and KeePassXC parsers, as given. */
export type ImportDefaults = z.input<typeof importDefaults>;
/** Defaults after checking: trimmed, platform a known id. */
export type ParsedDefaults = z.output<typeof importDefaults>;

/** Parses caller options; a bad one is BAD_INPUT naming the field. */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new AppError('BAD_INPUT', describeZodError(r.error, `Import ${what}: `));
  return r.data;
}
