/**
 * CSV as RFC 4180 says: CRLF between records, a field quoted when it holds a quote, comma,
 * CR or LF, and quotes inside doubled. Hand-written because this is all of it; a dependency
 * would be more code to trust than the few lines here.
 *
 * Fields are written exactly as stored, with no spreadsheet "formula" escaping: prefixing
 * "=" or "+" would change the data, and the export is the user's own inventory.
 */

/** One field, quoted when needed. `null` is an empty field. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole document: header row, then one record per row, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
