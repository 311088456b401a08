/**
 * Keeping token values out of labels, reasons and error messages. The parsers already build
 * their messages from fixed text, column names and line numbers; these checks are the second
 * line of defence for text that comes from the file itself (a header that is really a data
 * row, a title that repeats the value).
 */
import { JWT_PATTERN, TOKEN_SHAPES } from '../../../shared/domain/detect-patterns';

/** Values shorter than this are not secrets worth hiding, and would match innocent text. */
const MIN_SECRET_CHARS = 4;
const QUOTE_MAX_CHARS = 60;

/** True when `text` contains `value` (trimmed), for values long enough to matter. */
function mentions(text: string, value: string | undefined): boolean {
  const v = value?.trim() ?? '';
  return v.length >= MIN_SECRET_CHARS && text.includes(v);
}

/** `reason`, or a generic one when it would repeat the value. */
export function scrub(reason: string, value: string | undefined): string {
  return mentions(reason, value) ? 'the row is invalid (the details would show its value)' : reason;
}

/** The token formats, unanchored: a token glued to other text ("Titleghp_…") is still found. */
const EMBEDDED_SHAPES: readonly RegExp[] = [...TOKEN_SHAPES.map((t) => t.re), JWT_PATTERN].map(
  (re) => new RegExp(re.source.replace(/^\^/, '').replace(/\$$/, '')),
);

/** True when `text` contains something with a known token format anywhere in it. */
function containsTokenShape(text: string): boolean {
  return EMBEDDED_SHAPES.some((re) => re.test(text));
}

/**
 * A long unbroken run at least a quarter digits: how undocumented formats look (Jelastic's 40
 * hex digits), and how names rarely do ("AWS_SECRET_ACCESS_KEY_20240101_PROD" stays a name).
 */
function isRandomLooking(word: string): boolean {
  const digits = word.match(/\d/g)?.length ?? 0;
  return word.length >= 32 && digits >= 6 && digits * 4 >= word.length;
}

/**
 * True when `text` looks like a secret rather than a name: it contains a known token format or
 * a random-looking run. Used wherever file text that should be a name (a header, a platform
 * cell, a key, a title) is echoed back.
 */
export function looksLikeSecret(text: string): boolean {
  // Runs of the characters tokens are made of, so "x:<token>" or "'<token>'" are still seen.
  return containsTokenShape(text) || text.split(/[^\w.|-]+/).some(isRandomLooking);
}

/** A row label (key, title, name), or '' when it would repeat the value or looks like a secret itself. */
export function safeLabel(label: string, value: string | undefined): string {
  const one = label.trim();
  return mentions(one, value) || looksLikeSecret(one) ? '' : one;
}

/**
 * File text quoted for a message ('Jira', 'Expires at'): trimmed, shortened, with control
 * characters shown as spaces; replaced by a neutral phrase when it looks like a secret.
 */
export function quoted(text: string): string {
  const one = text.trim().replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (looksLikeSecret(one)) return '(a value shaped like a token)';
  const chars = [...one];
  return `'${chars.length > QUOTE_MAX_CHARS ? `${chars.slice(0, QUOTE_MAX_CHARS).join('')}…` : one}'`;
}
