/**
 * The vault refuses a value whose format belongs to another platform (add, edit, import) —
 * the rule the app, the CLI and import share — unless the input says the user accepted it.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { useFreshVault } from '../test-support/temp-vault';
import type { Vault } from './vault';

const GL = 'glpat-' + 'K'.repeat(20);
const GH = 'ghp_' + 'H'.repeat(36);
const OPAQUE = 'd6f4e314a5b5fefd164995169f28ae32d987704f';

let vault: Vault;
useFreshVault((v) => {
  vault = v;
});

const state = () => JSON.stringify({ tokens: vault.tokens.list(), audit: vault.audit.log().length });

describe('add', () => {
  it('a GitLab token given as GitHub is refused, naming both platforms and not the value; nothing is written', async () => {
    const before = state();
    const err = await errorOf(() => vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GL }));
    expect(err.code).toBe('PLATFORM_MISMATCH');
    expect(err.message).toBe('This looks like a GitLab personal access token, not a GitHub token.');
    expect(err.message).not.toContain(GL);
    expect(state()).toBe(before);
  });

  it('is stored when the user accepted it; the acceptance is not part of the token', () => {
    const view = vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GL, platformMismatchOk: true });
    expect(view.platform).toBe('github');
    expect(view).not.toHaveProperty('platformMismatchOk');
    expect(vault.tokens.readSecret(view.id, 'get').value).toBe(GL);
  });

  it('values of no known format, and values of the chosen platform, go through as before', () => {
    expect(vault.tokens.add({ platform: 'jelastic', account: 'a', name: 'j', token: OPAQUE }).platform).toBe('jelastic');
    expect(vault.tokens.add({ platform: 'gitlab', account: 'a', name: 'g', token: GL }).platform).toBe('gitlab');
  });
});

describe('edit', () => {
  it('a new value of another platform’s format is refused; the old one stays', async () => {
    const id = vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    const err = await errorOf(() => vault.tokens.edit(id, { token: GL }));
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'This looks like a GitLab personal access token, not a GitHub token.' });
    expect(vault.tokens.readSecret(id, 'get').value).toBe(GH);
  });

  it('moving a token to a platform its stored value contradicts is refused', async () => {
    const id = vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    const err = await errorOf(() => vault.tokens.edit(id, { platform: 'brass' }));
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'This looks like a GitHub classic personal access token, not a Brass token.' });
    expect(vault.tokens.get(id).platform).toBe('github');
  });

  it('with the acceptance it goes through; other edits of an accepted token are not asked again', () => {
    const id = vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    expect(vault.tokens.edit(id, { platform: 'gitlab', platformMismatchOk: true }).platform).toBe('gitlab');
    expect(vault.tokens.edit(id, { name: 'renamed' }).name).toBe('renamed');
    expect(vault.audit.log().at(-1)?.detail).toBe('changed name');
  });

  it('the acceptance alone is no change', async () => {
    const id = vault.tokens.add({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    expect((await errorOf(() => vault.tokens.edit(id, { platformMismatchOk: true }))).message).toMatch(/Nothing to change/);
  });
});

describe('import', () => {
  it('one mismatching item refuses the whole import, naming the item; nothing is written', async () => {
    const before = state();
    const err = await errorOf(() =>
      vault.tokens.import([
        { platform: 'github', account: 'a', name: 'ok', token: GH },
        { platform: 'github', account: 'a', name: 'wrong', token: GL },
      ]),
    );
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'item 2: This looks like a GitLab personal access token, not a GitHub token.' });
    expect(state()).toBe(before);
  });

  it('an item that carries the acceptance is imported', () => {
    const r = vault.tokens.import([{ platform: 'github', account: 'a', name: 'wrong', token: GL, platformMismatchOk: true }]);
    expect(r.imported).toBe(1);
  });
});
