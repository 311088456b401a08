/**
 * Jelastic / Virtuozzo token changes: DeleteTokens (revoke) and RegenerateToken (rotate). Both
 * need the account password (seed 002: "All the token changes on account require an obligatory
 * confirmation with the password"; py-jelastic users/__init__.py DeleteTokens(ids, password),
 * RegenerateToken(ids, password)). Two ways to authenticate them:
 *
 *   - with the token itself (`?session=<token>`), when its API set includes the method;
 *   - with a session opened from the account's login and password, when the token cannot: it has
 *     expired (seed 002: a token "can be regenerated after expiration"), or its API set lacks the
 *     method (8202), or the user chose to. The platform's API docs (docs.jelastic.com/api):
 *     "Session is achieved by calling the Users > Authentication > Signin method. The further
 *     calling of the API functions should be performed with the received session value. To
 *     complete the working session with API, call the Users > Authentication > Signout method."
 *     Signin takes `login` and `password` and answers `session` (py-jelastic
 *     `_Authentication.Signin(login, password)`; jelastic/jelastic-maven-plugin
 *     src/main/java/com/jelastic/JelasticMojo.java: POST form `login`, `password` to
 *     `/1.0/users/authentication/rest/signin`, reads `session`; `signout` with `session`).
 *
 * The docs allow GET or POST for every method ("All requests of API methods are GET or POST
 * HTTP-requests"): everything secret goes in a POST form body, never in a URL. The password, the
 * login and the session are sent only to the account's own host (the HTTP port's rule), each
 * password-bearing request exactly once (`resend: false`: a rate limit is reported, not waited
 * out by sending the password again), and never repeated in a reason or error. The session path
 * always signs out, whatever the operation did.
 */
import { failureReason, isRateLimited, isRecord, rateLimitedReason } from '../http';
import {
  type ConnectorInput,
  type HttpResponse,
  type PlatformHttp,
  type RevokeOutcome,
  type RotateOutcome,
} from '../types';
import { APPID, AUTH_PATH, jelasticExpiry, JELASTIC_RESULT, TOKEN_ID, type JelasticMethod } from './jelastic-api';

/** What the user gave for one operation, checked. */
interface OpArgs {
  readonly id: string;
  readonly password: string;
  /** Present: sign in with it instead of using the token. */
  readonly login?: string;
}

/** Logins are e-mail addresses or user names: printable, one line, bounded. */
const LOGIN = /^[^\s\u0000-\u001f\u007f]{1,254}$/;

/** Checks the inputs, without echoing any of them; a string is why nothing can be sent. */
function opArgs(input: ConnectorInput): OpArgs | string {
  const id = input.extra?.platformTokenId?.trim();
  const password = input.extra?.password;
  const login = input.extra?.login?.trim();
  if (id === undefined || id === '') return 'needs the token id (shown in Settings › Access Tokens)';
  if (!TOKEN_ID.test(id)) return 'the token id must be a number';
  if (password === undefined || password === '') return 'needs the account password';
  if (login !== undefined && login !== '' && !LOGIN.test(login)) return 'the account login must be one line without spaces';
  return login !== undefined && login !== '' ? { id, password, login } : { id, password };
}

/** Why a request failed, never quoting the request (it holds the password). */
function requestFailed(e: unknown): string {
  return failureReason(e);
}

/** A failed answer of a password-bearing method, in words that quote neither secret nor platform text. */
interface Refusal {
  readonly reason: string;
  /** The token itself was refused (not the password, not the network): signing in may work. */
  readonly tokenRefused: boolean;
}

function refusal(res: HttpResponse, method: JelasticMethod): Refusal {
  if (isRateLimited(res)) return { reason: `${method}: ${rateLimitedReason(res)}`, tokenRefused: false };
  if (res.status >= 500) return { reason: `${method}: server error ${res.status}`, tokenRefused: false };
  if (res.status === 401 || res.status === 403) return { reason: `${method}: ${res.status}, not accepted`, tokenRefused: true };
  if (res.status < 200 || res.status >= 300) return { reason: `${method}: unexpected status ${res.status}`, tokenRefused: false };
  const body = res.json;
  if (!isRecord(body) || typeof body.result !== 'number') return { reason: `${method}: unexpected response`, tokenRefused: false };
  const code = body.result;
  if (code === JELASTIC_RESULT.PERMISSION_DENIED) return { reason: `${method}: permission denied (8202)`, tokenRefused: true };
  // Which code means "wrong password" is not documented; the platform's own message naming the
  // password or login is (inferred) taken to mean so. Its text itself is never repeated.
  const error = typeof body.error === 'string' ? body.error : '';
  if (/password|login|credential/i.test(error)) return { reason: `${method}: wrong ${method === 'Signin' ? 'login or password' : 'password'} (result ${code})`, tokenRefused: false };
  if (code === JELASTIC_RESULT.NOT_FOUND) return { reason: `${method}: no such token (result 5)`, tokenRefused: false };
  return { reason: `${method}: refused (result ${code})`, tokenRefused: true };
}

const isOk = (res: HttpResponse): boolean => res.status >= 200 && res.status < 300 && isRecord(res.json) && res.json.result === JELASTIC_RESULT.OK;

/** A session value as Signin returns it: printable, bounded. */
const SESSION = /^[\x21-\x7e]{8,4096}$/;

