import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { codeOf } from '../test-support/app-errors';
import { SAMPLE_TOKENS, addSamples } from '../test-support/sample-tokens';
import { FAST_KDF, TEST_PASSWORD, createTestVault, fixedClock, tempDir } from '../test-support/temp-vault';
import { Vault } from './vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('round trip', () => {
  test('every field of every token survives lock, close and unlock', async () => {
    const clock = fixedClock('2026-11-23T10:00:00.000Z');
    const v = await createTestVault(dir, { clock });
    const ids = addSamples(v);
    const before = v.tokens.list();
    const secrets = ids.map((id) => v.tokens.readSecret(id, 'get'));
    v.lock();
    await expect(codeOf(() => v.tokens.list())).resolves.toBe('VAULT_LOCKED');
    v.close();

    const again = Vault.open(v.path, { clock });
    await again.unlock(TEST_PASSWORD);
    expect(again.tokens.list()).toEqual(before);
    ids.forEach((id, i) => {
      const sample = SAMPLE_TOKENS[i]!;
      const view = again.tokens.get(id);
      expect(view).toMatchObject({
        platform: sample.platform,
        account: sample.account,
        client: 'client' in sample ? sample.client : null,
        username: 'username' in sample ? sample.username : null,
        baseUrl: 'baseUrl' in sample ? sample.baseUrl : null,
        name: sample.name,
        scopes: 'scopes' in sample ? [...sample.scopes] : [],
        expiresAt: 'expiresAt' in sample ? sample.expiresAt : null,
        createdAt: '2026-11-23T10:00:00.000Z',
        lastCheck: null,
      });
      expect(again.tokens.readSecret(id, 'reveal')).toEqual(secrets[i]);
      expect(again.tokens.readSecret(id, 'copy')).toEqual({ value: sample.token, notes: 'notes' in sample ? sample.notes : '' });
    });
    // Two tokens share "Acme Client zq1" but are on different platforms: two accounts.
    expect(again.tokens.accounts()).toHaveLength(SAMPLE_TOKENS.length);
    again.close();
  });

  test('edit changes only what was asked and keeps history in the audit log', async () => {
    const clock = fixedClock('2026-11-23T10:00:00.000Z');
    const v = await createTestVault(dir, { clock });
    const [id] = addSamples(v);
    clock.set('2026-11-24T08:00:00.000Z');
    const edited = v.tokens.edit(id!.slice(0, 6), { name: 'Renamed', expiresAt: null, client: 'New Client' });
    expect(edited).toMatchObject({ name: 'Renamed', expiresAt: null, client: 'New Client', account: SAMPLE_TOKENS[0].account });
    expect(edited.updatedAt).toBe('2026-11-24T08:00:00.000Z');
    expect(v.tokens.readSecret(id!, 'get').value).toBe(SAMPLE_TOKENS[0].token);
    const log = v.audit.log().filter((e) => e.tokenId === id);
    expect(log.map((e) => e.action)).toEqual(['create', 'edit', 'get']);
    expect(log[1]!.detail).toBe('changed name, expiresAt, client');
    v.close();
  });

  test('remove deletes the token and its now unused account', async () => {
    const v = await createTestVault(dir);
    const ids = addSamples(v);
    v.tokens.remove(ids[0]!);
    expect(v.tokens.list().map((t) => t.id)).not.toContain(ids[0]);
    expect(v.tokens.accounts().map((a) => a.label)).not.toContain(SAMPLE_TOKENS[0].account);
    await expect(codeOf(() => v.tokens.readSecret(ids[0]!, 'get'))).resolves.toBe('NOT_FOUND');
    v.close();
  });

  test('search matches every word across fields, case-insensitively', async () => {
    const v = await createTestVault(dir);
    addSamples(v);
    expect(v.tokens.search('acme').map((t) => t.name)).toEqual(['CI deploy token zq1', 'Reports reader zq5']);
    expect(v.tokens.search('ACME github').map((t) => t.name)).toEqual(['CI deploy token zq1']);
    expect(v.tokens.search('read_registry_zq2').map((t) => t.platform)).toEqual(['gitlab']);
    expect(v.tokens.search('no such thing')).toEqual([]);
    // The token value is not searchable: search must never reveal it by matching.
    expect(v.tokens.search('ghp_ZQ1')).toEqual([]);
    v.close();
  });

  test('a duplicate value is refused and an ambiguous prefix is reported', async () => {
    const v = await createTestVault(dir);
    addSamples(v);
    await expect(codeOf(() => v.tokens.add({ ...SAMPLE_TOKENS[1], scopes: [], name: 'again' }))).resolves.toBe('BAD_INPUT');
    expect(v.tokens.list()).toHaveLength(SAMPLE_TOKENS.length);
    await expect(codeOf(() => v.tokens.get(''))).resolves.toBe('BAD_INPUT');
    await expect(codeOf(() => v.tokens.get('zz'))).resolves.toBe('BAD_INPUT');
    const hexes = v.tokens.list().map((t) => t.id[0]);
    const shared = hexes.find((h, i) => hexes.indexOf(h) !== i);
    if (shared) await expect(codeOf(() => v.tokens.get(shared))).resolves.toBe('AMBIGUOUS_ID');
    v.close();
  });
});

