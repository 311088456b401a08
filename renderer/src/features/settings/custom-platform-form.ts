/**
 * The custom platform form as plain strings, and its conversion to a definition validated
 * with the shared `customPlatformSchema`, so the dialog shows the messages main would give.
 */
import type { z } from 'zod';
import { customPlatformSchema, type CustomAuth, type CustomPlatformInput } from '../../../../shared/domain/custom-platform';
import type { CustomPlatformView } from '../../api/types';

/** Where the token goes (the definition's auth kind). */
export type AuthKind = CustomAuth['kind'];

/** The choices of "Token goes in", in the order shown. */
export const AUTH_KINDS: readonly { kind: AuthKind; label: string }[] = [
  { kind: 'header', label: 'Header' },
  { kind: 'bearer', label: 'Authorization: Bearer' },
  { kind: 'basic', label: 'Basic auth' },
  { kind: 'query', label: 'Query parameter' },
];

/** What the form holds (every field a string). */
export interface CustomPlatformForm {
  name: string;
  baseUrl: string;
  authKind: AuthKind;
  headerName: string;
  prefix: string;
  basicUser: string;
  paramName: string;
  checkPath: string;
  validStatus: string;
  tokenPageUrl: string;
}

/** A field of the form. */
export type CustomPlatformField = keyof CustomPlatformForm;

/** One message per field that has a problem. */
export type CustomPlatformErrors = Partial<Record<CustomPlatformField, string>>;

/** The fields in the order the form shows them (focus goes to the first problem). */
export const CUSTOM_FIELD_ORDER: readonly CustomPlatformField[] = [
  'name',
  'baseUrl',
  'authKind',
  'headerName',
  'prefix',
  'basicUser',
  'paramName',
  'checkPath',
  'validStatus',
  'tokenPageUrl',
];

/** An empty form for defining a platform. */
export const EMPTY_CUSTOM_FORM: CustomPlatformForm = {
  name: '',
  baseUrl: '',
  authKind: 'header',
  headerName: '',
  prefix: '',
  basicUser: '',
  paramName: '',
  checkPath: '',
  validStatus: '200',
  tokenPageUrl: '',
};

/** The form for changing `p`. */
export function formFromCustomPlatform(p: CustomPlatformView): CustomPlatformForm {
  const a = p.auth;
  return {
    name: p.name,
    baseUrl: p.baseUrl,
    authKind: a.kind,
    headerName: a.kind === 'header' ? a.name : '',
    prefix: a.kind === 'header' ? (a.prefix ?? '') : '',
    basicUser: a.kind === 'basic' ? a.username : '',
    paramName: a.kind === 'query' ? a.name : '',
    checkPath: p.checkPath ?? '',
    validStatus: String(p.validStatus),
    tokenPageUrl: p.tokenPageUrl ?? '',
  };
}

function authOf(f: CustomPlatformForm): CustomAuth {
  switch (f.authKind) {
    case 'header':
      return { kind: 'header', name: f.headerName.trim(), ...(f.prefix !== '' ? { prefix: f.prefix } : {}) };
    case 'bearer':
      return { kind: 'bearer' };
    case 'basic':
      return { kind: 'basic', username: f.basicUser };
    case 'query':
      return { kind: 'query', name: f.paramName.trim() };
  }
}

/** Which form field a schema issue is about (`auth.name` is the header or the parameter name). */
function fieldOf(path: readonly PropertyKey[], kind: AuthKind): CustomPlatformField {
  const [top, sub] = path;
  if (top !== 'auth') return (typeof top === 'string' ? top : 'name') as CustomPlatformField;
  if (sub === 'prefix') return 'prefix';
  if (sub === 'username') return 'basicUser';
  if (sub === 'name') return kind === 'query' ? 'paramName' : 'headerName';
  return 'authKind';
}

function fieldErrors(e: z.ZodError, kind: AuthKind): CustomPlatformErrors {
  const out: CustomPlatformErrors = {};
  for (const issue of e.issues) out[fieldOf(issue.path, kind)] ??= issue.message;
  return out;
}

type Result = { ok: true; value: CustomPlatformInput } | { ok: false; errors: CustomPlatformErrors };

const VALID_STATUS_MESSAGE = 'valid status must be a 2xx code';

/** The definition to save, or the problems to show (the first message per field). */
export function toDefinition(f: CustomPlatformForm): Result {
  const status = f.validStatus.trim();
  const definition: CustomPlatformInput = {
    name: f.name,
    baseUrl: f.baseUrl.trim(),
    auth: authOf(f),
    ...(f.checkPath.trim() !== '' ? { checkPath: f.checkPath.trim() } : {}),
    // Empty means the default (200); anything not a whole number is refused below.
    ...(status !== '' ? { validStatus: /^\d{1,3}$/.test(status) ? Number(status) : Number.NaN } : {}),
    ...(f.tokenPageUrl.trim() !== '' ? { tokenPageUrl: f.tokenPageUrl.trim() } : {}),
  };
  const r = customPlatformSchema.safeParse(definition);
  if (r.success) return { ok: true, value: definition };
  const errors = fieldErrors(r.error, f.authKind);
  if (errors.validStatus !== undefined) errors.validStatus = VALID_STATUS_MESSAGE;
  return { ok: false, errors };
}
