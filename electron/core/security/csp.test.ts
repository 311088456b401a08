import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsp, PRODUCTION_HEADER_CSP, PRODUCTION_META_CSP } from './csp';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values];
    }),
  );

describe('buildCsp', () => {
  it('production: same-origin scripts and styles only, nothing inline, nothing framed', () => {
    const p = directives(PRODUCTION_HEADER_CSP);
    expect(p.get('default-src')).toEqual(["'none'"]);
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'none'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    expect(PRODUCTION_HEADER_CSP).not.toMatch(/unsafe-(inline|eval)|\*|http:|https:/);
  });

  it('meta delivery omits frame-ancestors, which browsers ignore in <meta>', () => {
    expect(directives(PRODUCTION_META_CSP).has('frame-ancestors')).toBe(false);
    expect(PRODUCTION_HEADER_CSP.startsWith(PRODUCTION_META_CSP)).toBe(true);
  });

  it('dev allows hashed inline scripts but never unsafe-inline scripts or eval', () => {
    const p = directives(buildCsp({ delivery: 'meta', dev: { inlineScriptHashes: ['sha256-abc='] } }));
    expect(p.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
    expect(p.get('style-src')).toContain("'unsafe-inline'");
    expect([...p.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('renderer/index.html carries exactly the production meta policy', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(PRODUCTION_META_CSP);
  });
});
