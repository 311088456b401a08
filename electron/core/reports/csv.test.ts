/** The CSV export: the CLI's columns and quoting, read back exactly by a real CSV parser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvInventory } from './csv';
import { readCsv, view } from './test-support';

const LEGACY_COLUMNS = [
  'id', 'platform', 'account', 'client', 'username', 'baseUrl', 'name', 'scopes',
  'expiresAt', 'status', 'createdAt', 'updatedAt', 'lastCheckAt', 'lastCheckResult',
];

/** Any text, with the characters CSV must quote drawn often enough to meet each other. */
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '東', '🚀') }));

describe('CSV', () => {
  it('keeps the CLI columns, in order (scripts read them by position)', () => {
    expect(CSV_COLUMNS.slice(0, LEGACY_COLUMNS.length)).toEqual(LEGACY_COLUMNS);
    expect(readCsv(csvInventory([]))).toEqual([[...LEGACY_COLUMNS, 'expiry', 'expirySource', 'lastUsedAt', 'ywhRole', 'ywhScope', 'ywhAccess']]);
  });

  it('writes one record per token with every field as stored; null is an empty field', () => {
    const v = view({ client: null, username: null, baseUrl: 'https://gitlab.example.com', lastCheck: null, expiresAt: null });
    const [, row] = readCsv(csvInventory([v]));
    expect(row).toEqual([v.id, 'github', 'octocat', '', '', 'https://gitlab.example.com', 'CI deploy', 'repo read:org', '', 'active', v.createdAt, v.updatedAt, '', '', '', '', '', '', '', '']);
    const [, checked] = readCsv(csvInventory([view()]));
    expect(checked?.slice(12, 14)).toEqual(['2026-11-20T08:30:00.000Z', 'active']);
    // The appended columns: the expiry at its precision, where it came from, when last used.
    const reported = view({ expiresAt: '2026-11-30', expiry: '2026-12-01T00:00:00.000Z', expirySource: 'platform', lastUsedAt: '2026-11-20T09:00:00.000Z' });
    expect(readCsv(csvInventory([reported]))[1]?.slice(14, 17)).toEqual(['2026-12-01T00:00:00.000Z', 'platform', '2026-11-20T09:00:00.000Z']);
    expect(readCsv(csvInventory([view({ expiresAt: null, neverExpires: true, expirySource: 'platform' })]))[1]?.slice(14, 17)).toEqual(['never', 'platform', '']);
    const ywh = view({ platform: 'yeswehack', ywhRole: 'program-manager', ywhScope: 'program', ywhAccess: 'read' });
    expect(readCsv(csvInventory([ywh]))[1]?.slice(-3)).toEqual(['program-manager', 'program', 'read']);
  });

  it('is RFC 4180: CRLF after every record, quoted only when needed, quotes doubled, formulas untouched', () => {
    const v = view({ account: 'a,b', name: 'say "hi"', client: '=SUM(A1)', username: ' padded ' });
    const text = csvInventory([v]);
    expect(text.split('\r\n')).toHaveLength(3); // header, record, and the empty string after the last CRLF
    expect(text).toContain(`,"a,b",=SUM(A1), padded ,,"say ""hi""",`);
  });

  it('round-trips quotes, commas, line breaks, unicode and markup exactly', () => {
    const tricky = ['Client, "Inc."', 'two\nlines', 'cr\ronly', 'crlf\r\nhere', 'ünïcødé 東京 🚀', '<script>alert(1)</script>', 'x'.repeat(500)];
    const views = tricky.map((s, i) => view({ id: `id${i}`, name: s, account: s, client: s }));
    const rows = readCsv(csvInventory(views)).slice(1);
    expect(rows.map((r) => [r[2], r[3], r[6]])).toEqual(tricky.map((s) => [s, s, s]));
  });

  it('round-trips any text in any field', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 3, maxLength: 3 }), ([name, account, client]) => {
        const rows = readCsv(csvInventory([view({ name: name as string, account: account as string, client: client as string })]));
        expect([rows[1]?.[6], rows[1]?.[2], rows[1]?.[3]]).toEqual([name, account, client]);
      }),
    );
  });
});
