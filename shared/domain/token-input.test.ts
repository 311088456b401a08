import { expect, test } from 'vitest';
import { describeZodError, isoDate, newTokenInput, tokenPatchInput } from './token-input';

const base = { platform: 'github', account: 'me', name: 'CI', token: 'ghp_x' };
const problem = (input: unknown): string => {
  const r = newTokenInput.safeParse(input);
  return r.success ? 'ok' : describeZodError(r.error);
};

test('dates must be real calendar days written YYYY-MM-DD', () => {
  for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31']) expect(isoDate.safeParse(ok).success).toBe(true);
  for (const bad of ['2026-13-01', '2026-02-30', '2027-02-29', 'tomorrow', '2026-1-01', '2026-01-01T00:00']) {
    expect(isoDate.safeParse(bad).success).toBe(false);
  }
});

test('each bad field gives one clear line naming the field', () => {
  expect(problem(base)).toBe('ok');
  expect(problem({ ...base, name: '   ' })).toBe('name: name must not be empty');
  expect(problem({ ...base, platform: 'myspace' })).toMatch(/^platform: unknown platform \(known: github, gitlab/);
  expect(problem({ ...base, token: 'x'.repeat(16 * 1024 + 1) })).toBe('token: token value is larger than 16 KiB');
  expect(problem({ ...base, token: '' })).toBe('token: token value must not be empty');
  expect(problem({ ...base, expiresAt: '2026-02-30' })).toBe('expiresAt: must be a date written YYYY-MM-DD');
  expect(problem({ ...base, baseUrl: 'http://gitlab.example.com' })).toMatch(/^baseUrl: base URL must be an https/);
  expect(problem({ ...base, baseUrl: 'https://user:pw@gitlab.example.com' })).toMatch(/without credentials/);
  expect(problem({ ...base, name: 'a\u0007b' })).toBe('name: name contains control characters');
});

test('values are normalised: trimmed text, deduplicated scopes, base URL without trailing slash', () => {
  const r = newTokenInput.parse({ ...base, name: '  CI  ', token: ' ghp_x \n', scopes: ['a', 'b', 'a'], baseUrl: 'https://h.example/api/' });
  expect(r).toMatchObject({ name: 'CI', token: 'ghp_x', scopes: ['a', 'b'], baseUrl: 'https://h.example/api' });
  expect(newTokenInput.parse({ ...base, baseUrl: 'http://127.0.0.1:8080' }).baseUrl).toBe('http://127.0.0.1:8080');
  expect(tokenPatchInput.parse({ expiresAt: null })).toEqual({ expiresAt: null });
});

test('platformMismatchOk is an optional boolean on both inputs', () => {
  expect(newTokenInput.parse({ ...base, platformMismatchOk: true }).platformMismatchOk).toBe(true);
  expect(tokenPatchInput.parse({ platform: 'gitlab', platformMismatchOk: true })).toEqual({ platform: 'gitlab', platformMismatchOk: true });
  expect(problem({ ...base, platformMismatchOk: 'yes' })).toMatch(/^platformMismatchOk: /);
});

test('YesWeHack role, scope and access are fields with fixed values, only for platform yeswehack', () => {
  const ywh = { ...base, platform: 'yeswehack', token: 'ywh-value' };
  expect(newTokenInput.parse({ ...ywh, ywhRole: 'program-manager', ywhScope: 'business-unit', ywhAccess: 'read-write' })).toMatchObject({
    ywhRole: 'program-manager',
    ywhScope: 'business-unit',
    ywhAccess: 'read-write',
  });
  expect(problem({ ...ywh, ywhRole: 'admin' })).toBe('ywhRole: YesWeHack role must be one of business-unit-owner, business-unit-manager, program-manager');
  expect(problem({ ...ywh, ywhScope: 'programs' })).toBe('ywhScope: YesWeHack scope must be one of program, business-unit');
  expect(problem({ ...ywh, ywhAccess: 'write' })).toBe('ywhAccess: YesWeHack access type must be one of read, read-write');
  // On another platform they mean nothing: refused, naming the field; null (not set) is fine.
  expect(problem({ ...base, ywhAccess: 'read' })).toBe('ywhAccess: a YesWeHack role, scope or access type can only be given with platform yeswehack');
  expect(problem({ ...base, ywhRole: null, ywhScope: null })).toBe('ok');
  // A patch may clear them (null); the vault checks them against the token's platform.
  expect(tokenPatchInput.parse({ ywhRole: null, ywhAccess: 'read' })).toEqual({ ywhRole: null, ywhAccess: 'read' });
  expect(tokenPatchInput.safeParse({ ywhScope: 'bu' }).success).toBe(false);
});
