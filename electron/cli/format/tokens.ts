/**
 * How tokens are shown: the JSON shape scripts rely on (a promise: fields are only ever
 * added; defined in core/reports), the list table, and the `show` page. A token's value
 * never appears here; notes appear only in `show`.
 */
import type { AuditEntry, TokenView } from '../../../shared/domain/token';
import { platformName } from './platforms';
import { expirySourceText, shortTimestamp, viewExpiry } from './relative-date';
import { renderTable } from './table';
import { YWH_ACCESS_LABEL, YWH_ROLE_LABEL, YWH_SCOPE_LABEL } from '../../../shared/domain/yeswehack';

/** The JSON shape lives with the exports (core/reports), so the app and the CLI print the same objects. */
export { tokenJson, type TokenJson } from '../../core/reports/token-json';

/** Short id shown in tables; any unique prefix is accepted back. */
export const shortId = (id: string): string => id.slice(0, 8);

/** A token named in a question or a line of output: `3f9a1c2b "CI deploy" (GitHub / acme)`. */
export const describeToken = (t: Pick<TokenView, 'id' | 'name' | 'platform' | 'account'>): string =>
  `${shortId(t.id)} "${t.name}" (${platformName(t.platform)} / ${t.account})`;

/** What `add` says when the value replaced a user's token (one token per user: iObeya). */
export function replacedNotice(v: Pick<TokenView, 'id' | 'name'>): string {
  return `replaced the value of token "${v.name}" (${shortId(v.id)}): one token per user; the old value is kept in \`patvault history ${shortId(v.id)}\``;
}

/** The aligned table of `list` and `search`. */
export function tokenTable(views: readonly TokenView[], now: Date = new Date()): string {
  return renderTable(
    [
      { header: 'ID' },
      { header: 'PLATFORM' },
      { header: 'ACCOUNT', max: 30 },
      { header: 'CLIENT', max: 24 },
      { header: 'NAME', max: 40 },
      { header: 'EXPIRES' },
      { header: 'STATUS' },
    ],
    views.map((v) => [shortId(v.id), v.platform, v.account, v.client ?? '-', v.name, viewExpiry(v, now), v.status]),
  );
}

/** Terminal-safe text: control characters other than newline and tab become "?". */
const printable = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');

/** A `show` row when there is something to say. */
const optionalRow = (label: string, value: string | null): [string, string][] => (value === null ? [] : [[label, value]]);

/** The human page of `show`: one "label: value" line per field, notes indented last. */
export function tokenPage(v: TokenView, notes: string, now: Date = new Date()): string {
  const check = v.lastCheck
    ? `${v.lastCheck.result} (${shortTimestamp(v.lastCheck.at)}${v.lastCheck.reason ? `: ${v.lastCheck.reason}` : ''})`
    : 'never';
  const rows: [string, string][] = [
    ['id', v.id],
    ['name', v.name],
    ['platform', `${v.platform} (${v.customPlatformName ?? (v.platform === 'custom' ? 'no custom platform assigned' : platformName(v.platform))})`],
    ['account', v.account],
    ['client', v.client ?? '-'],
    ['username', v.username ?? '-'],
    ['base URL', v.baseUrl ?? '-'],
    ...(v.programSlug !== null ? [['program', v.programSlug] as [string, string]] : []),
    ...(v.platformTokenId !== null ? [['platform token id', v.platformTokenId] as [string, string]] : []),
    ...optionalRow('YesWeHack role', v.ywhRole === null ? null : YWH_ROLE_LABEL[v.ywhRole]),
    ...optionalRow('YesWeHack scope', v.ywhScope === null ? null : YWH_SCOPE_LABEL[v.ywhScope]),
    ...optionalRow('access type', v.ywhAccess === null ? null : YWH_ACCESS_LABEL[v.ywhAccess]),
    ['scopes', v.scopes.length > 0 ? v.scopes.join(', ') : '-'],
    ['expires', viewExpiry(v, now)],
    ...optionalRow('expiry', expirySourceText(v)),
    ...optionalRow('entered expiry', v.expirySource !== 'user' && v.enteredExpiresAt !== null ? v.enteredExpiresAt : null),
    ...(v.reminderDays !== null ? [['reminders', v.reminderDays.length === 0 ? 'none' : v.reminderDays.map((d) => `${d} d`).join(', ')] as [string, string]] : []),
    ['status', v.status],
    ['last check', check],
    ...optionalRow('last used', v.lastUsedAt === null ? null : shortTimestamp(v.lastUsedAt)),
    ...optionalRow('ROTATION', v.rotationUnconfirmed === null ? null : `UNCONFIRMED since ${shortTimestamp(v.rotationUnconfirmed.at)}: ${v.rotationUnconfirmed.reason}`),
    ['created', shortTimestamp(v.createdAt)],
    ['updated', shortTimestamp(v.updatedAt)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  const lines = rows.map(([k, val]) => `${`${k}:`.padEnd(width)}  ${printable(val)}`);
  lines.push(notes === '' ? `${'notes:'.padEnd(width)}  -` : 'notes:');
  if (notes !== '') for (const l of notes.split(/\r?\n/)) lines.push(`  ${printable(l)}`);
  return `${lines.join('\n')}\n`;
}

/** The table of `log`. */
export function auditTable(entries: readonly AuditEntry[]): string {
  return renderTable(
    [{ header: 'SEQ' }, { header: 'TIME' }, { header: 'ACTION' }, { header: 'TOKEN' }, { header: 'DETAIL', max: 60 }],
    entries.map((e) => [String(e.seq), shortTimestamp(e.at), e.action, e.tokenId ? shortId(e.tokenId) : '-', e.detail ?? '']),
  );
}

/** What a check said about a token in a few words: the reason, else the owner, else "-". */
export function checkDetail(v: TokenView): string {
  const c = v.lastCheck;
  if (c === null) return '-';
  if (c.reason) return c.owner ? `${c.reason} (owner ${c.owner})` : c.reason;
  return c.owner ? `owner ${c.owner}` : '-';
}

/** The table of `check`: each token with the status its check left and why. */
export function checkTable(views: readonly TokenView[], now: Date = new Date()): string {
  return renderTable(
    [
      { header: 'ID' },
      { header: 'PLATFORM' },
      { header: 'ACCOUNT', max: 30 },
      { header: 'NAME', max: 40 },
      { header: 'STATUS' },
      { header: 'REASON / OWNER', max: 60 },
      { header: 'EXPIRES' },
    ],
    views.map((v) => [shortId(v.id), v.platform, v.account, v.name, v.status, checkDetail(v), viewExpiry(v, now)]),
  );
}
