/**
 * Jelastic / Virtuozzo Application Platform (seed 002, PLATFORMS.md). Every hoster runs its own
 * platform, so there is no default base URL: the account gives `https://app.<platformDomain>`.
 * The token travels as the `session` query parameter; every answer is HTTP 200 with a JSON
 * `result` (0 = OK, anything else an error).
 *
 * Requests (`/1.0/users/authentication/rest/{method}`, lower-case method names, `appid=cluster`):
 *   - verified from py-jelastic (Onemind-Services-LLC/py-jelastic, jelastic/api/abstract.py and
 *     users/__init__.py) and the seed: the path shape, `session` and `appid=cluster` parameters,
 *     method names CheckSign, GetTokens(ids), DeleteTokens(ids, password),
 *     RegenerateToken(id(s), password); `result` 0 = OK and 8202 = permission denied;
 *     `expiresAt` "yyyy-MM-dd hh:mm:ss" UTC; the four predefined API sets.
 *   - inferred: the methods accept POST with form parameters (py-jelastic sends everything in
 *     the query string; we POST so the account password is not in a URL); GetTokens lists the
 *     tokens in `array` (or `tokens`) with `id`, `expiresAt`, `tokenTemplate` and `apiList`;
 *     RegenerateToken returns the new value in `token`; codes 701/702 (or an error text about the
 *     session) mean the token is not accepted.
 *   - RegenerateToken's id parameter is `id` in the platform docs and `ids` in py-jelastic: both
 *     are sent, with the same value.
 *
 * Check: CheckSign → `result` 0 → active; then, when the token's id is known, GetTokens for its
 * API set and expiry (an expiry in the past gives `expired`). 8202 means the token may not call
 * CheckSign (a Custom API set without it) — that says nothing about validity → unknown.
 * Revoke and rotate need the account password: asked for, sent once in the request body, never
 * stored, never repeated in a reason or error.
 */
import { PRESET_TOKEN_PATTERNS } from '../../../../shared/domain/detect-patterns';
import type { ReportedExpiry } from '../../../../shared/domain/expiry';
import {
  HttpFailure,
  type CheckOutcome,
  type ConnectorInput,
  type HttpResponse,
  type PlatformPreset,
  type RevokeOutcome,
  type RotateOutcome,
} from '../types';
import {
  commonStatusOutcome,
  failureReason,
  guarded,
  isRecord,
  rateLimitedOutcome,
  rejectedOutcome,
  UNEXPECTED,
} from './seed-common';

const AUTH_PATH = '/1.0/users/authentication/rest';
const APPID = { appid: 'cluster' } as const;
/** Token ids are integers (py-jelastic: "1;4;6"); nothing else goes into a request. */
const TOKEN_ID = /^\d{1,18}$/;

/** Jelastic's `result` codes read here. */
export const JELASTIC_RESULT = { OK: 0, PERMISSION_DENIED: 8202 } as const;
/** Codes taken to mean "the session/token is not accepted" (inferred). */
const NOT_AUTHENTICATED_CODES = new Set([701, 702]);
const NOT_AUTHENTICATED_TEXT = /session\b.*\b(invalid|not valid|not found|expired)|not authenticated|authentication (required|failed)|invalid token|token .*not found/i;

type Envelope = { ok: true; body: Record<string, unknown> } | { ok: false; outcome: CheckOutcome };

/** HTTP status, then the JSON envelope's `result`. */
function readEnvelope(res: HttpResponse, method: string): Envelope {
  const limited = rateLimitedOutcome(res);
  if (limited !== null) return { ok: false, outcome: limited };
  if (res.status === 401 || res.status === 403) return { ok: false, outcome: rejectedOutcome(res, `${res.status} from ${method}`) };
  const common = commonStatusOutcome(res);
  if (common !== null) return { ok: false, outcome: common };
  const body = res.json;
  if (!isRecord(body) || typeof body.result !== 'number') return { ok: false, outcome: UNEXPECTED };
  if (body.result === JELASTIC_RESULT.OK) return { ok: true, body };
  return { ok: false, outcome: resultOutcome(body.result, typeof body.error === 'string' ? body.error : '') };
}

function resultOutcome(code: number, error: string): CheckOutcome {
  if (code === JELASTIC_RESULT.PERMISSION_DENIED) {
    return { result: 'unknown', reason: 'permission denied (8202): the token’s API set may not include this method' };
  }
  if (NOT_AUTHENTICATED_CODES.has(code) || NOT_AUTHENTICATED_TEXT.test(error)) {
    if (/expired/i.test(error)) return { result: 'expired', reason: `token expired (result ${code})` };
    return { result: 'invalid', reason: `token not accepted (result ${code})` };
  }
  return { result: 'unknown', reason: `platform error ${code}` };
}

