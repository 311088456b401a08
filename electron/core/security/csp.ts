/**
 * The renderer's Content-Security-Policy, built in one place so the HTTP header set by
 * electron/main, the <meta> tag in renderer/index.html and the dev-server variant cannot
 * drift apart (a test compares index.html with this builder).
 *
 * Why so tight: the renderer shows token metadata and, on request, a token value. If any
 * script other than our bundle could run, it could read what the page shows and call
 * window.api. So scripts, styles and everything else come only from the app itself, nothing
 * is framed or posted anywhere, and <base> cannot re-point relative URLs.
 */

/** Where the policy is delivered; a <meta> tag cannot carry `frame-ancestors` (browsers ignore it there). */
export type CspDelivery = 'header' | 'meta';

/** Options for {@link buildCsp}. */
export interface CspOptions {
  readonly delivery: CspDelivery;
  /**
   * Vite dev server only: its client injects <style> tags (so styles need 'unsafe-inline'),
   * talks HMR over a websocket, and the React refresh preamble is an inline script allowed by
   * hash — never by 'unsafe-inline'. Absent in production.
   */
  readonly dev?: { readonly inlineScriptHashes: readonly string[] } | undefined;
}

/** Builds the policy string, directives in a fixed order. */
export function buildCsp(options: CspOptions): string {
  const dev = options.dev;
  const directives: [string, ...string[]][] = [
    // Deny by default: anything not listed below (frames, workers, media, manifests) is refused.
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(dev?.inlineScriptHashes.map((h) => `'${h}'`) ?? [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    // data: for small inline images Vite may emit as data URLs; never remote images (tracking).
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(dev ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  if (options.delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The production policy as a <meta> tag carries it (what renderer/index.html must contain). */
export const PRODUCTION_META_CSP = buildCsp({ delivery: 'meta' });

/** The production policy as main sets it on every response header. */
export const PRODUCTION_HEADER_CSP = buildCsp({ delivery: 'header' });
