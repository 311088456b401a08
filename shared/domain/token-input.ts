import { z } from 'zod';
import { LIMITS } from './limits';
import { PLATFORM_IDS, isPlatformId } from './platform-ids';
import { tokenReminderDaysSchema } from './reminder-policy';
import { YWH_ACCESS, YWH_FIELDS, YWH_ONLY_MESSAGE, YWH_ROLES, YWH_SCOPES } from './yeswehack';

export { describeZodError } from './describe-zod';

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/** Strict calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = z.string().refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { message: 'must be a date written YYYY-MM-DD' },
);

const trimmedText = (what: string, max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: `${what} must not be empty` })
    .refine((s) => s.length <= max, { message: `${what} is longer than ${max} characters` })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: `${what} contains control characters` });

/** http(s) URL; plain http only for loopback hosts (tests, local mocks). */
export const baseUrl = z
  .string()
  .max(LIMITS.urlMaxChars, { message: `base URL is longer than ${LIMITS.urlMaxChars} characters` })
  .refine(
    (s) => {
      let u: URL;
      try {
        u = new URL(s);
      } catch {
        return false;
      }
      if (u.username || u.password) return false;
      if (u.protocol === 'https:') return true;
      return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    },
    { message: 'base URL must be an https:// URL (http:// only for localhost), without credentials' },
  )
  .transform((s) => s.replace(/\/+$/, ''));

export const platformId = z.string().refine(isPlatformId, {
  message: `unknown platform (known: ${PLATFORM_IDS.join(', ')})`,
});

export const tokenValue = z
  .string()
  .refine((s) => s.trim().length > 0, { message: 'token value must not be empty' })
  .refine((s) => utf8Bytes(s) <= LIMITS.tokenValueMaxBytes, {
    message: `token value is larger than ${LIMITS.tokenValueMaxBytes / 1024} KiB`,
  })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s.trim()), { message: 'token value contains control characters' })
  .transform((s) => s.trim());

export const scopeList = z
  .array(trimmedText('scope', LIMITS.scopeMaxChars))
  .max(LIMITS.scopesMax, { message: `more than ${LIMITS.scopesMax} scopes` })
  .transform((a) => [...new Set(a)]);

export const notesText = z
  .string()
  .max(LIMITS.notesMaxChars, { message: `notes are longer than ${LIMITS.notesMaxChars} characters` });

const optionalText = (what: string, max: number) => trimmedText(what, max).nullable().optional();

/** A custom platform named by id or by name (names are unique, compared without case). */
const customPlatformRef = trimmedText('custom platform', 80);
/** A platform-specific parameter: YesWeHack program slug, Jelastic token id. */
const platformParam = (what: string) => trimmedText(what, 200);

/** A YesWeHack field: one of its values (listed in the message), null to clear. */
const ywhChoice = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `${what} must be one of ${values.join(', ')}` }).nullable().optional();
const ywhFields = {
  ywhRole: ywhChoice('YesWeHack role', YWH_ROLES),
  ywhScope: ywhChoice('YesWeHack scope', YWH_SCOPES),
  /** Names inferred (shared/domain/yeswehack.ts). */
  ywhAccess: ywhChoice('YesWeHack access type', YWH_ACCESS),
};

/** The first YesWeHack field set (not null) on `t`, or undefined. */
export function ywhFieldGiven(t: Partial<Record<(typeof YWH_FIELDS)[number], unknown>>): (typeof YWH_FIELDS)[number] | undefined {
  return YWH_FIELDS.find((k) => t[k] !== undefined && t[k] !== null);
}

/**
 * The user saw that the value's format belongs to another platform and keeps the platform they
 * chose anyway (shared/domain/token-format). Never stored: it only lets this one write through.
 */
const platformMismatchOk = z.boolean().optional();

/**
 * Every field a user gives a token, declared once: a new token needs the required ones
 * (newTokenInput); a change (tokenPatchInput) may give any of them, null clearing optional ones.
 */
const tokenInputFields = z.object({
  name: trimmedText('name', LIMITS.nameMaxChars),
  token: tokenValue,
  scopes: scopeList.optional(),
  expiresAt: isoDate.nullable().optional(),
  notes: notesText.optional(),
  platform: platformId,
  account: trimmedText('account', LIMITS.labelMaxChars),
  client: optionalText('client', LIMITS.labelMaxChars),
  username: optionalText('username', LIMITS.labelMaxChars),
  baseUrl: baseUrl.nullable().optional(),
  /** With platform 'custom': which user-defined platform (id or name); null unassigns. */
  customPlatform: customPlatformRef.nullable().optional(),
  programSlug: platformParam('program slug').nullable().optional(),
  platformTokenId: platformParam('platform token id').nullable().optional(),
  /** Only for tokens on platform 'yeswehack' (a change is checked by the vault, which knows the token's platform). */
  ...ywhFields,
  /** Days before expiry to remind; null or absent = the global policy, [] = never. */
  reminderDays: tokenReminderDaysSchema.optional(),
  platformMismatchOk,
});

/** A new token, as the user gives it (CLI add, import, app dialog). */
export const newTokenInput = tokenInputFields
  .refine((t) => !t.customPlatform || t.platform === 'custom', {
    message: 'a custom platform can only be given with platform custom',
    path: ['customPlatform'],
  })
  .superRefine((t, ctx) => {
    const given = ywhFieldGiven(t);
    if (given !== undefined && t.platform !== 'yeswehack') ctx.addIssue({ code: 'custom', message: YWH_ONLY_MESSAGE, path: [given] });
  });

/** Parsed new token. */
export type NewTokenInput = z.output<typeof newTokenInput>;

/** A change to a token; absent fields stay as they are, null clears. */
export const tokenPatchInput = tokenInputFields.partial();

/** Parsed token change. */
export type TokenPatchInput = z.output<typeof tokenPatchInput>;
