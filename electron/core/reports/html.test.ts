/** The printable page: self-contained, escaped, grouped by client, read back by a real HTML parser. */
import { describe, expect, it } from 'vitest';
import { htmlInventory } from './html';
import { attr, elements, htmlRows, readHtml, text, view } from './test-support';

const now = new Date('2026-11-23T10:00:00Z');
const page = (views = [view()], client: string | null = null, title = 'Token inventory') => htmlInventory(views, { now, title, client });

describe('HTML page', () => {
  it('parses without a single error and loads nothing: no script, no external resource, a CSP that forbids them', () => {
    const html = page([view({ name: '<script>alert(1)</script>', account: '<img src=x onerror=alert(1)>' })]);
    const { doc, errors } = readHtml(html);
    expect(errors).toEqual([]);
    const all = elements(doc);
    expect(all.filter((e) => ['script', 'img', 'link', 'iframe', 'object', 'embed', 'base', 'form'].includes(e.tagName))).toEqual([]);
    expect(all.flatMap((e) => e.attrs.map((a) => a.name)).filter((n) => /^on|^(src|href|action)$/.test(n))).toEqual([]);
    const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    expect(csp && attr(csp, 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const style = all.find((e) => e.tagName === 'style');
    expect(style && text(style)).toContain('@media print');
    expect(style && text(style)).not.toMatch(/url\(|@import/);
  });

  it('shows every text exactly as stored: markup, quotes, apostrophes, ampersands, unicode', () => {
    const tricky = `<script>alert("x")</script> & 'quotes' "too" ünïcødé 東京 🚀`;
    const v = view({ name: tricky, account: `${tricky} acct`, username: `${tricky} user`, scopes: ['a, b', tricky] });
    const { doc } = readHtml(page([v], null, `Title ${tricky}`));
    const [row] = htmlRows(doc);
    expect(row?.cells).toMatchObject({ name: tricky, account: `${tricky} acct`, username: `${tricky} user` });
    expect(row?.scopes).toEqual(['a, b', tricky]);
    const title = elements(doc).find((e) => e.tagName === 'title');
    expect(title && text(title)).toBe(`Title ${tricky}`);
    expect(text(elements(doc).find((e) => e.tagName === 'h1') as never)).toBe(`Title ${tricky}`);
  });

  it('has the columns a reader expects, with expiry as date and days left, and the last check', () => {
    const views = [
      view({ id: 'a'.repeat(32), expiresAt: '2026-12-01', status: 'expiring' }),
      view({ id: 'b'.repeat(32), expiresAt: '2026-11-23', status: 'expiring' }),
      view({ id: 'c'.repeat(32), expiresAt: '2026-11-20', status: 'expired', lastCheck: { at: '2026-11-01T12:00:00Z', result: 'invalid', reason: '401: Bad credentials' } }),
      view({ id: 'd'.repeat(32), expiresAt: null, lastCheck: null, status: 'unknown', username: null, scopes: [] }),
      view({ id: 'e'.repeat(32), expiresAt: null, neverExpires: true, expirySource: 'platform' }),
    ];
    const { doc } = readHtml(page(views));
    const headers = elements(doc).filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col').map(text);
    expect(headers.slice(0, 8)).toEqual(['Name', 'Platform', 'Account', 'Username', 'Scopes', 'Expires', 'Status', 'Last check']);
    const rows = htmlRows(doc);
    expect(rows.map((r) => [r.main['expires'], r.cells['expires']?.slice(r.main['expires']?.length)])).toEqual([
      ['2026-12-01', 'in 8 days'],
      ['2026-11-23', 'today'],
      ['2026-11-20', 'expired 3 days ago'],
      // No date known is not "never": only a platform that says so makes it never.
      ['not set', ''],
      ['never', ''],
    ]);
    expect(rows.map((r) => r.cells['status'])).toEqual(['Expiring soon', 'Expiring soon', 'Expired', 'Unknown', 'Active']);
    expect(rows.map((r) => r.main['last-check'])).toEqual(['active (owner octocat)', 'active (owner octocat)', 'invalid (401: Bad credentials)', 'never checked', 'active (owner octocat)']);
    expect(rows[0]?.cells['platform']).toBe('GitHub');
    expect(rows[3]?.cells).toMatchObject({ username: '—', scopes: '—' });
  });

  it('names a custom platform by the name the user gave it', () => {
    const { doc } = readHtml(page([view({ platform: 'custom', customPlatformId: 'p1', customPlatformName: 'Acme "Jira" <cloud>' }), view({ platform: 'custom' })]));
    expect(htmlRows(doc).map((r) => r.cells['platform'])).toEqual(['Acme "Jira" <cloud>', 'Custom platform']);
  });

  it('counts tokens by status', () => {
    const views = [view({ status: 'active' }), view({ status: 'active' }), view({ status: 'revoked' })];
    const { doc } = readHtml(page(views));
    const counts = Object.fromEntries(
      elements(doc)
        .filter((e) => e.tagName === 'tr' && attr(e, 'data-status') !== undefined)
        .map((tr) => [attr(tr, 'data-status'), Number(text(elements(tr).find((e) => e.tagName === 'td') as never))]),
    );
    expect(counts).toEqual({ active: 2, expiring: 0, expired: 0, revoked: 1, invalid: 0, unknown: 0 });
  });

  it('puts one table per client, clients alphabetically, tokens without a client last', () => {
    const views = [view({ id: '1', client: null }), view({ id: '2', client: 'zeta' }), view({ id: '3', client: 'Alpha' }), view({ id: '4', client: 'zeta' })];
    const { doc } = readHtml(page(views));
    const rows = htmlRows(doc);
    expect(rows.map((r) => [r.client, r.id])).toEqual([['Alpha', '3'], ['zeta', '2'], ['zeta', '4'], ['No client', '1']]);
    expect(elements(doc).filter((e) => e.tagName === 'table' && attr(e, 'class') !== 'counts')).toHaveLength(3);
  });

  it('names the client, the date and the count at the top of a client export', () => {
    const { doc } = readHtml(page([view()], 'Acme'));
    const meta = elements(doc).find((e) => e.tagName === 'p' && attr(e, 'class') === 'meta');
    expect(meta && text(meta)).toBe('Generated 2026-11-23 10:00 UTC · Client: Acme · 1 token');
  });
});
