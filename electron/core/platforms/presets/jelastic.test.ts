/**
 * Jelastic / Virtuozzo check against a loopback platform: one test per documented answer.
 * Revoke and regenerate (token and signed-in session paths) are in jelastic-ops.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { matchingPlatforms } from '../../../../shared/domain/detect';
import { jelasticPreset as preset, parseJelasticDate } from './jelastic';
import { JELASTIC_TEST as J, tokensReply } from './jelastic-test-kit';
import { checkWith, commonCheckCases, server } from './seed-test-kit';

const { TOKEN, ID, P, OK } = J;

/** "yyyy-MM-dd HH:mm:ss" UTC, `ms` from now. */
const jelasticIn = (ms: number): string => new Date(Date.now() + ms).toISOString().slice(0, 19).replace('T', ' ');

describe('Jelastic / Virtuozzo preset', () => {
  test('declares the seed facts', () => {
    expect(preset).toMatchObject({
      id: 'jelastic',
      defaultBaseUrl: null,
      auth: { kind: 'query', name: 'session' },
      tokenPattern: null,
      expiry: 'optional',
      revoke: { needsPassword: true, acceptsLogin: true },
      rotate: { needsPassword: true, acceptsLogin: true },
    });
    expect(preset.scopeVocabulary).toEqual(['Extended Access', 'IDE Plugins', 'Marketplace', 'Maven Plugin', 'Custom']);
    expect(matchingPlatforms(TOKEN)).toEqual([]); // no documented format: never claimed
    expect(preset.notes.join('\n')).toMatch(/password.*never stores it/);
    expect(preset.notes.join('\n')).toMatch(/signs in with the account login and password/);
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

    test('with the token id: GetTokens adds its API set and its expiry as the exact UTC instant, with the platform’s words', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: tokensReply({ tokenTemplate: 'Maven Plugin', expiresAt: '2099-11-16 13:45:00' }),
      });
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toEqual({
        result: 'active',
        scopes: ['Maven Plugin'],
        expiry: { at: '2099-11-16T13:45:00.000Z', raw: '2099-11-16 13:45:00' },
      });
      expect(api.requests[1]).toMatchObject({ path: `${P}/gettokens`, query: { session: TOKEN, appid: 'cluster', ids: ID } });
    });

    test('a Custom API set lists its methods; a null or empty expiresAt means the token never expires', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: tokensReply({ apiList: ['env.control.StopEnv', 'env.control.StartEnv'], expiresAt: null }),
      });
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toEqual({
        result: 'active',
        scopes: ['Custom', 'env.control.StopEnv', 'env.control.StartEnv'],
        expiry: null,
      });
      api.route('GET', `${P}/gettokens`, tokensReply({ tokenTemplate: 'IDE Plugins', expiresAt: '' }));
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toMatchObject({ result: 'active', expiry: null });
    });

    test('expired: an expiresAt in the past, to the minute, is expired; one a minute ahead is still active', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: OK } });
      const past = jelasticIn(-60_000);
      api.route('GET', `${P}/gettokens`, tokensReply({ tokenTemplate: 'Extended Access', expiresAt: past }));
      const out = await checkWith(preset, api, TOKEN, { platformTokenId: ID });
      expect(out).toMatchObject({ result: 'expired', scopes: ['Extended Access'], expiry: { raw: past } });
      expect(out.reason).toBe(`expired at ${past.slice(0, 16)} UTC (per GetTokens)`);
      const soon = jelasticIn(60_000);
      api.route('GET', `${P}/gettokens`, tokensReply({ expiresAt: soon }));
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toEqual({ result: 'active', expiry: { at: `${soon.replace(' ', 'T')}.000Z`, raw: soon } });
    });

    test('an expiresAt that is not the documented form claims nothing (no expiry, no “never”)', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: OK } });
      for (const odd of ['16-11-2022', '2022-11-16', '2022-11-16 24:00:00', 'tomorrow', 20221116]) {
        api.route('GET', `${P}/gettokens`, tokensReply({ expiresAt: odd }));
        const out = await checkWith(preset, api, TOKEN, { platformTokenId: ID });
        expect(out).toEqual({ result: 'active' });
      }
    });

    test('8202 on CheckSign: the token was accepted, its API set lacks CheckSign → active with that reason, details still read', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: { result: 8202, error: 'Permission denied' } },
        [`GET ${P}/gettokens`]: tokensReply({ tokenTemplate: 'Maven Plugin', expiresAt: '2099-01-01 00:00:00' }),
      });
      expect(await checkWith(preset, api, TOKEN)).toEqual({
        result: 'active',
        reason: 'the token was accepted, but its API set does not include CheckSign (8202)',
      });
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toEqual({
        result: 'active',
        reason: 'the token was accepted, but its API set does not include CheckSign (8202)',
        scopes: ['Maven Plugin'],
        expiry: { at: '2099-01-01T00:00:00.000Z', raw: '2099-01-01 00:00:00' },
      });
    });

    test('GetTokens not allowed (8202) leaves the token active, saying the details are unavailable and why', async () => {
      const api = await server({
        [`GET ${P}/checksign`]: { json: OK },
        [`GET ${P}/gettokens`]: { json: { result: 8202, error: 'permission denied' } },
      });
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: ID })).toEqual({
        result: 'active',
        reason: 'details unavailable: the token was accepted, but its API set does not include GetTokens (8202)',
      });
    });

    test('a token id that is not a number is never put in a request', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: OK } });
      expect(await checkWith(preset, api, TOKEN, { platformTokenId: '1;*' })).toEqual({ result: 'active' });
      expect(api.requests).toHaveLength(1);
    });

    test('documented error codes in words: 5 not found, 2207/2223 billing → unknown', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: { result: 5, error: 'not found' } } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'unknown', reason: 'CheckSign: not found (result 5)' });
      api.route('GET', `${P}/checksign`, { json: { result: 2223, error: 'rejected' } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'unknown', reason: "CheckSign: the platform's billing refused it (result 2223)" });
    });

    test('an undocumented code is unknown — never guessed invalid — with the platform’s words, the token scrubbed', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { json: { result: 702, error: `session [${TOKEN}] is invalid` } } });
      const out = await checkWith(preset, api, TOKEN);
      expect(out).toEqual({ result: 'unknown', reason: 'platform error 702: session [[token]] is invalid' });
      expect(JSON.stringify(out)).not.toContain(TOKEN);
      api.route('GET', `${P}/checksign`, { json: { result: 99 } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'unknown', reason: 'platform error 99' });
    });

    test('invalid: HTTP 401 and 403', async () => {
      const api = await server({ [`GET ${P}/checksign`]: { status: 401, json: { error: 'Unauthorized' } } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'invalid', reason: '401 from CheckSign' });
      api.route('GET', `${P}/checksign`, { status: 403, text: 'Forbidden' });
      expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'invalid', reason: '403 from CheckSign' });
    });

    commonCheckCases({ preset, token: TOKEN, route: `GET ${P}/checksign`, malformedJson: { ok: true } });
  });

  test('parseJelasticDate reads "yyyy-MM-dd HH:mm:ss" as UTC and rejects anything else', () => {
    expect(parseJelasticDate('2022-11-16 00:00:00')).toBe(Date.UTC(2022, 10, 16));
    expect(parseJelasticDate('2022-11-16 23:59:59')).toBe(Date.UTC(2022, 10, 16, 23, 59, 59));
    expect(parseJelasticDate('2022-11-16T08:30:00.250Z')).toBe(Date.UTC(2022, 10, 16, 8, 30, 0));
    expect(parseJelasticDate('2022-02-30 00:00:00')).toBeUndefined();
    expect(parseJelasticDate('2022-11-16 00:60:00')).toBeUndefined();
    expect(parseJelasticDate('2022-11-16 00:00:00+02:00')).toBeUndefined();
    expect(parseJelasticDate('2022-11-16')).toBeUndefined();
    expect(parseJelasticDate('16-11-2022')).toBeUndefined();
    expect(parseJelasticDate(20221116)).toBeUndefined();
  });
});
