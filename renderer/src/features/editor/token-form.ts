/**
 * The add/edit form as plain strings, and its conversion to the contract's requests,
 * validated with the shared zod schemas so the dialog shows the same messages the core would.
 */
import type { z } from 'zod';
import { newTokenInput, tokenPatchInput } from '../../../../shared/domain/token-input';
import type { Request } from '../../../../shared/ipc/contract';
import type { TokenView } from '../../api/types';
import { formatReminderDays, parseReminderDays } from '../../lib/reminder-days';
import type { YwhAccess, YwhRole, YwhScope } from '../../../../shared/domain/yeswehack';

/** What the form holds (every field a string). */
export interface TokenForm {
  platform: string;
  account: string;
  client: string;
  username: string;
  baseUrl: string;
  name: string;
  token: string;
  scopes: string;
  expiresAt: string;
  notes: string;
  /** With platform custom: the custom platform's id ('' = none). */
  customPlatform: string;
  /** YesWeHack: the program a check reads. */
  programSlug: string;
  /** Jelastic: the platform's id of this token (revoke and rotate name it). */
  platformTokenId: string;
  /** YesWeHack: the role, scope kind and access type it was made with ('' = not set). */
  ywhRole: string;
  ywhScope: string;
  ywhAccess: string;
  /** Renewal reminders: the settings' default days, none, or this token's own days. */
  reminderMode: ReminderMode;
  /** With reminderMode custom: the days as typed ("14, 3"). */
  reminderDays: string;
}

/** How a token's reminders are set: null = default, [] = none, a list = custom. */
export type ReminderMode = 'default' | 'none' | 'custom';

/** A field of the form. */
export type FormField = keyof TokenForm;

/** One message per field that has a problem. */
export type FieldErrors = Partial<Record<FormField, string>>;

/** An empty form for adding. */
export const EMPTY_FORM: TokenForm = {
  platform: 'github',
  account: '',
  client: '',
  username: '',
  baseUrl: '',
  name: '',
  token: '',
  scopes: '',
  expiresAt: '',
  notes: '',
  customPlatform: '',
  programSlug: '',
  platformTokenId: '',
  ywhRole: '',
  ywhScope: '',
  ywhAccess: '',
  reminderMode: 'default',
  reminderDays: '',
};

/** The form for editing `t` (the value stays empty: leaving it so keeps the current one). */
export function formFromToken(t: TokenView, notes: string): TokenForm {
  return {
    platform: t.platform,
    account: t.account,
    client: t.client ?? '',
    username: t.username ?? '',
    baseUrl: t.baseUrl ?? '',
    name: t.name,
    token: '',
    scopes: t.scopes.join(', '),
    expiresAt: t.expiresAt ?? '',
    notes,
    customPlatform: t.customPlatformId ?? '',
    programSlug: t.programSlug ?? '',
    platformTokenId: t.platformTokenId ?? '',
    ywhRole: t.ywhRole ?? '',
    ywhScope: t.ywhScope ?? '',
    ywhAccess: t.ywhAccess ?? '',
    reminderMode: t.reminderDays === null ? 'default' : t.reminderDays.length === 0 ? 'none' : 'custom',
    reminderDays: t.reminderDays === null ? '' : formatReminderDays(t.reminderDays),
  };
}

/** The token's own reminder days (null = the default), or the message to show. */
export function reminderDaysOf(f: TokenForm): { ok: true; days: number[] | null } | { ok: false; message: string } {
  if (f.reminderMode === 'default') return { ok: true, days: null };
  if (f.reminderMode === 'none') return { ok: true, days: [] };
  const r = parseReminderDays(f.reminderDays);
  if (!r.ok) return r;
  // An empty custom list would silently mean "none": make the user say so.
  return r.days.length === 0 ? { ok: false, message: 'Enter at least one day, or choose No reminders.' } : { ok: true, days: r.days };
}

/**
 * The platform-specific fields as they count for the form's platform: a field the platform
 * does not use counts as empty (switching platform away clears it on save).
 */
export function platformSpecifics(f: TokenForm): Specifics {
  const ywh = f.platform === 'yeswehack';
  return {
    customPlatform: f.platform === 'custom' ? f.customPlatform : '',
    programSlug: ywh ? f.programSlug.trim() : '',
    platformTokenId: f.platform === 'jelastic' ? f.platformTokenId.trim() : '',
    ywhRole: ywh ? f.ywhRole : '',
    ywhScope: ywh ? f.ywhScope : '',
    ywhAccess: ywh ? f.ywhAccess : '',
  };
}

type Specifics = Pick<TokenForm, 'customPlatform' | 'programSlug' | 'platformTokenId' | 'ywhRole' | 'ywhScope' | 'ywhAccess'>;

