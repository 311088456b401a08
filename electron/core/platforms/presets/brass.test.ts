import { describe, expect, test } from 'vitest';
import { detectToken } from '../../../../shared/domain/detect';
import { brassPreset as preset } from './brass';
import { checkWith, commonCheckCases, httpFor, server } from './seed-test-kit';

// Synthetic, in the seed's shape: Sanctum `id|pat-<40 alphanumerics>`.
const TOKEN = '42|pat-Q8rT2mVx9LkP3wZs7NbY4cHd6JfG1aEu5iOo0qWe';
const ROUTE = 'GET /banking/accounts';
const PAGE = { data: [{ id: 'acc_1', name: 'Main' }], meta: { current_page: 1, per_page: 1, total: 3 } };

describe('Brass preset', () => {
  test('declares the seed facts; its pattern is the shared one and matches the seed example', () => {
    expect(preset).toMatchObject({
      id: 'brass',
      defaultBaseUrl: 'https://api.getbrass.co',
      auth: { kind: 'bearer' },
      expiry: 'never',
      rateLimit: { requests: 60, perSeconds: 60 },
    });
    expect(preset.tokenPattern?.test(TOKEN)).toBe(true);
    expect(preset.tokenPattern?.test('1|pat-ZuKpi3vjhgvLyy2ATp0Gyp0NPyPGXTPhpxpaMwnv')).toBe(true);
    expect(preset.tokenPattern?.test('pat-ZuKpi3vjhgvLyy2ATp0Gyp0NPyPGXTPhpxpaMwnv')).toBe(false);
    expect(detectToken(TOKEN)?.platform).toBe('brass');
    expect(preset.scopeVocabulary).toEqual(expect.arrayContaining(['owner', 'Payable Admin']));
    expect(preset.revoke).toBeUndefined();
    expect(preset.rotate).toBeUndefined();
    const notes = preset.notes.join('\n');
    expect(notes).toMatch(/never has more permissions than the user who created it/);
    expect(notes).toMatch(/sandbox-api\.getbrass\.co/);
    expect(notes).toMatch(/public client code \(unverified\)/);
  });

  test('valid: GET /banking/accounts?page=1&limit=1 with Authorization: Bearer → active, never expires', async () => {
    const api = await server({ [ROUTE]: { json: PAGE } });
    expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'active', expiry: null });
    expect(api.requests).toHaveLength(1);
    const [r] = api.requests;
    expect(r).toMatchObject({ method: 'GET', path: '/banking/accounts', query: { page: '1', limit: '1' } });
    expect(r?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(r?.rawQuery).not.toContain('pat-');
  });

  test('401 (Sanctum "Unauthenticated.") → invalid', async () => {
    const api = await server({ [ROUTE]: { status: 401, json: { message: 'Unauthenticated.' } } });
    expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'invalid', reason: '401 Unauthenticated' });
  });

  test.each(['This action is unauthorized.', 'Invalid ability provided.'])(
    '403 %j (Laravel refusing an authenticated token) → active with a reason, never expires',
    async (message) => {
      const api = await server({ [ROUTE]: { status: 403, json: { message } } });
      expect(await checkWith(preset, api, TOKEN)).toEqual({
        result: 'active',
        reason: 'valid, but its role cannot list bank accounts (403)',
        expiry: null,
      });
    },
  );

  test.each([
    ['a firewall or CDN page', { text: '<html><title>403 Forbidden</title>Access denied from your country</html>' }],
    ['an unexplained JSON 403', { json: { message: 'Forbidden' } }],
    ['an empty 403', {}],
  ])('403 from %s → unknown: the token was not judged', async (_n, reply) => {
    const api = await server({ [ROUTE]: { status: 403, ...reply } });
    expect(await checkWith(preset, api, TOKEN)).toEqual({
      result: 'unknown',
      reason: '403 without Brass’s own refusal (a firewall or network block?); the token itself was not judged',
    });
  });

  test('401 saying the token was revoked → revoked', async () => {
    const api = await server({ [ROUTE]: { status: 401, json: { message: 'Token revoked.' } } });
    expect((await checkWith(preset, api, TOKEN)).result).toBe('revoked');
  });

  test('the 60 requests/min budget is enforced before sending: a 61st check waits', async () => {
    const api = await server({ [ROUTE]: { json: PAGE } });
    const abort = new AbortController();
    const http = httpFor(preset, api, TOKEN, { signal: abort.signal }); // one port: one origin's budget
    const check = preset.check!;
    const results = await Promise.all(Array.from({ length: 60 }, () => check({ token: TOKEN, http })));
    expect(results.every((r) => r.result === 'active')).toBe(true);
    const late = check({ token: TOKEN, http });
    const first = await Promise.race([late.then(() => 'answered'), new Promise((r) => setTimeout(r, 300, 'still waiting'))]);
    expect(first).toBe('still waiting');
    expect(api.requests).toHaveLength(60);
    abort.abort();
    expect(await late).toEqual({ result: 'unknown', reason: 'aborted' });
  });

  commonCheckCases({ preset, token: TOKEN, route: ROUTE, malformedJson: 'just a string' });
});
