import { describe, expect, test } from 'vitest';
import { matchingPlatforms } from '../../../../shared/domain/detect';
import type { MockRequest, MockServer } from '../test-support/mock-server';
import { HttpFailure } from '../types';
import { jelasticPreset as preset, parseJelasticDate } from './jelastic';
import { checkWith, commonCheckCases, httpFor, server } from './seed-test-kit';

// Synthetic: Jelastic tokens have no prefix (py-jelastic's examples are 40 hex digits).
const TOKEN = '3f9c2b7e1d0a4c8f6b5e2d1c0a9f8e7d6c5b4a39';
const NEW_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const PASSWORD = 'correct horse battery staple §9';
const ID = '17';
const P = '/1.0/users/authentication/rest';
const OK = { result: 0, source: 'JEL' };

/** Requests that carried the password anywhere, also form-encoded ('+' for spaces) in the body or query. */
const sentPassword = (api: MockServer): MockRequest[] =>
  api.requests.filter(
    (r) =>
      api.requestsCarrying(PASSWORD).includes(r) ||
      [...new URLSearchParams(r.body).values(), ...new URLSearchParams(r.rawQuery).values()].some((v) => v.includes(PASSWORD)),
  );

const tokensReply = (t: Record<string, unknown>) => ({ json: { ...OK, array: [{ id: 17, description: 'CI deploys', ...t }] } });

