import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl, type RendererOrigin } from './trusted-sender';

const indexUrl = pathToFileURL('/opt/PAT Vault/resources/app.asar/out/renderer/index.html').href;
const packaged: RendererOrigin = { kind: 'file', indexUrl };
const dev: RendererOrigin = { kind: 'dev', url: 'http://localhost:5173/' };

describe('isTrustedSenderUrl, packaged renderer', () => {
  it('accepts the renderer index page, with or without a fragment', () => {
    expect(isTrustedSenderUrl(indexUrl, packaged)).toBe(true);
    expect(isTrustedSenderUrl(`${indexUrl}#/tokens`, packaged)).toBe(true);
  });

  it('accepts the same path however its characters are percent-encoded', () => {
    expect(isTrustedSenderUrl('file:///opt/PAT%20Vault/resources/app.asar/out/renderer/index.html', packaged)).toBe(true);
  });

  it.each([
    ['another file', 'file:///opt/PAT%20Vault/resources/app.asar/out/renderer/other.html'],
    ['a file elsewhere', 'file:///tmp/index.html'],
    ['a query string', `${indexUrl}?x=1`],
    ['a UNC host', 'file://evil-host/opt/PAT%20Vault/resources/app.asar/out/renderer/index.html'],
    ['https', 'https://example.com/index.html'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['the dev server', 'http://localhost:5173/'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSenderUrl(url, packaged)).toBe(false);
  });

  it('compares paths case-insensitively only when told to (Windows)', () => {
    const win: RendererOrigin = { kind: 'file', indexUrl: 'file:///C:/Program%20Files/PAT%20Vault/resources/app.asar/out/renderer/index.html' };
    const lower = 'file:///c:/program%20files/pat%20vault/resources/app.asar/out/renderer/index.html';
    expect(isTrustedSenderUrl(lower, win)).toBe(false);
    expect(isTrustedSenderUrl(lower, win, { caseInsensitivePaths: true })).toBe(true);
  });

  it('refuses everything when the configured index is not a file URL', () => {
    expect(isTrustedSenderUrl('https://example.com/', { kind: 'file', indexUrl: 'https://example.com/' })).toBe(false);
  });
});

describe('isTrustedSenderUrl, dev server', () => {
  it('accepts any page of the dev server origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html?t=1#x', dev)).toBe(true);
  });

  it.each([
    ['another port', 'http://localhost:5174/'],
    ['another host', 'http://127.0.0.1:5173/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['credentials', 'http://user:pw@localhost:5173/'],
    ['a file', indexUrl],
    ['a lookalike host', 'http://localhost.evil.example:5173/'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSenderUrl(url, dev)).toBe(false);
  });

  it('refuses everything when the dev URL is not http(s)', () => {
    expect(isTrustedSenderUrl('file:///x', { kind: 'dev', url: 'file:///x' })).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', { kind: 'dev', url: 'nonsense' })).toBe(false);
  });
});

describe('isTrustedSenderUrl, the page over app://', () => {
  const app: RendererOrigin = { kind: 'app', indexUrl: 'app://pat-vault/index.html' };

  it('accepts the index page (or the root), with or without a fragment', () => {
    for (const url of ['app://pat-vault/index.html', 'app://pat-vault/index.html#/tokens', 'app://pat-vault/']) {
      expect(isTrustedSenderUrl(url, app), url).toBe(true);
    }
  });

  it.each([
    ['another page', 'app://pat-vault/other.html'],
    ['another host', 'app://evil/index.html'],
    ['a query string', 'app://pat-vault/index.html?x=1'],
    ['credentials', 'app://u:p@pat-vault/index.html'],
    ['the same file over file://', 'file:///opt/PAT%20Vault/resources/app.asar/out/renderer/index.html'],
    ['https', 'https://pat-vault/index.html'],
    ['about:blank', 'about:blank'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSenderUrl(url, app)).toBe(false);
  });

  it('refuses everything when the expected page is not a custom scheme', () => {
    expect(isTrustedSenderUrl('https://pat-vault/index.html', { kind: 'app', indexUrl: 'https://pat-vault/index.html' })).toBe(false);
  });
});
