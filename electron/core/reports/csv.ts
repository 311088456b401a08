/**
 * The CSV export, as `patvault export --format csv` has always written it: RFC 4180 (CRLF
 * after every record, a field quoted only when it holds a quote, comma, CR or LF, quotes
 * doubled), the columns shared/domain/token-view.ts places. Columns may be appended, never moved or renamed:
 * scripts read them by position.
 *
 * Fields are written exactly as stored, with no spreadsheet "formula" escaping: prefixing
 * "=" or "+" would change the data, and the export is the user's own inventory.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_FIELDS, type TokenView } from '../../../shared/domain/token-view';

/** The header row (shared/domain/token-view.ts gives each field's columns and their positions). */
export const CSV_COLUMNS: readonly string[] = CSV_FIELDS.map(([, c]) => c.header);

/** One cell: the column's own text, else the field's value as it is (an empty cell for null). */
function cell(v: TokenView, [key, c]: (typeof CSV_FIELDS)[number]): string {
  const value = v[key] as never;
  const text = c.text ? c.text(value, v) : (value as string | null);
  return text ?? '';
}

/** The whole document: header, then one record per token. */
export function csvInventory(views: readonly TokenView[]): string {
  const rows = views.map((v) => CSV_FIELDS.map((f) => cell(v, f)));
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
