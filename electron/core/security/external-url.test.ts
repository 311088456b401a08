import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isAllowedExternalUrl } from './external-url';

describe('checkExternalUrl', () => {
  it('allows plain https links and returns the normalised URL', () => {
    expect(checkExternalUrl('https://github.com/settings/tokens')).toEqual({
      ok: true,
      url: 'https://github.com/settings/tokens',
    });
    expect(checkExternalUrl('HTTPS://GitLab.com/-/profile')).toEqual({ ok: true, url: 'https://gitlab.com/-/profile' });
  });

  it.each([
    'http://github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-settings:',
    'vscode://file/x',
    'ftp://example.com/',
  ])('refuses non-https scheme %s', (raw) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: false, reason: 'not-https' });
    expect(isAllowedExternalUrl(raw)).toBe(false);
  });

  it('refuses malformed and relative input', () => {
    for (const raw of ['', 'github.com', '/settings', 'https://', 'not a url']) {
      expect(isAllowedExternalUrl(raw)).toBe(false);
    }
  });

  it('refuses forms the URL parser would repair into a host the link did not show', () => {
    for (const raw of ['https:///github.com', 'https:github.com', 'https:\\\\evil.com/x', 'https://github.com\\@evil.com']) {
      expect(checkExternalUrl(raw)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses control characters and whitespace the URL parser would silently drop', () => {
    expect(checkExternalUrl('https://github.com/\tsettings')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkExternalUrl('https://github.com/\nx')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkExternalUrl(' https://github.com/')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses embedded credentials', () => {
    expect(checkExternalUrl('https://user:pass@github.com/')).toEqual({ ok: false, reason: 'credentials' });
    expect(checkExternalUrl('https://token@github.com/')).toEqual({ ok: false, reason: 'credentials' });
  });

  it('refuses overlong URLs', () => {
    expect(checkExternalUrl(`https://github.com/${'a'.repeat(5000)}`)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('with an allow-list, accepts the host and its subdomains only, on a label boundary', () => {
    const hosts = ['github.com', 'gitlab.com'];
    expect(isAllowedExternalUrl('https://github.com/x', hosts)).toBe(true);
    expect(isAllowedExternalUrl('https://docs.github.com/x', hosts)).toBe(true);
    expect(isAllowedExternalUrl('https://GITLAB.com./x', hosts)).toBe(true);
    expect(checkExternalUrl('https://evilgithub.com/x', hosts)).toEqual({ ok: false, reason: 'host-not-allowed' });
    expect(isAllowedExternalUrl('https://github.com.evil.example/x', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://github.com/x', [])).toBe(false);
  });
});
