/**
 * `import --format env|csv|keepassxc` end to end through the built bundle, on the import
 * module's own fixtures: the preview (stderr) lists every row and never a value, --dry-run
 * writes nothing, a real import adds the new tokens once (a second run finds them all in the
 * vault), and a malformed file is refused whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_SECRETS, ENV } from '../core/import/fixtures';
import { buildCli, createVault, failsWith, json, ok, openVault, vaultRunner } from './test-support';

const FIXTURES = join(import.meta.dirname, '..', 'core', 'import', 'fixtures');
let dir: string;
let path: string;
let run: ReturnType<typeof vaultRunner>;
const printed: string[] = [];

async function cli(args: readonly string[]) {
  const r = await run(args);
  printed.push(r.stdout, r.stderr);
  return r;
}

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'patvault-cli-import-'));
  path = join(dir, 'vault.sqlite');
  (await createVault(path)).close();
  run = vaultRunner(path);
});
afterAll(() => {
  // No value of any fixture was ever printed (preview, summary, errors).
  for (const text of printed) for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  rmSync(dir, { recursive: true, force: true });
});

it('.env: preview, dry run writes nothing, then imports the recognised tokens once', async () => {
  const before = readFileSync(path);
  const dry = await cli(['import', join(FIXTURES, 'tokens.env'), '--format', 'env', '--account', 'dotenv', '--dry-run']);
  expect(ok(dry)).toMatch(/^dry run: would import \d+, \d+ duplicates?, \d+ skipped; nothing was written\n$/);
  expect(dry.stderr).toMatch(/GITHUB_TOKEN/);
  expect(dry.stderr).toMatch(/skip: /);
  expect(readFileSync(path).equals(before)).toBe(true);
  const real = ok(await cli(['import', join(FIXTURES, 'tokens.env'), '--format', 'env', '--account', 'dotenv']));
  const n = Number(/^imported (\d+) tokens/.exec(real)?.[1]);
  expect(n).toBeGreaterThan(3);
  const list = json<{ platform: string; account: string; name: string }[]>(await cli(['list', '--json']));
  expect(list.filter((t) => t.account === 'dotenv')).toHaveLength(n);
  expect(list.find((t) => t.name === 'GITHUB_TOKEN')?.platform).toBe('github');
  const v = await openVault(path);
  const gh = v.tokens.list().find((t) => t.name === 'GITHUB_TOKEN');
  expect(v.tokens.readSecret(gh?.id as string, 'get').value).toBe(ENV.github);
  v.close();
  // Again: everything is already there.
  expect(ok(await cli(['import', join(FIXTURES, 'tokens.env'), '--format', 'env', '--account', 'dotenv']))).toMatch(/^imported 0 tokens/);
});

it('KeePassXC and generic CSV import; a malformed file or a bad mapping changes nothing', async () => {
  expect(ok(await cli(['import', join(FIXTURES, 'keepassxc-2.7.csv'), '--format', 'keepassxc']))).toMatch(/^imported [1-9]\d* tokens/);
  expect(ok(await cli(['import', join(FIXTURES, 'generic.csv'), '--format', 'csv', '--account', 'csv-acct', '--dry-run']))).toMatch(/^dry run: would import/);
  const before = readFileSync(path);
  expect(failsWith(await cli(['import', join(FIXTURES, 'unterminated-quote.csv'), '--format', 'csv', '--account', 'a']), 1)).toMatch(/^patvault: /);
  expect(failsWith(await cli(['import', join(FIXTURES, 'generic.csv'), '--format', 'csv', '--map', 'token=NoSuchColumn,name=Nope']), 1)).toMatch(/NoSuchColumn|column/);
  expect(failsWith(await cli(['import', join(FIXTURES, 'tokens.env'), '--format', 'env']), 1)).toBe('patvault: import --format env needs --account (the account the tokens belong to).');
  expect(failsWith(await cli(['import', join(FIXTURES, 'tokens.env'), '--format', 'yaml']), 2)).toMatch(/yaml/);
  expect(readFileSync(path).equals(before)).toBe(true);
});