/** "yyyy-MM-dd hh:mm:ss" (UTC) → epoch ms, or undefined. */
export function parseJelasticDate(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d) return undefined;
  return t;
}

/** The token record GetTokens returns for our id. */
function findToken(body: Record<string, unknown>, id: string): Record<string, unknown> | undefined {
  const lists = [body.array, body.tokens, isRecord(body.response) ? body.response.array : undefined];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const hit = list.find((t) => isRecord(t) && String(t.id) === id);
    if (isRecord(hit)) return hit;
    if (list.length === 1 && isRecord(list[0]) && list[0].id === undefined) return list[0];
  }
  return undefined;
}

/** The API set: a predefined template's name, else the Custom list of methods. */
function tokenScopes(t: Record<string, unknown>): string[] | undefined {
  const template = [t.tokenTemplate, t.template, isRecord(t.tokenTemplate) ? t.tokenTemplate.name : undefined].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (template !== undefined) return [template.trim()];
  const raw = t.apiList ?? t.api;
  const list = typeof raw === 'string' ? raw.split(/[,;\s]+/) : Array.isArray(raw) ? raw : [];
  const methods = list.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim());
  return methods.length > 0 ? ['Custom', ...methods.slice(0, 200)] : undefined;
}

async function details(input: ConnectorInput, id: string): Promise<CheckOutcome> {
  let res: HttpResponse;
  try {
    res = await input.http.request({ method: 'GET', path: `${AUTH_PATH}/gettokens`, query: { ...APPID, ids: id } });
  } catch (e) {
    return { result: 'active', reason: `details unavailable: ${failureReason(e)}` };
  }
  const env = readEnvelope(res, 'GetTokens');
  if (!env.ok) return { result: 'active', reason: `details unavailable: ${env.outcome.reason ?? 'error'}` };
  const t = findToken(env.body, id);
  if (t === undefined) return { result: 'active', reason: 'details unavailable: token id not listed' };
  const out: { result: 'active' | 'expired'; reason?: string; expiry?: ReportedExpiry | null; scopes?: readonly string[] } = { result: 'active' };
  const scopes = tokenScopes(t);
  if (scopes !== undefined) out.scopes = scopes;
  if ('expiresAt' in t) {
    const at = parseJelasticDate(t.expiresAt);
    if (t.expiresAt === null || t.expiresAt === '') out.expiry = null;
    else if (at !== undefined && typeof t.expiresAt === 'string') {
      out.expiry = { at: new Date(at).toISOString(), raw: t.expiresAt.trim() };
      if (at <= Date.now()) {
        out.result = 'expired';
        out.reason = `expired on ${t.expiresAt.trim()} UTC (per GetTokens)`;
      }
    }
  }
  return out;
}

async function check(input: ConnectorInput): Promise<CheckOutcome> {
  return guarded(async () => {
    const res = await input.http.request({ method: 'GET', path: `${AUTH_PATH}/checksign`, query: { ...APPID } });
    const env = readEnvelope(res, 'CheckSign');
    if (!env.ok) return env.outcome;
    const id = input.extra?.tokenId?.trim();
    if (id === undefined || id === '' || !TOKEN_ID.test(id)) return { result: 'active' };
    return details(input, id);
  });
}

/** Checks the inputs a password-protected token operation needs, without echoing any of them. */
function passwordOpInputs(input: ConnectorInput): { id: string; password: string } | string {
  const id = input.extra?.tokenId?.trim();
  const password = input.extra?.password;
  if (id === undefined || id === '') return 'needs the token id (shown in Settings › Access Tokens)';
  if (!TOKEN_ID.test(id)) return 'the token id must be a number';
  if (password === undefined || password === '') return 'needs the account password';
  return { id, password };
}

/** A non-zero `result` of a password-protected operation, in words that quote neither the password nor the token. */
function opError(res: HttpResponse, method: string): string {
  const limited = rateLimitedOutcome(res);
  if (limited !== null) return limited.reason ?? 'rate-limited';
  if (res.status >= 500) return `server error ${res.status}`;
  if (res.status === 401 || res.status === 403) return `${res.status} from ${method}`;
  if (res.status < 200 || res.status >= 300) return `unexpected status ${res.status}`;
  const body = res.json;
  if (!isRecord(body) || typeof body.result !== 'number') return 'unexpected response';
  const error = typeof body.error === 'string' ? body.error : '';
  if (body.result === JELASTIC_RESULT.PERMISSION_DENIED) return 'permission denied (8202)';
  if (/password/i.test(error)) return `wrong password (result ${body.result})`;
  const o = resultOutcome(body.result, error);
  return o.result === 'invalid' ? `token not accepted (result ${body.result})` : `platform error ${body.result}`;
}

