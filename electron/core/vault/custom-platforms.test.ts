/**
 * User-defined platforms stored in the vault, and platform specifics stored with a token:
 * real vault files, real crypto, across lock/unlock and reopen.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useFreshVault } from '../test-support/temp-vault';
import { codeOf, errorOf } from '../test-support/app-errors';
import { Vault } from './vault';

let vault: Vault;
useFreshVault((v) => {
  vault = v;
});

const ACME = {
  name: 'Acme API',
  baseUrl: 'https://api.acme.example/v2',
  auth: { kind: 'header', name: 'X-Acme-Key', prefix: 'Key ' },
  checkPath: '/me',
  validStatus: 204,
  tokenPageUrl: 'https://acme.example/settings/tokens',
} as const;

function addCustomToken(customPlatform: string | undefined, token: string, extra: Record<string, unknown> = {}) {
  return vault.tokens.add({ platform: 'custom', account: 'acme-ops', name: `token ${token.slice(-4)}`, token, ...(customPlatform ? { customPlatform } : {}), ...extra });
}

describe('custom platforms', () => {
  it('are stored sealed and come back whole after lock/unlock and in another process', async () => {
    const p = vault.customPlatforms.add(ACME);
    expect(p).toMatchObject({ ...ACME, tokens: 0 });
    const t = addCustomToken('acme api', 'acme-token-0001');
    expect(t).toMatchObject({ platform: 'custom', customPlatformId: p.id, customPlatformName: 'Acme API' });
    vault.lock();
    await vault.unlock(TEST_PASSWORD);
    expect(vault.customPlatforms.list()).toEqual([{ ...p, tokens: 1 }]);
    const other = await Vault.open(vault.path);
    await other.unlock(TEST_PASSWORD);
    expect(other.tokens.get(t.id)).toMatchObject({ customPlatformName: 'Acme API' });
    expect(other.customPlatforms.definition(p.id)).toEqual(ACME);
    other.close();
  });

  it('are found by id or by name without regard to case; names are unique', async () => {
    const p = vault.customPlatforms.add({ name: 'Acme API', baseUrl: 'https://a.example', auth: { kind: 'bearer' } });
    expect(vault.customPlatforms.get('ACME api').id).toBe(p.id);
    expect(vault.customPlatforms.get(p.id).name).toBe('Acme API');
    expect(await errorOf(() => vault.customPlatforms.add({ name: 'acme API', baseUrl: 'https://b.example', auth: { kind: 'bearer' } }))).toMatchObject({
      code: 'BAD_INPUT',
      message: 'A custom platform named "Acme API" already exists.',
    });
    expect(await errorOf(() => vault.customPlatforms.get('Globex'))).toMatchObject({ code: 'NOT_FOUND', message: 'No custom platform named "Globex" (defined: Acme API).' });
  });

  it('refuse an invalid definition with a clear message and store nothing', async () => {
    const before = vault.audit.log().length;
    expect(await errorOf(() => vault.customPlatforms.add({ ...ACME, baseUrl: 'http://api.acme.example' }))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^baseUrl: .*https/) });
    expect(await errorOf(() => vault.customPlatforms.add({ ...ACME, auth: { kind: 'header', name: 'Host' } }))).toMatchObject({ message: expect.stringMatching(/cannot carry a token/) });
    expect(await errorOf(() => vault.customPlatforms.add({ ...ACME, checkPath: '/../admin' }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(vault.customPlatforms.list()).toEqual([]);
    expect(vault.audit.log()).toHaveLength(before);
  });

  it('an edit changes the definition every token of the platform uses', async () => {
    const p = vault.customPlatforms.add(ACME);
    const t = addCustomToken(p.id, 'acme-token-0002');
    const edited = vault.customPlatforms.update('Acme API', { ...ACME, name: 'Acme v3', baseUrl: 'https://v3.acme.example', auth: { kind: 'bearer' } });
    expect(edited).toMatchObject({ id: p.id, name: 'Acme v3', baseUrl: 'https://v3.acme.example', tokens: 1, createdAt: p.createdAt });
    expect(vault.tokens.get(t.id).customPlatformName).toBe('Acme v3');
    expect(vault.customPlatforms.definition(p.id).auth).toEqual({ kind: 'bearer' });
  });

  it('cannot be removed while a token uses it; can once none does', async () => {
    const p = vault.customPlatforms.add(ACME);
    const t = addCustomToken('Acme API', 'acme-token-0003');
    expect(await errorOf(() => vault.customPlatforms.remove('Acme API'))).toMatchObject({
      code: 'BAD_INPUT',
      message: 'Custom platform "Acme API" is used by 1 token: move or delete it first.',
    });
    vault.tokens.remove(t.id);
    expect(vault.customPlatforms.remove(p.id).name).toBe('Acme API');
    expect(vault.customPlatforms.list()).toEqual([]);
    const actions = vault.audit.log().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['platform-add', 'platform-remove']));
  });

  it('a custom platform goes only with platform custom; moving a token off custom drops it', async () => {
    vault.customPlatforms.add(ACME);
    expect(await codeOf(() => vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: 'ghp_' + 'x'.repeat(36), customPlatform: 'Acme API' }))).toBe('BAD_INPUT');
    expect(await errorOf(() => addCustomToken('Nope', 'acme-token-0004'))).toMatchObject({ code: 'NOT_FOUND' });
    const t = addCustomToken('Acme API', 'acme-token-0005');
    const moved = vault.tokens.edit(t.id, { platform: 'gitlab' });
    expect(moved).toMatchObject({ platform: 'gitlab', customPlatformId: null, customPlatformName: null });
    expect(vault.customPlatforms.list()[0]?.tokens).toBe(0);
    const back = vault.tokens.edit(t.id, { platform: 'custom', customPlatform: 'acme api' });
    expect(back.customPlatformName).toBe('Acme API');
    expect(vault.tokens.edit(t.id, { customPlatform: null }).customPlatformId).toBeNull();
  });

  it('two custom platforms keep their tokens in separate accounts even with the same label', async () => {
    vault.customPlatforms.add(ACME);
    vault.customPlatforms.add({ ...ACME, name: 'Globex' });
    const a = addCustomToken('Acme API', 'acme-token-0006');
    const b = addCustomToken('Globex', 'acme-token-0007');
    expect(a.accountId).not.toBe(b.accountId);
  });
});

describe('platform specifics stored with a token', () => {
  it('program slug and platform token id round-trip, can be changed and cleared', async () => {
    const t = vault.tokens.add({ platform: 'yeswehack', account: 'ywh', name: 'triage', token: 'ywh-token-0001', programSlug: 'acme-bbp' });
    expect(t).toMatchObject({ programSlug: 'acme-bbp', platformTokenId: null });
    const j = vault.tokens.add({ platform: 'jelastic', account: 'jel', name: 'deploy', token: 'f'.repeat(40), platformTokenId: '4711' });
    vault.lock();
    await vault.unlock(TEST_PASSWORD);
    expect(vault.tokens.get(t.id).programSlug).toBe('acme-bbp');
    expect(vault.tokens.get(j.id).platformTokenId).toBe('4711');
    expect(vault.tokens.edit(t.id, { programSlug: 'globex-vdp' }).programSlug).toBe('globex-vdp');
    expect(vault.tokens.edit(t.id, { name: 'renamed' }).programSlug).toBe('globex-vdp');
    expect(vault.tokens.edit(t.id, { programSlug: null }).programSlug).toBeNull();
    expect(vault.tokens.search('acme-bbp')).toEqual([]);
    vault.tokens.edit(t.id, { programSlug: 'findme-slug' });
    expect(vault.tokens.search('findme').map((v) => v.id)).toEqual([t.id]);
  });

  it('are refused when empty or too long, with the field named', async () => {
    expect(await errorOf(() => vault.tokens.add({ platform: 'yeswehack', account: 'a', name: 'n', token: 'ywh-token-0002', programSlug: ' ' }))).toMatchObject({
      message: 'programSlug: program slug must not be empty',
    });
    expect(await codeOf(() => vault.tokens.add({ platform: 'jelastic', account: 'a', name: 'n', token: 'ywh-token-0003', platformTokenId: 'x'.repeat(201) }))).toBe('BAD_INPUT');
  });
});
