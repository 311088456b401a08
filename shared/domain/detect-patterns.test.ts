import { describe, expect, test } from 'vitest';
import { detectToken, matchingPlatforms, readJwtClaims } from './detect';
import { BRASS_PATTERN, GITHUB_PATTERN, JWT_PATTERN, PRESET_TOKEN_PATTERNS, TOKEN_SHAPES } from './detect-patterns';
import { PLATFORM_IDS } from './platform-ids';

// Synthetic values of each preset's real format (never real tokens).
const b64url = (o: unknown): string =>
  btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown, header: unknown = { alg: 'RS256', typ: 'JWT' }): string =>
  `${b64url(header)}.${b64url(payload)}.${'S1g-_x'.repeat(7)}`;
const alnum = (n: number): string => 'Zq7'.repeat(Math.ceil(n / 3)).slice(0, n);

const SAMPLES = {
  githubClassic: `ghp_${alnum(36)}`,
  githubFineGrained: `github_pat_11AB2CD3E0_${alnum(59)}`,
  gitlab: `glpat-${alnum(20)}`,
  gitlabRoutable: 'glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r03gxo7s', // GitLab's own example (gitleaks/gitleaks#1655)
  gitlabRoutableVersioned: `glpat-${alnum(34)}.01.0z11111is`,
  gitlabDeploy: `gldt-${alnum(20)}`,
  githubOauth: `gho_${alnum(36)}`,
  brass: `1|pat-ZuKpi3vjhgvLyy2ATp0Gyp0NPyPGXTPhpxpaMwnv`, // the seed's own example shape
  brassLongId: `98765432109876543210|pat-${alnum(40)}`,
  iobeya: jwt({ iss: 'https://acme.iobeya.com', sub: 'jane.doe@example.com', iat: 1_700_000_000, exp: Date.UTC(2031, 5, 30, 12) / 1000 }),
};

describe('every preset pattern comes from detect-patterns and matches its samples', () => {
  test('the pattern table covers every platform id; undocumented formats are null', () => {
    expect(Object.keys(PRESET_TOKEN_PATTERNS).sort()).toEqual([...PLATFORM_IDS].sort());
    expect(PRESET_TOKEN_PATTERNS.yeswehack).toBeNull();
    expect(PRESET_TOKEN_PATTERNS.jelastic).toBeNull();
    expect(PRESET_TOKEN_PATTERNS.custom).toBeNull();
  });

  test.each([
    ['github', SAMPLES.githubClassic],
    ['github', SAMPLES.githubFineGrained],
    ['gitlab', SAMPLES.gitlab],
    ['gitlab', SAMPLES.gitlabRoutable],
    ['gitlab', SAMPLES.gitlabRoutableVersioned],
    ['gitlab', SAMPLES.gitlabDeploy],
    ['github', SAMPLES.githubOauth],
    ['brass', SAMPLES.brass],
    ['brass', SAMPLES.brassLongId],
    ['iobeya', SAMPLES.iobeya],
  ] as const)('%s: %s', (platform, sample) => {
    expect(detectToken(sample)?.platform).toBe(platform);
    expect(matchingPlatforms(sample)).toEqual([platform]);
    expect(PRESET_TOKEN_PATTERNS[platform]?.test(sample)).toBe(true);
  });

  test('GitHub preset pattern accepts both forms and nothing around them', () => {
    expect(GITHUB_PATTERN.test(SAMPLES.githubClassic)).toBe(true);
    expect(GITHUB_PATTERN.test(SAMPLES.githubFineGrained)).toBe(true);
    expect(GITHUB_PATTERN.test(`x${SAMPLES.githubClassic}`)).toBe(false);
    expect(GITHUB_PATTERN.test(`${SAMPLES.githubClassic}|ghp_`)).toBe(false);
  });

  test('every format is anchored and claimed by exactly one platform; kinds are unique', () => {
    const kinds = TOKEN_SHAPES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const s of TOKEN_SHAPES) {
      expect(s.re.source.startsWith('^') && s.re.source.endsWith('$'), s.kind).toBe(true);
      expect(s.re.flags, s.kind).toBe('');
      expect(PRESET_TOKEN_PATTERNS[s.platform]?.source, s.kind).toBeDefined();
    }
  });
});

