/**
 * The import channels through dispatch, on core/import's fixtures: choose (open dialog; a
 * malformed file refused; CSV headers and a guessed mapping), preview (rows for every line:
 * import, duplicate in the file, duplicate in the vault, skipped — never a value), apply (only
 * the new ones; once). Ids and plans are forgotten on lock; reminders are re-evaluated after
 * an import.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_RECYCLE_BIN } from '../../import';
import { TEST_PASSWORD } from '../../test-support/temp-vault';
import { setupFiles } from './test-kit';

const FIXTURES = join(import.meta.dirname, '..', '..', 'import', 'fixtures');
const fixture = (name: string): string => join(FIXTURES, name);

async function unlockedWithDialogs(opts: { reminders?: boolean; now?: string } = {}) {
  const s = setupFiles(opts);
  await s.createVault();
  return s;
}

describe('import channels', () => {
  it('.env: choose, preview with an account, apply the new ones; a second preview finds them in the vault', async () => {
    const s = await unlockedWithDialogs();
    s.dialogs.answer(fixture('tokens.env'));
    const chosen = await s.call('import.choose', { format: 'env' });
    expect(chosen).toMatchObject({ fileName: 'tokens.env', headers: [], suggestedMapping: {} });
    expect(s.dialogs.calls[0]).toMatchObject({ kind: 'open', filters: [{ extensions: ['env'] }, { extensions: ['*'] }] });
    const fileId = chosen!.fileId;
    expect(await s.fail('import.preview', { fileId, format: 'env' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/needs an account/) });
    const p = await s.call('import.preview', { fileId, format: 'env', account: 'dotenv', client: 'Acme' });
    const copy = p.rows.find((r) => r.label === 'GITHUB_TOKEN_COPY');
    expect(copy).toMatchObject({ action: 'duplicate-in-file', reason: 'duplicate of line 2', platform: 'github', account: 'dotenv', client: 'Acme' });
    expect(p.rows.find((r) => r.label === 'GITHUB_TOKEN')).toMatchObject({ action: 'import', name: 'GITHUB_TOKEN', detectedPlatform: true, reason: null });
    expect(p.rows.some((r) => r.action === 'skip' && r.reason !== null)).toBe(true);
    expect(p.rows.map((r) => r.line)).toEqual([...p.rows.map((r) => r.line)].sort((a, b) => a - b));
    expect(p.counts).toEqual({
      import: p.rows.filter((r) => r.action === 'import').length,
      duplicates: p.rows.filter((r) => r.action.startsWith('duplicate')).length,
      skipped: p.rows.filter((r) => r.action === 'skip').length,
    });
    const applied = await s.call('import.apply', { planId: p.planId });
    expect(applied).toEqual({ added: p.counts.import, replaced: 0, duplicates: p.counts.duplicates, skipped: p.counts.skipped });
    expect(await s.call('tokens.list', {})).toHaveLength(p.counts.import);
    expect((await s.fail('import.apply', { planId: p.planId })).message).toMatch(/preview the file again/);

    const again = await s.call('import.preview', { fileId, format: 'env', account: 'dotenv' });
    expect(again.counts.import).toBe(0);
    const inVault = again.rows.find((r) => r.label === 'GITHUB_TOKEN');
    expect(inVault?.action).toBe('duplicate-in-vault');
    expect(inVault?.reason).toMatch(/^already in the vault \([0-9a-f]{8}\)$/);
    expect(await s.call('import.apply', { planId: again.planId })).toMatchObject({ added: 0 });
  });

  it('an iObeya row for a user who has a live token: the preview names it, apply replaces its value and counts it apart', async () => {
    const s = await unlockedWithDialogs();
    const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const old = `${b64url({ alg: 'HS256' })}.${b64url({ iss: 'https://curie.iobeya.com', sub: 'marie.curie' })}.oldSig`;
    const held = await s.call('tokens.add', { platform: 'iobeya', account: 'dotenv', client: 'Acme', username: 'marie.curie', name: 'boards', token: old });
    expect(held.replaced).toBe(false);
    s.dialogs.answer(fixture('tokens.env'));
    const chosen = await s.call('import.choose', { format: 'env' });
    const p = await s.call('import.preview', { fileId: chosen!.fileId, format: 'env', account: 'dotenv', client: 'Acme' });
    expect(p.rows.find((r) => r.label === 'IOBEYA_PAT')).toMatchObject({
      action: 'import',
      reason: `replaces the value of “boards” (${held.id.slice(0, 8)}); the old value stays in its history`,
    });
    const applied = await s.call('import.apply', { planId: p.planId });
    expect(applied).toMatchObject({ added: p.counts.import - 1, replaced: 1 });
    const list = await s.call('tokens.list', {});
    expect(list).toHaveLength(p.counts.import);
    expect(list.find((t) => t.id === held.id)?.name).toBe('IOBEYA_PAT');
    expect((await s.call('tokens.details', { id: held.id })).history).toEqual([{ at: expect.any(String), reason: 'replaced' }]);
  });

  it('CSV: headers and a guessed mapping; the mapping given is used as is (blank = not mapped)', async () => {
    const s = await unlockedWithDialogs();
    s.dialogs.answer(fixture('generic.csv'));
    const chosen = await s.call('import.choose', { format: 'csv' });
    expect(chosen?.headers).toEqual(['Name', 'Token', 'Platform', 'Account', 'Client', 'User', 'Base URL', 'Scopes', 'Expires', 'Notes']);
    expect(chosen?.suggestedMapping).toMatchObject({ token: 'Token', name: 'Name', account: 'Account', client: 'Client' });
    const fileId = chosen!.fileId;
    expect((await s.fail('import.preview', { fileId, format: 'csv', mapping: { name: 'Name' } })).message).toMatch(/must name the token and name columns/);
    expect((await s.fail('import.preview', { fileId, format: 'csv', mapping: { token: 'Token', name: 'Nope' } })).message).toMatch(/'Nope' is not in the header/);
    const mapping = { token: 'Token', name: 'Name', platform: 'Platform', account: 'Account', client: '' };
    const p = await s.call('import.preview', { fileId, format: 'csv', mapping, client: 'Default Co', platform: 'github' });
    expect(p.rows.find((r) => r.name === 'CI deploy')).toMatchObject({ action: 'import', platform: 'github', account: 'octo-org', client: 'Default Co' });
    expect(p.rows.find((r) => r.name === 'CI deploy copy')).toMatchObject({ action: 'duplicate-in-file' });
    const applied = await s.call('import.apply', { planId: p.planId });
    expect(applied.added).toBe(p.counts.import);
    const list = await s.call('tokens.list', {});
    expect(new Set(list.map((t) => t.client))).toEqual(new Set(['Default Co']));
  });

  it('KeePassXC: deleted entries skipped, the copy a duplicate, the TOTP secret never shown', async () => {
    const s = await unlockedWithDialogs();
    s.dialogs.answer(fixture('keepassxc-2.7.csv'));
    const chosen = await s.call('import.choose', { format: 'keepassxc' });
    expect(chosen).toMatchObject({ headers: [], suggestedMapping: {} });
    const p = await s.call('import.preview', { fileId: chosen!.fileId, format: 'keepassxc', account: 'kpx' });
    expect(p.rows.find((r) => r.label === 'Old GitHub')).toMatchObject({ action: 'skip', reason: IN_RECYCLE_BIN });
    expect(p.rows.find((r) => r.label === 'GitHub CI (copy)')).toMatchObject({ action: 'duplicate-in-file' });
    expect((await s.call('import.apply', { planId: p.planId })).added).toBe(p.counts.import);
  });

  it('a malformed file is refused at choose, with a clear message and no id', async () => {
    const s = await unlockedWithDialogs();
    const cases = [
      ['unterminated-quote.env', 'env', /never closed/],
      ['unterminated-quote.csv', 'csv', /quote/i],
      ['keepassxc-missing-columns.csv', 'keepassxc', /KeePassXC/],
    ] as const;
    for (const [name, format, message] of cases) {
      s.dialogs.answer(fixture(name));
      const err = await s.fail('import.choose', { format });
      expect(err.code).toBe('BAD_INPUT');
      expect(err.message).toMatch(message);
    }
    s.dialogs.answer(join(s.dir, 'no-such-file.env'));
    expect((await s.fail('import.choose', { format: 'env' })).message).toMatch(/Cannot read .*ENOENT/);
    expect(await s.call('import.choose', { format: 'env' })).toBeNull(); // cancelled
  });

  it('a new preview replaces the old; lock forgets the file and the plan', async () => {
    const s = await unlockedWithDialogs();
    s.dialogs.answer(fixture('tokens.env'));
    const { fileId } = (await s.call('import.choose', { format: 'env' }))!;
    const first = await s.call('import.preview', { fileId, format: 'env', account: 'a' });
    const second = await s.call('import.preview', { fileId, format: 'env', account: 'b' });
    expect(second.planId).not.toBe(first.planId);
    expect((await s.fail('import.apply', { planId: first.planId })).code).toBe('BAD_INPUT');
    await s.call('vault.lock', {});
    expect((await s.fail('import.choose', { format: 'env' })).code).toBe('VAULT_LOCKED');
    expect((await s.fail('import.apply', { planId: second.planId })).code).toBe('VAULT_LOCKED');
    await s.call('vault.unlock', { password: TEST_PASSWORD });
    expect((await s.fail('import.apply', { planId: second.planId })).message).toMatch(/preview the file again/);
    expect((await s.fail('import.preview', { fileId, format: 'env', account: 'b' })).message).toMatch(/choose it again/);
    expect(await s.call('tokens.list', {})).toEqual([]);
  });

  it('reminders and the badge are re-evaluated after an import', async () => {
    // Four days before "Registry pull" expires (2026-12-01): within the 7-day window.
    const s = await unlockedWithDialogs({ reminders: true, now: '2026-11-27T10:00:00Z' });
    const badgeBefore = s.badges.at(-1) ?? 0;
    s.dialogs.answer(fixture('generic.csv'));
    const { fileId } = (await s.call('import.choose', { format: 'csv' }))!;
    const p = await s.call('import.preview', { fileId, format: 'csv', platform: 'github', account: 'fallback' });
    expect(s.badges.at(-1) ?? 0).toBe(badgeBefore);
    await s.call('import.apply', { planId: p.planId });
    expect(s.badges.at(-1)).toBeGreaterThan(badgeBefore);
  });
});
