/**
 * The few RFC 5545 primitives the calendar export needs: TEXT escaping, content-line folding,
 * dates. Kept apart from what goes into the calendar so each can be tested on its own.
 */

/** Longest content line, in octets, not counting its CRLF (RFC 5545 §3.1). */
const MAX_LINE_OCTETS = 75;

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break (CRLF, LF
 * or CR) written as `\n`. Other control characters are not allowed in TEXT at all (only tab
 * is); they become U+FFFD rather than an invalid file.
 */
export function escapeText(s: string): string {
  return s
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '\uFFFD');
}

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD, 3 octets). */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * One content line folded at 75 octets: CRLF and a space before the octet that would pass
 * the limit. Counted in UTF-8 octets, as the RFC says, and cut only between code points, so
 * no multi-byte character is split across lines (some readers choke on half a character).
 * Returns the line with its final CRLF.
 */
export function foldLine(line: string): string {
  let out = '';
  let used = 0;
  for (const ch of line) {
    const n = utf8Octets(ch.codePointAt(0) as number);
    if (used + n > MAX_LINE_OCTETS) {
      out += '\r\n ';
      used = 1; // the leading space of a continuation line counts
    }
    out += ch;
    used += n;
  }
  return `${out}\r\n`;
}

/** `2027-03-04` → `20270304` (a DATE value). */
export function icsDate(day: string): string {
  return day.replaceAll('-', '');
}

/** The day after a YYYY-MM-DD day, as a DATE value (an all-day event ends the next day, exclusive). */
export function icsNextDate(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return icsDate(next.toISOString().slice(0, 10));
}

/** A moment as a UTC DATE-TIME value: `20261123T100000Z`. */
export function icsUtc(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** True for a YYYY-MM-DD that is a real calendar day. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}
