import { expect, test } from 'vitest';
import { detectToken } from './detect';

const b64url = (o: unknown): string =>
  btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string =>
  `${b64url(header)}.${b64url(payload)}.c2lnbmF0dXJl`;

const alnum = (n: number): string => 'aB3'.repeat(Math.ceil(n / 3)).slice(0, n);

test('GitHub classic and fine-grained tokens are recognised by their prefix', () => {
  expect(detectToken(`ghp_${alnum(36)}`)).toMatchObject({ platform: 'github', kind: 'github-classic', label: 'GitHub classic personal access token', personalAccessToken: true });
  expect(detectToken(`github_pat_11ABCDEFG0_${alnum(59)}`)).toMatchObject({ platform: 'github', kind: 'github-fine-grained', personalAccessToken: true });
  // Pasted with surrounding whitespace, as copied from a web page.
  expect(detectToken(`  ghp_${alnum(36)}\n`)?.platform).toBe('github');
});

test('GitHub OAuth, app and refresh tokens are GitHub’s, and said not to be personal access tokens', () => {
  for (const [prefix, kind, words] of [
    ['gho_', 'github-oauth', /GitHub OAuth access token/],
    ['ghu_', 'github-user-to-server', /GitHub App user-to-server token/],
    ['ghs_', 'github-server-to-server', /GitHub App server-to-server token/],
    ['ghr_', 'github-refresh', /GitHub App refresh token/],
  ] as const) {
    const d = detectToken(`${prefix}${alnum(36)}`);
    expect(d, prefix).toMatchObject({ platform: 'github', kind, personalAccessToken: false });
    expect(d?.label).toMatch(words);
    expect(d?.label).toMatch(/not a personal access token/);
  }
});

test('GitLab personal access tokens: legacy and routable', () => {
  expect(detectToken(`glpat-${alnum(20)}`)).toMatchObject({ platform: 'gitlab', kind: 'gitlab-pat', label: 'GitLab personal access token', personalAccessToken: true });
  // Routable, as GitLab's own secret-detection rules show it, and the versioned form.
  expect(detectToken('glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r03gxo7s')?.kind).toBe('gitlab-pat');
  expect(detectToken('glpat-TESTtokenGq5K56y8RBbu286MQp1OmFwOAk.01.0z11111is')?.kind).toBe('gitlab-pat');
  expect(detectToken(`glpat-${alnum(290)}.01.0z11111is`)?.platform).toBe('gitlab');
});

test('GitLab’s other token kinds are GitLab’s, labelled by kind', () => {
  const hex40 = 'a1b2c3d4e5'.repeat(4);
  for (const [value, kind, words] of [
    [`gloas-${alnum(64)}`, 'gitlab-oauth-app-secret', /OAuth application secret/],
    [`gldt-${alnum(20)}`, 'gitlab-deploy', /deploy token/],
    [`glrt-${alnum(20)}`, 'gitlab-runner', /runner authentication token/],
    [`glrt-t1_${alnum(27)}.0r03gxo7s`, 'gitlab-runner', /runner authentication token/],
    [`GR1348941${alnum(20)}`, 'gitlab-runner-registration', /runner registration token/],
    [`glcbt-64_${alnum(20)}`, 'gitlab-ci-job', /CI\/CD job token/],
    [`glptt-${hex40}`, 'gitlab-trigger', /trigger token/],
    [`glft-${alnum(20)}`, 'gitlab-feed', /feed token/],
    [`glimt-${alnum(25)}`, 'gitlab-incoming-mail', /incoming mail token/],
    [`glagent-${alnum(50)}`, 'gitlab-agent', /agent for Kubernetes/],
    [`glsoat-${alnum(20)}`, 'gitlab-scim', /SCIM token/],
    [`glffct-${alnum(20)}`, 'gitlab-feature-flags', /feature flags client token/],
  ] as const) {
    const d = detectToken(value);
    expect(d, kind).toMatchObject({ platform: 'gitlab', kind, personalAccessToken: false });
    expect(d?.label).toMatch(words);
  }
});

test('Brass tokens are recognised', () => {
  expect(detectToken(`12345|pat-${alnum(40)}`)).toMatchObject({ platform: 'brass', label: 'Brass personal access token' });
});

