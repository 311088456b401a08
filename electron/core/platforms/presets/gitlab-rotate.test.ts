/**
 * GitLab self-rotation against a loopback GitLab: the expiry it sends (kept, never shortened,
 * across time zones; the user's own date as is; capped once to the instance's maximum), that
 * the request goes out exactly once, and that a rotation without an answer is reported as
 * unconfirmed rather than failed. Every result is an outcome value: the rotation never throws.
 */
import { describe, expect, it } from 'vitest';
import type { StoredExpiry } from '../../../../shared/domain/gitlab-dates';
import { createHostLimiter, createPlatformHttp, type PlatformHttpOptions } from '../http';
import { closedPort, type MockReply, type MockServer } from '../test-support/mock-server';
import { useTwoHosts } from '../test-support/two-hosts';
import type { ConnectorInput, RotateOptions, RotateOutcome } from '../types';
import { gitlabPreset } from './gitlab';
import { maxLifetimeDate, rotateGitLabToken } from './gitlab-rotate';

const TOKEN = 'glpat-AbCdEfGhIjKlMnOpQrSt';
const NEW_TOKEN = 'glpat-NewNewNewNewNewNew1234';
const ROTATE = '/api/v4/personal_access_tokens/self/rotate';
const NOW = new Date('2026-05-01T12:00:00Z');

let api: MockServer;
useTwoHosts(TOKEN, (a) => {
  api = a;
});

function input(over: Partial<PlatformHttpOptions> = {}): ConnectorInput {
  const http = createPlatformHttp({
    baseUrl: `${api.url}/api/v4`,
    auth: gitlabPreset.auth,
    token: TOKEN,
    limiter: createHostLimiter(),
    timeoutMs: 2000,
    // A generous budget: a rotation must still never be sent twice.
    retryBudgetMs: 5000,
    ...over,
  });
  return { token: TOKEN, http };
}

/** GitLab's answer to a rotation: the new token and the date it got. */
const rotated = (expiresAt: string | null = '2027-03-01'): MockReply => ({
  json: { id: 43, name: 'ci token', revoked: false, active: true, scopes: ['api'], user_id: 7, last_used_at: null, expires_at: expiresAt, token: NEW_TOKEN },
});

const platformDate = (d: string): StoredExpiry => ({ expiry: `${d}T00:00:00.000Z`, expirySource: 'platform', expiryRaw: d, neverExpires: false });
const userDay = (d: string): StoredExpiry => ({ expiry: d, expirySource: 'user', expiryRaw: null, neverExpires: false });

/** The `expires_at` of each rotation request GitLab received. */
const sentDates = (): unknown[] => api.requests.map((r) => (r.json as { expires_at?: unknown } | undefined)?.expires_at);

/** The rotation's outcome; a throw fails the test (the contract is an outcome, never a throw). */
async function rotate(options: RotateOptions, over: Partial<PlatformHttpOptions> = {}): Promise<RotateOutcome> {
  return rotateGitLabToken(input(over), { now: NOW, ...options });
}

/** The new value and its expiry of a rotation that happened (fails the test otherwise). */
function rotatedOf(out: RotateOutcome): Extract<RotateOutcome, { result: 'rotated' }> {
  expect(out.result).toBe('rotated');
  return out as Extract<RotateOutcome, { result: 'rotated' }>;
}

