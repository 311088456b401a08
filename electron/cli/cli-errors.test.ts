/**
 * Bad input to every command: exit 1 with exactly one "patvault: …" line on stderr, nothing
 * on stdout, and the vault unchanged (every token, the audit log's length, quick unlock).
 * Bad usage: exit 2 with one line pointing at --help.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../core/vault/vault';
import { FAST_INIT, PASSWORD, buildCli, createVault, failsWith, runCli, snapshot, vaultRunner, writeJson, type RunResult } from './test-support';

let dir: string;
let path: string;
let ref: Vault; // stays open: the snapshot before/after each command
let run: ReturnType<typeof vaultRunner>;
let ids: string[];
let ambiguous: string;

const good = { platform: 'github', account: 'acme', name: 'good' } as const;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-err-'));
  path = join(dir, 'vault.sqlite');
  ref = await createVault(path);
  // Tokens until two ids share their first hex digit: that digit is an ambiguous prefix.
  const firsts = new Map<string, number>();
  for (let i = 0; ; i++) {
    const t = ref.tokens.add({ ...good, name: `token ${i}`, token: `ghp_existing_${i}` });
    const n = (firsts.get(t.id[0] as string) ?? 0) + 1;
    firsts.set(t.id[0] as string, n);
    if (n === 2) {
      ambiguous = t.id[0] as string;
      break;
    }
  }
  ids = ref.tokens.list().map((t) => t.id);
  run = vaultRunner(path);
});

afterAll(() => {
  ref.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn`, asserts exit 1 with one line on stderr and no change; returns the line. */
async function rejects(fn: () => Promise<RunResult>): Promise<string> {
  const before = snapshot(ref);
  const r = await fn();
  const line = failsWith(r, 1);
  expect(r.stdout).toBe('');
  expect(snapshot(ref)).toBe(before);
  return line;
}

const addArgs = (over: Record<string, string> = {}): string[] => {
  const o: Record<string, string> = { platform: 'github', account: 'acme', name: 'new one', ...over };
  return ['add', ...Object.entries(o).flatMap(([k, v]) => [`--${k}`, v])];
};

describe('ids', () => {
  it('unknown id, ambiguous prefix and a non-hex id fail for get, show, edit and remove', async () => {
    for (const cmd of [['get'], ['show'], ['show', '--json'], ['edit', '--name', 'x'], ['remove']]) {
      const [name, ...rest] = cmd as [string, ...string[]];
      expect(await rejects(() => run([name, 'abcdef0123456789abcdef', ...rest]))).toMatch(/no token with id/i);
      expect(await rejects(() => run([name, ambiguous, ...rest]))).toMatch(/matches \d+ tokens/);
      expect(await rejects(() => run([name, 'not-an-id', ...rest]))).toMatch(/is not a token id/);
    }
  });
});

describe('field validation', () => {
  it.each(['2026-13-01', '2026-02-30', 'tomorrow', '2026-1-01'])('add and edit refuse the date %s', async (date) => {
    expect(await rejects(() => run(addArgs({ expires: date }), ['ghp_new_value']))).toMatch(/expiresAt: must be a date written YYYY-MM-DD/);
    expect(await rejects(() => run(['edit', ids[0] as string, '--expires', date]))).toMatch(/YYYY-MM-DD/);
  });

  it('empty or blank names are refused', async () => {
    expect(await rejects(() => run(addArgs({ name: '' }), ['ghp_new_value']))).toMatch(/name: name must not be empty/);
    expect(await rejects(() => run(addArgs({ name: '   ' }), ['ghp_new_value']))).toMatch(/must not be empty/);
    expect(await rejects(() => run(['edit', ids[0] as string, '--name', '']))).toMatch(/must not be empty/);
  });

  it('unknown platforms are refused by add, edit and list', async () => {
    expect(await rejects(() => run(addArgs({ platform: 'githubb' }), ['ghp_new_value']))).toMatch(/unknown platform/);
    expect(await rejects(() => run(['edit', ids[0] as string, '--platform', 'nope']))).toMatch(/unknown platform/);
    expect(await rejects(() => run(['list', '--platform', 'nope']))).toMatch(/unknown platform/);
  });

  it('token values: oversized, empty, missing, duplicate, control characters', async () => {
    expect(await rejects(() => run(addArgs(), ['x'.repeat(16 * 1024 + 1)]))).toMatch(/larger than 16 KiB/);
    expect(await rejects(() => run(addArgs(), ['   ']))).toMatch(/must not be empty/);
    expect(await rejects(() => run(addArgs(), []))).toMatch(/standard input ended before the token value/i);
    expect(await rejects(() => run(addArgs(), ['ghp_existing_0']))).toMatch(/already in the vault/);
    expect(await rejects(() => run(addArgs(), ['ghp\u0007bell']))).toMatch(/control characters/);
    expect(await rejects(() => run(['edit', ids[0] as string, '--value-stdin'], ['y'.repeat(16 * 1024 + 1)]))).toMatch(/16 KiB/);
  });

  it('other fields: base URL, scopes, nothing to change', async () => {
    expect(await rejects(() => run(addArgs({ 'base-url': 'http://example.com' }), ['ghp_new_value']))).toMatch(/base URL/);
    expect(await rejects(() => run(addArgs({ scopes: 'a,b\u0001' }), ['ghp_new_value']))).toMatch(/control characters/);
    expect(await rejects(() => run(['edit', ids[0] as string]))).toMatch(/Nothing to change/);
  });
});