test('near misses are not claimed for any platform', () => {
  for (const miss of [
    'ghp_',
    `ghp_${alnum(10)}`,
    `ghp-${alnum(36)}`,
    `GHP_${alnum(36)}`,
    `xghp_${alnum(36)}`,
    `ghp_${alnum(36)} trailing words`,
    `ghx_${alnum(36)}`,
    `gho_${alnum(29)}`,
    `ghu-${alnum(36)}`,
    `ghs_${alnum(256)}`,
    `glpat_${alnum(20)}`,
    `glpat-${alnum(5)}`,
    `glpat-${alnum(23)}`,
    `glpat-${alnum(27)}.0r03gxo7`,
    `glpat-${alnum(27)}.0R03GXO7S`,
    `glpat-${alnum(26)}.0r03gxo7s`,
    `gldt-${alnum(19)}`,
    `glft-${alnum(21)}`,
    `glimt-${alnum(20)}`,
    `glagent-${alnum(49)}`,
    `gloas-${alnum(63)}`,
    `glptt-${'g'.repeat(40)}`,
    `glcbt-${alnum(20)}`,
    `glsoat_${alnum(20)}`,
    `GR1348941${alnum(19)}`,
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

test('a JWT of unknown origin is "a JSON Web Token" of no platform, with its claims', () => {
  const exp = Date.UTC(2027, 2, 14, 23, 30) / 1000; // late evening UTC: still the 14th
  const iat = Date.UTC(2026, 2, 14, 8) / 1000;
  expect(detectToken(jwt({ sub: 'alice@example.com', exp, iat, iss: 'https://gitlab.example.com', scope: 'read write' }))).toEqual({
    platform: null,
    kind: 'jwt',
    label: 'JSON Web Token',
    personalAccessToken: false,
    expiresAt: '2027-03-14',
    expiresAtInstant: '2027-03-14T23:30:00.000Z',
    issuedAt: '2026-03-14T08:00:00.000Z',
    subject: 'alice@example.com',
    issuer: 'https://gitlab.example.com',
    scopes: ['read', 'write'],
  });
  expect(detectToken(jwt({ iat: 1 }))).toMatchObject({ platform: null, label: 'JSON Web Token' });
});

test('only claims naming iobeya.com make a JWT iObeya’s', () => {
  const exp = Date.UTC(2027, 5, 30, 12) / 1000;
  for (const claims of [
    { iss: 'https://acme.iobeya.com' },
    { iss: 'https://acme.api.iobeya.com/v1' },
    { iss: 'iobeya.com' },
    { aud: 'https://acme.iobeya.com' },
    { aud: ['https://other.example', 'acme.api.iobeya.com'] },
  ]) {
    expect(detectToken(jwt({ ...claims, sub: 'jane', exp })), JSON.stringify(claims)).toMatchObject({
      platform: 'iobeya',
      kind: 'iobeya-jwt',
      personalAccessToken: true,
      expiresAt: '2027-06-30',
      expiresAtInstant: '2027-06-30T12:00:00.000Z',
      subject: 'jane',
    });
  }
  for (const claims of [
    {},
    { iss: 'https://iobeya.com.evil.example' },
    { iss: 'https://evil.example/iobeya.com' },
    { iss: 'http://acme.iobeya.com' },
    { iss: 'https://notiobeya.com' },
    { aud: 'iobeya' },
    { sub: 'someone@iobeya.com' },
  ]) {
    expect(detectToken(jwt({ ...claims, exp }))?.platform, JSON.stringify(claims)).toBeNull();
  }
});

test('JWT near misses: bad base64, no alg in the header, junk claims', () => {
  expect(detectToken('abc.def.ghi')).toBeNull();
  expect(detectToken(`${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.sig`)).toBeNull();
  expect(detectToken(`${b64url({ alg: 'HS256' })}.not-json-at-all.sig`)).toBeNull();
  expect(detectToken(`${b64url({ alg: 'HS256' })}.${b64url([1, 2])}.sig`)).toBeNull();
  expect(detectToken('a.b')).toBeNull();
  const weird = detectToken(jwt({ exp: 'tomorrow', sub: 42, iss: 7, aud: [1] }));
  expect(weird).toEqual({ platform: null, kind: 'jwt', label: 'JSON Web Token', personalAccessToken: false });
  expect(detectToken(jwt({ exp: 1e15 }))?.expiresAt).toBeUndefined();
  expect(detectToken(jwt({ exp: 1e15 }))?.expiresAtInstant).toBeUndefined();
});