describe('GitLab rotate: the expiry sent', () => {
  it('keeps a GitLab-reported expiry: sends that date, once, with PRIVATE-TOKEN; returns the new value and its expiry', async () => {
    api.route('POST', ROTATE, rotated('2027-03-01'));
    const out = await rotateGitLabToken(input(), { stored: platformDate('2027-03-01'), now: NOW });
    expect(out).toEqual({ result: 'rotated', newValue: NEW_TOKEN, expiry: { at: '2027-03-01T00:00:00.000Z', raw: '2027-03-01' } });
    expect(api.requests).toHaveLength(1);
    const r = api.requests[0]!;
    expect([r.method, r.path, r.headers['private-token'], r.headers['content-type']]).toEqual(['POST', ROTATE, TOKEN, 'application/json']);
    expect(r.json).toEqual({ expires_at: '2027-03-01' });
    expect(api.requestsCarrying(NEW_TOKEN)).toEqual([]);
  });

  it.each([
    // A user's day D works through D in their zone; GitLab's date E stops at E 00:00 UTC.
    ['UTC−10 (Honolulu): D ends at 10:00 UTC on D+1', 'Pacific/Honolulu', '2026-12-03'],
    ['UTC+14 (Kiritimati): D ends at 10:00 UTC on D', 'Pacific/Kiritimati', '2026-12-02'],
    ['UTC: D ends at 00:00 UTC on D+1', 'UTC', '2026-12-02'],
  ])('keeps a typed day without shortening it, %s', async (_n, timeZone, expected) => {
    api.route('POST', ROTATE, rotated(expected));
    await rotateGitLabToken(input(), { stored: userDay('2026-12-01'), timeZone, now: NOW });
    expect(sentDates()).toEqual([expected]);
  });

  it('a date the user chose is sent as is, whatever the stored expiry', async () => {
    api.route('POST', ROTATE, rotated('2026-09-01'));
    const out = await rotateGitLabToken(input(), { expiresOn: '2026-09-01', stored: platformDate('2027-03-01'), now: NOW });
    expect(sentDates()).toEqual(['2026-09-01']);
    expect(rotatedOf(out).expiry).toEqual({ at: '2026-09-01T00:00:00.000Z', raw: '2026-09-01' });
  });

  it.each([
    ['no expiry stored', undefined],
    ['GitLab said it never expires', { expiry: null, expirySource: null, expiryRaw: null, neverExpires: true } satisfies StoredExpiry],
  ])('%s → today + 365 days (GitLab alone would give one week)', async (_n, stored) => {
    api.route('POST', ROTATE, rotated('2027-05-01'));
    await rotateGitLabToken(input(), { ...(stored ? { stored } : {}), now: NOW });
    expect(sentDates()).toEqual(['2027-05-01']);
  });

  it('a new token GitLab says never expires → expiry null', async () => {
    api.route('POST', ROTATE, rotated(null));
    expect(rotatedOf(await rotateGitLabToken(input(), { stored: platformDate('2027-03-01'), now: NOW })).expiry).toBeNull();
  });

  it('a malformed chosen date is refused before anything is sent', async () => {
    expect(await rotate({ expiresOn: '2026-02-30' })).toEqual({ result: 'failed', reason: expect.stringMatching(/YYYY-MM-DD/) });
    expect(api.requests).toEqual([]);
  });
});

describe("GitLab rotate: the instance's maximum lifetime", () => {
  // app/models/personal_access_token.rb + lib/api/helpers.rb bad_request!.
  const tooLate = (max: string): MockReply => ({ status: 400, json: { message: `400 Bad request - Expires at must be before ${max}` } });

  it('reads the maximum from the refusal: ok', () => {
    expect(maxLifetimeDate({ status: 400, json: { message: '400 Bad request - Expires at must be before 2026-11-01' } })).toBe('2026-11-01');
    expect(maxLifetimeDate({ status: 400, json: { message: '400 Bad request - Expires at must expire in 365 days' } })).toBeNull();
    expect(maxLifetimeDate({ status: 403, json: { message: 'must be before 2026-11-01' } })).toBeNull();
  });

  it('refused as too late → sent once more with the maximum, and says it was capped', async () => {
    let n = 0;
    api.route('POST', ROTATE, () => (n++ === 0 ? tooLate('2026-11-01') : rotated('2026-11-01')));
    const out = await rotateGitLabToken(input(), { stored: platformDate('2027-03-01'), now: NOW });
    expect(sentDates()).toEqual(['2027-03-01', '2026-11-01']);
    expect(out).toEqual({
      result: 'rotated',
      newValue: NEW_TOKEN,
      expiry: { at: '2026-11-01T00:00:00.000Z', raw: '2026-11-01' },
      expiryCapped: { asked: '2027-03-01', sent: '2026-11-01' },
    });
  });

  it('a user-chosen date beyond the maximum is capped the same way', async () => {
    let n = 0;
    api.route('POST', ROTATE, () => (n++ === 0 ? tooLate('2026-11-01') : rotated('2026-11-01')));
    const out = await rotateGitLabToken(input(), { expiresOn: '2030-01-01', now: NOW });
    expect(sentDates()).toEqual(['2030-01-01', '2026-11-01']);
    expect(rotatedOf(out).expiryCapped).toEqual({ asked: '2030-01-01', sent: '2026-11-01' });
  });

  it('retries once only: a second refusal is the answer', async () => {
    api.route('POST', ROTATE, tooLate('2026-11-01'));
    expect(await rotate({ stored: platformDate('2027-03-01') })).toEqual({ result: 'failed', reason: 'not rotated: 400 Bad request - Expires at must be before 2026-11-01' });
    expect(api.requests).toHaveLength(2);
  });

  it('a refusal that names no date (older GitLab) is not retried', async () => {
    api.route('POST', ROTATE, { status: 400, json: { message: { expires_at: ['must expire in 365 days'] } } });
    expect(await rotate({ stored: platformDate('2027-03-01') })).toMatchObject({ result: 'failed' });
    expect(api.requests).toHaveLength(1);
  });
});

