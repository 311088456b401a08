/** Pure helpers of the CLI: CSV quoting, relative dates, tables, the default vault path. */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './format/csv';
import { daysUntil } from '../../shared/domain/expiry';
import { describeExpiry } from './format/relative-date';
import { renderTable, truncate } from './format/table';
import { defaultVaultPath, resolveVaultPath } from './vault-path';
import { parseCsv } from './test-support';

describe('csv', () => {
  it('quotes only when needed and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe(' padded ');
  });

  it('round-trips tricky fields through an independent parser', () => {
    const rows = [
      ['1', 'a,b', '"quoted"', 'multi\nline\r\nfield', ''],
      ['2', '東京 🚀', '', '=SUM(A1)', ',"\n'],
    ];
    const text = toCsv(['id', 'x', 'y', 'z', 'w'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['id', 'x', 'y', 'z', 'w'], ...rows]);
  });
});

describe('relative dates', () => {
  const now = new Date('2026-11-23T22:00:00Z');
  it('counts calendar days in the zone given (the shared status function)', () => {
    expect(daysUntil('2026-12-01', now, 'UTC')).toBe(8);
    expect(daysUntil('2026-11-23', now, 'UTC')).toBe(0);
    expect(daysUntil('2026-11-20', now, 'UTC')).toBe(-3);
    // 07:00 on the 24th in Tokyo: one day less everywhere.
    expect(daysUntil('2026-12-01', now, 'Asia/Tokyo')).toBe(7);
    expect(describeExpiry('2026-11-23', now, 'Asia/Tokyo')).toBe('expired yesterday');
  });
  it('describes expiry like the issue says', () => {
    expect(describeExpiry('2026-12-01', now, 'UTC')).toBe('2026-12-01 (in 8 days)');
    expect(describeExpiry('2026-11-20', now, 'UTC')).toBe('expired 3 days ago');
    expect(describeExpiry('2026-11-22', now, 'UTC')).toBe('expired yesterday');
    expect(describeExpiry('2026-11-23', now, 'UTC')).toBe('2026-11-23 (today)');
    expect(describeExpiry('2026-11-24', now, 'UTC')).toBe('2026-11-24 (tomorrow)');
    expect(describeExpiry('2026-02-30', now, 'UTC')).toBe('2026-02-30');
    expect(describeExpiry(null, now)).toBe('not set');
    expect(describeExpiry(null, now, 'UTC', true)).toBe('never');
    // An instant: expired from that moment, even on its last day.
    expect(describeExpiry('2026-11-23T23:00:00.000Z', now, 'UTC')).toBe('2026-11-23 (today)');
    expect(describeExpiry('2026-11-23T18:00:00.000Z', now, 'UTC')).toBe('expired today');
    expect(describeExpiry('2026-12-01T00:00:00.000Z', now, 'UTC')).toBe('2026-11-30 (in 7 days)');
  });
});

describe('table', () => {
  it('aligns columns, cuts long cells, never trails spaces', () => {
    const out = renderTable([{ header: 'A' }, { header: 'LONG', max: 5 }, { header: 'Z' }], [
      ['x', 'abcdefgh', 'end'],
      ['yy', 'ab', ''],
    ]);
    expect(out).toBe('A   LONG   Z\nx   abcd…  end\nyy  ab\n');
    expect(truncate('東京タワー', 3)).toBe('東京…');
  });
});

describe('vault path', () => {
  const home = '/home/u';
  it('follows the app: XDG on Linux, Application Support on macOS, APPDATA on Windows', () => {
    expect(defaultVaultPath({ env: {}, platform: 'linux', home })).toBe('/home/u/.config/PAT Vault/vault.sqlite');
    expect(defaultVaultPath({ env: { XDG_CONFIG_HOME: '/x' }, platform: 'linux', home })).toBe('/x/PAT Vault/vault.sqlite');
    expect(defaultVaultPath({ env: { XDG_CONFIG_HOME: 'relative' }, platform: 'linux', home })).toBe('/home/u/.config/PAT Vault/vault.sqlite');
    expect(defaultVaultPath({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/PAT Vault/vault.sqlite');
    expect(defaultVaultPath({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\PAT Vault\\vault.sqlite',
    );
    expect(defaultVaultPath({ env: {}, platform: 'win32', home: 'C:\\Users\\u' })).toBe('C:\\Users\\u\\AppData\\Roaming\\PAT Vault\\vault.sqlite');
  });
  it('--vault beats PATVAULT_VAULT beats the default; empty values count as unset', () => {
    const p = { env: { PATVAULT_VAULT: '/env/v.sqlite', XDG_CONFIG_HOME: '/x' }, platform: 'linux' as const, home };
    expect(resolveVaultPath('/flag/v.sqlite', p)).toBe('/flag/v.sqlite');
    expect(resolveVaultPath(undefined, p)).toBe('/env/v.sqlite');
    expect(resolveVaultPath(undefined, { ...p, env: { PATVAULT_VAULT: '', XDG_CONFIG_HOME: '/x' } })).toBe('/x/PAT Vault/vault.sqlite');
  });
});
