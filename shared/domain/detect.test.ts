import { expect, test } from 'vitest';
import { detectToken } from './detect';

const b64url = (o: unknown): string =>
  btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string =>
  `${b64url(header)}.${b64url(payload)}.c2lnbmF0dXJl`;

const alnum = (n: number): string => 'aB3'.repeat(Math.ceil(n / 3)).slice(0, n);

test('GitHub classic and fine-grained tokens are recognised by their prefix', () => {
  expect(detectToken(`ghp_${alnum(36)}`)).toMatchObject({ platform: 'github', label: 'GitHub classic token' });
  expect(detectToken(`github_pat_11ABCDEFG0_${alnum(59)}`)).toMatchObject({ platform: 'github' });
  // Pasted with surrounding whitespace, as copied from a web page.
  expect(detectToken(`  ghp_${alnum(36)}\n`)?.platform).toBe('github');
});

test('GitLab and Brass tokens are recognised', () => {
  expect(detectToken(`glpat-${alnum(20)}`)?.platform).toBe('gitlab');
  expect(detectToken(`glpat-${alnum(27)}.01.0x1abc2de3f`)?.platform).toBe('gitlab');
  expect(detectToken(`12345|pat-${alnum(40)}`)?.platform).toBe('brass');
});

test('near misses are not claimed for any platform', () => {
  for (const miss of [
    'ghp_',
    `ghp_${alnum(10)}`,
    `ghp-${alnum(36)}`,
    `GHP_${alnum(36)}`,
    `xghp_${alnum(36)}`,
    `ghp_${alnum(36)} trailing words`,
    `glpat_${alnum(20)}`,
    `glpat-${alnum(5)}`,
    `12345|pat-${alnum(39)}`,
    `12345|pat-${alnum(41)}`,
    `|pat-${alnum(40)}`,
    `${'1'.repeat(21)}|pat-${alnum(40)}`,
    `12345|PAT-${alnum(40)}`,
    '',
    '   ',
    'just a password',
  ]) {
    expect(detectToken(miss), miss).toBeNull();
  }
});

test('a JWT gives iObeya, its expiry day in UTC and its subject', () => {
  const exp = Date.UTC(2027, 2, 14, 23, 30) / 1000; // late evening UTC: still the 14th
  expect(detectToken(jwt({ sub: 'alice@example.com', exp }))).toEqual({
    platform: 'iobeya',
    label: 'JSON Web Token (iObeya)',
    expiresAt: '2027-03-14',
    subject: 'alice@example.com',
  });
  expect(detectToken(jwt({ iat: 1 }))).toEqual({ platform: 'iobeya', label: 'JSON Web Token (iObeya)' });
});

test('JWT near misses: bad base64, no alg in the header, junk claims', () => {
  expect(detectToken('abc.def.ghi')).toBeNull();
  expect(detectToken(`${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.sig`)).toBeNull();
  expect(detectToken(`${b64url({ alg: 'HS256' })}.not-json-at-all.sig`)).toBeNull();
  expect(detectToken(`${b64url({ alg: 'HS256' })}.${b64url([1, 2])}.sig`)).toBeNull();
  expect(detectToken('a.b')).toBeNull();
  const weird = detectToken(jwt({ exp: 'tomorrow', sub: 42 }));
  expect(weird).toEqual({ platform: 'iobeya', label: 'JSON Web Token (iObeya)' });
  expect(detectToken(jwt({ exp: 1e15 }))?.expiresAt).toBeUndefined();
});
