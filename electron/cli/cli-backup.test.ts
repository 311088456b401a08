/**
 * `patvault backup` and `restore`, spawning the built bundle with real files and real crypto:
 * backup → restore into a new vault gives the same `list --json` and values; a wrong backup
 * password, an existing target and bad usage fail with one line; --force; merge and its
 * dry run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSamples } from '../core/test-support/sample-tokens';
import type { TokenJson } from './format/tokens';
import { FAST_INIT, PASSWORD, buildCli, createVault, failsWith, json, ok, openVault, runCli, snapshot, vaultRunner } from './test-support';

const BACKUP_PW = 'backup pass phrase zq7';
const NEW_PW = 'new master password zq7';

let dir: string;
let source: string;
let ids: string[];
let file: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-backup-'));
  source = join(dir, 'source.sqlite');
  const v = await createVault(source);
  ids = addSamples(v);
  v.customPlatforms.add({ name: 'Acme API', baseUrl: 'https://api.acme.example', auth: { kind: 'bearer' } });
  ids.push(v.tokens.add({ platform: 'custom', customPlatform: 'Acme API', account: 'ops', name: 'acme token', token: 'acme-cli-value-1', notes: 'a\nb' }).id);
  v.results.rotate(ids[1] as string, 'glpat-rotated-in-cli-test');
  v.close();
  file = join(dir, 'vault.backup');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup, then restore into a new vault', () => {
  const restored = () => join(dir, 'restored', 'vault.sqlite');

  it('backup writes the file and says what it holds; audited once', async () => {
    const r = await vaultRunner(source)(['backup', file, ...FAST_INIT], [BACKUP_PW]);
    expect(ok(r)).toBe(`backed up 7 tokens (1 custom platform) to ${file}\n`);
    expect(r.stderr).toBe('');
    const log = json<{ action: string; detail: string }[]>(await vaultRunner(source)(['log', '--json']));
    expect(log.filter((e) => e.action === 'backup')).toEqual([expect.objectContaining({ detail: '7 tokens, 1 custom platforms' })]);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('PATVAULT-BACKUP');
  });

  it('restore creates a vault whose list --json, notes and values equal the source', async () => {
    const r = await runCli(['--vault', restored(), '--password-stdin', 'restore', file, ...FAST_INIT], { input: `${BACKUP_PW}\n${NEW_PW}\n` });
    expect(ok(r)).toBe(`restored 7 tokens (1 custom platform) into a new vault at ${restored()}\n`);
    const want = json<TokenJson[]>(await vaultRunner(source)(['list', '--json']));
    const got = json<TokenJson[]>(await vaultRunner(restored(), NEW_PW)(['list', '--json']));
    expect(got).toEqual(want);
    expect(got).toHaveLength(7);
    for (const id of [ids[1] as string, ids[6] as string]) {
      expect(ok(await vaultRunner(restored(), NEW_PW)(['get', id]))).toBe(ok(await vaultRunner(source)(['get', id])));
      expect(json(await vaultRunner(restored(), NEW_PW)(['show', id, '--json']))).toEqual(json(await vaultRunner(source)(['show', id, '--json'])));
    }
    const v = await openVault(restored(), NEW_PW);
    try {
      expect(v.results.readHistory(ids[1] as string)).toHaveLength(1);
      expect(v.verifyAll().tokens).toBe(7);
    } finally {
      v.close();
    }
  });

  it('restore --dry-run checks the backup and says what it would create, creating nothing', async () => {
    const target = join(dir, 'dry.sqlite');
    const r = await runCli(['--vault', target, '--password-stdin', 'restore', file, '--dry-run'], { input: `${BACKUP_PW}\n` });
    expect(ok(r)).toBe(`dry run, nothing was changed: would restore 7 tokens (1 custom platform) into a new vault at ${target}\n`);
    expect(existsSync(target)).toBe(false);
  });

  it('restore refuses an existing vault without --merge (exit 1, one line), and changes nothing', async () => {
    const before = readFileSync(source);
    const line = failsWith(await runCli(['--vault', source, '--password-stdin', 'restore', file], { input: `${BACKUP_PW}\n${NEW_PW}\n` }), 1);
    expect(line).toBe(`patvault: A vault already exists at ${source}; use --merge to merge the backup into it`);
    expect(readFileSync(source).equals(before)).toBe(true);
  });

  it('a wrong backup password fails with one line and creates nothing', async () => {
    const target = join(dir, 'wrong.sqlite');
    const line = failsWith(await runCli(['--vault', target, '--password-stdin', 'restore', file, ...FAST_INIT], { input: `not the backup password\n${NEW_PW}\n` }), 1);
    expect(line).toBe('patvault: Wrong backup password. Nothing was changed.');
    expect(existsSync(target)).toBe(false);
    const merge = failsWith(await vaultRunner(source)(['restore', file, '--merge'], ['not the backup password']), 1);
    expect(merge).toBe('patvault: Wrong backup password. Nothing was changed.');
  });

  it('a file that is not a backup, or is damaged, fails with one line', async () => {
    const notBackup = join(dir, 'not-a-backup.json');
    writeFileSync(notBackup, '[]');
    expect(failsWith(await vaultRunner(source)(['restore', notBackup, '--merge'], [BACKUP_PW]), 1)).toBe(`patvault: ${notBackup} is not a PAT Vault backup.`);
    const damaged = join(dir, 'damaged.backup');
    const bytes = readFileSync(file);
    bytes[100] = (bytes[100] as number) ^ 0x01;
    writeFileSync(damaged, bytes);
    expect(failsWith(await vaultRunner(source)(['restore', damaged, '--merge'], [BACKUP_PW]), 1)).toMatch(/^patvault: The backup file is damaged \(checksum mismatch\)/);
  });

  it('backup refuses to replace a file unless --force', async () => {
    const existing = join(dir, 'existing.backup');
    writeFileSync(existing, 'keep');
    expect(failsWith(await vaultRunner(source)(['backup', existing, ...FAST_INIT], [BACKUP_PW]), 1)).toBe(`patvault: ${existing} already exists; use --force to replace it.`);
    expect(readFileSync(existing, 'utf8')).toBe('keep');
    expect(ok(await vaultRunner(source)(['backup', existing, '--force', ...FAST_INIT], [BACKUP_PW]))).toBe(`backed up 7 tokens (1 custom platform) to ${existing}\n`);
    expect(readFileSync(existing).subarray(0, 15).toString()).toBe('PATVAULT-BACKUP');
  });

  it('a short backup password is refused before anything is written', async () => {
    const f = join(dir, 'short.backup');
    expect(failsWith(await vaultRunner(source)(['backup', f, ...FAST_INIT], ['short']), 1)).toBe('patvault: Backup password must be at least 8 characters long.');
    expect(existsSync(f)).toBe(false);
  });
});

describe('restore --merge', () => {
  let newer: string;

  beforeAll(async () => {
    // The restored vault changes: one token renamed (newer there), one added; its backup is merged back.
    const other = join(dir, 'restored', 'vault.sqlite');
    const run = vaultRunner(other, NEW_PW);
    ok(await run(['edit', ids[0] as string, '--name', 'renamed in the other vault']));
    ok(await run(['add', '--platform', 'github', '--account', 'newco', '--name', 'only in the other vault'], ['ghp_only_in_other_vault_1']));
    newer = join(dir, 'newer.backup');
    ok(await run(['backup', newer, ...FAST_INIT], [BACKUP_PW]));
  });

  it('--dry-run prints the summary and changes nothing', async () => {
    const v = await openVault(source);
    const before = snapshot(v);
    v.close();
    const r = await vaultRunner(source)(['restore', newer, '--merge', '--dry-run'], [BACKUP_PW]);
    expect(ok(r).split('\n')).toEqual([
      'dry run, nothing was changed: would merge tokens: 1 added, 1 updated, 6 skipped',
      'custom platforms: 0 added, 0 updated, 1 skipped',
      'conflicts: 1',
      `  token ${(ids[0] as string).slice(0, 8)} "renamed in the other vault" (same id): kept the backup copy; the backup copy is newer`,
      '',
    ]);
    const after = await openVault(source);
    expect(snapshot(after)).toBe(before);
    after.close();
  });

  it('merges, printing the summary (--json for scripts); the renamed token and the new one are in', async () => {
    const r = json<{ added: number; updated: number; skipped: number; conflicts: { id: string; kept: string }[]; dryRun: boolean }>(
      await vaultRunner(source)(['restore', newer, '--merge', '--json'], [BACKUP_PW]),
    );
    expect(r).toMatchObject({ added: 1, updated: 1, skipped: 6, platforms: { added: 0, updated: 0, skipped: 1 }, dryRun: false });
    expect(r.conflicts).toEqual([expect.objectContaining({ id: ids[0], kept: 'backup', matchedBy: 'id' })]);
    const names = json<TokenJson[]>(await vaultRunner(source)(['list', '--json'])).map((t) => t.name);
    expect(names).toContain('renamed in the other vault');
    expect(names).toContain('only in the other vault');
    expect(names).toHaveLength(8);
    const log = json<{ action: string; detail: string }[]>(await vaultRunner(source)(['log', '--json']));
    expect(log.at(-1)?.action).toBe('restore');
  });
});

describe('bad usage exits 2 with one line', () => {
  it.each([
    [['backup']],
    [['restore']],
    [['restore', 'a', 'b']],
    [['backup', 'x', '--kdf-memory', 'lots']],
    [['restore', 'x', '--kdf-iterations', '0']],
    [['restore', 'x', '--frobnicate']],
  ])('%j', async (args) => {
    expect(failsWith(await runCli(['--vault', join(dir, 'none.sqlite'), '--password-stdin', ...args], { input: `${PASSWORD}\n` }), 2)).toMatch(/; see patvault --help$/);
  });
});
