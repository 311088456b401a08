/**
 * The app:// scheme's resolver and responses (issue 12, item 9), in plain Node: only files
 * below the renderer folder are served, with the CSP header; traversal in any spelling is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appProtocolResponse, resolveAppPath } from './app-protocol';
import { PRODUCTION_HEADER_CSP } from './csp';

let dir: string;
let root: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patvault-app-protocol-'));
  root = join(dir, 'out', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>PAT Vault</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(dir, 'out', 'secret.txt'), 'outside the renderer folder');
  writeFileSync(join(dir, 'vault.sqlite'), 'not for the page');
  symlinkSync(join(dir, 'vault.sqlite'), join(root, 'assets', 'link.js'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://pat-vault/… to files below the root; the root to index.html', () => {
    expect(resolveAppPath(root, APP_INDEX_URL)).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://pat-vault/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://pat-vault/assets/index-abc.js?v=1#x')).toEqual({ ok: true, path: join(root, 'assets', 'index-abc.js') });
    expect(resolveAppPath(root, 'app://pat-vault/assets/a%20b.css')).toEqual({ ok: true, path: join(root, 'assets', 'a b.css') });
  });

  it.each([
    ['dot segments', 'app://pat-vault/../secret.txt'],
    ['dot segments in the middle', 'app://pat-vault/assets/../../secret.txt'],
    ['percent-encoded dots', 'app://pat-vault/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://pat-vault/assets/%2E%2e/%2e./secret.txt'],
    ['an encoded slash', 'app://pat-vault/..%2fsecret.txt'],
    ['an encoded slash deeper', 'app://pat-vault/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://pat-vault/..%5csecret.txt'],
    ['a backslash', 'app://pat-vault/..\\secret.txt'],
    ['a NUL', 'app://pat-vault/index.html%00.js'],
    ['double-encoded dots', 'app://pat-vault/%252e%252e/secret.txt'],
  ])('never leaves the root: %s', (_what, url) => {
    const r = resolveAppPath(root, url);
    if (r.ok) expect(r.path.startsWith(`${root}/`)).toBe(true); // e.g. a literal "%2e%2e" folder name below root
    else expect([400, 403]).toContain(r.status);
    expect(appProtocolResponse(root, { method: 'GET', url }).body?.toString()).not.toMatch(/outside the renderer folder|not for the page/);
  });

  it('refuses another scheme or host, credentials and malformed encodings', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath(root, 'app://other/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath(root, 'app://u:p@pat-vault/index.html')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'app://pat-vault/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, status: 400 });
  });
});

describe('appProtocolResponse', () => {
  it('serves a file with its type, the CSP header and nosniff; HEAD has no body', () => {
    const r = appProtocolResponse(root, { method: 'GET', url: APP_INDEX_URL });
    expect(r.status).toBe(200);
    expect(r.body?.toString()).toContain('<title>PAT Vault</title>');
    expect(r.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRODUCTION_HEADER_CSP, 'x-content-type-options': 'nosniff' });
    expect(appProtocolResponse(root, { method: 'GET', url: 'app://pat-vault/assets/index-abc.js' }).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(appProtocolResponse(root, { method: 'HEAD', url: APP_INDEX_URL })).toMatchObject({ status: 200, body: null });
  });

  it('refuses other methods, missing files, folders and a symlink pointing out of the root', () => {
    expect(appProtocolResponse(root, { method: 'POST', url: APP_INDEX_URL }).status).toBe(405);
    expect(appProtocolResponse(root, { method: 'GET', url: 'app://pat-vault/missing.js' }).status).toBe(404);
    expect(appProtocolResponse(root, { method: 'GET', url: 'app://pat-vault/assets/' }).status).toBe(404);
    const link = appProtocolResponse(root, { method: 'GET', url: 'app://pat-vault/assets/link.js' });
    expect(link.status).toBe(403);
    expect(link.body?.toString()).not.toContain('not for the page');
    // Every answer, error or not, carries the CSP.
    expect(appProtocolResponse(root, { method: 'GET', url: 'app://pat-vault/../secret.txt' }).headers['content-security-policy']).toBe(PRODUCTION_HEADER_CSP);
  });
});