describe('import', () => {
  const item = (i: number, over: Record<string, unknown> = {}) => ({ platform: 'gitlab', account: 'imp', name: `imp ${i}`, token: `glpat-import-${i}`, ...over });

  it.each([
    ['not JSON', '[{"platform": "github", "token": "glpat-secret-in-broken-json"', /is not valid JSON/],
    ['a JSON object', JSON.stringify({ tokens: [item(1)] }), /must hold a JSON array/],
    ['an item without token', JSON.stringify([item(1), { platform: 'gitlab', account: 'imp', name: 'no token' }]), /item 2: token:/],
    ['an item with a bad date', JSON.stringify([item(1), item(2), item(3, { expiresAt: '2026-02-30' })]), /item 3: expiresAt: must be a date/],
    ['an item with an unknown platform', JSON.stringify([item(1, { platform: 'nope' })]), /item 1: platform: unknown platform/],
    ['duplicated keys of a wrong type', JSON.stringify([item(1, { scopes: 'api' })]), /item 1: scopes:/],
  ])('refuses %s and imports nothing', async (_what, content, message) => {
    const file = writeJson(join(dir, `import-${Math.random().toString(16).slice(2)}.json`), content);
    const line = await rejects(() => run(['import', file]));
    expect(line).toMatch(message);
    expect(line).not.toContain('glpat-'); // messages never quote the file
  });

  it('refuses a missing file and standard input', async () => {
    expect(await rejects(() => run(['import', join(dir, 'missing.json')]))).toMatch(/Cannot read .*ENOENT/);
    expect(await rejects(() => run(['import', '-']))).toMatch(/standard input/);
  });
});

describe('passwords and files', () => {
  it('a wrong password changes nothing and writes no audit entry', async () => {
    const wrong = vaultRunner(path, 'not the password at all');
    const hash = fileHash(path);
    for (const args of [['list'], ['get', ids[0] as string], ['log'], ['export'], ['remove', ids[0] as string]]) {
      expect(await rejects(() => wrong(args))).toBe('patvault: Wrong master password. Nothing was changed.');
    }
    expect(await rejects(() => wrong(addArgs(), ['ghp_new_value']))).toMatch(/Wrong master password/);
    expect(await rejects(() => wrong(['passwd'], ['another good password']))).toMatch(/Wrong master password/);
    expect(fileHash(path)).toBe(hash);
  });

  it('no password: empty stdin, or no terminal without --password-stdin', async () => {
    expect(await rejects(() => runCli(['--vault', path, '--password-stdin', 'list'], { input: '' }))).toMatch(/ended before the master password/);
    expect(await rejects(() => runCli(['--vault', path, 'list']))).toBe(
      'patvault: no terminal to ask for the master password; use --password-stdin',
    );
  });

  it('passwd refuses a too-short new password', async () => {
    expect(await rejects(() => run(['passwd'], ['short']))).toMatch(/New password must be at least 8 characters/);
  });

  it('init: existing file, KDF below the floor, short password; no file is left behind', async () => {
    const init = (p: string, flags: string[], pw = PASSWORD) => runCli(['--vault', p, '--password-stdin', 'init', ...flags], { input: `${pw}\n` });
    expect(await rejects(() => init(path, FAST_INIT))).toMatch(/already exists/);
    const fresh = join(dir, 'fresh.sqlite');
    expect(failsWith(await init(fresh, ['--kdf-memory', '18', '--kdf-iterations', '2']), 1)).toMatch(
      /^patvault: Key derivation settings \(memory 18 MiB, 2 iterations\) are below the safe minimum/,
    );
    expect(failsWith(await init(fresh, ['--kdf-memory', '19', '--kdf-iterations', '1']), 1)).toMatch(/below the safe minimum/);
    expect(failsWith(await init(fresh, FAST_INIT, 'short'), 1)).toMatch(/at least 8 characters/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('a missing vault or a file that is not a vault', async () => {
    expect(failsWith(await vaultRunner(join(dir, 'nope.sqlite'))(['list']), 1)).toMatch(/No vault at .*patvault init/);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(failsWith(await vaultRunner(junk)(['list']), 1)).toMatch(/not a PAT Vault vault/);
  });
});

describe('bad usage exits 2', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['list', '--frob'], /unknown option '--frob'/],
    [['add', '--platform', 'github', '--account', 'a'], /required option '--name <name>' not specified/],
    [['get'], /missing required argument 'id'/],
    [['get', 'abc', 'def'], /too many arguments/],
    [['list', '--status', 'sleepy'], /argument 'sleepy' is invalid/],
    [['export', '--format', 'xml'], /argument 'xml' is invalid/],
    [['init', '--kdf-memory', 'lots'], /expected a number of MiB/],
    [[], /missing command/],
    [['keychain'], /missing command/],
  ])('%j', async (args, message) => {
    const before = snapshot(ref);
    const r = await runCli(['--vault', path, '--password-stdin', ...args], { input: `${PASSWORD}\n` });
    expect(failsWith(r, 2)).toMatch(message);
    expect(r.stderr).toMatch(/; see patvault --help\n$/);
    expect(snapshot(ref)).toBe(before);
  });

  it('--help and --version exit 0 on stdout', async () => {
    const help = await runCli(['add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--platform <id>');
    expect(help.stdout).toContain('--password-stdin');
    const helpCommand = await runCli(['help', 'import']);
    expect(helpCommand.code).toBe(0);
    expect(helpCommand.stdout).toContain('--batch-size <n>');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

function fileHash(p: string): string {
  const h = createHash('sha256');
  for (const f of [p, `${p}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}
