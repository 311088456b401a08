/**
 * `.env` syntax → variables, with no meaning attached (that is env-file.ts). The dialect is the
 * common ground of dotenv, docker compose and python-dotenv:
 *
 *   KEY=value              unquoted; a ` #` (space or tab before #) starts a comment; trimmed
 *   export KEY=value       the shell prefix is ignored
 *   KEY = value            spaces around `=` are allowed
 *   KEY='literal'          single quotes (and backticks): taken as written, may span lines
 *   KEY="a\nb \"c\" \\"    double quotes: \n \r \t \" \\ escapes, may span lines
 *   # comment, blank lines ignored; CRLF, CR and LF line ends; a BOM is removed before we get here
 *
 * No `${VAR}` expansion: an import stores what the file says. A bad line is reported and
 * parsing goes on; only a quote that is never closed stops it, since everything after it
 * would be read wrongly.
 */
import { AppError } from '../../../shared/errors';
import { looksLikeSecret } from './redact';

/** A variable read from the file. */
export interface EnvVariable {
  readonly kind: 'variable';
  /** 1-based line where the variable starts. */
  readonly line: number;
  readonly key: string;
  readonly value: string;
}

/** A line that is not a variable. `label` is the text before `=`, or '' when there is none. */
export interface EnvProblem {
  readonly kind: 'problem';
  readonly line: number;
  readonly label: string;
  readonly reason: string;
}

export type EnvEntry = EnvVariable | EnvProblem;

/** Names a shell (and dotenv) accepts, plus the dots and dashes some tools allow. */
const KEY_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const EXPORT_RE = /^export[ \t]+/;
const DOUBLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Every variable and problem line of a `.env` text, in file order. */
export function readEnvEntries(text: string): EnvEntry[] {
  // One line-end style from here on, so positions map to lines by counting \n.
  const src = text.replace(/\r\n?/g, '\n');
  const out: EnvEntry[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const end = lineEnd(src, pos);
    const entry = readStatement(src, pos, end, line);
    const next = entry.next;
    if (entry.result !== null) out.push(entry.result);
    line += countNewlines(src, pos, next);
    pos = next;
  }
  return out;
}

/**
 * The statement on the line [start, end): nothing (blank, comment), a variable or a problem,
 * and where the next statement starts (after the last line a quoted value ran over).
 */
function readStatement(src: string, start: number, end: number, line: number): { result: EnvEntry | null; next: number } {
  const raw = src.slice(start, end);
  const next = end + 1;
  const body = raw.trim();
  if (body === '' || body.startsWith('#')) return { result: null, next };

  const stmt = body.replace(EXPORT_RE, '');
  const eq = stmt.indexOf('=');
  if (eq < 0) return { result: { kind: 'problem', line, label: '', reason: "not a KEY=value line (no '=')" }, next };
  const key = stmt.slice(0, eq).trim();
  if (!KEY_RE.test(key)) {
    const reason = 'invalid variable name (a letter or _ first, then letters, digits, _ . or -)';
    return { result: { kind: 'problem', line, label: key, reason }, next };
  }

  const rest = stmt.slice(eq + 1).replace(/^[ \t]+/, '');
  const quote = rest[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    return { result: { kind: 'variable', line, key, value: stripInlineComment(rest).trim() }, next };
  }
  // Keys hold no '=' and no quotes: the first quote after the first '=' opens the value.
  const openAt = start + raw.indexOf(quote, raw.indexOf('='));
  const closed = readQuoted(src, openAt + 1, quote);
  if (closed === null) {
    const kind = quote === '"' ? 'double' : quote === "'" ? 'single' : 'backtick';
    // A key is a name, but a garbled line might make a token the key: never echo one.
    const which = looksLikeSecret(key) ? 'this variable' : key;
    throw new AppError('BAD_INPUT', `Line ${line}: the ${kind}-quoted value of ${which} is never closed (missing ${quote}).`);
  }
  // What follows the closing quote on its line may only be a comment.
  const tailEnd = lineEnd(src, closed.next);
  const tail = src.slice(closed.next, tailEnd).trim();
  const after = tailEnd + 1;
  if (tail !== '' && !tail.startsWith('#')) {
    return { result: { kind: 'problem', line, label: key, reason: 'unexpected text after the closing quote' }, next: after };
  }
  return { result: { kind: 'variable', line, key, value: closed.value }, next: after };
}

/** Index of the \n ending the line that starts at `pos` (or the text's length). */
function lineEnd(src: string, pos: number): number {
  const i = src.indexOf('\n', pos);
  return i < 0 ? src.length : i;
}

function countNewlines(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

/** An unquoted value up to ` #`: a `#` glued to the value (URL fragments, `a#b`) stays. */
function stripInlineComment(value: string): string {
  const m = /[ \t]#/.exec(value);
  return m ? value.slice(0, m.index) : value;
}

/** The value of a quoted string starting at `from` (just after the opening quote), and where it ends; null when never closed. */
function readQuoted(src: string, from: number, quote: string): { value: string; next: number } | null {
  if (quote !== '"') {
    const close = src.indexOf(quote, from);
    return close < 0 ? null : { value: src.slice(from, close), next: close + 1 };
  }
  let value = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '"') return { value, next: i + 1 };
    if (c === '\\' && i + 1 < src.length) {
      const n = src[i + 1] as string;
      const mapped = DOUBLE_ESCAPES[n];
      // Unknown escapes stay as written (backslash included), as dotenv does.
      value += mapped ?? `\\${n}`;
      i++;
      continue;
    }
    value += c;
  }
  return null;
}