describe('near misses are claimed by no platform', () => {
  const misses: Record<string, string> = {
    'Brass without the id part': `pat-${alnum(40)}`,
    'Brass with an empty id': `|pat-${alnum(40)}`,
    'Brass with a letter in the id': `12a|pat-${alnum(40)}`,
    'Brass secret one short': `7|pat-${alnum(39)}`,
    'Brass secret one long': `7|pat-${alnum(41)}`,
    'Brass secret with a dash': `7|pat-${alnum(39)}-`,
    'Brass with a colon instead of a pipe': `7:pat-${alnum(40)}`,
    'Brass upper-case prefix': `7|PAT-${alnum(40)}`,
    'Brass id of 21 digits': `${'9'.repeat(21)}|pat-${alnum(40)}`,
    'GitHub prefix with a dash': `ghp-${alnum(36)}`,
    'GitHub classic too short': `ghp_${alnum(29)}`,
    'GitHub with a space inside': `ghp_${alnum(18)} ${alnum(18)}`,
    'GitLab with underscore prefix': `glpat_${alnum(20)}`,
    'GitLab too short': `glpat-${alnum(19)}`,
    'GitLab legacy too long, without a routing suffix': `glpat-${alnum(30)}`,
    'GitLab routable with a short CRC': `glpat-${alnum(27)}.01.0z11111i`,
    'GitLab routable payload over 300': `glpat-${alnum(301)}.0r03gxo7s`,
    'GitLab deploy token too short': `gldt-${alnum(19)}`,
    'GitHub OAuth with a dash': `gho-${alnum(36)}`,
    'three parts, not a JWT': 'abc.def.ghi',
    'three base64url parts without a JSON header': `${b64url('hello')}.${b64url({ sub: 'x' })}.sig`,
    'JWT with bad base64 in the payload': `${b64url({ alg: 'HS256' })}.eyJzdWIiOiJ4I$.sig`,
    'JWT payload that is not JSON': `${b64url({ alg: 'HS256' })}.${btoa('not json').replace(/=+$/, '')}.sig`,
    'JWT payload base64 of truncated JSON': `${b64url({ alg: 'HS256' })}.eyJzdWIiOiJ4.sig`,
    'JWT header without alg': `${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.sig`,
    'unsigned JWT (empty signature)': `${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}.`,
    'JWT with four parts': `${jwt({ sub: 'x' })}.more`,
    'JWT with two parts': `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'x' })}`,
    'a Jelastic-like hex token (no documented format)': 'd6f4e314a5b5fefd164995169f28ae32d987704f',
    'a YesWeHack-like opaque token (no documented format)': alnum(64),
  };
  test.each(Object.entries(misses))('%s', (_name, value) => {
    expect(detectToken(value)).toBeNull();
    expect(matchingPlatforms(value)).toEqual([]);
  });

  test('a JWT of unknown origin is recognised as a JWT but claimed by no platform (any platform may issue one)', () => {
    const value = jwt({ iss: 'https://auth.example.com', sub: 'x' });
    expect(detectToken(value)).toMatchObject({ platform: null, kind: 'jwt' });
    expect(matchingPlatforms(value)).toEqual([]);
    expect(PRESET_TOKEN_PATTERNS.iobeya?.test(value)).toBe(true); // the iObeya preset's shape still fits
  });
});

describe('what a JWT tells offline', () => {
  test('exp (as a day and as an instant), iat, sub, iss and scopes, as detection and as claims', () => {
    const token = jwt({ iss: 'https://acme.iobeya.com', aud: 'boards', sub: 'jane', exp: Date.UTC(2030, 0, 2, 3) / 1000, iat: 1_700_000_000, scope: 'rooms:read boards:write' });
    expect(detectToken(token)).toEqual({
      platform: 'iobeya',
      kind: 'iobeya-jwt',
      label: 'iObeya personal access token (a JSON Web Token)',
      personalAccessToken: true,
      expiresAt: '2030-01-02',
      expiresAtInstant: '2030-01-02T03:00:00.000Z',
      issuedAt: '2023-11-14T22:13:20.000Z',
      subject: 'jane',
      issuer: 'https://acme.iobeya.com',
      scopes: ['rooms:read', 'boards:write'],
    });
    expect(readJwtClaims(token)).toEqual({
      alg: 'RS256',
      exp: Date.UTC(2030, 0, 2, 3) / 1000,
      iat: 1_700_000_000,
      sub: 'jane',
      iss: 'https://acme.iobeya.com',
      aud: ['boards'],
      scopes: ['rooms:read', 'boards:write'],
    });
  });

  test('scopes as an array (`scopes`, `scp`), deduplicated; junk ignored', () => {
    expect(detectToken(jwt({ scopes: ['a', 'b', 'a'] }))?.scopes).toEqual(['a', 'b']);
    expect(detectToken(jwt({ scp: 'x' }))?.scopes).toEqual(['x']);
    expect(detectToken(jwt({ scopes: [1, 2] }))?.scopes).toBeUndefined();
    expect(detectToken(jwt({ scope: '   ' }))?.scopes).toBeUndefined();
  });

  test('a JWT is recognised with surrounding whitespace, and never when huge', () => {
    expect(detectToken(`\n ${SAMPLES.iobeya}  `)?.platform).toBe('iobeya');
    expect(readJwtClaims(`${b64url({ alg: 'HS256' })}.${b64url({ pad: 'x'.repeat(20_000) })}.sig`)).toBeNull();
  });

  test('the JWT and Brass patterns are anchored', () => {
    expect(JWT_PATTERN.test(`x${SAMPLES.iobeya}`)).toBe(false);
    expect(BRASS_PATTERN.test(` ${SAMPLES.brass}`)).toBe(false);
  });
});