const revoke = {
  needsPassword: true,
  async run(input: ConnectorInput): Promise<RevokeOutcome> {
    const args = passwordOpInputs(input);
    if (typeof args === 'string') return { revoked: false, reason: args };
    let res: HttpResponse;
    try {
      res = await input.http.request({
        method: 'POST',
        path: `${AUTH_PATH}/deletetokens`,
        form: { ...APPID, ids: args.id, password: args.password },
        resend: false, // carries the account password: sent once, a rate limit is reported instead
      });
    } catch (e) {
      return { revoked: false, reason: failureReason(e) };
    }
    const body = res.json;
    if (res.status >= 200 && res.status < 300 && isRecord(body) && body.result === JELASTIC_RESULT.OK) return { revoked: true };
    return { revoked: false, reason: opError(res, 'DeleteTokens') };
  },
};

/** The new value RegenerateToken returns (field name inferred: `token`, possibly wrapped). */
function newTokenValue(body: Record<string, unknown>): string | undefined {
  for (const holder of [body, body.object, body.response, body.token]) {
    if (!isRecord(holder)) continue;
    for (const k of ['token', 'value', 'accessToken']) {
      const v = holder[k];
      if (typeof v === 'string' && /^[\x21-\x7e]{8,4096}$/.test(v)) return v;
    }
  }
  return undefined;
}

const rotate = {
  needsPassword: true,
  async run(input: ConnectorInput): Promise<RotateOutcome> {
    const args = passwordOpInputs(input);
    if (typeof args === 'string') throw new Error(`Jelastic regenerate: ${args}`);
    let res: HttpResponse;
    try {
      res = await input.http.request({
        method: 'POST',
        path: `${AUTH_PATH}/regeneratetoken`,
        form: { ...APPID, id: args.id, ids: args.id, password: args.password },
        resend: false, // carries the account password, and must not regenerate twice
      });
    } catch (e) {
      if (e instanceof HttpFailure) throw new HttpFailure(e.kind, `Jelastic regenerate: ${failureReason(e)}`);
      // No `cause` on purpose: an unknown error could quote the request, and with it the password.
      // eslint-disable-next-line preserve-caught-error
      throw new Error('Jelastic regenerate: request failed');
    }
    const body = res.json;
    if (!(res.status >= 200 && res.status < 300 && isRecord(body) && body.result === JELASTIC_RESULT.OK)) {
      throw new Error(`Jelastic regenerate: ${opError(res, 'RegenerateToken')}`);
    }
    const value = newTokenValue(body);
    if (value === undefined || value === input.token) {
      // The platform said OK: the old value is probably dead already. Say so, plainly.
      throw new Error('Jelastic regenerate: the platform answered OK without a new value; the old one may no longer work — copy the new value from the dashboard');
    }
    const out: { newValue: string; expiry?: ReportedExpiry | null } = { newValue: value };
    const holder = isRecord(body.object) ? body.object : body;
    if ('expiresAt' in holder) {
      const at = parseJelasticDate(holder.expiresAt);
      if (holder.expiresAt === null || holder.expiresAt === '') out.expiry = null;
      else if (at !== undefined && typeof holder.expiresAt === 'string') out.expiry = { at: new Date(at).toISOString(), raw: holder.expiresAt.trim() };
    }
    return out;
  },
};

export const jelasticPreset: PlatformPreset = {
  id: 'jelastic',
  name: 'Jelastic / Virtuozzo',
  defaultBaseUrl: null,
  auth: { kind: 'query', name: 'session' },
  tokenPattern: PRESET_TOKEN_PATTERNS.jelastic,
  tokenPageUrl: null,
  scopeVocabulary: ['Extended Access', 'IDE Plugins', 'Marketplace', 'Maven Plugin', 'Custom'],
  expiry: 'optional',
  notes: [
    'Base URL per hoster: https://app.<platformDomain> (API under /1.0/).',
    'The token is sent as the session query parameter: ?session=<token>.',
    'A token allows one API set: Extended Access, IDE Plugins, Marketplace, Maven Plugin, or Custom (a list of methods).',
    'Expiry is optional ("dd-mm-yyyy" in the dashboard; the API gives "yyyy-MM-dd hh:mm:ss" UTC). Store the token id to read it with GetTokens.',
    'Every token change (remove, regenerate) needs the account password: PAT Vault asks for it, sends it once, and never stores it.',
    'Regenerating a token makes the previous value stop working at once.',
    'Tokens are managed in the dashboard: Settings › Access Tokens.',
    'Request shapes from the py-jelastic client; POST with form parameters and the GetTokens/RegenerateToken response fields are inferred (unverified).',
    'Token format undocumented (no prefix): not detected from its shape.',
  ],
  check,
  revoke,
  rotate,
};