describe('GitLab rotate: sent exactly once; no answer is "unconfirmed"', () => {
  it('timeout → unconfirmed, not retried', async () => {
    api.route('POST', ROTATE, { ...rotated(), delayMs: 800 });
    expect(await rotate({ stored: platformDate('2027-03-01') }, { timeoutMs: 150 })).toEqual({ result: 'unconfirmed', reason: 'timeout' });
    await new Promise((r) => setTimeout(r, 900));
    expect(api.requests).toHaveLength(1);
  });

  it('connection cut after the request was sent → unconfirmed, not retried', async () => {
    api.route('POST', ROTATE, { hangUp: true });
    expect(await rotate({ stored: platformDate('2027-03-01') })).toMatchObject({ result: 'unconfirmed' });
    expect(api.requests).toHaveLength(1);
  });

  it.each([502, 504, 500])('%i (a gateway may have passed it on; GitLab may have committed) → unconfirmed, not retried', async (status) => {
    api.route('POST', ROTATE, { status, text: 'Bad Gateway' });
    expect(await rotate({ stored: platformDate('2027-03-01') })).toEqual({ result: 'unconfirmed', reason: `server error ${status}` });
    expect(api.requests).toHaveLength(1);
  });

  it('200 without a readable new value → unconfirmed (the old value is dead, the new one did not arrive)', async () => {
    api.route('POST', ROTATE, { json: { id: 43 } });
    expect(await rotate({})).toEqual({ result: 'unconfirmed', reason: 'unexpected response' });
  });

  it('429 with a short Retry-After is NOT waited out and resent: not rotated, rate-limited', async () => {
    api.route('POST', ROTATE, { status: 429, headers: { 'retry-after': '1' }, json: { message: 'Retry later' } });
    expect(await rotate({})).toEqual({ result: 'failed', reason: 'not rotated: rate-limited, retry in 1 s' });
    expect(api.requests).toHaveLength(1);
  });

  it('nothing listening (the request never left) → not rotated, offline: safe to try again', async () => {
    const port = await closedPort();
    expect(await rotate({}, { baseUrl: `http://127.0.0.1:${port}/api/v4` })).toEqual({ result: 'failed', reason: 'not rotated: offline' });
  });
});

describe('GitLab rotate: refusals, in words', () => {
  it('403 insufficient_scope → not rotated, says which scope rotates', async () => {
    api.route('POST', ROTATE, { status: 403, json: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api self_rotate' } });
    expect(await rotate({})).toEqual({ result: 'failed', reason: expect.stringMatching(/^not rotated: 403 .*needs the api or self_rotate scope/) });
  });

  it('401 revoked → not rotated, warns that GitLab revoked the family', async () => {
    api.route('POST', ROTATE, { status: 401, json: { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' } });
    expect(await rotate({})).toEqual({ result: 'failed', reason: expect.stringMatching(/reuse.*revokes any token rotated from it/) });
  });

  it('no reason holds the token, whatever GitLab quotes back', async () => {
    api.route('POST', ROTATE, { status: 400, json: { message: `bad ${TOKEN} and ${NEW_TOKEN}` } });
    const out = await rotate({});
    expect(out).toMatchObject({ result: 'failed' });
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it('the preset runs the same rotation', async () => {
    api.route('POST', ROTATE, rotated('2027-03-01'));
    expect(await gitlabPreset.rotate!.run(input(), { stored: platformDate('2027-03-01'), now: NOW })).toMatchObject({ result: 'rotated', newValue: NEW_TOKEN });
  });
});
