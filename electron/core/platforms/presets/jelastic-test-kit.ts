/**
 * Shared values for the Jelastic tests (jelastic.test.ts, jelastic-ops.test.ts): synthetic secrets
 * and helpers to find where each one went. Test-only: imported by *.test.ts files.
 */
import type { MockRequest, MockServer } from '../test-support/mock-server';

export const JELASTIC_TEST = {
  // Synthetic: Jelastic tokens have no prefix (py-jelastic's examples are 40 hex digits).
  TOKEN: '3f9c2b7e1d0a4c8f6b5e2d1c0a9f8e7d6c5b4a39',
  NEW_TOKEN: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  PASSWORD: 'correct horse battery staple §9',
  LOGIN: 'jane@acme.example',
  SESSION: 'sess0a1b2c3d4e5f60718293a4b5c6d7e8f90123',
  ID: '17',
  P: '/1.0/users/authentication/rest',
  OK: { result: 0, source: 'JEL' },
} as const;

/** Every value a request carried in its form body and query string, decoded ('+' = space). */
function values(r: MockRequest): string[] {
  return [...new URLSearchParams(r.body).values(), ...new URLSearchParams(r.rawQuery).values()];
}

/** Requests that carried `secret` anywhere, also form-encoded in the body or query. */
export function carrying(api: MockServer, secret: string): MockRequest[] {
  return api.requests.filter((r) => api.requestsCarrying(secret).includes(r) || values(r).some((v) => v.includes(secret)));
}

/** The form body of a request, as an object. */
export const form = (r: MockRequest | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(r?.body));

/** A GetTokens answer listing one token (id 17) with `t`'s fields. */
export const tokensReply = (t: Record<string, unknown>) => ({ json: { ...JELASTIC_TEST.OK, array: [{ id: 17, description: 'CI deploys', ...t }] } });
