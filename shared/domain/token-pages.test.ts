/**
 * Token pages built from an account's base URL: each platform's template, and the near-misses
 * that must give no page at all (another path, credentials, plain http, an address instead of a
 * name, a look-alike host).
 */
import { describe, expect, it } from 'vitest';
import { githubTokenPage, gitlabTokenPage, iobeyaTokenPage, isPageOfAccount, jelasticTokenPage, tokenPageFor } from './token-pages';

const url = (p: { url: string } | null): string | null => p?.url ?? null;

/** Near-misses every template refuses, given a valid base URL of its platform. */
function commonNearMisses(page: (base: string) => { url: string } | null, valid: string): void {
  const u = new URL(valid);
  const variants = [
    valid.replace('https:', 'http:'), // plain http
    `https://user:pw@${u.host}${u.pathname}`, // credentials
    `https://user@${u.host}${u.pathname}`,
    `${valid}?x=1`, // query
    `${valid}#frag`, // fragment
    `https://127.0.0.1${u.pathname}`, // an address, not a name
    `https://10.0.0.5${u.pathname}`,
    `https://[::1]${u.pathname}`,
    `https://localhost${u.pathname}`,
    `https://gitlab${u.pathname}`, // a single-label LAN name
    'not a url',
    '',
  ];
  for (const v of variants) expect(url(page(v)), v).toBeNull();
}

describe('GitLab: https://<host>[/prefix]/api/v4 → /-/user_settings/personal_access_tokens', () => {
  it('gitlab.com, a self-managed host, a port and a relative URL root', () => {
    expect(url(gitlabTokenPage('https://gitlab.com/api/v4'))).toBe('https://gitlab.com/-/user_settings/personal_access_tokens');
    expect(url(gitlabTokenPage('https://git.acme.example/api/v4/'))).toBe('https://git.acme.example/-/user_settings/personal_access_tokens');
    expect(url(gitlabTokenPage('https://git.acme.example:8443/api/v4'))).toBe('https://git.acme.example:8443/-/user_settings/personal_access_tokens');
    expect(url(gitlabTokenPage('https://acme.example/gitlab/api/v4'))).toBe('https://acme.example/gitlab/-/user_settings/personal_access_tokens');
    expect(gitlabTokenPage('https://gitlab.com/api/v4')?.where).toBeNull();
  });

  it('another path is another service: no page', () => {
    for (const b of ['https://git.acme.example', 'https://git.acme.example/api/v3', 'https://git.acme.example/api/v4/projects', 'https://git.acme.example/api']) {
      expect(url(gitlabTokenPage(b)), b).toBeNull();
    }
    commonNearMisses(gitlabTokenPage, 'https://git.acme.example/api/v4');
  });
});

describe('GitHub: api.github.com → github.com; https://<host>/api/v3 (Enterprise Server) → https://<host>/settings/tokens', () => {
  it('github.com, GitHub Enterprise Server and GHE.com', () => {
    expect(url(githubTokenPage('https://api.github.com'))).toBe('https://github.com/settings/tokens');
    expect(url(githubTokenPage('https://ghe.acme.example/api/v3'))).toBe('https://ghe.acme.example/settings/tokens');
    expect(url(githubTokenPage('https://ghe.acme.example:8443/api/v3/'))).toBe('https://ghe.acme.example:8443/settings/tokens');
    expect(url(githubTokenPage('https://api.octocorp.ghe.com'))).toBe('https://octocorp.ghe.com/settings/tokens');
  });

  it('near-misses: no page', () => {
    for (const b of [
      'https://api.github.com/v3',
      'https://github.com/api/v3', // github.com itself has no /api/v3
      'https://api.github.com.evil.example',
      'https://ghe.acme.example',
      'https://ghe.acme.example/prefix/api/v3',
      'https://ghe.acme.example/api/v4',
    ]) {
      expect(url(githubTokenPage(b)), b).toBeNull();
    }
    commonNearMisses(githubTokenPage, 'https://ghe.acme.example/api/v3');
  });
});

describe('Jelastic: https://app.<platformDomain> → the dashboard, then Settings › Access Tokens', () => {
  it('the dashboard on the account host, with where to click', () => {
    expect(jelasticTokenPage('https://app.jelastic.example.com')).toEqual({ url: 'https://app.jelastic.example.com/', where: 'Settings › Access Tokens' });
    expect(url(jelasticTokenPage('https://app.jpc.infomaniak.com/'))).toBe('https://app.jpc.infomaniak.com/');
  });

  it('a host without the documented app. prefix, or a path below it: no page', () => {
    for (const b of ['https://api.jelastic.example.com', 'https://jelastic.example.com', 'https://app.jelastic.example.com/1.0', 'https://evilapp.example.com']) {
      expect(url(jelasticTokenPage(b)), b).toBeNull();
    }
    commonNearMisses(jelasticTokenPage, 'https://app.jelastic.example.com');
  });
});

