/**
 * The printable inventory: one self-contained HTML page (inline CSS, no script, nothing
 * loaded from anywhere, a CSP that forbids all of it) a consultant can print or hand to a
 * client. Every piece of text goes through `escapeHtml`, attributes included.
 */
import { TOKEN_STATUSES } from '../../../shared/domain/status';
import type { TokenView } from '../../../shared/domain/token';
import { STATUS_LABELS, daysLeftText, lastCheckText, platformLabel, utcMinute } from './labels';

/** What the page shows besides the tokens. */
export interface HtmlOptions {
  readonly now: Date;
  readonly title: string;
  /** The client the export was filtered on, as stored; null for everything. */
  readonly client: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for element content and quoted attributes. Control characters HTML does not
 * allow become U+FFFD, so the page parses without errors.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string).replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '\uFFFD');
}

const CSS = `
:root { color-scheme: light; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2rem; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
.meta { color: #57606a; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #d0d7de; overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #8c959f; font-weight: 600; }
td { white-space: pre-line; }
.scopes ul { margin: 0; padding: 0; list-style: none; }
.counts { width: auto; }
.counts td { text-align: right; }
.sub { display: block; color: #57606a; font-size: .9em; }
.status { font-weight: 600; }
.status-expired, .status-revoked, .status-invalid { color: #a40e26; }
.status-expiring { color: #7d4e00; }
.status-active { color: #116329; }
footer { margin-top: 2em; color: #57606a; font-size: .9em; }
@media print {
  body { margin: 0; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  section.client + section.client { break-before: page; }
  .status-expired, .status-revoked, .status-invalid, .status-expiring, .status-active { color: #000; }
}
`;

/** The whole page. */
export function htmlInventory(views: readonly TokenView[], o: HtmlOptions): string {
  const generated = utcMinute(o.now.toISOString());
  const meta = [`Generated ${generated}`, ...(o.client !== null ? [`Client: ${o.client}`] : []), `${views.length} ${plural(views.length, 'token')}`];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(o.title)}</h1>`,
    `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    statusCounts(views),
    ...groups(views, o.client).map(([client, members]) => clientSection(client, members, o.now)),
    '<footer>Names, scopes and dates only: this document holds no token values and no notes.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function statusCounts(views: readonly TokenView[]): string {
  const rows = TOKEN_STATUSES.map((s) => {
    const n = views.filter((v) => v.status === s).length;
    return `<tr data-status="${s}"><th scope="row">${escapeHtml(STATUS_LABELS[s])}</th><td>${n}</td></tr>`;
  });
  return ['<section class="summary">', '<h2>By status</h2>', '<table class="counts">', '<tbody>', ...rows, '</tbody>', '</table>', '</section>'].join('\n');
}

/**
 * Tokens by client, clients in alphabetical order and tokens without a client last; one group
 * when the export is for one client. Within a group the order given is kept (the vault's list order).
 */
function groups(views: readonly TokenView[], filtered: string | null): [string | null, TokenView[]][] {
  if (filtered !== null) return [[filtered, [...views]]];
  const byClient = new Map<string | null, TokenView[]>();
  for (const v of views) {
    const list = byClient.get(v.client);
    if (list) list.push(v);
    else byClient.set(v.client, [v]);
  }
  return [...byClient.entries()].sort(([a], [b]) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

const HEADERS = ['Name', 'Platform', 'Account', 'Username', 'Scopes', 'Expires', 'Status', 'Last check'];

function clientSection(client: string | null, views: readonly TokenView[], now: Date): string {
  const heading = client ?? 'No client';
  return [
    '<section class="client">',
    `<h2><span class="client-name">${escapeHtml(heading)}</span> <span class="meta">(${views.length} ${plural(views.length, 'token')})</span></h2>`,
    '<table>',
    `<thead><tr>${HEADERS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...views.map((v) => tokenRow(v, now)),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

/** One row, cells named by class so a reader (or a test) can find a field without counting columns. */
function tokenRow(v: TokenView, now: Date): string {
  const cell = (cls: string, text: string, sub?: string): string =>
    `<td class="${cls}">${escapeHtml(text)}${sub !== undefined ? `<span class="sub">${escapeHtml(sub)}</span>` : ''}</td>`;
  const cells = [
    cell('name', v.name),
    cell('platform', platformLabel(v)),
    cell('account', v.account),
    cell('username', v.username ?? '—'),
    // One scope per item: a scope may itself hold a comma.
    v.scopes.length > 0
      ? `<td class="scopes"><ul>${v.scopes.map((sc) => `<li>${escapeHtml(sc)}</li>`).join('')}</ul></td>`
      : cell('scopes', '—'),
    v.expiry === null || v.expiresAt === null ? cell('expires', v.neverExpires ? 'never' : 'not set') : cell('expires', v.expiresAt, daysLeftText(v.expiry, now)),
    `<td class="${escapeHtml(`status status-${v.status}`)}">${escapeHtml(STATUS_LABELS[v.status] ?? v.status)}</td>`,
    v.lastCheck === null ? cell('last-check', 'never checked') : cell('last-check', lastCheckText(v.lastCheck), utcMinute(v.lastCheck.at)),
  ];
  return `<tr data-token-id="${escapeHtml(v.id)}">${cells.join('')}</tr>`;
}
