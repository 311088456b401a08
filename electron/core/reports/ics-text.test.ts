/** RFC 5545 text escaping and folding: what makes a calendar app read back exactly what we wrote. */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsNextDate, icsUtc } from './ics-text';

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A one-property calendar holding `value` as SUMMARY, read back by ical.js. */
function roundTrip(value: string): string {
  const ics = ['BEGIN:VCALENDAR\r\n', 'VERSION:2.0\r\n', 'PRODID:test\r\n', 'BEGIN:VEVENT\r\n', foldLine(`SUMMARY:${escapeText(value)}`), 'END:VEVENT\r\n', 'END:VCALENDAR\r\n'].join('');
  const cal = new ICAL.Component(ICAL.parse(ics));
  return String(cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary'));
}

describe('TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and line breaks as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\tkept, colon: kept')).toBe('tab\tkept\\, colon: kept');
  });

  it('round-trips through ical.js exactly (line breaks come back as \\n)', () => {
    for (const s of ['Client, "Inc."; ltd \\ co', 'two\nlines', 'ünïcødé 東京 🚀', '<script>alert(1)</script>', 'x'.repeat(300)]) {
      expect(roundTrip(s)).toBe(s);
    }
    expect(roundTrip('crlf\r\nhere')).toBe('crlf\nhere');
  });

  it('round-trips any printable text', () => {
    const printable = fc.string({ unit: 'grapheme', maxLength: 120 }).map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\r]/g, ''));
    fc.assert(
      fc.property(printable, (s) => {
        expect(roundTrip(s)).toBe(s);
      }),
    );
  });
});

describe('folding', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a continuation line', () => {
    expect(foldLine('a'.repeat(75))).toBe(`${'a'.repeat(75)}\r\n`);
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a\r\n`);
  });

  it('counts octets, not characters, and never cuts inside a multi-byte character', () => {
    // 74 ASCII octets, then a 3-octet character that would end at octet 77: it moves down whole.
    expect(foldLine(`${'a'.repeat(74)}東`)).toBe(`${'a'.repeat(74)}\r\n 東\r\n`);
    expect(foldLine(`${'a'.repeat(72)}東`)).toBe(`${'a'.repeat(72)}東\r\n`);
    expect(foldLine(`${'a'.repeat(73)}🚀`)).toBe(`${'a'.repeat(73)}\r\n 🚀\r\n`);
  });

  it('every physical line is at most 75 octets of whole characters, and unfolding restores the line', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '東', '🚀', ',', '\\', ' '), maxLength: 400 });
    fc.assert(
      fc.property(line, (l) => {
        const folded = foldLine(`SUMMARY:${l}`);
        const physical = folded.slice(0, -2).split('\r\n');
        for (const p of physical) {
          expect(octets(p)).toBeLessThanOrEqual(75);
          expect(p).not.toMatch(LONE_SURROGATE);
        }
        physical.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true));
        expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${l}\r\n`);
      }),
    );
  });
});

describe('dates', () => {
  it('ends an all-day event the next day, across month, year and leap-day ends', () => {
    expect(icsNextDate('2027-03-04')).toBe('20270305');
    expect(icsNextDate('2026-12-31')).toBe('20270101');
    expect(icsNextDate('2028-02-28')).toBe('20280229');
    expect(icsNextDate('2027-02-28')).toBe('20270301');
  });

  it('writes DTSTAMP in UTC', () => {
    expect(icsUtc(new Date('2026-11-23T23:30:05.123+02:00'))).toBe('20261123T213005Z');
  });
});