/** Opens a session with the login and password; a string says why not. */
async function signIn(http: PlatformHttp, login: string, password: string): Promise<{ session: string } | string> {
  let res: HttpResponse;
  try {
    res = await http.request({
      method: 'POST',
      path: `${AUTH_PATH}/signin`,
      form: { ...APPID, login, password },
      authenticated: false, // the token stays out of it: this is the way around the token
      resend: false,
    });
  } catch (e) {
    return `Signin: ${requestFailed(e)}`;
  }
  if (!isOk(res)) return refusal(res, 'Signin').reason;
  const session = (res.json as Record<string, unknown>).session;
  return typeof session === 'string' && SESSION.test(session) ? { session } : 'Signin: answered OK without a session';
}

/** Closes the session; a failure changes nothing the user can act on (the session then times out). */
async function signOut(http: PlatformHttp, session: string): Promise<void> {
  try {
    await http.request({ method: 'POST', path: `${AUTH_PATH}/signout`, form: { ...APPID, session }, authenticated: false });
  } catch {
    // Offline or refused: nothing to tell; the platform ends idle sessions itself.
  }
}

/** Runs `op` with the token, or inside a signed-in session when a login was given. */
async function withAuth<T>(
  input: ConnectorInput,
  args: OpArgs,
  op: (auth: { form: Record<string, string>; authenticated: boolean }) => Promise<T>,
  signInFailed: (reason: string) => T,
): Promise<T> {
  if (args.login === undefined) return op({ form: {}, authenticated: true });
  const opened = await signIn(input.http, args.login, args.password);
  if (typeof opened === 'string') return signInFailed(opened);
  try {
    return await op({ form: { session: opened.session }, authenticated: false });
  } finally {
    await signOut(input.http, opened.session);
  }
}

/** Advice when the token path was refused: the session path may work. */
const SIGN_IN_ADVICE = 'the token itself cannot do this; sign in with the account login and password instead';

/** DeleteTokens(ids, password). */
export async function revokeJelasticToken(input: ConnectorInput): Promise<RevokeOutcome> {
  const args = opArgs(input);
  if (typeof args === 'string') return { revoked: false, reason: args };
  return withAuth<RevokeOutcome>(
    input,
    args,
    async (auth) => {
      let res: HttpResponse;
      try {
        res = await input.http.request({
          method: 'POST',
          path: `${AUTH_PATH}/deletetokens`,
          form: { ...APPID, ...auth.form, ids: args.id, password: args.password },
          authenticated: auth.authenticated,
          resend: false, // carries the account password: sent once, a rate limit is reported instead
        });
      } catch (e) {
        return { revoked: false, reason: requestFailed(e) };
      }
      if (isOk(res)) return { revoked: true };
      const r = refusal(res, 'DeleteTokens');
      return r.tokenRefused && auth.authenticated ? { revoked: false, reason: `${r.reason}: ${SIGN_IN_ADVICE}`, fallback: 'sign-in' } : { revoked: false, reason: r.reason };
    },
    (reason) => ({ revoked: false, reason }),
  );
}

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

/** Not regenerated, with why; worded as users have always read it. Quotes no secret. */
const notRegenerated = (reason: string, fallback?: 'sign-in'): RotateOutcome => ({
  result: 'failed',
  reason: `Jelastic regenerate: ${reason}`,
  ...(fallback !== undefined ? { fallback } : {}),
});

/**
 * RegenerateToken(id, password): the previous value stops working at once (seed 002). A request
 * whose answer never came is `failed` as it always was, not `unconfirmed` as on GitLab: whether
 * Jelastic may have regenerated by then is not established (open question, not inferred here).
 */
export async function rotateJelasticToken(input: ConnectorInput): Promise<RotateOutcome> {
  const args = opArgs(input);
  if (typeof args === 'string') return notRegenerated(args);
  return withAuth<RotateOutcome>(
    input,
    args,
    async (auth) => {
      let res: HttpResponse;
      try {
        res = await input.http.request({
          method: 'POST',
          path: `${AUTH_PATH}/regeneratetoken`,
          // The id parameter is `id` in the platform docs and `ids` in py-jelastic: both, same value.
          form: { ...APPID, ...auth.form, id: args.id, ids: args.id, password: args.password },
          authenticated: auth.authenticated,
          resend: false, // carries the account password, and must not regenerate twice
        });
      } catch (e) {
        // The failure's kind only: an unknown error could quote the request, and with it the password.
        return notRegenerated(requestFailed(e));
      }
      if (!isOk(res)) {
        const r = refusal(res, 'RegenerateToken');
        if (r.tokenRefused && auth.authenticated) return notRegenerated(`${r.reason}: ${SIGN_IN_ADVICE}`, 'sign-in');
        return notRegenerated(r.reason);
      }
      const body = res.json as Record<string, unknown>;
      const value = newTokenValue(body);
      if (value === undefined || value === input.token) {
        // The platform said OK: the old value is probably dead already. Say so, plainly.
        return notRegenerated('the platform answered OK without a new value; the old one may no longer work — copy the new value from the dashboard');
      }
      const expiry = jelasticExpiry(isRecord(body.object) ? body.object : body);
      return { result: 'rotated', newValue: value, ...(expiry !== undefined ? { expiry } : {}) };
    },
    (reason) => notRegenerated(reason),
  );
}