describe('Jelastic / Virtuozzo preset', () => {
  test('declares the seed facts', () => {
    expect(preset).toMatchObject({
      id: 'jelastic',
      defaultBaseUrl: null,
      auth: { kind: 'query', name: 'session' },
      tokenPattern: null,
      expiry: 'optional',
      revoke: { needsPassword: true },
      rotate: { needsPassword: true },
    });
    expect(preset.scopeVocabulary).toEqual(['Extended Access', 'IDE Plugins', 'Marketplace', 'Maven Plugin', 'Custom']);
    expect(matchingPlatforms(TOKEN)).toEqual([]); // no documented format: never claimed
    expect(preset.notes.join('\n')).toMatch(/password.*never stores it/);
  });

  describe('check', () => {
    test('valid: GET …/checksign with ?session=<token>&appid=cluster, token in no header → active', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: OK } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'active' });
      expect(api.requests).toHaveLength(1);
      const [r] = api.requests;
      expect(r).toMatchObject({ method: 'GET', path: `${P}/checksign`, query: { session: TOKEN, appid: 'cluster' } });
      expect(Object.values(r?.headers ?? {}).some((h) => h.includes(TOKEN))).toBe(false);
    });

    test('with the token id: GetTokens adds its API set and expiry', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: tokensReply({ tokenTemplate: 'Maven Plugin', expiresAt: '2099-11-16 00:00:00' }),
      });
      expect(await checkWith(preset, api, TOKEN, { tokenId: ID })).toEqual({
        result: 'active',
        scopes: ['Maven Plugin'],
        expiry: { at: '2099-11-16T00:00:00.000Z', raw: '2099-11-16 00:00:00' },
      });
      expect(api.requests[1]).toMatchObject({ path: `${P}/gettokens`, query: { session: TOKEN, appid: 'cluster', ids: ID } });
    });

    test('a Custom API set lists its methods; no expiresAt value means no expiry', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: tokensReply({ apiList: ['env.control.StopEnv', 'env.control.StartEnv'], expiresAt: null }),
      });
      expect(await checkWith(preset, api, TOKEN, { tokenId: ID })).toEqual({
        result: 'active',
        scopes: ['Custom', 'env.control.StopEnv', 'env.control.StartEnv'],
        expiry: null,
      });
    });

    test('expired: GetTokens gives an expiresAt in the past (UTC "yyyy-MM-dd hh:mm:ss")', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: tokensReply({ tokenTemplate: 'Extended Access', expiresAt: '2024-03-01 00:00:00' }),
      });
      expect(await checkWith(preset, api, TOKEN, { tokenId: ID })).toEqual({
        result: 'expired',
        reason: 'expired on 2024-03-01 00:00:00 UTC (per GetTokens)',
        expiry: { at: '2024-03-01T00:00:00.000Z', raw: '2024-03-01 00:00:00' },
        scopes: ['Extended Access'],
      });
    });

    test('GetTokens not allowed (8202) still leaves the token active, without details', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: { json: { result: 8202, error: 'permission denied' } },
      });
      expect(await checkWith(preset, api, TOKEN, { tokenId: ID })).toMatchObject({ result: 'active' });
    });

    test('a token id that is not a number is never put in a request', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: OK } });
      expect(await checkWith(preset, api, TOKEN, { tokenId: '1;*' })).toEqual({ result: 'active' });
      expect(api.requests).toHaveLength(1);
    });

    test('invalid: result 702 "session is invalid" (HTTP 200)', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: { result: 702, error: `session [${TOKEN}] is invalid` } } });
      const out = await checkWith(preset, api, TOKEN);
      expect(out).toEqual({ result: 'invalid', reason: 'token not accepted (result 702)' });
      expect(JSON.stringify(out)).not.toContain(TOKEN);
    });

    test('invalid: HTTP 401 and 403', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { status: 401, json: { error: 'Unauthorized' } } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'invalid', reason: '401 from CheckSign' });
      api.route('GET', `${P}/checksign`, { status: 403, text: 'Forbidden' });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'invalid', reason: '403 from CheckSign' });
    });

    test('expired: a non-zero result whose error says the token expired', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: { result: 702, error: 'session expired' } } });
      expect((await checkWith(preset, api, TOKEN)).result).toBe('expired');
    });

    test('8202 permission denied on CheckSign → unknown (says nothing about validity); other codes → unknown', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: { result: 8202, error: 'Permission denied' } } });
      expect(await checkWith(preset, api, TOKEN)).toMatchObject({ result: 'unknown', reason: expect.stringMatching(/8202/) });
      api.route('GET', `${P}/checksign`, { json: { result: 99, error: 'internal' } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'unknown', reason: 'platform error 99' });
    });

    commonCheckCases({ preset, token: TOKEN, route: `GET ${P}/checksign`, malformedJson: { ok: true } });
  });

  describe('revoke (DeleteTokens) and rotate (RegenerateToken) with the account password', () => {
    const revoke = preset.revoke!;
    const rotate = preset.rotate!;

    test('revoke: one POST, password and id in the form body only, token as ?session=', async () => {
      const api = await server({ [`POST ${P}/deletetokens`]: { json: OK } });
      const out = await revoke.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      expect(out).toEqual({ revoked: true });
      expect(api.requests).toHaveLength(1);
      const [r] = api.requests;
      expect(r).toMatchObject({ method: 'POST', path: `${P}/deletetokens`, query: { session: TOKEN } });
      expect(r?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(r?.body))).toEqual({ appid: 'cluster', ids: ID, password: PASSWORD });
      expect(sentPassword(api)).toHaveLength(1);
      expect(r?.rawQuery).not.toContain(encodeURIComponent(PASSWORD));
    });

    test('revoke: a wrong password is reported without quoting it', async () => {
      const api = await server({ [`POST ${P}/deletetokens`]: { json: { result: 1702, error: `wrong password "${PASSWORD}"` } } });
      const out = await revoke.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      expect(out).toEqual({ revoked: false, reason: 'wrong password (result 1702)' });
      expect(JSON.stringify(out)).not.toContain(PASSWORD);
      expect(sentPassword(api)).toHaveLength(1);
    });

    test('a rate limit is reported, never waited out by sending the password again', async () => {
      // Retry-After: 0 fits any budget, so a request that may be resent would be resent at once.
      const api = await server({
        [`POST ${P}/deletetokens`]: { status: 429, headers: { 'retry-after': '0' } },
        [`POST ${P}/regeneratetoken`]: { status: 429, headers: { 'retry-after': '0' } },
      });
      const http = httpFor(preset, api, TOKEN, { retryBudgetMs: 60_000 });
      expect(await revoke.run({ token: TOKEN, http, extra: { tokenId: ID, password: PASSWORD } })).toEqual({ revoked: false, reason: expect.stringMatching(/rate-limited/) });
      await expect(rotate.run({ token: TOKEN, http, extra: { tokenId: ID, password: PASSWORD } })).rejects.toThrow(/rate-limited/);
      expect(api.requests.map((r) => r.path)).toEqual([`${P}/deletetokens`, `${P}/regeneratetoken`]);
      expect(sentPassword(api)).toHaveLength(2);
    });

    test('revoke: without the password or the id, nothing is sent', async () => {
      const api = await server({ '* *': { json: OK } });
      const http = httpFor(preset, api, TOKEN);
      expect(await revoke.run({ token: TOKEN, http, extra: { tokenId: ID } })).toEqual({ revoked: false, reason: 'needs the account password' });
      expect(await revoke.run({ token: TOKEN, http, extra: { password: PASSWORD } })).toMatchObject({ revoked: false, reason: expect.stringMatching(/token id/) });
      expect(api.requests).toHaveLength(0);
    });

    test('revoke: offline / server error → not revoked, with a reason', async () => {
      const api = await server({ [`POST ${P}/deletetokens`]: { status: 500 } });
      const out = await revoke.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      expect(out).toEqual({ revoked: false, reason: 'server error 500' });
    });

    test('rotate: one POST, the password sent once, the new value returned', async () => {
      const api = await server({ [`POST ${P}/regeneratetoken`]: { json: { ...OK, token: NEW_TOKEN, expiresAt: '2099-12-31 00:00:00' } } });
      const out = await rotate.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      expect(out).toEqual({ newValue: NEW_TOKEN, expiry: { at: '2099-12-31T00:00:00.000Z', raw: '2099-12-31 00:00:00' } });
      expect(api.requests).toHaveLength(1);
      const [r] = api.requests;
      expect(r).toMatchObject({ method: 'POST', path: `${P}/regeneratetoken`, query: { session: TOKEN } });
      expect(Object.fromEntries(new URLSearchParams(r?.body))).toEqual({ appid: 'cluster', id: ID, ids: ID, password: PASSWORD });
      expect(sentPassword(api)).toHaveLength(1);
    });

    test('rotate failures throw errors that quote neither the password nor the token', async () => {
      const api = await server();
      const run = () => rotate.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      const cases: [unknown, RegExp][] = [
        [{ json: { result: 1702, error: `bad password ${PASSWORD} for session ${TOKEN}` } }, /wrong password/],
        [{ json: { result: 8202, error: 'Permission denied' } }, /permission denied/],
        [{ json: OK }, /without a new value/],
        [{ json: { ...OK, token: TOKEN } }, /without a new value/],
        [{ status: 502 }, /server error 502/],
        [{ text: 'not json' }, /unexpected response/],
        [{ status: 429, headers: { 'retry-after': '60' } }, /rate-limited/],
      ];
      for (const [reply, message] of cases) {
        api.route('POST', `${P}/regeneratetoken`, reply as never);
        const err = await run().then(
          () => null,
          (e: unknown) => e as Error,
        );
        expect(err?.message).toMatch(message);
        expect(err?.message).not.toContain(PASSWORD);
        expect(err?.message).not.toContain(TOKEN);
      }
    });

    test('rotate offline → HttpFailure, no secret in it', async () => {
      const { startMockServer } = await import('../test-support/mock-server');
      const gone = await startMockServer();
      await gone.close();
      const err = await rotate
        .run({ token: TOKEN, http: httpFor(preset, gone.url, TOKEN), extra: { tokenId: ID, password: PASSWORD } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpFailure);
      expect((err as HttpFailure).kind).toBe('offline');
      expect(String((err as Error).message)).not.toContain(PASSWORD);
      expect(String((err as Error).message)).not.toContain(TOKEN);
    });

    test('rotate without the password: throws before any request', async () => {
      const api = await server({ '* *': { json: OK } });
      await expect(rotate.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID } })).rejects.toThrow(/password/);
      expect(api.requests).toHaveLength(0);
    });

    test('redirect to another host: the password and token reach only the account host', async () => {
      const other = await server({ '* *': { json: { ...OK, token: NEW_TOKEN } } });
      const api = await server({
        [`POST ${P}/regeneratetoken`]: { status: 307, headers: { location: `${other.url}${P}/regeneratetoken` } },
        [`POST ${P}/deletetokens`]: { status: 308, headers: { location: `${other.url}${P}/deletetokens` } },
      });
      await expect(rotate.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } })).rejects.toThrow();
      expect(other.requests).toHaveLength(0);
      const out = await preset.revoke!.run({ token: TOKEN, http: httpFor(preset, api, TOKEN), extra: { tokenId: ID, password: PASSWORD } });
      expect(out).toEqual({ revoked: false, reason: 'redirected to another host (not followed)' });
      expect(other.requests).toHaveLength(0);
      expect(sentPassword(api)).toHaveLength(2);
    });
  });

  test('parseJelasticDate reads "yyyy-MM-dd hh:mm:ss" as UTC and rejects nonsense', () => {
    expect(parseJelasticDate('2022-11-16 00:00:00')).toBe(Date.UTC(2022, 10, 16));
    expect(parseJelasticDate('2022-11-16 23:59:59')).toBe(Date.UTC(2022, 10, 16, 23, 59, 59));
    expect(parseJelasticDate('2022-02-30 00:00:00')).toBeUndefined();
    expect(parseJelasticDate('16-11-2022')).toBeUndefined();
    expect(parseJelasticDate(20221116)).toBeUndefined();
  });
});
