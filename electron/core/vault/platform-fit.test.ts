/**
 * The vault refuses a value whose format belongs to another platform (add, edit, import) —
 * the rule the app, the CLI and import share — unless the input says the user accepted it.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/app-errors';
import { useFreshVault } from '../test-support/temp-vault';
import type { TokenVault } from './token-vault';

const GL = 'glpat-' + 'K'.repeat(20);
const GH = 'ghp_' + 'H'.repeat(36);
const OPAQUE = 'd6f4e314a5b5fefd164995169f28ae32d987704f';

let vault: TokenVault;
useFreshVault((v) => {
  vault = v;
});

const state = () => JSON.stringify({ tokens: vault.listTokens(), audit: vault.auditLog().length });

describe('add', () => {
  it('a GitLab token given as GitHub is refused, naming both platforms and not the value; nothing is written', async () => {
    const before = state();
    const err = await errorOf(() => vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GL }));
    expect(err.code).toBe('PLATFORM_MISMATCH');
    expect(err.message).toBe('This looks like a GitLab personal access token, not a GitHub token.');
    expect(err.message).not.toContain(GL);
    expect(state()).toBe(before);
  });

  it('is stored when the user accepted it; the acceptance is not part of the token', () => {
    const view = vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GL, platformMismatchOk: true });
    expect(view.platform).toBe('github');
    expect(view).not.toHaveProperty('platformMismatchOk');
    expect(vault.readSecret(view.id, 'get').value).toBe(GL);
  });

  it('values of no known format, and values of the chosen platform, go through as before', () => {
    expect(vault.addToken({ platform: 'jelastic', account: 'a', name: 'j', token: OPAQUE }).platform).toBe('jelastic');
    expect(vault.addToken({ platform: 'gitlab', account: 'a', name: 'g', token: GL }).platform).toBe('gitlab');
  });
});

describe('edit', () => {
  it('a new value of another platform’s format is refused; the old one stays', async () => {
    const id = vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    const err = await errorOf(() => vault.editToken(id, { token: GL }));
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'This looks like a GitLab personal access token, not a GitHub token.' });
    expect(vault.readSecret(id, 'get').value).toBe(GH);
  });

  it('moving a token to a platform its stored value contradicts is refused', async () => {
    const id = vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    const err = await errorOf(() => vault.editToken(id, { platform: 'brass' }));
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'This looks like a GitHub classic personal access token, not a Brass token.' });
    expect(vault.getToken(id).platform).toBe('github');
  });

  it('with the acceptance it goes through; other edits of an accepted token are not asked again', () => {
    const id = vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    expect(vault.editToken(id, { platform: 'gitlab', platformMismatchOk: true }).platform).toBe('gitlab');
    expect(vault.editToken(id, { name: 'renamed' }).name).toBe('renamed');
    expect(vault.auditLog().at(-1)?.detail).toBe('changed name');
  });

  it('the acceptance alone is no change', async () => {
    const id = vault.addToken({ platform: 'github', account: 'a', name: 'n', token: GH }).id;
    expect((await errorOf(() => vault.editToken(id, { platformMismatchOk: true }))).message).toMatch(/Nothing to change/);
  });
});

describe('import', () => {
  it('one mismatching item refuses the whole import, naming the item; nothing is written', async () => {
    const before = state();
    const err = await errorOf(() =>
      vault.importTokens([
        { platform: 'github', account: 'a', name: 'ok', token: GH },
        { platform: 'github', account: 'a', name: 'wrong', token: GL },
      ]),
    );
    expect(err).toMatchObject({ code: 'PLATFORM_MISMATCH', message: 'item 2: This looks like a GitLab personal access token, not a GitHub token.' });
    expect(state()).toBe(before);
  });

  it('an item that carries the acceptance is imported', () => {
    const r = vault.importTokens([{ platform: 'github', account: 'a', name: 'wrong', token: GL, platformMismatchOk: true }]);
    expect(r.imported).toBe(1);
  });
});
