/**
 * Jelastic / Virtuozzo DeleteTokens (revoke) and RegenerateToken (rotate) against a loopback
 * platform: with the token itself, and through a session signed in with the account's login and
 * password (signin → operation → signout). Each test pins what was sent, where each secret went
 * (the password only in the form bodies of Signin and the operation, once each; the session only
 * in form bodies; the token nowhere on the session path) and what the user is told. Both answer
 * with an outcome value, never a throw.
 */
import { describe, expect, test } from 'vitest';
import { startMockServer, type MockRoutes, type MockServer } from '../test-support/mock-server';
import type { ConnectorInput } from '../types';
import { jelasticPreset as preset } from './jelastic';
import { carrying, form, JELASTIC_TEST as J } from './jelastic-test-kit';
import { httpFor, server } from './seed-test-kit';

const { TOKEN, NEW_TOKEN, PASSWORD, LOGIN, SESSION, ID, P, OK } = J;
const revoke = preset.revoke!;
const rotate = preset.rotate!;

const input = (api: MockServer | string, extra: ConnectorInput['extra'], retryBudgetMs?: number): ConnectorInput => ({
  token: TOKEN,
  http: httpFor(preset, api, TOKEN, retryBudgetMs === undefined ? {} : { retryBudgetMs }),
  ...(extra ? { extra } : {}),
});
const withPassword = { platformTokenId: ID, password: PASSWORD };
const signedIn = { ...withPassword, login: LOGIN };

/** Routes of a platform that lets LOGIN/PASSWORD sign in and answers `op` for the operation. */
const platform = (op: MockRoutes): MockRoutes => ({
  [`POST ${P}/signin`]: { json: { ...OK, session: SESSION, uid: 42, email: LOGIN } },
  [`POST ${P}/signout`]: { json: OK },
  ...op,
});

/** Nothing secret ever crossed in a URL, and nothing said back quotes a secret. */
function expectNoSecretsIn(api: MockServer, said: unknown): void {
  for (const r of api.requests) {
    for (const secret of [PASSWORD, SESSION, LOGIN]) expect(decodeURIComponent(r.rawQuery)).not.toContain(secret);
  }
  const text = said instanceof Error ? said.message : JSON.stringify(said);
  for (const secret of [PASSWORD, SESSION, TOKEN, LOGIN]) expect(text).not.toContain(secret);
}

