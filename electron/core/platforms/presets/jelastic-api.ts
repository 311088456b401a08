/**
 * Jelastic / Virtuozzo answers, read the way the platform and its clients document them. Every
 * answer is a JSON object whose `result` is 0 for success, anything else an error (seed 002:
 * "For the successful operation, you should get a "result":0 in response (any non-zero value
 * stands for error)").
 *
 * Result codes read here, and only these (py-jelastic, Onemind-Services-LLC/py-jelastic,
 * jelastic/api/abstract.py `_handle_response`, which raises one exception per code):
 *   0     success
 *   8202  permission denied — the session or token was accepted but may not call that method
 *         (py-jelastic: "Permission denied, required permissions: users.authentication.X";
 *         PLATFORMS.md, pitfalls: "8202 = the token was accepted but lacks that method")
 *   5     resource not found
 *   2207  external billing error;  2223  external billing rejected
 * Any other non-zero code is a generic API error whose meaning is not documented: a check says
 * `unknown` with the code (and the platform's own words, scrubbed of the token), never a guess.
 */
import type { ReportedExpiry } from '../../../../shared/domain/expiry';
import { instantOf } from '../../../../shared/domain/expiry';
import type { CheckOutcome, HttpResponse } from '../types';
import { commonStatusOutcome, isRecord, rateLimitedOutcome, rejectedOutcome, scrub, UNEXPECTED_OUTCOME } from '../http';

/** Token methods live here (py-jelastic: `users/authentication/rest/{method}`, lower-case). */
export const AUTH_PATH = '/1.0/users/authentication/rest';
/** py-jelastic sends `appid=cluster` with every request (abstract.py `_serialize_params`). */
export const APPID = { appid: 'cluster' } as const;
/** Token ids are integers (py-jelastic: "a comma- or semicolon-separated list … 1;4;6"); nothing else goes into a request. */
export const TOKEN_ID = /^\d{1,18}$/;

/** The documented `result` codes (see the file comment). */
export const JELASTIC_RESULT = { OK: 0, NOT_FOUND: 5, BILLING_ERROR: 2207, BILLING_REJECTED: 2223, PERMISSION_DENIED: 8202 } as const;

/** The method name a reason names, as Jelastic's docs write it (CheckSign, GetTokens…). */
export type JelasticMethod = 'CheckSign' | 'GetTokens' | 'DeleteTokens' | 'RegenerateToken' | 'Signin';

/** A `result` other than 0, in words that quote nothing but the platform's scrubbed text (checks only). */
export function resultReason(code: number, method: JelasticMethod, said = ''): string {
  switch (code) {
    case JELASTIC_RESULT.PERMISSION_DENIED:
      return `the token was accepted, but its API set does not include ${method} (8202)`;
    case JELASTIC_RESULT.NOT_FOUND:
      return `${method}: not found (result 5)`;
    case JELASTIC_RESULT.BILLING_ERROR:
    case JELASTIC_RESULT.BILLING_REJECTED:
      return `${method}: the platform's billing refused it (result ${code})`;
    default:
      return said === '' ? `platform error ${code}` : `platform error ${code}: ${said}`;
  }
}

/** An answer read down to its body, or the check outcome it already decides. */
export type Envelope = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly code: number | null; readonly outcome: CheckOutcome };

/**
 * HTTP status first (rate limit, 401/403, 5xx), then the JSON `result`. `token` is scrubbed
 * from any platform text that reaches a reason.
 */
export function readEnvelope(res: HttpResponse, method: JelasticMethod, token: string): Envelope {
  const limited = rateLimitedOutcome(res);
  if (limited !== null) return { ok: false, code: null, outcome: limited };
  if (res.status === 401 || res.status === 403) return { ok: false, code: null, outcome: rejectedOutcome(res, `${res.status} from ${method}`) };
  const common = commonStatusOutcome(res);
  if (common !== null) return { ok: false, code: null, outcome: common };
  const body = res.json;
  if (!isRecord(body) || typeof body.result !== 'number') return { ok: false, code: null, outcome: UNEXPECTED_OUTCOME };
  if (body.result === JELASTIC_RESULT.OK) return { ok: true, body };
  const said = typeof body.error === 'string' ? scrub(body.error, token, 120) : '';
  const code = body.result;
  if (code === JELASTIC_RESULT.PERMISSION_DENIED) return { ok: false, code, outcome: { result: 'active', reason: resultReason(code, method) } };
  return { ok: false, code, outcome: { result: 'unknown', reason: resultReason(code, method, said) } };
}

/**
 * `expiresAt` as Jelastic writes it, "yyyy-MM-dd HH:mm:ss" in UTC (py-jelastic, users/__init__.py
 * CreateToken/EditToken: "expiration date (UTC) for the token. In the format “yyyy-MM-dd
 * hh:mm:ss”, e.g. "2022-11-16 00:00:00""; that GetTokens and RegenerateToken answer in the same
 * form is inferred) → epoch ms. A `T` separator, fractional seconds and a trailing `Z` are
 * accepted; a bare date, another zone, or an impossible date/time is not read (undefined).
 */
export function parseJelasticDate(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z?$/.exec(s.trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || se > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t;
}

/**
 * A record's `expiresAt` as a reported expiry: null when the platform says none (null or ''),
 * undefined when the field is absent or unreadable (then nothing is claimed).
 */
export function jelasticExpiry(holder: Record<string, unknown>): ReportedExpiry | null | undefined {
  if (!('expiresAt' in holder)) return undefined;
  const raw = holder.expiresAt;
  if (raw === null || raw === '') return null;
  const ms = parseJelasticDate(raw);
  const at = ms === undefined ? null : instantOf(ms);
  return at === null ? undefined : { at, raw: String(raw).trim() };
}

/** The token record GetTokens returns for our id (the list's field name is inferred: `array`, else `tokens`). */
export function findToken(body: Record<string, unknown>, id: string): Record<string, unknown> | undefined {
  const lists = [body.array, body.tokens, isRecord(body.response) ? body.response.array : undefined];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const hit = list.find((t) => isRecord(t) && String(t.id) === id);
    if (isRecord(hit)) return hit;
    if (list.length === 1 && isRecord(list[0]) && list[0].id === undefined) return list[0];
  }
  return undefined;
}

/**
 * The API set: a predefined template's name (py-jelastic CreateToken `tokenTemplate`: Marketplace,
 * Maven Plugin, IDE Plugins, Extended Access), else the Custom list of methods (`apiList`).
 */
export function tokenScopes(t: Record<string, unknown>): string[] | undefined {
  const template = [t.tokenTemplate, t.template, isRecord(t.tokenTemplate) ? t.tokenTemplate.name : undefined].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (template !== undefined) return [template.trim()];
  const raw = t.apiList ?? t.api;
  const list = typeof raw === 'string' ? raw.split(/[,;\s]+/) : Array.isArray(raw) ? raw : [];
  const methods = list.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim());
  return methods.length > 0 ? ['Custom', ...methods.slice(0, 200)] : undefined;
}