/** The YesWeHack choices: the selects offer only valid ids, and the shared schema checks them again. */
const asRole = (s: string): YwhRole | null => (s === '' ? null : (s as YwhRole));
const asScope = (s: string): YwhScope | null => (s === '' ? null : (s as YwhScope));
const asAccess = (s: string): YwhAccess | null => (s === '' ? null : (s as YwhAccess));

/** "repo, read:org ,, x" → ["repo", "read:org", "x"]. */
export function parseScopes(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s);

function fieldErrors(e: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of e.issues) {
    const field = (issue.path[0] ?? 'name') as FormField;
    out[field] ??= issue.message;
  }
  return out;
}

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The add request, or the problems to show. */
export function toNewToken(f: TokenForm): Result<Request<'tokens.add'>> {
  const input: Request<'tokens.add'> = {
    platform: f.platform,
    account: f.account,
    client: orNull(f.client),
    username: orNull(f.username),
    baseUrl: orNull(f.baseUrl),
    name: f.name,
    token: f.token,
    scopes: parseScopes(f.scopes),
    expiresAt: orNull(f.expiresAt),
    ...(f.notes !== '' ? { notes: f.notes } : {}),
  };
  const specific = platformSpecifics(f);
  if (specific.customPlatform !== '') input.customPlatform = specific.customPlatform;
  if (specific.programSlug !== '') input.programSlug = specific.programSlug;
  if (specific.platformTokenId !== '') input.platformTokenId = specific.platformTokenId;
  if (specific.ywhRole !== '') input.ywhRole = asRole(specific.ywhRole);
  if (specific.ywhScope !== '') input.ywhScope = asScope(specific.ywhScope);
  if (specific.ywhAccess !== '') input.ywhAccess = asAccess(specific.ywhAccess);
  const days = reminderDaysOf(f);
  if (days.ok && days.days !== null) input.reminderDays = days.days;
  const r = newTokenInput.safeParse(input);
  const errors: FieldErrors = r.success ? {} : fieldErrors(r.error);
  if (!days.ok) errors.reminderDays = days.message;
  return Object.keys(errors).length === 0 ? { ok: true, value: input } : { ok: false, errors };
}

/** The edit patch (only what changed from `initial`), or the problems to show. */
export function toPatch(initial: TokenForm, f: TokenForm): Result<Request<'tokens.edit'>['patch']> {
  const patch: Request<'tokens.edit'>['patch'] = {};
  if (f.platform !== initial.platform) patch.platform = f.platform;
  if (f.account !== initial.account) patch.account = f.account;
  if (f.client !== initial.client) patch.client = orNull(f.client);
  if (f.username !== initial.username) patch.username = orNull(f.username);
  if (f.baseUrl !== initial.baseUrl) patch.baseUrl = orNull(f.baseUrl);
  if (f.name !== initial.name) patch.name = f.name;
  if (f.token.trim() !== '') patch.token = f.token;
  if (parseScopes(f.scopes).join('\n') !== parseScopes(initial.scopes).join('\n')) patch.scopes = parseScopes(f.scopes);
  if (f.expiresAt !== initial.expiresAt) patch.expiresAt = orNull(f.expiresAt);
  if (f.notes !== initial.notes) patch.notes = f.notes;
  // Platform specifics: what changed is sent; a cleared one is sent as null (main clears it).
  const now = platformSpecifics(f);
  const before = platformSpecifics(initial);
  if (now.customPlatform !== before.customPlatform) patch.customPlatform = orNull(now.customPlatform);
  if (now.programSlug !== before.programSlug) patch.programSlug = orNull(now.programSlug);
  if (now.platformTokenId !== before.platformTokenId) patch.platformTokenId = orNull(now.platformTokenId);
  if (now.ywhRole !== before.ywhRole) patch.ywhRole = asRole(now.ywhRole);
  if (now.ywhScope !== before.ywhScope) patch.ywhScope = asScope(now.ywhScope);
  if (now.ywhAccess !== before.ywhAccess) patch.ywhAccess = asAccess(now.ywhAccess);
  const days = reminderDaysOf(f);
  const daysBefore = reminderDaysOf(initial);
  if (days.ok && (!daysBefore.ok || JSON.stringify(days.days) !== JSON.stringify(daysBefore.days))) patch.reminderDays = days.days;
  const r = tokenPatchInput.safeParse(patch);
  const errors: FieldErrors = r.success ? {} : fieldErrors(r.error);
  if (!days.ok) errors.reminderDays = days.message;
  return Object.keys(errors).length === 0 ? { ok: true, value: patch } : { ok: false, errors };
}
