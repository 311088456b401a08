/**
 * User-defined platforms (PLATFORMS.md "Generic (custom) platform"): what the user enters and
 * the vault stores — name, base URL, where the token goes, an optional check path with the
 * status meaning "valid", an optional https token page. Shared so the app's form, the IPC
 * contract, the CLI and the vault validate with the same rules and messages.
 */
import { z } from 'zod';
import { baseUrl } from './token-input';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
/** Headers fetch or the transport own, or that would leak the token somewhere else. */
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

/** Where the token goes: the same kinds the built-in presets use. */
export const customAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('header'),
    name: z
      .string()
      .regex(HEADER_NAME, 'header name: letters, digits and -')
      .refine((n) => !FORBIDDEN_HEADERS.has(n.toLowerCase()), 'this header cannot carry a token'),
    prefix: z.string().max(32).regex(PRINTABLE, 'prefix: printable characters only').optional(),
  }),
  z.strictObject({ kind: z.literal('bearer') }),
  z.strictObject({
    kind: z.literal('basic'),
    username: z
      .string()
      .max(128)
      .regex(/^[^:\u0000-\u001f\u007f]*$/, 'user name: no colon or control characters'),
  }),
  z.strictObject({
    kind: z.literal('query'),
    name: z.string().regex(/^[A-Za-z0-9_.~-]{1,64}$/, 'parameter name: letters, digits, _ . ~ -'),
  }),
]);

/** Where the token goes, as stored. */
export type CustomAuth = z.output<typeof customAuthSchema>;

const httpsPage = z
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
export const customPlatformSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'name must not be empty')
    .max(80, 'name is longer than 80 characters')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'name contains control characters'),
  baseUrl: baseUrl.refine((s) => !s.includes('?') && !s.includes('#'), 'base URL must not contain a query string or fragment'),
  auth: customAuthSchema,
  /** Path below the base URL whose answer tells whether the token works ("/user", "/api/me"). */
  checkPath: z
    .string()
    .max(512)
    .regex(/^\/[^?#\s\\]*$/, 'check path: starts with /, no query or fragment')
    .refine((p) => !p.includes('//') && !p.split('/').some((s) => s === '.' || s === '..'), 'check path: no // or .. segments')
    .optional(),
  /** The status that means "valid" (default 200). */
  validStatus: z.number().int().min(200, 'valid status must be a 2xx code').max(299, 'valid status must be a 2xx code').default(200),
  tokenPageUrl: httpsPage.optional(),
});

/** A validated definition (input may omit validStatus; output has it). */
export type CustomPlatformDef = z.output<typeof customPlatformSchema>;
export type CustomPlatformInput = z.input<typeof customPlatformSchema>;

/** A stored custom platform, as lists show it. */
export interface CustomPlatform extends CustomPlatformDef {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** How many tokens use it (it cannot be removed while any does). */
  readonly tokens: number;
}

/**
 * Where a token goes, in a few words ("header X-AUTH-TOKEN", "Authorization: Bearer",
 * "query ?session="); never a token. Built-in presets use the same shapes, so one wording.
 */
export function describeAuth(auth: CustomAuth): string {
  switch (auth.kind) {
    case 'header':
      return auth.prefix ? `header ${auth.name}: ${auth.prefix.trim()} …` : `header ${auth.name}`;
    case 'bearer':
      return 'Authorization: Bearer';
    case 'basic':
      return `Authorization: Basic (user ${auth.username})`;
    case 'query':
      return `query ?${auth.name}=`;
  }
}
