/**
 * `reports.export` through dispatch: each format lands in the file the save dialog gave, as a
 * file its reader parses, with no token value and mode 0600; a client's export holds only that
 * client; cancelling writes nothing; an unknown client is refused before any dialog opens; the
 * export is audited; the vault file itself is never a target.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TOKENS } from '../../test-support/sample-tokens';
import { readCsv, readHtml, readIcs, htmlRows } from '../../reports/test-support';
import { expectNoValue, setupFiles } from './test-kit';

const withExpiry = SAMPLE_TOKENS.filter((t) => 'expiresAt' in t).length;

describe('reports.export', () => {
  it('writes each format where the dialog says, parseable, 0600, without a value; audited', async () => {
    const s = setupFiles();
    await s.createVault();
    await s.addSamples();
    for (const format of ['csv', 'json', 'html', 'ics'] as const) {
      const target = join(s.dir, `out.${format}`);
      s.dialogs.answer(target);
      const r = await s.call('reports.export', { format });
      expect(r).toEqual({ saved: true, path: target, count: format === 'ics' ? withExpiry : SAMPLE_TOKENS.length });
      const content = readFileSync(target, 'utf8');
      expectNoValue(content);
      if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
      if (format === 'csv') expect(readCsv(content)).toHaveLength(SAMPLE_TOKENS.length + 1);
      if (format === 'json') expect(JSON.parse(content)).toHaveLength(SAMPLE_TOKENS.length);
      if (format === 'html') expect(htmlRows(readHtml(content).doc)).toHaveLength(SAMPLE_TOKENS.length);
      if (format === 'ics') expect(readIcs(content).events).toHaveLength(withExpiry);
    }
    const calls = s.dialogs.calls;
    expect(calls.map((c) => [c.kind, c.defaultName])).toEqual([
      ['save', 'patvault-inventory-2026-11-23.csv'],
      ['save', 'patvault-inventory-2026-11-23.json'],
      ['save', 'patvault-inventory-2026-11-23.html'],
      ['save', 'patvault-inventory-2026-11-23.ics'],
    ]);
    expect(calls[0]?.filters).toEqual([{ name: 'CSV spreadsheet', extensions: ['csv'] }]);
    const exports = (await s.auditLog()).filter((e) => e.action === 'export').map((e) => e.detail);
    expect(exports).toEqual([`csv, ${SAMPLE_TOKENS.length} tokens`, `json, ${SAMPLE_TOKENS.length} tokens`, `html, ${SAMPLE_TOKENS.length} tokens`, `ics, ${withExpiry} events`]);
  });

  it("a client's export holds only that client's tokens, and the audit log says so", async () => {
    const s = setupFiles();
    await s.createVault();
    await s.addSamples();
    const target = join(s.dir, 'acme.json');
    s.dialogs.answer(target);
    const r = await s.call('reports.export', { format: 'json', client: '  acme CLIENT zq1 ' });
    const acme = SAMPLE_TOKENS.filter((t) => 'client' in t && t.client === 'Acme Client zq1');
    expect(r.count).toBe(acme.length);
    expect(s.dialogs.calls[0]?.defaultName).toBe('patvault-inventory-2026-11-23-acme-client-zq1.json');
    const rows = JSON.parse(readFileSync(target, 'utf8')) as { client: string; name: string }[];
    expect(rows.map((x) => x.name).sort()).toEqual(acme.map((t) => t.name).sort());
    expect(new Set(rows.map((x) => x.client))).toEqual(new Set(['Acme Client zq1']));
    expect((await s.auditLog()).filter((e) => e.action === 'export').map((e) => e.detail)).toEqual([`json, client acme CLIENT zq1, ${acme.length} tokens`]);
  });

  it('cancel writes nothing and is not audited; an unknown client is refused before a dialog opens', async () => {
    const s = setupFiles();
    await s.createVault();
    await s.addSamples();
    const before = readdirSync(s.dir).sort();
    expect(await s.call('reports.export', { format: 'csv' })).toEqual({ saved: false, path: null, count: SAMPLE_TOKENS.length });
    expect(readdirSync(s.dir).sort()).toEqual(before);
    const err = await s.fail('reports.export', { format: 'csv', client: 'Nobody Inc' });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/Known clients: .*"Acme Client zq1"/);
    expect(s.dialogs.calls).toHaveLength(1); // only the cancelled one
    expect((await s.auditLog()).some((e) => e.action === 'export')).toBe(false);
  });

  it('refuses the vault file as a target, needs an unlocked vault, and needs dialogs', async () => {
    const s = setupFiles();
    expect((await s.fail('reports.export', { format: 'csv' })).code).toBe('VAULT_MISSING');
    await s.createVault();
    await s.addSamples();
    const vaultBytes = readFileSync(s.vaultPath);
    s.dialogs.answer(s.vaultPath);
    expect((await s.fail('reports.export', { format: 'csv' })).message).toMatch(/vault file itself/);
    expect(readFileSync(s.vaultPath).equals(vaultBytes)).toBe(true);
    await s.call('vault.lock', {});
    expect((await s.fail('reports.export', { format: 'csv' })).code).toBe('VAULT_LOCKED');

    const bare = setupFiles({ withDialogs: false });
    await bare.createVault();
    expect(await bare.fail('reports.export', { format: 'csv' })).toEqual({ code: 'BAD_INPUT', message: 'File dialogs are not available here.' });
  });
});