describe('revoke (DeleteTokens)', () => {
  test('with the token: one POST, id and password in the form body, the token as ?session=', async () => {
    const api = await server({ [`POST ${P}/deletetokens`]: { json: OK } });
    const out = await revoke.run(input(api, withPassword));
    expect(out).toEqual({ revoked: true });
    expect(api.requests).toHaveLength(1);
    const [r] = api.requests;
    expect(r).toMatchObject({ method: 'POST', path: `${P}/deletetokens`, query: { session: TOKEN } });
    expect(r?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(r)).toEqual({ appid: 'cluster', ids: ID, password: PASSWORD });
    expect(carrying(api, PASSWORD)).toHaveLength(1);
    expectNoSecretsIn(api, out);
  });

  test('through a session: signin (login, password) → deletetokens (session, ids, password) → signout (session); the token is sent nowhere', async () => {
    const api = await server(platform({ [`POST ${P}/deletetokens`]: { json: OK } }));
    const out = await revoke.run(input(api, signedIn));
    expect(out).toEqual({ revoked: true });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${P}/signin`, `POST ${P}/deletetokens`, `POST ${P}/signout`]);
    const [signin, op, signout] = api.requests;
    expect(form(signin)).toEqual({ appid: 'cluster', login: LOGIN, password: PASSWORD });
    expect(form(op)).toEqual({ appid: 'cluster', session: SESSION, ids: ID, password: PASSWORD });
    expect(form(signout)).toEqual({ appid: 'cluster', session: SESSION });
    expect(api.requests.map((r) => r.rawQuery)).toEqual(['', '', '']);
    expect(carrying(api, PASSWORD)).toEqual([signin, op]);
    expect(carrying(api, SESSION)).toEqual([op, signout]);
    expect(carrying(api, TOKEN)).toEqual([]);
    expectNoSecretsIn(api, out);
  });

  test('a wrong login or password at signin: not revoked, said so, nothing else sent (no operation, no session to close)', async () => {
    const api = await server(
      platform({ [`POST ${P}/signin`]: { json: { result: 2010, error: `wrong login or password for ${LOGIN}: ${PASSWORD}` } } }),
    );
    const out = await revoke.run(input(api, signedIn));
    expect(out).toEqual({ revoked: false, reason: 'Signin: wrong login or password (result 2010)' });
    expect(api.requests.map((r) => r.path)).toEqual([`${P}/signin`]);
    expectNoSecretsIn(api, out);
  });

  test('a wrong password for the operation itself: not revoked, and the session is still closed', async () => {
    const api = await server(platform({ [`POST ${P}/deletetokens`]: { json: { result: 1702, error: `wrong password "${PASSWORD}"` } } }));
    const out = await revoke.run(input(api, signedIn));
    expect(out).toEqual({ revoked: false, reason: 'DeleteTokens: wrong password (result 1702)' });
    expect(api.requests.map((r) => r.path)).toEqual([`${P}/signin`, `${P}/deletetokens`, `${P}/signout`]);
    expectNoSecretsIn(api, out);
  });

  test('with the token, a wrong password is reported without quoting it, and no other way is offered', async () => {
    const api = await server({ [`POST ${P}/deletetokens`]: { json: { result: 1702, error: `wrong password "${PASSWORD}"` } } });
    const out = await revoke.run(input(api, withPassword));
    expect(out).toEqual({ revoked: false, reason: 'DeleteTokens: wrong password (result 1702)' });
    expect(carrying(api, PASSWORD)).toHaveLength(1);
    expectNoSecretsIn(api, out);
  });

  test('8202 with the token (its API set lacks DeleteTokens): not revoked, and signing in is offered', async () => {
    const api = await server({ [`POST ${P}/deletetokens`]: { json: { result: 8202, error: 'Permission denied' } } });
    const out = await revoke.run(input(api, withPassword));
    expect(out).toEqual({
      revoked: false,
      reason: 'DeleteTokens: permission denied (8202): the token itself cannot do this; sign in with the account login and password instead',
      fallback: 'sign-in',
    });
    expectNoSecretsIn(api, out);
  });

  test('an expired token is refused with an undocumented code: signing in is offered, not a verdict', async () => {
    const api = await server({ [`POST ${P}/deletetokens`]: { json: { result: 702, error: 'session expired' } } });
    expect(await revoke.run(input(api, withPassword))).toMatchObject({ revoked: false, reason: expect.stringMatching(/refused \(result 702\)/), fallback: 'sign-in' });
  });

  test('a rate limit is reported, never waited out by sending the password again — on either path', async () => {
    // Retry-After: 0 fits any budget, so a request that may be resent would be resent at once.
    const limited = { status: 429, headers: { 'retry-after': '0' } };
    const api = await server({ [`POST ${P}/deletetokens`]: limited, [`POST ${P}/regeneratetoken`]: limited, [`POST ${P}/signin`]: limited });
    expect(await revoke.run(input(api, withPassword, 60_000))).toEqual({ revoked: false, reason: expect.stringMatching(/^DeleteTokens: rate-limited/) });
    expect(await rotate.run(input(api, withPassword, 60_000))).toEqual({ result: 'failed', reason: expect.stringMatching(/RegenerateToken: rate-limited/) });
    expect(await revoke.run(input(api, signedIn, 60_000))).toEqual({ revoked: false, reason: expect.stringMatching(/^Signin: rate-limited/) });
    expect(api.requests.map((r) => r.path)).toEqual([`${P}/deletetokens`, `${P}/regeneratetoken`, `${P}/signin`]);
    expect(carrying(api, PASSWORD)).toHaveLength(3);
  });

  test('without the password or the id, or with a login that is not one word, nothing is sent', async () => {
    const api = await server({ '* *': { json: OK } });
    expect(await revoke.run(input(api, { platformTokenId: ID }))).toEqual({ revoked: false, reason: 'needs the account password' });
    expect(await revoke.run(input(api, { password: PASSWORD }))).toMatchObject({ revoked: false, reason: expect.stringMatching(/token id/) });
    expect(await revoke.run(input(api, { ...withPassword, login: 'jane doe' }))).toMatchObject({ revoked: false, reason: expect.stringMatching(/login/) });
    expect(api.requests).toHaveLength(0);
  });

  test('signin answers OK without a session: not revoked, nothing more sent', async () => {
    const api = await server(platform({ [`POST ${P}/signin`]: { json: OK } }));
    expect(await revoke.run(input(api, signedIn))).toEqual({ revoked: false, reason: 'Signin: answered OK without a session' });
    expect(api.requests).toHaveLength(1);
  });

  test('offline / server error → not revoked, with a reason', async () => {
    const api = await server({ [`POST ${P}/deletetokens`]: { status: 500 } });
    expect(await revoke.run(input(api, withPassword))).toEqual({ revoked: false, reason: 'DeleteTokens: server error 500' });
    const gone = await startMockServer();
    await gone.close();
    expect(await revoke.run(input(gone.url, signedIn))).toEqual({ revoked: false, reason: 'Signin: offline' });
  });
});

describe('rotate (RegenerateToken)', () => {
  test('with the token: one POST, the password sent once, the new value and its expiry instant returned', async () => {
    const api = await server({ [`POST ${P}/regeneratetoken`]: { json: { ...OK, token: NEW_TOKEN, expiresAt: '2099-12-31 18:00:00' } } });
    const out = await rotate.run(input(api, withPassword));
    expect(out).toEqual({ result: 'rotated', newValue: NEW_TOKEN, expiry: { at: '2099-12-31T18:00:00.000Z', raw: '2099-12-31 18:00:00' } });
    expect(api.requests).toHaveLength(1);
    const [r] = api.requests;
    expect(r).toMatchObject({ method: 'POST', path: `${P}/regeneratetoken`, query: { session: TOKEN } });
    expect(form(r)).toEqual({ appid: 'cluster', id: ID, ids: ID, password: PASSWORD });
    expect(carrying(api, PASSWORD)).toHaveLength(1);
  });

  test('through a session (an expired token can be regenerated): signin → regeneratetoken → signout; no expiry = never', async () => {
    const api = await server(platform({ [`POST ${P}/regeneratetoken`]: { json: { ...OK, token: NEW_TOKEN, expiresAt: null } } }));
    const out = await rotate.run(input(api, signedIn));
    expect(out).toEqual({ result: 'rotated', newValue: NEW_TOKEN, expiry: null });
    const [signin, op, signout] = api.requests;
    expect(api.requests).toHaveLength(3);
    expect(form(signin)).toEqual({ appid: 'cluster', login: LOGIN, password: PASSWORD });
    expect(form(op)).toEqual({ appid: 'cluster', session: SESSION, id: ID, ids: ID, password: PASSWORD });
    expect(form(signout)).toEqual({ appid: 'cluster', session: SESSION });
    expect(carrying(api, TOKEN)).toEqual([]);
    expectNoSecretsIn(api, out);
  });

  test('8202 with the token: failed, with the sign-in fallback, quoting no secret', async () => {
    const api = await server({ [`POST ${P}/regeneratetoken`]: { json: { result: 8202, error: 'Permission denied' } } });
    const out = await rotate.run(input(api, withPassword));
    expect(out).toEqual({
      result: 'failed',
      reason: expect.stringMatching(/permission denied \(8202\).*sign in with the account login and password/),
      fallback: 'sign-in',
    });
    expectNoSecretsIn(api, out);
  });

  test('a failure inside the session still signs out, and the reason names neither secret', async () => {
    const api = await server(platform({ [`POST ${P}/regeneratetoken`]: { status: 502 } }));
    const out = await rotate.run(input(api, signedIn));
    expect(out).toEqual({ result: 'failed', reason: 'Jelastic regenerate: RegenerateToken: server error 502' });
    expect(api.requests.map((r) => r.path)).toEqual([`${P}/signin`, `${P}/regeneratetoken`, `${P}/signout`]);
    expectNoSecretsIn(api, out);
  });

  test('rotate failures are outcomes whose reasons quote neither the password nor the token', async () => {
    const api = await server();
    const cases: [unknown, RegExp][] = [
      [{ json: { result: 1702, error: `bad password ${PASSWORD} for session ${TOKEN}` } }, /wrong password/],
      [{ json: OK }, /without a new value/],
      [{ json: { ...OK, token: TOKEN } }, /without a new value/],
      [{ status: 502 }, /server error 502/],
      [{ text: 'not json' }, /unexpected response/],
      [{ status: 429, headers: { 'retry-after': '60' } }, /rate-limited/],
    ];
    for (const [reply, message] of cases) {
      api.route('POST', `${P}/regeneratetoken`, reply as never);
      const out = await rotate.run(input(api, withPassword));
      expect(out).toEqual({ result: 'failed', reason: expect.stringMatching(message) });
      expectNoSecretsIn(api, out);
    }
  });

  test('offline → failed, offline, no secret in it; without the password → failed before any request', async () => {
    const gone = await startMockServer();
    await gone.close();
    const out = await rotate.run(input(gone.url, withPassword));
    expect(out).toEqual({ result: 'failed', reason: 'Jelastic regenerate: offline' });
    expect(JSON.stringify(out)).not.toContain(PASSWORD);
    const api = await server({ '* *': { json: OK } });
    expect(await rotate.run(input(api, { platformTokenId: ID }))).toEqual({ result: 'failed', reason: expect.stringMatching(/password/) });
    expect(api.requests).toHaveLength(0);
  });
});

test('redirect to another host: the password, the session and the token reach only the account host', async () => {
  const other = await server({ '* *': { json: { ...OK, token: NEW_TOKEN, session: SESSION } } });
  const api = await server({
    [`POST ${P}/regeneratetoken`]: { status: 307, headers: { location: `${other.url}${P}/regeneratetoken` } },
    [`POST ${P}/deletetokens`]: { status: 308, headers: { location: `${other.url}${P}/deletetokens` } },
    [`POST ${P}/signin`]: { status: 307, headers: { location: `${other.url}${P}/signin` } },
  });
  expect(await rotate.run(input(api, withPassword))).toEqual({ result: 'failed', reason: 'Jelastic regenerate: redirected to another host (not followed)' });
  expect(await revoke.run(input(api, withPassword))).toEqual({ revoked: false, reason: 'redirected to another host (not followed)' });
  expect(await revoke.run(input(api, signedIn))).toEqual({ revoked: false, reason: 'Signin: redirected to another host (not followed)' });
  expect(other.requests).toHaveLength(0);
  expect(carrying(api, PASSWORD)).toHaveLength(3);
});
