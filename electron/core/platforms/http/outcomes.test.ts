/**
 * The shared outcome helpers, where the two former sets differed: which body field is the
 * platform's own words, and that a rejection reads them from any of those fields.
 */
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../types';
import { bodyMessage, commonStatusOutcome, rejectedOutcome, statusReason } from './outcomes';

const res = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, json, text: JSON.stringify(json) });

describe('bodyMessage', () => {
  it('prefers a sentence over an OAuth error code, and reads problem details last', () => {
    expect(bodyMessage(res(401, { error: 'invalid_token', error_description: 'Token was revoked.' }), '')).toBe('Token was revoked.');
    expect(bodyMessage(res(401, { message: 'Bad credentials', error: 'x' }), '')).toBe('Bad credentials');
    expect(bodyMessage(res(401, { title: 'Unauthorized', detail: 'Token expired' }), '')).toBe('Token expired');
    expect(bodyMessage(res(401, ['message']), '')).toBeUndefined();
  });

  it('scrubs the token and cuts to the length asked', () => {
    const token = 'tok_' + 'x'.repeat(30);
    expect(bodyMessage(res(401, { message: `bad ${token}` }), token)).toBe('bad [token]');
    expect(bodyMessage(res(401, { message: 'y'.repeat(400) }), '')).toHaveLength(120);
    expect(bodyMessage(res(401, { message: 'y'.repeat(400) }), '', 300)).toHaveLength(300);
  });

  it('statusReason falls back to the standard phrase', () => {
    expect(statusReason(res(403, {}), '')).toBe('403 Forbidden');
    expect(statusReason(res(401, { message: '401 Unauthorized' }), '')).toBe('401 Unauthorized');
  });
});

describe('rejectedOutcome', () => {
  it('expired or revoked when the platform says so in any message field, else invalid', () => {
    expect(rejectedOutcome(res(401, { error: 'invalid_token', error_description: 'The access token expired' }), '401')).toEqual({ result: 'expired', reason: '401: token expired' });
    expect(rejectedOutcome(res(401, { detail: 'This token has been revoked' }), '401')).toEqual({ result: 'revoked', reason: '401: token revoked' });
    expect(rejectedOutcome(res(401, { message: 'Unauthenticated.' }), '401 Unauthenticated')).toEqual({ result: 'invalid', reason: '401 Unauthenticated' });
  });
});

describe('commonStatusOutcome', () => {
  it('2xx is left to the connector; rate limits, 5xx and the rest are unknown', () => {
    expect(commonStatusOutcome(res(200, {}))).toBeNull();
    expect(commonStatusOutcome(res(429, {}, { 'retry-after': '30' }))).toEqual({ result: 'unknown', reason: 'rate-limited, retry in 30 s' });
    expect(commonStatusOutcome(res(503, {}))).toEqual({ result: 'unknown', reason: 'server error 503' });
    expect(commonStatusOutcome(res(418, {}))).toEqual({ result: 'unknown', reason: 'unexpected status 418' });
  });
});
