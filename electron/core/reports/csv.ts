/**
 * The CSV export, as `patvault export --format csv` has always written it: RFC 4180 (CRLF
 * after every record, a field quoted only when it holds a quote, comma, CR or LF, quotes
 * doubled), the columns below in this order. Columns may be appended, never moved or renamed:
 * scripts read them by position.
 *
 * Fields are written exactly as stored, with no spreadsheet "formula" escaping: prefixing
 * "=" or "+" would change the data, and the export is the user's own inventory.
 */
import { stringify } from 'csv-stringify/sync';
import type { TokenView } from '../../../shared/domain/token';

/** Each column and how it is read from a view: the allow-list, so a new view field never appears by itself. */
const COLUMNS: readonly (readonly [header: string, field: (v: TokenView) => string | null])[] = [
  ['id', (v) => v.id],
  ['platform', (v) => v.platform],
  ['account', (v) => v.account],
  ['client', (v) => v.client],
  ['username', (v) => v.username],
  ['baseUrl', (v) => v.baseUrl],
  ['name', (v) => v.name],
  // Space-separated, like OAuth scope strings.
  ['scopes', (v) => v.scopes.join(' ')],
  ['expiresAt', (v) => v.expiresAt],
  ['status', (v) => v.status],
  ['createdAt', (v) => v.createdAt],
  ['updatedAt', (v) => v.updatedAt],
  ['lastCheckAt', (v) => v.lastCheck?.at ?? null],
  ['lastCheckResult', (v) => v.lastCheck?.result ?? null],
  // Appended: the expiry at its own precision (a day, or the instant a platform reported) and where it came from.
  ['expiry', (v) => v.expiry ?? (v.neverExpires ? 'never' : null)],
  ['expirySource', (v) => v.expirySource],
  ['lastUsedAt', (v) => v.lastUsedAt],
  // Appended: what a YesWeHack PAT was made with (ids, as the CLI's --ywh-* options take them).
  ['ywhRole', (v) => v.ywhRole],
  ['ywhScope', (v) => v.ywhScope],
  ['ywhAccess', (v) => v.ywhAccess],
];

/** The header row. */
export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([header]) => header);

/** The whole document: header, then one record per token. */
export function csvInventory(views: readonly TokenView[]): string {
  const rows = views.map((v) => COLUMNS.map(([, field]) => field(v) ?? ''));
  return stringify([CSV_COLUMNS, ...rows], {
    record_delimiter: 'windows',
    // With a custom record delimiter csv-stringify would quote only fields holding "\r\n"; a
    // lone "\n" or "\r" must be quoted too or a reader splits the record there.
    quote_record_delimiter: true,
    escape_formulas: false,
    bom: false,
    eof: true,
  });
}
