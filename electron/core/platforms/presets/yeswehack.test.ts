import { describe, expect, test } from 'vitest';
import { checkWith, commonCheckCases, server } from './seed-test-kit';
import { yeswehackPreset as preset } from './yeswehack';

// Synthetic: YesWeHack documents no format.
const TOKEN = 'ywh_synthetic_8c1f0e7a9b2d4c6e8f0a1b3c5d7e9f1a';
const SLUG = 'acme-bug-bounty';
const PROGRAM = { slug: SLUG, title: 'ACME Bug Bounty', public: false };

describe('YesWeHack preset', () => {
  test('declares the seed facts', () => {
    expect(preset).toMatchObject({
      id: 'yeswehack',
      defaultBaseUrl: 'https://api.yeswehack.com',
      auth: { kind: 'header', name: 'X-AUTH-TOKEN' },
      tokenPattern: null,
      expiry: 'optional',
      platformRemindsDaysBefore: 7,
    });
    expect(preset.scopeVocabulary).toEqual(expect.arrayContaining(['Business Unit Owner', 'Business Unit Manager', 'Program Manager']));
    expect(preset.revoke).toBeUndefined(); // guided, in the web app
    expect(preset.rotate).toBeUndefined();
    expect(preset.tokenPageUrl?.startsWith('https://')).toBe(true);
    expect(preset.notes.join('\n')).toMatch(/revoked automatically/);
  });

  test('valid: GET /programs/{slug} with X-AUTH-TOKEN, nothing else carries the token', async () => {
    const api = await server({ [`GET /programs/${SLUG}`]: { json: PROGRAM } });
    expect(await checkWith(preset, api, TOKEN, { programSlug: SLUG })).toEqual({ result: 'active' });
    expect(api.requests).toHaveLength(1);
    const [r] = api.requests;
    expect(r).toMatchObject({ method: 'GET', path: `/programs/${SLUG}`, rawQuery: '' });
    expect(r?.headers['x-auth-token']).toBe(TOKEN);
    expect(r?.headers['authorization']).toBeUndefined();
  });

  test('without a program slug: unknown, and no request at all', async () => {
    const api = await server({ '* *': { json: PROGRAM } });
    expect(await checkWith(preset, api, TOKEN)).toEqual({ result: 'unknown', reason: 'needs a program slug to check' });
    expect(await checkWith(preset, api, TOKEN, { programSlug: '  ' })).toMatchObject({ result: 'unknown' });
    expect(await checkWith(preset, api, TOKEN, { programSlug: '../user' })).toEqual({ result: 'unknown', reason: 'program slug is not valid' });
    expect(api.requests).toHaveLength(0);
  });

  test('401 → invalid', async () => {
    const api = await server({ [`GET /programs/${SLUG}`]: { status: 401, json: { code: 401, message: 'Invalid token' } } });
    expect(await checkWith(preset, api, TOKEN, { programSlug: SLUG })).toEqual({ result: 'invalid', reason: '401 Unauthorized' });
  });

  test('403 (a mistyped or out-of-scope program slug) → unknown, never invalid: says to check the slug', async () => {
    const api = await server({ [`GET /programs/${SLUG}`]: { status: 403, json: { code: 403, message: 'Access Denied.' } } });
    expect(await checkWith(preset, api, TOKEN, { programSlug: SLUG })).toEqual({
      result: 'unknown',
      reason: `403: program ${SLUG} refused (mistyped, or not one of this token's programs?); the token itself was not judged`,
    });
  });

  test('a good check reports no expiry: YesWeHack does not say one', async () => {
    const api = await server({ [`GET /programs/${SLUG}`]: { json: PROGRAM } });
    const out = await checkWith(preset, api, TOKEN, { programSlug: SLUG });
    expect(out).not.toHaveProperty('expiry');
    expect(out).not.toHaveProperty('lastUsedAt');
  });

  test('401 whose message says expired / revoked → expired / revoked', async () => {
    const api = await server({ [`GET /programs/${SLUG}`]: { status: 401, json: { message: 'Token expired' } } });
    expect((await checkWith(preset, api, TOKEN, { programSlug: SLUG })).result).toBe('expired');
    api.route('GET', `/programs/${SLUG}`, { status: 401, json: { message: 'This token has been revoked' } });
    expect((await checkWith(preset, api, TOKEN, { programSlug: SLUG })).result).toBe('revoked');
  });

  test('404 (wrong slug) → unknown, not invalid', async () => {
    const api = await server();
    expect(await checkWith(preset, api, TOKEN, { programSlug: 'no-such-program' })).toEqual({
      result: 'unknown',
      reason: 'program no-such-program not found (check the slug)',
    });
  });

  commonCheckCases({ preset, token: TOKEN, extra: { programSlug: SLUG }, route: `GET /programs/${SLUG}`, malformedJson: ['not', 'a', 'program'] });
});