describe('iObeya: https://<customer>.api.iobeya.com/v1 → https://<customer>.iobeya.com/, user menu › Personal access token', () => {
  it('the customer’s platform, with where to click', () => {
    expect(iobeyaTokenPage('https://acme.api.iobeya.com/v1')).toEqual({ url: 'https://acme.iobeya.com/', where: 'user menu (your avatar) › “Personal access token”' });
    expect(url(iobeyaTokenPage('https://acme-eu.api.iobeya.com'))).toBe('https://acme-eu.iobeya.com/');
  });

  it('another host or path: no page', () => {
    for (const b of ['https://acme.iobeya.com/v1', 'https://acme.api.iobeya.com.evil.example/v1', 'https://a.b.api.iobeya.com/v1', 'https://acme.api.iobeya.com/v2', 'https://api.iobeya.com/v1']) {
      expect(url(iobeyaTokenPage(b)), b).toBeNull();
    }
    commonNearMisses(iobeyaTokenPage, 'https://acme.api.iobeya.com/v1');
  });
});

describe('tokenPageFor: by platform, from the account base URL or the platform default', () => {
  it('defaults for github and gitlab; fixed YesWeHack and Brass pages; none for custom; none without a base URL where it depends on one', () => {
    expect(url(tokenPageFor('github', null))).toBe('https://github.com/settings/tokens');
    expect(url(tokenPageFor('gitlab', null))).toBe('https://gitlab.com/-/user_settings/personal_access_tokens');
    expect(url(tokenPageFor('gitlab', 'https://git.acme.example/api/v4'))).toBe('https://git.acme.example/-/user_settings/personal_access_tokens');
    expect(url(tokenPageFor('github', 'https://ghe.acme.example/api/v3'))).toBe('https://ghe.acme.example/settings/tokens');
    expect(tokenPageFor('yeswehack', null)).toEqual({ url: 'https://yeswehack.com/', where: '[your name] menu › MyYesWeHack tools' });
    expect(tokenPageFor('brass', null)).toEqual({ url: 'https://getbrass.co/', where: null });
    expect(tokenPageFor('custom', 'https://api.acme.example')).toBeNull();
    expect(tokenPageFor('jelastic', null)).toBeNull();
    expect(tokenPageFor('iobeya', null)).toBeNull();
    expect(url(tokenPageFor('jelastic', 'https://app.jelastic.example.com'))).toBe('https://app.jelastic.example.com/');
  });

  it('a loopback account (tests, local mocks) works for API calls but gets no page to open', () => {
    expect(tokenPageFor('gitlab', 'http://127.0.0.1:8080/api/v4')).toBeNull();
    expect(tokenPageFor('github', 'http://localhost:3000/api/v3')).toBeNull();
  });
});

describe('isPageOfAccount: the second rule, whatever a template builds', () => {
  it('accepts every page the templates build for their account', () => {
    const cases: [Parameters<typeof tokenPageFor>[0], string | null][] = [
      ['github', null],
      ['github', 'https://ghe.acme.example/api/v3'],
      ['github', 'https://api.octocorp.ghe.com'],
      ['gitlab', null],
      ['gitlab', 'https://acme.example/gitlab/api/v4'],
      ['jelastic', 'https://app.jelastic.example.com'],
      ['iobeya', 'https://acme.api.iobeya.com/v1'],
      ['yeswehack', null],
      ['brass', null],
    ];
    for (const [platform, base] of cases) {
      const page = tokenPageFor(platform, base);
      expect(page, `${platform} ${base}`).not.toBeNull();
      expect(isPageOfAccount(page!.url, platform, base), `${platform} ${base}`).toBe(true);
    }
  });

  it('refuses another host, plain http, credentials, and anything for a custom platform', () => {
    expect(isPageOfAccount('https://evil.example/-/user_settings/personal_access_tokens', 'gitlab', 'https://git.acme.example/api/v4')).toBe(false);
    expect(isPageOfAccount('http://git.acme.example/-/user_settings/personal_access_tokens', 'gitlab', 'https://git.acme.example/api/v4')).toBe(false);
    expect(isPageOfAccount('https://u:p@git.acme.example/', 'gitlab', 'https://git.acme.example/api/v4')).toBe(false);
    expect(isPageOfAccount('https://github.com/settings/tokens', 'github', 'https://ghe.acme.example/api/v3')).toBe(false);
    expect(isPageOfAccount('https://gitlab.com/', 'gitlab', 'https://git.acme.example/api/v4')).toBe(false);
    expect(isPageOfAccount('https://acme.example/tokens', 'custom', 'https://acme.example')).toBe(false);
    expect(isPageOfAccount('javascript:alert(1)', 'github', null)).toBe(false);
  });
});
