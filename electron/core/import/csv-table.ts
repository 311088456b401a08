/**
 * CSV text → header and rows (csv-parse), with the line each row starts on. Shared by the
 * generic CSV and the KeePassXC parsers; knows nothing about tokens except that a header row
 * must not be one.
 *
 * Cells are kept exactly as written (quotes, commas, newlines, Unicode); only header names
 * are trimmed. csv-parse's own error messages quote the text around the fault, which may be a
 * token, so they are never shown: each error code gets a message of our own.
 */
import { Buffer } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError, toAppError } from '../../../shared/errors';
import { prepareImportText } from './import-text';
import { looksLikeSecret } from './redact';

/** Field separators we accept: what spreadsheets write in the locales users have. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One data row: the line it starts on (1-based, counting the header) and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV file. */
export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Header names, trimmed. */
  readonly headers: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

/** Options of the CSV readers. */
export interface CsvReadOptions {
  /** Field separator; detected from the header line when absent. */
  readonly delimiter?: CsvDelimiter | undefined;
  /** Names the file in messages ("CSV file", "KeePassXC export"). */
  readonly what?: string | undefined;
}

/** The delimiter the header line uses most (outside quotes); ',' when it has none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** The header names of a CSV file (trimmed), for the column-mapping step. Reads only the header row. */
export function csvHeaders(text: string, options: CsvReadOptions = {}): string[] {
  return [...readTable(text, options, true).headers];
}

/** Reads a whole CSV file. Throws BAD_INPUT when it is not valid CSV or has no header row. */
export function readCsvTable(text: string, options: CsvReadOptions = {}): CsvTable {
  return readTable(text, options, false);
}

function readTable(text: string, options: CsvReadOptions, headerOnly: boolean): CsvTable {
  const what = options.what ?? 'CSV file';
  const body = prepareImportText(text, what);
  const delimiter = options.delimiter ?? detectDelimiter(body);
  if (!(CSV_DELIMITERS as readonly string[]).includes(delimiter)) {
    throw new AppError('BAD_INPUT', 'The CSV delimiter must be a comma, a semicolon or a tab.');
  }
  // csv-parse reports positions in UTF-8 bytes: index lines the same way.
  const bytes = Buffer.from(body, 'utf8');
  const lines = new LineIndex(bytes);
  // End offset of each record, in step with the records: a record starts where the previous one ended.
  const ends: number[] = [];
  let cells: string[][];
  try {
    cells = parse(bytes, {
      delimiter,
      // Listed explicitly: auto-detection fixes one style from the first line, and files edited on two systems mix them.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      ...(headerOnly ? { to: 1 } : {}),
      on_record: (record, ctx) => {
        ends.push(ctx.bytes);
        return record;
      },
    });
  } catch (e) {
    throw csvFailure(e, lines.lineAt(lines.skipBlank(ends.at(-1) ?? 0)), what);
  }
  const records = cells.map((c, i) => ({ cells: c, start: i === 0 ? 0 : (ends[i - 1] ?? 0) }));

  const [head, ...rest] = records;
  if (head === undefined) throw new AppError('BAD_INPUT', `The ${what} is empty.`);
  const headerLine = lines.lineAt(lines.skipBlank(head.start));
  const headers = head.cells.map((h) => h.trim());
  if (headers.every((h) => h === '')) throw new AppError('BAD_INPUT', `Line ${headerLine}: the header row of the ${what} is empty.`);
  if (headers.some(looksLikeSecret)) {
    throw new AppError(
      'BAD_INPUT',
      `Line ${headerLine}: the first row holds a value shaped like a token, so it is data, not a header row. Add a header row naming the columns.`,
    );
  }
  const rows = rest
    // Spreadsheets append rows of empty cells; they are not entries.
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ line: lines.lineAt(lines.skipBlank(r.start)), cells: r.cells }));
  return { delimiter, headers, headerLine, rows };
}

/** Our message for a csv-parse error: the line and what to fix, never the text around it. */
function csvFailure(e: unknown, line: number, what: string): AppError {
  // Anything else is our bug, not the file's: INTERNAL, with a message that cannot carry content.
  if (!(e instanceof CsvError)) return toAppError(e);
  const where = `Line ${line}`;
  switch (e.code as string) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new AppError('BAD_INPUT', `${where}: a quoted field is never closed (unterminated "), so the rest of the ${what} cannot be read.`);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new AppError('BAD_INPUT', `${where}: text follows a closing quote in this row (a " inside a quoted field must be written "").`);
    case 'INVALID_OPENING_QUOTE':
      return new AppError('BAD_INPUT', `${where}: a " appears inside an unquoted field in this row (quote the whole field and write the " as "").`);
    case 'CSV_MAX_RECORD_SIZE':
      return new AppError('BAD_INPUT', `${where}: this row is too long to be one entry (is the delimiter right?).`);
    default:
      return new AppError('BAD_INPUT', `${where}: the ${what} is not valid CSV.`);
  }
}

/** Byte offset → 1-based line, for a UTF-8 buffer with \n, \r\n or \r line ends. */
class LineIndex {
  /** Offsets where each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** First offset at or after `offset` that is not a line end (blank lines csv-parse skipped). */
  skipBlank(offset: number): number {
    let i = offset;
    while (i < this.bytes.length && (this.bytes[i] === 0x0a || this.bytes[i] === 0x0d)) i++;
    return i;
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
