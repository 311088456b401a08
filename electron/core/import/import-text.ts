/**
 * The checks every import file passes before a parser sees it: a size limit, text rather than
 * binary, readable UTF-8, something in it. A file that fails is refused whole (BAD_INPUT), so
 * nothing is written from a file we could only half read.
 */
import { AppError } from '../../../shared/errors';

/** Largest import file accepted: far above a real token list, small enough to refuse a wrong file quickly. */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

const BOM = '\ufeff';

/** 1-based line of the character at `index`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \r\n counts once, a lone \r (old Mac files) counts as a break too.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Bytes read from disk → text. UTF-8 (with or without BOM) and UTF-16 with a BOM (what
 * Windows PowerShell 5 writes with `>`); anything else is refused with the line where the
 * first unreadable byte sits.
 */
export function decodeImportBytes(bytes: Uint8Array, what = 'file'): string {
  if (bytes.length > IMPORT_MAX_BYTES) throw tooLarge(what, bytes.length);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return prepareImportText(new TextDecoder('utf-16le').decode(bytes), what);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return prepareImportText(new TextDecoder('utf-16be').decode(bytes), what);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const nul = lossy.indexOf('\u0000');
    if (nul >= 0 && nul < lossy.indexOf('\ufffd')) throw binary(what, lineOfIndex(lossy, nul));
    throw new AppError(
      'BAD_INPUT',
      `The ${what} is not UTF-8 text (line ${lineOfIndex(lossy, lossy.indexOf('\ufffd'))}): save it as UTF-8 and import it again.`,
    );
  }
  return prepareImportText(text, what);
}

/**
 * Text of an import file → the same text without its BOM, after the checks every format
 * shares. `what` names the file kind in messages (".env file", "CSV file").
 */
export function prepareImportText(text: string, what = 'file'): string {
  if (typeof text !== 'string') throw new AppError('BAD_INPUT', `The ${what} must be given as text.`);
  // UTF-8 is at most 3 bytes per UTF-16 unit: skip the exact count while clearly small.
  if (text.length * 3 > IMPORT_MAX_BYTES) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > IMPORT_MAX_BYTES) throw tooLarge(what, bytes);
  }
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') throw new AppError('BAD_INPUT', `The ${what} is empty.`);
  const nul = body.indexOf('\u0000');
  if (nul >= 0) throw binary(what, lineOfIndex(body, nul));
  // U+FFFD is what a lenient decoder leaves for bytes it could not read: the text is already damaged.
  const bad = body.search(/\ufffd|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  if (bad >= 0) {
    throw new AppError(
      'BAD_INPUT',
      `The ${what} has unreadable characters at line ${lineOfIndex(body, bad)}: it was not read as UTF-8. Save it as UTF-8 and import it again.`,
    );
  }
  return body;
}

function tooLarge(what: string, bytes: number): AppError {
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return new AppError('BAD_INPUT', `The ${what} is too large (${mib(bytes)} MiB; at most ${mib(IMPORT_MAX_BYTES)} MiB).`);
}

function binary(what: string, line: number): AppError {
  return new AppError(
    'BAD_INPUT',
    `The ${what} contains NUL bytes (line ${line}): it looks like a binary file or UTF-16 text without a BOM, not a text export.`,
  );
}
