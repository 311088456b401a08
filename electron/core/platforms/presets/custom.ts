/**
 * User-defined platforms (PLATFORMS.md "Generic (custom) platform"): name, base URL, auth
 * scheme, optional check path with the status meaning "valid", optional https token page for
 * guided revoke. `customPlatformSchema` validates a definition (the vault stores it);
 * `customPreset(def)` turns one into a PlatformPreset. No API revoke, no rotate.
 */
import { z } from 'zod';
import { failureOutcome, isRateLimited, rateLimitedReason, statusReason, validateBaseUrl } from '../http';
import type { AuthScheme, CheckOutcome, ConnectorInput, PlatformPreset } from '../types';

/** An HTTP header name (RFC 9110 token), not one fetch or the transport owns. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const FORBIDDEN_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'cookie',
  'accept',
  'user-agent',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
]);
/** Printable ASCII without control characters (a header prefix like "token " or "Bearer "). */
const PRINTABLE = /^[\x20-\x7e]*$/;

const authSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('header'),
    name: z
      .string()
      .regex(HEADER_NAME, 'header name: letters, digits and -')
      .refine((n) => !FORBIDDEN_HEADERS.has(n.toLowerCase()), 'this header cannot carry a token'),
    prefix: z.string().max(32).regex(PRINTABLE, 'prefix: printable characters only').optional(),
  }),
  z.object({ kind: z.literal('bearer') }),
  z.object({
    kind: z.literal('basic'),
    username: z
      .string()
      .max(128)
      .regex(/^[^:\u0000-\u001f\u007f]*$/, 'user name: no colon or control characters'),
  }),
  z.object({ kind: z.literal('query'), name: z.string().regex(/^[A-Za-z0-9_.~-]{1,64}$/, 'parameter name: letters, digits, _ . ~ -') }),
]);

const baseUrlSchema = z
  .string()
  .max(2048)
  .superRefine((v, ctx) => {
    try {
      validateBaseUrl(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : 'invalid base URL' });
    }
  });

const httpsUrlSchema = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'token page must be an https URL without credentials');

/** A custom platform definition, as the user enters it and the vault stores it. */
export const customPlatformSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    baseUrl: baseUrlSchema,
    auth: authSchema,
    /** Path below the base URL whose answer tells whether the token works ("/user", "/api/me"). */
    checkPath: z
      .string()
      .max(512)
      .regex(/^\/[^?#\s]*$/, 'check path: starts with /, no query or fragment')
      .refine((p) => !p.includes('//') && !p.split('/').some((s) => s === '.' || s === '..'), 'check path: no // or .. segments')
      .optional(),
    /** The status that means "valid" (default 200). */
    validStatus: z.number().int().min(200).max(299).default(200),
    tokenPageUrl: httpsUrlSchema.optional(),
  })
  .strict();

/** A validated definition (input may omit validStatus; output has it). */
export type CustomPlatformDef = z.output<typeof customPlatformSchema>;
export type CustomPlatformInput = z.input<typeof customPlatformSchema>;

/** A PlatformPreset from a user definition. Throws a ZodError when the definition is invalid. */
export function customPreset(input: CustomPlatformInput): PlatformPreset {
  const def = customPlatformSchema.parse(input);
  const auth: AuthScheme = def.auth;
  const checkPath = def.checkPath;

  const check = checkPath
    ? async ({ token, http }: ConnectorInput): Promise<CheckOutcome> => {
        try {
          const res = await http.request({ method: 'GET', path: checkPath });
          if (res.status === def.validStatus) return { result: 'active' };
          if (isRateLimited(res)) return { result: 'unknown', reason: rateLimitedReason(res) };
          if (res.status === 401 || res.status === 403) return { result: 'invalid', reason: statusReason(res, token) };
          if (res.status >= 500) return { result: 'unknown', reason: `server error ${res.status}` };
          return { result: 'unknown', reason: `status ${res.status}, expected ${def.validStatus}` };
        } catch (e) {
          return failureOutcome(e);
        }
      }
    : undefined;

  return {
    id: 'custom',
    name: def.name,
    defaultBaseUrl: def.baseUrl,
    auth,
    tokenPattern: null,
    tokenPageUrl: def.tokenPageUrl ?? null,
    scopeVocabulary: [],
    expiry: 'unknown',
    notes: [
      'User-defined platform: the app knows only what its definition says.',
      ...(checkPath ? [] : ['No check path: the token cannot be checked.']),
      def.tokenPageUrl ? 'Revoke is guided: open the token page, then confirm.' : 'Revoke is guided: revoke on the platform, then confirm.',
    ],
    ...(check ? { check } : {}),
  };
}