describe('passwords', () => {
  test('a wrong password gives WRONG_PASSWORD and changes nothing in the file', async () => {
    const v = await createTestVault(dir);
    addSamples(v);
    v.close();
    const bytes = readFileSync(v.path);
    const locked = Vault.open(v.path);
    await expect(codeOf(locked.unlock('not the password'))).resolves.toBe('WRONG_PASSWORD');
    expect(locked.isUnlocked).toBe(false);
    await expect(codeOf(() => locked.tokens.list())).resolves.toBe('VAULT_LOCKED');
    locked.close();
    expect(readFileSync(v.path).equals(bytes)).toBe(true);
  });

  test('changing the password keeps every token; the old password no longer opens it', async () => {
    const v = await createTestVault(dir);
    const ids = addSamples(v);
    const before = v.tokens.list();
    await expect(codeOf(v.changePassword('wrong old password', 'new password 123'))).resolves.toBe('WRONG_PASSWORD');
    await expect(codeOf(v.changePassword(TEST_PASSWORD, 'short'))).resolves.toBe('BAD_INPUT');
    await v.changePassword(TEST_PASSWORD, 'new password 123');
    v.close();
    const again = Vault.open(v.path);
    await expect(codeOf(again.unlock(TEST_PASSWORD))).resolves.toBe('WRONG_PASSWORD');
    await again.unlock('new password 123');
    expect(again.tokens.list()).toEqual(before);
    ids.forEach((id, i) => expect(again.tokens.readSecret(id, 'get').value).toBe(SAMPLE_TOKENS[i]!.token));
    expect(again.audit.log().map((e) => e.action)).toContain('password-change');
    again.close();
  });

  test('creating a vault refuses a weak KDF and a short password, and leaves no file', async () => {
    const path = `${dir}/weak.sqlite`;
    await expect(codeOf(Vault.create(path, TEST_PASSWORD, { kdf: { memoryKiB: 8 * 1024, iterations: 2 } }))).resolves.toBe('KDF_TOO_WEAK');
    await expect(codeOf(Vault.create(path, TEST_PASSWORD, { kdf: { memoryKiB: 19 * 1024, iterations: 1 } }))).resolves.toBe('KDF_TOO_WEAK');
    await expect(codeOf(Vault.create(path, 'short'))).resolves.toBe('BAD_INPUT');
    expect(() => readFileSync(path)).toThrow();
  });

  test('the vault file is private to its owner (0600), in a 0700 folder when created', async () => {
    const v = await Vault.create(`${dir}/new-folder/vault.sqlite`, TEST_PASSWORD, { kdf: FAST_KDF });
    addSamples(v);
    for (const f of [v.path, `${v.path}-wal`]) expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(`${dir}/new-folder`).mode & 0o777).toBe(0o700);
    v.close();
  });

  test('create refuses to overwrite an existing file', async () => {
    const v = await createTestVault(dir);
    v.close();
    await expect(codeOf(createTestVault(dir))).resolves.toBe('VAULT_EXISTS');
    const again = Vault.open(v.path);
    await again.unlock(TEST_PASSWORD);
    again.close();
  });
});
