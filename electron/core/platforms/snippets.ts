/**
 * Usage snippets: a token ready to use in the platform's exact scheme, as an HTTP header line
 * or a curl command. Built in main and written to the clipboard like a copy: the renderer
 * never sees the result (it contains the token).
 */
import type { AuthScheme } from './types';

/** What kind of snippet. */
export type SnippetKind = 'header' | 'curl';

/** POSIX shell single-quoting: safe for any byte sequence a token or URL may hold. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The auth part as a header line, or null for query-parameter schemes. */
export function headerLine(auth: AuthScheme, token: string): string | null {
  switch (auth.kind) {
    case 'header':
      return `${auth.name}: ${auth.prefix ?? ''}${token}`;
    case 'bearer':
      return `Authorization: Bearer ${token}`;
    case 'basic':
      return `Authorization: Basic ${Buffer.from(`${auth.username}:${token}`, 'utf8').toString('base64')}`;
    case 'query':
      return null;
  }
}

/** A URL with the token as query parameter `name`, keeping any existing query. */
function withQueryToken(url: string, name: string, token: string): string {
  const u = new URL(url);
  u.searchParams.set(name, token);
  return u.toString();
}

/**
 * The snippet text. `url` is the request to show (the platform's check endpoint or base URL).
 * For a query scheme the "header" snippet is the `name=value` pair to append (`?session=…`).
 */
export function buildSnippet(kind: SnippetKind, auth: AuthScheme, url: string, token: string): string {
  if (kind === 'header') {
    const line = headerLine(auth, token);
    if (line !== null) return line;
    const q = auth as Extract<AuthScheme, { kind: 'query' }>;
    return `${q.name}=${encodeURIComponent(token)}`;
  }
  if (auth.kind === 'query') return `curl ${shellQuote(withQueryToken(url, auth.name, token))}`;
  return `curl -H ${shellQuote(headerLine(auth, token) as string)} ${shellQuote(url)}`;
}
