import { describe, expect, test } from 'vitest';
import { detectToken } from '../../../../shared/domain/detect';
import { iobeyaPreset as preset } from './iobeya';
import { checkWith, commonCheckCases, server } from './seed-test-kit';

// Synthetic JWTs of the shape iObeya issues (header.payload.signature, base64url JSON).
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: Record<string, unknown>): string =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.${'c2lnbmF0dXJl'.repeat(4)}`;

const FUTURE = Date.UTC(2099, 0, 31, 8) / 1000;
const TOKEN = jwt({ iss: 'https://acme.iobeya.com', sub: 'jane.doe@acme.example', iat: 1_700_000_000, exp: FUTURE, scope: 'api:read api:write' });
const NO_CLAIMS = jwt({ jti: 'x1' });
const BASE = '/v1';
const ROUTE = 'GET /v1/rooms';
const PAGE = { data: [{ id: 'room-1', name: 'Obeya room' }], page: 1, size: 1, total: 12 };

describe('iObeya preset', () => {
  test('declares the seed facts; its pattern is the shared JWT shape', () => {
    expect(preset).toMatchObject({ id: 'iobeya', defaultBaseUrl: null, auth: { kind: 'bearer' }, tokenPageUrl: null });
    expect(preset.tokenPattern?.test(TOKEN)).toBe(true);
    expect(preset.tokenPattern?.test('abc.def.ghi')).toBe(false);
    expect(detectToken(TOKEN)?.platform).toBe('iobeya');
    expect(preset.revoke).toBeUndefined();
    expect(preset.rotate).toBeUndefined();
    const notes = preset.notes.join('\n');
    expect(notes).toMatch(/one token per user/i);
    expect(notes).toMatch(/rooms.*inferred/);
  });

  test('valid: GET /v1/rooms?page=1&size=1 with Authorization: Bearer <jwt> → active with the JWT’s claims', async () => {
    const api = await server({ [ROUTE]: { json: PAGE } });
    expect(await checkWith(preset, api, TOKEN, undefined, { basePath: BASE })).toEqual({
      result: 'active',
      expiry: { at: '2099-01-31T08:00:00.000Z', raw: String(FUTURE) },
      owner: 'jane.doe@acme.example',
      scopes: ['api:read', 'api:write'],
    });
    expect(api.requests).toHaveLength(1);
    const [r] = api.requests;
    expect(r).toMatchObject({ method: 'GET', path: '/v1/rooms', query: { page: '1', size: '1' } });
    expect(r?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  test('a JWT without exp/sub: active, and no expiry is invented', async () => {
    const api = await server({ [ROUTE]: { json: [] } });
    expect(await checkWith(preset, api, NO_CLAIMS, undefined, { basePath: BASE })).toEqual({ result: 'active' });
  });

  test('expired: a JWT whose exp has passed is expired offline, at that instant — no request is made', async () => {
    const api = await server({ '* *': { json: PAGE } });
    const exp = Date.UTC(2024, 1, 29, 23, 30) / 1000;
    const old = jwt({ sub: 'jane', exp });
    expect(await checkWith(preset, api, old, undefined, { basePath: BASE })).toEqual({
      result: 'expired',
      reason: 'JWT expired at 2024-02-29 23:30 UTC (read offline)',
      expiry: { at: '2024-02-29T23:30:00.000Z', raw: String(exp) },
      owner: 'jane',
    });
    expect(api.requests).toHaveLength(0);
  });

  test('an exp a minute ago is expired, one a minute ahead is not: the instant counts, not the day', async () => {
    const api = await server({ [ROUTE]: { json: PAGE } });
    const now = Math.floor(Date.now() / 1000);
    expect((await checkWith(preset, api, jwt({ exp: now - 60 }), undefined, { basePath: BASE })).result).toBe('expired');
    expect(api.requests).toHaveLength(0);
    expect(await checkWith(preset, api, jwt({ exp: now + 60 }), undefined, { basePath: BASE })).toEqual({
      result: 'active',
      expiry: { at: new Date((now + 60) * 1000).toISOString(), raw: String(now + 60) },
    });
  });

  test('401 → invalid, keeping what the JWT says', async () => {
    const api = await server({ [ROUTE]: { status: 401, json: { error: 'invalid_token' } } });
    expect(await checkWith(preset, api, TOKEN, undefined, { basePath: BASE })).toMatchObject({
      result: 'invalid',
      reason: '401 Unauthorized',
      owner: 'jane.doe@acme.example',
    });
  });

  test('403 → invalid', async () => {
    const api = await server({ [ROUTE]: { status: 403, json: { error: 'access_denied' } } });
    expect(await checkWith(preset, api, TOKEN, undefined, { basePath: BASE })).toMatchObject({ result: 'invalid', reason: '403 Forbidden' });
  });

  test('revoked: a 401 whose message says revoked', async () => {
    const api = await server({ [ROUTE]: { status: 401, json: { message: 'Personal access token has been revoked' } } });
    expect((await checkWith(preset, api, TOKEN, undefined, { basePath: BASE })).result).toBe('revoked');
  });

  test('network trouble keeps the offline facts but never says invalid', async () => {
    const api = await server({ [ROUTE]: { status: 503 } });
    expect(await checkWith(preset, api, TOKEN, undefined, { basePath: BASE })).toEqual({
      result: 'unknown',
      reason: 'server error 503',
      expiry: { at: '2099-01-31T08:00:00.000Z', raw: String(FUTURE) },
      owner: 'jane.doe@acme.example',
      scopes: ['api:read', 'api:write'],
    });
  });

  commonCheckCases({ preset, token: TOKEN, basePath: BASE, route: ROUTE, malformedJson: 12 });
});
